"""Targets of ``training/ner/train_minilm_ner.py`` and ``training/nlp/train_minilm_taggers.py``
(no torch, no shared data: only the label bookkeeping is checked)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training" / "ner"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training" / "nlp"))

from train_minilm_ner import TAGS, bio, uner_sentences
from train_minilm_taggers import Labels

from storyline.eval.ner import Sentence


def test_iob1_spans_become_bio_targets() -> None:
    sentence = Sentence(("EU", "rejects", "German", "call"), ("I-ORG", "O", "I-MISC", "O"))
    assert [TAGS[i] for i in bio(sentence)] == ["B-ORG", "O", "B-MISC", "O"]
    two = Sentence(("Paris", "Hilton", "Rome"), ("B-PER", "I-PER", "B-LOC"))
    assert [TAGS[i] for i in bio(two)] == ["B-PER", "I-PER", "B-LOC"]


def test_rules_seen_once_are_not_learned() -> None:
    train = [
        [("prices", "price", "NNS", "Number=Plur"), ("rose", "rise", "VBD", "Tense=Past")],
        [("costs", "cost", "NNS", "Number=Plur"), ("went", "go", "VBD", "Tense=Past")],
    ]
    labels = Labels(train)
    assert (False, 1, "") in labels.rules  # "-s" cut: twice
    assert (False, 4, "go") not in labels.rules  # "went" -> "go": once
    targets = labels.targets(train[1])
    assert targets[1, 2] == -100 and targets[0, 2] == labels.rules.index((False, 1, ""))
    assert targets[0, 0] == labels.xpos.index("NNS")


def test_a_held_out_fold_is_left_out_of_training(tmp_path: Path) -> None:
    docs = []
    for d in range(4):
        docs.append(f"# newdoc id = d{d}\n# sent_id = d{d}-0\n1\tName{d}\tB-PER\t-\t-\n")
    path = tmp_path / "web.iob2"
    path.write_text("\n".join(docs) + "\n", encoding="utf-8")
    train, held = uner_sentences(path, 4, 1, tmp_path / "out")
    assert [s.words for s in held] == [("Name1",)]
    assert [s.words for s in train] == [("Name0",), ("Name2",), ("Name3",)]
