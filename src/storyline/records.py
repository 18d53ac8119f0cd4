"""The records that pass between ingest stages.

Readers yield :class:`RawArticle` (what a file, page, feed item or JSON object
says); cleaning and identity turn it into an :class:`Article` (clean text, the
removed junk as character ranges, a stable id); what cannot be used becomes a
:class:`Rejected`. All are frozen: a stage makes a new record, it never edits one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any, Literal

__all__ = [
    "Article",
    "PublishedFrom",
    "RawArticle",
    "Rejected",
    "Removal",
    "SourceBlob",
    "time_order",
]

#: Where an article's publication date came from.
PublishedFrom = Literal["input", "page", "override", "fill", "text"]


def _empty() -> Mapping[str, Any]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class SourceBlob:
    """Bytes read from one source (a file, standard input, a URL), before any parsing.

    ``source`` names it for messages and storage: a path, ``-`` or a URL.
    ``content_type`` and ``charset`` are what the transport declared, if anything.
    """

    source: str
    data: bytes
    content_type: str | None = None
    charset: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as an input presents it, before cleaning.

    ``text`` is plain text: paragraphs separated by blank lines where the input
    has them. ``metadata`` keeps input fields storyline does not model.
    """

    source: str
    text: str
    kind: str  # "text" | "html" | "json" | "feed" | "warc"
    title: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: datetime | None = None
    published_from: PublishedFrom | None = None
    language: str | None = None
    input_id: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=_empty)


@dataclass(frozen=True, slots=True)
class Removal:
    """A stretch of junk removed by cleaning.

    ``start``/``end`` are character offsets into the article's ``raw_text``
    (the text before cleaning); ``kind`` says what it was, e.g. ``share``,
    ``newsletter``, ``caption``, ``byline``, ``dateline``, ``related``.
    """

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """A clean, identified article: what the store keeps and later stages read.

    ``text`` is the clean text every later offset points into; ``raw_text`` is
    the text before cleaning, into which the ``removals`` point.
    ``duplicate_of`` links a near-duplicate to the earliest copy of it.
    """

    id: str
    source: str
    kind: str
    text: str
    raw_text: str
    content_hash: str
    title: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: datetime | None = None
    published_from: PublishedFrom | None = None
    language: str | None = None
    removals: tuple[Removal, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=_empty)
    duplicate_of: str | None = None
    similarity: float | None = None


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be used, with a one-line reason.

    ``stage`` is where it failed: ``read``, ``fetch``, ``decode``, ``clean``...
    """

    source: str
    stage: str
    reason: str


def time_order(published: datetime | str | None) -> tuple[int, float]:
    """A sort key putting publication times in order, undated last.

    Times without an offset are read as UTC, so naive and aware times compare.

    >>> time_order("2025-02-03T10:00:00+01:00") < time_order("2025-02-03T10:00:00")
    True
    """
    if isinstance(published, str):
        published = datetime.fromisoformat(published)
    if published is None:
        return (1, 0.0)
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    return (0, published.timestamp())
