"""The JSON reader: ``.json`` (one object or an array of them), ``.jsonl`` /
``.ndjson`` (one object per line), and their gzip versions.

Fields storyline models: ``id``, ``url``, ``outlet``, ``title``, ``published``
(ISO 8601; timezone-aware when it gives an offset), ``author`` (a string or a
list), and the body as ``text`` or ``html``. An ``html`` body goes through the
HTML reader; the JSON fields win over what the page says. Every other field is
kept in ``metadata``.

One bad record does not spoil the file: a malformed line, a record that is not
an object, a record without text, an invalid date each become a
:class:`~storyline.records.Rejected` naming the line (or array index), and
reading goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any

from dateutil import parser as date_parser

from storyline.errors import InputRejected, MalformedRecord
from storyline.ingest.compression import GZIP_MAGIC, gunzip
from storyline.ingest.decode import decode_bytes
from storyline.ingest.readers.html import parse_html
from storyline.records import PublishedFrom, RawArticle, Rejected, SourceBlob
from storyline.settings import DEFAULT_MAX_BYTES

__all__ = ["read_jsonl"]

_FIELDS = frozenset({"id", "url", "outlet", "title", "published", "author", "text", "html"})
_LINE_SUFFIXES = (".jsonl", ".ndjson")
# Wrappers news APIs put around their article arrays: {"articles": [...]}.
_WRAPPER_KEYS = ("articles", "items", "records", "results", "data")


def read_jsonl(
    blob: SourceBlob, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawArticle | Rejected]:
    """Read JSON or JSON Lines articles, gzip-compressed or not.

    Raises :class:`~storyline.errors.MalformedRecord` when a ``.json`` document
    does not parse at all, and :class:`~storyline.errors.TooLarge` when gzip
    data decompresses past ``max_bytes``.

    >>> data = b'{"id": 7, "title": "Rates rise", "text": "The bank moved.", "desk": "biz"}'
    >>> [(a.input_id, a.title, dict(a.metadata)) for a in read_jsonl(SourceBlob("a.jsonl", data))]
    [('7', 'Rates rise', {'desk': 'biz'})]
    """
    data = blob.data
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data, max_bytes)
    text = decode_bytes(data, blob.charset or "utf-8")
    name = blob.source.lower().removesuffix(".gz")
    if name.endswith(_LINE_SUFFIXES) or _looks_like_lines(text):
        yield from _read_lines(blob, text)
        return
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedRecord(
            f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from exc
    if isinstance(document, dict):
        wrapped = _unwrap(document)
        if wrapped is None:
            yield _record_article(document, blob, blob.source, "record")
            return
        document = wrapped
    if not isinstance(document, list):
        raise MalformedRecord(f"JSON top level is {_json_type(document)}, not an object or array")
    for index, item in enumerate(document):
        yield _record_article(item, blob, f"{blob.source}[{index}]", f"item {index}")


def _looks_like_lines(text: str) -> bool:
    """JSON Lines when the first non-blank line is a whole JSON value and more follow."""
    lines = (line for line in text.split("\n") if line.strip())
    first, second = next(lines, None), next(lines, None)
    if first is None or second is None:
        return False
    try:
        json.loads(first)
    except json.JSONDecodeError:
        return False
    return True


def _read_lines(blob: SourceBlob, text: str) -> Iterator[RawArticle | Rejected]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        source = f"{blob.source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            reason = f"line {number}: malformed JSON: {exc.msg} at column {exc.colno}"
            yield Rejected(source=source, stage="read", reason=reason)
            continue
        yield _record_article(record, blob, source, f"line {number}")


def _unwrap(document: dict[str, Any]) -> list[Any] | None:
    if "text" in document or "html" in document:
        return None
    for key in _WRAPPER_KEYS:
        value = document.get(key)
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            return value
    return None


def _record_article(
    record: Any, blob: SourceBlob, source: str, label: str
) -> RawArticle | Rejected:
    """One JSON value as an article, or the reason it cannot be one."""

    def rejected(reason: str, stage: str = "read") -> Rejected:
        return Rejected(source=source, stage=stage, reason=f"{label}: {reason}")

    if not isinstance(record, dict):
        return rejected(f"not a JSON object but {_json_type(record)}")
    strings: dict[str, str | None] = {}
    for key in ("url", "outlet", "title", "text", "html"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return rejected(f"field {key!r} is {_json_type(value)}, not a string")
        strings[key] = value.strip() if value and value.strip() else None
    published: datetime | None = None
    raw_date = record.get("published")
    if raw_date is not None and raw_date != "":
        published = _parse_published(raw_date)
        if published is None:
            return rejected(f"invalid published date {raw_date!r} (expected ISO 8601)")
    author = _author(record.get("author"))
    input_id = None if record.get("id") is None else str(record["id"])
    metadata = MappingProxyType({k: v for k, v in record.items() if k not in _FIELDS})
    published_from: PublishedFrom | None = "input" if published is not None else None
    url = strings["url"]
    title = strings["title"]
    text = strings["text"]
    outlet = strings["outlet"]
    canonical_url = language = None
    if text is None and strings["html"] is not None:
        page_blob = SourceBlob(
            source=source,
            data=strings["html"].encode("utf-8"),
            content_type="text/html",
            charset="utf-8",
            url=url,
        )
        try:
            page = parse_html(page_blob)
        except InputRejected as exc:
            return rejected(exc.reason, exc.stage)
        text = page.text
        title = title or page.title
        author = author or page.author
        outlet = outlet or page.outlet
        if published is None and page.published is not None:
            published, published_from = page.published, page.published_from
        canonical_url, language = page.canonical_url, page.language
        metadata = MappingProxyType({**page.metadata, **metadata})
    if text is None:
        return rejected("no text: neither a 'text' nor an 'html' field with content")
    return RawArticle(
        source=source,
        text=text.replace("\r\n", "\n"),
        kind="json",
        title=title,
        url=url,
        canonical_url=canonical_url,
        outlet=outlet,
        author=author,
        published=published,
        published_from=published_from,
        language=language,
        input_id=input_id,
        metadata=metadata,
    )


def _parse_published(value: Any) -> datetime | None:
    """ISO 8601 to a datetime: aware when the string has an offset, naive otherwise."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        pass
    try:
        return date_parser.isoparse(value.strip())
    except (ValueError, OverflowError):
        return None


def _author(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        names = [_author(item) for item in value]
        return ", ".join(name for name in names if name) or None
    if isinstance(value, Mapping):
        return _author(value.get("name"))
    return None


def _json_type(value: Any) -> str:
    kinds: tuple[tuple[type, str], ...] = (
        (bool, "a boolean"),
        (dict, "an object"),
        (list, "an array"),
        (str, "a string"),
        (int, "a number"),
        (float, "a number"),
    )
    for kind, name in kinds:
        if isinstance(value, kind):
            return name
    return "null"
