"""The WARC reader: web archives (``.warc``, ``.warc.gz``), one article per HTML page.

Each ``response`` record with an HTML content type goes through the HTML
reader, its source named ``<archive>#<target URI>``. Request, metadata and
non-HTML records are skipped silently: they are not articles. An HTML response
with a status other than 2xx becomes a :class:`~storyline.records.Rejected`
(``HTTP 404``). A broken archive raises :class:`~storyline.errors.MalformedRecord`
after the pages read before the break have been yielded.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyline.errors import InputRejected, MalformedRecord
from storyline.ingest.compression import GZIP_MAGIC
from storyline.ingest.readers.html import parse_html
from storyline.records import RawArticle, Rejected, SourceBlob
from storyline.settings import DEFAULT_MAX_BYTES

__all__ = ["read_warc"]

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_CHUNK = 65536
_HEAD = 4096


def read_warc(
    blob: SourceBlob, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawArticle | Rejected]:
    """Read the HTML pages of a WARC archive, plain or gzip-compressed.

    A page whose decoded payload is over ``max_bytes`` is rejected on its own.

    >>> from warcio.warcwriter import WARCWriter
    >>> from warcio.statusandheaders import StatusAndHeaders
    >>> buffer = io.BytesIO()
    >>> writer = WARCWriter(buffer, gzip=True)
    >>> headers = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")],
    ...                            protocol="HTTP/1.1")
    >>> writer.write_record(writer.create_warc_record(
    ...     "http://x.test/gone", "response", payload=io.BytesIO(b"<p>gone</p>"),
    ...     http_headers=headers))
    >>> [r.reason for r in read_warc(SourceBlob("a.warc.gz", buffer.getvalue()))]
    ['HTTP 404']
    """
    data = blob.data
    if data.startswith(GZIP_MAGIC):
        data = _whole_file_gunzip(data, max_bytes) or data
    if not _warc_head(data).startswith(b"WARC/"):
        raise MalformedRecord("not a WARC archive: it does not start with a WARC/1.x record")
    read = 0
    records = ArchiveIterator(io.BytesIO(data))
    try:
        for record in records:
            read += 1
            result = _record_article(record, blob, max_bytes)
            if result is not None:
                yield result
    except (ArchiveLoadFailed, zlib.error, EOFError, ValueError) as exc:
        # warcio reports truncation and garbage with several exception types.
        raise MalformedRecord(f"broken WARC archive{_after(read)}: {_short(exc)}") from exc
    except _Truncated as exc:
        raise MalformedRecord(f"broken WARC archive{_after(read - 1)}: {exc}") from exc
    # warcio ends quietly on a record whose headers are cut off; what it did not
    # consume is the rest of a broken record.
    end = getattr(records, "offset", len(data))
    if data[end:].strip(b"\r\n\t \x00"):
        raise MalformedRecord(f"broken WARC archive{_after(read)}: incomplete record at byte {end}")


class _Truncated(Exception):
    """A record ends before its declared length: the archive is cut short."""


def _record_article(record: Any, blob: SourceBlob, max_bytes: int) -> RawArticle | Rejected | None:
    """One WARC record as an article, a rejection, or ``None`` when it is not a page."""
    if record.length is None:
        # Content-Length is mandatory; warcio reads a cut-off header block without one.
        raise _Truncated("a record without Content-Length (cut short?)")
    if record.rec_type != "response" or record.http_headers is None:
        _drain(record)
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    mime, charset = _split_content_type(content_type)
    if mime not in _HTML_TYPES:
        _drain(record)
        return None
    target = record.rec_headers.get_header("WARC-Target-URI") or ""
    source = f"{blob.source}#{target}"
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        reason = f"HTTP {status or 'status missing'}"
        location = record.http_headers.get_header("Location")
        if status.startswith("3") and location:
            reason += f" (redirect to {location})"
        _drain(record)
        return Rejected(source, "read", reason)
    payload = record.content_stream().read(max_bytes + 1)
    _drain(record)
    if len(payload) > max_bytes:
        return Rejected(source, "read", f"page over {max_bytes} bytes")
    page = SourceBlob(
        source=source, data=payload, content_type=content_type, charset=charset, url=target or None
    )
    try:
        article = parse_html(page)
    except InputRejected as exc:
        return Rejected(source, exc.stage, exc.reason)
    extra: dict[str, Any] = {}
    for header, key in (("WARC-Date", "warc_date"), ("WARC-Record-ID", "warc_record_id")):
        value = record.rec_headers.get_header(header)
        if value:
            extra[key] = value
    return replace(article, kind="warc", metadata=MappingProxyType({**article.metadata, **extra}))


def _drain(record: Any) -> None:
    """Read the rest of a record; raise :class:`_Truncated` if it ends early.

    warcio stops quietly at the end of the data, so a cut archive would
    otherwise pass for a complete one, its last page silently truncated.
    """
    stream = record.raw_stream
    while stream.read(_CHUNK):
        pass
    missing = getattr(stream, "limit", 0)
    if missing > 0:
        uri = record.rec_headers.get_header("WARC-Target-URI") or record.rec_type
        raise _Truncated(f"record for {uri} is cut short ({missing} bytes missing)")


def _warc_head(data: bytes) -> bytes:
    """The first bytes of the archive, decompressed if it is gzip."""
    if not data.startswith(GZIP_MAGIC):
        return data[:_HEAD]
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:_HEAD], _HEAD)
    except zlib.error as exc:
        raise MalformedRecord(f"broken WARC archive: broken gzip data: {exc}") from exc


def _whole_file_gunzip(data: bytes, max_bytes: int) -> bytes | None:
    """The decompressed archive when the whole file is one gzip member, else ``None``.

    warcio reads only record-by-record gzip (one member per record), the
    standard ``.warc.gz``; a ``gzip crawl.warc`` file is one member for all.
    ``None`` too for a first member over ``max_bytes``: warcio then streams it.
    """
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    chunk = data
    try:
        while not inflater.eof:
            piece = inflater.decompress(chunk, max_bytes + 1 - len(out))
            out += piece
            chunk = inflater.unconsumed_tail
            if len(out) > max_bytes or (not piece and not chunk and not inflater.eof):
                return None
    except zlib.error:
        return None
    return None if inflater.unused_data.strip(b"\x00") else bytes(out)


def _after(read: int) -> str:
    return f" after {read} record{'s' if read != 1 else ''}" if read > 0 else ""


def _split_content_type(value: str) -> tuple[str, str | None]:
    mime, *params = value.split(";")
    charset = None
    for param in params:
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return mime.strip().lower(), charset


def _short(exc: BaseException) -> str:
    text = str(exc).strip().split("\n", 1)[0]
    return text[:120] or type(exc).__name__
