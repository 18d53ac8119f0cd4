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
    assert text[ask.content_start : ask.content_end] == "announce an extension"


def test_a_done_action_is_reported_with_its_date(nlp: Any) -> None:
    text = "Orlesia reopened the Tessel border crossing on Tuesday."
    (ask,) = asks(nlp, text, datetime(2025, 2, 12))
    assert (ask.kind, ask.certainty, ask.polarity) == ("action", "reported", "positive")
    assert text[ask.content_start : ask.content_end] == (
        "reopened the Tessel border crossing on Tuesday"
    )
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
