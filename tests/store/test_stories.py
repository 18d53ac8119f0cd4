"""Stories in the store: states and assignments survive reopening; earlier assignments are kept."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from storyline.ingest.pipeline import ingest_sources
from storyline.settings import Settings
from storyline.store import Store
from storyline.stories.cluster import Assignment, StoryState


def test_story_states_and_assignments_round_trip(
    store: Store,
    settings: Settings,
    db_path: Path,
    write,  # type: ignore[no-untyped-def]
) -> None:
    report = ingest_sources(
        [str(write("a.txt", "Port strike\n\nDockworkers walked out at Saltreve on Monday."))],
        store,
        settings,
    )
    (aid,) = [o.article_id for o in report.outcomes]
    when = datetime(2025, 2, 3, 9, 15, tzinfo=UTC)
    state = StoryState("st-1", np.arange(384, dtype=np.float32), 1, {7: 0.5, 3: 0.25}, when, when)
    store.save_stories([state], [Assignment(aid, "st-1", 1.0, True)])
    store.close()
    with Store.open(db_path) as again:
        (loaded,) = again.story_states()
        assert loaded.id == "st-1" and loaded.count == 1
        assert np.array_equal(loaded.vector_sum, state.vector_sum)
        assert loaded.keywords == {3: 0.25, 7: 0.5} and loaded.first_seen == when
        assert again.story_of([aid, "missing"]) == {aid: "st-1"}
        assert again.story_members("st-1") == [aid] and again.story_ids() == ["st-1"]
        # A later save updates the state but never moves an article already assigned.
        state.count = 2
        again.save_stories([state], [Assignment(aid, "st-other", 0.5, False)])
        assert again.story_of([aid]) == {aid: "st-1"}
        assert again.story_states()[0].count == 2


def test_only_stories_still_in_the_window_are_read(store: Store) -> None:
    old = datetime(2025, 1, 1, 12, tzinfo=UTC)
    recent = datetime.fromisoformat("2025-02-20T09:00:00+01:00")
    vec = np.ones(384, dtype=np.float32)
    store.save_stories(
        [
            StoryState("st-old", vec, 1, {}, old, old),
            StoryState("st-recent", vec, 1, {}, recent, recent),
            StoryState("st-undated", vec, 1, {}, None, None),
        ],
        [],
    )
    since = datetime(2025, 2, 20, 8, 0, tzinfo=UTC)  # the recent story's own minute, in UTC
    assert [s.id for s in store.story_states(active_since=since)] == ["st-recent", "st-undated"]
    assert len(store.story_states()) == 3
