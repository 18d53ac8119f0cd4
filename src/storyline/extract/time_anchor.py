"""Document-level passes over the time expressions of one article.

Some values depend on what the article said before, not on the publication
date alone: "a year earlier" in quarterly results is that quarter a year
before, "the 1988 period" is a quarter when the article reports one, and
"that year" / "the following year" refer back to the last year named.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from storyline.extract.time_units import SENT_END

__all__ = ["anchor"]

T = TypeVar("T")


def anchor(timexes: Sequence[Any], text: str, make: Callable[..., T]) -> list[T]:
    """All document passes, in order; ``make`` builds a timex like the input's."""
    out = _anchor_year_ago(list(timexes), text, make)
    out = _anchor_the_year(out, text, make)
    return _anchor_anaphora(out, make)


_THE_YEAR = re.compile(
    r"(?:(?:earlier|later)\s+in\s+|the\s+(?:beginning|start|middle|end)\s+of\s+)?the\s+year",
    re.IGNORECASE,
)


def _anchor_the_year(timexes: list[Any], text: str, make: Callable[..., T]) -> list[Any]:
    """ "In 1995 he joined; later in the year he left": "the year" is 1995.

    Only a year written out in the same or the previous sentence counts;
    otherwise "the year" is the publication year, as news copy uses it.
    """
    out = list(timexes)
    starts = [0, *(m.end() for m in SENT_END.finditer(text))]
    for i, t in enumerate(out):
        if not (_THE_YEAR.fullmatch(t.text) and re.fullmatch(r"\d{4}", t.value)):
            continue
        here = max(s for s in starts if s <= t.start)
        prev = max((s for s in starts if s < here), default=0)
        named = [
            p
            for p in out[:i]
            if p.start >= prev and re.fullmatch(r"\d{4}", p.text) and p.value == p.text
        ]
        if named and named[-1].value != t.value:
            value = named[-1].value
            out[i] = make(t.text, t.type, value, t.mod, t.start, t.end, True)
    return out


_ANAPHOR = re.compile(
    r"(?:(?:earlier|later)\s)?(?P<rel>that|the\ssame|the\sfollowing|the\sprevious|the\sprior)"
    r"\s(?P<unit>year|month)",
    re.IGNORECASE,
)
_GRAIN = {"year": re.compile(r"(\d{4})"), "month": re.compile(r"(\d{4})-(\d\d)")}


def _anchor_anaphora(timexes: list[Any], make: Callable[..., T]) -> list[Any]:
    """ "In June 1998 ... later that year" → 1998; "the following year" → 1999.

    The antecedent is the last expression before that names a calendar year
    outright, with its digits in the text (for a month, any dated month); without
    one the value from the publication date stands.
    """
    out = list(timexes)
    for i, t in enumerate(out):
        m = _ANAPHOR.fullmatch(t.text)
        if not m:
            continue
        grain = _GRAIN[m.group("unit").lower()]
        unit = m.group("unit").lower()
        before = [
            p
            for p in out[:i]
            if grain.match(p.value) and (unit == "month" or re.search(r"\d{4}", p.text))
        ]
        if not before:
            continue
        got = grain.match(before[-1].value)
        assert got is not None
        k = {"the following": 1, "the previous": -1, "the prior": -1}.get(
            " ".join(m.group("rel").lower().split()), 0
        )
        if m.group("unit").lower() == "year":
            value = str(int(got.group(1)) + k)
        else:
            idx = int(got.group(1)) * 12 + int(got.group(2)) - 1 + k
            value = f"{idx // 12}-{idx % 12 + 1:02d}"
        out[i] = make(t.text, t.type, value, t.mod, t.start, t.end, True)
    return out


_YEAR_AGO = re.compile(
    r"(?:a year (?:ago|earlier|before)|(?:the )?(?:comparable |corresponding )?year-(?:earlier|ago)"
    r"(?: quarter| period)?"
    r"|the (?:(?:same|corresponding|comparable) )?(?:quarter|period) (?:of )?"
    r"(?:last year|a year (?:ago|earlier|before)))",
    re.IGNORECASE,
)
_YEAR_PERIOD = re.compile(
    r"the \d{4} (?:quarter|period)|(?:this|last|next) year's (?:quarter|period)"
)
_FIGURE = re.compile(r"[$£€%]|\d[\d,.]*\s(?:million|billion|cents?|pence|yen|marks|francs)\b")
_LATEST = re.compile(r"the (?:latest|most recent) (?:period|three months)", re.IGNORECASE)
_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])")
_LOOKS_BACK = re.compile(r"year-|\bago\b|\bearlier\b|\blast\b|\bprevious\b", re.IGNORECASE)


def _reported(timexes: Sequence[Any]) -> list[Any]:
    """The quarters an article reports on: named with a quarter value, not looking back."""
    return [
        q
        for q in timexes
        if _QUARTER_VALUE.fullmatch(q.value)
        and not _LOOKS_BACK.search(q.text)
        and not re.search(r"\d{4}", q.text)
    ]


def _anchor_year_ago(timexes: list[Any], text: str, make: Callable[..., T]) -> list[Any]:
    """ "A year ago" in quarterly results means that quarter a year before.

    Business copy says "profit rose in the third quarter from $2m a year ago":
    the comparison is with the same quarter of the previous year, not the year.
    The quarter is the last one reported before, in the same sentence or, when
    the sentence compares figures ("up from $93.3 million a year earlier") or
    names a period ("the year-ago quarter"), earlier in the article; "the 1988
    period", "last year's quarter" and "the latest period" take it too.
    """
    out = list(timexes)
    for i, t in enumerate(out):
        quarters = _reported(timexes[:i])
        # "this quarter's loss" in results copy: the quarter being reported
        owned = t.text.lower() == "this quarter" and text.startswith(("'s", "’s"), t.end)
        if _LATEST.fullmatch(t.text) or owned:
            if quarters:
                value = quarters[-1].value
                out[i] = make(t.text, t.type, value, t.mod, t.start, t.end, t.resolved)
            continue
        ago = bool(_YEAR_AGO.fullmatch(t.text))
        if not ((ago or _YEAR_PERIOD.fullmatch(t.text)) and re.fullmatch(r"\d{4}", t.value)):
            continue
        left = max((m.end() for m in SENT_END.finditer(text, 0, t.start)), default=0)
        nxt = SENT_END.search(text, t.end)
        sentence = text[left : nxt.start() if nxt else len(text)]
        same = [p for p in out[:i] if p.start >= left]
        if same and re.fullmatch(r"P\d+M|\d{4}-H\d", same[-1].value):
            continue  # "in the first nine months, up from $2m a year earlier": not a quarter
        period = re.search(r"quarter|period|year-", t.text, re.IGNORECASE)
        if not (quarters and (quarters[-1].start >= left or period or _FIGURE.search(sentence))):
            continue
        # a quarter in the same sentence; else the one the article leads with
        values = [q.value for q in quarters]
        lead = max(values, key=lambda v: (values.count(v), -values.index(v)))
        ref = quarters[-1] if quarters[-1].start >= left else quarters[values.index(lead)]
        match = _QUARTER_VALUE.fullmatch(ref.value)
        if match:
            year = int(match.group(1)) - 1 if ago else int(t.value)
            value = f"{year}-Q{match.group(2)}"
            out[i] = make(t.text, t.type, value, t.mod, t.start, t.end, t.resolved)
    return out
