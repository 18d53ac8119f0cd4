"""Train a named-entity head on the shipped MiniLM's layer states (CoNLL-2003 + web text).

Usage (in the training environment of ``training/nlp/train_minilm_parser.py``;
never at run time)::

    python training/ner/train_minilm_ner.py ../shared/data training/output/minilm-ner
    # the web-text figure by cross-validation: hold out fold K of 4 of the UNER file
    python training/ner/train_minilm_ner.py ../shared/data training/output/minilm-ner-f0 \\
        --hold-out 0

The frozen int8 MiniLM reads each gold sentence (its words, as the parser's
training does); a word's state in each of the 7 layers is the mean of its
wordpieces. The head: a learned mix of the layers, a letter-case class
embedding (the encoder is uncased), a 2-layer BiLSTM and a linear layer to BIO
tags of PER, ORG, LOC and MISC; decoding is the best tag sequence that is valid
BIO (Viterbi on the tag log-probabilities, no learned transitions).

Training data: CoNLL-2003 ``eng.train`` and the Universal NER English-EWT dev
file (web text; ``OTHER`` read as MISC) repeated ``--extra-repeat`` times, as
``training/ner/train_ner.py`` does for the CNN; with ``--hold-out K`` that
file's documents are dealt into ``--folds`` folds and fold K is left out and
scored (PER/ORG/LOC, as ``storyline eval ner`` scores UNER files). The epoch
with the best CoNLL ``eng.testa`` F1 is kept. Exports ``OUTPUT/ner-fp32.onnx``
(inputs ``layers``, ``cases``; output ``tags``: log-probabilities) and
``OUTPUT/ner.json`` (the tag names). Fixed seed; ``OUTPUT/results.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "nlp"))

from train_minilm_parser import frozen_features, seed_everything
from train_ner import split_documents

from storyline.eval.ner import (
    CONLL_TYPES,
    UNER_TYPES,
    Sentence,
    read_iob2,
    score_spans,
    spans_from_tags,
)
from storyline.nlp.embeddings import MODEL_DIR
from storyline.nlp.minilm_ner import bio_viterbi
from storyline.nlp.parser import N_CASES, N_LAYERS, WIDTH, case_class

TAGS = ["O", *(f"{p}-{t}" for t in CONLL_TYPES for p in ("B", "I"))]


def conll_folder(data: Path) -> Path:
    for folder in (data, data / "ner" / "conll2003"):
        if (folder / "eng.train.gz").is_file():
            return folder
    sys.exit(f"no eng.train.gz in {data} or {data}/ner/conll2003")


def uner_file(data: Path) -> Path:
    for path in (data / "en_ewt-ud-dev.iob2", data / "ner/uner_english_ewt/en_ewt-ud-dev.iob2"):
        if path.is_file():
            return path
    sys.exit(f"no Universal NER en_ewt-ud-dev.iob2 under {data}")


def bio(sentence: Sentence) -> np.ndarray:
    """The sentence's spans as BIO tag indices (IOB1 files come out as IOB2)."""
    out = np.zeros(len(sentence.words), dtype=np.int64)
    for label, first, last in spans_from_tags(sentence.tags):
        if label not in CONLL_TYPES:
            continue
        out[first] = TAGS.index(f"B-{label}")
        out[first + 1 : last + 1] = TAGS.index(f"I-{label}")
    return out


def uner_sentences(path: Path, folds: int, hold_out: int | None, tmp: Path) -> tuple[list, list]:
    """The UNER file's sentences outside fold ``hold_out`` and those inside it."""
    docs = split_documents(path)
    tmp.mkdir(parents=True, exist_ok=True)
    parts = []
    for keep in (True, False):
        chosen = [
            d for i, d in enumerate(docs) if (hold_out is None or i % folds != hold_out) == keep
        ]
        part = tmp / f"uner-{'train' if keep else 'heldout'}.iob2"
        part.write_text("\n\n".join(chosen) + "\n\n", encoding="utf-8")
        parts.append(read_iob2(part)[0] if chosen else [])
    return parts[0], parts[1]


class Set:
    """Sentences with their features, targets and case classes."""

    def __init__(self, sentences: Sequence[Sentence], x: np.ndarray, offsets: np.ndarray) -> None:
        self.sentences, self.x, self.offsets = list(sentences), x, offsets
        self.targets = [bio(s) for s in sentences]

    def batch(self, indices: Sequence[int]) -> dict[str, Any]:
        import torch

        width = max(len(self.sentences[i].words) for i in indices) + 1
        layers = np.zeros((len(indices), width, N_LAYERS, WIDTH), dtype=np.float32)
        cases = np.zeros((len(indices), width), dtype=np.int64)
        tags = np.full((len(indices), width), -100, dtype=np.int64)
        lengths = np.zeros(len(indices), dtype=np.int64)
        for row, i in enumerate(indices):
            n = len(self.sentences[i].words)
            layers[row, : n + 1] = self.x[self.offsets[i] : self.offsets[i + 1]]
            cases[row, 1 : n + 1] = [case_class(w) for w in self.sentences[i].words]
            tags[row, 1 : n + 1] = self.targets[i]
            lengths[row] = n + 1
        return {
            "layers": torch.from_numpy(layers),
            "cases": torch.from_numpy(cases),
            "tags": torch.from_numpy(tags),
            "lengths": lengths,
        }


def build_head(args: argparse.Namespace) -> Any:
    import torch
    from torch import nn

    class Head(nn.Module):
        """Layer mix + case embedding → BiLSTM → BIO tag log-probabilities (root row first)."""

        def __init__(self) -> None:
            super().__init__()
            self.mix = nn.Parameter(torch.zeros(N_LAYERS))
            self.gamma = nn.Parameter(torch.ones(1))
            self.case = nn.Embedding(N_CASES, 16)
            self.dropout = nn.Dropout(args.dropout)
            self.lstm = nn.LSTM(
                WIDTH + 16,
                args.lstm,
                num_layers=2,
                batch_first=True,
                bidirectional=True,
                dropout=args.dropout,
            )
            self.out = nn.Linear(2 * args.lstm, len(TAGS))

        def forward(self, layers: Any, cases: Any) -> Any:
            x = self.gamma * torch.einsum("bwld,l->bwd", layers, torch.softmax(self.mix, 0))
            x = self.dropout(torch.cat([x, self.case(cases)], -1))
            x, _ = self.lstm(x)
            return torch.log_softmax(self.out(self.dropout(x)), -1)

    return Head()


def batches(sentences: Sequence[Sentence], words: int, rng: random.Random | None) -> list:
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i].words))
    out: list[list[int]] = [[]]
    for i in order:
        if out[-1] and (len(sentences[i].words) + 1) * (len(out[-1]) + 1) > words:
            out.append([])
        out[-1].append(i)
    if rng is not None:
        rng.shuffle(out)
    return out


def predict(model: Any, data: Set) -> list[list[tuple[str, int, int]]]:
    import torch

    model.eval()
    spans: list[Any] = [None] * len(data.sentences)
    with torch.no_grad():
        for indices in batches(data.sentences, 4000, None):
            batch = data.batch(indices)
            scores = model(batch["layers"], batch["cases"]).numpy()
            for row, i in enumerate(indices):
                n = len(data.sentences[i].words)
                tags = [TAGS[t] for t in bio_viterbi(scores[row, 1 : n + 1], TAGS)]
                spans[i] = spans_from_tags(tags)
    model.train()
    return spans


def f1(data: Set, predicted: list, types: Sequence[str]) -> dict[str, Any]:
    gold = [[s for s in spans_from_tags(x.tags) if s[0] in types] for x in data.sentences]
    pred = [[s for s in p if s[0] in types] for p in predicted]
    return score_spans(gold, pred, types)


def export(model: Any, output: Path) -> Path:
    import torch

    model.eval()
    path = output / "ner-fp32.onnx"
    with torch.no_grad():
        torch.onnx.export(
            model,
            (torch.randn(2, 7, N_LAYERS, WIDTH), torch.ones(2, 7, dtype=torch.long)),
            str(path),
            input_names=["layers", "cases"],
            output_names=["tags"],
            dynamic_axes={
                "layers": {0: "batch", 1: "words"},
                "cases": {0: "batch", 1: "words"},
                "tags": {0: "batch", 1: "words"},
            },
            opset_version=17,
            do_constant_folding=True,
            dynamo=False,
        )
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="the shared data folder")
    ap.add_argument("output", type=Path)
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--hold-out", type=int, default=None, metavar="K")
    ap.add_argument("--extra-repeat", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--lstm", type=int, default=200)
    ap.add_argument("--dropout", type=float, default=0.33)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--batch-words", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    import torch

    seed_everything(args.seed)
    args.output.mkdir(parents=True, exist_ok=True)
    conll = conll_folder(args.data)
    train, _ = read_iob2(conll / "eng.train.gz")
    dev, _ = read_iob2(conll / "eng.testa.gz")
    web, heldout = uner_sentences(uner_file(args.data), args.folds, args.hold_out, args.output)
    cache = args.output.parent / "minilm-ner-features"
    cache.mkdir(parents=True, exist_ok=True)
    sets = {}
    for name, sentences in (("train", train), ("dev", dev)):
        sets[name] = Set(
            sentences, *frozen_features(sentences, MODEL_DIR, cache / f"{name}.npy", 1)
        )
    # the web file's features are cached whole; folds pick their rows
    full_web, _ = read_iob2(uner_file(args.data))
    web_x, web_off = frozen_features(full_web, MODEL_DIR, cache / "uner.npy", 1)
    index = {s: i for i, s in enumerate(full_web)}

    def subset(part: Sequence[Sentence]) -> Set:
        rows = [index[s] for s in part]
        blocks = [np.asarray(web_x[web_off[i] : web_off[i + 1]]) for i in rows]
        x = np.concatenate(blocks) if blocks else np.zeros((0, N_LAYERS, WIDTH), np.float16)
        return Set(part, x, np.cumsum([0] + [len(s.words) + 1 for s in part]))

    web_set, heldout_set = subset(web), subset(heldout)
    model = build_head(args)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.9))
    rng = random.Random(args.seed)
    loss_of = torch.nn.NLLLoss(ignore_index=-100)
    history, best = [], {"f1": -1.0}
    started = time.perf_counter()
    for epoch in range(1, args.epochs + 1):
        for group in optimizer.param_groups:
            group["lr"] = args.lr * max(0.05, 1 - (epoch - 1) / args.epochs)
        work = [(sets["train"], b) for b in batches(train, args.batch_words, rng)]
        for _ in range(args.extra_repeat):
            work += [(web_set, b) for b in batches(web, args.batch_words, rng)]
        rng.shuffle(work)
        total = 0.0
        for data, indices in work:
            batch = data.batch(indices)
            scores = model(batch["layers"], batch["cases"])
            loss = loss_of(scores.reshape(-1, len(TAGS)), batch["tags"].reshape(-1))
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
            total += float(loss.detach())
        dev_f1 = f1(sets["dev"], predict(model, sets["dev"]), CONLL_TYPES)["overall"]["f1"]
        row: dict[str, Any] = {
            "epoch": epoch,
            "minutes": round((time.perf_counter() - started) / 60, 2),
            "loss": round(total / len(work), 4),
            "f1": round(dev_f1, 4),
        }
        if heldout:
            scores = f1(heldout_set, predict(model, heldout_set), UNER_TYPES)
            row["heldout_f1"] = round(scores["overall"]["f1"], 4)
        history.append(row)
        print(json.dumps(row), file=sys.stderr)
        if row["f1"] > best["f1"]:
            best = row
            torch.save(model.state_dict(), args.output / "ner.pt")
    model.load_state_dict(torch.load(args.output / "ner.pt"))
    path = export(model, args.output)
    (args.output / "ner.json").write_text(json.dumps({"tags": TAGS}) + "\n")
    result = {
        "config": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
        "history": history,
        "best": best,
        "onnx": str(path),
    }
    (args.output / "results.json").write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps({"best": best}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
