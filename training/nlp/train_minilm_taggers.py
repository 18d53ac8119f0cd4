"""Train PTB tag, morphology and lemma heads on the shipped MiniLM parser's BiLSTM.

Usage (in the training environment of ``train_minilm_parser.py``; never at run time)::

    python training/nlp/train_minilm_taggers.py ../shared/data \\
        training/output/minilm-parser-lstm training/output/minilm-taggers

``PARSER_RUN`` is the frozen parser run whose ``head.pt`` and ``results.json``
(its options) are shipped; its ``features-*.npy`` caches are reused or rebuilt.
The parser head is not trained again: its BiLSTM states (eval mode) of every
EWT train and dev word are the input, with hashed word endings
(:func:`storyline.nlp.lemma_rules.suffix_ids`). One hidden layer feeds three
classifiers: the PTB tag (XPOS), the UD features string (FEATS) and the lemma
edit rule (:func:`~storyline.nlp.lemma_rules.lemma_rule`; rules seen fewer than
twice in train are not learned). The epoch with the best dev mean of the three
accuracies is kept.

The parser head and the new heads are exported together as one float32 ONNX
graph (``OUTPUT/head-fp32.onnx``: inputs ``layers``, ``cases``, ``suffixes``;
outputs ``upos``, ``arcs``, ``labels``, ``xpos``, ``feats``, ``lemmas``) with
the label lists in ``OUTPUT/taggers.json``; ``swap_parser.py --head`` ships
them. The parser's own outputs are those of ``head.pt`` unchanged. Fixed seed;
``OUTPUT/results.json`` gives dev accuracies (dev lemmas scored before and after
the treebank lookup that runs after this head in the pipeline is not part of
this script: ``storyline eval parse`` reports the pipeline's).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_minilm_parser import (
    Vocab,
    batches,
    build_head,
    collate,
    ewt_folder,
    frozen_features,
    read_split,
    seed_everything,
    stack_features,
)

from storyline.nlp.embeddings import MODEL_DIR
from storyline.nlp.lemma_rules import (
    SUFFIX_BUCKETS,
    SUFFIX_LENGTHS,
    apply_rule,
    lemma_rule,
    suffix_ids,
)
from storyline.nlp.parser import N_LAYERS, WIDTH


def read_columns(folder: Path, split: str) -> list[list[tuple[str, str, str, str]]]:
    """(form, lemma, XPOS, FEATS) of each syntactic word, sentence by sentence, in the
    order :func:`read_split` reads them."""
    sentences: list[list[tuple[str, str, str, str]]] = []
    rows: list[tuple[str, str, str, str]] = []
    with gzip.open(folder / f"en_ewt-ud-{split}.conllu.gz", "rt", encoding="utf-8") as fh:
        for raw in [*fh, ""]:
            line = raw.rstrip("\n")
            if not line.strip():
                if rows:
                    sentences.append(rows)
                    rows = []
            elif not line.startswith("#"):
                c = line.split("\t")
                if c[0].isdigit():
                    rows.append((c[1], c[2], c[4], c[5]))
    return sentences


class Labels:
    """The label lists of the three heads, from train."""

    def __init__(self, train: Sequence[Sequence[tuple[str, str, str, str]]]) -> None:
        words = [w for s in train for w in s]
        self.xpos = sorted({w[2] for w in words})
        self.feats = sorted({w[3] for w in words})
        rules = Counter(lemma_rule(w[0], w[1]) for w in words)
        self.rules = sorted(r for r, n in rules.items() if n >= 2)
        self.index = (
            {t: i for i, t in enumerate(self.xpos)},
            {t: i for i, t in enumerate(self.feats)},
            {r: i for i, r in enumerate(self.rules)},
        )

    def targets(self, sentence: Sequence[tuple[str, str, str, str]]) -> np.ndarray:
        """(n, 3): XPOS, FEATS and rule indices; -100 where train never saw the label."""
        xi, fi, ri = self.index
        return np.array(
            [
                [xi.get(x, -100), fi.get(f, -100), ri.get(lemma_rule(form, lemma), -100)]
                for form, lemma, x, f in sentence
            ],
            dtype=np.int64,
        ).reshape(-1, 3)


def bilstm_states(
    head: Any, sentences: Sequence[Any], features: np.ndarray, offsets: np.ndarray, vocab: Vocab
) -> np.ndarray:
    """The parser head's BiLSTM output (eval mode) of every word, root rows left out."""
    import torch

    captured: dict[str, Any] = {}
    hook = head.lstm.register_forward_hook(lambda m, i, o: captured.__setitem__("x", o[0]))
    n_words = sum(len(s.words) for s in sentences)
    out = np.zeros((n_words, 2 * head.lstm.hidden_size), dtype=np.float32)
    starts = np.cumsum([0] + [len(s.words) for s in sentences])
    head.eval()
    with torch.no_grad():
        for indices in batches(sentences, 4000, None):
            batch = collate(sentences, indices, vocab)
            width = batch["mask"].shape[1]
            head(stack_features(features, offsets, indices, width), batch["cases"])
            x = captured["x"].numpy()
            for row, i in enumerate(indices):
                n = len(sentences[i].words)
                out[starts[i] : starts[i + 1]] = x[row, 1 : n + 1]
    hook.remove()
    return out


def build_taggers(n_in: int, labels: Labels, hidden: int, dropout: float) -> Any:
    import torch
    from torch import nn

    class Taggers(nn.Module):
        """BiLSTM state + word-ending embeddings → hidden layer → XPOS, FEATS, lemma rule."""

        def __init__(self) -> None:
            super().__init__()
            self.suffix = nn.Embedding(SUFFIX_BUCKETS + 1, 32, padding_idx=0)
            n = n_in + 32 * len(SUFFIX_LENGTHS)
            self.hidden = nn.Linear(n, hidden)
            self.dropout = nn.Dropout(dropout)
            self.xpos = nn.Linear(hidden, len(labels.xpos))
            self.feats = nn.Linear(hidden, len(labels.feats))
            self.lemmas = nn.Linear(hidden, len(labels.rules))

        def forward(self, states: Any, suffixes: Any) -> tuple[Any, Any, Any]:
            ends = self.suffix(suffixes).flatten(-2)
            h = nn.functional.leaky_relu(self.hidden(torch.cat([states, ends], -1)), 0.1)
            h = self.dropout(h)
            return self.xpos(h), self.feats(h), self.lemmas(h)

    return Taggers()


def suffix_matrix(sentences: Sequence[Sequence[tuple[str, str, str, str]]]) -> np.ndarray:
    return np.array([suffix_ids(w[0]) for s in sentences for w in s], dtype=np.int64)


def accuracies(
    taggers: Any,
    states: np.ndarray,
    suffixes: np.ndarray,
    targets: np.ndarray,
    words: Sequence[tuple[str, str, str, str]],
    labels: Labels,
) -> dict[str, float]:
    import torch

    taggers.eval()
    with torch.no_grad():
        xpos, feats, rules = taggers(torch.from_numpy(states), torch.from_numpy(suffixes))
    taggers.train()
    predicted = [t.argmax(-1).numpy() for t in (xpos, feats, rules)]
    lemmas = [
        apply_rule(w[0], labels.rules[int(r)]) == w[1]
        for w, r in zip(words, predicted[2], strict=True)
    ]
    return {
        "xpos": round(float((predicted[0] == targets[:, 0]).mean()), 4),
        "feats": round(float((predicted[1] == targets[:, 1]).mean()), 4),
        "lemma": round(float(np.mean(lemmas)), 4),
    }


def export(head: Any, taggers: Any, output: Path) -> Path:
    import torch
    from torch import nn

    class Full(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.head, self.taggers = head, taggers
            self._x: Any = None
            head.lstm.register_forward_hook(lambda m, i, o: setattr(self, "_x", o[0]))

        def forward(self, layers: Any, cases: Any, suffixes: Any) -> tuple[Any, ...]:
            upos, arcs, labels = self.head(layers, cases)
            xpos, feats, lemmas = self.taggers(self._x, suffixes)
            return upos, arcs, labels, xpos, feats, lemmas

    full = Full().eval()
    path = output / "head-fp32.onnx"
    words = {0: "batch", 1: "words"}
    with torch.no_grad():
        torch.onnx.export(
            full,
            (
                torch.randn(2, 7, N_LAYERS, WIDTH),
                torch.ones(2, 7, dtype=torch.long),
                torch.ones(2, 7, len(SUFFIX_LENGTHS), dtype=torch.long),
            ),
            str(path),
            input_names=["layers", "cases", "suffixes"],
            output_names=["upos", "arcs", "labels", "xpos", "feats", "lemmas"],
            dynamic_axes={
                "layers": words,
                "cases": words,
                "suffixes": words,
                "upos": words,
                "arcs": {0: "batch", 1: "words", 2: "heads"},
                "labels": {0: "batch", 2: "words", 3: "heads"},
                "xpos": words,
                "feats": words,
                "lemmas": words,
            },
            opset_version=17,
            do_constant_folding=True,
            dynamo=False,
        )
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="the shared data folder (or the EWT folder)")
    ap.add_argument("parser_run", type=Path, help="the frozen parser run (head.pt)")
    ap.add_argument("output", type=Path)
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--dropout", type=float, default=0.33)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--batch", type=int, default=512, help="words per step")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    import torch

    seed_everything(args.seed)
    args.output.mkdir(parents=True, exist_ok=True)
    folder = ewt_folder(args.data)
    train, dev = read_split(folder, "train"), read_split(folder, "dev")
    columns = {"train": read_columns(folder, "train"), "dev": read_columns(folder, "dev")}
    for name, gold in (("train", train), ("dev", dev)):
        assert [s.words for s in gold] == [tuple(w[0] for w in s) for s in columns[name]]
    vocab = Vocab(train)
    labels = Labels(columns["train"])
    config = json.loads((args.parser_run / "results.json").read_text())["config"]
    head = build_head(vocab, argparse.Namespace(**config))
    head.load_state_dict(torch.load(args.parser_run / "head.pt"))
    for p in head.parameters():
        p.requires_grad_(False)

    started = time.perf_counter()
    data: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    for name, gold in (("train", train), ("dev", dev)):
        x, off = frozen_features(gold, MODEL_DIR, args.parser_run / f"features-{name}.npy", 1)
        states = bilstm_states(head, gold, x, off, vocab)
        targets = np.concatenate([labels.targets(s) for s in columns[name]])
        data[name] = (states, suffix_matrix(columns[name]), targets)
        print(f"{name}: {len(states)} words, {time.perf_counter() - started:.0f}s", file=sys.stderr)

    taggers = build_taggers(data["train"][0].shape[1], labels, args.hidden, args.dropout)
    optimizer = torch.optim.Adam(taggers.parameters(), lr=args.lr)
    loss_of = torch.nn.CrossEntropyLoss(ignore_index=-100)
    states, suffixes, targets = (torch.from_numpy(a) for a in data["train"])
    dev_words = [w for s in columns["dev"] for w in s]
    history, best = [], {"mean": -1.0}
    rng = np.random.default_rng(args.seed)
    for epoch in range(1, args.epochs + 1):
        lr = args.lr * max(0.05, 1 - (epoch - 1) / args.epochs)
        for group in optimizer.param_groups:
            group["lr"] = lr
        order = torch.from_numpy(rng.permutation(len(states)))
        total = 0.0
        for start in range(0, len(order), args.batch):
            rows = order[start : start + args.batch]
            out = taggers(states[rows], suffixes[rows])
            loss = sum(loss_of(o, targets[rows, k]) for k, o in enumerate(out))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += float(loss.detach())
        scores = accuracies(taggers, *data["dev"], dev_words, labels)
        row = {"epoch": epoch, "loss": round(total / (len(order) / args.batch), 4), **scores}
        row["mean"] = round((scores["xpos"] + scores["feats"] + scores["lemma"]) / 3, 4)
        history.append(row)
        print(json.dumps(row), file=sys.stderr)
        if row["mean"] > best["mean"]:
            best = row
            torch.save(taggers.state_dict(), args.output / "taggers.pt")
    taggers.load_state_dict(torch.load(args.output / "taggers.pt"))
    path = export(head, taggers, args.output)
    (args.output / "taggers.json").write_text(
        json.dumps(
            {"xpos": labels.xpos, "feats": labels.feats, "lemma_rules": labels.rules}, indent=0
        )
        + "\n"
    )
    result = {
        "config": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
        "labels": {
            "xpos": len(labels.xpos),
            "feats": len(labels.feats),
            "rules": len(labels.rules),
        },
        "minutes": round((time.perf_counter() - started) / 60, 2),
        "history": history,
        "best": best,
        "onnx": str(path),
    }
    (args.output / "results.json").write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps({k: v for k, v in result.items() if k != "history"}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
