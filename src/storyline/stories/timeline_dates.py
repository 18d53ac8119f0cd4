"""Dating sentences and ranking dates: the first half of a timeline.

Every sentence of every article gets the date it talks about, if one is known:

- **"text"**: the sentence holds a resolved day timex ("on Tuesday",
  "12 January 2010", a TIME such as "Tuesday night") → that day; else a
  resolved month timex ("last March") → that month, kept at month precision.
  The first such timex in the sentence wins, as news-tls takes a sentence's
  first HeidelTime date.
- **"published"**: a sentence with no date of its own, among the first
  :data:`LEAD_SENTENCES` of an article with a publication date, is taken to
  report that day's news and is placed on the publication day. Deeper undated
  sentences are background and are not dated at all; no day is ever guessed.

Dates are then ranked by how much of the collection points at them
(:func:`rank_dates`): sentences whose timex names the day, articles that name it,
later publication days whose articles still name it (a date that reports keep
returning to mattered), and articles published on it — the mention-count
ranking of news-tls's Datewise system with references and publication counts
added. :func:`spread_dates` then takes the best dates, discounting a day next
to one already taken, so that a timeline's dates are distinct events rather
than one event and its echo.

>>> from storyline.stories.records import SourceDocument
>>> from datetime import datetime
>>> doc = SourceDocument("a1", "Rain fell.", ((0, 10),), published=datetime(2024, 5, 2))
>>> [(s.date, s.basis) for s in date_sentences([doc])]
[('2024-05-02', 'published')]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from storyline.extract.time import Timex
from storyline.stories.records import SourceDocument, SourceSpan
from storyline.stories.summary import cut_off

__all__ = [
    "LEAD_SENTENCES",
    "MONTH_WEIGHT",
    "DatedSentence",
    "date_sentences",
    "in_window",
    "rank_dates",
    "spread_dates",
]

Basis = Literal["text", "published"]

LEAD_SENTENCES = 5
"""Undated sentences this far into an article are taken as the publication day's news."""

# Weights of the date score; chosen on the Timeline17 dev topics (a handful of tries).
# The next-day discount was one try, not tuned: halving is "worth half a new day".
_PER_SENTENCE = 1.0
_PER_ARTICLE = 1.0
_PER_PUBLISHED = 0.5
_PER_REFERRING_DAY = 1.0  # per later publication day whose articles name the date
_NEXT_DAY_DISCOUNT = 0.5  # per chosen neighbouring day: the day after an event retells it

MONTH_WEIGHT = 0.25
"""Default weight of a month's score against a day's: a month is a vaguer claim than a day,
so it must be named far more often to be chosen."""

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")


@dataclass(frozen=True, slots=True)
class DatedSentence:
    """One sentence of one article with the date it reports and how that date is known."""

    span: SourceSpan
    text: str
    date: str
    basis: Basis
    position: int


def _timex_date(timex: Timex) -> str | None:
    """The ISO day or month a timex names, or None (years, weeks, durations, unresolved)."""
    if timex.type not in ("DATE", "TIME") or not timex.resolved:
        return None
    day = _DAY.match(timex.value)
    if day:
        try:
            return date(int(day[1]), int(day[2]), int(day[3])).isoformat()
        except ValueError:
            return None
    month = _MONTH.match(timex.value)
    if month and 1 <= int(month[2]) <= 12:
        return timex.value
    return None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_date(doc: SourceDocument, start: int, end: int) -> str | None:
    """The first day timex in the sentence, else its first month timex."""
    named = [
        (t.start, d)
        for t in doc.timexes
        if start <= t.start < end and (d := _timex_date(t)) is not None
    ]
    named.sort()
    days = [d for _, d in named if len(d) == 10]
    months = [d for _, d in named if len(d) == 7]
    return days[0] if days else (months[0] if months else None)


def date_sentences(documents: Iterable[SourceDocument]) -> list[DatedSentence]:
    """Every sentence that can be placed on a day or month, in document order.

    >>> from storyline.stories.records import SourceDocument
    >>> from storyline.extract.time import extract_timexes
    >>> from datetime import datetime
    >>> text = "The port reopened on Tuesday."
    >>> doc = SourceDocument("a", text, ((0, len(text)),),
    ...                      timexes=extract_timexes(text, datetime(2024, 5, 2)))
    >>> [(s.date, s.basis) for s in date_sentences([doc])]
    [('2024-04-30', 'text')]
    """
    out: list[DatedSentence] = []
    for doc in documents:
        published = doc.published.date().isoformat() if doc.published else None
        told = False  # has a lead sentence already dated the article's news by its words?
        for position, (raw_start, raw_end) in enumerate(doc.sentences):
            start, end = _trimmed(doc.text, raw_start, raw_end)
            if start == end or cut_off(doc.text, start, end):
                continue  # nothing, or a teaser the source cut short
            text = doc.text[start:end]
            span = SourceSpan(doc.id, start, end)
            named = _sentence_date(doc, start, end)
            if named is not None:
                out.append(DatedSentence(span, text, named, "text", position))
                told = told or position < LEAD_SENTENCES
            elif published is not None and position < LEAD_SENTENCES and not told:
                out.append(DatedSentence(span, text, published, "published", position))
    return out


def in_window(iso: str, window: tuple[date, date] | None) -> bool:
    """Whether a day or month lies in (a month: overlaps) the inclusive window.

    >>> in_window("2010-01", (date(2010, 1, 20), date(2010, 2, 5)))
    True
    """
    if window is None:
        return True
    first, last = window
    if len(iso) == 7:
        year, month = int(iso[:4]), int(iso[5:])
        return (first.year, first.month) <= (year, month) <= (last.year, last.month)
    return first <= date.fromisoformat(iso) <= last


def rank_dates(
    sentences: Sequence[DatedSentence],
    documents: Sequence[SourceDocument],
    window: tuple[date, date] | None = None,
    *,
    month_weight: float = MONTH_WEIGHT,
) -> list[tuple[str, float]]:
    """Dates with their scores, best first (ties: earlier date first).

    A day scores one per sentence naming it, one per article naming it, one per
    later publication day with an article naming it, and a half per article
    published on it; a month the same, times ``month_weight`` (0: every month
    ranks after every named day, so months fill only a timeline short of days).

    >>> from storyline.stories.records import SourceDocument
    >>> from datetime import datetime
    >>> docs = [SourceDocument(i, "Rain.", ((0, 5),), published=datetime(2024, 5, d))
    ...         for i, d in (("a", 2), ("b", 3), ("c", 3))]
    >>> rank_dates(date_sentences(docs), docs)
    [('2024-05-03', 1.0), ('2024-05-02', 0.5)]
    """
    score: dict[str, float] = defaultdict(float)
    naming: dict[str, set[str]] = defaultdict(set)
    for s in sentences:
        if s.basis == "text":
            score[s.date] += _PER_SENTENCE
            naming[s.date].add(s.span.article_id)
    published = {doc.id: doc.published.date().isoformat() for doc in documents if doc.published}
    for day, articles in naming.items():
        score[day] += _PER_ARTICLE * len(articles)
        # Coverage on later days that still names the date: it kept mattering.
        later = {published[a] for a in articles if a in published}
        later = {p for p in later if p[: len(day)] > day}
        score[day] += _PER_REFERRING_DAY * len(later)
    for doc in documents:
        if doc.published is not None:
            score[doc.published.date().isoformat()] += _PER_PUBLISHED
    ranked = [
        (d, v * (month_weight if len(d) == 7 else 1.0))
        for d, v in score.items()
        if in_window(d, window)
    ]
    ranked.sort(key=lambda item: (-item[1], item[0]))
    return ranked


def spread_dates(ranked: Sequence[tuple[str, float]], wanted: int) -> list[str]:
    """The ``wanted`` best dates, each day's score discounted per chosen day next to it.

    Coverage of one event spreads over the day it happened and the days after it
    ("yesterday", "on Tuesday"); a timeline of distinct events should not spend
    its dates on one event's echo, so a day adjacent to a chosen day counts less.
    Returned in the order chosen.

    >>> spread_dates([("2024-05-02", 4.0), ("2024-05-03", 3.0), ("2024-05-09", 2.0)], 2)
    ['2024-05-02', '2024-05-09']
    """
    remaining = dict(ranked)
    chosen: list[str] = []
    days: set[date] = set()

    def adjusted(item: tuple[str, float]) -> tuple[float, str]:
        iso, score = item
        if len(iso) == 10:
            day = date.fromisoformat(iso)
            neighbours = sum(day + timedelta(days=k) in days for k in (-1, 1))
            score *= _NEXT_DAY_DISCOUNT**neighbours
        return -score, iso  # best first; ties: earlier date first

    while remaining and len(chosen) < wanted:
        best, _ = min(remaining.items(), key=adjusted)
        chosen.append(best)
        del remaining[best]
        if len(best) == 10:
            days.add(date.fromisoformat(best))
    return chosen
