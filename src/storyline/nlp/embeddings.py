"""Sentence embeddings for clustering, redundancy and cross-source matching.

The model is all-MiniLM-L6-v2, exported to ONNX and quantised (int8 weights
times int8 activations scaled per token, 4-bit word embeddings; see
``manifest.json``) by ``training/embeddings/export_minilm.py``; the files ship in
``storyline/nlp/models/minilm/`` (``model.onnx``, ``tokenizer.json``,
``manifest.json``), so loading reads only the package folder: no torch, no
model hub, no network. The graph returns token states; mean pooling over the
attention mask and L2 normalisation are done here in float32 numpy, as
sentence-transformers does for this model.

Texts are tokenised once, sorted by length and batched, so each batch is padded
only to its own longest text; vectors come back in input order. Texts longer
than 256 wordpieces are truncated, like the reference model. Batches run side
by side, one per core, each single-threaded: faster than spreading every op of
one batch over the cores (no waiting at each op for the slower core, which on
a busy machine dominates), and a batch's result does not depend on the thread
that ran it.

>>> encoder = load_encoder()
>>> vectors = encoder.encode(["Rates rose again.", "The bank lifted rates.", "Rain fell."])
>>> vectors.shape, vectors.dtype
((3, 384), dtype('float32'))
>>> bool(vectors[0] @ vectors[1] > vectors[0] @ vectors[2])
True
"""

from __future__ import annotations

import json
import os
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["MODEL_DIR", "SentenceEncoder", "cores", "load_encoder", "offer_vectors"]

MODEL_DIR = Path(__file__).resolve().parent / "models" / "minilm"

FloatArray = npt.NDArray[np.float32]


def cores() -> int:
    """Cores this process may run on (the affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class SentenceEncoder:
    """all-MiniLM-L6-v2 sentence vectors: float32, L2-normalised, 384 dimensions.

    ``model_dir`` holds ``model.onnx``, ``tokenizer.json`` and ``manifest.json``
    (the shipped model by default); ``threads`` is how many batches run at once,
    each on one core: the number of usable cores by default. ``session`` is the
    onnxruntime session, which :mod:`storyline.nlp.parser` shares for the layers.

    >>> SentenceEncoder().encode([]).shape
    (0, 384)
    """

    def __init__(self, model_dir: Path | None = None, *, threads: int | None = None) -> None:
        try:
            import onnxruntime
        except ImportError as exc:
            raise ImportError(
                "storyline's sentence embeddings need onnxruntime, which is not installed: "
                "pip install onnxruntime (it is a dependency of storyline)"
            ) from exc
        from tokenizers import Tokenizer

        self.model_dir = MODEL_DIR if model_dir is None else Path(model_dir)
        manifest_path = self.model_dir / "manifest.json"
        self.manifest: dict[str, Any] = json.loads(manifest_path.read_text(encoding="utf-8"))
        self.max_length = int(self.manifest.get("max_seq_length", 256))

        self._tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(max_length=self.max_length)

        self.threads = threads or cores()
        options = onnxruntime.SessionOptions()
        # Parallel over batches, not within one (see _encode).
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = onnxruntime.InferenceSession(
            str(self.model_dir / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )
        # The graph may return more (the parser reads the layers' states); the vectors
        # pool the last layer's token states.
        self._output = str(self.manifest.get("output", "token_embeddings"))
        (output,) = [o for o in self.session.get_outputs() if o.name == self._output]
        self.dimension = int(output.shape[-1])
        self._memo: OrderedDict[str, FloatArray] = OrderedDict()
        self._memo_size = 0

    def remember(self, max_texts: int) -> None:
        """Keep the vectors of the last ``max_texts`` distinct texts encoded (0: forget all).

        Stages that read the same sentences (summary, timeline, comparison) then
        embed each once; memory stays bounded (about 1.5 KB per text).
        """
        self._memo_size = max(0, max_texts)
        while len(self._memo) > self._memo_size:
            self._memo.popitem(last=False)

    def recall(self, texts: Sequence[str], vectors: FloatArray) -> None:
        """Take ``vectors`` (made by this model earlier, stored) as the vectors of ``texts``,
        so that while remembering they are not encoded again.

        >>> encoder = load_encoder(); encoder.remember(10)
        >>> encoder.recall(["Markets fell."], np.ones((1, 384), dtype=np.float32))
        >>> float(encoder.encode(["Markets fell."])[0, 0])
        1.0
        >>> encoder.remember(0)
        """
        if len(texts) != len(vectors):
            raise ValueError(f"{len(texts)} texts but {len(vectors)} vectors")
        if not self._memo_size:
            return
        for text, vector in zip(texts, vectors, strict=True):
            self._memo[text] = np.asarray(vector, dtype=np.float32)
            self._memo.move_to_end(text)
        while len(self._memo) > self._memo_size:
            self._memo.popitem(last=False)

    def encode(self, texts: Sequence[str], batch_size: int = 16) -> FloatArray:
        """One unit-length float32 row per text, in input order: shape ``(len(texts), 384)``.

        A vector does not depend on ``batch_size``, only the speed does: batches
        of 16 fit in cache and ran faster than 32 or 64 (measured on 2 cores).

        >>> load_encoder().encode(["Markets fell."], batch_size=8).shape
        (1, 384)
        """
        if isinstance(texts, str):
            raise TypeError("encode takes a sequence of texts, not one string")
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        if not self._memo_size:
            return self._encode(texts, batch_size)
        missing = list(dict.fromkeys(t for t in texts if t not in self._memo))
        if missing:
            for text, vector in zip(missing, self._encode(missing, batch_size), strict=True):
                self._memo[text] = vector
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for i, text in enumerate(texts):
            vectors[i] = self._memo[text]
            self._memo.move_to_end(text)
        while len(self._memo) > self._memo_size:
            self._memo.popitem(last=False)
        return vectors

    def _encode(self, texts: Sequence[str], batch_size: int) -> FloatArray:
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return vectors
        encodings = self._tokenizer.encode_batch(list(texts))
        lengths = np.array([len(e.ids) for e in encodings])
        # Stable sort: equal-length texts keep their relative order, so runs repeat exactly.
        order = np.argsort(lengths, kind="stable")
        batches = [order[start : start + batch_size] for start in range(0, len(order), batch_size)]

        def encode_batch(rows: npt.NDArray[np.intp]) -> None:
            width = int(lengths[rows].max())
            input_ids = np.zeros((len(rows), width), dtype=np.int64)
            for i, row in enumerate(rows):
                ids = encodings[row].ids
                input_ids[i, : len(ids)] = ids
            attention_mask = (np.arange(width) < lengths[rows][:, None]).astype(np.int64)
            # onnxruntime releases the GIL while it runs, so batches overlap.
            (states,) = self.session.run(
                [self._output], {"input_ids": input_ids, "attention_mask": attention_mask}
            )
            vectors[rows] = _mean_pool_normalise(
                np.asarray(states, dtype=np.float32), attention_mask
            )

        workers = min(self.threads, len(batches))
        if workers == 1:
            for rows in batches:
                encode_batch(rows)
        else:
            with ThreadPoolExecutor(workers) as pool:
                for _ in pool.map(encode_batch, batches):  # re-raises a batch's error
                    pass
        return vectors


def _mean_pool_normalise(states: FloatArray, attention_mask: npt.NDArray[np.int64]) -> FloatArray:
    """Mean of the unmasked token states, scaled to unit length (sentence-transformers' eps)."""
    mask = attention_mask.astype(np.float32)
    summed = np.einsum("bld,bl->bd", states, mask)
    counts = np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
    means = summed / counts
    norms = np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-12)
    unit: FloatArray = (means / norms).astype(np.float32)
    return unit


@cache
def load_encoder() -> SentenceEncoder:
    """The shipped encoder, loaded once per process.

    >>> load_encoder() is load_encoder()
    True
    """
    return SentenceEncoder()


def offer_vectors(texts: Sequence[str], vectors: Sequence[FloatArray]) -> None:
    """Vectors of ``texts`` made elsewhere by this model (storyline's parser reads every
    sentence with the shared encoder's session and pools the same states): the shared
    encoder keeps them while it is remembering (:meth:`SentenceEncoder.remember`), so
    those sentences are not encoded a second time."""
    if texts:
        load_encoder().recall(texts, np.asarray(vectors, dtype=np.float32))
