"""The rule-based ``storyline_entities`` component on hand-written sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from storyline.nlp.entities import RULE_LABELS, StorylineEntities
from storyline.nlp.norp_words import NORP_WORDS


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("storyline_entities")
    return nlp


def ents(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Debt reached $1.2 trillion.", [("$1.2 trillion", "MONEY")]),
        ("The club paid £35m for him.", [("£35m", "MONEY")]),
        ("A fine of 5.44 billion euros.", [("5.44 billion euros", "MONEY")]),
        ("It cost more than $5 million.", [("more than $5 million", "MONEY")]),
        ("Support fell to about 70 percent.", [("about 70 percent", "PERCENT")]),
        ("Prices rose 12%.", [("12%", "PERCENT")]),
        ("A 40-mile drive.", [("40-mile", "QUANTITY")]),
        ("They shipped 3,000 tonnes of wheat.", [("3,000 tonnes", "QUANTITY")]),
        ("Sales peaked last March.", [("last March", "DATE")]),
        ("The deal was signed Feb. 3 in Paris.", [("Feb. 3", "DATE")]),
        ("The war of 1939-45 ended.", [("1939-45", "DATE")]),
        ("Rents doubled in the 1990s.", [("the 1990s", "DATE")]),
        ("They met on Thursday.", [("Thursday", "DATE")]),
        ("The shop opens at 7am.", [("7am", "TIME")]),
        ("The vote ended at 3:45 p.m. sharp.", [("3:45 p.m.", "TIME")]),
        ("Turkish officials met Europeans.", [("Turkish", "NORP"), ("Europeans", "NORP")]),
        ("Republicans objected.", [("Republicans", "NORP")]),
    ],
)
def test_rule_types(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert ents(nlp, text) == expected


def test_no_false_alarms(nlp: Language) -> None:
    # "May" the verb is no month; a plain number is no entity unless CARDINAL is on
    assert ents(nlp, "Officials may meet one of the 12 envoys.") == []
    assert ents(nlp, "They make up about half.") == []


def test_cardinal_is_optional() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("storyline_entities", config={"cardinal": True})
    assert ents(nlp, "They freed 76 hostages.") == [("76", "CARDINAL")]


@Language.component("_test_fixed_ner")
def _fixed_ner(doc: Doc) -> Doc:
    """Plays a trained recogniser: fixed CoNLL spans for the sentences below."""
    spans = {
        "German": "MISC",
        "March": "ORG",  # a (wrong) trained span the rules must not overwrite
        "C$": "MISC",
        "Olympic Games": "MISC",
        "Angela Merkel": "PER",
        "Velorin": "PER",  # cut short of its head word, and mistyped
        "Ferrin Broadcasting": "PER",
        "Nessford Riders": "ORG",
        "West Bank": "LOC",
    }
    found = []
    for text, label in spans.items():
        words = text.split()
        for t in doc:
            if [x.text for x in doc[t.i : t.i + len(words)]] == words:
                found.append(Span(doc, t.i, t.i + len(words), label=label))
    doc.ents = found
    return doc


@pytest.fixture(scope="module")
def with_ner() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("_test_fixed_ner", name="ner")
    nlp.add_pipe("storyline_entities")
    return nlp


def test_trained_spans_are_kept(with_ner: Language) -> None:
    assert ents(with_ner, "Angela Merkel spoke last March.") == [
        ("Angela Merkel", "PER"),
        ("March", "ORG"),
    ]
    assert ents(with_ner, "The Olympic Games open on Friday.") == [
        ("Olympic Games", "MISC"),
        ("Friday", "DATE"),
    ]


def test_misc_nationality_becomes_norp(with_ner: Language) -> None:
    assert ents(with_ner, "The German minister.") == [("German", "NORP")]


def test_currency_sign_misc_joins_the_amount(with_ner: Language) -> None:
    assert ents(with_ner, "It raised C$ 40 million.") == [("C$ 40 million", "MONEY")]


def test_word_list_and_labels() -> None:
    assert {"Turkish", "Europeans", "Republicans"} <= NORP_WORDS
    assert all(w[0].isupper() for w in NORP_WORDS)
    assert set(RULE_LABELS) >= {"MONEY", "PERCENT", "QUANTITY", "DATE", "TIME", "NORP"}


def test_round_trip(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("storyline_entities")
    assert isinstance(nlp.get_pipe("storyline_entities"), StorylineEntities)
    nlp.to_disk(str(tmp_path))
    again = spacy.load(str(tmp_path))
    assert ents(again, "Sales rose 12%.") == [("12%", "PERCENT")]


def test_a_name_cut_short_of_an_organisation_s_head_word_runs_on_to_it(
    with_ner: Language,
) -> None:
    assert ents(with_ner, "Velorin Mobility reopened the depot.") == [("Velorin Mobility", "ORG")]
    assert ents(with_ner, "The Nessford Riders' Forum wrote.") == [
        ("Nessford Riders' Forum", "ORG")
    ]
    assert ents(with_ner, "Ferrin Broadcasting will appeal.") == [("Ferrin Broadcasting", "ORG")]
    # names the recogniser missed, ending in a head word; its own places stand
    assert ents(with_ner, "The Transit Standards Board met.") == [
        ("Transit Standards Board", "ORG")
    ]
    assert ents(with_ner, "Talks in the West Bank resumed.") == [("West Bank", "LOC")]
    assert ents(with_ner, "The Board met.") == []
