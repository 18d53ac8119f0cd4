"""RSS / Atom / RDF reader."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from storyline.errors import EmptyArticle, MalformedRecord
from storyline.ingest.readers.feed import html_fragment_to_text, read_feed
from storyline.records import RawArticle, Rejected, SourceBlob

INPUTS = Path(__file__).parent.parent / "fixtures" / "inputs"


def read(name: str, data: bytes | None = None) -> list[RawArticle | Rejected]:
    if data is None:
        data = (INPUTS / name).read_bytes()
    return list(read_feed(SourceBlob(name, data)))


def test_rss2_with_content_encoded() -> None:
    bridge, market, photo = read("rss2.xml")
    assert isinstance(bridge, RawArticle)
    assert bridge.kind == "feed"
    assert bridge.source == "rss2.xml#item1"
    assert bridge.title == "Bridge closed after crash"
    assert bridge.url == "https://gazette.example/2024/bridge"
    assert bridge.outlet == "Valley Gazette"
    assert bridge.author == "Maria Lopez"
    assert bridge.language == "en-gb"
    # The item's own offset is kept, not converted to UTC.
    assert bridge.published == datetime(2024, 3, 5, 9, 15, tzinfo=timezone(timedelta(hours=2)))
    assert bridge.published is not None and bridge.published.utcoffset() == timedelta(hours=2)
    assert bridge.published_from == "input"
    # content:encoded wins over the description; script dropped; <br> a line break.
    assert bridge.text == (
        "The old bridge was closed on Tuesday morning after a lorry hit a railing.\n\n"
        "Police said nobody was hurt.\nDiversions are in place."
    )
    assert dict(bridge.metadata) == {"guid": "gazette-1001", "categories": ("Traffic", "Local")}

    assert isinstance(market, RawArticle)
    assert market.text == "The weekly market moves to Saturday."  # escaped HTML description
    assert market.published == datetime(2024, 3, 6, 8, tzinfo=UTC)

    assert isinstance(photo, Rejected)
    assert photo.source == "rss2.xml#item3"
    assert photo.reason == "item 3 (Photo of the day): no text (no content or description)"


def test_atom() -> None:
    ferry, lighthouse = read("atom.xml")
    assert isinstance(ferry, RawArticle) and isinstance(lighthouse, RawArticle)
    assert ferry.outlet == "Harbour Times"
    assert ferry.url == "https://harbour.example/ferry"
    assert ferry.author == "Tom Byrne"
    assert ferry.published == datetime(2024, 3, 7, 9, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert (
        ferry.text == "The ferry will leave an hour earlier from Monday.\n\nTickets are unchanged."
    )
    assert ferry.metadata["categories"] == ("Transport",)
    assert ferry.metadata["guid"] == "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a"
    # No <published>: the <updated> date, and "Z" is UTC whatever the machine's zone.
    assert lighthouse.published == datetime(2024, 3, 6, 12, tzinfo=UTC)
    assert lighthouse.published is not None and lighthouse.published.tzinfo == UTC
    assert lighthouse.text == "The lighthouse got a fresh coat of paint."


def test_rdf_feed() -> None:
    data = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://wire.example/"><title>RDF Wire</title>
    <link>https://wire.example/</link><description>d</description></channel>
  <item rdf:about="https://wire.example/1"><title>Snow day</title>
    <link>https://wire.example/1</link><description>Snow closed the roads.</description>
    <dc:date>2024-01-05T07:00:00+01:00</dc:date></item>
</rdf:RDF>"""
    [article] = read("wire.rdf", data)
    assert isinstance(article, RawArticle)
    assert (article.outlet, article.title, article.text) == (
        "RDF Wire",
        "Snow day",
        "Snow closed the roads.",
    )
    assert article.published == datetime(2024, 1, 5, 7, tzinfo=timezone(timedelta(hours=1)))


def test_unknown_zone_name_falls_back_to_utc_from_feedparser() -> None:
    data = (
        b'<rss version="2.0"><channel><title>T</title><item><title>A</title>'
        b"<pubDate>Tue, 05 Mar 2024 09:15:00 XYZ</pubDate><description>Text.</description>"
        b"</item></channel></rss>"
    )
    [article] = read("t.rss", data)
    assert isinstance(article, RawArticle)
    assert article.published is not None and article.published.tzinfo is not None


def test_not_a_feed() -> None:
    with pytest.raises(MalformedRecord, match="not an RSS, Atom or RDF feed"):
        read("not_a_feed.xml")
    with pytest.raises(MalformedRecord):
        read("page.xml", b"<html><body><p>Hello</p></body></html>")
    with pytest.raises(MalformedRecord):
        read("x.rss", b"plain words, no markup at all")


def test_bozo_feed_with_entries_is_read() -> None:
    data = (
        b'<rss version="2.0"><channel><title>T &amp; Co</title><item><title>A &nbsp; B</title>'
        b"<description>Fish &amp; chips & more.</description></item></channel></rss>"
    )
    [article] = read("bozo.rss", data)
    assert isinstance(article, RawArticle)
    assert "chips" in article.text


def test_feed_without_items() -> None:
    with pytest.raises(EmptyArticle):
        read("empty.rss", b'<rss version="2.0"><channel><title>T</title></channel></rss>')


def test_feed_bytes_are_never_opened_as_a_path(tmp_path: Path) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_bytes((INPUTS / "rss2.xml").read_bytes())
    with pytest.raises(MalformedRecord):
        read("x.xml", str(secret).encode())


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<p>One <b>bold</b>\n move.</p><p>Two<br>lines</p>", "One bold move.\n\nTwo\nlines"),
        ("just text", "just text"),
        ("<ul><li>a</li><li>b</li></ul>", "a\n\nb"),
        ("<div>x<style>.a{}</style><!-- c --> y</div>", "x y"),
        ("", ""),
        ("   ", ""),
        ("bad\x00control\x07chars", "badcontrolchars"),
    ],
)
def test_html_fragment_to_text(fragment: str, text: str) -> None:
    assert html_fragment_to_text(fragment) == text
