from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from storyline.extract.annotate import default_annotator
from storyline.extract.asks import Ask, extract_asks
from storyline.extract.entities import group_entities
from storyline.extract.quotes import extract_quotes
from storyline.extract.time import extract_timexes
from storyline.nlp.pipeline import load_nlp
from storyline.records import Article


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_nlp()


def asks(nlp: Any, text: str, published: datetime | None = None) -> tuple[Ask, ...]:
    doc = nlp(text)
    entities = group_entities(doc)
    found = extract_asks(
        doc, entities, extract_quotes(doc, entities), extract_timexes(text, published, doc)
    )
    for a in found:  # every record is a view into the text
        assert text[a.cue_start : a.cue_end] == a.cue
        assert a.sentence_start <= a.content_start < a.content_end <= a.sentence_end
        assert a.start <= min(a.cue_start, a.content_start)
        assert a.end >= max(a.cue_end, a.content_end)
        for party in (a.actor, a.target):
            assert party is None or 0 <= party.start < party.end <= len(text)
    return found


def test_a_list_of_demands_in_one_sentence_gives_one_record_each(nlp: Any) -> None:
    text = (
        "Foreign Minister Adela Kovar will press Orlesia to reopen the Tessel border "
        "crossing, free seven detained reporters and extend a grain corridor."
    )
    found = [a for a in asks(nlp, text) if a.kind == "demand"]
    spans = [text[a.content_start : a.content_end] for a in found]
    assert spans == [
        "reopen the Tessel border crossing",
        "free seven detained reporters",
        "extend a grain corridor",
    ]
    assert [a.content for a in found] == [
        "reopen tessel border crossing",
        "free seven detain reporter",
        "extend grain corridor",
    ]
    for a in found:
        assert a.actor is not None and a.actor.name == "Adela Kovar"
        assert a.target is not None and a.target.name == "Orlesia"
        assert a.cue == "press" and (a.polarity, a.certainty) == ("positive", "reported")


def test_an_official_acts_for_the_country_his_title_names(nlp: Any) -> None:
    text = (
        "U.S. Secretary of State Antony Blinken arrived in Istanbul on Sunday. "
        "Blinken will be pressing Ankara to approve the sale of fighter jets."
    )
    (demand,) = asks(nlp, text)
    assert demand.kind == "demand"
    assert demand.actor is not None and demand.actor.name == "Antony Blinken"
    assert demand.actor.country == "United States"
    assert text[demand.actor.start : demand.actor.end] == "Blinken"
    assert demand.actor.entity_id is not None
    assert demand.target is not None and demand.target.country == "Turkey"
    assert text[demand.content_start : demand.content_end].startswith("approve the sale")


def test_a_demanding_phrase_with_a_demonym_gives_the_country(nlp: Any) -> None:
    (ask,) = asks(nlp, "The Turkish government urged Sweden to extradite the suspects.")
    assert ask.actor is not None and ask.actor.country == "Turkey"
    assert ask.target is not None and ask.target.country == "Sweden"


def test_a_demand_inside_a_quote_points_at_the_quote_and_its_speaker(nlp: Any) -> None:
    text = "“We want Orlesia to free our reporters before the trial,” Kovar said."
    (ask,) = asks(nlp, text)
    assert ask.kind == "demand"
    assert ask.quote_start is not None and ask.quote_end is not None
    assert ask.quote_start <= ask.cue_start < ask.quote_end
    assert ask.actor is not None and ask.actor.name == "Kovar"  # "we" is the speaker
    assert ask.target is not None and ask.target.name == "Orlesia"
    assert text[ask.content_start : ask.content_end] == "free our reporters before the trial"


def test_a_claimed_action_is_doubted(nlp: Any) -> None:
    (ask,) = asks(nlp, "Halloran claimed that Orlesia had extended the grain corridor.")
    assert (ask.kind, ask.certainty, ask.polarity) == ("action", "doubted", "positive")
    assert ask.actor is not None and ask.actor.name == "Orlesia"
    assert ask.content == "extend grain corridor"


def test_has_yet_to_is_not_a_done_action(nlp: Any) -> None:
    text = "The transport ministry in Dunmere has yet to announce an extension."
    (ask,) = asks(nlp, text)
    assert ask.kind == "action"
    assert (ask.certainty, ask.polarity) == ("doubted", "negative")
    assert text[ask.content_start : ask.content_end] == "an extension"


def test_a_done_action_is_reported_with_its_date(nlp: Any) -> None:
    text = "Orlesia reopened the Tessel border crossing on Tuesday."
    (ask,) = asks(nlp, text, datetime(2025, 2, 12))
    assert (ask.kind, ask.certainty, ask.polarity) == ("action", "reported", "positive")
    # the content span is what the deed is done to, without the verb (the guidelines'
    # "object with its own complements"); the normalised content keeps the verb
    assert text[ask.content_start : ask.content_end] == "the Tessel border crossing on Tuesday"
    assert ask.content == "reopen tessel border crossing"  # the date goes to ``when``
    assert ask.when == "2025-02-11"


def test_a_refusal(nlp: Any) -> None:
    text = "Interior Minister Stefan Orlov on Wednesday refused to release the five journalists."
    (ask,) = asks(nlp, text)
    assert ask.kind == "refusal"
    assert ask.actor is not None and ask.actor.name == "Stefan Orlov"
    assert ask.content == "release five journalist"


def test_a_commitment_and_speech_that_is_no_demand(nlp: Any) -> None:
    text = (
        "Estmark committed to a credit line for the repair of rail lines. "
        "Kovar told reporters that the talks were useful. "
        "An official, who asked not to be named, confirmed it."
    )
    found = asks(nlp, text)
    assert [(a.kind, a.actor.name if a.actor else None) for a in found] == [
        ("commitment", "Estmark")
    ]


def test_the_annotator_adds_asks() -> None:
    text = "The union refused to end the strike."
    article = Article(id="a", source="s", kind="text", content_hash="h", text=text, raw_text=text)
    found = default_annotator().annotate(article)
    assert [a.kind for a in found.asks] == ["refusal"]


def spans(text: str, found: tuple[Ask, ...]) -> list[tuple[str, str]]:
    return [(a.kind, text[a.content_start : a.content_end]) for a in found]


def test_an_order_to_do_a_list_is_one_action_per_item_with_the_one_ordered(nlp: Any) -> None:
    text = "The board ordered Facebook to review the decision and restore the account."
    found = asks(nlp, text)
    assert spans(text, found) == [
        ("action", "review the decision"),
        ("action", "restore the account"),
    ]
    for a in found:
        assert a.actor is not None and a.actor.name == "The board"
        assert a.target is not None and text[a.target.start : a.target.end] == "Facebook"


def test_a_passive_with_a_complement_makes_the_patient_the_target(nlp: Any) -> None:
    text = "Estmark was fined $185 million. Orlesia was banned from both sites."
    found = asks(nlp, text)
    assert spans(text, found) == [("action", "$185 million"), ("action", "both sites")]
    assert [a.target.name if a.target else None for a in found] == ["Estmark", "Orlesia"]
    assert [a.actor for a in found] == [None, None]  # agentless


def test_made_public_by_is_a_release_by_its_agent(nlp: Any) -> None:
    text = "The emails were made public by the committee."
    (ask,) = asks(nlp, text)
    assert (ask.kind, text[ask.content_start : ask.content_end]) == ("action", "The emails")
    assert ask.actor is not None and ask.actor.name == "the committee"


def test_will_is_a_pledge_of_a_person_and_a_schedule_of_a_chamber(nlp: Any) -> None:
    text = (
        "Kovar will sign the treaty with Orlesia. Senators will swap the legislation into the bill."
    )
    found = asks(nlp, text)
    assert spans(text, found) == [
        ("commitment", "sign the treaty with Orlesia"),
        ("action", "swap the legislation into the bill"),
    ]
    assert found[0].cue == "will" and found[0].target is not None
    assert found[0].target.name == "Orlesia"


def test_would_is_a_pledge_only_in_the_actors_own_announcement(nlp: Any) -> None:
    text = "The bank announced it would end the incentives. Kovar would muster serious resistance."
    found = asks(nlp, text)
    assert spans(text, found) == [("commitment", "end the incentives")]
    assert found[0].actor is not None and found[0].actor.name == "The bank"


def test_should_demand_content_is_the_whole_verb_phrase_after_the_modal(nlp: Any) -> None:
    text = "Kovar told Orlesia: “You should be criminally investigated.”"
    (ask,) = asks(nlp, text)
    assert ask.kind == "demand" and ask.cue == "should"
    assert text[ask.content_start : ask.content_end] == "be criminally investigated"
    assert ask.target is not None and text[ask.target.start : ask.target.end] == "You"


def test_trying_to_convince_someone_is_a_demand(nlp: Any) -> None:
    text = "The opponents will try to convince the appeals court to throw out the rules."
    (ask,) = asks(nlp, text)
    assert (ask.kind, text[ask.content_start : ask.content_end]) == (
        "demand",
        "throw out the rules",
    )
    assert ask.actor is not None and ask.actor.name == "The opponents"


def test_a_mislemmatised_cue_still_counts(nlp: Any) -> None:
    # the lemmatiser gives "overrul"; the cue lists are matched on the mended stem
    text = "The police overruled that request."
    (ask,) = asks(nlp, text)
    assert (ask.kind, text[ask.content_start : ask.content_end]) == ("refusal", "that request")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The committee voted against approving the Harlow dam.", "approving the Harlow dam"),
        ("Three councillors voted against the budget.", "the budget"),
        ("Residents fought its construction for a decade.", "its construction"),
    ],
)
def test_a_vote_against_and_a_fight_against_a_measure_are_refusals(
    nlp: Any, text: str, content: str
) -> None:
    (ask,) = asks(nlp, text)
    assert (ask.kind, text[ask.content_start : ask.content_end]) == ("refusal", content)


def test_fighting_for_a_measure_refuses_nothing(nlp: Any) -> None:
    assert [a.kind for a in asks(nlp, "She fought for the bill.")] == []


def test_a_refused_plan_with_no_owner_is_no_one_s_pledge(nlp: Any) -> None:
    text = "An advisory panel rejected a plan to give booster shots to all adults."
    (ask,) = asks(nlp, text)
    assert ask.kind == "refusal" and ask.actor is not None
    assert ask.actor.name == "An advisory panel"


def test_a_recommendation_is_a_demand(nlp: Any) -> None:
    text = "The panel recommended emergency use of a third dose for older people."
    (ask,) = asks(nlp, text)
    assert ask.kind == "demand"
    assert text[ask.content_start : ask.content_end].startswith("emergency use of a third dose")


def test_an_aspect_verb_passes_the_deed_to_its_infinitive(nlp: Any) -> None:
    text = "Detectives continue to investigate the incidents."
    (ask,) = asks(nlp, text)
    assert (ask.kind, text[ask.content_start : ask.content_end]) == ("action", "the incidents")


@pytest.mark.parametrize(
    "text",
    [
        "The senator witnessed a defining moment in history.",  # perceiving, no deed
        "Ten people were killed in the attack.",  # violence with no state named
        "The union called Kovar a champion.",  # naming, not calling for
        "The summit offers an early test.",  # "offer" pledges only an act or a deal
        "Kovar would muster serious resistance.",  # a hypothesis
        "Demand for workers soared.",  # an ask noun with no one asking
        "The rapid vaccination cut potential hosts.",  # no one acting
        "The agency informed the company that the inquiry was criminal.",  # speech
        "Investors try to determine if inflation could alter policy.",  # no deed tried
        "Data compiled by the archive show a rise.",  # a participle of no listed deed
        "The senator opposes radical ideology.",  # a stance, not a refused act
        "Three gymnasts offered gut-wrenching testimony to Congress.",  # no pledge
        "Kovar said Republicans will be advised to boycott the debates.",  # a patient
    ],
)
def test_no_ask(nlp: Any, text: str) -> None:
    assert asks(nlp, text) == ()


def test_the_maker_of_an_ask_noun_is_the_subject_of_its_light_verb(nlp: Any) -> None:
    text = "The Supreme Court made a surprise decision to grant the request."
    (ask,) = asks(nlp, text)
    assert (ask.kind, ask.cue, text[ask.content_start : ask.content_end]) == (
        "action",
        "decision",
        "grant the request",
    )
    assert ask.actor is not None and ask.actor.name == "Supreme Court"


def test_a_possessive_pronoun_takes_the_person_named_before_it_in_the_sentence(
    nlp: Any,
) -> None:
    text = "Critics tore into the president for breaking his pledge to stay in the country."
    (ask,) = asks(nlp, text)
    assert (ask.kind, text[ask.content_start : ask.content_end]) == (
        "commitment",
        "stay in the country",
    )
    assert ask.actor is not None
    assert text[ask.actor.start : ask.actor.end] == "the president"


def test_the_one_told_is_asked_and_a_refused_request_names_its_asker(nlp: Any) -> None:
    text = (
        "Kovar had told police officials that she didn't want the escort at all, "
        "but the police overruled that request."
    )
    want, refusal = asks(nlp, text)
    assert (want.kind, want.polarity) == ("demand", "negative")
    assert want.target is not None and want.target.name == "police officials"
    assert refusal.kind == "refusal" and refusal.target is not None
    assert refusal.target.name == "Kovar"  # the asker of the latest demand


def test_called_for_a_party_to_do_something_asks_that_party(nlp: Any) -> None:
    text = "The union called for the minister to be removed from office."
    (ask,) = asks(nlp, text)
    assert text[ask.content_start : ask.content_end] == "be removed from office"
    assert ask.target is not None and ask.target.name == "the minister"


def test_the_other_side_of_a_meeting_is_the_target(nlp: Any) -> None:
    text = "Biden and Putin will meet in Geneva on June 16."
    (ask,) = asks(nlp, text)
    assert ask.kind == "commitment" and ask.cue == "will"
    assert ask.actor is not None and ask.actor.name == "Biden"
    assert ask.target is not None and ask.target.name == "Putin"


def test_an_ask_nouns_infinitive_hung_on_the_verb_is_still_its_content(nlp: Any) -> None:
    text = "A judge rejected a media request to unseal the file."
    refusal, request = asks(nlp, text)
    assert refusal.kind == "refusal"
    assert (request.kind, request.cue, text[request.content_start : request.content_end]) == (
        "demand",
        "request",
        "unseal the file",
    )
    assert request.actor is not None and request.actor.name == "media"


def test_a_relative_passive_is_done_to_the_antecedent(nlp: Any) -> None:
    text = "Stefanik, who was backed by Trump, won the vote."
    (ask,) = asks(nlp, text)
    assert (ask.kind, text[ask.content_start : ask.content_end]) == ("action", "Stefanik")
    assert ask.actor is not None and ask.actor.name == "Trump"


def test_a_month_named_may_is_no_modal(nlp: Any) -> None:
    text = "In May, a criminal group breached the pipeline."
    (ask,) = asks(nlp, text)
    assert (ask.kind, text[ask.content_start : ask.content_end]) == ("action", "the pipeline")


def test_refused_efforts_name_those_who_made_them_as_target(nlp: Any) -> None:
    text = "Officials dismissed a series of efforts by the campaign to overturn the result."
    (ask,) = asks(nlp, text)
    assert ask.kind == "refusal"
    assert ask.target is not None and ask.target.name == "the campaign"


def test_an_order_of_a_thing_is_an_action_on_that_thing(nlp: Any) -> None:
    text = "The board ordered a new review of the suspension to take place within six months."
    (ask,) = asks(nlp, text)
    assert ask.kind == "action" and ask.target is None
    assert text[ask.content_start : ask.content_end].startswith("a new review")


def test_declaring_an_emergency_is_a_deed_and_announcing_a_pick_is_speech(nlp: Any) -> None:
    text = (
        "Governor Kovar on Tuesday declared a state of emergency over gun violence. "
        "The union announced the pick."
    )
    (ask,) = asks(nlp, text)
    assert (ask.kind, ask.cue) == ("action", "declared")
    assert text[ask.content_start : ask.content_end].startswith("a state of emergency")


def test_a_subject_of_agent_form_can_act(nlp: Any) -> None:
    text = "Thousands of bankers opened two million accounts."
    (ask,) = asks(nlp, text)
    assert (ask.kind, text[ask.content_start : ask.content_end]) == (
        "action",
        "two million accounts",
    )


def test_opposing_a_motion_is_a_refusal(nlp: Any) -> None:
    text = "The lawyers opposed the motion."
    (ask,) = asks(nlp, text)
    assert (ask.kind, text[ask.content_start : ask.content_end]) == ("refusal", "the motion")


def test_a_participle_names_what_was_proposed(nlp: Any) -> None:
    text = "Critics condemned the laws proposed during Nixon's term."
    (ask,) = asks(nlp, text)  # condemning is speech, not a deed
    assert (ask.kind, ask.cue, text[ask.content_start : ask.content_end]) == (
        "demand",
        "proposed",
        "the laws",
    )
    assert ask.actor is None


def test_announcing_a_plan_is_the_plan_not_the_announcement(nlp: Any) -> None:
    text = "The minister announced plans to send 20 million doses abroad."
    (ask,) = asks(nlp, text)
    assert (ask.kind, ask.cue, text[ask.content_start : ask.content_end]) == (
        "commitment",
        "plans",
        "send 20 million doses abroad",
    )
    assert ask.actor is not None and ask.actor.name == "The minister"


def test_a_relative_clause_on_a_predicate_noun_is_done_by_the_copulas_subject(
    nlp: Any,
) -> None:
    text = "California is the first state that will require schoolchildren to get vaccinated."
    (ask,) = asks(nlp, text)
    assert (ask.kind, ask.cue, text[ask.content_start : ask.content_end]) == (
        "commitment",
        "will",
        "require schoolchildren to get vaccinated",
    )
    assert ask.actor is not None and ask.actor.name == "California"
    assert ask.target is not None and ask.target.name == "schoolchildren"


def _rows(nlp: Any, text: str) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, content, actor name, target name) of each ask found in ``text``."""
    return [
        (
            a.kind,
            text[a.content_start : a.content_end],
            a.actor.name if a.actor else None,
            a.target.name if a.target else None,
        )
        for a in asks(nlp, text)
    ]


def test_a_content_cut_at_a_no_break_space_runs_on_to_its_phrase_end(nlp: Any) -> None:
    text = "The assembly approved a\xa0$2 billion relief fund for farmers, officials said."
    (ask,) = [a for a in asks(nlp, text) if a.kind == "action"]
    content = text[ask.content_start : ask.content_end]
    assert content.endswith("relief fund for farmers")
    assert ask.actor is not None and ask.actor.name == "The assembly"


@pytest.mark.parametrize(
    "text",
    [
        "The new guidance rejects any delay.",  # a document refuses nothing
        "Workers were forced to accept the cuts.",  # no one named forced them
        "The court raised questions about the merger.",  # words, not a deed
        "The senator wanted to speak to voters.",  # speech is no plan
        "The senator boarded a bus to the capital.",  # everyday narrative
        "If we have to continue to spend money, we will find it.",  # an open condition
        "They backed the reform along with a willingness to use force.",  # nobody's pledge
    ],
)
def test_no_new_ask(nlp: Any, text: str) -> None:
    assert [r for r in _rows(nlp, text) if r[0] != "action" or "reform" not in r[1]] == []


def test_a_measure_that_passed_is_the_content_and_the_chamber_its_actor(nlp: Any) -> None:
    assert _rows(nlp, "The bill passed 52 to 48.") == [("action", "The bill", None, None)]
    rows = _rows(nlp, "It passed the Senate 60-40 on Tuesday.")
    assert [(k, c) for k, c, _, _ in rows] == [("action", "It")]
    assert rows[0][2] is not None and "Senate" in rows[0][2]


def test_money_spent_is_a_deed(nlp: Any) -> None:
    text = "The ministry has spent $4 billion on the program."
    assert [(k, c, a) for k, c, a, _ in _rows(nlp, text)] == [
        ("action", "$4 billion on the program", "The ministry")
    ]


def test_a_willingness_of_a_named_actor_is_a_commitment(nlp: Any) -> None:
    rows = _rows(nlp, "The governor signaled a willingness to raise taxes.")
    assert [(k, c, a) for k, c, a, _ in rows] == [("commitment", "raise taxes", "The governor")]


def test_a_denied_request_is_a_refusal_and_a_demand_of_the_one_denying(nlp: Any) -> None:
    text = "The court denied a request from the miners to halt the auction."
    rows = sorted(_rows(nlp, text))
    assert rows == [
        ("demand", "halt the auction", "the miners", "The court"),
        ("refusal", "a request from the miners to halt the auction", "The court", None),
    ]


def test_a_plan_laid_out_is_the_plan_with_its_participle(nlp: Any) -> None:
    text = "Kovar unveiled a plan paying farmers to plant trees, including tax credits."
    rows = _rows(nlp, text)
    assert [(k, c, a) for k, c, a, _ in rows] == [
        ("commitment", "paying farmers to plant trees, including tax credits", "Kovar")
    ]


def test_a_law_that_bans_something_does_no_deed(nlp: Any) -> None:
    text = "The parliament adopted a law that bans smoking in parks."
    assert [(k, a) for k, _, a, _ in _rows(nlp, text)] == [("action", "The parliament")]


def test_a_passive_demand_is_made_by_its_agent_of_its_subject(nlp: Any) -> None:
    text = "The workers were urged by the union to accept the deal."
    assert _rows(nlp, text) == [("demand", "accept the deal", "the union", "The workers")]


def test_hoping_another_party_will_act_asks_it(nlp: Any) -> None:
    text = "Kovar hopes Orlesia will free the journalists."
    assert _rows(nlp, text) == [("demand", "free the journalists", "Kovar", "Orlesia")]


def test_pushing_a_bill_through_a_chamber_is_a_deed(nlp: Any) -> None:
    text = "Democrats pushed a spending bill through the Senate."
    assert [(k, a) for k, _, a, _ in _rows(nlp, text)] == [("action", "Democrats")]


def test_throwing_support_behind_someone_is_backing(nlp: Any) -> None:
    text = "The union threw its support behind the mayor."
    assert _rows(nlp, text) == [("action", "the mayor", "The union", None)]


def test_a_headline_passive_has_its_by_phrase_as_actor(nlp: Any) -> None:
    text = "Labour candidate John Fenwick removed from debate venue by police."
    assert _rows(nlp, text) == [("action", "debate venue", "police", "John Fenwick")]


def test_a_party_right_before_a_detached_verb_is_its_subject(nlp: Any) -> None:
    text = "The vote came one day after the Senate passed a farm package."
    assert _rows(nlp, text) == [("action", "a farm package", "Senate", None)]


def test_a_sentence_cut_at_a_no_break_space_takes_the_subject_of_the_piece_before(
    nlp: Any,
) -> None:

    from storyline.extract.asks_parties import PartyResolver

    rows = [  # word, head, dep, pos, tag
        ("Psaki", 1, "nsubj", "PROPN", "NNP"),
        ("flagged", 1, "ROOT", "VERB", "VBD"),
        ("12", 1, "obj", "NUM", "CD"),
        ("\xa0", 1, "dep", "SPACE", "_SP"),
        ("Facebook", 5, "compound", "PROPN", "NNP"),
        ("accounts", 5, "ROOT", "NOUN", "NNS"),
        ("and", 7, "cc", "CCONJ", "CC"),
        ("called", 5, "conj", "VERB", "VBN"),
        ("on", 10, "case", "ADP", "IN"),
        ("the", 10, "det", "DET", "DT"),
        ("platform", 7, "obl", "NOUN", "NN"),
        ("to", 12, "mark", "PART", "TO"),
        ("ban", 7, "advcl", "VERB", "VB"),
        ("them", 12, "obj", "PRON", "PRP"),
        (".", 5, "punct", "PUNCT", "."),
    ]
    doc = _parsed(nlp, rows, sent_starts=[i in (0, 4) for i in range(len(rows))])
    subject = PartyResolver(doc, (), ()).subject(doc[7])
    assert subject is not None and subject.text == "Psaki"


def test_a_passive_from_a_place_keeps_the_patient_as_content(nlp: Any) -> None:
    text = "The rockets were launched from Syria on Monday."
    assert _rows(nlp, text) == [("action", "The rockets", None, None)]


def test_a_pronoun_patient_of_a_passive_with_an_agent_is_the_content(nlp: Any) -> None:
    text = "It was first declared by President Adela Kovar in 1990."
    assert _rows(nlp, text) == [("action", "It", "Adela Kovar", None)]


def test_an_infinitive_read_as_a_noun_phrase_keeps_its_verb_phrase(nlp: Any) -> None:
    text = "Figueroa said the party planned to bus in supporters to stage a protest."
    assert _rows(nlp, text) == [
        ("commitment", "bus in supporters to stage a protest", "the party", None)
    ]


def test_making_a_promise_is_not_the_promise(nlp: Any) -> None:
    text = "We will make this promise to you: we will rebuild the bridge."
    assert [(k, c) for k, c, _, _ in _rows(nlp, text)] == [("commitment", "rebuild the bridge")]


@pytest.mark.parametrize(
    "text",
    [
        "The minister lowered expectations for a quick deal.",  # words, not a deed
        "Researchers analyzed the health records of two million patients.",  # research
        "The ads are aimed at voters alienated by Kovar.",  # no listed deed
    ],
)
def test_no_deed(nlp: Any, text: str) -> None:
    assert _rows(nlp, text) == []


def test_a_team_ready_to_act_is_no_pledge_of_the_one_who_assembled_it(nlp: Any) -> None:
    rows = _rows(nlp, "The mayor has assembled a team ready to rebuild the harbour.")
    assert [k for k, *_ in rows] == ["action"]
    rows = _rows(nlp, "The mayor is ready to rebuild the harbour.")
    assert rows == [("commitment", "rebuild the harbour", "The mayor", None)]


def test_stepping_up_an_effort_is_the_effort_of_the_verbs_subject(nlp: Any) -> None:
    text = "The ministry is stepping up its effort to clear the river of waste."
    assert _rows(nlp, text) == [("action", "clear the river of waste", "The ministry", None)]


def test_a_noun_forced_by_no_one_named_is_asked_by_no_one(nlp: Any) -> None:
    assert _rows(nlp, "The mayor spoke for residents forced to leave their homes.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The talks test the council's goal of holding the firm accountable.",
        # the parse hangs the noun's dependents on the no-break space after it
        "The talks test the\xa0council\u2019s goal\xa0of holding the firm accountable.",
    ],
)
def test_a_goal_of_doing_is_a_commitment(nlp: Any, text: str) -> None:
    ((kind, content, actor, _),) = _rows(nlp, text)
    assert (kind, content) == ("commitment", "holding the firm accountable")
    assert actor is not None and "council" in actor


def test_moving_to_do_something_is_the_deed_attempted(nlp: Any) -> None:
    text = "The regulator moved to block the merger."
    assert _rows(nlp, text) == [("action", "block the merger", "The regulator", None)]


def test_a_deed_of_no_one_did_not_happen(nlp: Any) -> None:
    (ask,) = asks(nlp, "No governor moved to close the schools.")
    assert (ask.kind, ask.polarity) == ("action", "negative")


def test_a_chamber_vote_reported_by_its_leader_is_a_schedule(nlp: Any) -> None:
    text = "Kovar said on Monday that the Senate will vote on the farm bill next week."
    (ask,) = asks(nlp, text)
    assert (ask.kind, ask.cue, text[ask.content_start : ask.content_end]) == (
        "action",
        "will",
        "vote on the farm bill next week",
    )


def test_a_clause_subject_is_found_through_a_coordination(nlp: Any) -> None:
    text = "The union met on Monday and urged the city to act."
    (ask,) = asks(nlp, text)
    assert ask.kind == "demand" and ask.actor is not None
    assert "union" in text[ask.actor.start : ask.actor.end]


def test_killing_people_as_an_accusation_is_no_deed(nlp: Any) -> None:
    assert _rows(nlp, "Kovar said the company is killing people.") == []
    rows = _rows(nlp, "The militia killed 17 people in the raid.")
    assert [(k, a) for k, _, a, _ in rows] == [("action", "The militia")]


def test_should_in_a_document_is_no_ones_demand(nlp: Any) -> None:
    assert _rows(nlp, '"Kovar should resign," the union said.') == [
        ("demand", "resign", "the union", "Kovar")
    ]
    assert _rows(nlp, '"Kovar should resign," the postings said.') == []


def test_an_infinitive_after_an_aside_is_still_what_is_asked(nlp: Any) -> None:
    text = (
        "The senator forced the banker, who was under questioning from the committee "
        "over the scandal, to admit that nobody had been punished."
    )
    assert _rows(nlp, text) == [
        ("demand", "admit that nobody had been punished", "The senator", "the banker")
    ]


def test_a_ruling_owned_by_a_court_is_its_deed_without_the_leading_to(nlp: Any) -> None:
    text = "The minister welcomed the court's overnight ruling to lift the ban."
    assert _rows(nlp, text) == [("action", "lift the ban", "the court", None)]


def test_the_subject_of_a_demanded_that_clause_is_the_one_asked(nlp: Any) -> None:
    text = (
        "Marta Lind, head of the Dockers' Union, demanded on Monday that Vessen Polymers "
        "keep its Brenn depot open."
    )
    assert _rows(nlp, text) == [
        ("demand", "keep its Brenn depot open", "Marta Lind", "Vessen Polymers")
    ]
    text = "The union insisted that the charges be dropped."
    assert [t for *_, t in _rows(nlp, text)] == [None]  # a passive names no one asked


def test_a_demand_with_the_one_asked_before_the_infinitive_in_a_quote(nlp: Any) -> None:
    text = "“We are asking the ministry to pay for the new ferry,” Mayor Ida Borg said."
    assert [(k, a, t) for k, _, a, t in _rows(nlp, text)] == [
        ("demand", "Ida Borg", "the ministry")
    ]


def test_asked_about_something_is_no_demand(nlp: Any) -> None:
    text = "Asked about the fire at the depot in March, Lind said the firm had nothing to hide."
    assert [r for r in _rows(nlp, text) if r[0] == "demand"] == []


def test_letting_someone_do_something_is_a_deed(nlp: Any) -> None:
    text = "Vessen Polymers let the safety regulator inspect the store."
    assert _rows(nlp, text) == [
        ("action", "inspect the store", "Vessen Polymers", "the safety regulator")
    ]


def test_a_sum_promised_for_a_purpose_promises_the_purpose(nlp: Any) -> None:
    text = "Transport Minister Ida Borg pledged 9 million crowns last week for a new ferry."
    ((kind, content, actor, _),) = _rows(nlp, text)
    assert (kind, actor) == ("commitment", "Ida Borg")
    assert content.endswith("for a new ferry")


def test_it_said_by_people_familiar_with_a_bodys_plans_is_that_body(nlp: Any) -> None:
    text = (
        "People familiar with the union's plans said it also wants Vessen Polymers to "
        "guarantee jobs at its Brenn depot."
    )
    rows = [(a, t) for k, _, a, t in _rows(nlp, text) if k == "demand"]
    assert rows == [("the union", "Vessen Polymers")]


def test_a_that_clause_hung_on_a_noun_after_insist_is_still_what_is_asked(nlp: Any) -> None:
    text = "The minister would insist at next week's meeting that the union withdraw its complaint."
    assert _rows(nlp, text) == [("demand", "withdraw its complaint", "The minister", "the union")]


def test_wanting_something_done_asks_for_it_and_names_no_one_asked(nlp: Any) -> None:
    text = "The company wants the complaint withdrawn."
    assert _rows(nlp, text) == [("demand", "the complaint withdrawn", "The company", None)]


def test_a_relative_clause_telling_what_someone_does_is_no_deed(nlp: Any) -> None:
    for text in (
        "Tom Ellis, who also chairs the growers' association, said the harvest was lost.",
        "“There is no point,” said Gary Fenn, who has pulled pints at the inn for 26 years.",
    ):
        assert _rows(nlp, text) == []
    assert [k for k, *_ in _rows(nlp, "The senator, who has signed the bill, left.")] == ["action"]


def test_a_wish_ascribed_to_others_in_a_quote_is_no_commitment(nlp: Any) -> None:
    assert _rows(nlp, "“Now they want to lock the gates,” she said.") == []
    assert [k for k, *_ in _rows(nlp, "The firm wants to sell the depot.")] == ["commitment"]


def test_the_source_of_a_report_is_no_part_of_the_content(nlp: Any) -> None:
    text = "The firm agreed on Friday to open the depot to inspectors, according to Tom Ashdown."
    assert _rows(nlp, text) == [("commitment", "open the depot to inspectors", "The firm", None)]


def test_an_amount_received_is_a_deed_by_someone_unnamed(nlp: Any) -> None:
    text = "Dock workers received half of the rise agreed in May."
    ((kind, content, actor, target),) = _rows(nlp, text)
    assert (kind, content, actor, target) == (
        "action",
        "half of the rise agreed in May",  # the whole object, "in May" with "agreed"
        None,
        "Dock workers",
    )
    assert _rows(nlp, "The minister received a letter from the union.") == []


def test_will_inside_an_indirect_question_is_no_pledge(nlp: Any) -> None:
    assert _rows(nlp, "The ministry has not announced how much it will pay per hectare.") == []
    rows = _rows(nlp, "The ministry said it will pay 300 crowns per hectare.")
    assert [k for k, *_ in rows] == ["commitment"]


def test_a_time_or_a_topic_is_not_whom_a_deed_is_done_to(nlp: Any) -> None:
    rows = _rows(nlp, "Harbour police freed the sailors from custody in Varn on Thursday evening.")
    assert [(k, t) for k, _, _, t in rows] == [("action", None)]
    rows = _rows(nlp, "On pay, the firm has gone part of the way.")
    assert [t for *_, t in rows] == [None]


def test_it_opening_a_joined_clause_is_the_body_of_the_first(nlp: Any) -> None:
    rows = _rows(nlp, "The company signed the deal and it paid the first part on Monday.")
    assert [a for _, _, a, _ in rows] == ["The company", "The company"]


def test_two_deeds_joined_in_one_sentence_are_two_actions_without_their_circumstances(
    nlp: Any,
) -> None:
    text = (
        "Tessara released the six sailors and let more grain through the Pell canal "
        "after three days of talks."
    )
    found = [a for a in asks(nlp, text) if a.kind == "action"]
    spans = [text[a.content_start : a.content_end] for a in found]
    # the second verb has its own doer (the first verb's subject) and is no part of the
    # first deed; "after three days of talks" says when, not what was done
    assert spans == ["the six sailors", "more grain through the Pell canal"]
    assert [a.actor.name if a.actor else None for a in found] == ["Tessara", "Tessara"]


def test_a_demand_whose_that_clause_the_parse_split_off_is_still_read(nlp: Any) -> None:
    from spacy.tokens import Doc

    from storyline.extract.asks_grammar import complement

    # "demanded on Monday that the operator restore the buses" as the parser sometimes
    # reads it: "that" left hanging on the cue, the clause a second root.
    words = [
        "The",
        "mayor",
        "demanded",
        "on",
        "Monday",
        "that",
        "the",
        "operator",
        "restore",
        "the",
        "buses",
        ".",
    ]
    heads = [1, 2, 2, 4, 2, 2, 7, 8, 8, 10, 8, 8]
    deps = ["det", "nsubj", "ROOT", "case", "obl", "dep", "det", "nsubj", "ROOT", "det"]
    lemmas = [w.lower() for w in words]
    lemmas[2] = "demand"
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=[*deps, "obj", "punct"], lemmas=lemmas)
    clause, target = complement(doc[2], "demand")
    assert (clause, target) == (doc[8], doc[7])  # "restore …", asking "the operator"


def test_an_official_saying_what_the_body_would_do_is_its_commitment(nlp: Any) -> None:
    (pledge,) = asks(nlp, "The minister said the government would pay for six new ferries.")
    assert (pledge.kind, pledge.content) == ("commitment", "pay six new ferry")
    assert pledge.actor is not None and pledge.actor.name == "the government"
    # an analyst's "would" is a forecast, not the bank's word
    assert asks(nlp, "Analysts said the bank would cut rates.") == ()


def test_asking_a_party_for_a_thing_is_a_demand_of_it(nlp: Any) -> None:
    (ask,) = asks(nlp, "He asked the court for a delay.")
    assert (ask.kind, ask.content) == ("demand", "delay")
    assert ask.target is not None and ask.target.name == "the court"


def test_a_thing_that_comes_back_with_no_doer_named_is_done_or_promised(nlp: Any) -> None:
    (promise,) = asks(nlp, "Night buses will return to routes 4 and 9 within weeks.")
    assert (promise.kind, promise.actor) == ("commitment", None)
    assert promise.content.startswith("return night bus route 4 9")
    (done,) = asks(nlp, "The border crossing reopened on Monday.")
    assert (done.kind, done.actor, done.content) == ("action", None, "reopen border crossing")
    (again,) = asks(nlp, "Night services on route 4 ran again from Monday.")
    assert (again.kind, again.content) == ("action", "resume night service route 4 again")
    # a person coming back restores nothing, and "could" promises nothing
    assert asks(nlp, "The minister returned to Vorn.") == ()
    assert asks(nlp, "Flights could resume next week.") == ()


def test_an_order_read_with_its_infinitive_as_a_phrase_still_gives_each_item(nlp: Any) -> None:
    from spacy.tokens import Doc

    from storyline.extract.asks_grammar import complement
    from storyline.extract.asks_spans import content_items

    # "… ordered Ferrin to air a correction, pay a fine and appoint an ombudsman, after
    # finding faults" as the parser sometimes reads it: "to air" a phrase, "appoint" a
    # present tense, the when-clause hung on the last item.
    rows = [
        ("The", "det", 1, "DT", "DET"),
        ("regulator", "nsubj", 2, "NN", "NOUN"),
        ("ordered", "ROOT", 2, "VBD", "VERB"),
        ("Ferrin", "obj", 2, "NNP", "PROPN"),
        ("to", "case", 5, "IN", "ADP"),
        ("air", "obl", 2, "NN", "NOUN"),
        ("a", "det", 7, "DT", "DET"),
        ("correction", "obj", 5, "NN", "NOUN"),
        (",", "punct", 9, ",", "PUNCT"),
        ("pay", "conj", 5, "VB", "VERB"),
        ("a", "det", 11, "DT", "DET"),
        ("fine", "obj", 9, "NN", "NOUN"),
        ("and", "cc", 13, "CC", "CCONJ"),
        ("appoint", "conj", 9, "VBP", "VERB"),
        ("an", "det", 15, "DT", "DET"),
        ("ombudsman", "obj", 13, "NN", "NOUN"),
        (",", "punct", 18, ",", "PUNCT"),
        ("after", "mark", 18, "IN", "SCONJ"),
        ("finding", "advcl", 13, "VBG", "VERB"),
        ("faults", "obj", 18, "NNS", "NOUN"),
        (".", "punct", 2, ".", "PUNCT"),
    ]
    words, deps, heads, tags, pos = (list(column) for column in zip(*rows, strict=True))
    lemmas = [w.lower() for w in words]
    lemmas[2] = "order"
    doc = Doc(nlp.vocab, words=words, deps=deps, heads=heads, tags=tags, pos=pos, lemmas=lemmas)
    clause, target = complement(doc[2], "demand")
    assert (clause, target) == (doc[5], doc[3])
    items = [doc[a:b].text for a, b in content_items(doc[2], clause)]
    assert items == ["air a correction", "pay a fine", "appoint an ombudsman"]


def test_an_official_named_with_a_title_earlier_speaks_for_the_body(nlp: Any) -> None:
    text = (
        "Ferrin's chief executive, Anselm Korda, met the regulator on Monday. "
        "Korda said Ferrin would appoint an independent ombudsman by September."
    )
    pledge = [a for a in asks(nlp, text) if a.kind == "commitment"]
    assert [(a.actor.name if a.actor else None, a.content) for a in pledge] == [
        ("Ferrin", "appoint independent ombudsman")
    ]
    # without the title, a person's report of what a company would do is no pledge of it
    bare = "Anselm Korda met the regulator. Korda said Ferrin would appoint an ombudsman."
    assert [a.kind for a in asks(nlp, bare) if a.kind == "commitment"] == []


def test_a_bare_refusal_has_its_cue_for_content(nlp: Any) -> None:
    text = "The ministry declined."
    (ask,) = asks(nlp, text)
    assert (ask.kind, ask.cue, text[ask.content_start : ask.content_end]) == (
        "refusal",
        "declined",
        "declined",
    )
    assert asks(nlp, "He did not refuse.") == ()
    assert [a.kind for a in asks(nlp, "The minister declined to comment.")] == []


def test_a_passive_deed_with_a_complement_is_normalised_verb_first(nlp: Any) -> None:
    text = "Season-ticket holders were credited with ten days' travel at the weekend."
    (ask,) = asks(nlp, text)
    assert (ask.kind, ask.actor, text[ask.content_start : ask.content_end]) == (
        "action",
        None,
        "ten days' travel at the weekend",
    )
    assert ask.target is not None and ask.target.name == "Season-ticket holders"
    assert ask.content.startswith("credit season-ticket holder")


def test_an_ask_carries_its_cue_lemma(nlp: Any) -> None:
    text = "The regulator ordered Ferrow Media to air a correction. The reporters were detained."
    assert [(a.cue, a.cue_lemma) for a in asks(nlp, text)] == [
        ("ordered", "order"),
        ("detained", "detain"),
    ]


def test_a_that_clause_with_its_that_hung_apart_asks_its_subject(nlp: Any) -> None:
    text = (
        "Dorvale's mayor, Lene Brask, demanded on Monday that the private operator Vessen "
        "Polymers restore the night shifts at its Brenn depot, drop the 12 percent price rise "
        "due on March 1 and publish the inspection records."
    )
    assert _rows(nlp, text) == [
        ("demand", "restore the night shifts at its Brenn depot", "Lene Brask", "Vessen Polymers"),
        (
            "demand",
            "drop the 12 percent price rise due on March 1",
            "Lene Brask",
            "Vessen Polymers",
        ),
        ("demand", "publish the inspection records", "Lene Brask", "Vessen Polymers"),
    ]


def test_a_list_of_demands_runs_on_over_an_item_hung_apart(nlp: Any) -> None:
    text = (
        "Water Minister Ilse Varga will urge Karsia to raise releases from the Belka Dam by a "
        "third, share daily flow data and halt the filling of a new reservoir at Drosk, "
        "officials said on Monday, setting out the downstream country's position before the talks."
    )
    assert [c for k, c, _, t in _rows(nlp, text) if k == "demand" and t == "Karsia"] == [
        "raise releases from the Belka Dam by a third",
        "share daily flow data",
        "halt the filling of a new reservoir at Drosk",
    ]


def test_a_summing_up_phrase_after_a_deed_is_no_part_of_it(nlp: Any) -> None:
    text = (
        "The Senate passed a $3.5 trillion budget blueprint early Wednesday, the first step "
        "in a long process."
    )
    assert _rows(nlp, text) == [
        ("action", "a $3.5 trillion budget blueprint early Wednesday", "Senate", None)
    ]


def test_a_participle_clause_after_a_comma_ends_the_deed(nlp: Any) -> None:
    text = (
        "The Dockers' Union voted to elect Marta Lind as its chair, sealing her ascent two days "
        "after the union ousted Tom Ashdown."
    )
    assert [(k, c) for k, c, _, _ in _rows(nlp, text)] == [
        ("action", "elect Marta Lind as its chair"),
        ("action", "Tom Ashdown"),
    ]


def test_a_demand_not_made_is_no_demand(nlp: Any) -> None:
    assert _rows(nlp, "She has not called for him to resign.") == []


def test_inviting_someone_to_act_in_the_progressive_asks_them(nlp: Any) -> None:
    text = "The campaign said it was inviting Mark Cuban to sit in the front row."
    assert _rows(nlp, text) == [("demand", "sit in the front row", "The campaign", "Mark Cuban")]


def _parsed(
    nlp: Any, rows: list[tuple[str, int, str, str, str]], sent_starts: list[bool] | None = None
) -> Any:
    """A Doc built from (word, head, dep, pos, tag) rows, lemmas in lower case."""
    from spacy.tokens import Doc

    return Doc(
        nlp.vocab,
        words=[w for w, *_ in rows],
        spaces=[True] * len(rows),
        heads=[h for _, h, *_ in rows],
        deps=[d for _, _, d, *_ in rows],
        pos=[p for *_, p, _ in rows],
        tags=[t for *_, t in rows],
        lemmas=[w.lower() for w, *_ in rows],
        sent_starts=sent_starts,
    )


def test_two_subjects_joined_by_and_read_side_by_side_are_actor_and_partner(nlp: Any) -> None:
    from storyline.extract.asks_grammar import action_target
    from storyline.extract.asks_parties import PartyResolver

    doc = _parsed(
        nlp,
        [  # word, head, dep, pos, tag
            ("Kovar", 4, "nsubj", "PROPN", "NNP"),
            ("and", 2, "cc", "CCONJ", "CC"),
            ("Sand", 4, "nsubj", "PROPN", "NNP"),
            ("will", 4, "aux", "AUX", "MD"),
            ("meet", 4, "ROOT", "VERB", "VB"),
            ("today", 4, "obl:unmarked", "NOUN", "NN"),
            (".", 4, "punct", "PUNCT", "."),
        ],
    )
    subject = PartyResolver(doc, (), ()).subject(doc[4])
    partner = action_target(doc[4])
    assert (subject.text, partner.text) == ("Kovar", "Sand")


def test_a_subject_after_the_verb_beside_one_before_is_its_object(nlp: Any) -> None:
    from storyline.extract.asks_grammar import complement
    from storyline.extract.asks_parties import PartyResolver

    doc = _parsed(
        nlp,
        [
            ("Kovar", 1, "nsubj", "PROPN", "NNP"),
            ("urged", 1, "ROOT", "VERB", "VBD"),
            ("Sand", 1, "nsubj", "PROPN", "NNP"),
            ("to", 4, "mark", "PART", "TO"),
            ("resign", 1, "advcl", "VERB", "VB"),
            (".", 1, "punct", "PUNCT", "."),
        ],
    )
    head, target = complement(doc[1], "demand")
    assert (head.text, target.text) == ("resign", "Sand")
    assert PartyResolver(doc, (), ()).subject(doc[1]).text == "Kovar"


def test_a_relative_clause_hung_on_a_modifier_is_of_the_predicate_noun(nlp: Any) -> None:
    text = "Estmark is the first state in the region that will require travellers to carry a pass."
    assert _rows(nlp, text) == [
        ("commitment", "require travellers to carry a pass", "Estmark", "travellers")
    ]


def test_verbs_sharing_one_object_are_one_deed_and_one_demand(nlp: Any) -> None:
    # "hire and train 60 new drivers": one pledge, not "hire" and "train 60 new drivers"
    assert _rows(
        nlp, "Velorin Mobility said on Tuesday it will hire and train 60 new drivers."
    ) == [("commitment", "hire and train 60 new drivers", "Velorin Mobility", None)]
    assert _rows(nlp, "The council urged Velorin to inspect and repair its trams.") == [
        ("demand", "inspect and repair its trams", "The council", "Velorin")
    ]


def test_publishing_records_is_a_deed_and_publishing_an_article_is_not(nlp: Any) -> None:
    text = "Velorin Mobility said it had begun publishing the brake inspection records."
    assert _rows(nlp, text) == [
        ("action", "the brake inspection records", "Velorin Mobility", None)
    ]
    assert _rows(nlp, "The paper published an article on the strike.") == []


def test_an_intention_repeated_is_the_actors_own_word(nlp: Any) -> None:
    rows = _rows(nlp, "Ferrin repeated that it would not hand over a single daler.")
    assert rows == [("commitment", "not hand over a single daler", "Ferrin", None)]
    (ask,) = asks(nlp, "Ferrin repeated that it would not hand over a single daler.")
    assert ask.polarity == "negative"


def test_putting_back_is_restoring_and_a_second_past_deed_counts(nlp: Any) -> None:
    # "lifted" tagged a participle: with its subject it is a past tense, and the bare
    # "put" joined to it is past too
    text = "Ferrin lifted Lena Marsh's suspension and put the regional bulletin back on air."
    found = [(a.kind, a.content, a.actor.name if a.actor else None) for a in asks(nlp, text)]
    assert ("action", "restore regional bulletin air", "Ferrin") in found
    assert found[0][:2] == ("action", "lift marsh suspension")


def test_brushing_off_or_pushing_back_against_a_call_refuses_it(nlp: Any) -> None:
    text = "Premier Olsen on Friday brushed off the union's call for a pay rise."
    found = {(a.kind, a.cue): a for a in asks(nlp, text)}
    refusal = found[("refusal", "brushed")]
    assert text[refusal.content_start : refusal.content_end] == "the union's call for a pay rise"
    assert refusal.actor is not None and refusal.actor.name == "Olsen"
    assert refusal.target is not None and refusal.target.name == "the union"
    assert ("action", "brushed") not in found and ("demand", "call") in found
    text = (
        "The premier vowed to keep the mines open, "
        "pushing back against calls from Orlesia to close them."
    )
    (refusal,) = [a for a in asks(nlp, text) if a.kind == "refusal"]
    assert text[refusal.content_start : refusal.content_end] == "calls from Orlesia to close them"
    assert refusal.actor is not None and refusal.actor.name == "The premier"
    assert not any(a.kind == "demand" for a in asks(nlp, text))  # not the premier's demand
    # what else is brushed off is words: no refusal, no deed
    assert asks(nlp, "Dunne brushed off the report's findings.") == ()


def test_issuing_a_call_is_the_demand_not_a_deed_but_filing_a_request_is_both(nlp: Any) -> None:
    text = "World leaders on Sunday issued a call for a new inquiry into the spill."
    (ask,) = asks(nlp, text)
    assert (ask.kind, ask.cue, ask.actor and ask.actor.name) == ("demand", "call", "World leaders")
    assert text[ask.content_start : ask.content_end] == "a new inquiry into the spill"
    (ask,) = asks(nlp, "The unions renewed their plea to reopen the port.")
    assert (ask.kind, ask.cue, ask.content) == ("demand", "plea", "reopen port")
    found = asks(nlp, "Kovar filed a request for an injunction.")
    assert [(a.kind, a.cue) for a in found] == [("action", "filed"), ("demand", "request")]


def test_a_time_or_a_sum_is_no_party(nlp: Any) -> None:
    text = "The union demanded that $40 million go to retraining."
    (ask,) = asks(nlp, text)
    assert (ask.kind, ask.actor and ask.actor.name, ask.target) == ("demand", "The union", None)


def test_insisting_one_would_not_do_a_thing_is_a_pledge_not_a_demand(nlp: Any) -> None:
    text = (
        "Premier Olsen insisted he would not meet with "
        "President Kovar, whose government seeks to revive the treaty."
    )
    found = asks(nlp, text)
    assert not any(a.kind == "demand" for a in found)
    pledge, seeks = found
    assert (pledge.kind, pledge.cue, pledge.polarity) == ("commitment", "would", "negative")
    assert pledge.actor is not None and pledge.actor.name == "Olsen"
    # "whose government": the one the relative clause tells of, not the words "whose government"
    assert seeks.kind == "commitment" and seeks.actor is not None and seeks.actor.name == "Kovar"
    assert text[seeks.actor.start : seeks.actor.end] == "whose government"


def test_conditions_and_cases_of_anyone_are_no_acts(nlp: Any) -> None:
    for text in (
        "The law bars doctors from operating unless he or she has tried detecting a heartbeat.",
        "Private citizens, except for an individual who impregnated a woman, may file lawsuits.",
        "This is someone who has served our nation for decades.",
    ):
        assert asks(nlp, text) == (), text
    text = "If Kovar asks Orlesia to free the fishermen, the talks will resume."
    assert not any(a.kind == "demand" for a in asks(nlp, text))
    # "the one supporting Bush" is a body named before, its deed is told
    text = (
        "He railed against super PACs, including the one supporting Bush that raised $100 million."
    )
    assert [(a.kind, a.cue) for a in asks(nlp, text)] == [("action", "raised")]


def test_the_askers_own_next_deed_is_no_part_of_the_ask(nlp: Any) -> None:
    text = (
        "Kovar said he called on Olsen to respect press "
        "freedom and raised the case of the jailed reporters."
    )
    found = [(a.kind, a.cue, text[a.content_start : a.content_end]) for a in asks(nlp, text)]
    assert found == [
        ("demand", "called", "respect press freedom"),
        ("action", "raised", "the case of the jailed reporters"),
    ]
    text = (
        "The G-7 leaders called for a new inquiry into the "
        "spill and pledged to give 1 billion doses to poor countries."
    )
    found = [(a.kind, a.cue, text[a.content_start : a.content_end]) for a in asks(nlp, text)]
    assert found == [
        ("demand", "called", "a new inquiry into the spill"),
        ("commitment", "pledged", "give 1 billion doses to poor countries"),
    ]
    (ask,) = asks(nlp, "Kovar asked Olsen to free the reporters and then flew home.")
    assert ask.content == "free reporter"
    # a list of bare verbs stays a list of asks
    text = "Kovar urged Olsen to raise wages and cut taxes."
    assert [a.content for a in asks(nlp, text)] == ["raise wage", "cut tax"]


def test_a_verb_joined_into_a_reported_clause_is_the_tellers(nlp: Any) -> None:
    text = (
        "Minister Kovar on Wednesday warned Premier Olsen that the mere specter of a default "
        "can have drastic consequences for markets and urged the leadership to raise or "
        "suspend the ceiling as soon as possible."
    )
    (ask,) = asks(nlp, text)
    assert (ask.kind, ask.cue) == ("demand", "urged")
    assert ask.actor is not None and ask.actor.name == "Kovar"  # not "the mere specter"
    assert ask.target is not None and ask.target.name == "the leadership"
    text = (
        "Premier Olsen said on Monday that he is unwilling to negotiate over the dam, "
        "something Kovar and the Orlesian government seek to stop, and urged Orlesia to "
        "ease its sanctions."
    )
    (ask,) = [a for a in asks(nlp, text) if a.kind == "demand"]
    assert ask.actor is not None and ask.actor.name == "Olsen"
    assert ask.target is not None and ask.target.name == "Orlesia"


def test_granting_a_motion_to_dismiss_refuses_nothing(nlp: Any) -> None:
    text = "A federal judge granted Dunne's motion to dismiss the case against him on Tuesday."
    (ask,) = asks(nlp, text)
    assert (ask.kind, ask.cue) == ("action", "granted")


def test_a_refused_request_in_the_passive_is_refused_by_the_agent(nlp: Any) -> None:
    text = "The union's request was rejected by the court."
    (ask,) = asks(nlp, text)
    assert (ask.kind, text[ask.content_start : ask.content_end]) == (
        "refusal",
        "The union's request",
    )
    assert ask.actor is not None and ask.actor.name == "the court"  # not the request
    assert ask.target is not None and ask.target.name == "The union"


def test_dismissing_a_case_is_a_deed_dismissing_a_challenge_a_refusal(nlp: Any) -> None:
    text = "The charges against Dunne were dismissed by the court."
    (ask,) = asks(nlp, text)
    assert (ask.kind, ask.actor and ask.actor.name) == ("action", "the court")
    assert text[ask.content_start : ask.content_end] == "The charges against Dunne"
    (ask,) = asks(nlp, "The court dismissed a challenge to the law.")
    assert (ask.kind, ask.content) == ("refusal", "challenge law")
    text = "Officials dismissed a series of efforts by Dunne's aides to reopen the inquiry."
    (ask,) = [a for a in asks(nlp, text) if a.cue == "dismissed"]
    assert ask.kind == "refusal" and ask.target is not None
    assert asks(nlp, "The allegations were rejected by the ministry.") == ()


def test_a_state_or_habit_in_the_present_is_no_deed_but_a_headline_or_attempt_is(nlp: Any) -> None:
    text = (
        "Dockers close Saltreve port. Saltreve handles roughly half of Estmark's container "
        "traffic, and Democrats control the House. As the ministry attempts to devise new "
        "rules, Kovar tackles the backlog."
    )
    found = [(a.kind, a.cue, a.actor and a.actor.name) for a in asks(nlp, text)]
    assert found == [("action", "close", "Dockers"), ("action", "attempts", "the ministry")]
    text = "Dockers close Saltreve port. The talks stall as Orlesian troops wind down the blockade."
    found = [(a.kind, a.cue, a.actor and a.actor.name) for a in asks(nlp, text)]
    assert ("action", "wind", "Orlesian troops") in found  # going on as told


def test_a_word_that_only_points_or_counts_is_no_party(nlp: Any) -> None:
    text = "Many, including union leaders, have called for a new inquiry."
    (ask,) = asks(nlp, text)
    assert (ask.kind, ask.actor, ask.content) == ("demand", None, "new inquiry")
    text = "Those who insist on a strike urged the union to walk out."
    (ask,) = [a for a in asks(nlp, text) if a.cue == "urged"]
    assert ask.actor is None and ask.target is not None and ask.target.name == "the union"
    (ask,) = asks(nlp, "The board, which rejected the plan, met on Monday.")
    assert ask.actor is not None and ask.actor.name == "The board"  # "which" is the board


def test_no_one_asks_itself(nlp: Any) -> None:
    text = "Security guards found Stein in the hall, and she told her to leave."
    (ask,) = [a for a in asks(nlp, text) if a.kind == "demand"]
    assert ask.target is not None and ask.target.name == "Stein"
    assert ask.actor is None  # "she" read as Stein: better no asker than Stein asking Stein


def test_being_elected_is_the_voters_choice_not_a_deed(nlp: Any) -> None:
    text = (
        "In his first news conference since he was elected on Friday, the cleric said his "
        "priority would be trade."
    )
    assert asks(nlp, text) == ()


def test_it_in_what_people_say_is_not_their_own_word(nlp: Any) -> None:
    assert asks(nlp, "Critics said it would undermine the treaty.") == ()
    (ask,) = asks(nlp, "Ferrin said it would appeal the ruling.")
    assert (ask.kind, ask.actor and ask.actor.name) == ("commitment", "Ferrin")


def test_a_share_of_a_group_acts_as_the_group(nlp: Any) -> None:
    text = "More than half of the 95-member House Progressive Caucus will vote against the package."
    (ask,) = asks(nlp, text)
    assert (ask.kind, ask.actor and ask.actor.name) == ("refusal", "House Progressive Caucus")
    assert ask.actor is not None and text[ask.actor.start : ask.actor.end].startswith("half of")
    (ask,) = asks(nlp, "Many of the dockers refused to return to work.")
    assert (ask.kind, ask.actor and ask.actor.name) == ("refusal", "the dockers")


def test_an_ask_told_as_a_possibility_is_not_made(nlp: Any) -> None:
    text = "Olsen said nobody can force Orlesia to accept the path Kovar has laid out."
    assert not any(a.kind == "demand" for a in asks(nlp, text))
    assert asks(nlp, "The ministry could reverse the rules or decline to appeal.") == ()
    assert asks(nlp, "The union can't agree to the deal.") == ()
    (ask,) = asks(nlp, "The union agreed to the deal.")
    assert (ask.kind, ask.content) == ("commitment", "deal")


def test_a_past_tense_joined_to_an_infinitive_shares_the_first_verbs_subject(nlp: Any) -> None:
    text = (
        "Premier-elect Anton Olsen on Monday backed talks between Orlesia and six unions to "
        "end a 2015 strike but flatly rejected meeting President Adela Kovar, even if Dunmere "
        "lifted all sanctions."
    )
    (ask,) = [a for a in asks(nlp, text) if a.kind == "refusal"]
    assert ask.actor is not None and ask.actor.name == "Anton Olsen"
    assert text[ask.content_start : ask.content_end] == "meeting President Adela Kovar"


def test_a_document_asks_nothing_and_a_day_is_no_asker(nlp: Any) -> None:
    assert asks(nlp, "The budget calls for 6 trillion dollars in spending.") == ()
    text = (
        "The ministers published a “shared agenda” on Sunday, the final day of the summit in "
        "the U.K. The agenda detailed dozens of plans, but also called for the Harbour "
        "Authority to lead an inquiry into the spill."
    )
    # the agenda asks nothing, and "the final day" before it is no asker either
    assert asks(nlp, text) == ()


def test_a_day_before_a_plan_does_not_own_it(nlp: Any) -> None:
    text = "The ministry will announce Friday plans to lift the curfew."
    (plan,) = [a for a in asks(nlp, text) if a.cue == "plans"]
    assert plan.actor is not None and plan.actor.name == "The ministry"  # not "Friday"


def test_a_name_deep_in_a_phrase_does_not_make_its_head_an_actor(nlp: Any) -> None:
    text = "Kovar spoke on Monday. The price of bread in the U.S. increased nearly 30% in 2020."
    assert asks(nlp, text) == ()
    text = "Kovar spoke on Monday. Orlesia's press union urged Kovar to free the reporters."
    (ask,) = asks(nlp, text)
    assert ask.actor is not None and ask.actor.name == "Orlesia's press union"


def test_a_group_named_for_what_it_is_can_ask(nlp: Any) -> None:
    (ask,) = asks(nlp, "Conservatives wanted the party to become more moderate.")
    assert (ask.kind, ask.actor and ask.actor.name) == ("demand", "Conservatives")
    text = "A seven-justice majority, with Justice Anna Breyer dissenting, issued a narrow ruling."
    (ask,) = asks(nlp, text)
    assert (ask.kind, ask.actor and ask.actor.name) == ("action", "A seven-justice majority")


def test_an_announcement_or_a_pointing_word_asks_nothing(nlp: Any) -> None:
    text = "The announcement asked the ministry to take extraordinary measures."
    assert asks(nlp, text) == ()
    assert asks(nlp, "That is calling on regulators to step in.") == ()
    text = "The residents urged the council to reopen the school."
    (ask,) = asks(nlp, text)
    assert (ask.actor and ask.actor.name, ask.content) == ("The residents", "reopen school")


def test_a_refusal_that_did_not_happen_is_none(nlp: Any) -> None:
    assert asks(nlp, "Orlesia has not ruled out the use of force.") == ()
    assert asks(nlp, "The union did not reject the offer.") == ()
    assert asks(nlp, "The union's request was not rejected by the court.") == ()
    (ask,) = asks(nlp, "The union rejected the offer.")
    assert (ask.kind, ask.content) == ("refusal", "offer")


def test_a_place_a_deed_is_done_on_is_no_party(nlp: Any) -> None:
    (ask,) = asks(nlp, "The officer put his knee on a man's back.")
    assert ask.kind == "action" and ask.target is None
    (ask,) = asks(nlp, "The ministry filed a case against the operator.")
    assert ask.target is not None and ask.target.name == "the operator"
    text = "Former lawyers filed lawsuits against him on Monday."
    (ask,) = asks(nlp, text)
    assert ask.target is not None and text[ask.target.start : ask.target.end] == "him"


def test_getting_things_going_asks_no_one(nlp: Any) -> None:
    text = "“We are going to bring people home, and to get lorries moving again,” Kovar said."
    assert not any(a.kind == "demand" for a in asks(nlp, text))
    (ask,) = asks(nlp, "Kovar tried to get the ministry to reopen the port.")
    assert (ask.kind, ask.target and ask.target.name) == ("demand", "the ministry")


def test_determining_a_fact_is_no_pledge_being_determined_to_act_is(nlp: Any) -> None:
    assert asks(nlp, "The agency determined the boosters were safe.") == ()
    (ask,) = asks(nlp, "Kovar is determined to continue the talks.")
    assert (ask.kind, ask.content) == ("commitment", "continue talk")


def test_an_effort_launched_is_its_launchers_and_its_aim_no_act_of_its_own(nlp: Any) -> None:
    text = (
        "Party leaders opposed the bill and launched a last-ditch effort to convince members "
        "to vote against it."
    )
    found = [(a.kind, a.cue, a.actor and a.actor.name) for a in asks(nlp, text)]
    assert ("demand", "effort", "Party leaders") in found
    assert not any(cue == "vote" for _, cue, _ in found)  # the vote sought is no refusal


def test_forcing_a_thing_asks_no_one(nlp: Any) -> None:
    text = "Orlesia scrambled a fighter jet to force the plane - bound for Karvas - to land."
    assert [(a.kind, a.cue) for a in asks(nlp, text)] == [("action", "scrambled")]
    (ask,) = asks(nlp, "The union forced the ministry to reopen talks.")
    assert (ask.kind, ask.target and ask.target.name) == ("demand", "the ministry")


def test_would_in_a_who_question_is_no_pledge(nlp: Any) -> None:
    assert asks(nlp, "Two others have not said who they would vote for.") == ()
    text = "Kovar named the envoy who will lead the talks."
    assert [(a.kind, a.cue) for a in asks(nlp, text) if a.kind == "commitment"] == [
        ("commitment", "will")
    ]


def test_a_content_cut_after_an_article_names_nothing(nlp: Any) -> None:
    assert asks(nlp, "The decision comes a week after the ministry filed a...") == ()
    (ask,) = asks(nlp, "The ministry filed a lawsuit.")
    assert (ask.kind, ask.content) == ("action", "file lawsuit")


def test_a_statement_put_out_is_words_its_call_the_issuers(nlp: Any) -> None:
    text = "G-7 nations filed a joint statement calling for a timely inquiry."
    (ask,) = asks(nlp, text)
    assert (ask.kind, ask.cue, ask.actor and ask.actor.name) == ("demand", "calling", "G-7 nations")
    text = "The ministry released a statement on Monday."
    assert asks(nlp, text) == ()


def test_it_that_stands_for_no_one_pledges_nothing(nlp: Any) -> None:
    text = "“That is a recipe for more enemies, and it will make us less safe,” Kovar said."
    assert asks(nlp, text) == ()
    (ask,) = asks(nlp, "Ferrin said it will appeal the ruling.")
    assert (ask.kind, ask.actor and ask.actor.name) == ("commitment", "Ferrin")


def test_it_in_what_a_body_is_set_to_announce_is_that_body(nlp: Any) -> None:
    text = "After a long freeze, the government is set to announce that it will reopen its borders."
    (ask,) = asks(nlp, text)
    assert (ask.kind, ask.actor and ask.actor.name) == ("commitment", "the government")


def test_a_clause_of_its_own_inside_a_request_is_still_told(nlp: Any) -> None:
    text = (
        "The budget office sent Congress an urgent request asking for money in disaster "
        "relief as the administration tries to respond to both emergencies."
    )
    found = [(a.kind, a.cue) for a in asks(nlp, text)]
    assert ("action", "tries") in found
