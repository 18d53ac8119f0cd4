"""The figures evaluation on a tiny fake AllSides corpus and hand-written labels."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import write_allsides
from storyline.eval import figures as eval_figures
from storyline.eval.figures import (
    GoldFigure,
    about_overlap,
    evaluate_figures,
    match_figures,
    same_value,
)
from storyline.extract.figures import Figure

TEXT = "Congress passed a $1.2 trillion infrastructure bill last year, and 1,800 workers left."
OTHER = "Egypt buys about 70 percent of the country's wheat imports."


def _write_data(root: Path) -> Path:
    return write_allsides(root, 1, "2021-11-06", TEXT, OTHER)


def _figure_row(key: str, text: str, span: str, split: str, **fields: Any) -> dict[str, Any]:
    start = text.index(span)
    sha1 = hashlib.sha1(span.encode("utf-8")).hexdigest()[:12]
    row = {"corpus": "allsides", "key": key, "start": start, "end": start + len(span)}
    return {**row, "sha1": sha1, "approx": None, "when": None, "split": split, **fields}


def _write_labels(path: Path, sha1: str | None = None) -> Path:
    rows = [
        {"corpus": "allsides", "key": "1:left", "document": True, "figures": 2, "split": "test"},
        _figure_row(
            "1:left", TEXT, "$1.2 trillion", "test", value=1.2e12, low=1.2e12, high=1.2e12,
            unit="USD", about="cost of the infrastructure bill", when="2020",
        ),
        _figure_row(
            "1:left", TEXT, "1,800 workers", "test", value=1800, low=1800, high=1800,
            unit="worker", about="number of workers who left",
        ),
        {"corpus": "allsides", "key": "1:right", "document": True, "figures": 1, "split": "tune"},
        _figure_row(
            "1:right", OTHER, "about 70 percent", "tune", value=70, low=70, high=70,
            unit="percent", about="dependence on Russia",
        ),
    ]  # fmt: skip
    if sha1:
        rows[1]["sha1"] = sha1
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_public_api_is_pinned() -> None:
    assert sorted(eval_figures.__all__) == [
        "GoldFigure",
        "about_overlap",
        "about_pairs",
        "evaluate_figures",
        "match_figures",
        "phrase_sha1",
        "same_value",
    ]


def test_evaluate_on_a_fake_corpus(tmp_path: Path) -> None:
    data = _write_data(tmp_path / "data")
    labels = _write_labels(tmp_path / "labels.jsonl")
    result = evaluate_figures(labels, data, split="test")
    assert result["documents"] == 1
    assert (result["gold"], result["predicted"], result["matched"]) == (2, 2, 2)
    assert result["precision"] == result["recall"] == result["f1"] == 1.0
    assert result["value_unit_accuracy"] == 1.0
    assert result["about_agreement"] == 1.0
    # "last year" dates the bill's cost (labelled 2020) and, being the sentence's only
    # date, the workers who left too (labelled with no time): one of two right
    assert (result["when_accuracy"], result["when_recall"]) == (0.5, 1.0)
    everything = evaluate_figures(labels, data, split="all")
    assert (everything["documents"], everything["gold"]) == (2, 3)
    tune = evaluate_figures(labels, data, split="tune")
    assert tune["about_agreement"] == 0.0  # no word in common with the gold phrase


def test_judged_about_counts_only_the_phrases_judged(tmp_path: Path) -> None:
    data = _write_data(tmp_path / "data")
    labels = _write_labels(tmp_path / "labels.jsonl")
    pairs = eval_figures.about_pairs(labels, data, split="all")
    assert len(pairs) == 3 and all(TEXT[p["start"] : p["end"]] == p["figure"] for p in pairs[:2])
    keys = ("corpus", "key", "start", "end", "predicted_sha1")
    verdicts = [
        {**{k: pairs[0][k] for k in keys}, "right": True},
        {**{k: pairs[2][k] for k in keys}, "right": False},
        # a phrase worded differently since it was judged: not counted
        {**{k: pairs[1][k] for k in keys}, "predicted_sha1": "000000000000", "right": True},
    ]
    judged = tmp_path / "about_judgements.jsonl"
    judged.write_text("".join(json.dumps(v) + "\n" for v in verdicts), encoding="utf-8")
    result = evaluate_figures(labels, data, split="all", judgements=judged)
    assert (result["about_judged"], result["about_judged_pairs"]) == (0.5, 2)
    assert "about_judged" not in evaluate_figures(labels, data, split="all")


def test_changed_text_is_an_error(tmp_path: Path) -> None:
    data = _write_data(tmp_path / "data")
    labels = _write_labels(tmp_path / "labels.jsonl", sha1="000000000000")
    with pytest.raises(ValueError, match="sha1"):
        evaluate_figures(labels, data, split="test")


def _fig(start: int, end: int, value: float | None, unit: str) -> Figure:
    return Figure("x", value, value, value, unit, None, None, None, start, end)


def test_matching_is_one_to_one_by_overlap() -> None:
    gold = [
        GoldFigure(0, 5, 1.0, 1.0, 1.0, "USD", None),
        GoldFigure(10, 15, 2.0, 2.0, 2.0, "t", None),
    ]
    pred = [_fig(2, 6, 1.0, "USD"), _fig(3, 4, 1.0, "USD"), _fig(20, 25, 3.0, "t")]
    pairs = match_figures(pred, gold)
    assert [(p.start, g.start) for p, g in pairs] == [(2, 0)]


def test_values_within_one_percent_and_units_equal() -> None:
    gold = GoldFigure(0, 5, 0.3333, 0.3333, 0.3333, "fraction", None)
    assert same_value(_fig(0, 5, 0.333, "fraction"), gold)
    assert not same_value(_fig(0, 5, 0.3333, "percent"), gold)
    assert not same_value(_fig(0, 5, 0.5, "fraction"), gold)
    ranged = GoldFigure(0, 5, None, 200, 999, "ship", None)
    assert same_value(Figure("x", None, 200, 999, "ship", None, None, None, 0, 5), ranged)


def test_about_overlap() -> None:
    assert about_overlap("number of workers", "number of workers on strike") == pytest.approx(0.8)
    assert about_overlap(None, "cost") == 0.0
