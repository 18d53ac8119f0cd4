"""Comparison of sources: shared facts, single-outlet facts, conflicting figures, dates, quotes."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import numpy as np

from storyline.extract.annotate import AnnotatedArticle
from storyline.extract.asks import Ask, AskKind
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


def figure(text: str, haystack: str, value: float, unit: str, about: str | None = None) -> Figure:
    start = haystack.index(text)
    return Figure(text, value, value, value, unit, None, about, None, start, start + len(text))


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


def figure_conflicts(*articles: AnalysedArticle) -> list[list[str]]:
    result = compare_sources(list(articles), resolve_actors([]), load_encoder())
    return [[c.value for c in x.claims] for x in result.conflicts if x.kind == "figure"]


def test_values_far_apart_are_two_quantities_not_a_conflict() -> None:
    # Each "the spending plan" to its outlet: a $1.2 trillion bill and a $3.5 trillion budget.
    t1 = "The Senate passed the $1.2 trillion infrastructure plan on Tuesday."
    t2 = "Democrats now turn to the $3.5 trillion spending plan for social programmes."
    a = analysed(
        "a", "X", t1, figures=(figure("$1.2 trillion", t1, 1.2e12, "USD", "cost of the plan"),)
    )
    b = analysed(
        "b", "Y", t2, figures=(figure("$3.5 trillion", t2, 3.5e12, "USD", "cost of the plan"),)
    )
    assert figure_conflicts(a, b) == []


def test_close_values_of_one_quantity_conflict_though_worded_apart() -> None:
    # Two outlets say $1 trillion in other words; the third says $1.2 trillion.
    t1 = "The Senate passed a $1 trillion infrastructure plan on Tuesday."
    t2 = "The Senate voted to approve a roughly $1 trillion bill on Tuesday."
    t3 = "A $1.2 trillion infrastructure package coasted through the Senate on Tuesday."
    a = analysed(
        "a",
        "X",
        t1,
        figures=(figure("$1 trillion", t1, 1e12, "USD", "cost of the infrastructure plan"),),
    )
    b = analysed(
        "b", "Y", t2, figures=(figure("$1 trillion", t2, 1e12, "USD", "cost of the bill"),)
    )
    c = analysed(
        "c",
        "Z",
        t3,
        figures=(figure("$1.2 trillion", t3, 1.2e12, "USD", "cost of the infrastructure package"),),
    )
    assert figure_conflicts(a, b, c) == [["1,000,000,000,000 USD", "1,200,000,000,000 USD"]]


def test_an_article_giving_both_values_contradicts_nobody() -> None:
    t1 = "The plan would cost $974 billion over five years or $1.2 trillion over eight years."
    t2 = "The proposal would cost $1.2 trillion over eight years."
    a = analysed(
        "a",
        "X",
        t1,
        figures=(
            figure("$974 billion", t1, 9.74e11, "USD", "cost of the plan"),
            figure("$1.2 trillion", t1, 1.2e12, "USD", "cost of the plan"),
        ),
    )
    b = analysed(
        "b", "Y", t2, figures=(figure("$1.2 trillion", t2, 1.2e12, "USD", "cost of the proposal"),)
    )
    assert figure_conflicts(a, b) == []


def ask(kind: AskKind, content: str, haystack: str) -> Ask:
    start = haystack.index(content)
    end = start + len(content)
    return Ask(
        kind,
        None,
        None,
        content,
        start,
        end,
        "",
        0,
        0,
        0,
        len(haystack),
        None,
        None,
        None,
        "positive",
        "reported",
        start,
        end,
    )


def test_an_amount_asked_for_is_a_position_not_a_rival_report() -> None:
    t1 = "The union is demanding a 9 percent pay rise."
    t2 = "The dockers voted to accept a pay deal worth 6.5 percent."
    a = analysed(
        "a",
        "X",
        t1,
        figures=(figure("9 percent", t1, 9, "percent", "pay rise"),),
        asks=(ask("demand", "a 9 percent pay rise", t1),),
    )
    b = analysed(
        "b",
        "Y",
        t2,
        figures=(figure("6.5 percent", t2, 6.5, "percent", "pay rise"),),
        asks=(ask("action", "accept a pay deal worth 6.5 percent", t2),),
    )
    assert figure_conflicts(a, b) == []
    # a figure inside the asked action still reports the world: five held, seven held
    t3 = "The minister will press Orlesia to free seven detained reporters."
    t4 = "Orlesia is still holding five detained journalists."
    c = analysed(
        "c",
        "X",
        t3,
        figures=(figure("seven detained reporters", t3, 7, "reporter"),),
        asks=(ask("demand", "free seven detained reporters", t3),),
    )
    d = analysed("d", "Y", t4, figures=(figure("five detained journalists", t4, 5, "journalist"),))
    assert figure_conflicts(c, d) == [["5 journalist", "7 reporter"]]


def quote_conflicts(q1: Quote, t1: str, q2: Quote, t2: str) -> int:
    a = analysed("a", "X", t1, quotes=(q1,))
    b = analysed("b", "Y", t2, quotes=(q2,))
    result = compare_sources([a, b], resolve_actors([]), load_encoder())
    return len([c for c in result.conflicts if c.kind == "quote"])


def test_partial_quotes_short_quotes_and_unnamed_speakers_are_not_quote_conflicts() -> None:
    words = "The border is not a tap"
    t1 = f'"{words}," said Petr Halloran.'
    t2 = f'"{words}," said the final day of the summit.'
    q1 = Quote(words, "direct", "said", 27, 31, Speaker("Petr Halloran", None, None, 32, 45), 1, 24)
    junk = Speaker("the final day of the summit", None, None, 32, 59)
    assert quote_conflicts(q1, t1, Quote(words, "direct", "said", 27, 31, junk, 1, 24), t2) == 0
    reyne = Speaker("Tomas Reyne", None, None, 32, 43)
    partial = Quote(words, "partial", "said", 27, 31, reyne, 1, 24)
    assert quote_conflicts(q1, t1, partial, t1.replace("Petr Halloran", "Tomas Reyne")) == 0
    t3 = '"extraordinary measures," said Petr Halloran.'
    t4 = '"extraordinary measures," said Tomas Reyne.'
    short = Quote("extraordinary measures", "direct", "said", 26, 30, reyne, 1, 23)
    halloran = Speaker("Petr Halloran", None, None, 31, 44)
    assert (
        quote_conflicts(
            Quote("extraordinary measures", "direct", "said", 26, 30, halloran, 1, 23),
            t3,
            short,
            t4,
        )
        == 0
    )


def test_values_print_in_full() -> None:
    from storyline.stories.compare import _fmt

    assert _fmt(8.2 * 1e12, "USD") == "8,200,000,000,000 USD"
    assert (_fmt(6.5, "percent"), _fmt(7.0, "reporter")) == ("6.5 percent", "7 reporter")


def test_a_fact_another_outlet_tells_with_the_same_date_is_not_single_outlet() -> None:
    t1 = "Raisi said on Monday that he would not meet with President Joe Biden."
    t2 = (
        "President-elect Ebrahim Raisi on Monday backed talks with six world powers but "
        "flatly rejected meeting President Joe Biden."
    )
    a = analysed("a", "X", t1, timexes=(day("Monday", t1, "2021-06-21"),))
    b = analysed("b", "Y", t2, timexes=(day("Monday", t2, "2021-06-21"),))
    assert compare_sources([a, b], resolve_actors([]), load_encoder()).unique == ()
    # told on another day, it is the outlet's own
    c = analysed("c", "Y", t2, timexes=(day("Monday", t2, "2021-06-14"),))
    assert len(compare_sources([a, c], resolve_actors([]), load_encoder()).unique) == 2


def test_a_fact_another_outlet_tells_in_other_words_is_not_single_outlet() -> None:
    t1 = "Deputy Governor Ilsa Varn agreed to step down, an aide said on Friday."
    t2 = "Her deputy, Ilsa Varn, who was also appointed by the old governor, left upon request."
    a = analysed("a", "X", t1, timexes=(day("Friday", t1, "2025-02-07"),))
    b = analysed("b", "Y", t2)
    assert compare_sources([a, b], resolve_actors([]), load_encoder()).unique == ()


def test_a_fact_another_outlet_tells_with_the_same_figure_is_not_single_outlet() -> None:
    t1 = "A procedural vote to open debate on the bill failed, short of the 60 votes needed."
    t2 = "The Clean Rivers Act needed 60 votes to clear a procedural vote in the Senate on Tuesday."
    a = analysed("a", "X", t1, figures=(figure("60 votes", t1, 60, "vote"),))
    b = analysed("b", "Y", t2, figures=(figure("60 votes", t2, 60, "vote"),))
    assert compare_sources([a, b], resolve_actors([]), load_encoder()).unique == ()


def test_related_sentences_with_different_figures_each_tell_their_own() -> None:
    t1 = (
        "The governor wants $24 billion in extra funding for recovery from the wildfires and "
        "several storms, including Storm Ada."
    )
    t2 = (
        "The governor's office is seeking $14 billion in aid for disasters that occurred "
        "before Storm Ada."
    )
    a = analysed("a", "X", t1, figures=(figure("$24 billion", t1, 24e9, "USD"),))
    b = analysed("b", "Y", t2, figures=(figure("$14 billion", t2, 14e9, "USD"),))
    assert len(compare_sources([a, b], resolve_actors([]), load_encoder()).unique) == 2


def test_a_fact_another_outlet_tells_with_the_same_amount_in_other_units_is_not_single_outlet() -> (
    None
):
    t1 = "Raiders fired more than 250 missiles at the border towns overnight."
    t2 = "Over the night the raiders launched 250 rockets, the army said."
    a = analysed("a", "X", t1, figures=(figure("250 missiles", t1, 250, "missile"),))
    b = analysed("b", "Y", t2, figures=(figure("250 rockets", t2, 250, "rocket"),))
    assert compare_sources([a, b], resolve_actors([]), load_encoder()).unique == ()
