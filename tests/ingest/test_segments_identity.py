from __future__ import annotations

from storyline.ingest.identify import content_hash, derive_id
from storyline.ingest.segments import is_flattened, split_segments


def test_lines_are_segments() -> None:
    text = "Title\n\n  First paragraph.  \nSecond line\n"
    segs = split_segments(text)
    assert [s.text for s in segs] == ["Title", "First paragraph.", "Second line"]
    assert all(text[s.start : s.end] == s.text for s in segs)


def test_flattened_text_is_split_into_sentences_past_abbreviations() -> None:
    text = ("Gov. Smith spoke on Monday. " * 10) + "The U.S. plan failed. Share this story"
    assert is_flattened(text + " " * 500)
    segs = split_segments(text + " " * 500)
    assert segs[0].text == "Gov. Smith spoke on Monday."
    assert [s.text for s in segs[-2:]] == ["The U.S. plan failed.", "Share this story"]


def test_identity() -> None:
    assert content_hash("a  b\n") == content_hash("a b")
    assert derive_id("  w-1 ", "f" * 64) == "w-1"
    assert derive_id(None, "0123456789abcdef" * 4) == "0123456789abcdef"
