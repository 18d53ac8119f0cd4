"""Time expressions (TIMEX3-style) normalised against the publication date.

``extract_timexes`` finds dates, times, durations and sets with the patterns
in :mod:`storyline.extract.time_rules` and resolves each against the article's
publication date: weekday names by tense (past → the last such day; future,
"will", "is due", "next" → the coming one; the publication day's own weekday,
without "last"/"next", is that day, as news style uses it), "last March" → the
most recent March before the publication month, "in October" by tense, a day
without its year ("payable Dec. 7") → the nearest such day unless the tense
points the other way. Document passes (:mod:`storyline.extract.time_anchor`)
then give "a year earlier" in quarterly results the reported quarter a year
before, and "that year" / "the following year" the year named before.

Spans follow TimeBank's TimeML conventions: the article and modifiers belong
to the expression ("the past three months", "nearly four years ago", "earlier
this year", "the year-ago quarter"), but "three days later" is a DURATION over
"three days", "over" is not part of "over three years", and "the
third-quarter loss" leaves "the" out. "$500 million a year" is a rate, not a
time; "May" and "March" are months only capitalised.

Module layout: ``time_rules`` (lexicon and patterns), ``time_units``
(calendar arithmetic, tense), ``time_resolve`` (calendar dates),
``time_relative`` (relative expressions), ``time_anchor`` (document passes),
``time_pubdate`` (the article's own date).

Choices the issue leaves open:

- "1939-45" becomes **two** DATEs, ``1939`` over "1939" and ``1945`` over
  "45", so each end can be placed on a timeline by itself.
- "early in her tenure" and other anchors that are not calendar units are
  **not extracted**: there is nothing to normalise them to.
- Without a publication date every relative expression keeps X's in its value
  (``XXXX-XX-XX``, ``XXXX-03``) and ``resolved=False``; today's date is never
  used.

>>> from datetime import datetime
>>> [(t.text, t.value) for t in extract_timexes("It fell last March.", datetime(2021, 10, 4))]
[('last March', '2021-03')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storyline.extract.time_anchor import anchor
from storyline.extract.time_pubdate import publication_date_from_text
from storyline.extract.time_relative import Resolver
from storyline.extract.time_rules import PATTERNS
from storyline.extract.time_units import TimexType

__all__ = ["Timex", "TimexType", "extract_timexes", "publication_date_from_text"]


@dataclass(frozen=True, slots=True)
class Timex:
    """One time expression: a span of the article text and its TimeML value."""

    text: str
    type: TimexType
    value: str
    mod: str | None
    start: int
    end: int
    resolved: bool


def _candidates(text: str) -> list[tuple[int, int, int, str, re.Match[str]]]:
    found = []
    for order, (rule, pattern) in enumerate(PATTERNS):
        for m in pattern.finditer(text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), order, rule, m))
    # longest first, then pattern order; keep non-overlapping
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    kept = []
    for c in found:
        if all(c[1] <= s or c[0] >= e for s, e in taken):
            taken.append((c[0], c[1]))
            kept.append(c)
    return sorted(kept, key=lambda c: c[0])


_RATE = re.compile(r"an?\s(?:year|month|week|day|hour)", re.IGNORECASE)
_PER = re.compile(
    r"(?:\d[\d,.]*|thousand|hundreds?|millions?|billions?|dozens?|of|many)\s\w+s\s\Z",
    re.IGNORECASE,
)
_AMOUNT = re.compile(r"\d(?:\s(?:million|billion|trillion|percent))?\s\Z", re.IGNORECASE)


_TITLE = re.compile(r"(?-i:[A-Z][a-z]+\s[A-Z][a-z]+)")
# A deictic day word written capitalised right after a capitalised word ends a name.
_IN_A_NAME = re.compile(r"(?-i:Today|Tonight|Tomorrow|Yesterday)")
_NAME_BEFORE = re.compile(r"(?-i:\b(?:[A-Z][A-Za-z]+|[A-Z]{2,}))\s$")


def _is_rate(text: str, m: re.Match[str], after: re.Pattern[str] = _AMOUNT) -> bool:
    """ "a year" right after an amount (or, with ``after=_PER``, a plural noun)."""
    before = max(0, m.start() - 40)
    return bool(_RATE.fullmatch(m.group()) and after.search(text, before, m.start()))


def extract_timexes(text: str, published: datetime | None, doc: Any = None) -> tuple[Timex, ...]:
    """Every time expression in ``text``, normalised against ``published``.

    ``doc`` (a spaCy ``Doc`` of the same text), when given, settles sentences with no
    tense word: an expression hung on a present that schedules ("the summit opens on
    Thursday") looks ahead. Without it the rules work on the text alone.

    >>> extract_timexes("He resigned on Tuesday.", datetime(2024, 3, 7))[0].value
    '2024-03-05'
    >>> extract_timexes("He resigned on Tuesday.", None)[0].resolved
    False
    """
    dct = published.date() if published is not None else None
    resolve = Resolver(text, dct, doc)
    out: list[Timex] = []
    for start, end, _, rule, m in _candidates(text):
        typ, value, mod, resolved = resolve(rule, m)
        if rule == "year_range":
            y, y2 = m.group("y"), m.group("y2")
            out.append(Timex(y, "DATE", y, None, m.start("y"), m.end("y"), True))
            full = y[:2] + y2
            out.append(Timex(y2, "DATE", full, None, m.start("y2"), m.end("y2"), True))
            continue
        if rule == "rel_unit" and _TITLE.fullmatch(m.group()):
            continue  # ABC's "This Week": a programme's title, not a week
        if _IN_A_NAME.fullmatch(text[start:end]) and _NAME_BEFORE.search(text, 0, start):
            continue  # "USA Today", "Tucker Carlson Tonight": a name's last word
        if rule == "duration" and _is_rate(text, m):
            continue  # "$500 million a year", "358,000 a month": a rate, not a time
        if rule == "duration" and _is_rate(text, m, _PER):
            typ = "SET"  # "50,000 CDs a year", "interviews a day": how often
        out.append(Timex(text[start:end], typ, value, mod, start, end, resolved))
    return tuple(anchor(sorted(out, key=lambda t: t.start), text, Timex))
