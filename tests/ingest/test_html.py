"""The HTML reader: body extraction, page metadata, charsets, empty pages."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from storyline.errors import EmptyArticle
from storyline.ingest.readers import html as html_reader
from storyline.ingest.readers.html import parse_html, sniff_charset
from storyline.records import SourceBlob

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
PAGE_URL = "https://news.example.org/local/harbour-ferry?utm_source=feed"

STORY = (
    "<p>The district library will open on Sundays from next month, after the council found "
    "money in its culture budget to pay two extra staff for the weekend shifts.</p>"
    "<p>Readers had asked for Sunday opening for years, said the head librarian, and a "
    "petition last autumn gathered more than three thousand signatures from local families.</p>"
    "<p>The trial will run until the end of the year, when the council will look at visitor "
    "numbers before deciding whether to keep the library open on Sundays for good.</p>"
)


def read_fixture(name: str, **blob_fields: str) -> SourceBlob:
    return SourceBlob(name, (FIXTURES / name).read_bytes(), **blob_fields)


def page(head: str = "", body: str = STORY, html_attrs: str = "") -> bytes:
    return (
        f"<!DOCTYPE html><html{html_attrs}><head>{head}</head>"
        f"<body><article>{body}</article></body></html>"
    ).encode()


def test_public_api_is_pinned() -> None:
    assert html_reader.__all__ == ["parse_html", "sniff_charset"]


def test_metadata_comes_from_the_page() -> None:
    article = parse_html(read_fixture("harbour_article.html", url=PAGE_URL))

    assert article.kind == "html"
    assert article.source == "harbour_article.html"
    assert article.title == "Harbour ferry returns after winter repairs"
    assert article.author == "Maren Holt"
    assert article.outlet == "The Coastline Courier"
    assert article.language == "en-GB"
    assert article.url == PAGE_URL
    # rel=canonical wins over og:url and is resolved against the page URL.
    assert article.canonical_url == "https://news.example.org/local/2024/03/harbour-ferry-returns"
    assert article.published == datetime(2024, 3, 5, 14, 30, tzinfo=timezone(timedelta(hours=2)))
    assert article.published_from == "page"
    assert article.metadata["description"] == "The Harbour ferry is back in service."


def test_body_is_paragraphs_separated_by_blank_lines() -> None:
    text = parse_html(read_fixture("harbour_article.html")).text

    paragraphs = text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("The small passenger ferry that links the old harbour")
    assert paragraphs[-1].endswith("remain valid until the end of June.")
    assert "“We are relieved to have the crossing back" in text


def test_boilerplate_and_headline_are_left_out() -> None:
    text = parse_html(read_fixture("harbour_article.html")).text

    for junk in (
        "Local desk headlines",  # nav
        "Weather outlook",  # nav
        "Related stories",  # related box
        "Regional grant keeps island links afloat",  # related box
        "All rights reserved",  # footer
        "morning newsletter",  # footer
        "Harbour ferry returns after winter repairs",  # the headline is the title
    ):
        assert junk not in text


def test_og_url_is_the_canonical_without_link_rel() -> None:
    head = '<meta property="og:url" content="https://example.com/story/library-sundays">'
    article = parse_html(SourceBlob("p.html", page(head)))
    assert article.canonical_url == "https://example.com/story/library-sundays"


def test_declared_meta_charset_decodes_windows_1252() -> None:
    data = (FIXTURES / "cafe_windows1252.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")

    article = parse_html(SourceBlob("cafe.html", data))

    assert article.title == "Café on the corner closes"
    assert "The café on the corner of Mill Street" in article.text
    assert "“It was never about the money,” said Renée Dubois" in article.text
    assert "everybody’s name" in article.text


def test_transport_charset_wins_over_meta() -> None:
    data = (FIXTURES / "cafe_windows1252.html").read_bytes().replace(b"windows-1252", b"utf-8")
    article = parse_html(SourceBlob("cafe.html", data, charset="cp1252"))
    assert "Renée Dubois" in article.text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'<head><meta charset="ISO-8859-15"></head>', "iso-8859-15"),
        (b"<meta http-equiv='content-type' content='text/html;charset=Shift_JIS'>", "shift_jis"),
        (b"<head><title>no declaration</title></head>", None),
        (b" " * 5000 + b'<meta charset="koi8-r">', None),  # past the first 4 KB
    ],
)
def test_sniff_charset(data: bytes, expected: str | None) -> None:
    assert sniff_charset(data) == expected


def test_date_without_offset_stays_naive() -> None:
    head = '<meta property="article:published_time" content="2023-11-02">'
    article = parse_html(SourceBlob("p.html", page(head)))
    assert article.published == datetime(2023, 11, 2)
    assert article.published is not None and article.published.tzinfo is None
    assert article.published_from == "page"


def test_no_date_no_published_from() -> None:
    article = parse_html(SourceBlob("p.html", page("<title>Library to open on Sundays</title>")))
    assert article.published is None
    assert article.published_from is None


def test_language_from_html_lang_attribute() -> None:
    article = parse_html(SourceBlob("p.html", page(html_attrs=' lang="de_AT"')))
    assert article.language == "de-AT"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"<html><head><title>Nothing here</title></head><body></body></html>",
        b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        b"<footer>Copyright 2024</footer></body></html>",
    ],
)
def test_page_without_article_text_is_rejected(data: bytes) -> None:
    with pytest.raises(EmptyArticle) as raised:
        parse_html(SourceBlob("empty.html", data))
    assert raised.value.reason == "no article text found in the page"
    assert raised.value.stage == "clean"
