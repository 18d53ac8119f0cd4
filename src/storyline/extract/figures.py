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
- money stated per something is a rate: "$50 a barrel" → ``USD/bbl``, "£100,000
  per annum" → ``GBP/yr``; basis points are hundredths of a percentage point
  ("50 basis points" → 0.5 ``pp``);
- ``low``/``high`` equal ``value`` for a point, whatever the approximation
  word; ranges ("10-15 people", "between 5% and 7%", "between 10 and 20
  percent", "about 10 to 15 people") and vague plurals
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

from spacy.tokens import Doc

from storyline.extract.figures_about import about_phrase
from storyline.extract.figures_counts import (
    NUM,
    count_candidates,
    elided_candidates,
    vague_candidates,
)
from storyline.extract.figures_counts import Candidate as _Candidate
from storyline.extract.figures_parallel import Measured, parallel_abouts
from storyline.extract.figures_units import (
    APPROX,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    HUNDREDTHS,
    NUMBER_WORDS,
    SCALES,
    TIME_NOUNS,
    UNIT_WORDS,
    fraction_value,
    parse_number,
)
from storyline.extract.figures_when import figure_time
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
# "£35m", "$1.2 trillion", "£2.3 mln", "Rs 500 crore" (1e7), "₹45 lakh crore" (1e12)
_SCALE = (
    r"(?:\s?(?:hundred|thousand|million|billion|trillion|lakh\s+crore|lakhs?|crores?)\b"
    r"|\s?(?:mn|mln|bn|tn|trn)\b|(?:k|m|b)\b)?"
)
# a sign, or a code written before the amount ("Rs 500 crore", "EUR 3m", "CHF 2m")
_CODES = "USD|EUR|GBP|CHF|JPY|CNY|INR|CAD|AUD"
_SIGN = rf"(?:(?:US|C|A|HK|NZ|S|R)?[$£€¥]|₹|(?:Rs\.?|(?-i:{_CODES}))(?=\s?\d))"
_CURWORD = "|".join(sorted((re.escape(w) for w in CURRENCY_WORDS), key=len, reverse=True))
_UNIT = "|".join(sorted((re.escape(w) for w in UNIT_WORDS), key=len, reverse=True))
# "a/per <thing>" makes a rate ("$50 a barrel", "£1.50 a litre", "$15 an hour"), and so
# do "per annum", "annually" and "every/each year" right after the amount
_RATE = {
    "year": "yr", "annum": "yr", "annually": "yr", "month": "mo", "day": "d", "week": "wk",
    "barrel": "bbl", "share": "share", "head": "head", "hour": "h", "night": "night",
    "litre": "l", "liter": "l", "gallon": "gal", "ounce": "oz", "tonne": "t", "ton": "t",
    "kilo": "kg", "kg": "kg", "pint": "pint", "mile": "mi", "person": "person",
    "capita": "person",
}  # fmt: skip
# "£9bn a year earlier", "a year after the crash" are times, not rates
_PER = (
    r"(?P<per>(?:\s+|-)(?:a|an|per)(?:\s+|-)(?:"
    + "|".join(w for w in _RATE if w != "annually")
    + r")\b(?!\s+(?:earlier|ago|before|later|after|on)\b)"
    r"|\s+(?:every|each)\s+(?:year|month|week|day)\b|\s+annually\b)?"
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
# number words: "five billion dollars", "a million pounds", "half a million euros"
_WORD_NUM = "|".join(w for w in NUMBER_WORDS if w != "dozen")
_WORDS_N = rf"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-\w+|{_WORD_NUM}"
_WORD_SCALE = r"\s(?:hundred|thousand|million|billion|trillion)\b"
# not after a number word: "the two won seats", "three p…"
_CURWORD_AFTER_WORDS = "|".join(
    w for w in sorted(CURRENCY_WORDS, key=len, reverse=True) if w not in ("p", "won", "rand")
)
_MONEY_WORDNUM = re.compile(
    rf"\b{_APPROX}(?P<n1>{_WORDS_N}|half\s+an?(?={_WORD_SCALE})|an?(?={_WORD_SCALE}))"
    rf"(?P<s1>{_WORD_SCALE})?\s(?P<cw>{_CURWORD_AFTER_WORDS})\b{_PER}",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    rf"\b{_APPROX}(?P<n1>{_NUM}|{_WORDS_N})(?:%?{_RANGE_SEP}(?P<n2>{_NUM}))?"
    r"\s?(?P<pc>%|(?:(?:full|whole)\s+)?(?:percent(?:age)?|per\s?cent(?:age)?)[\s-]points?\b"
    r"|percent\b|per\s?cent\b"
    r"|pct\b|(?-i:pc)\b|basis[\s-]points?\b|(?-i:bps?)\b)",
    re.IGNORECASE,
)
# "half a percentage point", "a quarter-point cut", "three-quarters of a percentage point"
_PP_FRACTION = re.compile(
    rf"\b{_APPROX}(?P<fr>half|a\s+half|one[\s-]half|a\s+quarter|quarter|one[\s-]quarter"
    r"|three[\s-]quarters)(?:\s+of)?(?:\s+an?)?[\s-](?:percentage[\s-])?points?\b",
    re.IGNORECASE,
)
# "1.5 million barrels a day", "2m tonnes a year", "75 miles an hour"
_QUANTITY_PER = {
    "day": "d", "hour": "h", "year": "yr", "week": "wk", "month": "mo", "second": "s",
}  # fmt: skip
_QUANTITY = re.compile(
    rf"\b{_APPROX}(?P<n1>{_NUM})(?P<s1>{_SCALE})(?:{_RANGE_SEP}(?P<n2>{_NUM})(?P<s2>{_SCALE}))?"
    rf"(?:\s|-)?(?P<u>{_UNIT})\b(?!-(?:year|old))"
    r"(?P<perq>\s+(?:a|an|per)\s+(?:day|hour|year|week|month|second)\b"
    r"(?!\s+(?:earlier|ago|before|later|after)\b))?",
    re.IGNORECASE,
)
# "one gigabyte", "two miles": a number word with a unit ("two points" is score-like)
_QUANTITY_WORDS = re.compile(
    rf"\b{_APPROX}(?P<n1>{_WORDS_N})"
    rf"(?P<s1>{_SCALE})[\s-](?P<u>{_UNIT})\b(?<!points)(?<!point)(?!-(?:year|old))",
    re.IGNORECASE,
)
_FRACTION = re.compile(
    rf"\b{_APPROX}(?P<fr>(?:a|one|two|three)[- ](?:half|third|quarter|fifth|tenth)s?"
    r"|two-thirds|three-quarters|half|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
    r" (?:in|out of) (?!(?:19|20)\d\d\b)(?:\d+|two|three|four|five|six|seven|eight|nine|ten))"
    r"(?=\s+(?:of|the|its|their|his|her|all|(?:[a-z]+\s+)?(?:[a-z]+s|people|men|women|children))"
    r"\b|[.,;:!?)]|$|[\s-]doses?\b)",
    re.IGNORECASE,
)
# "a half dose" is a share of a dose (GUIDELINES); "a third dose" is an ordinal
_HALF_DOSE = re.compile(r"[\s-]doses?\b", re.IGNORECASE)
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


def _scale(s: str | None) -> float:
    if not s:
        return 1.0
    return SCALES.get(re.sub(r"\s+", " ", s.strip().lower()), 1.0)


def _number(text: str) -> float | None:
    """A number in digits or words; "a"/"half a" before a scale word ("a million")."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    if t in ("a", "an"):
        return 1.0
    if t in ("half a", "half an"):
        return 0.5
    return parse_number(t)


def _amount(m: re.Match[str]) -> tuple[float, float, bool] | None:
    """The (low, high, is-point) of a matched number or range, scales applied."""
    n1 = _number(m.group("n1"))
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


_DETERMINER_NEXT = re.compile(r"\s+(?:the|a|an|his|her|its|their|our|two|three|four)\b", re.I)


def _won_is_a_verb(text: str, m: re.Match[str]) -> bool:
    """ "Fahrenheit 9/11 won the award": "won" after a small or glued number is the verb;
    the Korean currency comes in hundreds at least ("10,000 won")."""
    value = parse_number(m.group("n1"))
    small = value is None or (value < 100 and not m.group("s1"))
    glued = text[max(0, m.start("n1") - 1) : m.start("n1")] in ("/", "-", "–")
    return small or glued or bool(_DETERMINER_NEXT.match(text, m.end("cw")))


def _title_word(unit: str) -> bool:
    """ "21 Grams" (a film): a unit word written like a name is part of a title."""
    return len(unit) > 2 and unit[0].isupper() and unit[1:].islower()


def _quantity_unit(m: re.Match[str]) -> str:
    """ "3,000 km" → km; a rate after it: "barrels a day" → bbl/d, "miles an hour" → mph."""
    unit = UNIT_WORDS[re.sub(r"\s+", " ", m.group("u").lower())]
    if m.group("u") == "Mb":
        unit = "Mbit"  # "up to 15Mb" broadband is megabits; "512MB", "512mb" megabytes
    if not m.group("perq"):
        return unit
    per = _QUANTITY_PER[m.group("perq").split()[-1].lower()]
    if unit == "mi" and per == "h":
        return "mph"
    return f"{unit}/{per}" if "/" not in unit else unit


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
    for m in [*_MONEY_WORD.finditer(text), *_MONEY_WORDNUM.finditer(text)]:
        word = re.sub(r"\s+", " ", m.group("cw").lower())
        if word == "won" and _won_is_a_verb(text, m):
            continue
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
        pc = m.group("pc").lower()
        if pc.startswith(("basis", "bp")):
            add(m, "pp", "percent", 0.01)  # "50 basis points" → 0.5 pp
        else:
            add(m, "pp" if re.search(r"points?$", pc) else "percent", "percent")
    for m in _PP_FRACTION.finditer(text):
        fr = m.group("fr").lower()
        pp = 0.75 if "three" in fr else (0.25 if "quarter" in fr else 0.5)
        approx = m.group("approx")
        found.append(
            _Candidate(
                m.start(), m.end(), m.start("fr"), pp, pp, True, "pp",
                approx.lower() if approx else None, "percent",
            )
        )  # fmt: skip
    for m in _QUANTITY.finditer(text):
        if not _title_word(m.group("u")):
            add(m, _quantity_unit(m), "quantity")
    for m in _QUANTITY_WORDS.finditer(text):
        add(m, UNIT_WORDS[m.group("u").lower()], "quantity")
    for m in [*_FRACTION.finditer(text), *_ONE_IN.finditer(text)]:
        shared = re.search(r" (?:in|out of) ", m.group("fr"))
        if _HALF_DOSE.match(text, m.end()):
            if "half" not in m.group("fr").lower():
                continue  # "a third dose"
        elif not shared and not _WORD_FRACTION_NEXT.match(text, m.end()):
            continue  # "half the talent", not "half a dozen young players"
        if re.match(r"\s+of\s+an?\s+(?:hundred|thousand|million|billion)\b", text[m.end() :]):
            continue  # "a quarter of a million jobs" is a count
        nxt = re.match(r"\s+([a-z]+)", text[m.end() :])
        if nxt and (nxt.group(1) in TIME_NOUNS or nxt.group(1).rstrip("s") in TIME_NOUNS):
            continue  # "two and a half years", "half an hour": durations
        if re.search(
            r"\b(?:top|bottom|first|second)[\s-]+$", text[max(0, m.start() - 8) : m.start()]
        ):
            continue  # "the bottom half of the table", "the second half": parts, not shares
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


# "between 10 and 20 percent", "between two and three million people": a low end with no
# unit of its own, right before a figure
_BARE_LOW = re.compile(
    rf"\bbetween\s+(?P<n1>{_NUM}|{_WORDS_N})(?P<s1>{_SCALE})"
    r"(?:\s?(?:%|per\s?cent|percent))?\s+and\s+$",
    re.IGNORECASE,
)
# "about 10 to 15 people": a count range written with "to" (not "from 10 to 15", a change)
_TO_LOW = re.compile(
    rf"\b{_APPROX}(?P<n1>{_NUM}|{_WORDS_N})(?P<s1>{_SCALE})\s+to\s+$", re.IGNORECASE
)
_LEAD_NUMBER = re.compile(rf"(?P<n>{_NUM}|{_WORDS_N})(?P<s>{_SCALE})", re.IGNORECASE)


# a change verb right before "N to M": the change and the level it reached, not a range
_CHANGED = re.compile(
    r"\b(?:rose|fell|dropped|declined|climbed|jumped|increased|decreased|slipped|dipped"
    r"|gained|grew|shrank|surged|plunged|slid|up|down)\s+$",
    re.IGNORECASE,
)


def _between_bare(text: str, cands: list[_Candidate]) -> list[_Candidate]:
    """Make "between 10 and 20 percent" one range, the high end's unit and scale on both."""
    merged: list[_Candidate] = []
    for c in cands:
        if not c.point or c.approx or c.kind == "fraction":
            continue
        m = _BARE_LOW.search(text, max(0, c.start - 60), c.start)
        if m is None and c.kind == "count":
            m = _TO_LOW.search(text, max(0, c.start - 60), c.start)
            if m is not None and re.search(r"\bfrom\s+$", text[max(0, m.start() - 8) : m.start()]):
                m = None
            if m is not None and _CHANGED.search(text, max(0, m.start() - 16), m.start()):
                m = None  # "claims dropped 36,000 to 293,000": a change and a level
        lead = _LEAD_NUMBER.match(text, c.core)
        if m is None or lead is None or re.fullmatch(r"(?:1[5-9]|20)\d\d", m.group("n1")):
            continue
        n1 = _number(m.group("n1"))
        scale = _scale(m.group("s1")) if m.group("s1") else _scale(lead.group("s"))
        if n1 is None or not n1 * scale < c.low:
            continue
        approx = m.groupdict().get("approx")
        merged.append(
            _Candidate(
                m.start(),
                c.end,
                m.start("n1"),
                n1 * scale,
                c.high,
                False,
                c.unit,
                approx.lower() if approx else None,
                c.kind,
            )
        )
    if not merged:
        return cands
    rest = [c for c in cands if all(c.end <= r.start or c.start >= r.end for r in merged)]
    return sorted(rest + merged, key=lambda c: c.start)


# a period later in the amount's clause: "spends millions of pounds on films every year"
_CLAUSE_PERIOD = re.compile(
    r"\b(?P<prep>in|within|for|over|after|than|of)?\s*"
    r"(?:(?:every|each|per|a)\s+(?P<period>year|month|week)\b"
    r"(?!\s+(?:earlier|ago|before|later|after|on)\b)"
    r"|annually|per\s+annum)\b",
    re.IGNORECASE,
)
_CONVERSION = re.compile(r"\s*\([^()]{1,60}\)")
_CLAUSE_END = re.compile(r"[.;:!?,()\[\]\"“”\n]|\s(?:and|but|while|whereas|which|who)\s")


def _clause_rates(text: str, cands: list[_Candidate]) -> list[_Candidate]:
    """Money with "every year", "a year", "annually" … later in its clause, no other
    figure between, is a rate: "spends £2bn on drugs every year" → GBP/yr (GUIDELINES);
    "£5m in a year" and "£5m a year ago" are not."""
    starts = sorted(c.start for c in cands)
    for c in cands:
        rate = c.unit.partition("/")[2]
        if (
            rate
            and _money(c.unit.partition("/")[0])
            and (bracket := _CONVERSION.match(text, c.end))
        ):
            # "$10bn a year (£5.38bn)": the conversion is a rate too
            for k in cands:
                if c.end < k.start and k.end <= bracket.end() and _money(k.unit):
                    k.unit += "/" + rate
            continue
        if not _money(c.unit):
            continue
        # "$10bn (£5.38bn) a year": the period after a bracketed conversion rates both
        after = c.end
        group = [c]
        if bracket := _CONVERSION.match(text, c.end):
            after = bracket.end()
            group += [k for k in cands if c.end < k.start and k.end <= after and _money(k.unit)]
        stop = _CLAUSE_END.search(text, after, after + 100)
        end = min([stop.start() if stop else after + 100, *(s for s in starts if s >= after)])
        period = next(
            (m for m in _CLAUSE_PERIOD.finditer(text, after, end) if not m.group("prep")), None
        )
        if period is not None:
            for k in group:
                k.unit += "/" + _RATE[(period.group("period") or "annually").lower()]
    return cands


def _money(unit: str) -> bool:
    """A currency code with no rate yet: "GBP", not "GBP/yr" nor "percent"."""
    return unit[:3].isupper() and unit[:3].isalpha() and "/" not in unit


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
                and (prev.unit == c.unit or c.unit.startswith(prev.unit + "/"))
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


# A figure the source cut off after its digits, as crawled teasers end ("… and another
# $10..."): its scale word may be what was cut ("$10 billion"), so its value cannot be
# trusted ("a 49.2%..." is whole).
_CUT_SHORT = re.compile(r"\s*(?:\.\.\.|…)\s*(?:\n|$)")


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
    counts += [c for c in elided_candidates(doc, cands + counts) if not _in_timex(c, timexes)]
    cands = _clause_rates(text, _between(text, _between_bare(text, cands + counts)))
    cands = [c for c in cands if not (text[c.end - 1].isdigit() and _CUT_SHORT.match(text, c.end))]
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
                when=figure_time(doc, c.start, c.end, timexes),
                start=c.start,
                end=c.end,
            )
        )
    return tuple(figures)
