"""Whom asks are made of and done to, and asks told in less common shapes."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.extract.asks import Ask, extract_asks
from storyline.extract.entities import group_entities
from storyline.extract.quotes import extract_quotes
from storyline.nlp.pipeline import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_nlp()


def asks(nlp: Any, text: str) -> tuple[Ask, ...]:
    doc = nlp(text)
    entities = group_entities(doc)
    return extract_asks(doc, entities, extract_quotes(doc, entities), ())


def one(nlp: Any, text: str, kind: str) -> Ask:
    (found,) = [a for a in asks(nlp, text) if a.kind == kind]
    return found


def target_text(text: str, ask: Ask) -> str | None:
    return None if ask.target is None else text[ask.target.start : ask.target.end]


def test_a_city_or_an_office_ordered_to_act_is_the_target(nlp: Any) -> None:
    text = "The judge ordered the city to pay damages."
    ask = one(nlp, text, "action")
    assert target_text(text, ask) == "the city"
    assert text[ask.content_start : ask.content_end] == "pay damages"
    text = "A judge ordered the mayor's office to release the video."
    assert target_text(text, one(nlp, text, "action")) == "the mayor's office"


def test_a_demand_noun_asks_the_party_before_its_infinitive(nlp: Any) -> None:
    text = "Critics renewed calls for the minister to resign."
    ask = one(nlp, text, "demand")
    assert target_text(text, ask) == "the minister"
    assert text[ask.content_start : ask.content_end] == "resign"
    text = "Kovar's call on Estmark to free the journalists was rejected."
    assert target_text(text, one(nlp, text, "demand")) == "Estmark"
    # what is asked for is no party asked
    assert one(nlp, "The union's demand for a pay rise was rejected.", "demand").target is None


def test_a_petition_for_someone_to_act_is_a_demand_of_them(nlp: Any) -> None:
    text = "A petition for the mayor to resign has drawn many signatures."
    ask = one(nlp, text, "demand")
    assert target_text(text, ask) == "the mayor"
    assert ask.content == "resign"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Estmark imposed sanctions on Orlesia.", "Orlesia"),
        ("The government declared war on the rebels.", "the rebels"),
        ("The committee issued subpoenas to the foundation.", "the foundation"),
        ("The campaign raised money from donors.", "donors"),
        ("The army sent troops to Kabul.", None),  # a place is no party
    ],
)
def test_a_deed_aimed_at_or_passed_to_a_party_has_it_as_target(
    nlp: Any, text: str, target: str | None
) -> None:
    assert target_text(text, one(nlp, text, "action")) == target


def test_an_object_pronoun_is_not_its_own_verbs_subject(nlp: Any) -> None:
    text = "Senator Ann Cole asked him to resign."
    ask = one(nlp, text, "demand")
    assert ask.actor is not None and ask.actor.name == "Ann Cole"
    assert target_text(text, ask) == "him"
    text = "Ms. Kovar met Dunn on Monday. Later the senator Ann Cole urged him to resign."
    ask = one(nlp, text, "demand")
    assert ask.actor is not None and ask.actor.name == "Ann Cole"
    assert ask.target is not None and ask.target.name == "Dunn"
    assert target_text(text, ask) == "him"


def test_what_is_demanded_from_a_party_asks_that_party(nlp: Any) -> None:
    text = "Kovar demanded an apology from Estmark."
    assert target_text(text, one(nlp, text, "demand")) == "Estmark"
    text = "Kovar demanded the release of the prisoners from jail."
    assert one(nlp, text, "demand").target is None


def test_two_sides_agreeing_together_are_actor_and_target(nlp: Any) -> None:
    text = "Estmark and Orlesia agreed to reopen the border."
    ask = one(nlp, text, "commitment")
    assert ask.actor is not None and ask.actor.name == "Estmark"
    assert target_text(text, ask) == "Orlesia"


def test_will_continue_to_do_something_pledges_it(nlp: Any) -> None:
    text = "The company will continue to pay the workers."
    ask = one(nlp, text, "commitment")
    assert text[ask.content_start : ask.content_end] == "continue to pay the workers"
    for text in ("We will continue to live in fear.", "I will continue to be open with you."):
        assert not [a for a in asks(nlp, text) if a.kind == "commitment"]  # a state, no deed


def test_will_in_a_second_clause_without_its_subject_is_the_first_subjects(nlp: Any) -> None:
    text = "Kovar is cancelling the projects and will use the money to fix roads."
    ask = one(nlp, text, "commitment")
    assert ask.actor is not None and ask.actor.name == "Kovar"
    assert ask.content.startswith("use money")


def test_plans_told_with_a_deed_or_as_planning_on(nlp: Any) -> None:
    text = "The party hired 40 staffers with plans to send nine more to the state."
    ask = one(nlp, text, "commitment")
    assert ask.actor is not None and ask.actor.name == "The party"
    ask = one(nlp, "Many districts plan on keeping remote classes.", "commitment")
    assert ask.actor is not None and ask.actor.name == "Many districts"
    assert ask.content.endswith("keep remote class")


def test_a_statement_a_body_released_speaks_for_it(nlp: Any) -> None:
    text = "The party released a statement confirming it will double its staff."
    ask = one(nlp, text, "commitment")
    assert ask.actor is not None and ask.actor.name == "The party"


def test_ruling_out_a_deed_refuses_it_and_does_not_do_it(nlp: Any) -> None:
    text = "But Orel ruled out halting the filling at Drosk."
    (ask,) = asks(nlp, text)
    assert ask.kind == "refusal"
    assert text[ask.content_start : ask.content_end] == "halting the filling at Drosk"


def test_a_pledge_that_someone_would_act_has_the_act_as_content(nlp: Any) -> None:
    text = "Orel pledged that Karsia would post daily readings on the website."
    ask = one(nlp, text, "commitment")
    assert text[ask.content_start : ask.content_end] == "post daily readings on the website"


def test_a_demand_that_a_party_do_several_things_gives_one_record_each(nlp: Any) -> None:
    text = (
        "Dana Reed, head of the Harbour Workers Union, demanded on Monday that Saltreve "
        "Shipping keep its Varn yard open until June, pay the bonus agreed in March and let "
        "outside engineers examine the crane."
    )
    found = asks(nlp, text)
    assert [a.kind for a in found] == ["demand"] * 3
    assert [text[a.content_start : a.content_end] for a in found] == [
        "keep its Varn yard open until June",
        "pay the bonus agreed in March",
        "let outside engineers examine the crane",
    ]
    assert {a.target.name for a in found if a.target is not None} == {"Saltreve Shipping"}


def test_a_correction_broadcast_is_a_deed(nlp: Any) -> None:
    ask = one(nlp, "The correction was broadcast on Sunday.", "action")
    assert ask.actor is None and ask.content.startswith("broadcast")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Kovar appealed to Estmark to free the journalists.", "Estmark"),
        ("Kovar pleaded with the council to keep the library open.", "the council"),
        ("Kovar challenged Dunn to release his tax returns.", "Dunn"),
        ("Kovar asked that the council delay the vote.", "the council"),
    ],
)
def test_other_ways_of_asking_a_party_to_act(nlp: Any, text: str, target: str) -> None:
    ask = one(nlp, text, "demand")
    assert ask.actor is not None and ask.actor.name == "Kovar"
    assert target_text(text, ask) == target


def test_appealing_a_ruling_and_asking_whether_ask_nothing(nlp: Any) -> None:
    assert [a.kind for a in asks(nlp, "The city appealed the ruling.")] == ["action"]
    assert not asks(nlp, "Kovar asked whether the council would delay the vote.")


def test_a_demand_noun_with_a_that_clause_asks_its_subject(nlp: Any) -> None:
    text = "The union's request that the company reinstate the workers was denied."
    ask = one(nlp, text, "demand")
    assert ask.actor is not None and ask.actor.name == "The union"
    assert target_text(text, ask) == "the company"
    assert text[ask.content_start : ask.content_end] == "reinstate the workers"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Kovar said she is willing to be interviewed by the police.", "the police"),
        ("The delegates pledged their support to Kovar.", "Kovar"),
        ("Estmark promised weapons to Orlesia.", "Orlesia"),
    ],
)
def test_the_other_side_of_a_pledge(nlp: Any, text: str, target: str) -> None:
    assert target_text(text, one(nlp, text, "commitment")) == target


def test_a_measure_issued_binds_the_party_it_requires_to_act(nlp: Any) -> None:
    text = "The governor issued a mandate requiring all students to wear masks."
    (ask,) = asks(nlp, text)
    assert (ask.kind, target_text(text, ask)) == ("action", "all students")


def test_a_passive_sending_somewhere_has_the_place_as_content(nlp: Any) -> None:
    text = "An additional 250 staffers are being sent to Ohio, Iowa and Texas."
    ask = one(nlp, text, "action")
    assert text[ask.content_start : ask.content_end] == "Ohio, Iowa and Texas"
    assert target_text(text, ask) == "An additional 250 staffers"
    # where a thing came from is not what was done to it
    ask = one(nlp, "A missile was launched from North Korea.", "action")
    assert ask.target is None and ask.content.startswith("launch missile")


def test_would_in_a_second_reported_clause_is_still_the_bodys_own_word(nlp: Any) -> None:
    text = "The council said it had given its answer in January and would not reopen the contract."
    ask = one(nlp, text, "commitment")
    assert ask.actor is not None and ask.actor.name == "The council"
    assert (ask.content, ask.polarity) == ("reopen contract", "negative")
