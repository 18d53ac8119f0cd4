"""Figures — money, percentages, fractions, counts and quantities — with what they measure.

``extract_figures`` finds each figure by rules over the text (money, percent,
quantity, fraction and vague-plural patterns) and over the dependency parse
(counts: a number attached to the noun it counts, see
:mod:`storyline.extract.figures_counts`), normalises it after
``evaldata/figures/GUIDELINES.md`` (see :mod:`storyline.extract.figures_units`),
and derives from the parse what it measures ("cost of the infrastructure
bill", :mod:`storyline.extract.figures_about`) and from the time expressions
of its sentence the time it refers to.

Conventions:

- percentages keep the printed number (``70 percent`` → 70, unit ``percent``);
  fractions in words are in [0, 1] (``a third`` → 0.3333, unit ``fraction``);
- ``low``/``high`` equal ``value`` for a point, whatever the approximation
  word; ranges ("10-15 people", "between 5% and 7%") and vague plurals
  ("hundreds of thousands of refugees" → 200,000 … 999,999) have
  ``value=None``;
- dates, years, durations and other time expressions (any number inside a
  :class:`~storyline.extract.time.Timex`), ages, ordinals, scores ("3-2",
  "a 19-0 vote"), phone and street numbers, numbers in names ("FTSE 100")
  and bare numbers with no unit or counted noun are not figures.

>>> from datetime import datetime
>>> f = extract_figures("Congress passed a $1.2 trillion infrastructure bill last year.",
...                     datetime(2021, 11, 6))[0]
>>> (f.text, f.value, f.unit, f.about, f.when)
('$1.2 trillion', 1200000000000.0, 'USD', 'cost of the infrastructure bill', '2020')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from spacy.tokens import Doc, Span

from storyline.extract.figures_about import about_phrase
from storyline.extract.figures_counts import NUM, count_candidates, vague_candidates
from storyline.extract.figures_counts import Candidate as _Candidate
from storyline.extract.figures_parallel import Measured, parallel_abouts
from storyline.extract.figures_units import (
    APPROX,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    HUNDREDTHS,
    NUMBER_WORDS,
    SCALES,
    UNIT_WORDS,
    fraction_value,
    parse_number,
)
from storyline.extract.time import Timex, extract_timexes

__all__ = ["Figure", "extract_figures"]


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure: a span of the article text, its normalised value and what it measures."""

    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    approx: str | None
    about: str | None
    when: str | None
    start: int
    end: int


_APPROX = r"(?:(?P<approx>" + "|".join(re.escape(a) for a in APPROX) + r")\s+)?"
_NUM = NUM
_SCALE = r"(?:\s?(?:hundred|thousand|million|billion|trillion)\b|(?:k|mn|mln|m|bn|b|tn|trn)\b)?"
_SIGN = r"(?:US|C|A|HK|NZ|S)?[$£€¥]"
_CURWORD = "|".join(sorted((re.escape(w) for w in CURRENCY_WORDS), key=len, reverse=True))
_UNIT = "|".join(sorted((re.escape(w) for w in UNIT_WORDS), key=len, reverse=True))
# "£9bn a year earlier" is a time, not a rate
_PER = (
    r"(?P<per>(?:\s+|-)(?:a|per)(?:\s+|-)(?:year|month|barrel|day|week|share|head)"
    r"(?!\s+(?:earlier|ago|before|later|on)\b))?"
)
# "X to Y" is left as two figures: "fell from $120bn to $4.6bn" is a change, not a range
_RANGE_SEP = r"(?:\s?[-–]\s?)"

_MONEY_SIGN = re.compile(
    rf"(?<![\w$£€¥]){_APPROX}(?P<sign>{_SIGN})\s?(?P<n1>{_NUM})(?P<s1>{_SCALE})"
    rf"(?:{_RANGE_SEP}(?:{_SIGN})?(?P<n2>{_NUM})(?P<s2>{_SCALE}))?"
    rf"(?:\s(?P<cw>dollars?))?{_PER}(?![\w$£€])",
    re.IGNORECASE,
)
_MONEY_WORD = re.compile(
    rf"\b{_APPROX}(?P<n1>{_NUM})(?P<s1>{_SCALE})(?:{_RANGE_SEP}(?P<n2>{_NUM})(?P<s2>{_SCALE}))?"
    rf"\s?(?P<cw>{_CURWORD})\b{_PER}",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    rf"\b{_APPROX}(?P<n1>{_NUM})(?:%?{_RANGE_SEP}(?P<n2>{_NUM}))?"
    r"\s?(?P<pc>%|percent\b|per\s?cent\b|pct\b|percentage points?\b)",
    re.IGNORECASE,
)
_QUANTITY = re.compile(
    rf"\b{_APPROX}(?P<n1>{_NUM})(?P<s1>{_SCALE})(?:{_RANGE_SEP}(?P<n2>{_NUM})(?P<s2>{_SCALE}))?"
    rf"(?:\s|-)?(?P<u>{_UNIT})\b(?!-(?:year|old))(?P<perday>\s+(?:a|per)\s+day)?",
    re.IGNORECASE,
)
# "one gigabyte", "two miles": a number word with a unit ("two points" is score-like)
_WORD_NUM = "|".join(w for w in NUMBER_WORDS if w != "dozen")
_QUANTITY_WORDS = re.compile(
    rf"\b{_APPROX}(?P<n1>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-\w+|{_WORD_NUM})"
    rf"(?P<s1>{_SCALE})[\s-](?P<u>{_UNIT})\b(?<!points)(?<!point)(?!-(?:year|old))",
    re.IGNORECASE,
)
_FRACTION = re.compile(
    rf"\b{_APPROX}(?P<fr>(?:a|one|two|three)[- ](?:half|third|quarter|fifth|tenth)s?"
    r"|two-thirds|three-quarters|half|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
    r" (?:in|out of) (?!(?:19|20)\d\d\b)(?:\d+|two|three|four|five|six|seven|eight|nine|ten))"
    r"(?=\s+(?:of|the|its|their|his|her|all|(?:[a-z]+\s+)?(?:[a-z]+s|people|men|women|children))"
    r"\b|[.,;:!?)]|$)",
    re.IGNORECASE,
)
# what may follow "a third", "half": the original, narrower rule than for "one in 10"
_WORD_FRACTION_NEXT = re.compile(
    r"\s+(?:of|the|its|their|his|her|all|[a-z]+s)\b|[.,;:!?)]|$", re.IGNORECASE
)
# "a multi-billion pound industry", "multibillion-dollar": 2 … 9.99 × the scale (GUIDELINES)
_MULTI = re.compile(
    r"\bmulti-?(?P<scale>million|billion|trillion)[- ](?P<cw>dollar|pound|euro)s?\b",
    re.IGNORECASE,
)
# "one household in three": a share with the counted noun inside; one followed by a
# noun ("14 goals in 20 games") is a count, see ``_ends_phrase``
_ONE_IN = re.compile(
    rf"\b{_APPROX}(?P<fr>(?:\d+|one|two|three|four|five|six|seven|eight|nine) [a-z]+ (?:in|out of)"
    r" (?!(?:19|20)\d\d\b)(?:\d+|two|three|four|five|six|seven|eight|nine|ten))\b(?!-)",
    re.IGNORECASE,
)
_NOUN_IN = re.compile(r"^(?:\S+\s+)*?\S+\s+(?!out\b)[a-z]+\s+(?:in|out of)\s", re.IGNORECASE)
_ISO_WHEN = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?|-Q[1-4]|-H[12])?$")
_RATE = {
    "year": "yr", "month": "mo", "day": "d", "week": "wk", "barrel": "bbl",
    "share": "share", "head": "head",
}  # fmt: skip


def _scale(s: str | None) -> float:
    if not s:
        return 1.0
    return SCALES.get(s.strip().lower(), 1.0)


def _amount(m: re.Match[str]) -> tuple[float, float, bool] | None:
    """The (low, high, is-point) of a matched number or range, scales applied."""
    n1 = parse_number(m.group("n1"))
    if n1 is None:
        return None
    groups = m.groupdict()
    s1, s2 = groups.get("s1"), groups.get("s2")
    if groups.get("n2"):
        n2 = parse_number(m.group("n2"))
        if n2 is None:
            return None
        scale2 = _scale(s2)
        scale1 = _scale(s1) if s1 else scale2  # "$5-7bn": the scale covers both ends
        low, high = n1 * scale1, n2 * scale2
        return (low, high, False) if low < high else None
    value = n1 * _scale(s1)
    return value, value, True


def _per(m: re.Match[str]) -> str:
    per = m.groupdict().get("per")
    if not per:
        return ""
    return "/" + _RATE[re.split(r"[\s-]+", per.strip(" -"))[-1].lower()]


def _regex_candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []

    def add(m: re.Match[str], unit: str, kind: str, scale: float = 1.0) -> None:
        amount = _amount(m)
        if amount is None:
            return
        low, high, point = amount
        approx = m.group("approx")
        found.append(
            _Candidate(
                m.start(),
                m.end(),
                m.start("n1"),
                low * scale,
                high * scale,
                point,
                unit,
                approx.lower() if approx else None,
                kind,
            )
        )

    for m in _MONEY_SIGN.finditer(text):
        add(m, CURRENCY_SIGNS[m.group("sign").lower()] + _per(m), "money")
    for m in _MONEY_WORD.finditer(text):
        word = m.group("cw").lower()
        pence = 0.01 if word in HUNDREDTHS else 1.0
        add(m, CURRENCY_WORDS[word] + _per(m), "money", pence)
    for m in _MULTI.finditer(text):
        scale = SCALES[m.group("scale").lower()]
        unit = CURRENCY_WORDS[m.group("cw").lower()]
        low, high = 2 * scale, 9.99 * scale
        found.append(
            _Candidate(m.start(), m.end(), m.start(), low, high, False, unit, None, "money")
        )
    for m in _PERCENT.finditer(text):
        add(m, "pp" if m.group("pc").lower().startswith("percentage") else "percent", "percent")
    for m in _QUANTITY.finditer(text):
        unit = UNIT_WORDS[m.group("u").lower()]
        add(m, unit + ("/d" if m.group("perday") else ""), "quantity")
    for m in _QUANTITY_WORDS.finditer(text):
        add(m, UNIT_WORDS[m.group("u").lower()], "quantity")
    for m in [*_FRACTION.finditer(text), *_ONE_IN.finditer(text)]:
        shared = re.search(r" (?:in|out of) ", m.group("fr"))
        if not shared and not _WORD_FRACTION_NEXT.match(text, m.end()):
            continue  # "half the talent", not "half a dozen young players"
        value = fraction_value(m.group("fr"))
        quarter_alone = "quarter" in m.group("fr").lower() and not text.startswith(" of", m.end())
        if value is not None and 0 < value <= 1 and not quarter_alone:
            approx = m.group("approx")
            found.append(
                _Candidate(
                    m.start(),
                    m.end("fr"),
                    m.start("fr"),
                    value,
                    value,
                    True,
                    "fraction",
                    approx.lower() if approx else None,
                    "fraction",
                )
            )
    return found


def _between(text: str, cands: list[_Candidate]) -> list[_Candidate]:
    """Merge "between 5% and 7%" (two figures of one unit) into one range."""
    cands.sort(key=lambda c: c.start)
    out: list[_Candidate] = []
    for c in cands:
        if out:
            prev = out[-1]
            gap = text[prev.end : c.start]
            before = text[max(0, prev.start - 8) : prev.start].lower()
            if (
                gap.strip().lower() == "and"
                and before.rstrip().endswith("between")
                and prev.unit == c.unit
                and prev.point
                and c.point
                and prev.low < c.low
            ):
                out[-1] = _Candidate(
                    text.lower().rindex("between", 0, prev.start),
                    c.end,
                    prev.core,
                    prev.low,
                    c.high,
                    False,
                    c.unit,
                    None,
                    c.kind,
                )
                continue
        out.append(c)
    return out


def _ends_phrase(doc: Doc, c: _Candidate) -> bool:
    """A share "one household in three" is not followed by a noun it would count."""
    # from the number on: "almost one in five" has no noun before "in"
    if c.kind != "fraction" or not _NOUN_IN.match(doc.text[c.core : c.end]):
        return True
    after = doc.char_span(c.end, len(doc.text), alignment_mode="expand")
    nxt = after[0] if after is not None and len(after) else None
    return nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ")


def _in_timex(c: _Candidate, timexes: Sequence[Timex]) -> bool:
    return any(t.start <= c.core < t.end for t in timexes)


def _resolve_overlaps(cands: list[_Candidate]) -> list[_Candidate]:
    rank = {"money": 0, "percent": 1, "quantity": 2, "fraction": 3, "count": 4}
    ordered = sorted(cands, key=lambda c: (rank[c.kind], -(c.end - c.start), c.start))
    kept: list[_Candidate] = []
    for c in ordered:
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _when(doc: Doc, start: int, end: int, timexes: Sequence[Timex]) -> str | None:
    """The value of the nearest calendar time expression in the figure's sentence."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    sent: Span = span.sent
    best: tuple[int, str] | None = None
    for t in timexes:
        if t.type != "DATE" or not _ISO_WHEN.match(t.value):
            continue
        if t.start < sent.start_char or t.end > sent.end_char:
            continue
        dist = start - t.end if t.end <= start else t.start - end
        if best is None or abs(dist) < best[0]:
            best = (abs(dist), t.value)
    return best[1] if best else None


def extract_figures(
    text: str,
    published: datetime | None = None,
    doc: Doc | None = None,
    timexes: Sequence[Timex] | None = None,
) -> tuple[Figure, ...]:
    """All figures in ``text``, in order, each with its value, unit, measure and time.

    ``doc`` is the article parsed by :func:`storyline.nlp.pipeline.load_nlp`
    (parsed here when not given); ``timexes`` those of
    :func:`~storyline.extract.time.extract_timexes` (found here when not given).

    >>> [(f.text, f.value, f.unit) for f in extract_figures("Costs rose 12% to £35m.")]
    [('12%', 12.0, 'percent'), ('£35m', 35000000.0, 'GBP')]
    """
    if doc is None:
        from storyline.nlp.pipeline import load_nlp

        doc = load_nlp()(text)
    if timexes is None:
        timexes = extract_timexes(text, published, doc=doc)
    cands = [c for c in _regex_candidates(text) if _ends_phrase(doc, c)]
    cands += vague_candidates(doc, text)
    cands = _resolve_overlaps([c for c in cands if not _in_timex(c, timexes)])
    counts = [
        c
        for c in count_candidates(doc, text)
        if not _in_timex(c, timexes) and all(c.end <= k.start or c.start >= k.end for k in cands)
    ]
    cands = _between(text, cands + counts)
    measured = [
        Measured(c.start, c.end, c.unit, about_phrase(doc, c.start, c.end, c.kind, c.unit))
        for c in cands
    ]
    figures = []
    for c, about in zip(cands, parallel_abouts(doc, measured), strict=True):
        value = c.low if c.point else None
        figures.append(
            Figure(
                text=text[c.start : c.end],
                value=value,
                low=c.low,
                high=c.high,
                unit=c.unit,
                approx=c.approx,
                about=about,
                when=_when(doc, c.start, c.end, timexes),
                start=c.start,
                end=c.end,
            )
        )
    return tuple(figures)
