"""The summary evaluation and its baselines, on a tiny Multi-News-style file."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from conftest import write_maybe_gzipped
from storyline.eval import summary_baselines
from storyline.eval.summaries import (
    SYSTEMS,
    evaluate_summaries,
    part_of,
    read_clusters,
    source_documents,
    split_sentences,
)
from storyline.nlp.embeddings import SentenceEncoder, load_encoder
from storyline.stories.records import SourceDocument

CLUSTERS = [
    {
        "id": "1",
        "summary": "– The Harbour Bridge reopened on Monday after six weeks of repairs. "
        "Engineers replaced two corroded cables, and the work cost about 4 million euros.",
        "documents": [
            "The harbour bridge reopened to traffic on monday after six weeks of repairs. "
            "Engineers replaced two corroded steel cables that forced the closure. "
            '" it is a relief, " said shop owner maria lind. '
            "The repairs cost the city about 4 million euros.",
            "After six weeks of repair work, the bridge opened again to cars on monday. "
            "A new ferry timetable starts in the summer. "
            "Cyclists will get their own lane next year.",
        ],
    },
    {
        "id": "2",
        "summary": "Heavy rain closed coastal roads on Tuesday and more flooding is expected.",
        "documents": [
            "Heavy rain and gales closed several coastal roads on tuesday. "
            "Forecasters warned that more flooding was likely overnight. ",
            "Storms shut roads along the coast on tuesday, police said. "
            "Schools in the area will stay closed on wednesday.",
        ],
    },
]


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return load_encoder()


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    return write_maybe_gzipped(path, "".join(json.dumps(row) + "\n" for row in rows))


@pytest.mark.parametrize("name", ["clusters.jsonl", "clusters.jsonl.gz"])
def test_evaluation_reports_every_system(
    tmp_path: Path, encoder: SentenceEncoder, name: str
) -> None:
    result = evaluate_summaries(_write(tmp_path / name, CLUSTERS), encoder=encoder)
    assert result["clusters"] == 2
    assert set(result["systems"]) == set(SYSTEMS)
    for scores in result["systems"].values():
        assert set(scores) == {"rouge1", "rouge2", "rougeL", "seconds_per_cluster"}
        assert 0.2 < scores["rouge1"] <= 1.0
        assert 0.0 <= scores["rouge2"] <= scores["rouge1"]
        assert scores["seconds_per_cluster"] >= 0.0


def test_limit_and_part(tmp_path: Path, encoder: SentenceEncoder) -> None:
    path = _write(tmp_path / "clusters.jsonl", CLUSTERS)
    assert evaluate_summaries(path, limit=1, encoder=encoder, systems=["lead"])["clusters"] == 1
    dev = evaluate_summaries(path, part="dev", encoder=encoder, systems=["lead"])
    assert dev["clusters"] == sum(part_of(str(c["id"])) == "dev" for c in CLUSTERS)
    with pytest.raises(ValueError, match="unknown systems"):
        evaluate_summaries(path, encoder=encoder, systems=["oracle"])


def test_summaries_are_cut_to_230_words(tmp_path: Path, encoder: SentenceEncoder) -> None:
    sentence = "The council approved the new budget for roads and schools on Monday. "
    long = {"id": "9", "summary": sentence * 5, "documents": [sentence * 40, sentence * 40]}
    result = evaluate_summaries(
        _write(tmp_path / "long.jsonl", [long]), encoder=encoder, systems=["lead"]
    )
    # 230 words against a 60-word reference: precision 60/230 caps ROUGE-1 F1 at 0.41.
    assert result["systems"]["lead"]["rouge1"] == pytest.approx(2 * 60 / (230 + 60), abs=0.002)


def test_sentence_split_of_multinews_text() -> None:
    text = (
        'The site said in a statement, " the photo was removed in error. " '
        "Mr. Smith, 45, paid $ 2.5 million. "
        "He left at 5 p.m. On friday he was back! "
        '" we won, " he said.'
    )
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences == [
        'The site said in a statement, " the photo was removed in error. "',
        "Mr. Smith, 45, paid $ 2.5 million.",
        "He left at 5 p.m. On friday he was back!",
        '" we won, " he said.',
    ]


def test_read_clusters_and_documents(tmp_path: Path) -> None:
    rows = [*CLUSTERS, {"id": "3", "summary": "x", "documents": ["", "One. Two."]}]
    clusters = list(read_clusters(_write(tmp_path / "c.jsonl", rows)))
    assert [c.id for c in clusters] == ["1", "2", "3"]
    assert clusters[2].documents == ("One. Two.",)  # empty documents are dropped
    docs = source_documents(clusters[0])
    assert [d.id for d in docs] == ["1:0", "1:1"]
    assert all(d.published is None for d in docs)
    assert docs[0].text[slice(*docs[0].sentences[1])].startswith("Engineers replaced")


def _docs(*texts: str) -> list[SourceDocument]:
    return [SourceDocument(f"d{i}", t, split_sentences(t)) for i, t in enumerate(texts)]


def test_lead_is_round_robin() -> None:
    docs = _docs("A one two. A three four.", "B one two. B three four.")
    assert summary_baselines.lead(docs, max_words=7) == [
        "A one two.",
        "B one two.",
        "A three four.",
    ]


def test_graph_baselines_prefer_the_central_sentence() -> None:
    docs = _docs(
        "The bridge reopened on monday after repairs. Bananas are yellow fruit.",
        "The bridge reopened after repairs, officials said. Cats sleep a lot.",
        "Repairs ended and the bridge reopened on monday.",
    )
    for baseline in (summary_baselines.lexrank, summary_baselines.textrank):
        chosen = baseline(docs, max_words=5)
        assert len(chosen) == 1 and "bridge" in chosen[0]


def test_pagerank_of_a_star_ranks_the_centre_first() -> None:
    star = np.zeros((4, 4))
    star[0, 1:] = star[1:, 0] = 1.0
    scores = summary_baselines.pagerank(star)
    assert scores.sum() == pytest.approx(1.0)
    assert int(np.argmax(scores)) == 0


def test_centroid_mmr_skips_the_repeat(encoder: SentenceEncoder) -> None:
    docs = _docs(
        "The bridge reopened on monday after repairs.",
        "The bridge reopened on monday after the repairs.",
        "Repair costs reached four million euros for the bridge.",
    )
    chosen = summary_baselines.centroid_mmr(docs, encoder, max_words=14)
    assert len(chosen) == 2
    assert "Repair costs reached four million euros for the bridge." in chosen
