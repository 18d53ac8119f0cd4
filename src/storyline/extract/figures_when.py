"""The time a figure refers to: a calendar expression of its sentence that dates it.

The nearest calendar date of the figure's sentence is a figure's time
("profits of $3bn in 2004", "next year's increase will be 5.9%") unless the
sentence's structure says that date belongs to something else:

- **when it was said**: a date on a reporting verb ("the department said
  Thursday", "figures released on Wednesday") dates the report, not what it
  measures;
- **a point of comparison**: a date after "since", "from", "than", "on" (as in
  "up 10% on 2003"), "before" or "ahead of" is the baseline the figure is set
  against or an event it leads up to — unless the figure is told in a clause
  on that date ("since 1982, when recipients saw a 7.4% bump").

A week is given as its month and a time of day as its day, as the labels give
them. Of the dates left, the nearest wins.

>>> from datetime import datetime
>>> from storyline.extract.figures import extract_figures
>>> [f.when for f in extract_figures("Sales rose 4% in 2004, the firm said on Tuesday.",
...                                  datetime(2005, 2, 3))]
['2004']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from storyline.extract.quotes_cues import SPEECH_VERBS
from storyline.extract.time import Timex

__all__ = ["figure_time"]

_ISO_WHEN = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?|-Q[1-4]|-H[12])?$")
_REPORTING = frozenset(
    {"say", "tell", "announce", "report", "release", "publish", "state", "disclose", "reveal"}
)
_BASELINE = re.compile(r"\b(?:since|from|than|before)\b")
_NOT_ITS_TIME = re.compile(
    r"\b(?:since|from|than|before|ahead\s+of|compared\s+with|compared\s+to)"
    r"\s+(?:the\s+|its\s+|their\s+)?$",
    re.IGNORECASE,
)
# "on" sets a figure against a year ("up 10% on 2003"); a day "on Tuesday" is its time.
_ON = re.compile(r"\bon\s+$", re.IGNORECASE)
_YEAR = re.compile(r"^\d{4}$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(?:-WE)?$")
_DAY_TIME = re.compile(r"^\d{4}-\d\d-\d\dT")


def figure_time(doc: Any, start: int, end: int, timexes: Sequence[Timex]) -> str | None:
    """The value of the calendar date that dates the figure at ``[start, end)`` of
    ``doc``'s text, or None when its sentence gives none (see the module)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    sent = span.sent
    best: tuple[int, str] | None = None
    for t in timexes:
        value = _calendar_value(t)
        if value is None or t.start < sent.start_char or t.end > sent.end_char:
            continue
        if not _dates_the_figure(doc, t, span):
            continue
        dist = start - t.end if t.end <= start else t.start - end
        if best is None or abs(dist) < best[0]:
            best = (abs(dist), value)
    return best[1] if best else None


def _calendar_value(t: Timex) -> str | None:
    """A timex's value at a calendar precision: a day, month, quarter, half or year; a
    week as its month ("last week"), a time of day as its day ("Thursday night")."""
    if t.type == "TIME" and _DAY_TIME.match(t.value):
        return t.value[:10]
    if t.type != "DATE":
        return None
    week = _WEEK.match(t.value)
    if week:
        thursday = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 4)
        return thursday.isoformat()[:7]
    return t.value if _ISO_WHEN.match(t.value) else None


def _dates_the_figure(doc: Any, t: Timex, figure: Any) -> bool:
    """Whether timex ``t`` may date the figure (see the module)."""
    tspan = doc.char_span(t.start, t.end, alignment_mode="expand")
    if tspan is None:
        return True
    root = tspan.root
    if root in figure.root.ancestors:
        return True  # the figure is told in a clause on the date: "since 1982, when …"
    before = doc.text[max(0, t.start - 40) : t.start]
    if _NOT_ITS_TIME.search(before) or (_YEAR.match(t.value) and _ON.search(before)):
        return False  # "since 2003", "ahead of the 2008 Games", "up 10% on 2003"
    if any(
        _BASELINE.search(" ".join(c.lower_ for c in node.children if c.dep_ in ("mark", "case")))
        for node in _path_up(root, figure.root)
    ):
        return False  # "three wins since they joined the league in 2000"
    verb = root.head
    while verb.pos_ in ("NOUN", "PROPN") and verb.head.i != verb.i:
        verb = verb.head  # "figures released on Wednesday": the date of the release
    lemma = verb.lemma_.lower()
    if lemma in _REPORTING:
        return False
    # "added" reports only with what was said after it ("jobs added in September")
    return not (
        lemma in SPEECH_VERBS and any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
    )


def _path_up(tok: Any, stop: Any) -> list[Any]:
    """The tokens from ``tok`` up to (not including) the first ancestor of ``stop``."""
    above = {a.i for a in stop.ancestors} | {stop.i}
    path = []
    while tok.i not in above and tok.head.i != tok.i:
        path.append(tok)
        tok = tok.head
    return path
