"""Normalisation of one matched time expression: the calendar and its anchors.

:class:`AbsoluteResolver` turns a match of a pattern in
:mod:`storyline.extract.time_rules` into a TIMEX3 type, value and modifier for
dates named by the calendar (with or without their year), clock times,
quarters, seasons and holidays; it also holds what the relative rules in
:mod:`storyline.extract.time_relative` build on (the year of a month or a
weekday by tense).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from storyline.extract.time_rules import MODS, SEASONS, WEEKDAYS, number
from storyline.extract.time_units import (
    Tense,
    TimexType,
    governing_tense,
    holiday_date,
    month_of,
    scheduled,
    sentence_tense,
)

__all__ = ["AbsoluteResolver"]

_DAY_AFTER = re.compile(
    r"\s*(?:\([^()]{1,20}\)\s*|(?-i:[ECMP][SD]T),?\s)?(?:on\s)?(" + "|".join(WEEKDAYS) + r")\b",
    re.IGNORECASE,
)


class AbsoluteResolver:
    """Turns one pattern match into (type, value, mod, resolved)."""

    def __init__(self, text: str, dct: date | None, doc: Any = None) -> None:
        self.text = text
        self.dct = dct
        self.doc = doc

    def __call__(self, rule: str, m: re.Match[str]) -> tuple[TimexType, str, str | None, bool]:
        g = {k: v for k, v in m.groupdict().items() if v is not None}
        fn = getattr(self, "_" + rule)
        result: tuple[TimexType, str, str | None, bool] = fn(g, m)
        return result

    def tense(self, m: re.Match[str]) -> Tense:
        """The tense of the verb the expression hangs on when the parse tells it
        (:func:`governing_tense`), else the sentence's (:func:`sentence_tense`); a
        present that schedules ("the summit opens on Thursday") is future."""
        tense = governing_tense(self.doc, m.start(), m.end()) if self.doc is not None else None
        if tense is None:
            tense = sentence_tense(self.text, m.start(), m.end())
        if tense == "present" and self.doc is not None and scheduled(self.doc, m.start(), m.end()):
            return "future"
        return tense

    def _year_of_month(self, month: int, m: re.Match[str], rel: str | None = None) -> int | None:
        if self.dct is None:
            return None
        d = self.dct
        rel = (rel or "").lower()
        if rel == "last":
            # the month just gone would be "last month": "last February" in
            # March is the one a year before
            return d.year if month < d.month - 1 else d.year - 1
        if rel in ("next", "coming"):
            return d.year if month > d.month else d.year + 1
        if rel == "this":
            return d.year
        if self.tense(m) == "future" or (month - d.month) % 12 == 1:
            # the month just after publication is the coming one, whatever the
            # tense: eleven months back, news copy would say "last November"
            return d.year if month >= d.month else d.year + 1
        return d.year if month <= d.month else d.year - 1

    def _year_of_day(self, month: int, day: int, m: re.Match[str]) -> int | None:
        """A day named without its year ("payable Dec. 7", "took effect Aug. 9").

        News dates such days close to publication: the nearest such day wins,
        unless it is on the wrong side of the publication date for the tense of
        the sentence and the other side is not much further away.
        """
        if self.dct is None:
            return None
        d = self.dct
        near: list[tuple[int, int]] = []
        for year in (d.year - 1, d.year, d.year + 1):
            try:
                near.append(((date(year, month, day) - d).days, year))
            except ValueError:
                continue
        if not near:
            return self._year_of_month(month, m)
        near.sort(key=lambda c: abs(c[0]))
        days, year = near[0]
        if days > 0 and re.search(r"\bended\s+\Z", self.text[max(0, m.start() - 7) : m.start()]):
            # "the quarter ended Oct. 31" a few days before it: the last one
            return year - 1
        tense = self.tense(m)
        for other_days, other in near[1:]:
            # without a tense marker a day months ahead is rather the last one:
            # "its record high set on Aug. 6" in February
            if abs(other_days) > 250:
                continue
            if (
                (tense == "past" and days > 30 and other_days < 0)
                or (tense == "future" and days < -30 and other_days > 0)
                or (tense == "present" and days > 120 and other_days < 0)
            ):
                return other
        return year

    def _iso_date(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return "DATE", f"{g['y']}-{g['m']}-{g['d']}", None, True

    def _mdy(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        mon, day = month_of(g["mon"]), int(g["d"])
        year = int(g["y"]) if "y" in g else self._year_of_day(mon, day, m)
        if year is None:
            return "DATE", f"XXXX-{mon:02d}-{day:02d}", None, False
        return "DATE", f"{year}-{mon:02d}-{day:02d}", None, True

    _dmy = _mdy

    def _month_year(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return "DATE", f"{g['y']}-{month_of(g['mon']):02d}", None, True

    def _mod_month(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, str | None, bool]:
        mod = MODS[re.sub(r"\s+", " ", g["mod"].lower()).strip()]
        mon = month_of(g["mon"])
        year = int(g["y"]) if "y" in g else self._year_of_month(mon, m, g.get("rel"))
        if year is None:
            return "DATE", f"XXXX-{mon:02d}", mod, False
        return "DATE", f"{year}-{mon:02d}", mod, True

    def _mod_year(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, str | None, bool]:
        return "DATE", g["y"], MODS[re.sub(r"\s+", " ", g["mod"].lower())], True

    def _year_range(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return "DATE", g["y"], None, True  # split into two spans by the caller

    def _decade(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, str | None, bool]:
        mods = {"early": "START", "mid": "MID", "late": "END"}
        mod = mods.get((g.get("mod") or g.get("mod2") or "").lower())
        if "spoken" in g:  # "the nineties": this century's decade of news copy
            tens = ("twen", "thir", "for", "fif", "six", "seven", "eigh", "nine")
            return "DATE", f"19{tens.index(g['spoken'][:-4].lower()) + 2}", mod, True
        dec = g["dec"]
        if dec.startswith("'"):
            return "DATE", "19" + dec[1], mod, True
        return "DATE", dec[:3], mod, True

    def _quarter(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        q = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(g["q"].lower(), 0)
        q = q or int(g["q"][0])
        if "y" in g or "y0" in g:
            return "DATE", f"{g.get('y') or g['y0']}-Q{q}", None, True
        if "ry" in g:  # "this year's third quarter", "next year's first quarter"
            year = self._rel_year(g["ry"])
            return "DATE", f"{year or 'XXXX'}-Q{q}", None, year is not None
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

    def _rel_year(self, rel: str) -> int | None:
        k = {"last": -1, "next": 1}.get(rel.lower(), 0)
        return None if self.dct is None else self.dct.year + k

    def _year_period(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        # "the 1988 period", "last year's quarter": the year here; the quarter,
        # when the article reports one, is set by the document pass
        year = int(g["y0"]) if "y0" in g else self._rel_year(g["ry"])
        return "DATE", str(year or "XXXX"), None, year is not None

    def _month_rel_year(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        year = self._rel_year(g["rel"])
        return "DATE", f"{year or 'XXXX'}-{month_of(g['mon']):02d}", None, year is not None

    def _time_day(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        """ "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST Nov. 9": the day at that time."""
        if "noon" in g:
            clock = "T12:00" if g["noon"].lower() == "noon" else "T24:00"
        else:
            h = int(g["h"]) % 12 + (12 if g["mer"].lower().startswith("p") else 0)
            clock = f"T{h:02d}:{g.get('mi', '00')}"
        if "wd" in g:
            day = self._weekday_date(WEEKDAYS[g["wd"].lower()], m)
            value = day.isoformat() if day else "XXXX-XX-XX"
        else:
            value = self._mdy({"mon": g["mon"], "d": g["d"]}, m)[1]
        return "TIME", value + clock, None, "X" not in value

    def _may(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return self._month(g, m)

    def _the_season(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, str | None, bool]:
        """ "the summer", "this past spring": the nearest such season, by tense."""
        code = SEASONS[g["season"].lower()]
        mod = MODS.get(g.get("mod", "").lower())
        if self.dct is None:
            return "DATE", f"XXXX-{code}", mod, False
        first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        d = self.dct
        if "past" not in g and self.tense(m) == "future":
            year = d.year if first >= d.month else d.year + 1
        else:
            year = d.year if first <= d.month else d.year - 1
        return "DATE", f"{year}-{code}", mod, True

    def _century(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        """ "the 20th century" → 19 (its years 19xx); "this century" by the publication date."""
        if "c" in g:
            return "DATE", f"{int(g['c']) - 1:02d}", None, True
        if self.dct is None:
            return "DATE", "XX", None, False
        k = {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
        return "DATE", f"{self.dct.year // 100 + k:02d}", None, True

    def _half(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        h = 1 if (g.get("h") or g["h2"]).lower() == "first" else 2  # or its two quarters
        year = g.get("y") or g.get("y2") or (str(self.dct.year) if self.dct else None)
        return "DATE", f"{year or 'XXXX'}-H{h}", None, year is not None

    def _season_year(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return "DATE", f"{g['y']}-{SEASONS[g['season'].lower()]}", None, True

    def _fy(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return "DATE", g["y"], None, True

    def _year(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return "DATE", g["y"], None, True

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
        # "Wednesday's ruling" reports something that has happened
        owned = self.text.startswith(("'s", "’s"), m.end())
        if rel in ("next", "coming") or (not rel and not owned and self.tense(m) == "future"):
            return d + timedelta(days=after or 7)
        if rel == "this":
            return d + timedelta(days=after)
        return d - timedelta(days=before or 7)

    def _month(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        mon = month_of(g["mon"])
        year = self._year_of_month(mon, m)
        return "DATE", f"{year if year else 'XXXX'}-{mon:02d}", None, year is not None

    def _rel_month(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        mon = month_of(g["mon"])
        year = self._year_of_month(mon, m, g["rel"])
        return "DATE", f"{year if year else 'XXXX'}-{mon:02d}", None, year is not None

    def _rel_season(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        s = SEASONS[g["season"].lower()]
        if self.dct is None:
            return "DATE", f"XXXX-{s}", None, False
        k = {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
        return "DATE", f"{self.dct.year + k}-{s}", None, True

    def _holiday(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        name = " ".join(g["hol"].lower().split())
        year = int(g["y"]) if g.get("y") else self._year_of_holiday(name, m)
        if year is None:
            return "DATE", "XXXX-XX-XX", None, False
        return "DATE", holiday_date(name, year).isoformat(), None, True

    def _year_of_holiday(self, name: str, m: Any) -> int | None:
        if self.dct is None:
            return None
        this_year = holiday_date(name, self.dct.year)
        if self.tense(m) == "future":
            return self.dct.year if this_year >= self.dct else self.dct.year + 1
        return self.dct.year if this_year <= self.dct else self.dct.year - 1

    def _spoken_year(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        if "tens" in g:
            year = 1900 + (number(g["tens"]) or 0) + (number(g.get("ones", "")) or 0)
        else:
            year = 2000 + (number(g.get("ones2", "")) or 0)
        if "mon" in g:
            return "DATE", f"{year}-{month_of(g['mon']):02d}", None, True
        return "DATE", str(year), None, True

    def _time(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        h = int(g["h"]) % 12 + (12 if g.get("mer", "").lower().startswith("p") else 0)
        clock = f"T{h:02d}:{g.get('mi', '00')}"
        if self.dct is None:
            return "TIME", f"XXXX-XX-XX{clock}", None, False
        k = {"yesterday": -1, "tomorrow": 1}.get(g.get("when", "").lower(), 0)
        later = _DAY_AFTER.match(self.text, m.end())
        if later and "when" not in g:  # "10:35 a.m. (0735 GMT) Friday": on that day
            day = self._weekday_date(WEEKDAYS[later.group(1).lower()], m)
            if day is not None:
                return "TIME", f"{day.isoformat()}{clock}", None, True
        return "TIME", f"{(self.dct + timedelta(days=k)).isoformat()}{clock}", None, True

    def _noon(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return self._time({"h": "12", "mer": "p"}, m)

    def _time24(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return self._time({"h": g["h"], "mi": g["mi"], "mer": "a"}, m) if int(g["h"]) < 12 else \
            self._time({"h": str(int(g["h"]) - 12), "mi": g["mi"], "mer": "p"}, m)  # fmt: skip
