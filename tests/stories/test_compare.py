"""Comparison of sources: shared facts, single-outlet facts, conflicting figures, dates, quotes."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import numpy as np

from storyline.extract.annotate import AnnotatedArticle
from storyline.extract.figures import Figure
from storyline.extract.quotes import Quote, Speaker
from storyline.extract.time import Timex
from storyline.nlp.embeddings import load_encoder
from storyline.records import Article
from storyline.stories.actors import resolve_actors
from storyline.stories.compare import compare_sources
from storyline.stories.records import AnalysedArticle


def analysed(aid: str, outlet: str, text: str, **found: tuple[object, ...]) -> AnalysedArticle:
    article = Article(
        id=aid,
        source=f"{aid}.txt",
        kind="text",
        text=text,
        raw_text=text,
        content_hash=aid,
        outlet=outlet,
        published=datetime(2025, 2, 12, tzinfo=UTC),
    )
    sentences = tuple((m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text))
    sentences = tuple((s + (len(text[s:e]) - len(text[s:e].lstrip())), e) for s, e in sentences)
    vectors = load_encoder().encode([text[s:e] for s, e in sentences])
    ann = AnnotatedArticle(article, sentences, **found)  # type: ignore[arg-type]
    return AnalysedArticle(ann, sentences, vectors, np.mean(vectors, axis=0))


def figure(text: str, haystack: str, value: float, unit: str) -> Figure:
    start = haystack.index(text)
    return Figure(text, value, value, value, unit, None, None, None, start, start + len(text))


def day(text: str, haystack: str, value: str) -> Timex:
    start = haystack.index(text)
    return Timex(text, "DATE", value, None, start, start + len(text), True)


def test_the_same_measure_with_different_values_is_a_figure_conflict() -> None:
    t1 = "Orlesia is still holding seven detained reporters. Talks resume next week."
    t2 = "Orlesia is still holding five detained journalists. The weather was cold."
    a = analysed(
        "a", "Meridian Wire", t1, figures=(figure("seven detained reporters", t1, 7, "reporter"),)
    )
    b = analysed(
        "b",
        "Dunmere Evening Post",
        t2,
        figures=(figure("five detained journalists", t2, 5, "journalist"),),
    )
    result = compare_sources([a, b], resolve_actors([]), load_encoder())
    (conflict,) = [c for c in result.conflicts if c.kind == "figure"]
    assert [c.value for c in conflict.claims] == ["5 journalist", "7 reporter"]
    assert {c.outlets for c in conflict.claims} == {("Meridian Wire",), ("Dunmere Evening Post",)}
    (src,) = conflict.claims[1].sources
    assert t1[src.start : src.end] == "seven detained reporters"


def test_equal_figures_and_unrelated_figures_are_not_conflicts() -> None:
    t1 = "Orlesia is still holding seven detained reporters. Wheat prices rose 2 percent."
    t2 = "Orlesia is still holding seven detained journalists. Tariffs stand at 12 percent."
    a = analysed(
        "a",
        "X",
        t1,
        figures=(
            figure("seven detained reporters", t1, 7, "reporter"),
            figure("2 percent", t1, 2, "percent"),
        ),
    )
    b = analysed(
        "b",
        "Y",
        t2,
        figures=(
            figure("seven detained journalists", t2, 7, "journalist"),
            figure("12 percent", t2, 12, "percent"),
        ),
    )
    assert compare_sources([a, b], resolve_actors([]), load_encoder()).conflicts == ()


def test_one_event_on_two_different_days_is_a_date_conflict() -> None:
    t1 = "Orlesia reopened the Tessel border crossing on Tuesday."
    t2 = "Orlesia reopened the Tessel border crossing on Feb. 10."
    a = analysed("a", "Halvard Courier", t1, timexes=(day("Tuesday", t1, "2025-02-11"),))
    b = analysed("b", "Meridian Wire", t2, timexes=(day("Feb. 10", t2, "2025-02-10"),))
    result = compare_sources([a, b], resolve_actors([]), load_encoder())
    (conflict,) = result.conflicts
    assert conflict.kind == "date"
    assert [c.value for c in conflict.claims] == ["2025-02-10", "2025-02-11"]
    # and the sentence is shared by both outlets
    assert any(set(f.outlets) == {"Halvard Courier", "Meridian Wire"} for f in result.shared)


def test_a_quote_attributed_to_two_different_people_is_a_quote_conflict() -> None:
    words = "The border is not a tap"
    t1 = f'"{words}," said Petr Halloran.'
    t2 = f'"{words}," said Tomas Reyne.'
    q1 = Quote(words, "direct", "said", 27, 31, Speaker("Petr Halloran", None, None, 32, 45), 1, 24)
    q2 = Quote(words, "direct", "said", 27, 31, Speaker("Tomas Reyne", None, None, 32, 43), 1, 24)
    a = analysed("a", "X", t1, quotes=(q1,))
    b = analysed("b", "Y", t2, quotes=(q2,))
    conflicts = [
        c
        for c in compare_sources([a, b], resolve_actors([]), load_encoder()).conflicts
        if c.kind == "quote"
    ]
    assert len(conflicts) == 1
    assert {c.value for c in conflicts[0].claims} == {"Petr Halloran", "Tomas Reyne"}


def test_shared_and_single_outlet_facts() -> None:
    t1 = "The two leaders agreed a 90-day framework for talks. Estmark pledged 12 new rail cars."
    t2 = "Both leaders agreed on a 90-day framework for negotiations. Snow fell in Dunmere."
    a = analysed("a", "X", t1, figures=(figure("12 new rail cars", t1, 12, "rail car"),))
    b = analysed("b", "Y", t2)
    result = compare_sources([a, b], resolve_actors([]), load_encoder())
    (shared,) = result.shared
    assert shared.outlets == ("X", "Y") and len(shared.sources) == 2
    assert [f.text for f in result.unique] == ["Estmark pledged 12 new rail cars."]


def test_facts_are_told_by_sentences_that_stand_alone() -> None:
    t1 = "Trains run to Lisk. It carries most of the wheat the country buys abroad."
    t2 = "The corridor carries most of the wheat the country buys abroad. Rain fell."
    t3 = "The line opened in May. It is 40 miles long and single-track."
    a = analysed("a", "X", t1)
    b = analysed("b", "Y", t2)
    start = t3.index("40 miles")
    forty = Figure("40 miles", 40, 40, 40, "mi", None, None, None, start, start + 8)
    c = analysed("c", "Z", t3, figures=(forty,))
    result = compare_sources([a, b, c], resolve_actors([]), load_encoder())
    (shared,) = result.shared
    assert shared.text == "The corridor carries most of the wheat the country buys abroad."
    assert shared.sources[0].article_id == "b" and len(shared.sources) == 2
    assert result.unique == ()  # the only marked sentence left opens on "It"
