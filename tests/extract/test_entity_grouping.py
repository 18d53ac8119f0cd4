from __future__ import annotations

from typing import Any

import pytest

from storyline.extract.entities import Entity, entity_at, group_entities
from storyline.nlp.pipeline import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_nlp()


def group(nlp: Any, text: str) -> tuple[Entity, ...]:
    return group_entities(nlp(text))


def person(entities: tuple[Entity, ...], name: str) -> Entity:
    (found,) = [e for e in entities if e.name == name]
    return found


def test_titles_surnames_pronouns_and_descriptions_join_one_person(nlp: Any) -> None:
    text = (
        "Chancellor Angela Merkel arrived in Berlin on Monday. Merkel said she was calm. "
        "The chancellor left early."
    )
    entities = group(nlp, text)
    merkel = person(entities, "Angela Merkel")
    assert merkel.type == "PER" and merkel.id == "e1"
    assert merkel.roles == ("Chancellor",)
    assert [m.text for m in merkel.mentions] == ["Angela Merkel", "Merkel", "she", "The chancellor"]
    assert [m.kind for m in merkel.mentions] == ["name", "name", "pronoun", "description"]
    for m in merkel.mentions:
        assert text[m.start : m.end] == m.text


def test_full_names_and_given_names_the_recogniser_left_out(nlp: Any) -> None:
    entities = group(nlp, "Recep Tayyip Erdogan spoke. Erdogan left. Mr. Erdogan waved.")
    erdogan = person(entities, "Recep Tayyip Erdogan")
    assert erdogan.aliases == ("Erdogan",) and len(erdogan.mentions) == 3


def test_acronyms_merge_and_contained_place_names_do_not(nlp: Any) -> None:
    entities = group(nlp, "The European Union met. The EU agreed. Sudan and South Sudan signed.")
    eu = person(entities, "European Union")
    assert eu.aliases == ("EU",) and eu.type == "ORG"
    names = [e.name for e in entities]
    assert "Sudan" in names and "South Sudan" in names


def test_roles_are_not_part_of_the_name(nlp: Any) -> None:
    entities = group(
        nlp,
        "Foreign Secretary Jane Smith spoke. Trade Minister Hugo Varga agreed. The minister left.",
    )
    smith = person(entities, "Jane Smith")
    varga = person(entities, "Hugo Varga")
    assert smith.roles == ("Foreign Secretary",)
    assert varga.roles == ("Trade Minister",)
    assert varga.mentions[-1].text == "The minister"


def test_people_sharing_a_surname_stay_apart_and_a_bare_surname_goes_to_the_latest(
    nlp: Any,
) -> None:
    text = "Hillary Clinton spoke in Ohio. Bill Clinton spoke in Iowa. Clinton was tired."
    entities = group(nlp, text)
    hillary = person(entities, "Hillary Clinton")
    bill = person(entities, "Bill Clinton")
    assert hillary.id != bill.id
    assert [m.text for m in hillary.mentions] == ["Hillary Clinton"]
    assert [m.text for m in bill.mentions] == ["Bill Clinton", "Clinton"]


def test_pronouns_respect_gender_once_known(nlp: Any) -> None:
    text = "Ms. Jane Smith met Hugo Varga. She said little."
    entities = group(nlp, text)
    assert [m.text for m in person(entities, "Jane Smith").mentions][-1] == "She"
    start = text.index("She")
    found = entity_at(entities, start, start + 3)
    assert found is not None and found.name == "Jane Smith"


def test_a_short_name_joins_the_company_it_stands_for_whatever_the_recogniser_calls_it(
    nlp: Any,
) -> None:
    text = (
        "Vessen Polymers will close its resin plant in June. Vessen said the plant had lost "
        "money for years. A union leader said Vessen had broken its promise."
    )
    doc = nlp(text)
    entities = group_entities(doc)
    (company,) = [e for e in entities if "Vessen" in e.name]
    assert company.name == "Vessen Polymers" and company.type == "ORG"
    assert [m.text for m in company.mentions if m.kind == "name"] == [
        "Vessen Polymers",
        "Vessen",
        "Vessen",
    ]


def test_a_person_who_shares_a_word_with_a_company_stays_a_person(nlp: Any) -> None:
    entities = group(nlp, "Ford Motor cut prices. Harrison Ford said he was pleased. Ford left.")
    actor = person(entities, "Harrison Ford")
    assert actor.type == "PER" and "Ford" in actor.aliases


def test_a_legislators_party_and_state_tag_is_no_entity(nlp: Any) -> None:
    text = "Sen. Kyrsten Sinema, D-Ariz., and Rep. Nancy Mace, R-S.C., disagreed."
    entities = group(nlp, text)
    assert [(e.name, e.roles) for e in entities] == [
        ("Kyrsten Sinema", ("Sen.",)),
        ("Nancy Mace", ("Rep.",)),
    ]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # a title that opens inside the body's name keeps all of it
        ("Central Intelligence Agency Director William Burns met him.", "William Burns",
         "Central Intelligence Agency Director"),
        ("European Council President Charles Michel spoke.", "Charles Michel",
         "European Council President"),
        ("Senate Majority Leader Charles Schumer spoke.", "Charles Schumer",
         "Senate Majority Leader"),
        # "<head> of <office>"
        ("Minister of Foreign Affairs Sergey Lavrov met him.", "Sergey Lavrov",
         "Minister of Foreign Affairs"),
    ],
)  # fmt: skip
def test_whole_titles(nlp: Any, text: str, name: str, role: str) -> None:
    assert person(group(nlp, text), name).roles == (role,)


def test_name_compounds_and_a_lone_form_of_address_are_no_entities(nlp: Any) -> None:
    text = "The Senate-passed bill and the Obama-era rule were fought by Republican-led states."
    assert group(nlp, text) == ()


def names(entities: tuple[Entity, ...]) -> list[tuple[str, str]]:
    return [(e.name, e.type) for e in entities]


def test_a_court_case_is_one_name_and_a_party_alone_stands_for_it(nlp: Any) -> None:
    entities = group(nlp, "The court overturned Roe v. Wade in June. Roe had stood for decades.")
    (case,) = [e for e in entities if "Wade" in e.name]
    assert (case.name, case.type, case.aliases) == ("Roe v. Wade", "MISC", ("Roe",))
    assert not [e for e in entities if e.type == "PER"]


def test_a_plural_title_is_each_holders_title(nlp: Any) -> None:
    entities = group(nlp, "Justices Clarence Thomas and Samuel Alito would have taken the case.")
    assert person(entities, "Clarence Thomas").roles == ("Justice",)


def test_a_party_and_state_before_a_name_are_not_part_of_it(nlp: Any) -> None:
    text = "The panel's chair, the hawkish New Jersey Democrat Bob Menendez, opened the hearing."
    assert person(group(nlp, text), "Bob Menendez").type == "PER"


@pytest.mark.parametrize(
    "text", ["Federal prosecutors said the firm lied.", "Senators voted 50-50 on the bill."]
)
def test_capitalised_words_that_name_nothing_are_no_entity(nlp: Any, text: str) -> None:
    assert group(nlp, text) == ()


def test_a_body_named_by_its_kind_alone_is_the_body_named_before(nlp: Any) -> None:
    entities = group(
        nlp,
        "The memo went to the House Ways and Means Committee on Friday. "
        "The Committee had asked for it in 2019.",
    )
    assert names(entities) == [("House Ways and Means Committee", "ORG")]
    assert entities[0].aliases == ("Committee",)
    assert group(nlp, "The Committee met on Friday.") == ()


def test_initials_with_their_function_words_join_the_full_name(nlp: Any) -> None:
    entities = group(
        nlp, "The Department of Justice opened an inquiry. DOJ officials declined to comment."
    )
    assert [(e.name, e.aliases) for e in entities] == [("Department of Justice", ("DOJ",))]
