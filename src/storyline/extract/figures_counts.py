"""Counts: a number attached to the noun it counts, and vague plurals ("thousands of").

Found over the dependency parse for :mod:`storyline.extract.figures`: the noun
a number counts is its head (or, when the parse hangs the noun under the
number, the noun right after it); "20 of the stations" counts stations with
the span on the number; "one" counts only when contrasted ("more than one
victory"); capitalised number words before a name ("Six Nations"), ages,
ranks, scores and in-match counts ("nine consecutive points") are not counts.
A number whose noun is elided counts what the count before it counts ("three
wins …, but two of those"; "five million lives … and five million thereafter").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from storyline.extract.figures_np import number_head
from storyline.extract.figures_units import (
    APPROX,
    CURRENCY_WORDS,
    NUMBER_WORDS,
    SCALES,
    TIME_NOUNS,
    UNIT_WORDS,
    VAGUE,
    parse_number,
)

__all__ = ["NUM", "Candidate", "count_candidates", "elided_candidates", "vague_candidates"]

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+"
_APPROX = r"(?:(?P<approx>" + "|".join(re.escape(a) for a in APPROX) + r")\s+)?"


@dataclass(slots=True)
class Candidate:
    """A figure found in the text, before it is normalised into a ``Figure``."""

    start: int
    end: int
    core: int  # offset of the number itself, for the time-expression check
    low: float
    high: float
    point: bool
    unit: str
    approx: str | None
    kind: str  # money, percent, quantity, fraction, count


_VAGUE = re.compile(
    rf"\b{_APPROX}(?P<vague>"
    + "|".join(re.escape(v) for v in sorted(VAGUE, key=len, reverse=True))
    + r")\s+of\s+",
    re.IGNORECASE,
)
_WORDNUM = re.compile(
    r"^(?:" + "|".join(w for w in NUMBER_WORDS if w != "one") + r")(?:-\w+)?$", re.IGNORECASE
)
_LEAD = re.compile(rf"(?:^|\s)(?P<approx>{'|'.join(re.escape(a) for a in APPROX)})\s+$", re.I)
_RANGE_TOKEN = re.compile(r"^(\d+)[-–](\d+)$")
# in-match counts and tallies are score-like; results ("three wins") are counts unless
# written as a score ("a 3-1 win")
_SCORE_NOUNS = {"vote", "lead", "score", "loss", "margin", "game", "point"}
_RESULT_NOUNS = {"win", "victory", "defeat", "draw"}


def _counted_noun(doc: Doc, tokens: Sequence[Token], ranged: bool = False) -> Token | None:
    """The noun a number counts: its head, a common noun within four tokens to its right."""
    last = tokens[-1]
    head = last.head
    for tok in tokens:
        if tok.head.i > last.i:
            head = tok.head
    if head.dep_ == "compound" and head.head.pos_ == "NOUN" and 0 < head.head.i - head.i <= 2:
        head = head.head  # "six government units"
    if not _countable(head) or not 0 < head.i - last.i <= 4:
        # "by more than 500 nurses", parsed with the noun under the number
        after = [c for c in last.rights if _countable(c) and c.i - last.i <= 3]
        after = [c for c in after if not any(t.pos_ == "ADP" for t in doc[last.i + 1 : c.i])]
        head = after[0] if after else head
    if not _countable(head) or not 0 < head.i - last.i <= 4:
        # "Some 3.2m people", parsed with "m" under "Some": a plural noun right after it
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ in ("NNS", "NNPS"):
            head = nxt
    if not _countable(head) or not head.is_alpha or not 0 < head.i - last.i <= 4:
        return None
    if head.lower_ in _NOT_COUNTED:
        return None  # "five million thereafter": an adverb parsed as a noun
    between = doc[last.i + 1 : head.i + 1]
    if any(_time_plural(t) for t in between):
        return None  # "two or three days' rest": a duration before the noun
    if any(t.lower_ in ("year-old", "year-olds", "olds") for t in between) or (
        any(t.lower_ in ("year", "years") for t in between) and head.lower_.startswith("old")
    ):
        return None  # "a 12 year-old girl", "14-16 year olds": ages
    if any(t.pos_ == "DET" for t in doc[last.i + 1 : head.i]):
        return None  # "brought to 49 the number of banks": the noun has its own article
    if head.text[:1].isupper() and not head.is_sent_start and not _nationals(head):
        return None  # a name: "Six Nations", "Two Britains"
    lemma = head.lemma_.lower()
    if lemma in TIME_NOUNS or lemma.rstrip("s") in TIME_NOUNS:
        return None
    if lemma in _SCORE_NOUNS and not (lemma == "vote" and not _tally(head)):
        return None  # "50 votes needed" is a count; "by 220 votes to 212" a tally
    if ranged and lemma in _RESULT_NOUNS:
        return None
    return head


# adverbs a parse may tag as nouns after a number
_NOT_COUNTED = {
    "thereafter", "apiece", "each", "overall", "altogether", "respectively", "annually",
}  # fmt: skip


def _time_plural(tok: Token) -> bool:
    """ "days'", "years", "hours": a plural or possessive time noun."""
    m = re.fullmatch(r"([a-z]+?)(?:s|s'|'s)", tok.lower_)
    return m is not None and m.group(1) in TIME_NOUNS


def _tally(votes: Token) -> bool:
    """ "220 votes to 212", "votes against 40": a tally set against another number."""
    doc = votes.doc
    nxt = doc[votes.i + 1 : votes.i + 4]
    return (
        len(nxt) >= 2
        and nxt[0].lower_ in ("to", "against", "-", "–")
        and any(t.like_num for t in nxt[1:])
    )


def _nationals(tok: Token) -> bool:
    """ "40 million Americans", "two Britons": people named by their nation or group."""
    return tok.ent_type_ == "NORP" and tok.tag_ == "NNPS"


def _countable(tok: Token) -> bool:
    return tok.pos_ == "NOUN" or _nationals(tok)


def _partitive_noun(first: Token) -> Token | None:
    """ "20 of the stations": the plural noun a bare number takes a part of."""
    doc = first.doc
    if first.i + 1 >= len(doc) or doc[first.i + 1].lower_ != "of":
        return None
    for c in first.rights:
        plural = c.tag_ in ("NNS", "NNPS") or (c.lower_.endswith("s") and c.lemma_ != c.lower_)
        if c.dep_.startswith("nmod") and c.pos_ == "NOUN" and c.i - first.i <= 5 and plural:
            return c
    return None


def _contrasted(tok: Token) -> bool:
    before = tok.doc[max(0, tok.i - 2) : tok.i].text.lower()
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (before.endswith(("more than", "only", "just")) and nxt is not None
            and nxt.lower_ != "of")  # fmt: skip


def _is_number_token(tok: Token) -> bool:
    t = tok.text
    if re.fullmatch(NUM, t):
        if t.startswith("0") and len(t) > 1 and not t.startswith("0."):
            return False  # phone numbers, codes
        return not re.fullmatch(r"(1[5-9]|20)\d\d", t)  # a year
    return bool(_WORDNUM.match(t)) and parse_number(t) is not None


FRACTION_PARTS = {"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths"}
_COMPOUND = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+|[a-z]+)-([a-z]+)$", re.IGNORECASE)
# "-strong" and "-piece" name the members of the group (GUIDELINES); other compound
# words are ranks, shapes or times, not group sizes
_MEMBERS = {"strong": "person", "piece": "member"}
_NOT_MEMBERS = {
    "star", "way", "wheel", "times", "time", "fold", "odd", "all", "old", "off",
    "set", "game", "nil", "love", "goal", "up", "down", "first", "second",
}  # fmt: skip


def _group_size(tok: Token) -> Candidate | None:
    """A group size written as a compound modifier: "36-member panel", "three-Test series"."""
    m = _COMPOUND.match(tok.text)
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if m is None or nxt is None or nxt.pos_ not in ("NOUN", "PROPN") or not nxt.is_alpha:
        return None
    value = parse_number(m.group(1))
    part = m.group(2).lower()
    if value is None or value < 2 or value != int(value) or part in _NOT_MEMBERS:
        return None
    if parse_number(part) is not None:
        return None  # "twenty-five people": one number
    if part in TIME_NOUNS or part.rstrip("s") in TIME_NOUNS or UNIT_WORDS.get(part, "pt") != "pt":
        return None
    if part in FRACTION_PARTS or part.endswith(("th", "ths")) or nxt.lemma_.lower() in _SCORE_NOUNS:
        return None
    unit = _MEMBERS.get(part, part)
    return Candidate(
        tok.idx, tok.idx + len(tok.text), tok.idx, value, value, True, unit, None, "count"
    )


def count_candidates(doc: Doc, text: str) -> list[Candidate]:
    found: list[Candidate] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        high: float | None = None
        if (group := _group_size(tok)) is not None:
            found.append(group)  # "a 36-member panel", "the 300-strong audience"
            i += 1
            continue
        if tok.lower_ == "a" and i + 1 < len(doc) and doc[i + 1].lower_ == "dozen":
            num_toks = [doc[i], doc[i + 1]]
            value: float | None = 12.0
        elif (article := _a_scale(tok)) is not None:
            num_toks, value = article  # "a million people", "half a million people"
        elif (r := _RANGE_TOKEN.match(tok.text)) and int(r.group(1)) < int(r.group(2)):
            num_toks = [tok]
            value = float(r.group(1))
            high = float(r.group(2))
        elif tok.lower_ == "one" and _contrasted(tok):
            num_toks = [tok]  # "more than one victory", "only one bank"
            value = 1.0
        elif (alt := _alternatives(tok)) is not None:
            num_toks, value, high = alt  # "two or three phones", "four, five or six sides"
        elif tok.lower_ == "dozen":
            i += 1  # "several dozen": no number; "a dozen", "two dozen" are taken whole
            continue
        elif _is_number_token(tok) or (tok.lower_ == "one" and _before_scale(tok)):
            num_toks = [tok]
            value = parse_number(tok.text)
            while num_toks[-1].i + 1 < len(doc) and doc[num_toks[-1].i + 1].lower_ in _MULTIPLIERS:
                nxt = doc[num_toks[-1].i + 1]
                fused = not num_toks[-1].whitespace_  # "1m websites"
                if not fused and nxt.lower_ not in _SCALE_WORDS:
                    break
                num_toks.append(nxt)
                value = None if value is None else value * _MULTIPLIERS[nxt.lower_]
                if nxt.lower_ == "hundred" and (rest := _and_tens(nxt)) is not None:
                    num_toks += rest[0]  # "three hundred and fifty"
                    value = None if value is None else value + rest[1]
        else:
            i += 1
            continue
        i = num_toks[-1].i + 1
        first = num_toks[0]
        if len(num_toks) > 1 and num_toks[-1].lower_ == "m" and _event(doc, i):
            continue  # "the 100m world record", "200m champion": metres in an event name
        glued = doc[i] if i < len(doc) and not num_toks[-1].whitespace_ else None
        if glued is not None and glued.is_alpha and glued.lower_ not in UNIT_WORDS:
            continue  # a code or name: "3G licences", "4x4"
        if value is None or (first.i > 0 and _excluded_before(doc[first.i - 1])):
            continue
        if first.i + 1 < len(doc) and doc[first.i + 1].text in ("-", "–", ":", "/", "."):
            continue  # scores, times, list numbering, dates
        capital = first.is_alpha and first.text[:1].isupper() and not first.is_sent_start
        if capital and i < len(doc) and doc[i].text[:1].isupper():
            continue  # a name: "Six Nations", "Formula One"
        noun = _counted_noun(doc, num_toks, ranged=high is not None)
        end = None if noun is None else noun.idx + len(noun.text)
        if noun is not None and _another_number_next(doc, i):
            # "from 10 to 15 people": the noun is the later number's; this one is bare
            end = num_toks[-1].idx + len(num_toks[-1].text)
        if noun is None and (noun := _partitive_noun(num_toks[-1])) is not None:
            end = num_toks[-1].idx + len(num_toks[-1].text)
        if noun is None or end is None:
            continue
        start = first.idx
        approx = None
        lead = _LEAD.search(text, max(0, start - 25), start)
        if lead:
            approx = lead.group("approx").lower()
            start = lead.start("approx")
        percent = noun.lower_ in ("percent", "cent")  # "thirty per cent"
        found.append(
            Candidate(
                start,
                end,
                first.idx,
                value,
                value if high is None else high,
                high is None,
                "percent" if percent else _lemma(noun),
                approx,
                "percent" if percent else "count",
            )
        )
    return found


_SCALE_WORDS = ("hundred", "thousand", "million", "billion", "lakh", "crore", "dozen")
_MULTIPLIERS = {**SCALES, "dozen": 12.0}  # "two dozen states"


def _another_number_next(doc: Doc, i: int) -> bool:
    """ "to 15", "and 15" at ``i``: a second number the noun after it belongs to."""
    return (
        i + 1 < len(doc) and doc[i].lower_ in ("to", "and", "or") and _is_number_token(doc[i + 1])
    )


def _before_scale(tok: Token) -> bool:
    """ "one hundred", "one million": "one" as the number of a scale word."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ in ("hundred", "thousand", "million", "billion")


def _and_tens(hundred: Token) -> tuple[list[Token], float] | None:
    """ "and fifty" after "three hundred": the rest of one number written in words."""
    doc = hundred.doc
    j = hundred.i + 1
    if j + 1 >= len(doc) or doc[j].lower_ != "and":
        return None
    n = parse_number(doc[j + 1].text) if doc[j + 1].is_alpha or "-" in doc[j + 1].text else None
    if n is None or not 0 < n < 100:
        return None
    return [doc[j], doc[j + 1]], n


# "100m"/"200m" before these names a race in metres, not a million of anything
_EVENT_WORDS = {
    "final", "finals", "hurdles", "sprint", "race", "freestyle", "butterfly", "backstroke",
    "breaststroke", "relay", "medley", "champion", "championship", "title", "heat", "heats",
    "dash", "event", "runner", "gold", "silver", "bronze", "medal", "medallist", "record",
    # distances on a pitch or in a pool: "from our 10m line", "the 3m springboard"
    "line", "mark", "platform", "springboard",
}  # fmt: skip


def _event(doc: Doc, i: int) -> bool:
    """ "champion", "world record" at ``i``: what follows a race distance such as "100m"."""
    if i >= len(doc):
        return False
    if doc[i].lower_ == "world":
        return i + 1 < len(doc) and doc[i + 1].lower_ == "record"
    return doc[i].lower_ in _EVENT_WORDS


def _a_scale(tok: Token) -> tuple[list[Token], float] | None:
    """ "a million", "half a million": the article (and "half") as the number of a scale."""
    doc = tok.doc
    j = tok.i
    toks = [tok]
    value = 1.0
    words = [t.lower_ for t in doc[j : j + 4]]
    if words[:2] == ["half", "a"] or words[:2] == ["half", "an"]:
        value = 0.5
        j += 1
        toks.append(doc[j])
    elif words[:1] == ["a"] and words[1:4] == ["quarter", "of", "a"]:
        value = 0.25  # "a quarter of a million jobs"
        toks += list(doc[j + 1 : j + 4])
        j += 3
    elif tok.lower_ not in ("a", "an"):
        return None
    if j + 1 >= len(doc) or doc[j + 1].lower_ not in ("hundred", "thousand", "million", "billion"):
        return None
    if value == 1.0 and tok.i > 0 and doc[tok.i - 1].lower_ in ("half", "of"):
        return None  # the "a" of "half a million", "a quarter of a million" is taken whole
    toks.append(doc[j + 1])
    return toks, value * SCALES[doc[j + 1].lower_]


def _alternatives(tok: Token) -> tuple[list[Token], float, float] | None:
    """ "two or three", "four, five or probably six": the first and last of a list of
    alternative numbers, as a range (GUIDELINES: an explicit alternative is a range)."""
    if not _is_number_token(tok):
        return None
    doc = tok.doc
    values = [parse_number(tok.text)]
    j = tok.i + 1
    while j + 1 < len(doc) and doc[j].text == "," and _is_number_token(doc[j + 1]):
        values.append(parse_number(doc[j + 1].text))
        j += 2
    if j >= len(doc) or doc[j].lower_ != "or":
        return None
    j += 1
    while j < len(doc) and doc[j].pos_ == "ADV":
        j += 1  # "or probably six"
    if j >= len(doc) or not _is_number_token(doc[j]):
        return None
    values.append(parse_number(doc[j].text))
    numbers = [v for v in values if v is not None]
    if len(numbers) != len(values) or min(numbers) >= max(numbers):
        return None
    return [tok, doc[j]], min(numbers), max(numbers)


# nouns a number names a part or item of, not counts
_NUMBERED = {"chapter", "section", "clause", "paragraph", "route", "flight", "room", "platform"}


def _excluded_before(prev: Token) -> bool:
    """Numbers that are ages, names ("FTSE 100", "Boeing 747") or ranks."""
    if prev.lower_ in ("aged", "age", "ages", "no", "no.", "number", "page", "article", "top"):
        return True
    if prev.lower_ in _NUMBERED:
        return True  # "Chapter 11 protection", "Section 8 housing"
    return prev.pos_ == "PROPN" and prev.text[:1].isupper() and not prev.is_sent_start


# nouns that are one word with the modifier before them: "100,000 civil servants" counts
# civil servants, not servants (GUIDELINES: the lemma without modifiers otherwise)
_LEXICAL = {
    ("civil", "servant"): "civil servant",
    ("prime", "minister"): "prime minister",
    ("human", "being"): "human being",
}


def _lemma(noun: Token) -> str:
    lemma = _plain_lemma(noun)
    if noun.i > 0:
        return _LEXICAL.get((noun.doc[noun.i - 1].lower_, lemma), lemma)
    return lemma


def _plain_lemma(noun: Token) -> str:
    lemma = noun.lemma_.lower()
    if noun.lower_.endswith("ees") and lemma == noun.lower_[:-2]:
        return noun.lower_[:-1]  # "retirees" → retiree, not "retire"
    if lemma == noun.lower_ and lemma.endswith("s") and not lemma.endswith(("ss", "us", "is")):
        # a plural the lemmatizer missed: "quangos", "viruses"
        lemma = lemma[:-2] if lemma.endswith(("ses", "xes", "ches", "shes")) else lemma[:-1]
    latin = lemma.endswith("use") and noun.lower_.endswith("uses") and lemma[-4:-3] not in "aeiou"
    if latin and lemma not in _USE_WORDS:
        lemma = lemma[:-1]  # "viruses", "bonuses": Latin "-us" nouns, not "cause"
    return {"people": "person", "men": "man", "women": "woman", "children": "child"}.get(
        lemma, lemma
    )


# nouns in "-use" after a consonant that are not Latin "-us" plurals
_USE_WORDS = {"abuse", "excuse", "refuse", "recluse", "diffuse", "accuse", "amuse", "confuse"}


def vague_candidates(doc: Doc, text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for m in _VAGUE.finditer(text):
        span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if span is None:
            continue
        tok = span[0]
        noun = tok
        while noun.i < len(doc) and noun.dep_ in ("compound", "amod", "det", "nummod"):
            if noun.head.i <= noun.i or noun.head.i - tok.i > 5:
                break
            noun = noun.head
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        low, high = VAGUE[m.group("vague").lower()]
        unit = CURRENCY_WORDS.get(noun.lower_) or _lemma(noun)
        approx = m.group("approx")
        found.append(
            Candidate(
                m.start(),
                noun.idx + len(noun.text),
                m.start("vague"),
                low,
                high,
                False,
                unit,
                approx.lower() if approx else None,
                "count",
            )
        )
    return found


def elided_candidates(doc: Doc, found: Sequence[Candidate], reach: int = 200) -> list[Candidate]:
    """ "three wins …, but two of those": a number taking part of a count named before it
    counts what that count counts (GUIDELINES: an elided noun's lemma); the span is the
    number alone."""
    out: list[Candidate] = []
    for tok in doc:
        if not _is_number_token(tok):
            continue
        # a count named before in the sentence says what is counted, before the subject
        if tok.i + 2 < len(doc) and (scaled := _scaled_alone(tok, found)) is not None:
            out.append(scaled)
            continue
        if (implied := _implied(tok, [*found, *out])) is not None:
            out.append(implied)
            continue
        if tok.i + 2 >= len(doc):
            continue
        if doc[tok.i + 1].lower_ != "of" or doc[tok.i + 2].lower_ not in ("those", "them", "these"):
            continue
        if any(c.start <= tok.idx < c.end for c in found):
            continue
        before = [c for c in found if c.kind == "count" and 0 <= tok.idx - c.end <= reach]
        value = parse_number(tok.text)
        if not before or value is None or (tok.i > 0 and _excluded_before(doc[tok.i - 1])):
            continue
        unit = max(before, key=lambda c: c.end).unit
        end = tok.idx + len(tok.text)
        out.append(Candidate(tok.idx, end, tok.idx, value, value, True, unit, None, "count"))
    return out


# verbs whose subject a bare number after them counts: "claims dropped 36,000 to 293,000",
# "applications totaled 293,000", "claims dipped below 300,000"
_COUNTING_VERBS = {
    "rise", "fall", "drop", "decline", "dip", "climb", "jump", "increase", "decrease",
    "slip", "total", "reach", "top", "number", "hit", "revise", "surge", "plunge", "sink",
    "edge", "tick", "grow", "shrink", "swell",
}  # fmt: skip
_LEVEL_WORDS = {"to", "from", "at", "below", "above", "under", "over", "by", "of"}


def _implied(tok: Token, found: Sequence[Candidate]) -> Candidate | None:
    """ "Unemployment claims dropped 36,000 to 293,000": a bare number of thousands
    (written "293,000" or "2.59 million") that a verb of change or level says of its
    plural subject counts what the subject names (GUIDELINES: an elided noun's lemma)."""
    doc = tok.doc
    scaled = tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("million", "billion")
    if not (scaled or re.fullmatch(r"\d{1,3}(?:,\d{3})+", tok.text)):
        return None
    last = doc[tok.i + 1] if scaled else tok
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    owned = after is not None and after.pos_ in ("NOUN", "PROPN", "SYM", "NUM")
    if owned and after is not None and after.lemma_.lower() not in TIME_NOUNS:
        return None  # "293,000 claims" is a count of its own; "293,000 last week" not
    before = doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and (before.pos_ == "SYM" or before.text in ("$", "£", "€")):
        return None
    head = number_head(last if scaled else tok, upto=last.i)
    verb = head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _COUNTING_VERBS:
        return None
    words = {t.lower_ for t in doc[max(verb.i + 1, tok.i - 3) : tok.i]}
    if head.dep_ not in ("obj", "dobj") and not words & _LEVEL_WORDS:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is None or subj.tag_ != "NNS" or subj.i > tok.i:
        return None
    start, end = tok.idx, last.idx + len(last.text)
    if any(c.start < end and start < c.end for c in found):
        return None
    value = parse_number(tok.text)
    if value is None:
        return None
    value *= SCALES[doc[tok.i + 1].lower_] if scaled else 1
    unit = subj.lemma_.lower()
    return Candidate(start, end, start, value, value, True, unit, None, "count")


def _scaled_alone(tok: Token, found: Sequence[Candidate]) -> Candidate | None:
    """ "five million lives could be saved by 2015 and five million thereafter": an amount
    with a scale word and no noun of its own counts what a count before it in its sentence
    counts (GUIDELINES: "from a peak of seven million to just 1.5 million" → viewers)."""
    doc = tok.doc
    scale = doc[tok.i + 1]
    if scale.lower_ not in ("thousand", "million", "billion", "m", "bn"):
        return None
    if scale.lower_ in ("m", "bn") and tok.whitespace_:
        return None  # "5 m" is five metres
    after = doc[scale.i + 1] if scale.i + 1 < len(doc) else None
    if after is not None and after.lower_ not in _NOT_COUNTED:
        if after.pos_ not in ("ADV", "PUNCT", "CCONJ", "ADP", "SCONJ"):
            return None
        if after.lower_ in ("of", "per", "a"):
            return None
    value = parse_number(tok.text)
    start, end = tok.idx, scale.idx + len(scale.text)
    if value is None or any(c.start < end and start < c.end for c in found):
        return None
    sent_start = tok.sent.start_char
    before = [c for c in found if c.kind == "count" and sent_start <= c.start and c.end <= start]
    if not before:
        return None
    unit = max(before, key=lambda c: c.end).unit
    value *= SCALES[scale.lower_]
    return Candidate(start, end, start, value, value, True, unit, None, "count")
