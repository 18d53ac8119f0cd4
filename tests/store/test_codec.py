"""Records to JSON and back: every extraction record of a real annotated article round-trips,
and a stored value that does not fit its class is refused, never half-read."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime

import numpy as np
import pytest

from storyline.extract.annotate import AnnotatedArticle, default_annotator
from storyline.extract.time import Timex
from storyline.ingest.pipeline import ingest_sources
from storyline.settings import Settings
from storyline.store import Store
from storyline.store.codec import CodecError, decode, encode, fingerprint
from storyline.stories.records import AnalysedArticle, SourceSpan


def test_an_annotated_sample_article_round_trips_through_json(sample, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    with Store.open(settings.db) as store:
        ingest_sources([str(sample / "articles.jsonl")], store, settings)
        articles = [a for s in store.articles() if (a := store.get(s.id))]
    annotated = [default_annotator().annotate(a) for a in articles]
    kinds = {
        f: sum(len(getattr(a, f)) for a in annotated)
        for f in ("timexes", "figures", "quotes", "asks", "entities")
    }
    assert all(kinds.values()), kinds  # every record type is exercised
    for ann in annotated:
        stored = json.loads(json.dumps(encode(ann)))
        assert decode(AnnotatedArticle, stored) == ann
        partial = {k: v for k, v in stored.items() if k != "article"}
        assert decode(AnnotatedArticle, partial, article=ann.article) == ann


def test_times_floats_and_tuples_keep_their_types() -> None:
    @dataclasses.dataclass(frozen=True)
    class Row:
        when: datetime
        share: float
        pair: tuple[int, int]
        note: str | None = None

    row = Row(datetime(2025, 2, 3, 9, 30, tzinfo=UTC), 2.0, (1, 2))
    back = decode(Row, json.loads(json.dumps(encode(row))))
    assert back == row and isinstance(back.share, float) and back.when.tzinfo is not None


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            {
                "text": "May",
                "type": "MONTH",
                "value": "2025-05",
                "mod": None,
                "start": 0,
                "end": 3,
                "resolved": True,
            },
            "MONTH",
        ),
        (
            {
                "text": "May",
                "type": "DATE",
                "value": "2025-05",
                "start": 0,
                "end": 3,
                "resolved": True,
            },
            "mod",
        ),
        (
            {
                "text": "May",
                "type": "DATE",
                "value": "2025-05",
                "mod": None,
                "start": "0",
                "end": 3,
                "resolved": True,
            },
            "start",
        ),
        (
            {
                "text": "May",
                "type": "DATE",
                "value": "2025-05",
                "mod": None,
                "start": 0,
                "end": 3,
                "resolved": 1,
            },
            "resolved",
        ),
    ],
)
def test_a_value_that_does_not_fit_is_refused(data: dict[str, object], reason: str) -> None:
    with pytest.raises(CodecError, match=reason):
        decode(Timex, data)


def test_the_fingerprint_changes_with_the_records_shape() -> None:
    @dataclasses.dataclass(frozen=True)
    class Before:
        span: SourceSpan

    @dataclasses.dataclass(frozen=True)
    class After:
        span: SourceSpan
        note: str

    assert fingerprint(Before) == fingerprint(Before)
    assert fingerprint(Before) != fingerprint(After)
    assert fingerprint(AnnotatedArticle) != fingerprint(Timex)


def test_stored_analyses_are_read_back_only_by_the_same_version(sample, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    with Store.open(settings.db) as store:
        ingest_sources([str(sample / "articles.jsonl")], store, settings)
        article = store.get(store.articles()[0].id)
        assert article is not None
        ann = default_annotator().annotate(article)
        vectors = np.arange(len(ann.sentences) * 4, dtype=np.float32).reshape(-1, 4)
        analysed = AnalysedArticle(ann, ann.sentences, vectors, np.ones(4, dtype=np.float32))
        store.save_analyses([analysed], "v1")
        back = store.analyses([article.id, "no-such-article"], "v1")
        assert store.analyses([article.id], "v2") == {}
    (got,) = back.values()
    assert got.annotated == ann and got.sentences == ann.sentences
    assert np.array_equal(got.sentence_vectors, vectors)
    assert np.array_equal(got.lead_vector, analysed.lead_vector)
