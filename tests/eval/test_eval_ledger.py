"""The ledger evaluation on a tiny invented story with hand-written labels."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from storyline.cli import main
from storyline.eval.ledger import LabelledDemand, LabelledStory, evaluate_ledger, score_story
from storyline.extract.annotate import Annotator, default_annotator
from storyline.extract.asks import Ask
from storyline.extract.asks_parties import Party
from storyline.stories.ledger import ArticleAsks, build_ledger

FIRST = (
    "PORTVILLE, March 1 (Harbour Wire) — The Dockers' Union urged the Portville Port "
    "Authority on Saturday to reopen the north gate.\n\nThe authority closed the gate in "
    "January after a crane collapsed. It said it was studying the request."
)
SECOND = (
    "PORTVILLE, March 9 (Harbour Wire) — The Portville Port Authority reopened the north "
    "gate on Friday, a week after the Dockers' Union asked for it.\n\nThe authority has yet "
    "to publish its report on the crane collapse."
)


def _article(article_id: str, day: int, text: str) -> dict[str, Any]:
    return {
        "id": article_id,
        "url": f"https://wire.example/{article_id}",
        "outlet": "Harbour Wire",
        "title": "The north gate",
        "published": f"2025-03-{day:02d}T09:00:00+00:00",
        "author": "A. Writer",
        "text": text,
        "fictional": True,
    }


def _write_story(root: Path, split: str = "tune") -> Path:
    folder = root / "harbour"
    folder.mkdir(parents=True)
    rows = [_article("hw-1", 1, FIRST), _article("hw-2", 9, SECOND)]
    (folder / "articles.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    expected = {
        "story": "harbour",
        "split": split,
        "demands": [
            {
                "actor": "Dockers' Union",
                "actor_aliases": ["the union"],
                "target": "Portville Port Authority",
                "target_aliases": ["the authority"],
                "content": "reopen the north gate",
                "article_id": "hw-1",
                "status": "met",
                "answers": [
                    {
                        "kind": "action",
                        "article_id": "hw-2",
                        "text": "The Portville Port Authority reopened the north gate on Friday",
                    }
                ],
                "restated": [],
            }
        ],
        "not_done": [
            {
                "article_id": "hw-2",
                "text": "The authority has yet to publish its report on the crane collapse",
            }
        ],
    }
    (folder / "expected.json").write_text(json.dumps(expected))
    return root


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return default_annotator()


def test_a_story_scored_as_one_ledger_against_the_cleaned_text(
    tmp_path: Path, annotator: Annotator
) -> None:
    root = _write_story(tmp_path)
    result = evaluate_ledger(root, split="all", annotator=annotator, use_encoder=False)
    story = result["stories"]["harbour"]
    assert story["split"] == "tune"
    # the datelines are cleaned away, yet every labelled passage is found
    assert story["counts"]["missing_passages"] == 0
    for key in ("demand_recall", "demand_precision", "actor_accuracy", "target_accuracy"):
        assert story[key] == 1.0
    assert story["answer_recall"] == 1.0 and story["status_accuracy"] == 1.0
    assert story["not_done_counted"] == 0
    assert result["overall"]["demand_recall"] == 1.0


def test_splits_json_chooses_the_stories(tmp_path: Path, annotator: Annotator) -> None:
    root = _write_story(tmp_path, split="tune")
    (root / "splits.json").write_text(json.dumps({"harbour": "test"}))
    assert evaluate_ledger(root, split="tune", annotator=annotator)["stories"] == {}
    only = evaluate_ledger(root, split="test", annotator=annotator, use_encoder=False)
    assert list(only["stories"]) == ["harbour"]


def _ask(kind: str, text: str, part: str, actor: str | None, certainty: str = "reported") -> Ask:
    start = text.index(part)
    end = start + len(part)
    party = Party(actor, None, None, start, start) if actor else None
    return Ask(
        kind,  # type: ignore[arg-type]
        party,
        None,
        part.lower(),
        start,
        end,
        "cue",
        start,
        start,
        0,
        len(text),
        None,
        None,
        None,
        "positive",
        certainty,  # type: ignore[arg-type]
        start,
        end,
    )


def test_a_duplicate_demand_is_false_and_a_claimed_deed_counted_as_done_is_reported() -> None:
    first = "The union urged the firm to raise pay."
    later = "The firm said it had raised pay, and the union renewed its call to raise pay."
    items = [
        ArticleAsks(
            "a1",
            datetime(2025, 3, 1, tzinfo=UTC),
            first,
            (_ask("demand", first, "raise pay", "union"),),
        ),
        ArticleAsks(
            "a2",
            datetime(2025, 3, 5, tzinfo=UTC),
            later,
            (
                _ask("action", later, "raised pay", "firm"),
                _ask("demand", later, "call to raise pay", "the workers"),
            ),
        ),
    ]
    story = LabelledStory(
        "pay",
        "tune",
        (),
        (
            LabelledDemand(
                frozenset({"union"}),
                frozenset({"firm"}),
                (("a1", first.index("raise pay"), len(first) - 1),),
                (),
                "open",
            ),
        ),
        (("a2", later.index("had raised"), later.index(",")),),
        0,
    )
    ledger = build_ledger(items)
    counts = score_story(story, ledger)
    assert counts["matched"] == 1 and counts["actor_right"] == 1 and counts["target_right"] == 0
    assert counts["entries"] == 2  # the renewed call, by another actor, is a second entry
    assert counts["not_done_counted"] == 1  # the firm's own claim was taken as done
    assert counts["status_right"] == 0


def test_the_command_prints_one_json_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _write_story(tmp_path, split="test")
    assert main(["eval", "ledger", str(root), "--split", "tune", "--no-encoder"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["split"] == "tune" and result["stories"] == {}
    assert result["overall"]["demand_recall"] is None
