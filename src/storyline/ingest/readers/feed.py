"""The feed reader: RSS 2.0, Atom and RDF (RSS 1.0), one article per item.

feedparser reads the bytes (never a path or URL: it is handed a stream).
For each item: ``title``; ``link`` → ``url``; the author; the date, parsed from
the raw string with dateutil so the item's UTC offset survives (feedparser's
own ``*_parsed`` tuples are UTC and used only when dateutil cannot read the
string); ``outlet`` is the feed's title; the body is ``content:encoded`` / Atom
``content`` when present, else the summary / description, as plain text.
The item's ``guid`` is its id (and kept in ``metadata``), categories go into ``metadata``.

Item bodies are HTML fragments, often a sentence or two: too short for
trafilatura, which would reject them, so :func:`html_fragment_to_text` turns
them into text with paragraph breaks on its own.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from time import struct_time
from types import MappingProxyType
from typing import Any

import feedparser

# No lxml stubs are installed; see the mypy overrides in pyproject.toml.
import lxml.etree
import lxml.html
from dateutil import parser as date_parser

from storyline.errors import EmptyArticle, MalformedRecord
from storyline.records import RawArticle, Rejected, SourceBlob

__all__ = ["html_fragment_to_text", "read_feed"]

_BLOCK = "\x1e"  # paragraph break marker while walking the tree
_LINE = "\x1f"  # line break marker (<br>)
_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "caption", "dd", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table"),
        *("tbody", "td", "th", "thead", "tr", "ul"),
    }
)
_DROP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math"}
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_UTC_NAMES = {"UTC": UTC, "GMT": UTC, "UT": UTC, "Z": UTC}


def read_feed(blob: SourceBlob) -> Iterator[RawArticle | Rejected]:
    """Read an RSS, Atom or RDF feed: one article per item with text.

    Raises :class:`~storyline.errors.MalformedRecord` when the bytes are not a
    feed, and :class:`~storyline.errors.EmptyArticle` for a feed without items.

    >>> rss = (b'<rss version="2.0"><channel><title>Gazette</title><item>'
    ...        b'<title>Dam opens</title><description>Water flows.</description>'
    ...        b'</item></channel></rss>')
    >>> [(a.outlet, a.title, a.text) for a in read_feed(SourceBlob("g.rss", rss))]
    [('Gazette', 'Dam opens', 'Water flows.')]
    """
    headers = {"content-type": blob.content_type} if blob.content_type else None
    parsed = feedparser.parse(io.BytesIO(blob.data), response_headers=headers)
    # feedparser finds "entries" in any XML with <item> elements; only a
    # recognised version (rss20, atom10, rss10...) makes it a feed.
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        detail = f" ({_first_line(str(problem))})" if problem else ""
        raise MalformedRecord(f"not an RSS, Atom or RDF feed{detail}")
    if not parsed.entries:
        raise EmptyArticle("the feed has no items")
    channel = parsed.feed
    outlet = _clean(channel.get("title"))
    language = _clean(channel.get("language"))
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_article(entry, blob, number, outlet, language)


def html_fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: block elements become paragraphs, ``<br>`` a line.

    Scripts, styles and embeds are dropped; whitespace inside a paragraph is
    collapsed.

    >>> html_fragment_to_text("<p>One <b>bold</b>\\n move.</p><p>Two<br>lines</p>")
    'One bold move.\\n\\nTwo\\nlines'
    """
    fragment = _CONTROL.sub("", fragment)
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    pieces: list[str] = []
    _walk(root, pieces)
    paragraphs: list[str] = []
    for block in "".join(pieces).split(_BLOCK):
        lines = (" ".join(line.split()) for line in block.split(_LINE))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def _walk(element: Any, pieces: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else None  # comments, PIs: no tag
    if tag is not None and tag.lower() not in _DROP_TAGS:
        name = tag.lower()
        block = name in _BLOCK_TAGS
        if block:
            pieces.append(_BLOCK)
        elif name == "br":
            pieces.append(_LINE)
        pieces.append(element.text or "")
        for child in element:
            _walk(child, pieces)
        if block:
            pieces.append(_BLOCK)
    pieces.append(element.tail or "")


def _entry_article(
    entry: Mapping[str, Any],
    blob: SourceBlob,
    number: int,
    outlet: str | None,
    language: str | None,
) -> RawArticle | Rejected:
    source = f"{blob.source}#item{number}"
    title = _clean(entry.get("title"))
    text = _entry_text(entry)
    if not text:
        named = f" ({title})" if title else ""
        reason = f"item {number}{named}: no text (no content or description)"
        return Rejected(source, "read", reason)
    published = _entry_date(entry)
    metadata: dict[str, Any] = {}
    if entry.get("id"):
        metadata["guid"] = entry["id"]
    categories = [tag.get("term") for tag in entry.get("tags") or () if tag.get("term")]
    if categories:
        metadata["categories"] = tuple(categories)
    return RawArticle(
        source=source,
        text=text,
        kind="feed",
        title=title,
        url=_clean(entry.get("link")),
        outlet=outlet,
        author=_entry_author(entry),
        published=published,
        published_from="input" if published is not None else None,
        language=language,
        input_id=_clean(entry.get("id")),
        metadata=MappingProxyType(metadata),
    )


def _entry_text(entry: Mapping[str, Any]) -> str:
    """The longest full content of the item, else its summary, as plain text."""
    candidates: list[str] = []
    for content in entry.get("content") or ():
        candidates.append(_detail_text(content.get("value"), content.get("type")))
    if not any(candidates):
        detail = entry.get("summary_detail") or {}
        candidates.append(_detail_text(entry.get("summary"), detail.get("type")))
    return max(candidates, key=len, default="")


def _detail_text(value: Any, content_type: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        return ""
    if content_type in _HTML_TYPES or "<" in value:
        return html_fragment_to_text(value)
    paragraphs = re.split(r"\n\s*\n", value.replace("\r\n", "\n"))
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _entry_author(entry: Mapping[str, Any]) -> str | None:
    names = [_clean(a.get("name")) for a in entry.get("authors") or () if isinstance(a, Mapping)]
    joined = ", ".join(name for name in names if name)
    return joined or _clean(entry.get("author"))


def _entry_date(entry: Mapping[str, Any]) -> datetime | None:
    """The item's date with its own UTC offset when the raw string has one."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        parsed_tuple = entry.get(f"{key}_parsed")
        if not raw and not parsed_tuple:
            continue
        value = _parse_date(raw) if isinstance(raw, str) else None
        if value is not None and value.tzinfo is not None:
            return value
        if isinstance(parsed_tuple, struct_time):
            return datetime(*parsed_tuple[:6], tzinfo=UTC)
        if value is not None:
            return value
    return None


def _parse_date(raw: str) -> datetime | None:
    """RFC 822 (RSS), then ISO 8601 (Atom), then whatever dateutil can read."""
    raw = raw.strip()
    try:
        return parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        pass
    with warnings.catch_warnings():
        # Unknown zone names parse as naive with a warning; *_parsed covers them.
        warnings.simplefilter("ignore")
        try:
            # Explicit zones: left alone, dateutil maps a name matching the
            # machine's zone ("UTC") to tzlocal(), which depends on the machine.
            return date_parser.parse(raw, tzinfos=_UTC_NAMES)
        except (ValueError, OverflowError):
            return None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _first_line(text: str) -> str:
    return text.strip().split("\n", 1)[0][:200]
