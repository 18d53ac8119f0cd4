"""The junk-segment classifier: which lines of scraped text are not the article.

A multinomial logistic regression over hashed features of a segment and its
context: its words and word shapes, its length, punctuation, capitalisation,
position in the document, whether it repeats the title or another segment, and
the length of its neighbours. The classes are ``article`` and the junk kinds of
the labelled set (``share``, ``caption``, ``crawl_note`` ...). Nothing here
lists junk phrases: what makes a segment junk is learnt from hand-labelled real
text (``training/train_junk.py``), and the removal threshold is chosen so that
almost no article text is dropped.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from storyline.ingest.segments import Segment

__all__ = ["JunkModel", "SegmentContext", "featurize", "load_default_model", "train_model"]

_DIM_BITS = 18
_DIM = 1 << _DIM_BITS
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s]", re.UNICODE)
_TERMINAL = re.compile(r"""[.!?…]["'”’)\]]*$""")
_URLISH = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SegmentContext:
    """A segment with what the classifier may know of its document."""

    segment: Segment
    index: int
    count: int
    flat: bool
    title: str | None
    repeats: bool
    prev_words: int
    next_words: int


def _bucket(value: float, edges: Sequence[float]) -> int:
    for i, edge in enumerate(edges):
        if value <= edge:
            return i
    return len(edges)


def _shape(word: str) -> str:
    shape = re.sub(r"[A-Z]", "X", word)
    shape = re.sub(r"[a-z]", "x", shape)
    shape = re.sub(r"[0-9]", "d", shape)
    return re.sub(r"(.)\1{2,}", r"\1\1", shape)


def _norm(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(text) if w.isalnum())


def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (_DIM - 1)


def featurize(ctx: SegmentContext) -> npt.NDArray[np.int64]:
    """Hashed feature indices of one segment (binary features, bias included)."""
    text = ctx.segment.text
    words = _WORD.findall(text)
    lower = [w.lower() for w in words]
    alpha = [w for w in words if w[:1].isalpha()]
    n = len(alpha)
    feats = ["bias", f"flat={ctx.flat}"]
    feats += [f"w={w}" for w in lower]
    feats += [f"b={a}_{b}" for a, b in pairwise(lower)]
    if lower:
        feats += [f"first={lower[0]}", f"last={lower[-1]}"]
        feats += [f"first2={'_'.join(lower[:2])}"]
    feats += [f"shape={_shape(w)}" for w in words[:12]]
    nb = _bucket(n, (0, 1, 2, 3, 5, 8, 12, 20, 40))
    feats += [f"nwords={nb}", f"nwords={nb}|flat={ctx.flat}"]
    caps = sum(1 for w in alpha if w[0].isupper()) / n if n else 0.0
    feats.append(f"caps={_bucket(caps, (0.0, 0.2, 0.5, 0.8, 0.99))}")
    if text.isupper():
        feats.append("allcaps")
    terminal = bool(_TERMINAL.search(text))
    feats.append(f"terminal={terminal}|nwords={nb}")
    stripped = text.rstrip()
    if stripped.endswith(":"):
        feats.append("ends_colon")
    if stripped.endswith(("...", "…")):
        feats.append("ends_ellipsis")
    if text[:1].islower():
        feats.append("starts_lower")
    if any(c.isdigit() for c in text):
        feats.append("has_digit")
    if _URLISH.search(text):
        feats.append("has_url")
    if "@" in text:
        feats.append("has_at")
    for mark in "|•»›#©/&;":
        if mark in text:
            feats.append(f"mark={mark}")
    if any(q in text for q in '"“”'):
        feats.append("has_quote")
    rel = ctx.index / max(ctx.count - 1, 1)
    feats.append(f"pos={_bucket(rel, (0.0, 0.1, 0.3, 0.7, 0.9, 0.999))}")
    if ctx.index == 0:
        feats.append(f"is_first|nwords={nb}")
    if ctx.index == ctx.count - 1:
        feats.append(f"is_last|nwords={nb}")
    if ctx.repeats:
        feats.append("repeats")
    if ctx.title:
        title = _norm(ctx.title)
        mine = _norm(text)
        if mine and mine == title:
            feats.append("is_title")
        elif title and mine.startswith(title):
            feats.append("starts_with_title")
    feats.append(f"prev={_bucket(ctx.prev_words, (0, 3, 8, 20))}|nwords={nb}")
    feats.append(f"next={_bucket(ctx.next_words, (0, 3, 8, 20))}|nwords={nb}")
    return np.unique(np.fromiter((_hash(f) for f in feats), dtype=np.int64))


def contexts(segments: Sequence[Segment], *, flat: bool, title: str | None) -> list[SegmentContext]:
    """Build the classifier's view of each segment of one document."""
    norms = [_norm(s.text) for s in segments]
    seen: dict[str, int] = {}
    for key in norms:
        seen[key] = seen.get(key, 0) + 1
    counts = [len(_WORD.findall(s.text)) for s in segments]
    out = []
    for i, seg in enumerate(segments):
        out.append(
            SegmentContext(
                segment=seg,
                index=i,
                count=len(segments),
                flat=flat,
                title=title,
                repeats=bool(norms[i]) and seen[norms[i]] > 1,
                prev_words=counts[i - 1] if i > 0 else 0,
                next_words=counts[i + 1] if i + 1 < len(segments) else 0,
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class JunkModel:
    """Weights of the junk classifier. ``classes[0]`` is ``article``.

    ``threshold``: a segment is removed when its probability of being article
    text falls below it.
    """

    classes: tuple[str, ...]
    rows: npt.NDArray[np.int64]  # sorted feature indices that have weights
    weights: npt.NDArray[np.float32]  # len(rows) x len(classes)
    threshold: float

    def _scores(self, features: Sequence[npt.NDArray[np.int64]]) -> npt.NDArray[np.float64]:
        out = np.zeros((len(features), len(self.classes)), dtype=np.float64)
        for i, idx in enumerate(features):
            pos = np.searchsorted(self.rows, idx)
            inside = pos < len(self.rows)
            pos, wanted = pos[inside], idx[inside]
            hit = pos[self.rows[pos] == wanted]
            out[i] = self.weights[hit].sum(axis=0)
        return out

    def predict(
        self, features: Sequence[npt.NDArray[np.int64]]
    ) -> tuple[npt.NDArray[np.float64], list[str]]:
        """Probability of ``article`` per segment, and the most likely junk kind."""
        if not features:
            return np.zeros(0), []
        scores = self._scores(features)
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=1, keepdims=True)
        # "other" also stands for junk of unknown kind (distant supervision), so a
        # specific kind is named whenever the model gives one any weight.
        specific = [i for i, c in enumerate(self.classes) if i and c != "other"] or [
            i for i in range(1, len(self.classes))
        ]
        kinds = [self.classes[specific[int(np.argmax(p[specific]))]] for p in probs]
        return probs[:, 0], kinds

    def pruned(self, min_weight: float) -> JunkModel:
        """The model without feature rows whose weights are all below ``min_weight``."""
        keep = np.abs(self.weights).max(axis=1) >= min_weight
        return JunkModel(self.classes, self.rows[keep], self.weights[keep], self.threshold)

    def to_bytes(self) -> bytes:
        """Serialise to compressed ``.npz`` bytes."""
        buf = io.BytesIO()
        np.savez_compressed(
            buf,
            classes=np.array(self.classes),
            rows=self.rows,
            weights=self.weights.astype(np.float16),
            threshold=np.array([self.threshold]),
        )
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> JunkModel:
        """Load a model written by :meth:`to_bytes`."""
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            return cls(
                classes=tuple(str(c) for c in npz["classes"]),
                rows=npz["rows"].astype(np.int64),
                weights=npz["weights"].astype(np.float32),
                threshold=float(npz["threshold"][0]),
            )


def load_default_model() -> JunkModel:
    """The model shipped in the package (trained by ``training/train_junk.py``)."""
    data = resources.files("storyline.ingest").joinpath("models/junk.npz").read_bytes()
    return JunkModel.from_bytes(data)


def train_model(
    features: Sequence[npt.NDArray[np.int64]],
    labels: Sequence[str],
    *,
    threshold: float = 0.5,
    l2: float = 1e-4,
    epochs: int = 300,
    learning_rate: float = 0.05,
    seed: int = 0,
    weights: Sequence[float] | None = None,
) -> JunkModel:
    """Fit a multinomial logistic regression (Adam, full batch, L2) on hashed features.

    ``labels`` are ``article`` or a junk kind; ``weights`` scale each example.
    """
    classes = ("article", *sorted({lab for lab in labels if lab != "article"}))
    y = np.array([classes.index(lab) for lab in labels])
    used = np.unique(np.concatenate(list(features)))
    col = [np.searchsorted(used, f) for f in features]
    lengths = np.array([len(c) for c in col])
    flat_cols = np.concatenate(col)
    row_of = np.repeat(np.arange(len(col)), lengths)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    rng = np.random.default_rng(seed)
    w = rng.normal(0.0, 0.01, size=(len(used), len(classes)))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    onehot = np.eye(len(classes))[y]
    # weight classes so rare junk kinds are not drowned by article text
    freq = onehot.sum(axis=0)
    sample_w = (len(y) / (len(classes) * freq))[y] ** 0.5
    if weights is not None:
        sample_w = sample_w * np.asarray(weights, dtype=np.float64)
    for step in range(1, epochs + 1):
        scores = np.add.reduceat(w[flat_cols], starts, axis=0)
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        err = (p - onehot) * sample_w[:, None] / len(y)
        grad = np.zeros_like(w)
        np.add.at(grad, flat_cols, err[row_of])
        grad += l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        mhat = m / (1 - 0.9**step)
        vhat = v / (1 - 0.999**step)
        w -= learning_rate * mhat / (np.sqrt(vhat) + 1e-8)
    return JunkModel(classes, used.astype(np.int64), w.astype(np.float32), threshold)
