"""Speakers named after a title: the person, not the title cut off before the surname."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.extract.entities import group_entities
from storyline.extract.quotes import extract_quotes
from storyline.nlp.pipeline import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_nlp()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'US Secretary of State Antony Blinken called the landing "a shocking act" on Sunday.',
            ("Antony Blinken", "US Secretary of State"),
        ),
        (
            "The case was dismissed in a written ruling by U.S. District Judge Analisa Torres, "
            'who said the pardon was "the proper course."',
            ("Analisa Torres", "U.S. District Judge"),
        ),
        # a name behind a preposition is not the speaker; the whole phrase is
        (
            'A lawyer for John Smith said the charges were "baseless."',
            ("A lawyer for John Smith", None),
        ),
    ],
)
def test_the_person_a_title_names_speaks(
    nlp: Any, text: str, speaker: tuple[str, str | None]
) -> None:
    doc = nlp(text)
    quotes = extract_quotes(doc, group_entities(doc))
    assert quotes
    assert {(q.speaker.name, q.speaker.description) for q in quotes if q.speaker} == {speaker}


def test_a_party_tag_describes_no_speaker(nlp: Any) -> None:
    doc = nlp('"We will pass this bill," said Charles Schumer, D-N.Y., on Friday.')
    (quote,) = extract_quotes(doc, group_entities(doc))
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.description) == ("Charles Schumer", None)
