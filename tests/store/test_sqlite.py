from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.errors import StoreError
from storyline.records import Article, Rejected, Removal
from storyline.store import Store
from storyline.store.sqlite import connect_sqlite


def make_article(article_id: str = "a1", text: str = "The minister arrived on Monday.") -> Article:
    return Article(
        id=article_id,
        source="in.jsonl",
        kind="json",
        text=text,
        raw_text="Share this\n\n" + text,
        content_hash=f"hash-{article_id}",
        title="Minister arrives",
        outlet="Meridian Wire",
        published=datetime(2025, 2, 3, 9, 15, tzinfo=UTC),
        published_from="input",
        removals=(Removal("share", 0, 10, "Share this"),),
        metadata={"section": "world"},
    )


def test_new_file_is_migrated_in_wal_mode(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.schema_version >= 1
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_newer_schema_is_refused(db_path: Path) -> None:
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(db_path)


def test_round_trip_keeps_every_field(store: Store) -> None:
    article = make_article()
    with store.batch(["in.jsonl"]) as w:
        w.insert(article, b"\x00" * 8, [1, 2])
    got = store.get("a1")
    assert got == article
    assert store.sources_of("a1") == ["in.jsonl"]


def test_failed_batch_leaves_store_as_it_was(store: Store) -> None:
    with store.batch(["first"]) as w:
        w.insert(make_article("keep"), b"", [])
    with pytest.raises(RuntimeError), store.batch(["second"]) as w:
        w.insert(make_article("lost", "Another text entirely here."), b"", [])
        w.reject(Rejected("bad.bin", "read", "binary file"))
        raise RuntimeError("a bug in the middle of a batch")
    assert [a.id for a in store.articles()] == ["keep"]
    assert store.rejections() == []


def test_search_ranks_and_snippets(store: Store) -> None:
    with store.batch(["x"]) as w:
        w.insert(make_article("a", "The grain corridor was extended for ninety days."), b"", [])
        w.insert(make_article("b", "Dockers walked out at the port of Saltreve."), b"", [])
    hits = store.search("grain corridor")
    assert [h.id for h in hits] == ["a"]
    assert "[grain]" in hits[0].snippet
    assert store.search('unbalanced "quote') == []  # invalid FTS5 syntax falls back to words


def test_rejections_are_listed_by_batch(store: Store) -> None:
    with store.batch(["a"]) as w:
        w.reject(Rejected("a", "read", "no such file or directory"))
    with store.batch(["b"]) as w:
        w.reject(Rejected("b", "fetch", "HTTP 404 Not Found"))
    assert [r.source for r in store.rejections()] == ["a", "b"]
    assert [r.source for r in store.rejections(batch_id=store.last_batch_id())] == ["b"]


def test_connect_factory_is_a_seam() -> None:
    store = Store(lambda: connect_sqlite(":memory:"))
    assert store.count() == 0


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(min_size=1, max_size=300).filter(lambda s: s.strip()),
    meta=st.dictionaries(st.text(max_size=10), st.text(max_size=20), max_size=4),
)
def test_round_trip_property(tmp_path: Path, text: str, meta: dict[str, str]) -> None:
    article = Article(
        id="p", source="s", kind="text", text=text, raw_text=text, content_hash="h", metadata=meta
    )
    with Store(lambda: connect_sqlite(":memory:")) as store:
        with store.batch(["s"]) as w:
            w.insert(article, b"sig", [7])
        assert store.get("p") == article
