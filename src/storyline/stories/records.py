"""Records shared by the story stages: a span of one article, the inputs the synthesis stages read.

Every claim a dossier makes points back into the clean text of an article through a
:class:`SourceSpan`, so a reader can be shown the words it rests on.

>>> SourceSpan("a1", 0, 12)
SourceSpan(article_id='a1', start=0, end=12)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storyline.extract.time import Timex

__all__ = ["SourceDocument", "SourceSpan"]


@dataclass(frozen=True, slots=True, order=True)
class SourceSpan:
    """Characters ``[start, end)`` of one article's clean text."""

    article_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """One article as the synthesis stages (summary, timeline) read it.

    ``sentences`` are ``(start, end)`` character ranges into ``text`` in reading
    order; ``outlet`` and ``published`` may be unknown.

    >>> doc = SourceDocument("a1", "Talks ended. Both sides left.", ((0, 12), (13, 29)))
    >>> [doc.text[s:e] for s, e in doc.sentences]
    ['Talks ended.', 'Both sides left.']
    """

    id: str
    text: str
    sentences: tuple[tuple[int, int], ...]
    published: datetime | None = None
    outlet: str | None = None
    title: str | None = None
    timexes: tuple[Timex, ...] = ()
