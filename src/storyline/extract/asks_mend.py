"""Spans the parse cut short: the no-break space mends of :mod:`storyline.extract.asks`.

AllSides bodies carry no-break spaces inside phrases ("a\xa0$3.5 trillion budget
blueprint"); the parser reads each as a word and may end a phrase, or the
sentence, on it. :func:`mend_span` runs such a content span on to its phrase's end.

>>> from storyline.nlp.pipeline import load_nlp
>>> doc = load_nlp()("The Senate approved the\xa0budget plan on Monday.")
>>> mend_span(doc[3:4]).text
'the\xa0budget plan on Monday'
"""

from __future__ import annotations

from typing import Any

__all__ = ["mend_span"]

_STOPS = {",", ";", ":", "—", "–", ".", "?", "!", "(", ")"}


def mend_span(span: Any) -> Any:
    """A content span the parse cut at a no-break space, run on to its phrase's end.

    The parser reads a no-break space as a word and may end a noun phrase, or the
    sentence, on it ("passed a\xa0| $3.5 trillion budget …", "left in place the\xa0ban
    …"): such a span goes on to the next punctuation mark.
    """
    doc = span.doc
    start, end = span.start, span.end
    while end > start and doc[end - 1].is_space:
        end -= 1
    while start < end and doc[start].is_space:
        start += 1
    if start >= end:
        return span
    if end < len(doc) and doc[end].is_space and "\xa0" in doc[end].text:
        nxt = end + 1
        while nxt < len(doc) and doc[nxt].is_space:
            nxt += 1
        if nxt < len(doc) and doc[nxt].text not in _STOPS and "\n" not in doc[end].text:
            end = nxt
            while end < len(doc) and doc[end].text not in _STOPS and "\n" not in doc[end].text:
                end += 1
            while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct):
                end -= 1
    return doc[start:end]
