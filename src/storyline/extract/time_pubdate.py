"""The publication date an article states about itself (bylines, datelines)."""

from __future__ import annotations

import re
from datetime import datetime

from storyline.extract.time_rules import MONTHS

__all__ = ["publication_date_from_text"]


def _month_of(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


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
