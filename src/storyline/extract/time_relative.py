"""Normalisation of relative time expressions: weekdays, "last month", "two
days ago", durations, sets and deictic words, against the publication date."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from storyline.extract.time_resolve import AbsoluteResolver
from storyline.extract.time_rules import MODS, WEEKDAYS, number
from storyline.extract.time_units import (
    ADVERB_UNITS,
    TimexType,
    duration_value,
    half_more,
    iso_week,
    month_of,
    shift,
    unit_value,
)

__all__ = ["Resolver"]

_MODAL = re.compile(r"\b(?:will|would|could|may|might|should|can)\s+\Z", re.IGNORECASE)


class Resolver(AbsoluteResolver):
    """The full resolver: calendar dates and relative expressions."""

    def _mod_rel(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, str | None, bool]:
        mod = MODS.get(re.sub(r"\s+", " ", g["mod"].lower()), "START")
        rel = m.group().lower().split()[-2]
        typ, value, _, ok = self._rel_unit({"rel": rel, "unit": g["unit"]}, m)
        return typ, value, mod, ok

    def _mod_deictic(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, str | None, bool]:
        typ, value, _, ok = self._deictic({"w": g["w"]}, m)
        return typ, value, MODS.get(g["mod"].lower()), ok

    def _recent(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        # "in recent years", "recent weeks and months": a stretch up to now;
        # "in recent weeks" alone is a vague length of weeks
        if g["unit"].lower() in ("year", "decade") or " and " in m.group() or " or " in m.group():
            return "DATE", "PAST_REF", None, True
        unit = "month" if g["unit"].lower() == "quarter" else g["unit"]
        return "DURATION", duration_value(None, unit), None, True

    def _anaphor(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, str | None, bool]:
        # "that year": the last year named, set by the document pass; this year until then
        typ, value, _, ok = self._rel_unit({"rel": "this", "unit": g["unit"]}, m)
        return typ, value, MODS.get(g.get("mod", "").lower()), ok

    def _latest_period(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        # the quarter the article reports, set by the document pass; the last one until then
        return self._rel_unit({"rel": "last", "unit": "quarter"}, m)

    def _year_ended(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return "DURATION", "P1Y", None, True

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
            return "DATE", iso_week(self.dct + timedelta(weeks=k)) + "-WE", None, True
        return "DATE", unit_value(shift(self.dct, k, unit), unit), None, True

    def _the_unit(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        unit = g["unit"].lower()
        if "latest" in g and unit == "year":
            return self._rel_unit({"rel": "last", "unit": unit}, m)
        if unit == "weekend" and self.dct is not None and self.dct.weekday() >= 5:
            return "DATE", iso_week(self.dct) + "-WE", None, True  # written on the weekend
        over = re.search(r"over\s+\Z", self.text[max(0, m.start() - 6) : m.start()])
        if unit == "quarter" or (unit == "weekend" and (over or self.tense(m) != "future")):
            # "the quarter" in business news is the one just reported, and "the
            # weekend" in past-tense copy, or "over the weekend", the one just gone
            # (TempEval-3 training data).
            return self._rel_unit({"rel": "last", "unit": unit}, m)
        return self._rel_unit({"rel": "this", "unit": unit}, m)

    def _period_ago(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        # last year; the document pass makes it the reported quarter a year back
        year = self._rel_year("last")
        return "DATE", str(year or "XXXX"), None, year is not None

    def _year_ago(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        # the quarter, when the article reports one, is set by the document pass
        if g.get("p", "").lower().startswith("nine"):
            return "DURATION", "P9M", None, True
        if self.dct is None:
            return "DATE", "XXXX", None, False
        if "q" in g:
            q = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(g["q"].lower(), 0)
            return "DATE", f"{self.dct.year - 1}-Q{q or int(g['q'][0])}", None, True
        return "DATE", str(self.dct.year - 1), None, True

    def _ago(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, str | None, bool]:
        n = number(g["n"])
        unit = g["unit"]
        sign = -1 if g["dir"].lower() in ("ago", "earlier", "before") else 1
        mod = MODS.get(g["approx"].lower()) if "approx" in g else None
        if n is not None and n < 0:  # "several years ago": some time back
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, True
        if n is None or self.dct is None:
            return "DATE", "XXXX-XX-XX", None, False
        if unit.lower().startswith(("hour", "minute", "second")):
            return "DATE", self.dct.isoformat(), None, True
        if unit.lower().startswith(("decade", "centur")):  # "a decade ago": that year
            return (
                "DATE",
                str(self.dct.year + sign * n * (10 if unit[0] in "dD" else 100)),
                mod,
                True,
            )
        d = self.dct + timedelta(days=sign * n) if unit.lower().startswith("day") else None
        if unit.lower().startswith("week"):
            d = self.dct + timedelta(weeks=sign * n)
        if d is None:
            d = shift(self.dct, sign * n, unit)
        return "DATE", unit_value(d, unit), mod, True

    def _past_dur(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        if "n" not in g and g["unit"].lower() == "year" and g["rel"].lower() in ("past", "last"):
            # "over the past year" names last year as a date, not a length
            year = self._rel_year("last")
            return "DATE", str(year or "XXXX"), None, year is not None
        plural = re.search(r"s(?:\s+or\s+so)?$", m.group(), re.IGNORECASE) is not None
        n = number(g["n"]) if "n" in g else (None if plural else 1)  # "the coming years": PXY
        if "n0" in g:  # "the next 12 to 18 months"
            n = None
        return "DURATION", duration_value(n, g["unit"]), None, True

    def _duration(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, str | None, bool]:
        modal = _MODAL.search(self.text, max(0, m.start() - 12), m.start())
        if modal and m.group().lower() == "one day":
            return "DATE", "FUTURE_REF", None, True  # "Islam will one day be ...": some day
        mod = MODS.get(g["approx"].lower()) if "approx" in g else None
        if "n0" in g:  # "two to three weeks": a length somewhere in that range
            return "DURATION", duration_value(None, g["unit"]), mod, True
        if "half" in g or "andhalf" in g:  # "2 1/2 years", "a minute and a half"
            return "DURATION", half_more(number(g["n"]), g["unit"]), mod, True
        return "DURATION", duration_value(number(g["n"]), g["unit"]), mod, True

    def _vague_dur(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return "DURATION", duration_value(None, g["unit"]), None, True

    def _coming(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        # "in coming weeks", "in the weeks ahead": some weeks ahead
        return "DURATION", duration_value(None, g.get("unit") or g["unit2"]), None, True

    def _bare_plural(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        unit = "century" if g["unit"].lower().startswith("centur") else g["unit"]
        return "DURATION", duration_value(None, unit), None, True

    def _plural_unit(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        if "ago" in g:  # "months ago"
            return "DATE", "PAST_REF", None, True
        return "DURATION", duration_value(None, g["unit"]), None, True

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
        return "SET", duration_value(n, unit), None, True

    def _week_of(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        """ "the week of March 6": the ISO week holding that day."""
        value = self._mdy(g, m)[1]
        if "X" in value:
            return "DATE", "XXXX-WXX", None, False
        return "DATE", iso_week(date.fromisoformat(value)), None, True

    def _month_set(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        return "SET", f"XXXX-{month_of(g['mon']):02d}", None, True

    def _weekday_set(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        day = f"XXXX-WXX-{WEEKDAYS[g['wd'].lower()] + 1}"
        code = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
        return "SET", day + (f"T{code[g['part'].lower()]}" if "part" in g else ""), None, True

    def _set_adv(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        unit = ADVERB_UNITS[g["adv"].lower()]
        n = 3 if g["adv"].lower() == "quarterly" else 1
        return "SET", duration_value(n, unit), None, True

    def _mid_part(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        """ "mid-afternoon yesterday", "later this morning": that part of the day."""
        return self._day_part({"rel": g.get("rel", "this"), "part": g["part"]}, m)

    def _day_part(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, None, bool]:
        part = (g.get("part") or "night").lower()
        code = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}[part]
        rel = g.get("rel", "this").lower()
        if self.dct is None:
            return "TIME", f"XXXX-XX-XXT{code}", None, False
        k = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(rel, 0)
        return "TIME", f"{(self.dct + timedelta(days=k)).isoformat()}T{code}", None, True

    def _deictic(self, g: dict[str, str], m: Any) -> tuple[TimexType, str, str | None, bool]:
        w = re.sub(r"[\s-]+", " ", g["w"].lower())
        refs = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
                "current": "PRESENT_REF", "then current": "PAST_REF",
                "presently": "PRESENT_REF", "at present": "PRESENT_REF",
                "these days": "PRESENT_REF",
                "recently": "PAST_REF", "the past": "PAST_REF", "formerly": "PAST_REF",
                "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
                "the near term": "FUTURE_REF", "the short term": "FUTURE_REF"}  # fmt: skip
        if w in refs:
            return "DATE", refs[w], None, True
        if w.startswith("year"):  # "by year-end": the end of the current year,
            year = self._rel_year("this")  # "since year-end" of the last one
            if year is not None and re.search(
                r"since\s+\Z", self.text[max(0, m.start() - 9) : m.start()]
            ):
                year -= 1
            return "DATE", str(year or "XXXX"), "END", year is not None
        if self.dct is None:
            return "DATE", "XXXX-XX-XX", None, False
        k = {"yesterday": -1, "tomorrow": 1}.get(w, 0)
        return "DATE", (self.dct + timedelta(days=k)).isoformat(), None, True
