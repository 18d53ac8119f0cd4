"""Tests for the fold split of ``training/ner/train_ner.py`` (no shared data)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training" / "ner"))

from train_ner import split_documents, to_docbin, write_folds

from storyline.eval.ner import read_iob2


def _doc(doc_id: str, sentences: list[list[tuple[str, str]]]) -> str:
    blocks = []
    for n, sentence in enumerate(sentences):
        head = [f"# newdoc id = {doc_id}"] if n == 0 else []
        head.append(f"# sent_id = {doc_id}-{n}")
        rows = [f"{i}\t{w}\t{t}\t-\t-" for i, (w, t) in enumerate(sentence, 1)]
        blocks.append("\n".join(head + rows))
    return "\n\n".join(blocks)


def _write(tmp_path: Path, n_docs: int) -> Path:
    docs = [
        _doc(f"d{k}", [[(f"Name{k}", "B-PER"), ("left", "O")], [("It", "O"), ("rained", "O")]])
        for k in range(n_docs)
    ]
    path = tmp_path / "uner.iob2"
    path.write_text("\n\n".join(docs) + "\n\n", encoding="utf-8")
    return path


def test_split_documents_keeps_each_document_whole(tmp_path: Path) -> None:
    docs = split_documents(_write(tmp_path, 3))
    assert len(docs) == 3
    assert all(d.count("# sent_id") == 2 for d in docs)
    assert docs[1].startswith("# newdoc id = d1")


def test_held_out_fold_is_disjoint_from_training(tmp_path: Path) -> None:
    out = tmp_path / "run"
    train = write_folds(_write(tmp_path, 8), folds=4, hold_out=1, target_dir=out)
    kept, _ = read_iob2(train)
    held, _ = read_iob2(out / "heldout.iob2")
    kept_names = {s.words[0] for s in kept if s.tags[0] == "B-PER"}
    held_names = {s.words[0] for s in held if s.tags[0] == "B-PER"}
    assert held_names == {"Name1", "Name5"}
    assert kept_names == {f"Name{k}" for k in range(8)} - held_names
    assert len(kept) == 12 and len(held) == 4


def test_without_hold_out_everything_trains(tmp_path: Path) -> None:
    out = tmp_path / "run"
    train = write_folds(_write(tmp_path, 5), folds=4, hold_out=None, target_dir=out)
    assert len(read_iob2(train)[0]) == 10
    assert not (out / "heldout.iob2").exists()
    assert to_docbin(train, out / "x.spacy") == 10
