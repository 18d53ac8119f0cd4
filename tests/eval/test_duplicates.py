"""The near-duplicate evaluation, on a tiny fake data folder (no shared data needed)."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
from pathlib import Path
from typing import Any

import pytest

from storyline.eval import duplicates
from storyline.eval.corpora import CorpusDoc
from storyline.eval.duplicates import (
    RECIPES,
    apply_recipe,
    evaluate_duplicates,
    load_pairs,
    split_of,
    text_sha1,
)

BUDGET = """Council approves budget

The city council approved its budget for next year on Monday evening after a debate that \
lasted more than six hours, with members split over spending on roads and libraries.

The mayor said the plan protected front-line services while keeping the tax rise below \
inflation. Opposition members said the cuts would hit the poorest areas hardest.

A final vote on the housing budget is expected next month, when the council will also \
consider a proposal to sell two unused office buildings in the town centre."""

STORM = """Storm closes coastal roads

Heavy rain and gales closed several coastal roads on Tuesday, and forecasters warned that \
more flooding was likely overnight as a second band of wind moved in from the Atlantic.

Police asked drivers to avoid the area unless their journey was essential. Ferry crossings \
were cancelled and some schools said they would open late on Wednesday.

The coastguard said two people had been rescued from a car caught by rising water."""

BUDGET_AGAIN = BUDGET.replace("Council approves budget", "Budget passes after long debate")


def _write_data(root: Path) -> Path:
    news = root / "news"
    news.mkdir(parents=True)
    with tarfile.open(news / "bbc_greene2006.tar.gz", "w:gz") as tar:
        for name, text in [
            ("bbc/politics/001.txt", BUDGET),
            ("bbc/politics/002.txt", BUDGET_AGAIN),
            ("bbc/politics/003.txt", STORM),
        ]:
            data = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    story = {
        "id": 1,
        "date": "2021-10-01",
        "news": {
            "left": {
                "newsTitle": "Storm hits coast",
                "newsSource": "A",
                "newBody": STORM.split("\n\n")[1:],
            },
            "right": {
                "newsTitle": "Budget row",
                "newsSource": "B",
                "newBody": BUDGET.split("\n\n")[1:],
            },
        },
    }
    with gzip.open(news / "allsides_506_stories.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(story) + "\n")
    return root


def _ref(corpus: str, key: str) -> dict[str, str]:
    return {"corpus": corpus, "key": key}


def _write_labels(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


ROWS: list[dict[str, Any]] = [
    {
        "id": "p1",
        "split": "test",
        "label": True,
        "kind": "bbc_real",
        "a": _ref("bbc", "bbc/politics/001.txt"),
        "b": _ref("bbc", "bbc/politics/002.txt"),
    },
    {
        "id": "p2",
        "split": "test",
        "label": True,
        "kind": "synthetic",
        "a": _ref("bbc", "bbc/politics/003.txt"),
        "b": _ref("bbc", "bbc/politics/003.txt"),
        "recipe": ["headline", "junk", "trim_end"],
        "seed": 7,
        "donor": _ref("bbc", "bbc/politics/001.txt"),
    },
    {
        "id": "n1",
        "split": "test",
        "label": False,
        "kind": "allsides_same_story",
        "a": _ref("allsides", "1:left"),
        "b": _ref("allsides", "1:right"),
    },
    # A wrong label, so that precision is not trivially 1.
    {
        "id": "n2",
        "split": "test",
        "label": False,
        "kind": "bbc_same_topic",
        "a": _ref("bbc", "bbc/politics/002.txt"),
        "b": _ref("bbc", "bbc/politics/001.txt"),
    },
    {
        "id": "t1",
        "split": "tune",
        "label": True,
        "kind": "synthetic",
        "a": _ref("allsides", "1:left"),
        "b": _ref("allsides", "1:left"),
        "recipe": ["diverge"],
        "seed": 1,
        "donor": _ref("allsides", "1:right"),
    },
]


def test_public_api_is_pinned() -> None:
    assert sorted(duplicates.__all__) == sorted(
        [
            "DEFAULT_LABELS",
            "RECIPES",
            "LabelledPair",
            "apply_recipe",
            "evaluate_duplicates",
            "load_pairs",
            "pair_texts",
            "split_of",
            "text_sha1",
        ]
    )


def test_evaluate_on_a_fake_data_folder(tmp_path: Path) -> None:
    data = _write_data(tmp_path / "data")
    labels = _write_labels(tmp_path / "pairs.jsonl", ROWS)
    result = evaluate_duplicates(data, labels, split="test")
    assert result["pairs"] == 4
    assert result["positives"] == 2
    assert result["recall"] == 1.0
    assert result["precision"] == pytest.approx(2 / 3)
    assert result["f1"] == pytest.approx(0.8)
    assert result["threshold"] == 0.5
    assert result["by_kind"]["allsides_same_story:neg"] == 0.0


def test_evaluate_tune_split_and_a_diverged_update(tmp_path: Path) -> None:
    data = _write_data(tmp_path / "data")
    labels = _write_labels(tmp_path / "pairs.jsonl", ROWS)
    result = evaluate_duplicates(data, labels, split="tune")
    assert (result["pairs"], result["positives"], result["recall"]) == (1, 1, 0.0)


def test_missing_documents_are_reported(tmp_path: Path) -> None:
    data = _write_data(tmp_path / "data")
    row = dict(ROWS[0], b=_ref("bbc", "bbc/politics/999.txt"))
    labels = _write_labels(tmp_path / "pairs.jsonl", [row])
    with pytest.raises(KeyError, match="not in"):
        evaluate_duplicates(data, labels)


def test_recipes_are_deterministic_and_edit_the_text() -> None:
    doc = CorpusDoc("bbc", "bbc/politics/001.txt", BUDGET)
    donor = CorpusDoc("bbc", "bbc/politics/003.txt", STORM)
    for name in RECIPES:
        first = apply_recipe(doc, [name], seed=3, donor=donor)
        assert first == apply_recipe(doc, [name], seed=3, donor=donor)
        assert first != BUDGET, name
    assert apply_recipe(doc, ["trim_end"], seed=0) == BUDGET.rsplit("\n\n", 1)[0]


def test_recipe_output_is_pinned() -> None:
    # Labels store only a recipe and a seed, so its output must never drift.
    doc = CorpusDoc("bbc", "k", BUDGET)
    text = apply_recipe(doc, ["headline", "word_edits"], seed=42)
    assert text_sha1(text) == PINNED_RECIPE_SHA1


PINNED_RECIPE_SHA1 = "99ca0584dbfb"


def test_split_and_sha1_are_stable() -> None:
    assert split_of("allsides:5607") == "test"
    assert split_of("bbc:bbc/tech/001.txt") in {"tune", "test"}
    assert text_sha1("abc") == "a9993e364706"


def test_load_pairs_filters_by_split(tmp_path: Path) -> None:
    labels = _write_labels(tmp_path / "pairs.jsonl", ROWS)
    assert [p.id for p in load_pairs(labels, "tune")] == ["t1"]
    assert len(load_pairs(labels)) == len(ROWS)
    synthetic = load_pairs(labels, "test")[1]
    assert synthetic.recipe == ("headline", "junk", "trim_end")
    assert synthetic.donor == ("bbc", "bbc/politics/001.txt")
