"""Records shared by the story stages: a span of one article, the inputs the synthesis stages read.

Every claim a dossier makes points back into the clean text of an article through a
:class:`SourceSpan`, so a reader can be shown the words it rests on.

>>> SourceSpan("a1", 0, 12)
SourceSpan(article_id='a1', start=0, end=12)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import numpy.typing as npt

from storyline.extract.annotate import AnnotatedArticle
from storyline.extract.time import Timex

__all__ = ["AnalysedArticle", "SourceDocument", "SourceSpan"]


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


@dataclass(frozen=True, slots=True, eq=False)
class AnalysedArticle:
    """An article with everything the story stages read: extractions, sentences, vectors.

    ``sentences`` are ``(start, end)`` ranges of ``annotated.article.text``;
    ``sentence_vectors`` one unit-length MiniLM row per sentence; ``lead_vector``
    the vector of the title and opening that story clustering compares.
    """

    annotated: AnnotatedArticle
    sentences: tuple[tuple[int, int], ...]
    sentence_vectors: npt.NDArray[np.float32]
    lead_vector: npt.NDArray[np.float32]

    @property
    def id(self) -> str:
        """The article's id."""
        return self.annotated.article.id

    @property
    def text(self) -> str:
        """The clean text every offset points into."""
        return self.annotated.article.text

    def source_document(self) -> SourceDocument:
        """The article as the summary and timeline stages read it."""
        a = self.annotated.article
        return SourceDocument(
            a.id, a.text, self.sentences, a.published, a.outlet, a.title, self.annotated.timexes
        )
