"""The extractive baselines storyline's summaries are measured against.

Each baseline reads the same sentence split as storyline (the
``SourceDocument.sentences`` ranges) and returns sentence texts until the word
budget is reached (the last sentence may run past it; the evaluation cuts every
system to the same number of words):

- :func:`lead` — first sentences of each article, round-robin (sentence 1 of every
  article, then sentence 2 of every article, ...), the Lead baseline of
  multi-document news summarisation (e.g. Fabbri et al. 2019, Multi-News).
- :func:`lexrank` — Erkan & Radev (2004): TF-IDF cosine graph over the cluster's
  sentences (IDF from those sentences), edges where cosine > 0.1, PageRank by power
  iteration (damping 0.85).
- :func:`textrank` — Mihalcea & Tarau (2004): word-overlap similarity
  ``|Si ∩ Sj| / (log|Si| + log|Sj|)``, weighted PageRank, d = 0.85.
- :func:`centroid_mmr` — MiniLM sentence vectors, relevance = cosine to their
  centroid, maximal marginal relevance with λ = 0.7 (Carbonell & Goldstein 1998).

The graph baselines skip a sentence whose TF-IDF cosine to an already chosen one
exceeds 0.5, so that near-copies of wire text are not picked twice (the
redundancy step LexRank's paper pairs with its ranking). Nothing here is used at
run time.

>>> from storyline.stories.records import SourceDocument
>>> docs = [SourceDocument("a", "One two. Three four.", ((0, 8), (9, 20)))]
>>> lead(docs, max_words=2)
['One two.']
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from storyline.nlp.embeddings import SentenceEncoder
from storyline.stories.records import SourceDocument
from storyline.stories.summary_features import tfidf_rows

__all__ = ["centroid_mmr", "lead", "lexrank", "pagerank", "textrank"]

FloatArray = npt.NDArray[np.float64]

_WORD = re.compile(r"[a-z0-9]+")
_REDUNDANT_TFIDF = 0.5


def _sentences(documents: Sequence[SourceDocument]) -> list[tuple[int, int, str]]:
    """(document index, sentence index, text) of every sentence, in reading order."""
    return [
        (d, i, doc.text[s:e])
        for d, doc in enumerate(documents)
        for i, (s, e) in enumerate(doc.sentences)
    ]


def _fill(texts: Sequence[str], order: Sequence[int], max_words: int) -> list[int]:
    chosen: list[int] = []
    words = 0
    for i in order:
        if words >= max_words:
            break
        chosen.append(i)
        words += len(texts[i].split())
    return chosen


def lead(documents: Sequence[SourceDocument], *, max_words: int) -> list[str]:
    """First sentences of the articles, round-robin, until ``max_words`` are reached."""
    sentences = _sentences(documents)
    order = sorted(range(len(sentences)), key=lambda k: (sentences[k][1], sentences[k][0]))
    texts = [t for _, _, t in sentences]
    return [texts[k] for k in _fill(texts, order, max_words)]


def pagerank(weights: FloatArray, damping: float = 0.85, iterations: int = 100) -> FloatArray:
    """Stationary scores of a weighted graph (rows without edges jump uniformly).

    >>> pagerank(np.array([[0.0, 1.0], [1.0, 0.0]])).round(2).tolist()
    [0.5, 0.5]
    """
    n = weights.shape[0]
    if n == 0:
        return np.zeros(0)
    out = weights.sum(axis=1, keepdims=True)
    transition = np.where(out > 0, weights / np.where(out > 0, out, 1.0), 1.0 / n)
    scores = np.full(n, 1.0 / n)
    for _ in range(iterations):
        updated = (1.0 - damping) / n + damping * (transition.T @ scores)
        if np.abs(updated - scores).sum() < 1e-8:
            return np.asarray(updated)
        scores = updated
    return scores


def _tfidf(texts: Sequence[str]) -> FloatArray:
    """Unit-length TF-IDF rows, IDF from the given sentences (as storyline's LexRank feature)."""
    return np.asarray(tfidf_rows(texts))


def _select_ranked(
    texts: Sequence[str], scores: FloatArray, tfidf: FloatArray, max_words: int
) -> list[str]:
    """Best-scored sentences, skipping near-copies, until the budget; in reading order."""
    chosen: list[int] = []
    words = 0
    for i in sorted(range(len(texts)), key=lambda k: (-scores[k], k)):
        if words >= max_words:
            break
        if chosen and float((tfidf[chosen] @ tfidf[i]).max()) > _REDUNDANT_TFIDF:
            continue
        chosen.append(i)
        words += len(texts[i].split())
    return [texts[i] for i in sorted(chosen)]


def lexrank(documents: Sequence[SourceDocument], *, max_words: int) -> list[str]:
    """LexRank: PageRank over the thresholded (> 0.1) TF-IDF cosine graph."""
    texts = [t for _, _, t in _sentences(documents)]
    if not texts:
        return []
    tfidf = _tfidf(texts)
    similarity = tfidf @ tfidf.T
    graph = (similarity > 0.1).astype(np.float64)
    np.fill_diagonal(graph, 0.0)
    return _select_ranked(texts, pagerank(graph), tfidf, max_words)


def textrank(documents: Sequence[SourceDocument], *, max_words: int) -> list[str]:
    """TextRank: weighted PageRank over word-overlap similarity."""
    texts = [t for _, _, t in _sentences(documents)]
    if not texts:
        return []
    words = [set(_WORD.findall(t.lower())) for t in texts]
    n = len(texts)
    graph = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            overlap = len(words[i] & words[j])
            norm = math.log(len(words[i]) + 1) + math.log(len(words[j]) + 1)
            if overlap and norm > 0:
                graph[i, j] = graph[j, i] = overlap / norm
    return _select_ranked(texts, pagerank(graph), _tfidf(texts), max_words)


def centroid_mmr(
    documents: Sequence[SourceDocument],
    encoder: SentenceEncoder,
    *,
    max_words: int,
    mmr_lambda: float = 0.7,
) -> list[str]:
    """Centroid + MMR on MiniLM vectors; the encoder call is part of the baseline's cost."""
    texts = [t for _, _, t in _sentences(documents)]
    if not texts:
        return []
    vectors = encoder.encode(texts).astype(np.float64)
    centroid = vectors.mean(axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-12)
    relevance = vectors @ centroid
    chosen: list[int] = []
    words = 0
    left = set(range(len(texts)))
    while left and words < max_words:
        if chosen:
            redundancy = (vectors[sorted(left)] @ vectors[chosen].T).max(axis=1)
        else:
            redundancy = np.zeros(len(left))
        candidates = sorted(left)
        mmr = mmr_lambda * relevance[candidates] - (1.0 - mmr_lambda) * redundancy
        best = candidates[int(np.argmax(mmr))]
        chosen.append(best)
        left.discard(best)
        words += len(texts[best].split())
    return [texts[i] for i in sorted(chosen)]
