"""The asks evaluation on a tiny fake AllSides corpus and hand-written labels."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import write_allsides
from storyline.cli import main
from storyline.eval.asks import GoldAsk, PredictedAsk, agreement, evaluate_asks, score_asks

TEXT = (
    "Foreign Minister Adela Kovar urged Orlesia to reopen the Tessel border crossing. "
    "Orlesia refused to free the reporters."
)
OTHER = "The union agreed to end the strike on Friday."


def _write_data(root: Path) -> Path:
    return write_allsides(root, 7, "2025-02-03", TEXT, OTHER)


def _span(text: str, part: str | None) -> list[int] | None:
    if part is None:
        return None
    start = text.index(part)
    return [start, start + len(part)]


def _ask(
    key: str,
    text: str,
    split: str,
    kind: str,
    cue: str,
    content: str,
    actor: str | None,
    target: str | None,
    **extra: Any,
) -> dict[str, Any]:
    span = text[text.index(content) : text.index(content) + len(content)]
    return {
        "corpus": "allsides",
        "key": key,
        "split": split,
        "kind": kind,
        "cue": _span(text, cue),
        "content": _span(text, content),
        "content_sha1": hashlib.sha1(span.encode("utf-8")).hexdigest()[:12],
        "actor": _span(text, actor),
        "actor_name": actor,
        "actor_country": None,
        "target": _span(text, target),
        "target_name": target,
        "certainty": "reported",
        "polarity": "positive",
        "in_quote": False,
        **extra,
    }


def _write_labels(path: Path) -> Path:
    rows = [
        {"corpus": "allsides", "key": "7:left", "document": True, "asks": 2, "split": "test"},
        _ask(
            "7:left",
            TEXT,
            "test",
            "demand",
            "urged",
            "reopen the Tessel border crossing",
            "Adela Kovar",
            "Orlesia",
        ),
        _ask("7:left", TEXT, "test", "refusal", "refused", "free the reporters", "Orlesia", None),
        {"corpus": "allsides", "key": "7:right", "document": True, "asks": 1, "split": "tune"},
        _ask("7:right", OTHER, "tune", "commitment", "agreed", "end the strike", "The union", None),
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_evaluate_asks_scores_one_split_beside_the_baseline(tmp_path: Path) -> None:
    data = _write_data(tmp_path / "data")
    labels = _write_labels(tmp_path / "labels.jsonl")
    result = evaluate_asks(labels, data, split="test")
    assert (result["documents"], result["gold"]) == (1, 2)
    assert result["precision"] == result["recall"] == result["f1"] == 1.0
    assert result["actor_accuracy"] == 1.0
    assert result["target_accuracy"] == 1.0
    assert result["per_kind"]["demand"]["f1"] == 1.0
    assert set(result["baseline"]) >= {"precision", "recall", "f1", "actor_accuracy"}
    assert result["baseline"]["gold"] == 2
    tune = evaluate_asks(labels, data, split="tune")
    assert (tune["documents"], tune["gold"], tune["f1"]) == (1, 1, 1.0)


def test_a_changed_text_is_an_error(tmp_path: Path) -> None:
    data = _write_data(tmp_path / "data")
    labels = tmp_path / "labels.jsonl"
    rows = [json.loads(x) for x in _write_labels(labels).read_text().splitlines()]
    rows[1]["content_sha1"] = "000000000000"
    labels.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    with pytest.raises(ValueError, match="sha1"):
        evaluate_asks(labels, data, split="test")


def _gold(kind: str, content: tuple[int, int], actor: str) -> GoldAsk:
    return GoldAsk(kind, content, None, frozenset({actor}), None, frozenset())


def _pred(kind: str, content: tuple[int, int], names: set[str]) -> PredictedAsk:
    return PredictedAsk(kind, content, ((0, 1),), frozenset(names), (), frozenset())


def test_matching_needs_the_kind_half_the_gold_tokens_and_the_actor() -> None:
    text = "aa bb cc dd ee ff gg hh"
    gold = [_gold("demand", (0, 11), "x"), _gold("action", (12, 23), "y")]
    pred = [
        _pred("demand", (3, 8), {"x"}),  # 2 of 4 gold tokens, right actor
        _pred("refusal", (12, 23), {"y"}),  # wrong kind
        _pred("action", (18, 23), {"z"}),  # 2 of 4 tokens, wrong actor
    ]
    result = score_asks([(text, pred, gold)])
    assert result["kind_content"]["recall"] == 1.0
    assert result["recall"] == 0.5 and result["precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert result["actor_accuracy"] == 0.5
    # one-to-one: a second copy of a matched prediction is a false positive
    again = score_asks([(text, [pred[0], pred[0]], gold[:1])])
    assert (again["precision"], again["recall"]) == (0.5, 1.0)


def test_agreement_scores_a_second_labelling_on_the_documents_both_label(tmp_path: Path) -> None:
    data = _write_data(tmp_path / "data")
    first = _write_labels(tmp_path / "first.jsonl")
    rows = [
        {"corpus": "allsides", "key": "7:left", "document": True, "asks": 2, "split": "test"},
        _ask("7:left", TEXT, "test", "demand", "urged", "reopen the Tessel border", "Kovar", None),
        _ask("7:left", TEXT, "test", "action", "refused", "free the reporters", "Orlesia", None),
    ]
    second = tmp_path / "second.jsonl"
    second.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = agreement(first, second, data)
    # one document in common; the demand agrees (most of its content, actor by span), the
    # refusal labelled as an action does not
    assert (result["documents"], result["gold"], result["predicted"]) == (1, 2, 2)
    assert result["f1"] == 0.5 and result["per_kind"]["refusal"]["recall"] == 0.0
    swapped = agreement(second, first, data)
    assert swapped["f1"] == result["f1"]


def test_eval_asks_agreement_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _write_data(tmp_path / "data")
    labels = _write_labels(tmp_path / "labels.jsonl")
    args = ["eval", "asks", str(labels), "--data", str(data), "--agreement", str(labels)]
    assert main(args) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["documents"] == 2 and result["f1"] == 1.0
