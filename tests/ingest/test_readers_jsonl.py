"""JSON and JSON Lines reader."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from storyline.errors import MalformedRecord, TooLarge
from storyline.ingest.compression import gunzip
from storyline.ingest.readers.jsonl import read_jsonl
from storyline.records import RawArticle, Rejected, SourceBlob

INPUTS = Path(__file__).parent.parent / "fixtures" / "inputs"


def read(name: str, data: bytes | None = None) -> list[RawArticle | Rejected]:
    if data is None:
        data = (INPUTS / name).read_bytes()
    return list(read_jsonl(SourceBlob(name, data)))


def test_jsonl_fixture_articles_and_rejections() -> None:
    results = read("articles.jsonl")
    by_source = {r.source: r for r in results}
    assert sorted(by_source) == [f"articles.jsonl:{n}" for n in (1, 2, 3, 5, 6, 7, 8)]

    first = by_source["articles.jsonl:1"]
    assert isinstance(first, RawArticle)
    assert first.kind == "json"
    assert first.input_id == "1"
    assert first.title == "Storm hits coast"
    assert first.url == "https://wire.example/1"
    assert first.outlet == "Wire"
    assert first.author == "K. Lee"
    assert first.published == datetime(2024, 1, 10, 6, tzinfo=UTC)
    assert first.published_from == "input"
    assert first.text == "A storm hit the coast overnight.\n\nThousands lost power."
    assert dict(first.metadata) == {"lang_hint": "en", "score": 0.9}


def test_malformed_line_is_rejected_and_reading_goes_on() -> None:
    results = read("articles.jsonl")
    bad = next(r for r in results if r.source == "articles.jsonl:2")
    assert isinstance(bad, Rejected)
    assert bad.stage == "read"
    assert bad.reason.startswith("line 2: malformed JSON: ")
    assert "\n" not in bad.reason
    assert sum(isinstance(r, RawArticle) for r in results) == 3


def test_invalid_date_is_rejected_with_reason() -> None:
    bad = next(r for r in read("articles.jsonl") if r.source == "articles.jsonl:3")
    assert isinstance(bad, Rejected)
    assert "line 3" in bad.reason and "'last Tuesday'" in bad.reason


def test_missing_text_and_non_object_are_rejected() -> None:
    results = {r.source: r for r in read("articles.jsonl")}
    missing, array = results["articles.jsonl:5"], results["articles.jsonl:6"]
    assert isinstance(missing, Rejected) and missing.reason.startswith("line 5: no text")
    assert isinstance(array, Rejected) and array.reason == "line 6: not a JSON object but an array"


def test_naive_date_stays_naive() -> None:
    article = next(r for r in read("articles.jsonl") if r.source == "articles.jsonl:8")
    assert isinstance(article, RawArticle)
    assert article.published == datetime(2024, 2, 1, 9)
    assert article.published is not None and article.published.tzinfo is None


def test_html_field_goes_through_the_html_reader_and_json_wins() -> None:
    article = next(r for r in read("articles.jsonl") if r.source == "articles.jsonl:7")
    assert isinstance(article, RawArticle)
    assert article.kind == "json"
    assert article.text.startswith("The town hall reopened on Friday")
    assert "Copyright" not in article.text
    assert article.title == "Town hall reopens (wire title)"  # JSON title wins
    assert article.author == "Lena Park"  # page fills what JSON lacks
    assert article.outlet == "Riverside Post"
    assert article.canonical_url == "https://riverside.example/town-hall"
    assert article.language == "en"
    assert article.metadata["desk"] == "culture"


def test_html_field_without_article_text_is_rejected() -> None:
    line = json.dumps({"id": 1, "html": "<html><body></body></html>"})
    [result] = read("x.jsonl", (line + "\n" + line).encode())[:1]
    assert isinstance(result, Rejected)
    assert result.source == "x.jsonl:1"
    assert result.reason.startswith("line 1: ")


def test_json_array_fixture() -> None:
    results = read("articles.json")
    assert [r.source for r in results] == [f"articles.json[{i}]" for i in range(4)]
    first, second, text, missing = results
    assert isinstance(first, RawArticle) and isinstance(second, RawArticle)
    assert first.input_id == "101"
    assert first.author == "J. Doe, R. Roe"
    assert first.published == datetime(2024, 3, 5, 14, 30, tzinfo=timezone(timedelta(hours=1)))
    assert dict(first.metadata) == {"section": "transport", "tags": ["rail", "repairs"]}
    assert second.published == datetime(2024, 3, 6)
    assert isinstance(text, Rejected) and text.reason == "item 2: not a JSON object but a string"
    assert isinstance(missing, Rejected) and missing.reason.startswith("item 3: no text")


def test_single_json_object() -> None:
    [article] = read("single.json")
    assert isinstance(article, RawArticle)
    assert article.source == "single.json"
    assert article.input_id == "9"
    assert dict(article.metadata) == {"wire": "AP"}


def test_wrapped_article_array() -> None:
    data = json.dumps({"status": "ok", "articles": [{"title": "A", "text": "Body."}]})
    [article] = read("api.json", data.encode())
    assert isinstance(article, RawArticle) and article.title == "A"


def test_malformed_json_document_is_unusable() -> None:
    with pytest.raises(MalformedRecord, match="malformed JSON"):
        read("broken.json", b'{\n  "title": "x",\n  "text": \n}')


def test_json_top_level_scalar_is_unusable() -> None:
    with pytest.raises(MalformedRecord, match="not an object or array"):
        read("n.json", b"42")


def test_jsonl_without_extension_is_recognised_by_its_lines() -> None:
    data = b'{"text": "one"}\n{"text": "two"}\n'
    assert [r.source for r in read("-", data)] == ["-:1", "-:2"]


def test_gzip_jsonl() -> None:
    data = gzip.compress((INPUTS / "articles.jsonl").read_bytes())
    results = read("articles.jsonl.gz", data)
    assert results == read("articles.jsonl.gz", (INPUTS / "articles.jsonl").read_bytes())
    assert sum(isinstance(r, RawArticle) for r in results) == 3


def test_gzip_size_cap() -> None:
    bomb = gzip.compress(b'{"text": "' + b"a" * 100_000 + b'"}\n')
    assert len(bomb) < 1_000
    with pytest.raises(TooLarge):
        list(read_jsonl(SourceBlob("x.jsonl.gz", bomb), max_bytes=10_000))


def test_field_of_wrong_type_is_rejected() -> None:
    [result] = read("x.json", b'{"title": ["a"], "text": "t"}')
    assert isinstance(result, Rejected)
    assert result.reason == "record: field 'title' is an array, not a string"


def test_gunzip_multi_member_and_broken() -> None:
    assert gunzip(gzip.compress(b"ab") + gzip.compress(b"cd"), 10) == b"abcd"
    with pytest.raises(MalformedRecord, match="truncated"):
        gunzip(gzip.compress(b"hello world" * 10)[:-12], 1000)
    with pytest.raises(MalformedRecord, match="broken gzip"):
        gunzip(b"\x1f\x8b\x08\x00garbagegarbage", 1000)
    with pytest.raises(TooLarge):
        gunzip(gzip.compress(b"x" * 11), 10)
    assert gunzip(gzip.compress(b"x" * 10), 10) == b"x" * 10
