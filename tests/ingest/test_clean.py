from __future__ import annotations

import pytest

from storyline import sample as sample_corpus
from storyline.ingest.clean import Cleaner
from storyline.ingest.readers import read_blob
from storyline.records import RawArticle, SourceBlob

PARAGRAPHS = [
    "The foreign minister will travel to Dunmere on Thursday to press Orlesia to reopen the "
    "border crossing, officials said.",
    "The talks are the first at this level since the crossing was closed last March.",
    "“We are not going there to be polite,” Kovar told reporters. “We are going to get results.”",
    "Analysts said a deal on the grain corridor was the most likely outcome.",
]


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


def test_article_paragraphs_are_kept(cleaner: Cleaner) -> None:
    text = "\n\n".join(PARAGRAPHS)
    cleaned = cleaner.clean(text)
    assert cleaned.text == text
    assert cleaned.removals == ()


def test_glued_dateline_is_cut_and_recorded(cleaner: Cleaner) -> None:
    raw = "KARVAS, Feb 3 (Meridian Wire) — " + "\n\n".join(PARAGRAPHS)
    cleaned = cleaner.clean(raw)
    assert cleaned.text.startswith("The foreign minister")
    (removal,) = [r for r in cleaned.removals if r.kind == "dateline"]
    assert raw[removal.start : removal.end] == removal.text == "KARVAS, Feb 3 (Meridian Wire) — "


@pytest.mark.parametrize(
    "opening",
    ["U.S. — China talks resumed on Monday.", "NATO allies met on Monday — without Turkey."],
)
def test_sentences_that_open_with_capitals_are_not_datelines(
    cleaner: Cleaner, opening: str
) -> None:
    cleaned = cleaner.clean(opening + "\n\n" + "\n\n".join(PARAGRAPHS))
    assert cleaned.text.startswith(opening)


def test_byline_line_is_removed(cleaner: Cleaner) -> None:
    raw = "By Irena Maas, Meridian Wire\n\n" + "\n\n".join(PARAGRAPHS)
    cleaned = cleaner.clean(raw)
    assert not cleaned.text.startswith("By ")
    assert any(r.kind == "byline" for r in cleaned.removals)


def test_removals_point_into_the_raw_text(cleaner: Cleaner) -> None:
    raw = "Share this article\n\nTweet\n\n" + "\n\n".join(PARAGRAPHS) + "\n\nAdvertisement\n"
    cleaned = cleaner.clean(raw)
    for r in cleaned.removals:
        assert raw[r.start : r.end] == r.text
    kept = [p for p in PARAGRAPHS if p in cleaned.text]
    assert kept == PARAGRAPHS


def _sample_raw_articles() -> list[RawArticle]:
    out = []
    for source in sample_corpus.sources():
        with open(source, "rb") as fh:
            blob = SourceBlob(source, fh.read())
        out.extend(a for a in read_blob(blob) if isinstance(a, RawArticle))
    return out


def test_sample_corpus_junk_goes_and_article_text_stays(cleaner: Cleaner) -> None:
    """The sample was written for the project, never trained or tuned on."""
    expected = {a["title"]: a for a in sample_corpus.expected()["articles"]}
    junk_total = junk_removed = 0
    for raw in _sample_raw_articles():
        truth = expected[raw.title]
        junk = [j["text"].strip() for j in truth["junk"]]
        cleaned = cleaner.clean(raw.text, title=raw.title)
        for line in raw.text.split("\n\n"):
            line = line.strip()
            if line and not any(j in line for j in junk):
                assert line in cleaned.text, f"article text dropped: {line!r}"
        for j in junk:
            if j in raw.text:
                junk_total += 1
                junk_removed += j not in cleaned.text
    assert junk_total > 20
    assert junk_removed / junk_total >= 0.6
