"""Time expressions (TIMEX3-style) normalised against the publication date.

``extract_timexes`` finds dates, times, durations and sets with the patterns
in :mod:`storyline.extract.time_rules` and resolves each against the article's
publication date: weekday names by tense (past → the last such day; future,
"will", "is due", "next" → the coming one; the publication day's own weekday,
without "last"/"next", is that day, as news style uses it), "last March" → the most recent March
before the publication month, "in October" by tense.

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
from datetime import date, datetime, timedelta
from typing import Any, Literal

from storyline.extract.time_rules import MODS, MONTHS, PATTERNS, SEASONS, UNITS, WEEKDAYS, number

__all__ = ["Timex", "TimexType", "extract_timexes", "publication_date_from_text"]

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Tense = Literal["past", "future", "present"]


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


_FUTURE = re.compile(
    r"\b(?:will|won't|'ll|shall|is due|are due|due to|is expected|are expected|going to|"
    r"plans? to|scheduled|next|upcoming|coming|would|expects?|until|by|is to|are to)\b",
    re.IGNORECASE,
)
_PAST = re.compile(r"\b(?:was|were|had|did|said|ago|last|yesterday|earlier|\w+ed)\b", re.IGNORECASE)
_SENT_END = re.compile(r"[.!?]\s+(?=[A-Z\"'])|\n\s*\n")


def _tense(text: str, start: int, end: int) -> Tense:
    """The tense of the sentence around a span: the nearest tense marker wins."""
    left = max((m.end() for m in _SENT_END.finditer(text, 0, start)), default=0)
    nxt = _SENT_END.search(text, end)
    right = nxt.start() if nxt else len(text)
    best: tuple[int, Tense] = (10**9, "present")
    markers: tuple[tuple[re.Pattern[str], Tense], ...] = ((_FUTURE, "future"), (_PAST, "past"))
    for pattern, tense in markers:
        for m in pattern.finditer(text, left, right):
            if start <= m.start() < end and m.group().lower() not in ("next", "last"):
                continue
            dist = start - m.end() if m.end() <= start else m.start() - end
            dist = abs(dist) if m.end() <= start else abs(dist) + 3  # prefer what comes before
            if dist < best[0]:
                best = (dist, tense)
    return best[1]


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _month_of(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _unit_letter(unit: str) -> tuple[str, bool]:
    return UNITS[unit.lower().rstrip("s")]


def _duration(n: int | None, unit: str) -> str:
    letter, is_time = _unit_letter(unit)
    qty = "X" if n is None or n < 0 else str(n)
    if letter == "DE":
        qty, letter = ("X" if qty == "X" else str(int(qty) * 10)), "Y"
    elif letter == "CE":
        qty, letter = ("X" if qty == "X" else str(int(qty) * 100)), "Y"
    return f"PT{qty}{letter}" if is_time else f"P{qty}{letter}"


def _unit_value(d: date, unit: str) -> str:
    u = unit.lower()
    if u.startswith("week"):
        return _iso_week(d)
    if u.startswith("month"):
        return f"{d.year}-{d.month:02d}"
    if u.startswith("quarter"):
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    if u.startswith("year") or u.startswith("season"):
        return f"{d.year}"
    if u.startswith("decade"):
        return f"{d.year // 10}"
    return d.isoformat()


def _shift(d: date, n: int, unit: str) -> date:
    u = unit.lower()
    if u.startswith(("hour", "minute", "second")):
        return d
    if u.startswith("day"):
        return d + timedelta(days=n)
    if u.startswith(("week", "weekend")):
        return d + timedelta(weeks=n)
    if u.startswith(("month", "quarter")):
        months = n * (3 if u.startswith("quarter") else 1)
        y, m = _shift_month(d.year, d.month, months)
        return date(y, m, 1)
    years = n * (10 if u.startswith("decade") else 1)
    return date(d.year + years, 1, 1)


_ADVERB_UNITS = {
    "daily": "day", "weekly": "week", "monthly": "month", "annually": "year",
    "yearly": "year", "hourly": "hour", "quarterly": "month",
}  # fmt: skip


class _Resolver:
    """Turns one pattern match into (type, value, mod, resolved)."""

    def __init__(self, text: str, dct: date | None) -> None:
        self.text = text
        self.dct = dct

    def __call__(self, rule: str, m: re.Match[str]) -> tuple[TimexType, str, str | None, bool]:
        g = {k: v for k, v in m.groupdict().items() if v is not None}
        fn = getattr(self, "_" + rule)
        result: tuple[TimexType, str, str | None, bool] = fn(g, m)
        return result

    def tense(self, m: re.Match[str]) -> Tense:
        return _tense(self.text, m.start(), m.end())

    def _year_of_month(self, month: int, m: re.Match[str], rel: str | None = None) -> int | None:
        if self.dct is None:
            return None
        d = self.dct
        rel = (rel or "").lower()
        if rel == "last":
            return d.year if month < d.month else d.year - 1
        if rel in ("next", "coming"):
            return d.year if month > d.month else d.year + 1
        if rel == "this":
            return d.year
        if self.tense(m) == "future":
            return d.year if month >= d.month else d.year + 1
        return d.year if month <= d.month else d.year - 1

    # --- absolute dates -------------------------------------------------
    def _iso_date(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return "DATE", f"{g['y']}-{g['m']}-{g['d']}", None, True

    def _mdy(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        mon, day = _month_of(g["mon"]), int(g["d"])
        year = int(g["y"]) if "y" in g else self._year_of_month(mon, m)
        if year is None:
            return "DATE", f"XXXX-{mon:02d}-{day:02d}", None, False
        return "DATE", f"{year}-{mon:02d}-{day:02d}", None, True

    _dmy = _mdy

    def _month_year(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return "DATE", f"{g['y']}-{_month_of(g['mon']):02d}", None, True

    def _mod_month(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, str | None, bool]:
        mod = MODS[re.sub(r"\s+", " ", g["mod"].lower()).strip()]
        mon = _month_of(g["mon"])
        year = int(g["y"]) if "y" in g else self._year_of_month(mon, m, g.get("rel"))
        if year is None:
            return "DATE", f"XXXX-{mon:02d}", mod, False
        return "DATE", f"{year}-{mon:02d}", mod, True

    def _mod_year(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, str | None, bool]:
        return "DATE", g["y"], MODS[re.sub(r"\s+", " ", g["mod"].lower())], True

    def _mod_rel(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, str | None, bool]:
        mod = MODS.get(re.sub(r"\s+", " ", g["mod"].lower()), "START")
        rel = m.group().lower().split()[-2]
        typ, value, _, ok = self._rel_unit({"rel": rel, "unit": g["unit"]}, m)
        return typ, value, mod, ok

    def _year_range(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return "DATE", g["y"], None, True  # split into two spans by the caller

    def _decade(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, str | None, bool]:
        dec = g["dec"]
        mod = {"early": "START", "mid": "MID", "late": "END"}.get(g.get("mod", "").lower())
        if dec.startswith("'"):
            return "DATE", "19" + dec[1], mod, True
        return "DATE", dec[:3], mod, True

    def _quarter(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        q = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(g["q"].lower(), 0)
        q = q or int(g["q"][0])
        if "y" in g:
            return "DATE", f"{g['y']}-Q{q}", None, True
        if self.dct is None:
            return "DATE", f"XXXX-Q{q}", None, False
        cur = (self.dct.month - 1) // 3 + 1
        future = False  # quarters in news are reported ones; tuned on TempEval-3 training
        year = (
            self.dct.year
            if (q >= cur if future else q <= cur)
            else (self.dct.year + 1 if future else self.dct.year - 1)
        )
        return "DATE", f"{year}-Q{q}", None, True

    def _half(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        h = 1 if g["h"].lower() == "first" else 2
        year = g.get("y") or (str(self.dct.year) if self.dct else None)
        return "DATE", f"{year or 'XXXX'}-H{h}", None, year is not None

    def _season_year(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return "DATE", f"{g['y']}-{SEASONS[g['season'].lower()]}", None, True

    def _fy(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return "DATE", g["y"], None, True

    def _year(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return "DATE", g["y"], None, True

    # --- relative dates -------------------------------------------------
    def _weekday_date(self, wd: int, m: Any, rel: str = "") -> date | None:
        if self.dct is None:
            return None
        d = self.dct
        after = (wd - d.weekday()) % 7
        before = (d.weekday() - wd) % 7
        if not rel and after == 0:
            # News style names the publication day itself by its weekday
            # ("the minister resigned on Tuesday" in Tuesday's paper).
            return d
        if rel in ("next", "coming") or (not rel and self.tense(m) == "future"):
            return d + timedelta(days=after or 7)
        if rel == "this":
            return d + timedelta(days=after)
        return d - timedelta(days=before or 7)

    def _weekday(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        d = self._weekday_date(WEEKDAYS[g["wd"].lower()], m)
        day = d.isoformat() if d else "XXXX-XX-XX"
        if g.get("part"):  # "Wednesday night" is a TIME: the day with its part
            code = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
            return "TIME", f"{day}T{code[g['part'].lower()]}", None, d is not None
        return "DATE", day, None, d is not None

    def _rel_weekday(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        d = self._weekday_date(WEEKDAYS[g["wd"].lower()], m, g["rel"].lower())
        return ("DATE", d.isoformat(), None, True) if d else ("DATE", "XXXX-XX-XX", None, False)

    def _month(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        mon = _month_of(g["mon"])
        year = self._year_of_month(mon, m)
        return "DATE", f"{year if year else 'XXXX'}-{mon:02d}", None, year is not None

    def _rel_month(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        mon = _month_of(g["mon"])
        year = self._year_of_month(mon, m, g["rel"])
        return "DATE", f"{year if year else 'XXXX'}-{mon:02d}", None, year is not None

    def _rel_season(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        s = SEASONS[g["season"].lower()]
        if self.dct is None:
            return "DATE", f"XXXX-{s}", None, False
        k = {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
        return "DATE", f"{self.dct.year + k}-{s}", None, True

    def _rel_unit(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        rel = g["rel"].lower().split()[-1]
        unit = g["unit"].lower()
        k = {"last": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
        if unit == "season":
            return "DATE", "XXXX", None, False
        if self.dct is None:
            blank = {"week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}
            return (
                "DATE",
                blank.get(unit, "XXXX-WXX-WE" if unit == "weekend" else "XXXX"),
                None,
                False,
            )
        if unit == "weekend":
            return "DATE", _iso_week(self.dct + timedelta(weeks=k)) + "-WE", None, True
        return "DATE", _unit_value(_shift(self.dct, k, unit), unit), None, True

    def _the_unit(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        unit = g["unit"].lower()
        if unit == "quarter" or (unit == "weekend" and self.tense(m) != "future"):
            # "the quarter" in business news is the one just reported, and "the
            # weekend" in past-tense copy the one just gone (TempEval-3 training data).
            return self._rel_unit({"rel": "last", "unit": unit}, m)
        return self._rel_unit({"rel": "this", "unit": unit}, m)

    def _year_ago(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        # the quarter, when the sentence names one, is set by _anchor_year_ago
        if self.dct is None:
            return "DATE", "XXXX", None, False
        return "DATE", str(self.dct.year - 1), None, True

    def _holiday(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        name = " ".join(g["hol"].lower().split())
        year = int(g["y"]) if g.get("y") else self._year_of_holiday(name, m)
        if year is None:
            return "DATE", "XXXX-XX-XX", None, False
        return "DATE", _holiday_date(name, year).isoformat(), None, True

    def _year_of_holiday(self, name: str, m: Any) -> int | None:
        if self.dct is None:
            return None
        this_year = _holiday_date(name, self.dct.year)
        if self.tense(m) == "future":
            return self.dct.year if this_year >= self.dct else self.dct.year + 1
        return self.dct.year if this_year <= self.dct else self.dct.year - 1

    def _ago(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        n = number(g["n"])
        unit = g["unit"]
        if n is None or n < 0 or self.dct is None:
            return "DATE", "XXXX-XX-XX", None, False
        sign = -1 if g["dir"].lower() in ("ago", "earlier", "before") else 1
        if unit.lower().startswith(("hour", "minute", "second")):
            return "DATE", self.dct.isoformat(), None, True
        d = self.dct + timedelta(days=sign * n) if unit.lower().startswith("day") else None
        if unit.lower().startswith("week"):
            d = self.dct + timedelta(weeks=sign * n)
        if d is None:
            d = _shift(self.dct, sign * n, unit)
        return "DATE", _unit_value(d, unit), None, True

    def _past_dur(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        n = number(g["n"]) if "n" in g else 1
        return "DURATION", _duration(n, g["unit"]), None, True

    def _duration(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, str | None, bool]:
        mod = MODS.get(g["approx"].lower()) if "approx" in g else None
        return "DURATION", _duration(number(g["n"]), g["unit"]), mod, True

    def _vague_dur(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return "DURATION", _duration(None, g["unit"]), None, True

    def _plural_unit(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return "DURATION", _duration(None, g["unit"]), None, True

    def _set(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        unit = g["unit"].lower()
        n = 2 if g.get("n", "").lower() == "other" else (number(g["n"]) if "n" in g else 1)
        if unit.rstrip("s") in WEEKDAYS:
            return "SET", f"XXXX-WXX-{WEEKDAYS[unit.rstrip('s')] + 1}", None, True
        if unit in ("morning", "night", "evening"):
            return (
                "SET",
                f"TXX{ {'morning': 'MO', 'night': 'NI', 'evening': 'EV'}[unit] }",
                None,
                True,
            )
        return "SET", _duration(n, unit), None, True

    def _set_adv(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        unit = _ADVERB_UNITS[g["adv"].lower()]
        n = 3 if g["adv"].lower() == "quarterly" else 1
        return "SET", _duration(n, unit), None, True

    def _day_part(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        part = (g.get("part") or "night").lower()
        code = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}[part]
        rel = g.get("rel", "this").lower()
        if self.dct is None:
            return "TIME", f"XXXX-XX-XXT{code}", None, False
        k = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(rel, 0)
        return "TIME", f"{(self.dct + timedelta(days=k)).isoformat()}T{code}", None, True

    def _time(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        h = int(g["h"]) % 12 + (12 if g.get("mer", "").lower().startswith("p") else 0)
        clock = f"T{h:02d}:{g.get('mi', '00')}"
        if self.dct is None:
            return "TIME", f"XXXX-XX-XX{clock}", None, False
        k = {"yesterday": -1, "tomorrow": 1}.get(g.get("when", "").lower(), 0)
        return "TIME", f"{(self.dct + timedelta(days=k)).isoformat()}{clock}", None, True

    def _time24(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return self._time({"h": g["h"], "mi": g["mi"], "mer": "a"}, m) if int(g["h"]) < 12 else \
            self._time({"h": str(int(g["h"]) - 12), "mi": g["mi"], "mer": "p"}, m)  # fmt: skip

    def _deictic(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        w = re.sub(r"\s+", " ", g["w"].lower())
        refs = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
                "presently": "PRESENT_REF", "at present": "PRESENT_REF",
                "these days": "PRESENT_REF",
                "recently": "PAST_REF", "the past": "PAST_REF", "formerly": "PAST_REF",
                "the future": "FUTURE_REF"}  # fmt: skip
        if w in refs:
            return "DATE", refs[w], None, True
        if self.dct is None:
            return "DATE", "XXXX-XX-XX", None, False
        k = {"yesterday": -1, "tomorrow": 1}.get(w, 0)
        return "DATE", (self.dct + timedelta(days=k)).isoformat(), None, True


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


def extract_timexes(text: str, published: datetime | None, doc: Any = None) -> tuple[Timex, ...]:
    """Every time expression in ``text``, normalised against ``published``.

    ``doc`` (a spaCy ``Doc`` of the same text) is accepted for callers that
    already parsed the article; the rules work on the text alone.

    >>> extract_timexes("He resigned on Tuesday.", datetime(2024, 3, 7))[0].value
    '2024-03-05'
    >>> extract_timexes("He resigned on Tuesday.", None)[0].resolved
    False
    """
    del doc  # tense is read from the sentence's words; see _tense
    dct = published.date() if published is not None else None
    resolve = _Resolver(text, dct)
    out: list[Timex] = []
    for start, end, _, rule, m in _candidates(text):
        typ, value, mod, resolved = resolve(rule, m)
        if rule == "year_range":
            y, y2 = m.group("y"), m.group("y2")
            out.append(Timex(y, "DATE", y, None, m.start("y"), m.end("y"), True))
            full = y[:2] + y2
            out.append(Timex(y2, "DATE", full, None, m.start("y2"), m.end("y2"), True))
            continue
        out.append(Timex(text[start:end], typ, value, mod, start, end, resolved))
    return tuple(_anchor_year_ago(sorted(out, key=lambda t: t.start), text))


_YEAR_AGO = re.compile(
    r"a year (?:ago|earlier|before)|(?:the )?year-(?:earlier|ago)(?: quarter| period)?",
    re.IGNORECASE,
)


def _holiday_date(name: str, year: int) -> date:
    """The date of a named holiday in ``year`` (US Thanksgiving: fourth Thursday of November)."""
    if name.startswith("thanksgiving"):
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    fixed = {
        "christmas": (12, 25),
        "christmas day": (12, 25),
        "christmas eve": (12, 24),
        "boxing day": (12, 26),
        "new year's day": (1, 1),
        "new year's eve": (12, 31),
        "independence day": (7, 4),
    }
    month, day = fixed[name]
    return date(year, month, day)


_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])")


def _anchor_year_ago(timexes: list[Timex], text: str) -> list[Timex]:
    """ "A year ago" next to a quarter means that quarter a year before.

    Business copy says "profit rose in the third quarter from $2m a year ago":
    the comparison is with the same quarter of the previous year, not the year.
    """
    out = list(timexes)
    for i, t in enumerate(out):
        if not (_YEAR_AGO.fullmatch(t.text) and re.fullmatch(r"\d{4}", t.value)):
            continue
        left = max((m.end() for m in _SENT_END.finditer(text, 0, t.start)), default=0)
        quarters = [q for q in out[:i] if q.start >= left and _QUARTER_VALUE.fullmatch(q.value)]
        match = _QUARTER_VALUE.fullmatch(quarters[-1].value) if quarters else None
        if match:
            value = f"{int(match.group(1)) - 1}-Q{match.group(2)}"
            out[i] = Timex(t.text, t.type, value, t.mod, t.start, t.end, t.resolved)
    return out


_MONTH_RE = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'\-]{1,40},\s+" + _MONTH_RE + r"\s+(?P<d>\d{1,2})(?:,\s*(?P<y>\d{4}))?"
    r"\s*(?:\([^)]*\)\s*)?[—–-]",
    re.IGNORECASE | re.MULTILINE,
)
_UPDATED = re.compile(
    r"\b(?P<kind>Updated|Published|Posted)\b:?\s*(?:[\d:]+\s*[ap]\.?m\.?\s*[A-Z]{0,4},?\s*)?"
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s*)?"
    r"(?:(?P<iso>\d{4}-\d\d-\d\d)|" + _MONTH_RE + r"\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+" + _MONTH_RE.replace("mon", "mon2") + r",?\s+(?P<y2>\d{4}))",
    re.IGNORECASE,
)


def publication_date_from_text(text: str) -> tuple[datetime | None, str]:
    """The publication date stated in the text, and where it came from.

    Looks for "Updated …"/"Published …" lines and datelines; a dateline without
    a year gives ``None`` (the year is never guessed).

    >>> publication_date_from_text("LONDON, March 4, 2025 — Ministers met.")
    (datetime.datetime(2025, 3, 4, 0, 0), 'dateline')
    """
    for m in _UPDATED.finditer(text):
        kind = "updated" if m.group("kind").lower() == "updated" else "published"
        try:
            if m.group("iso"):
                return datetime.fromisoformat(m.group("iso")), kind
            if m.group("mon"):
                mon, day, year = m.group("mon"), m.group("d"), m.group("y")
            else:
                mon, day, year = m.group("mon2"), m.group("d2"), m.group("y2")
            return datetime(int(year), _month_of(mon), int(day)), kind
        except ValueError:
            continue
    line = _DATELINE.search(text[:2000])
    if line and line.group("y"):
        try:
            when = datetime(
                int(line.group("y")), _month_of(line.group("mon")), int(line.group("d"))
            )
            return when, "dateline"
        except ValueError:
            pass
    return None, "unknown"
