"""Cue words and quotation-mark spans for :mod:`storyline.extract.quotes`.

>>> quote_spans('He said “A.” Then “B')
[(9, 11, False)]
>>> quote_spans('Issa said, “Well, this is where it stands.\\nNext.')
[(12, 42, False)]
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["SPEECH_VERBS", "no_saying", "quote_spans"]

# Lemmas of verbs that report speech (or writing); beliefs and intentions
# ("think", "want", "hope") are left out: storyline reports what people said.
SPEECH_VERBS = frozenset(
    [
        "say",
        "tell",
        "add",
        "note",
        "warn",
        "argue",
        "claim",
        "insist",
        "explain",
        "announce",
        "state",
        "declare",
        "write",
        "tweet",
        "report",
        "suggest",
        "ask",
        "respond",
        "reply",
        "answer",
        "acknowledge",
        "admit",
        "concede",
        "confirm",
        "deny",
        "predict",
        "promise",
        "vow",
        "pledge",
        "urge",
        "caution",
        "complain",
        "contend",
        "assert",
        "maintain",
        "allege",
        "stress",
        "emphasize",
        "emphasise",
        "recall",
        "describe",
        "call",
        "criticize",
        "criticise",
        "accuse",
        "praise",
        "comment",
        "remark",
        "observe",
        "testify",
        "conclude",
        "estimate",
        "reckon",
        "continue",
        "agree",
        "disagree",
        "counter",
        "point",
        "mention",
        "reiterate",
        "repeat",
        "recount",
        "boast",
        "joke",
        "quip",
        "lament",
        "signal",
        "indicate",
        "propose",
        "threaten",
        "demand",
    ]
)

# Verbs of letting someone act: "allows the majority to write the bill" says nothing.
_LETTING = {"allow", "let", "enable", "permit"}


def no_saying(tok: Any) -> bool:
    """Senses of speech verbs that report no saying: "fighting that had claimed
    hundreds of lives", "a stalemate that threatened to unravel the talks" (a thing,
    named by "that" or "which", threatens), "allows the majority to write the bill".

    >>> from storyline.nlp.pipeline import load_nlp
    >>> doc = load_nlp()("The war claimed 40 lives.")
    >>> no_saying(doc[2])
    True
    """
    lemma = tok.lemma_.lower()
    objs = [c for c in tok.children if c.dep_ == "obj"]
    if lemma == "claim" and any(t.lemma_ == "life" for c in objs for t in (c, *c.children)):
        return True
    if lemma == "threaten" and tok.dep_ in ("acl:relcl", "relcl"):
        return any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in tok.children)
    # the infinitive hung on the verb or on the one let ("allows [the majority to write]")
    let = tok.head if tok.dep_ == "xcomp" else tok.head.head if tok.dep_ == "acl" else None
    return let is not None and let.lemma_.lower() in _LETTING and tok.tag_ == "VB"


# A tag of markup left in the text: ``<tweet id="…" author="…">``, ``</tweet>``.
_MARKUP = re.compile(r"</?[A-Za-z][^<>\n]*>")
_OPEN = {"“", '"'}
_CLOSE = {"”", '"'}  # writers mix curly and straight marks: “…" closes too


def quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """Content spans ``(start, end, continued)`` inside double quotation marks.

    A paragraph that opens a quote and does not close it continues into the
    next paragraph when that one opens with a quotation mark (the newspaper
    convention for quotes of several paragraphs); ``continued`` is then true
    and the span runs from the first opening to the last closing mark. A quote
    left open with no such continuation runs to the end of its paragraph when
    it opens like speech (after a space or punctuation, four words or more:
    ``Issa said, “Well, …`` with the transcript going on unmarked); otherwise
    it is dropped as a stray mark (``a 6'2" man``). Two apostrophes (''like
    this'', an old newswire habit) are a straight double mark. A curly quote
    inside a curly quote (``“… even when “your team” needs …”``) does not close
    it, an opening mark typed after a word closes (``an “expedited review“ of``) and
    a closing mark where none is open opens one (``He says,” there are …”``).
    The marks of an attribute in embedded markup (``<tweet author="…">``) quote
    no one.
    """
    original = text
    text = _MARKUP.sub(lambda m: m.group().replace('"', "\x02"), text)
    text = text.replace("''", '"\x01')
    spans: list[tuple[int, int, bool]] = []
    paragraphs: list[tuple[int, str]] = []
    pos = 0
    for para in text.split("\n"):
        paragraphs.append((pos, para))
        pos += len(para) + 1
    pending: int | None = None  # start of a quote carried over from an earlier paragraph
    pending_end = 0  # where the paragraph that left it open ends
    pending_cont = False
    pending_mid = False  # the quote carried over opened in the middle of a clause
    for offset, para in paragraphs:
        if not para.strip():
            continue
        stripped = para.lstrip()
        lead = len(para) - len(stripped)
        opens_with_mark = stripped[:1] in _OPEN
        if pending is not None and (not opens_with_mark or pending_mid):
            # "Grayson said the idea is “an amorphous position.\n“What we do …”": a
            # phrase quoted inside a clause does not run on into the next paragraph
            spans.extend(_left_open(text, pending, pending_end, pending_cont))
            pending = None
        i = 0
        start: int | None = None
        depth = 0  # curly quotes opened inside the open one: “… “your team” …”
        straight = False  # the open quote opened with a straight mark
        mid = False
        if pending is not None:
            i = lead + 1
            start = pending
            straight = stripped[:1] == '"'
        while i < len(para):
            ch = para[i]
            if start is None and ch in _OPEN:
                start = offset + i + 1
                straight = ch == '"'
                mid = para[:i].rstrip()[-1:].isalpha()
            elif start is None and _closing_opens(para, i):
                start = offset + i + 1
                while para[start - offset].isspace():
                    start += 1  # "He says,” there are …”": no space opens the content
            elif start is not None and _nested_open(para, i, straight):
                depth += 1
            elif start is not None and depth and ch == "”":
                depth -= 1
            elif start is not None and (ch in _CLOSE or _misused_open(para, i)):
                end = offset + i
                if end > start:
                    spans.append((start, end, pending is not None))
                start, pending, depth = None, None, 0
            i += 1
        pending_cont = pending is not None
        pending_mid = mid and not pending_cont
        pending, pending_end = start, offset + len(para.rstrip())
    if pending is not None:
        spans.extend(_left_open(text, pending, pending_end, pending_cont))
    # The second apostrophe of an opening '' is not content.
    return [
        (start + 1 if original[start - 1 : start + 1] == "''" else start, end, cont)
        for start, end, cont in spans
    ]


def _closing_opens(para: str, i: int) -> bool:
    """A closing mark typed for an opening one, where no quote is open: ``He says,”
    there are …”``, ``”This is why …,” said Krystek``: another closing mark follows
    in the paragraph, with no opening mark between."""
    if para[i] != "”":
        return False
    rest = para[i + 1 :]
    close = rest.find("”")
    return close > 0 and "“" not in rest[:close] and bool(rest[:close].strip())


def _misused_open(para: str, i: int) -> bool:
    """An opening mark typed for a closing one: ``…for her here,“ said Clyburn``,
    ``an “expedited review“ of``: after a word or stop and before a space."""
    return (
        para[i] == "“"
        and i > 0
        and (para[i - 1] in ",.!?" or para[i - 1].isalnum())
        and (i + 1 == len(para) or para[i + 1].isspace())
    )


def _nested_open(para: str, i: int, straight: bool = False) -> bool:
    """A curly opening mark inside an open quote that opens a quote of its own:
    ``“… even when “your team” needs …”`` (after a space, before a word), when
    the curly closing marks after it in the paragraph close it and the open one;
    in a quote opened with a straight mark, when they close it alone (``"… isn’t
    about “Equal Justice” anymore."``)."""
    if para[i] != "“" or i == 0 or para[i - 1] not in " (—[" or i + 1 == len(para):
        return False
    if para[i + 1].isspace():
        return False
    return para.count("”", i) >= para.count("“", i) + (0 if straight else 1)


def _left_open(text: str, start: int, end: int, continued: bool) -> list[tuple[int, int, bool]]:
    """The span of a quote left open at a paragraph's end, if it reads as speech."""
    before = text[start - 2 : start - 1]
    if before and (before.isalnum() or before == "\x01"):
        return []  # 6'2" or a closing mark read as an opening one
    if len(text[start:end].split()) < 4:
        return []
    return [(start, end, continued)]
