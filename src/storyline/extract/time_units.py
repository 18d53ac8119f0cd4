"""Calendar arithmetic and the tense of a sentence, shared by the timex resolvers.

:func:`sentence_tense` reads the tense of the sentence around a span, which
settles weekdays, months and holidays; the rest turns units and counts into
TIMEX3 values ("P3M", "1998-W12", "1998-Q3").
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any, Literal

from storyline.extract.quotes_cues import SPEECH_VERBS
from storyline.extract.time_rules import MONTHS, UNITS

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Tense = Literal["past", "future", "present"]

__all__ = [
    "ADVERB_UNITS", "SENT_END", "Tense", "TimexType", "duration_value", "governing_tense",
    "half_more", "holiday_date", "iso_week", "month_of", "scheduled", "sentence_tense", "shift",
    "shift_month", "unit_letter", "unit_value",
]  # fmt: skip

_FUTURE = re.compile(
    r"\b(?:will|won't|'ll|shall|is due|are due|due to|is expected|are expected|going to|"
    r"plans? to|planned|planning|intends?|aims?|scheduled|next(?!\sto\b)|upcoming|coming|would|"
    r"expects?|until|by|as soon as|set to|is to|are to)\b",
    re.IGNORECASE,
)
# past forms that do not end in "-ed" and are hardly anything else
_IRREGULAR = (
    r"began|brought|bought|came|fell|fled|found|gave|got|grew|held|kept|knew|led|met|paid"
    r"|ran|rose|sank|sent|sold|spent|spoke|stood|struck|swore|thought|told|took|went|wrote"
    r"|became|broke|chose|drew|drove|flew|forgot|sought|stole|threw|tore|withdrew"
)
# "-ed" words in lower case only ("United" is a name), and not the few that are no verbs
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|ago|last|yesterday|earlier|"
    + _IRREGULAR
    + r"|(?-i:(?!(?:hundred|indeed|need|speed|feed|seed|proceed|exceed|succeed|bed|red|shed)\b)"
    r"[a-z]+ed))\b",
    re.IGNORECASE,
)
_NOT_A_VERB = re.compile(r"\b(?:be|been|being|is|are|am|the|a|an|still)\s+\Z", re.IGNORECASE)
# "had been due to", "had been scheduled to": a plan that lay ahead then, in the past now
_WAS_PLANNED = re.compile(r"\bhad\s+(?:been\s+)?(?:\w+ly\s+)?\Z", re.IGNORECASE)
_HAD = re.compile(r"\bhad\b", re.IGNORECASE)
SENT_END = re.compile(r"[.!?]\s+(?=[A-Z\"'])|\n\s*\n")


def sentence_tense(text: str, start: int, end: int) -> Tense:
    """The tense of the sentence around a span: the nearest tense marker wins."""
    left = max((m.end() for m in SENT_END.finditer(text, 0, start)), default=0)
    nxt = SENT_END.search(text, end)
    right = nxt.start() if nxt else len(text)
    best: tuple[int, Tense] = (10**9, "present")
    markers: tuple[tuple[re.Pattern[str], Tense], ...] = ((_FUTURE, "future"), (_PAST, "past"))
    for pattern, tense in markers:
        for m in pattern.finditer(text, left, right):
            if start <= m.start() < end and m.group().lower() not in ("next", "last"):
                continue
            if m.start() >= end and m.group().lower() in ("by", "said"):
                # "a rally Thursday by workers": the agent, not a deadline;
                # "'... leave Thursday,' Castro said": the report, not the event
                continue
            if m.group().lower() == "by" and m.end() <= start and start - m.end() > 12:
                continue  # "cited by police in December": the agent; "by May" is a deadline
            if m.group().lower() in ("until", "by") and _HAD.search(
                text, max(left, start - 40), min(right, end + 40)
            ):
                continue  # "until Thursday they had not called him": a past deadline
            said: Tense = tense
            if tense == "future" and _WAS_PLANNED.search(text, max(0, m.start() - 20), m.start()):
                said = "past"
            if tense == "past" and _NOT_A_VERB.search(text, max(0, m.start() - 8), m.start()):
                continue  # "is expected", "the proposed deal": no past event
            dist = start - m.end() if m.end() <= start else m.start() - end
            dist = abs(dist) if m.end() <= start else abs(dist) + 3  # prefer what comes before
            if dist < best[0]:
                best = (dist, said)
    return best[1]


_WILL = frozenset({"will", "shall", "'ll", "’ll", "wo", "would"})
_ARGUMENTS = frozenset({"obl", "obj", "iobj", "nmod", "obl:tmod", "nsubj", "nsubj:pass"})
_PRENOMINAL = frozenset({"compound", "nummod", "amod", "nmod:unmarked"})
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)


def governing_tense(doc: Any, start: int, end: int) -> Tense | None:
    """The tense of the verb a time expression belongs to, read off the parse; None when
    the parse does not tell (no verb, a modal, an infinitive) and the words must.

    The nearest tense word of the sentence is often another clause's: "Biden signaled
    at a private meeting on Wednesday that he would be open to …" is past (the meeting
    hangs on "signaled"), "By Monday evening, 23 ships were waiting" is past despite
    "By". A date written before a noun names an event ("the Jan. 6 riot", "the Nov. 3
    election"): no tense of the sentence applies to it, so it is "present" (the
    nearest such day) — except a weekday, whose week only the verb tells ("will hold a
    Saturday vote")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    before = span.start - 1
    if before > 0 and doc[before].lower_ == "on":
        before -= 1
    if before >= 0 and doc[before].tag_ == "VBD" and doc[before].pos_ in ("VERB", "AUX"):
        # news writes the day right after the verb it dates ("Pfizer said Thursday it is
        # seeing …"), whatever clause the parser hangs it on
        return "past"
    root = span.root
    tok = root.head
    if tok.i == root.i:
        return None
    # A date before a noun names an event: the nearest such day. But a weekday before a
    # noun is the next or the last one as the noun's verb says: "is teeing up a Saturday
    # vote", "held a Saturday vote" (climbing on below).
    prenominal = root.dep_ in _PRENOMINAL and tok.i > root.i and tok.pos_ in ("NOUN", "PROPN")
    if prenominal and root.lower_ not in _WEEKDAYS:
        return "present"
    for _ in range(3):  # "a meeting on Wednesday" hangs on the meeting, the meeting on a verb
        if tok.pos_ not in ("NOUN", "PROPN", "PRON", "NUM") or tok.dep_ not in _ARGUMENTS:
            break
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    auxes = [c for c in tok.children if c.dep_ in ("aux", "aux:pass", "cop")]
    words = {c.lower_ for c in auxes}
    if words & _WILL:
        return "future"
    if any(c.tag_ == "MD" for c in auxes):
        return None  # "could", "must", "may": the words decide
    past = tok.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes) or _preterite(tok)
    if root.head.i == tok.i and any(c.lower_ in ("by", "until") for c in root.children):
        # a deadline: "given until Tuesday to sign" lies ahead; "By Monday evening, 23
        # ships were waiting" is a past state
        return "past" if past else None
    if past:
        return "past"  # "signed", "were waiting", "had met"
    if tok.tag_ in ("VBZ", "VBP") or (
        tok.tag_ in ("VBG", "VBN")  # "are meeting on Friday", "is held on Friday"
        and any(c.tag_ in ("VBZ", "VBP") and c.lemma_ == "be" for c in auxes)
    ):
        return "present"
    return None  # "has scheduled a news conference Thursday", "to meet on Friday"


def _preterite(tok: Any) -> bool:
    """A past form the tagger called a present ("spending rose 0.2%" tagged VBP): a
    present other than 3rd person singular is the verb's base form, except "be"'s."""
    return bool(tok.tag_ == "VBP" and tok.lemma_ != "be" and tok.lower_ != tok.lemma_.lower())


# Present-tense verbs that report or judge rather than schedule ("says", "believes")
_NOT_SCHEDULED = SPEECH_VERBS | {
    "believe", "think", "know", "expect", "hope", "fear", "want", "need", "seem", "remain",
    "accuse", "show", "mean",
}  # fmt: skip


def scheduled(doc: Any, start: int, end: int) -> bool:
    """Whether the verb a time expression hangs on is a present tense that tells a
    scheduled event: "the summit opens on Thursday", "they are meeting on Friday" (not
    "he says on Thursday", nor "could be located Wednesday")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root.head  # the verb the expression modifies, not a phrase's
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "obl":
        tok = tok.head  # "meet at a summit on Wednesday", hung on the summit
    elif tok.pos_ in ("NOUN", "PROPN") and span.root.dep_ in _PRENOMINAL and tok.dep_ in _ARGUMENTS:
        tok = tok.head  # "is teeing up a Saturday vote", the vote on the verb
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() in _NOT_SCHEDULED:
        return False
    if tok.tag_ in ("VBZ", "VBP"):
        return not any(c.dep_ in ("aux", "aux:pass") for c in tok.children)
    helpers = [c for c in tok.children if c.dep_ in ("aux", "aux:pass")]
    # "are meeting on Friday"; "a Saturday vote is planned"
    return (
        (tok.tag_ == "VBG" or (tok.tag_ == "VBN" and any(c.dep_ == "aux:pass" for c in helpers)))
        and bool(helpers)
        and all(c.tag_ in ("VBZ", "VBP") for c in helpers)
    )


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def month_of(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def unit_letter(unit: str) -> tuple[str, bool]:
    return UNITS[unit.lower().rstrip("s")]


def duration_value(n: int | None, unit: str) -> str:
    letter, is_time = unit_letter(unit)
    qty = "X" if n is None or n < 0 else str(n)
    if letter == "DE":
        qty, letter = ("X" if qty == "X" else str(int(qty) * 10)), "Y"
    elif letter == "CE":
        qty, letter = ("X" if qty == "X" else str(int(qty) * 100)), "Y"
    return f"PT{qty}{letter}" if is_time else f"P{qty}{letter}"


_HALF = {"Y": (6, "M"), "M": (15, "D"), "W": (3, "DT12H"), "D": (12, "H"), "H": (30, "M")}


def half_more(n: int | None, unit: str) -> str:
    """ "2 1/2 years" → P2Y6M, "a minute and a half" → PT1M30S."""
    base = duration_value(n, unit)
    letter, is_time = unit_letter(unit)
    if "X" in base or letter in ("DE", "CE"):
        return base
    if is_time:
        qty, smaller = {"H": (30, "M"), "M": (30, "S")}.get(letter, (0, ""))
        return f"{base}{qty}{smaller}" if qty else base
    qty, smaller = _HALF[letter]
    if smaller.startswith("D") and "T" in smaller:
        return f"P{(n or 0) * 7 + 3}DT12H"
    if smaller == "H":
        return f"{base}T12H"
    return f"{base}{qty}{smaller}"


def unit_value(d: date, unit: str) -> str:
    u = unit.lower()
    if u.startswith("week"):
        return iso_week(d)
    if u.startswith("month"):
        return f"{d.year}-{d.month:02d}"
    if u.startswith("quarter"):
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    if u.startswith("year") or u.startswith("season"):
        return f"{d.year}"
    if u.startswith("decade"):
        return f"{d.year // 10}"
    return d.isoformat()


def shift(d: date, n: int, unit: str) -> date:
    u = unit.lower()
    if u.startswith(("hour", "minute", "second")):
        return d
    if u.startswith("day"):
        return d + timedelta(days=n)
    if u.startswith(("week", "weekend")):
        return d + timedelta(weeks=n)
    if u.startswith(("month", "quarter")):
        months = n * (3 if u.startswith("quarter") else 1)
        y, m = shift_month(d.year, d.month, months)
        return date(y, m, 1)
    years = n * (10 if u.startswith("decade") else 1)
    return date(d.year + years, 1, 1)


ADVERB_UNITS = {
    "daily": "day", "weekly": "week", "monthly": "month", "annually": "year",
    "yearly": "year", "hourly": "hour", "quarterly": "month",
}  # fmt: skip


def holiday_date(name: str, year: int) -> date:
    """The date of a named holiday in ``year`` (US Thanksgiving: fourth Thursday of November)."""
    if name == "election day":  # US: the Tuesday after the first Monday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7 + 1)
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
