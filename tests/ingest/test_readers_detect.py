"""Kind detection and the read_blob dispatcher."""

from __future__ import annotations

import gzip
import io
from dataclasses import fields
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.errors import MalformedRecord, UnsupportedInput
from storyline.ingest import readers
from storyline.ingest.readers import DEFAULT_MAX_BYTES, KINDS, detect_kind, read_blob
from storyline.records import RawArticle, Rejected, SourceBlob
from storyline.settings import Settings

INPUTS = Path(__file__).parent.parent / "fixtures" / "inputs"


def kind(source: str, data: bytes = b"", content_type: str | None = None) -> str:
    return detect_kind(SourceBlob(source, data, content_type=content_type))


def test_exported_members() -> None:
    assert readers.__all__ == [
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
    assert KINDS == ("text", "markdown", "html", "json", "jsonl", "feed", "warc")


def test_default_cap_matches_settings() -> None:
    default = next(f.default for f in fields(Settings) if f.name == "max_bytes")
    assert default == DEFAULT_MAX_BYTES


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("notes.txt", "text"),
        ("README.MD", "markdown"),
        ("page.htm", "html"),
        ("/data/a.b/page.html", "html"),
        ("dump.json", "json"),
        ("dump.jsonl", "jsonl"),
        ("dump.ndjson", "jsonl"),
        ("dump.jsonl.gz", "jsonl"),
        ("dump.json.gz", "json"),
        ("news.rss", "feed"),
        ("news.atom", "feed"),
        ("news.xml", "feed"),
        ("crawl.warc", "warc"),
        ("crawl.warc.gz", "warc"),
        ("https://x.test/feeds/news.xml?page=2#top", "feed"),
        ("https://x.test/2024/story.html", "html"),
    ],
)
def test_by_extension(source: str, expected: str) -> None:
    assert kind(source) == expected


@pytest.mark.parametrize(
    ("content_type", "expected"),
    [
        ("text/html; charset=utf-8", "html"),
        ("application/rss+xml", "feed"),
        ("application/atom+xml", "feed"),
        ("application/json", "json"),
        ("application/x-ndjson", "jsonl"),
        ("text/plain", "text"),
        ("text/markdown", "markdown"),
        ("application/warc", "warc"),
    ],
)
def test_by_content_type(content_type: str, expected: str) -> None:
    assert kind("https://x.test/story", b"", content_type) == expected


def test_extension_wins_over_content_type() -> None:
    assert kind("a.json", b"{}", "text/html") == "json"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
        (b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', "feed"),
        (b"  <!DOCTYPE html><html><head>", "html"),
        (b"<html lang='en'><body>", "html"),
        (b'{"title": "a"}', "json"),
        (b'[{"title": "a"}]', "json"),
        (b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        (b"Just some words.\n\nMore words.", "text"),
    ],
)
def test_by_sniffing(data: bytes, expected: str) -> None:
    assert kind("-", data) == expected
    assert kind("https://x.test/article.php", data, "application/octet-stream") == expected


def test_xml_content_type_without_feed_root_is_a_feed_to_try() -> None:
    assert kind("https://x.test/export", b"<inventory/>", "application/xml") == "feed"


def test_sniffing_inside_gzip() -> None:
    assert kind("upload.gz", gzip.compress(b"<rss version='2.0'>")) == "feed"
    assert kind("-", gzip.compress(b'{"text": "a"}')) == "json"
    assert kind("-", gzip.compress(b"WARC/1.0\r\n")) == "warc"


def test_unsupported_extension() -> None:
    with pytest.raises(UnsupportedInput, match=r"unsupported file type: \.xyz"):
        kind("thing.xyz", b"some text")
    with pytest.raises(UnsupportedInput, match=r"unsupported file type: \.pdf"):
        kind("paper.pdf", b"%PDF-1.7\n")


def test_binary_file() -> None:
    with pytest.raises(UnsupportedInput, match="binary file"):
        kind("-", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    with pytest.raises(UnsupportedInput, match="binary file"):
        kind("https://x.test/img", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "image/jpeg")


def test_broken_gzip_when_sniffing() -> None:
    with pytest.raises(MalformedRecord, match="broken gzip"):
        kind("-", b"\x1f\x8b\x08\x00" + b"\xff" * 20)


# read_blob


def test_read_blob_dispatches_every_fixture() -> None:
    expected = {
        "story.txt": ["text"],
        "story.md": ["text"],
        "article.html": ["html"],
        "single.json": ["json"],
        "atom.xml": ["feed", "feed"],
    }
    for name, kinds in expected.items():
        path = INPUTS / name
        results = list(read_blob(SourceBlob(name, path.read_bytes())))
        assert [r.kind for r in results if isinstance(r, RawArticle)] == kinds, name


def test_read_blob_turns_whole_input_errors_into_one_rejection() -> None:
    assert list(read_blob(SourceBlob("thing.xyz", b"x"))) == [
        Rejected("thing.xyz", "read", "unsupported file type: .xyz")
    ]
    [rejected] = read_blob(SourceBlob("n.xml", (INPUTS / "not_a_feed.xml").read_bytes()))
    assert isinstance(rejected, Rejected) and rejected.reason.startswith("not an RSS")
    [empty] = read_blob(SourceBlob("e.txt", b"\n\n"))
    assert empty == Rejected("e.txt", "clean", "no text in the file")
    [binary] = read_blob(SourceBlob("b.txt", b"\x00\x01\x02\x03binary"))
    assert isinstance(binary, Rejected) and binary.stage == "read"


def test_read_blob_keeps_items_read_before_a_break() -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://riverside.example/town-hall",
            "response",
            payload=io.BytesIO((INPUTS / "article.html").read_bytes()),
            http_headers=headers,
        )
    )
    data = buffer.getvalue() + b"WARC/1.0\r\nWARC-Type: resp"
    results = list(read_blob(SourceBlob("c.warc.gz", data)))
    assert [type(r) for r in results] == [RawArticle, Rejected]
    assert results[1].source == "c.warc.gz"
    assert results[1].reason.startswith("broken WARC archive after 1 record")  # type: ignore[union-attr]


def test_read_blob_gzip_cap() -> None:
    bomb = gzip.compress(b"a" * 1_000_000)
    [rejected] = read_blob(SourceBlob("big.txt.gz", bomb), max_bytes=100_000)
    assert rejected == Rejected("big.txt.gz", "read", "gzip data decompresses to over 100000 bytes")
    [ok] = read_blob(SourceBlob("big.txt.gz", bomb), max_bytes=2_000_000)
    assert isinstance(ok, RawArticle) and len(ok.text) == 1_000_000


def test_read_blob_raw_size_cap() -> None:
    [rejected] = read_blob(SourceBlob("a.txt", b"x" * 101), max_bytes=100)
    assert isinstance(rejected, Rejected) and "over 100 bytes" in rejected.reason


def test_read_blob_gzipped_feed_and_kind_override() -> None:
    data = gzip.compress((INPUTS / "rss2.xml").read_bytes())
    results = list(read_blob(SourceBlob("rss2.xml.gz", data)))
    assert [type(r) for r in results] == [RawArticle, RawArticle, Rejected]
    forced = list(read_blob(SourceBlob("-", b"# Title\n\nBody *here*."), kind="markdown"))
    assert [(a.title, a.text) for a in forced if isinstance(a, RawArticle)] == [
        ("Title", "Body here.")
    ]
    [bad] = read_blob(SourceBlob("-", b"x"), kind="pdf")
    assert isinstance(bad, Rejected) and "unknown kind 'pdf'" in bad.reason
