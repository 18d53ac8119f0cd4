"""``storyline eval clustering`` on a tiny Multi-News-style file, and its scores."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.eval.clustering import adjusted_rand, agglomerate, bcubed, evaluate_clustering

STRIKE = [
    "Dockworkers at the port of Saltreve walked out on Monday over pay, and ships queued "
    "outside the harbour as the union's leader Rosa Delane called the offer an insult.",
    "The strike at Saltreve's port entered its third day as Rosa Delane and the dockworkers' "
    "union rejected the harbour company's offer of a 4 percent pay rise.",
]
SUMMIT = [
    "Estmark's foreign minister Adela Kovar flew to Dunmere for a summit with Orlesia, "
    "where she will press for the border crossing at Tessel to reopen.",
    "At the Dunmere summit, Orlesia's foreign minister Petr Halloran told Adela Kovar there "
    "would be no quick deal on the Tessel crossing.",
]
JUNK = ["Tweet with a location. You can add location information to your Tweets."]


def test_evaluate_clustering_scores_both_systems(tmp_path: Path) -> None:
    path = tmp_path / "clusters.jsonl"
    rows = [
        {"id": 1, "summary": "s", "documents": STRIKE},
        {"id": 2, "summary": "s", "documents": [*SUMMIT, *JUNK]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = evaluate_clustering(path)
    assert result["documents"] == 5 and result["clusters"] == 2
    ours = result["systems"]["storyline"]
    assert ours["bcubed_precision"] == 1.0  # the junk page stays alone, the rest is right
    assert ours["bcubed_recall"] >= 0.6
    # The junk page stays alone in any system's output: a perfect score is out of reach.
    assert ours["bcubed_f1"] <= result["ceiling"]["bcubed_f1"] < 1.0
    assert set(result["systems"]["baseline"]) == set(ours)
    assert ours["articles_per_second"] > 0


def test_bcubed_and_ari_on_known_partitions() -> None:
    gold = ["a", "a", "b", "b"]
    assert bcubed(gold, ["x", "x", "y", "y"]) == (1.0, 1.0, 1.0)
    p, r, f = bcubed(gold, ["x", "y", "z", "w"])
    assert f == 2 * p * r / (p + r)
    assert (p, r) == (1.0, 0.5)
    assert adjusted_rand(gold, ["x", "y", "x", "y"]) < 0


def test_agglomerative_baseline_cuts_at_the_distance() -> None:
    import numpy as np

    v = np.array([[1, 0], [0.95, 0.3], [0, 1]], dtype=np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    assert agglomerate(v, 0.2) == [0, 0, 1]
    assert agglomerate(v, 0.01) == [0, 1, 2]
