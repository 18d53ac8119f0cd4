"""What the summary's sentence scorer sees of each candidate sentence.

One row of numbers per sentence of a story's articles: where the sentence sits
in its article, how long it is, how central it is to the story (its MiniLM
vector against the story's centroid, its TF-IDF vector against the story's
word weights), and how much support it has in *other* articles (the closest
sentence of each other article). The scorer in :mod:`storyline.stories.summary`
is trained on these rows by ``training/summary/train_summary.py``; both import
:func:`sentence_features`, so training and run time cannot drift apart.

>>> import numpy as np
>>> vectors = np.eye(2, 384, dtype=np.float32)
>>> rows = sentence_features([["Talks ended.", "Both sides left."]], vectors)
>>> rows.shape == (2, len(FEATURE_NAMES))
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

__all__ = [
    "FEATURE_NAMES",
    "QUOTE_MARKS",
    "centrality",
    "content_words",
    "sentence_features",
    "tfidf_rows",
]

FloatArray = npt.NDArray[np.float32]

FEATURE_NAMES = (
    "position",
    "relative_position",
    "inverse_position",
    "is_first",
    "is_last",
    "words",
    "log_words",
    "ends_with_stop",
    "quote_marks",
    "starts_with_quote",
    "digit_share",
    "letter_share",
    "documents",
    "log_document_words",
    "document_share",
    "centroid_cosine",
    "document_centroid_cosine",
    "embedding_degree",
    "other_max_cosine",
    "other_mean_best_cosine",
    "other_support",
    "tfidf_centroid_cosine",
    "word_probability",
    "word_document_share",
    "lexical_centrality",
)

#: Straight and curly double quotation marks (Multi-News writes ``" word "``).
QUOTE_MARKS = frozenset('"“”')

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_ALL_WORDS = re.compile(r"[a-z0-9]+")
# Function words carry no topic: left out of the lexical centrality features.
_STOPWORD_TEXT = """a about above after again against all also am an and any are as at be because
    been before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours out over own same she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very was
    we were what when where which while who whom why will with would you your yours said says
    s t it's he's she's that's"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# Two sentences of different articles this close in MiniLM space say much the same thing.
_SUPPORT_COSINE = 0.6


def content_words(text: str) -> list[str]:
    """Lower-cased words of ``text`` without function words.

    >>> content_words("The Bank raised rates to 5%.")
    ['bank', 'raised', 'rates', '5']
    """
    return [w for w in _WORD.findall(text.lower()) if w not in _STOPWORDS]


def centrality(weights: npt.NDArray[np.floating], damping: float = 0.85) -> FloatArray:
    """PageRank of a weighted sentence graph, times the number of sentences (mean 1).

    >>> star = np.array([[0.0, 1.0, 1.0], [1.0, 0.0, 0.0], [1.0, 0.0, 0.0]])
    >>> [round(float(x), 2) for x in centrality(star)]
    [1.46, 0.77, 0.77]
    """
    n = weights.shape[0]
    out = weights.sum(axis=1, keepdims=True)
    transition = np.where(out > 0, weights / np.where(out > 0, out, 1.0), 1.0 / n)
    scores = np.full(n, 1.0 / n)
    for _ in range(100):
        updated = (1.0 - damping) / n + damping * (transition.T @ scores)
        if np.abs(updated - scores).sum() < 1e-9:
            scores = updated
            break
        scores = updated
    return np.asarray(scores * n, dtype=np.float32)


def tfidf_rows(texts: Sequence[str]) -> npt.NDArray[np.float64]:
    """Unit-length TF-IDF rows over all words, IDF from the given sentences.

    >>> rows = tfidf_rows(["the port strike", "the port"])
    >>> rows.shape, round(float(rows[0] @ rows[0]), 6)
    ((2, 3), 1.0)
    """
    tokens = [_ALL_WORDS.findall(t.lower()) for t in texts]
    vocab: dict[str, int] = {}
    for ts in tokens:
        for w in ts:
            vocab.setdefault(w, len(vocab))
    counts = np.zeros((len(texts), max(len(vocab), 1)))
    for i, ts in enumerate(tokens):
        for w in ts:
            counts[i, vocab[w]] += 1.0
    tfidf = counts * (np.log(len(texts) / np.maximum((counts > 0).sum(axis=0), 1)) + 1.0)
    unit: npt.NDArray[np.float64] = tfidf / np.maximum(
        np.linalg.norm(tfidf, axis=1, keepdims=True), 1e-12
    )
    return unit


def _lexrank(texts: Sequence[str]) -> FloatArray:
    """LexRank centrality: TF-IDF over all words (function words too, as in Erkan &
    Radev; cross-validation preferred it to content words), cosine edges above 0.1."""
    unit = tfidf_rows(texts)
    graph = ((unit @ unit.T) > 0.1).astype(np.float64)
    np.fill_diagonal(graph, 0.0)
    return centrality(graph)


def _lexical(
    words: list[list[str]], doc_of: npt.NDArray[np.int64], n_docs: int
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """TF-IDF cosine to the story's word weights, mean word probability, mean document share."""
    vocab: dict[str, int] = {}
    for ws in words:
        for w in ws:
            vocab.setdefault(w, len(vocab))
    n = len(words)
    counts = np.zeros((n, max(len(vocab), 1)), dtype=np.float32)
    for i, ws in enumerate(words):
        for w in ws:
            counts[i, vocab[w]] += 1.0
    df = (counts > 0).sum(axis=0)
    idf = np.log((n + 1) / (df + 1)) + 1.0
    tfidf = counts * idf
    norms = np.linalg.norm(tfidf, axis=1, keepdims=True)
    unit = tfidf / np.maximum(norms, 1e-9)
    centroid = tfidf.sum(axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
    tfidf_cos = unit @ centroid

    total = counts.sum()
    probability = counts.sum(axis=0) / max(float(total), 1.0)
    in_doc = np.zeros((n_docs, counts.shape[1]), dtype=bool)
    for d in range(n_docs):
        in_doc[d] = (counts[doc_of == d] > 0).any(axis=0)
    doc_share = in_doc.sum(axis=0) / n_docs
    present = counts > 0
    n_present = np.maximum(present.sum(axis=1), 1)
    word_prob = (present * probability).sum(axis=1) / n_present
    word_docs = (present * doc_share).sum(axis=1) / n_present
    return (
        tfidf_cos.astype(np.float32),
        word_prob.astype(np.float32),
        word_docs.astype(np.float32),
    )


def sentence_features(documents: Sequence[Sequence[str]], vectors: FloatArray) -> FloatArray:
    """One row of :data:`FEATURE_NAMES` per sentence, documents' sentences in order.

    ``documents`` holds each article's sentence texts; ``vectors`` their unit
    MiniLM vectors, stacked in the same order. (Titles are not used: the
    training data has none.)
    """
    texts = [s for doc in documents for s in doc]
    n = len(texts)
    rows = np.zeros((n, len(FEATURE_NAMES)), dtype=np.float32)
    if n == 0:
        return rows
    n_docs = len(documents)
    doc_of = np.array([d for d, doc in enumerate(documents) for _ in doc], dtype=np.int64)
    position = np.array([i for doc in documents for i in range(len(doc))], dtype=np.float32)
    doc_sentences = np.array([len(documents[d]) for d in doc_of], dtype=np.float32)
    word_counts = np.array([len(t.split()) for t in texts], dtype=np.float32)
    doc_words = np.array([sum(len(s.split()) for s in doc) for doc in documents], dtype=np.float32)

    col = {name: i for i, name in enumerate(FEATURE_NAMES)}
    rows[:, col["position"]] = np.minimum(position, 30.0)
    rows[:, col["relative_position"]] = position / np.maximum(doc_sentences - 1, 1)
    rows[:, col["inverse_position"]] = 1.0 / (position + 1.0)
    rows[:, col["is_first"]] = position == 0
    rows[:, col["is_last"]] = position == doc_sentences - 1
    rows[:, col["words"]] = np.minimum(word_counts, 80.0)
    rows[:, col["log_words"]] = np.log1p(word_counts)
    for i, t in enumerate(texts):
        stripped = t.rstrip("\"'”’) ")
        rows[i, col["ends_with_stop"]] = stripped.endswith((".", "!", "?"))
        rows[i, col["quote_marks"]] = min(sum(ch in QUOTE_MARKS for ch in t), 4)
        rows[i, col["starts_with_quote"]] = t[:1] in QUOTE_MARKS
        chars = max(len(t), 1)
        rows[i, col["digit_share"]] = sum(ch.isdigit() for ch in t) / chars
        rows[i, col["letter_share"]] = sum(ch.isalpha() for ch in t) / chars
    rows[:, col["documents"]] = min(n_docs, 10)
    rows[:, col["log_document_words"]] = np.log1p(doc_words[doc_of])
    rows[:, col["document_share"]] = doc_words[doc_of] / max(float(doc_words.sum()), 1.0)

    v = vectors.astype(np.float32)
    centroid = v.mean(axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
    rows[:, col["centroid_cosine"]] = v @ centroid
    sims = v @ v.T
    for d in range(n_docs):
        mine = doc_of == d
        doc_centroid = v[mine].mean(axis=0)
        doc_centroid /= max(float(np.linalg.norm(doc_centroid)), 1e-9)
        rows[mine, col["document_centroid_cosine"]] = v[mine] @ doc_centroid
    rows[:, col["embedding_degree"]] = (sims.sum(axis=1) - 1.0) / max(n - 1, 1)
    if n_docs > 1:
        # The best match in each other article: how widely the sentence is reported.
        best = np.full((n, n_docs), np.nan, dtype=np.float32)
        for d in range(n_docs):
            theirs = doc_of == d
            if theirs.any():
                best[:, d] = sims[:, theirs].max(axis=1)
        best[np.arange(n), doc_of] = np.nan
        best = np.nan_to_num(best, nan=-1.0)
        others = np.where(best > -1.0, best, np.nan)
        rows[:, col["other_max_cosine"]] = np.nanmax(np.where(best > -1.0, best, -1.0), axis=1)
        with np.errstate(all="ignore"):
            mean_best = np.nanmean(others, axis=1)
        rows[:, col["other_mean_best_cosine"]] = np.nan_to_num(mean_best, nan=0.0)
        rows[:, col["other_support"]] = (best >= _SUPPORT_COSINE).sum(axis=1) / (n_docs - 1)

    words = [content_words(t) for t in texts]
    tfidf_cos, word_prob, word_docs = _lexical(words, doc_of, n_docs)
    rows[:, col["lexical_centrality"]] = _lexrank(texts)
    rows[:, col["tfidf_centroid_cosine"]] = tfidf_cos
    rows[:, col["word_probability"]] = word_prob * 100.0
    rows[:, col["word_document_share"]] = word_docs
    return rows
