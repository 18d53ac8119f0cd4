"""Split article text into the units cleaning judges: lines, or sentences of flattened text.

Most inputs keep their paragraphs as lines, and junk comes as whole lines
(a share bar, a caption, a "Read more" list). Some inputs arrive flattened into
one long line (scraped corpora such as Multi-News); there the junk is glued
between sentences, so the units are sentence-like segments instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Segment", "split_segments"]

# A text with fewer line breaks than this and longer than _FLAT_CHARS is treated
# as flattened: paragraphs were lost, so sentences become the units.
_FLAT_MAX_BREAKS = 2
_FLAT_CHARS = 800

# Common English abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "st",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "vs",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "rev",
        "hon",
        "pres",
        "supt",
        "det",
        "insp",
        "mt",
        "ft",
    ]
)
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+")
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Segment:
    """A unit of text: ``text[start:end]`` with surrounding white space excluded."""

    start: int
    end: int
    text: str


def _strip(text: str, start: int, end: int) -> Segment | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Segment(start, end, text[start:end]) if end > start else None


def _sentences(text: str, start: int, end: int) -> list[Segment]:
    out: list[Segment] = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        before = text[cursor : match.start()].rsplit(None, 1)
        last_word = before[-1].lower().rstrip(".") if before else ""
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        following = text[match.end() : match.end() + 2]
        if following and following[0].islower():
            continue
        seg = _strip(text, cursor, match.end())
        if seg:
            out.append(seg)
        cursor = match.end()
    seg = _strip(text, cursor, end)
    if seg:
        out.append(seg)
    return out


def is_flattened(text: str) -> bool:
    """True when ``text`` looks like several paragraphs run together on one line."""
    return text.count("\n") < _FLAT_MAX_BREAKS and len(text) > _FLAT_CHARS


def split_segments(text: str) -> list[Segment]:
    """Split ``text`` into non-empty lines, or sentences when the text is flattened.

    >>> [s.text for s in split_segments("Title\\n\\nFirst para.\\nShare this")]
    ['Title', 'First para.', 'Share this']
    """
    if is_flattened(text):
        return _sentences(text, 0, len(text))
    out: list[Segment] = []
    for match in _LINE.finditer(text):
        seg = _strip(text, match.start(), match.end())
        if seg:
            out.append(seg)
    return out
