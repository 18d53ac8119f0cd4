"""The news tokenizer rules and the sentence guard."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from storyline.nlp.pipeline import load_nlp
from storyline.nlp.tokenizer import customize_tokenizer


@pytest.fixture(scope="module")
def blank() -> Language:
    return customize_tokenizer(spacy.blank("en"))


def words(nlp: Language, text: str) -> list[str]:
    return [token.text for token in nlp.make_doc(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S. officials", ["U.S.", "officials"]),
        ("at 9 a.m. today", ["at", "9", "a.m.", "today"]),
        ("the 1939-45 war", ["the", "1939-45", "war"]),
        ("the 2010–11 season", ["the", "2010–11", "season"]),
        ("$1.2 trillion", ["$", "1.2", "trillion"]),
        ("Jean-Claude Juncker", ["Jean-Claude", "Juncker"]),
        ("a naïve plan", ["a", "naïve", "plan"]),
        ("“We will go,” he said", ["“", "We", "will", "go", ",", "”", "he", "said"]),
        ("‘fine’", ["‘", "fine", "’"]),
        ("said—then", ["said", "—", "then"]),
        ("Paris – Berlin", ["Paris", "–", "Berlin"]),
        ("said:“no”—then", ["said", ":", "“", "no", "”", "—", "then"]),
        ("Gov. Smith", ["Gov.", "Smith"]),
        ("Sept. 4", ["Sept.", "4"]),
        ("Lt. Col. Ames", ["Lt.", "Col.", "Ames"]),
        ("Trump’s don’t", ["Trump", "’s", "do", "n’t"]),
    ],
)
def test_news_tokens(blank: Language, text: str, expected: list[str]) -> None:
    assert words(blank, text) == expected


def test_callback_is_registered_for_configs() -> None:
    make = spacy.util.registry.callbacks.get("storyline.news_tokenizer.v1")
    nlp = make()(spacy.blank("en"))
    assert words(nlp, "Jean-Claude") == ["Jean-Claude"]


def test_rules_are_saved_with_the_pipeline() -> None:
    # The shipped tokenizer carries the rules without importing this module's code.
    assert words(load_nlp(), "Jean-Claude Juncker said—“no.”") == [
        "Jean-Claude", "Juncker", "said", "—", "“", "no", ".", "”",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gov. Smith met U.S. officials on Sept. 4. They agreed on a plan.",
            ["Gov. Smith met U.S. officials on Sept. 4.", "They agreed on a plan."],
        ),
        (
            "“We will go,” he said. The talks ended on Tuesday.",
            ["“We will go,” he said.", "The talks ended on Tuesday."],
        ),
        (
            "“It is over.” The minister left the room.",
            ["“It is over.”", "The minister left the room."],
        ),
        (
            "Dr. Jones and Mr. Brown arrived at 9 a.m. on Monday.",
            ["Dr. Jones and Mr. Brown arrived at 9 a.m. on Monday."],
        ),
        # A headline and its paragraphs: a line break ends a sentence, and the
        # break stays with the sentence before it.
        (
            "Shares rise on new offer\n\nShares in Acme closed up 4%.\nThe bid is £800m.",
            ["Shares rise on new offer\n\n", "Shares in Acme closed up 4%.\n", "The bid is £800m."],
        ),
        # ... but a line broken inside a sentence runs on.
        ("The minister said\nthat he would go.", ["The minister said\nthat he would go."]),
        # No break inside a name, after a comma, or at a lower-case word after a bracket.
        (
            "Recep Tayyip Erdogan spoke. Viktor Yushchenko listened.",
            ["Recep Tayyip Erdogan spoke.", "Viktor Yushchenko listened."],
        ),
        (
            "“We continue to invest in our products,” Mr Eddington said. He left.",
            ["“We continue to invest in our products,” Mr Eddington said.", "He left."],
        ),
        (
            "Sen. Joe Manchin (D-W.Va.) on Thursday said he favors a deal. Talks resume.",
            ["Sen. Joe Manchin (D-W.Va.) on Thursday said he favors a deal.", "Talks resume."],
        ),
        # Plural titles and bill numbers are no sentence ends.
        (
            "The group includes Sens. Rob Portman and Kyrsten Sinema. Reps. Jim Jordan left.",
            ["The group includes Sens. Rob Portman and Kyrsten Sinema.", "Reps. Jim Jordan left."],
        ),
        (
            "The House passed H. Res. 601 and S. Con. Res. 14 on Tuesday.",
            ["The House passed H. Res. 601 and S. Con. Res. 14 on Tuesday."],
        ),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert [sentence.text for sentence in load_nlp()(text).sents] == expected
