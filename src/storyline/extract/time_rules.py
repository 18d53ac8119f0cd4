"""The lexicon and surface patterns behind :mod:`storyline.extract.time`.

HeidelTime-style resources written for storyline: word lists (months,
weekdays, number words, units, modifiers) and one regular expression per
expression family, tried longest-first over the clean text. Each pattern names
the *rule* that normalises it, so the resolution code in ``time.py`` never
re-parses the surface form by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["MODS", "MONTHS", "NUMBERS", "PATTERNS", "SEASONS", "UNITS", "WEEKDAYS", "number"]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "several": -1,
    "few": -1, "many": -1,
    "couple": 2, "a couple of": 2, "a few": -1,
}  # fmt: skip
# unit word → (ISO duration letter, is it a time-of-day unit)
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "month": ("M", False), "year": ("Y", False), "quarter": ("Q", False),
    "decade": ("DE", False), "century": ("CE", False), "centurie": ("CE", False),
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
MODS = {
    "early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
    "mid": "MID", "mid-": "MID", "the middle of": "MID", "late": "END", "later": "END",
    "the end of": "END", "about": "APPROX", "around": "APPROX", "some": "APPROX",
    "nearly": "APPROX", "almost": "APPROX", "roughly": "APPROX", "more than": "MORE_THAN",
    "over": "MORE_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
    "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
}  # fmt: skip


def number(word: str) -> int | None:
    """``"three"`` → 3, ``"90"`` → 90, ``"twenty-four"`` → 24; vague words → -1."""
    w = word.lower().replace(",", "")
    if w.isdigit():
        return int(w)
    if w in NUMBERS:
        return NUMBERS[w]
    parts = re.split(r"[-\s]+", w)
    if len(parts) == 2 and all(p in NUMBERS for p in parts):
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return None


def _alt(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))


_FULL = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
# "march" and "may" are words too: as months they are capitalised
_MON = (
    rf"(?:(?-i:March|MARCH|May|MAY)|{_alt(m for m in _FULL if m not in ('march', 'may'))}"
    rf"|(?:{_alt(m for m in MONTHS if m not in _FULL)})\.?)"
)
_DAY = rf"(?:{_alt(WEEKDAYS)})"
_NUMW = (
    r"(?:\d+(?:,\d{3})*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s]"
    r"(?:one|two|three|four|five|six|seven|eight|nine)|" + _alt(NUMBERS) + ")"
)
_UNIT = r"(?:second|minute|hour|day|week|month|year|decade|centur(?:y|ie))"
_MOD = r"(?:early|mid-?|late|the (?:beginning|start|middle|end) of)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_REL = r"(?:last|next|this|past|coming|previous|current|following)"
_APPROX = r"(?:about|around|some|nearly|almost|roughly|(?:no\s)?more than|less than|at least|up to)"
_MER = r"(?:[ap]\.?m\.?)"
_TENS = r"(?:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"

# (rule name, compiled pattern), most specific first. Named groups feed the
# resolver; overlapping matches are settled longest-first, then by this order.
_RAW: list[tuple[str, str]] = [
    ("iso_date", r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"),
    ("time", rf"(?P<h>\d{{1,2}})(?::(?P<mi>\d\d))?\s?(?P<mer>{_MER})(?![a-z])"
             rf"(?:\s(?P<when>today|yesterday|tomorrow|tonight))?"),
    # "at midday", "by noon": twelve o'clock of the day (a weekday after it is "time_day")
    ("noon", r"(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bbefore\s)|(?<=\bafter\s))"
             r"(?:noon|midday)(?![\w-])"),
    ("time24", r"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:])"),
    ("mdy", rf"(?:(?P<wd>{_DAY}),?\s)?(?P<mon>{_MON})\s(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?:,?\s(?P<y>{_YEAR}))?(?![\d])"),
    ("dmy", rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?(?P<mon>{_MON})(?:,?\s(?P<y>{_YEAR}))?"),
    ("mod_month", rf"(?P<mod>{_MOD})[-\s]?(?:(?P<rel>last|next|this)\s)?(?P<mon>{_MON})"
                  rf"(?:,?\s(?P<y>{_YEAR}))?"),
    ("mod_year", rf"(?P<mod>{_MOD})\s?(?P<y>{_YEAR})(?![\d\-s])"),
    ("mod_rel", rf"(?P<mod>{_MOD}|earlier|later)\s(?:this|next|last|the|in\sthe)"
                rf"\s(?P<unit>week|month|year)"),
    ("mod_deictic", r"(?P<mod>early|late|earlier|later)\s(?P<w>yesterday|today|tomorrow)"),
    ("month_rel_year", rf"(?P<mon>{_MON})\s(?P<rel>last|this|next)\syear"),
    ("time_day", rf"(?:(?P<h>\d{{1,2}})(?::(?P<mi>\d\d))?\s?(?P<mer>{_MER})"
                 rf"|(?P<noon>noon|midnight))(?:\s(?:[ECMP][SD]T|GMT))?,?"
                 rf"\s(?:(?P<wd>{_DAY})|(?P<mon>{_MON})\s(?P<d>\d{{1,2}}))"),
    ("month_year", rf"(?P<mon>{_MON}),?\s(?P<y>{_YEAR})"),
    ("year_range", r"(?P<y>1[89]\d\d|20\d\d)[-–](?P<y2>\d\d)(?![\d])"),
    ("decade", r"(?:the\s)?(?:(?P<mod>early|mid|late)[-\s])?(?P<dec>1[89]\d0|20\d0|'\d0)s"
               r"|the\s(?:(?P<mod2>early|mid|late)[-\s])?(?P<spoken>(?:twen|thir|for|fif|six|seven"
               r"|eigh|nine)ties)"),
    ("century", r"(?:the\s)?(?P<c>\d{1,2})(?:st|nd|rd|th)[-\s]century"
                r"|(?P<rel>this|last|next)\scentury"),
    # "the third-quarter loss": the article belongs to the noun, not the quarter
    ("quarter", rf"(?:the\s(?!{_ORD}-quarter))?(?:(?P<ry>this|last|next)\syear's\s)?"
                rf"(?:(?P<rel>{_REL}|latest|same)\s)?(?:(?P<y0>{_YEAR})\s)?(?:fiscal[-\s])?"
                rf"(?P<q>{_ORD})[-\s]quarter(?:\sof\s(?P<y>{_YEAR}))?"),
    ("year_period", rf"(?:the\s(?P<y0>{_YEAR})|(?P<ry>this|last|next)\syear's)"
                    rf"\s(?P<p>quarter|period)"),
    ("half", rf"the\s(?P<h>first|second|last)\shalf(?:\sof\s(?P<y>{_YEAR}))?"
             rf"|(?:the\s)?(?P<h2>first|last)\stwo\squarters\sof\s(?P<y2>{_YEAR})"),
    # broadcast transcripts spell years out: "nineteen ninety-six", "the year two thousand"
    # ("two thousand" alone is a number: only "the year two thousand" is a year)
    ("spoken_year", rf"(?:(?P<mon>{_MON})\s)?nineteen\s(?P<tens>{_TENS})(?:[-\s](?P<ones>{_ONES}))?"
                    rf"|the\syear\stwo\sthousand(?:\sand\s(?P<ones2>{_ONES}))?"),
    ("rel_weekday", rf"(?P<rel>last|next|this|coming)\s(?P<wd>{_DAY})"),
    ("rel_month", rf"(?P<rel>last|next|this|coming)\s(?P<mon>{_MON})(?!\.?\s\d)"),
    ("rel_season", rf"(?P<rel>last|next|this)\s(?P<season>{_alt(SEASONS)})"),
    ("anaphor", r"(?:(?P<mod>earlier|later)\s)?(?:that|the\ssame)\s(?P<unit>year|month)"),
    ("rel_unit", r"(?P<rel>last|next|this|the\scurrent|the\scoming|the\sprevious|the\sfollowing)"
                 r"\s(?P<unit>week|month|year|quarter|weekend|season)"),
    # "three days later/before" is a duration; "ago"/"earlier" make a date
    ("ago", rf"(?:(?P<approx>{_APPROX})\s)?(?P<n>{_NUMW})\s(?P<unit>{_UNIT})s?(?:\sor\sso)?"
            r"\s(?P<dir>ago|earlier|from now|hence)"),
    ("past_dur", rf"the\s(?P<rel>past|last|next|coming|previous|first|final)"
                 rf"\s(?:(?P<n0>{_NUMW})\sto\s)?(?:(?P<n>{_NUMW})\s)?"
                 rf"(?P<unit>{_UNIT}|quarter(?=s))s?(?:\sor\sso)?"),
    ("set", rf"(?P<every>every|each|per)\s(?:(?P<n>other|{_NUMW})\s)?(?P<unit>{_UNIT}|{_DAY}"
            r"|quarter|morning|night|evening)s?(?![\w-])"),
    # "each July", "Tuesday nights", "on Mondays": recurring days and months
    ("week_of", rf"the\sweek\sof\s(?P<mon>{_MON})\s(?P<d>\d{{1,2}})"),
    ("month_set", rf"(?:every|each)\s(?P<mon>{_MON})"),
    ("weekday_set", rf"(?P<wd>{_DAY})(?:s|\s(?P<part>morning|afternoon|evening|night)s)"),
    ("set_adv", r"(?P<adv>daily|weekly|monthly|yearly|hourly)"),
    # "the nine months" (to September) is a duration with its article
    ("duration", rf"(?!an?\ssecond\b)(?:the\s(?=\S+\s(?:hour|day|week|month|year)s\b))?"
                 rf"(?:(?P<approx>{_APPROX})\s)?(?:(?P<n0>{_NUMW})\sto\s)?(?P<n>{_NUMW})"
                 rf"(?:\s(?P<half>1/2))?(?:\sor\s(?:so|more))?(?:\s(?:more|additional|straight))?[-\s]"
                 rf"(?P<unit>{_UNIT})s?(?:\s(?P<andhalf>and\sa\shalf))?(?:[-\s]long)?(?![-\s]old)"
                 rf"(?:\sor\s(?:so|{_NUMW}))?"),
    ("vague_dur", rf"(?P<n>several|many|a\sfew|few|a\scouple\sof)\s(?P<unit>{_UNIT}|quarter)s"),
    ("coming", rf"coming\s(?P<unit>{_UNIT}|quarter)s|the\s(?P<unit2>day|week|month|year)s\sahead"),
    ("recent", rf"(?:recent|past)\s(?P<unit>{_UNIT}|quarter)s(?:\s(?:and|or)\s{_UNIT}s)?"),
    # "for weeks", "within months": an unstated number of them
    ("bare_plural", r"(?:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bin\s))"
                    r"(?P<unit>week|month|year|decade|centur(?=ies))(?:s|ies)"
                    r"(?!\s(?:of|ago|later|before|earlier|after|old)\b)"),
    ("plural_unit", rf"(?P<unit>hour|day|week|month|year|decade)s(?:\s(?:and|or)\s{_UNIT}s)?"
                    r"(?:\s(?P<ago>ago)|(?=\s(?:of|later|before)))"),
    ("mid_part", r"(?:(?:later|earlier)\sthis\s|mid[-\s]?)(?P<part>morning|afternoon|evening)"
                 r"(?:\s(?P<rel>yesterday|today|tomorrow))?"),
    ("day_part", r"(?P<rel>this|last|yesterday|tomorrow|today)\s?(?P<part>morning|afternoon"
                 r"|evening|night)|(?P<part2>tonight)"),
    ("deictic", r"(?:more\s(?=recently))?"
                r"(?P<w>yesterday|today(?!['’]s\s(?:world|youth|society|generation|young"
                r"|children|kids|teenagers|standards|culture)\b)"
                r"|tomorrow|now|currently|then[\s-]current|current(?!\saccounts?\b)|recently|nowadays|presently"
                rf"|at present|the future(?!\sof\b)|these days|formerly|the past(?!\s{_NUMW}\s)"
                r"|the near future|the near term|the short term|year-end|year end|year's end"
                r")(?![\w-])"),
    # "May" the month only after a preposition that takes a date ("in May", "by May")
    ("may", r"(?-i:(?<=\bin\s)|(?<=\bby\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bthrough\s)"
            r"|(?<=\bduring\s)|(?<=\bearly\s)|(?<=\blate\s))(?P<mon>May)(?!\s\d)"),
    ("the_season", r"(?:the\s(?:(?P<mod>early|late)\s)?|(?P<past>this\spast)\s)"
                   r"(?P<season>summer|spring|winter|autumn)"),
    ("season_year", rf"(?P<season>{_alt(SEASONS)})\s(?:of\s)?(?P<y>{_YEAR})"),
    ("weekday", rf"(?P<wd>{_DAY})(?:\s(?P<part>morning|afternoon|evening|night))?"),
    ("month", r"(?P<mon>january|february|(?-i:March|MARCH)|april|june|july|august|september"
              r"|october|november|december|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.)"
              r"(?!\s\d|\sof\sthe\s|(?-i:\s(?:for|on)\s[A-Z]))"),
    ("fy", rf"(?:(?:the\s)?fiscal(?:\syear)?|the\syear)\s(?P<y>{_YEAR})"),
    ("year", rf"(?:(?P<the>the\s)year\s)?(?P<y>{_YEAR})(?![\d\-%,.]\d|s\b|\d)"),
    # "the year ended March 31" is a fiscal year: a length, not the current year
    ("year_ended", r"the\s(?:fiscal\s)?year(?=\s(?:that\s)?end(?:ed|ing|s)\b)"),
    ("the_unit", r"the\s(?:(?P<latest>latest)\s|full\s|current\s)?(?:(?P<fiscal>fiscal)\s)?"
                 r"(?P<unit>year|week|month|quarter|weekend)(?![\w-])"),
    # "the latest period" in results copy is the quarter just reported
    ("latest_period", r"the\s(?:latest|most\srecent)\s(?:period|three\smonths)"),
    # "the year-ago quarter", but "the year-ago results": the article goes with a period
    ("year_ago", rf"(?:the\s(?:comparable\s|corresponding\s)?(?=year-(?:earlier|ago)\s"
                 rf"(?:{_ORD}\s)?(?:quarter|period|nine)))?year-(?:earlier|ago)"
                 rf"(?:\s(?:(?P<q>{_ORD})\s)?(?P<p>quarter|period|nine\smonths))?"),
    # "the corresponding period last year", "the quarter a year ago": a period a year back
    ("period_ago", r"the\s(?:(?:same|corresponding|comparable)\s)?(?:quarter|period)\s(?:of\s)?"
                   r"(?:last\syear|a\syear\s(?:ago|earlier|before))"),
    ("holiday", rf"(?P<hol>christmas(?:\sday|\seve)?|new\syear's\s(?:day|eve)"
                rf"|thanksgiving(?:\sday)?|independence\sday|boxing\sday|(?-i:Election\sDay))(?:,?\s(?P<y>{_YEAR}))?"),
]  # fmt: skip

PATTERNS = [
    (name, re.compile(r"(?<![\w$£€.:\-])(?:" + pat + r")(?![\w])", re.IGNORECASE))
    for name, pat in _RAW
]
