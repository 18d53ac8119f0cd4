"""Timeline metrics (align+ m:1 ROUGE, date F1) on hand-made cases, and the Timeline17 runner."""

from __future__ import annotations

import json
import tarfile
from datetime import date
from pathlib import Path

import pytest

from storyline.eval.timelines import (
    detokenise,
    evaluate_timelines,
    read_gold_timelines,
    read_input_documents,
)
from storyline.eval.tls_metrics import date_f1, rouge_tokens, score_timeline

GOLD = {
    date(2010, 1, 12): ["A magnitude 7.0 earthquake struck Haiti near the capital."],
    date(2010, 1, 20): ["A strong aftershock shook the ruined city again."],
}


def test_identical_timelines_score_one() -> None:
    scores = score_timeline(GOLD, GOLD)
    for key in ("ar1_p", "ar1_r", "ar1_f", "ar2_f", "date_p", "date_r", "date_f1"):
        assert scores[key] == pytest.approx(1.0), key


def test_disjoint_dates_have_zero_date_f1() -> None:
    predicted = {date(2011, 3, 1): ["Something else entirely happened in another place."]}
    scores = score_timeline(predicted, GOLD)
    assert scores["date_f1"] == 0.0
    assert scores["ar1_f"] == 0.0


def test_a_date_one_day_off_scores_partially() -> None:
    predicted = {date(2010, 1, 13): GOLD[date(2010, 1, 12)]}
    gold = {date(2010, 1, 12): GOLD[date(2010, 1, 12)]}
    scores = score_timeline(predicted, gold)
    assert scores["date_f1"] == 0.0
    assert scores["ar1_f"] == pytest.approx(0.5)  # full overlap weighted by 1/(1 + 1)
    farther = score_timeline({date(2010, 1, 15): GOLD[date(2010, 1, 12)]}, gold)
    assert 0.0 < farther["ar1_f"] < scores["ar1_f"]


def test_recall_counts_every_gold_date() -> None:
    predicted = {date(2010, 1, 12): GOLD[date(2010, 1, 12)]}
    scores = score_timeline(predicted, GOLD)
    assert scores["ar1_p"] == pytest.approx(1.0)
    # Both gold dates align to the one predicted date; the aftershock's words do not match it.
    assert 0.0 < scores["ar1_r"] < 1.0
    assert scores["date_r"] == 0.5


def test_many_to_one_alignment_prefers_matching_content() -> None:
    # A predicted day two days from each gold date aligns to the gold day that says the same.
    predicted = {date(2010, 1, 16): GOLD[date(2010, 1, 20)]}
    scores = score_timeline(predicted, {**GOLD, date(2010, 1, 14): GOLD[date(2010, 1, 12)]})
    assert scores["ar1_p"] == pytest.approx(1 / 5)


def test_empty_prediction_scores_zero() -> None:
    scores = score_timeline({}, GOLD)
    assert scores["ar1_f"] == scores["date_f1"] == 0.0


def test_rouge_tokens_stem_and_drop_stopwords() -> None:
    assert rouge_tokens("The rescuers were pulling survivors out") == [
        "rescuer",
        "pull",
        "survivor",
    ]


def test_date_f1() -> None:
    days = [date(2010, 1, d) for d in (1, 2, 3, 4)]
    assert date_f1(days[:2], days[1:3])["date_f1"] == pytest.approx(0.5)


def test_detokenise() -> None:
    assert detokenise("`` We 're here , '' he said -LRB- on Jan. 12 -RRB- .") == (
        '"We\'re here," he said (on Jan. 12).'
    )


def _topic(root: Path) -> Path:
    topic = root / "Timeline17" / "quake_test"
    lines = {
        "2010-01-13": [
            "A magnitude 7.0 earthquake struck Haiti on Tuesday , killing thousands .",
            "Rescue teams from many countries flew to Port-au-Prince .",
        ],
        "2010-01-20": [
            "A strong aftershock shook Haiti on Wednesday , officials said .",
            "Aid flights continued to land at the damaged airport in the capital .",
        ],
    }
    for day, sentences in lines.items():
        folder = topic / "InputDocs" / day
        folder.mkdir(parents=True)
        (folder / "1.htm.txt").write_text(" \n".join(sentences) + " \n", encoding="utf-8")
    gold = [
        ["2010-01-12", ["A 7.0 earthquake struck Haiti , killing thousands . \n"]],
        ["2010-01-20", ["A strong aftershock shook Haiti . \n"]],
    ]
    (topic / "timelines.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    return topic


def test_reads_timeline17_layout(tmp_path: Path) -> None:
    topic = _topic(tmp_path)
    docs = read_input_documents(topic)
    assert [d.id for d in docs] == ["2010-01-13/1.htm.txt", "2010-01-20/1.htm.txt"]
    first = docs[0]
    s, e = first.sentences[0]
    assert (
        first.text[s:e] == "A magnitude 7.0 earthquake struck Haiti on Tuesday, killing thousands."
    )
    assert any(t.value == "2010-01-12" for t in first.timexes)
    (gold,) = read_gold_timelines(topic)
    assert gold[date(2010, 1, 20)] == ["A strong aftershock shook Haiti."]


def test_evaluate_timelines_on_folder_and_tarball(tmp_path: Path) -> None:
    topic = _topic(tmp_path / "src")
    result = evaluate_timelines(topic.parent)
    assert set(result) == {"mean", "topics"}
    scores = result["topics"]["quake_test"]
    # Both events are dated by their sentences' weekdays: the system finds the gold days.
    assert scores["date_f1"] == 1.0
    assert 0.5 < scores["ar1_f"] <= 1.0
    assert result["mean"] == scores

    tarball = tmp_path / "t17.tar.gz"
    with tarfile.open(tarball, "w:gz") as tar:
        tar.add(topic.parent, arcname="Timeline17")
    assert evaluate_timelines(tarball) == result
