"""WARC reader."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.errors import MalformedRecord
from storyline.ingest.readers.warc import read_warc
from storyline.records import RawArticle, Rejected, SourceBlob

INPUTS = Path(__file__).parent.parent / "fixtures" / "inputs"
PAGE_URL = "https://riverside.example/town-hall"
GONE_URL = "https://riverside.example/gone"


def build_warc(*, compress: bool = True) -> bytes:
    """HTML response, its request, an image response, a 404 HTML response."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)

    def response(uri: str, status: str, content_type: str, body: bytes) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
        )

    response(PAGE_URL, "200 OK", "text/html; charset=utf-8", (INPUTS / "article.html").read_bytes())
    request = StatusAndHeaders(
        "GET /town-hall HTTP/1.1", [("Host", "riverside.example")], is_http_request=True
    )
    writer.write_record(writer.create_warc_record(PAGE_URL, "request", http_headers=request))
    response("https://riverside.example/a.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00")
    response(GONE_URL, "404 Not Found", "text/html", b"<html><body>Not found</body></html>")
    return buffer.getvalue()


def read(data: bytes, source: str = "crawl.warc.gz") -> list[RawArticle | Rejected]:
    return list(read_warc(SourceBlob(source, data)))


def check_page(article: RawArticle | Rejected, source: str = "crawl.warc.gz") -> None:
    assert isinstance(article, RawArticle)
    assert article.source == f"{source}#{PAGE_URL}"
    assert article.kind == "warc"
    assert article.url == PAGE_URL
    assert article.title == "Town hall restored"
    assert article.outlet == "Riverside Post"
    assert article.text.startswith("The town hall reopened on Friday")
    assert "warc_date" in article.metadata and "warc_record_id" in article.metadata


def test_warc_gz_pages_and_rejections() -> None:
    page, gone = read(build_warc())
    check_page(page)
    assert gone == Rejected(f"crawl.warc.gz#{GONE_URL}", "read", "HTTP 404")


def test_uncompressed_and_whole_file_gzip_warc() -> None:
    plain = build_warc(compress=False)
    for data in (plain, gzip.compress(plain)):
        page, gone = read(data, "crawl.warc")
        check_page(page, "crawl.warc")
        assert isinstance(gone, Rejected) and gone.reason == "HTTP 404"


def test_redirect_names_its_target() -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders(
        "301 Moved Permanently",
        [("Content-Type", "text/html"), ("Location", "https://x.test/new")],
        protocol="HTTP/1.1",
    )
    writer.write_record(
        writer.create_warc_record(
            "https://x.test/old", "response", payload=io.BytesIO(b"moved"), http_headers=headers
        )
    )
    [result] = read(buffer.getvalue())
    assert isinstance(result, Rejected)
    assert result.reason == "HTTP 301 (redirect to https://x.test/new)"


def test_page_over_size_cap_is_rejected_alone() -> None:
    results = list(read_warc(SourceBlob("c.warc.gz", build_warc()), max_bytes=200))
    assert [type(r) for r in results] == [Rejected, Rejected]
    assert results[0].reason == "page over 200 bytes"  # type: ignore[union-attr]


@pytest.mark.parametrize("compress", [True, False])
@pytest.mark.parametrize("cut", [50, 200])
def test_truncated_archive_keeps_what_was_read(compress: bool, cut: int) -> None:
    data = build_warc(compress=compress)
    results: list[RawArticle | Rejected] = []
    with pytest.raises(MalformedRecord, match="broken WARC archive after"):
        for result in read_warc(SourceBlob("c.warc", data[:-cut])):
            results.append(result)
    assert isinstance(results[0], RawArticle)


def test_garbage_in_the_middle() -> None:
    data = build_warc()
    results: list[RawArticle | Rejected] = []
    with pytest.raises(MalformedRecord, match="broken WARC archive"):
        results.extend(read_warc(SourceBlob("c.warc.gz", data + b"not a record" * 20)))
    assert len(results) == 2


@pytest.mark.parametrize(
    "data", [b"", b"hello world this is not a warc", gzip.compress(b"<html></html>")]
)
def test_not_a_warc(data: bytes) -> None:
    with pytest.raises(MalformedRecord, match="not a WARC archive"):
        read(data)
