"""Refusals that word what they refuse in other words, and things kept back by a deed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from storyline.extract.asks import extract_asks
from storyline.extract.entities import group_entities
from storyline.extract.quotes import extract_quotes
from storyline.extract.time import extract_timexes
from storyline.nlp.pipeline import load_nlp
from storyline.stories.ledger import ArticleAsks, build_ledger

DAY = datetime(2025, 2, 3, 9, tzinfo=UTC)


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_nlp()


def article(nlp: Any, article_id: str, days: int, text: str) -> ArticleAsks:
    published = DAY + timedelta(days=days)
    doc = nlp(text)
    entities = group_entities(doc)
    asks = extract_asks(
        doc, entities, extract_quotes(doc, entities), extract_timexes(text, published, doc)
    )
    return ArticleAsks(article_id, published, text, asks)


def test_withholding_what_was_asked_refuses_it(nlp: Any) -> None:
    items = [
        article(nlp, "a1", 0, "The Authority asked Ferrin to hand over its editorial logs."),
        article(nlp, "a2", 9, "Ferrin has withheld the editorial logs."),
    ]
    (entry,) = build_ledger(items)
    assert [s.kind for s in entry.steps] == ["demand", "refusal"]
    assert entry.status == "refused"


def test_a_part_done_and_a_part_withheld_partly_meet_the_demand(nlp: Any) -> None:
    items = [
        article(nlp, "a1", 0, "The Authority asked Ferrin to hand over its editorial logs."),
        article(nlp, "a2", 6, "Ferrin delivered the editorial logs for February to the Authority."),
        article(nlp, "a3", 9, "Ferrin has withheld the March editorial logs."),
    ]
    (entry,) = build_ledger(items)
    assert [s.kind for s in entry.steps] == ["demand", "action", "refusal"]
    assert entry.status == "partly met"


class _ThingEncoder:
    """Paying a fine and handing over money are far apart as wholes, but what they are
    done to ("fine … daler", "single daler") is one thing."""

    def encode(self, texts: Any, batch_size: int = 64) -> Any:
        import numpy as np

        def row(t: str) -> list[float]:
            if t.startswith(("fine", "single")):
                return [1.0, 0.0, 0.0]
            return [0.0, 1.0, 0.0] if "pay" in t else [0.0, 0.0, 1.0]

        return np.asarray([row(t) for t in texts], dtype=np.float32)


def test_a_refusal_of_the_thing_asked_in_other_words_answers_the_demand(nlp: Any) -> None:
    items = [
        article(nlp, "a1", 0, "The Authority ordered Ferrin to pay a fine of 1.2 million dalers."),
        article(nlp, "a2", 5, "Ferrin said it would not hand over a single daler."),
    ]
    (entry,) = [e for e in build_ledger(items, encoder=_ThingEncoder()) if e.first.kind == "demand"]
    assert [s.kind for s in entry.steps] == ["demand", "refusal"]
    assert entry.status == "refused"
