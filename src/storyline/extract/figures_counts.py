"""Counts: a number attached to the noun it counts, and vague plurals ("thousands of").

Found over the dependency parse for :mod:`storyline.extract.figures`: the noun
a number counts is its head (or, when the parse hangs the noun under the
number, the noun right after it); "20 of the stations" counts stations with
the span on the number; "one" counts only when contrasted ("more than one
victory"); capitalised number words before a name ("Six Nations"), ages,
ranks, scores and in-match counts ("nine consecutive points") are not counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

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

__all__ = ["NUM", "Candidate", "count_candidates", "vague_candidates"]

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
    if not _countable(head) or not head.is_alpha or not 0 < head.i - last.i <= 4:
        return None
    if head.text[:1].isupper() and not head.is_sent_start and not _nationals(head):
        return None  # a name: "Six Nations", "Two Britains"
    lemma = head.lemma_.lower()
    if lemma in TIME_NOUNS or lemma.rstrip("s") in TIME_NOUNS or lemma in _SCORE_NOUNS:
        return None
    if ranged and lemma in _RESULT_NOUNS:
        return None
    return head


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
_COMPOUND = re.compile(r"^(\d+|[a-z]+)-([a-z]+)$", re.IGNORECASE)
# "-strong" and "-piece" name the members of the group (GUIDELINES); other compound
# words are ranks, shapes or times, not group sizes
_MEMBERS = {"strong": "person", "piece": "member"}
_NOT_MEMBERS = {
    "star", "way", "wheel", "times", "time", "fold", "odd", "all", "old", "off",
    "set", "game", "nil", "love", "goal", "up", "down",
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
        elif (r := _RANGE_TOKEN.match(tok.text)) and int(r.group(1)) < int(r.group(2)):
            num_toks = [tok]
            value = float(r.group(1))
            high = float(r.group(2))
        elif tok.lower_ == "one" and _contrasted(tok):
            num_toks = [tok]  # "more than one victory", "only one bank"
            value = 1.0
        elif (alt := _alternatives(tok)) is not None:
            num_toks, value, high = alt  # "two or three phones", "four, five or six sides"
        elif _is_number_token(tok):
            num_toks = [tok]
            value = parse_number(tok.text)
            while num_toks[-1].i + 1 < len(doc) and doc[num_toks[-1].i + 1].lower_ in SCALES:
                nxt = doc[num_toks[-1].i + 1]
                fused = not num_toks[-1].whitespace_  # "1m websites"
                if not fused and nxt.lower_ not in ("hundred", "thousand", "million", "billion"):
                    break
                num_toks.append(nxt)
                value = None if value is None else value * SCALES[nxt.lower_]
        else:
            i += 1
            continue
        i = num_toks[-1].i + 1
        first = num_toks[0]
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


def _excluded_before(prev: Token) -> bool:
    """Numbers that are ages, names ("FTSE 100", "Boeing 747") or ranks."""
    if prev.lower_ in ("aged", "age", "ages", "no", "no.", "number", "page", "article", "top"):
        return True
    return prev.pos_ == "PROPN" and prev.text[:1].isupper() and not prev.is_sent_start


def _lemma(noun: Token) -> str:
    lemma = noun.lemma_.lower()
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
