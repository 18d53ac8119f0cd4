from __future__ import annotations

import io
import json
import random
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest

from storyline import sample as sample_corpus
from storyline.ingest import pipeline
from storyline.ingest.fetch import make_client
from storyline.ingest.pipeline import Overrides, ingest_sources
from storyline.settings import Settings
from storyline.store import Store

WIRE = (
    "The foreign minister of Estmark will travel to Dunmere on Thursday to press Orlesia to "
    "reopen the Tessel border crossing, free seven detained reporters and extend the grain "
    "corridor, officials said.\n\n"
    "The talks are the first at this level since the crossing was closed last March, cutting "
    "a rail link that carried about 70 percent of the country's wheat imports.\n\n"
    "Analysts said a deal on the corridor was the most likely outcome, while the fate of the "
    "reporters would depend on a court hearing due next week in the capital."
)
OTHER = (
    "Dockworkers at the port of Saltreve walked out on Monday after pay talks collapsed, "
    "leaving dozens of container ships waiting offshore.\n\n"
    "The union is demanding a rise of nine percent; the port operator has offered four. "
    "About 1,800 workers joined the strike, the union said."
)


def jsonl(*rows: dict[str, object]) -> str:
    return "\n".join(json.dumps(r) for r in rows) + "\n"


def test_stores_articles_with_metadata(write, store: Store, settings: Settings) -> None:
    path = write(
        "a.jsonl",
        jsonl(
            {
                "id": "w1",
                "title": "Kovar to press Orlesia",
                "outlet": "Meridian Wire",
                "published": "2025-02-03T09:15:00+01:00",
                "text": WIRE,
                "section": "world",
            },
            {
                "id": "s1",
                "title": "Dockers walk out",
                "outlet": "Saltreve Gazette",
                "published": "2025-02-18T08:00:00+00:00",
                "text": OTHER,
            },
        ),
    )
    report = ingest_sources([str(path)], store, settings)
    assert report.ok
    assert [o.status for o in report.outcomes] == ["stored", "stored"]
    got = store.get("w1")
    assert got is not None
    assert got.outlet == "Meridian Wire"
    assert got.published == datetime(2025, 2, 3, 8, 15, tzinfo=UTC)
    assert got.metadata["section"] == "world"
    assert got.text.startswith("The foreign minister")


def test_reingesting_changes_nothing(write, store: Store, settings: Settings) -> None:
    path = write("a.jsonl", jsonl({"id": "w1", "text": WIRE}, {"text": OTHER}))
    first = ingest_sources([str(path)], store, settings)
    before = (store.stats(), [store.get(o.article_id) for o in first.outcomes])
    again = ingest_sources([str(path)], store, settings)
    assert {o.status for o in again.outcomes} == {"unchanged"}
    after = (store.stats(), [store.get(o.article_id) for o in first.outcomes])
    assert before == after


def test_content_hash_id_is_stable(write, store: Store, settings: Settings, tmp_path: Path) -> None:
    path = write("story.txt", "Dockers walk out\n\n" + OTHER)
    first = ingest_sources([str(path)], store, settings).outcomes[0].article_id
    with Store.open(tmp_path / "other.db") as other:
        second = ingest_sources([str(path)], other, settings).outcomes[0].article_id
    assert first == second and len(first) == 16


def test_exact_duplicate_from_another_source_is_merged(
    write, store: Store, settings: Settings
) -> None:
    a = write("a.txt", "Dockers walk out\n\n" + OTHER)
    b = write("b.jsonl", jsonl({"title": "Dockers walk out", "text": OTHER}))
    report = ingest_sources([str(a), str(b)], store, settings)
    assert [o.status for o in report.outcomes] == ["stored", "merged"]
    assert store.count() == 1
    assert store.sources_of(report.outcomes[0].article_id) == [str(a), f"{b}:1"]


def test_id_clash_keeps_both_texts(write, store: Store, settings: Settings) -> None:
    ingest_sources([str(write("a.jsonl", jsonl({"id": "x", "text": WIRE})))], store, settings)
    report = ingest_sources(
        [str(write("b.jsonl", jsonl({"id": "x", "text": OTHER})))], store, settings
    )
    outcome = report.outcomes[0]
    assert outcome.status == "renamed" and outcome.article_id.startswith("x@")
    assert store.get("x") is not None and store.count() == 2


def test_near_copy_links_to_the_earliest(write, store: Store, settings: Settings) -> None:
    copy_text = "Updated with analyst comment.\n\n" + WIRE.replace("officials said", "aides said")
    later = {"id": "copy", "published": "2025-02-04T10:00:00+00:00", "text": copy_text}
    earlier = {"id": "wire", "published": "2025-02-03T09:00:00+00:00", "text": WIRE}
    # the later copy arrives first: when the original comes in, the link turns round
    ingest_sources([str(write("copy.jsonl", jsonl(later)))], store, settings)
    report = ingest_sources([str(write("wire.jsonl", jsonl(earlier)))], store, settings)
    assert report.outcomes[0].status == "stored"
    copy = store.get("copy")
    wire = store.get("wire")
    assert copy is not None and wire is not None
    assert copy.duplicate_of == "wire" and wire.duplicate_of is None
    assert copy.similarity is not None and copy.similarity >= settings.near_duplicate_threshold
    assert store.copies_of("wire") == ["copy"]


def test_unrelated_articles_are_not_linked(write, store: Store, settings: Settings) -> None:
    report = ingest_sources(
        [str(write("a.jsonl", jsonl({"text": WIRE}, {"text": OTHER})))], store, settings
    )
    assert all(o.duplicate_of is None for o in report.outcomes)


def test_bad_inputs_are_rejected_and_the_run_goes_on(
    write, store: Store, settings: Settings, tmp_path: Path
) -> None:
    good = write("good.txt", "Dockers walk out\n\n" + OTHER)
    binary = write("photo", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    unknown = write("notes.xyz", "hello")
    lines = write("feed.jsonl", jsonl({"text": WIRE}) + "{not json\n")
    empty = write("empty.txt", "Share this\n")
    big = write("big.txt", "word " * 50_000)
    rng = random.Random(1)
    garbled = write(
        "garbled.txt", bytes(rng.choice([*range(0x80, 0x100), 0x20, 0x41]) for _ in range(300))
    )
    small = Settings(db=settings.db, progress=False, max_bytes=100_000)
    report = ingest_sources(
        [
            str(good),
            str(binary),
            str(unknown),
            str(lines),
            str(empty),
            str(big),
            str(garbled),
            str(tmp_path / "missing.txt"),
            str(tmp_path / "nothing-*.txt"),
        ],
        store,
        small,
    )
    reasons = {r.source: r.reason for r in report.rejected}
    assert not report.ok
    assert store.count() == 2  # good.txt and the valid line of feed.jsonl
    assert "binary" in reasons[str(binary)]
    assert "unsupported file type: .xyz" in reasons[str(unknown)]
    assert reasons[f"{lines}:2"].startswith("line 2: malformed JSON")
    assert "after cleaning" in reasons[str(empty)] or "empty" in reasons[str(empty)]
    assert "limit" in reasons[str(big)]
    assert reasons[str(garbled)].startswith("undecodable bytes")
    assert reasons[str(tmp_path / "missing.txt")] == "no such file or directory"
    assert reasons[str(tmp_path / "nothing-*.txt")] == "no file matches this pattern"
    stored = {r.source: r.reason for r in store.rejections()}
    assert stored == reasons
    assert all("\n" not in r for r in reasons.values())


def test_a_bug_rolls_back_the_whole_batch(
    write, store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_sources(
        [str(write("first.jsonl", jsonl({"id": "keep", "text": WIRE})))], store, settings
    )
    calls = {"n": 0}
    real = pipeline.build_article

    def flaky(raw, cleaner):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("bug")
        return real(raw, cleaner)

    monkeypatch.setattr(pipeline, "build_article", flaky)
    path = write(
        "second.jsonl", jsonl({"id": "a", "text": OTHER}, {"id": "b", "text": OTHER + " More."})
    )
    with pytest.raises(RuntimeError):
        ingest_sources([str(path)], store, settings)
    assert [a.id for a in store.articles()] == ["keep"]


def test_overrides_replace_or_fill(write, store: Store, settings: Settings) -> None:
    path = write(
        "a.jsonl",
        jsonl({"id": "has", "outlet": "Wire", "text": WIRE}, {"id": "lacks", "text": OTHER}),
    )
    when = datetime(2025, 2, 3, 9, 0)
    zone = ZoneInfo("Europe/Berlin")
    ingest_sources(
        [str(path)],
        store,
        settings,
        overrides=Overrides(outlet="Post", published=when, tz=zone, fill_only=True),
    )
    has, lacks = store.get("has"), store.get("lacks")
    assert has is not None and lacks is not None
    assert has.outlet == "Wire" and lacks.outlet == "Post"
    assert lacks.published == datetime(2025, 2, 3, 9, 0, tzinfo=zone)
    assert lacks.published_from == "fill"


def test_standard_input(store: Store, settings: Settings) -> None:
    report = ingest_sources(
        ["-"], store, settings, stdin=io.BytesIO(("Dockers walk out\n\n" + OTHER).encode())
    )
    assert report.ok and store.get(report.outcomes[0].article_id) is not None
    assert store.sources_of(report.outcomes[0].article_id) == ["-"]


def test_urls_are_fetched_and_failures_rejected(store: Store, settings: Settings) -> None:
    page = (
        "<html lang='en'><head><title>Dockers walk out</title></head>"
        f"<body><article><p>{OTHER}</p></article></body></html>"
    )

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/story":
            return httpx.Response(200, html=page)
        return httpx.Response(404)

    open_settings = Settings(db=settings.db, progress=False, allow_private=True)
    client = make_client(open_settings, transport=httpx.MockTransport(answer))
    report = ingest_sources(
        ["http://127.0.0.1/story", "http://127.0.0.1/gone"], store, open_settings, client=client
    )
    assert [o.status for o in report.outcomes] == ["stored"]
    assert report.rejected[0].stage == "fetch" and "404" in report.rejected[0].reason
    # without --allow-private the loopback address is refused before any request
    refused = ingest_sources(["http://127.0.0.1/story"], store, settings, client=client)
    assert "refused" in refused.rejected[0].reason


def test_sample_corpus_ingests_cleanly(sample: Path, store: Store, settings: Settings) -> None:
    expected = sample_corpus.expected()
    report = ingest_sources(sample_corpus.sources(), store, settings)
    assert report.rejected == ()
    assert report.count("stored") == len(expected["articles"])
    linked = [o for o in report.outcomes if o.duplicate_of]
    assert len(linked) == len(expected["near_copies"])


def test_publication_date_from_the_text_when_the_input_has_none(
    write, store: Store, settings: Settings
) -> None:
    path = write("wire.txt", "Talks resume\n\nLONDON, March 4, 2025 — " + WIRE)
    report = ingest_sources([str(path)], store, settings)
    article = store.get(report.outcomes[0].article_id)
    assert article is not None
    assert article.published == datetime(2025, 3, 4)
    assert article.published_from == "text"
    assert article.metadata["published_evidence"] == "dateline"


def test_a_dateline_without_a_year_gives_no_date(write, store: Store, settings: Settings) -> None:
    path = write("wire.txt", "Talks resume\n\nLONDON, March 4 — " + WIRE)
    article = store.get(ingest_sources([str(path)], store, settings).outcomes[0].article_id)
    assert article is not None and article.published is None
