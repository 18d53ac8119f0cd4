"""Readers: the bytes of one source in, raw articles and rejections out.

:func:`detect_kind` decides what a :class:`~storyline.records.SourceBlob` is,
:func:`read_blob` runs the matching reader. Every reader yields
:class:`~storyline.records.RawArticle` for each usable item and a
:class:`~storyline.records.Rejected` for each unusable one, then goes on; a
reader raises an :class:`~storyline.errors.InputRejected` only when the whole
input is unusable, and :func:`read_blob` turns that into one ``Rejected``.

========== ================================= ==========================
kind       extensions                        reader
========== ================================= ==========================
text       .txt .text                        :func:`read_text`
markdown   .md .markdown                     :func:`read_text`
html       .html .htm .xhtml                 :func:`parse_html`
json       .json                             :func:`read_jsonl`
jsonl      .jsonl .ndjson                    :func:`read_jsonl`
feed       .rss .atom .rdf .xml              :func:`read_feed`
warc       .warc                             :func:`read_warc`
========== ================================= ==========================

Any of them may end in ``.gz``. Without a known extension the declared
Content-Type decides, then the first bytes.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from storyline.errors import InputRejected, MalformedRecord, TooLarge, UnsupportedInput
from storyline.ingest.compression import GZIP_MAGIC, gunzip
from storyline.ingest.decode import looks_binary
from storyline.ingest.readers.feed import html_fragment_to_text, read_feed
from storyline.ingest.readers.html import parse_html
from storyline.ingest.readers.jsonl import read_jsonl
from storyline.ingest.readers.text import markdown_to_text, read_text
from storyline.ingest.readers.warc import read_warc
from storyline.records import RawArticle, Rejected, SourceBlob
from storyline.settings import DEFAULT_MAX_BYTES

__all__ = [
    "DEFAULT_MAX_BYTES",
    "KINDS",
    "detect_kind",
    "gunzip",
    "html_fragment_to_text",
    "markdown_to_text",
    "parse_html",
    "read_blob",
    "read_feed",
    "read_jsonl",
    "read_text",
    "read_warc",
]

#: Every kind :func:`detect_kind` can answer.
KINDS = ("text", "markdown", "html", "json", "jsonl", "feed", "warc")

_BY_EXTENSION = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".xml": "feed",
    ".warc": "warc",
}
_BY_CONTENT_TYPE = {
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/json": "json",
    "text/json": "json",
    "application/x-ndjson": "jsonl",
    "application/ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/feed+json": "json",
    "application/warc": "warc",
}
_XML_TYPES = frozenset({"application/xml", "text/xml"})
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,10}")
_URL_SCHEMES = frozenset({"http", "https", "file"})
_SNIFF_BYTES = 4096
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
_BOM = b"\xef\xbb\xbf"


def detect_kind(blob: SourceBlob) -> str:
    """What a blob is, one of :data:`KINDS`: by extension, then Content-Type, then bytes.

    Raises :class:`~storyline.errors.UnsupportedInput` for an unknown extension
    or binary bytes that no rule recognises.

    >>> detect_kind(SourceBlob("2024/news.jsonl.gz", b""))
    'jsonl'
    >>> detect_kind(SourceBlob("https://x.test/story", b"<!DOCTYPE html><p>Hi</p>"))
    'html'
    """
    extension = _extension(blob.source) or (_extension(blob.url) if blob.url else None)
    inner = extension.removesuffix(".gz") if extension else None
    if inner and inner in _BY_EXTENSION:
        return _BY_EXTENSION[inner]
    mime = (blob.content_type or "").split(";")[0].strip().lower()
    if mime in _BY_CONTENT_TYPE:
        return _BY_CONTENT_TYPE[mime]
    head = blob.data[:_SNIFF_BYTES]
    if head.startswith(GZIP_MAGIC):
        head = _gzip_head(head)
    kind = _sniff(head)
    if kind is None and mime in _XML_TYPES:
        kind = "feed"
    if kind is not None:
        return kind
    # A web address's path says little (.php, .cms); only a file's extension is a verdict.
    if extension and extension != ".gz" and not _is_url(blob.source):
        raise UnsupportedInput(f"unsupported file type: {extension}")
    if not head.strip() or looks_binary(head):
        raise UnsupportedInput("binary file" if head.strip() else "empty input")
    return "text"


def read_blob(
    blob: SourceBlob, *, max_bytes: int = DEFAULT_MAX_BYTES, kind: str | None = None
) -> Iterator[RawArticle | Rejected]:
    """Read any supported input: articles and rejections, never an exception for bad input.

    ``kind`` overrides :func:`detect_kind`. Gzip data is decompressed first (WARC
    archives decompress record by record), refusing more than ``max_bytes``.

    >>> [a.text for a in read_blob(SourceBlob("memo.txt", b"Budget\\n\\nThe budget passed."))]
    ['The budget passed.']
    """
    try:
        if len(blob.data) > max_bytes:
            raise TooLarge(f"input of {len(blob.data)} bytes is over {max_bytes} bytes")
        if kind is None:
            kind = detect_kind(blob)
        elif kind not in KINDS:
            raise UnsupportedInput(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
        if kind != "warc" and blob.data.startswith(GZIP_MAGIC):
            blob = replace(blob, data=gunzip(blob.data, max_bytes))
        yield from _dispatch(blob, kind, max_bytes)
    except InputRejected as exc:
        yield Rejected(source=blob.source, stage=exc.stage, reason=exc.reason)


def _dispatch(blob: SourceBlob, kind: str, max_bytes: int) -> Iterator[RawArticle | Rejected]:
    if kind in {"text", "markdown"}:
        return read_text(blob, markdown=kind == "markdown")
    if kind == "html":
        return iter([parse_html(blob)])
    if kind in {"json", "jsonl"}:
        return read_jsonl(blob, max_bytes=max_bytes)
    if kind == "feed":
        return read_feed(blob)
    return read_warc(blob, max_bytes=max_bytes)


def _is_url(source: str) -> bool:
    return urlsplit(source).scheme.lower() in _URL_SCHEMES


def _extension(source: str) -> str | None:
    """The lower-case extension of a path or URL path, ``.gz`` kept with the one before it."""
    path = urlsplit(source).path if _is_url(source) else source
    suffixes = [s.lower() for s in PurePosixPath(path.replace("\\", "/")).suffixes]
    suffixes = [s for s in suffixes if _EXTENSION.fullmatch(s)]
    if not suffixes:
        return None
    if suffixes[-1] == ".gz" and len(suffixes) > 1:
        return suffixes[-2] + ".gz"
    return suffixes[-1]


def _gzip_head(data: bytes) -> bytes:
    """The first decompressed bytes of gzip data, for sniffing."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, _SNIFF_BYTES)
    except zlib.error as exc:
        raise MalformedRecord(f"broken gzip data: {exc}") from exc


def _sniff(head: bytes) -> str | None:
    """The kind the first bytes show, or ``None``."""
    head = head.removeprefix(_BOM).lstrip()
    if head.startswith(b"WARC/1."):
        return "warc"
    if head.startswith(b"<"):
        feed, page = _FEED_ROOT.search(head), _HTML_ROOT.search(head)
        if feed and (page is None or feed.start() < page.start()):
            return "feed"
        if page:
            return "html"
        return None
    if head.startswith((b"{", b"[")):
        first, _, rest = head.partition(b"\n")
        if first.rstrip().endswith(b"}") and rest.lstrip().startswith(b"{"):
            return "jsonl"
        return "json"
    return None
