"""Plain-text and Markdown reader."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from storyline.errors import EmptyArticle, UnsupportedInput
from storyline.ingest.readers.text import markdown_to_text, read_text
from storyline.records import RawArticle, SourceBlob

INPUTS = Path(__file__).parent.parent / "fixtures" / "inputs"


def read_one(source: str, data: bytes, markdown: bool | None = None) -> RawArticle:
    results = list(read_text(SourceBlob(source, data), markdown=markdown))
    assert len(results) == 1
    article = results[0]
    assert isinstance(article, RawArticle)
    return article


def test_text_file_title_and_paragraphs() -> None:
    path = INPUTS / "story.txt"
    article = read_one(str(path), path.read_bytes())
    assert article.kind == "text"
    assert article.title == "Council approves new flood barrier"
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 3
    # Hard-wrapped lines of one paragraph are joined.
    assert paragraphs[0].startswith(
        "The city council voted on Tuesday to build a flood barrier along the river,"
    )
    assert "\n" not in paragraphs[0]
    assert "Council approves" not in article.text


def test_first_line_ending_in_a_full_stop_is_not_a_title() -> None:
    article = read_one("a.txt", b"The vote was close.\n\nIt passed by one.")
    assert article.title is None
    assert article.text == "The vote was close.\n\nIt passed by one."


def test_single_short_line_is_text_not_title() -> None:
    article = read_one("a.txt", b"Just one line")
    assert article.title is None
    assert article.text == "Just one line"


def test_long_first_line_is_not_a_title() -> None:
    first = "word " * 40
    article = read_one("a.txt", f"{first}\n\nMore text.".encode())
    assert article.title is None


def test_title_directly_followed_by_text() -> None:
    article = read_one("a.txt", b"Mayor resigns\nThe mayor resigned on Monday.")
    assert article.title == "Mayor resigns"
    assert article.text == "The mayor resigned on Monday."


def test_wrapped_sentence_is_not_taken_for_a_title() -> None:
    article = read_one(
        "a.txt", b"The mayor said on Monday that the city\nwould cut bus fares.\n\nMore."
    )
    assert article.title is None
    assert article.text.startswith("The mayor said on Monday that the city would cut bus fares.")


def test_file_without_blank_lines_is_one_paragraph_per_line() -> None:
    article = read_one("a.txt", b"First point.\nSecond point.\nThird point.")
    assert article.text == "First point.\n\nSecond point.\n\nThird point."


def test_crlf_and_declared_charset() -> None:
    data = "Caf\u00e9 reopens\r\n\r\nThe caf\u00e9 is open again.\r\n".encode("latin-1")
    article = read_one("a.txt", data, markdown=False)
    blob = SourceBlob("a.txt", data, charset="iso-8859-1")
    assert list(read_text(blob)) == [article]
    assert article.title == "Café reopens"
    assert article.text == "The café is open again."


def test_empty_file_is_rejected() -> None:
    with pytest.raises(EmptyArticle):
        list(read_text(SourceBlob("a.txt", b"  \n\n \n")))


def test_binary_file_is_rejected() -> None:
    with pytest.raises(UnsupportedInput):
        list(read_text(SourceBlob("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")))


def test_markdown_fixture() -> None:
    path = INPUTS / "story.md"
    article = read_one(str(path), path.read_bytes())
    assert article.title == "Harbour strike enters second week"
    text = article.text
    assert text.startswith(
        "Dock workers at the northern harbour stayed out on Monday, the union said."
        " Talks resume on Thursday."
    )
    assert "**" not in text and "https://" not in text and "picket" not in text
    assert "- a 6% pay rise\n- shorter shifts\n1. safety reviews" in text
    assert '"We are not going back without a deal," a spokesperson said.' in text
    assert "shifts: 12h -> 8h" in text  # code fence kept as text, fences dropped
    assert "```" not in text
    assert text.endswith("Read more in our live_blog and see ref link.")


def test_markdown_setext_heading_and_rules() -> None:
    data = b"Ferry cancelled\n===============\n\nThe ferry is off.\n\n---\n\nMore soon."
    article = read_one("a.md", data)
    assert article.title == "Ferry cancelled"
    assert article.text == "The ferry is off.\n\nMore soon."


def test_markdown_heading_title_may_end_in_punctuation() -> None:
    article = read_one("a.md", b"# Who pays?\n\nNobody knows.")
    assert article.title == "Who pays?"


def test_markdown_front_matter() -> None:
    data = (
        b"---\ntitle: Budget passes\nauthor: Jo Lin\ndate: 2024-03-01T10:00:00Z\n"
        b"section: politics\n---\n\n# Ignored heading title\n\nThe budget passed."
    )
    article = read_one("post.md", data)
    assert article.title == "Budget passes"
    assert article.author == "Jo Lin"
    assert article.published == datetime(2024, 3, 1, 10, tzinfo=UTC)
    assert article.published_from == "input"
    assert dict(article.metadata) == {"section": "politics"}
    assert article.text == "Ignored heading title\n\nThe budget passed."


def test_markdown_by_content_type() -> None:
    blob = SourceBlob("-", b"# Title here\n\nSome *text*.", content_type="text/markdown")
    [article] = list(read_text(blob))
    assert isinstance(article, RawArticle)
    assert article.title == "Title here"
    assert article.text == "Some text."


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("a **b** __c__ *d* _e_ ~~f~~", "a b c d e f"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("[link](http://x.test/a_(b)) and ![img](i.png)", "link and"),
        ("see <https://x.test>", "see https://x.test"),
        ("`*not emphasis*` here", "*not emphasis* here"),
        (r"\*literal stars\*", "*literal stars*"),
        ("## Section ##", "Section"),
        ("> quoted *words*", "quoted words"),
        ("| a | b |\n|---|---|\n| 1 | 2 |", "a | b\n1 | 2"),
        ("text<br/>with <em>html</em>", "textwith html"),
    ],
)
def test_markdown_inline(markdown: str, text: str) -> None:
    assert markdown_to_text(markdown) == text
