from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import pytest

from storyline.extract.annotate import Annotator, TimexStage, default_annotator, mend_sentences
from storyline.records import Article


def article(text: str, published: datetime | None = None) -> Article:
    return Article(
        id="a",
        source="s",
        kind="text",
        text=text,
        raw_text=text,
        content_hash="h",
        published=published,
    )


def test_stages_fill_their_fields_with_offsets_into_the_clean_text() -> None:
    text = "The crossing reopened on Tuesday, officials said."
    found = default_annotator().annotate(article(text, datetime(2025, 2, 12)))
    (timex,) = found.timexes
    assert text[timex.start : timex.end] == "Tuesday" and timex.value == "2025-02-11"


class _NeedsDoc:
    name = "needs-doc"
    needs = frozenset({"doc"})
    adds = "figures"

    def __call__(self, article: Article, found: Mapping[str, Any]) -> tuple[Any, ...]:
        return (found["doc"],)


class _AddsNothingKnown(TimexStage):
    name = "bad"
    adds = "colour"


def test_order_and_fields_are_checked_when_built() -> None:
    with pytest.raises(ValueError, match="needs \\['doc'\\]"):
        Annotator([_NeedsDoc()], nlp=None)
    with pytest.raises(ValueError, match="unknown field"):
        Annotator([_AddsNothingKnown()])


def test_the_text_is_parsed_once_for_stages_that_need_it() -> None:
    calls: list[str] = []

    def fake_nlp(text: str) -> str:
        calls.append(text)
        return f"doc:{text}"

    found = Annotator([TimexStage(), _NeedsDoc()], nlp=fake_nlp).annotate(article("On Monday."))
    assert calls == ["On Monday."] and found.figures == ("doc:On Monday.",)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Why it matters: The ruling could reach other states.", "The ruling could"),
        ("The big picture: A panel of three judges ruled.", "A panel of three"),
        ('What they\'re saying:\u00a0"We won," she said.', '"We won'),  # a no-break space
        ("But he argued: The ruling is wrong.", "But he argued"),  # introduces speech
        ("John Smith: I think so.", "John Smith"),  # a transcript's speaker
    ],
)
def test_a_section_label_is_not_part_of_the_sentence(text: str, kept: str) -> None:
    (sentence,) = mend_sentences(text, [(0, len(text))])
    assert text[sentence[0] :].startswith(kept)
