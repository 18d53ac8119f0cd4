"""``storyline eval clustering``: story clustering on Multi-News-style clusters, beside a baseline.

Every document of every cluster in the file is shuffled (fixed seed) and
clustered from scratch; the file's clusters are the gold stories. Scores:
B-cubed precision/recall/F1 (Bagga & Baldwin 1998: per document, the share of
its predicted cluster that shares its gold cluster, and the reverse, averaged
over documents) and the adjusted Rand index (Hubert & Arabie 1985).

Both systems read each document as storyline's ingest leaves it: junk
segments removed by :class:`~storyline.ingest.clean.Cleaner`; a document with
no article text left (Multi-News carries many — archive.org notices, "Tweet
with a location", cookie walls) would be rejected by ingest, so it stays
alone in both systems' output (and still counts in the scores). That caps what
any system can reach: ``ceiling`` gives the scores of the gold clusters with
those documents alone (on the Multi-News tune part, B-cubed recall 0.904 and
F1 0.949).

- ``storyline``: :class:`~storyline.stories.cluster.StoryClusterer` over lead
  vectors (MiniLM of each document's opening) and keyword vectors. Multi-News
  has no dates, so the time window plays no part here. ``articles_per_second`` is the clustering
  step once articles are analysed (vectors made), as the goal is stated: the
  median of five runs (the results are identical; the machine is noisy).
- ``baseline``: TF-IDF (log tf, smoothed idf, unit rows) with average-linkage
  agglomerative clustering cut at a cosine-distance threshold — the classic
  topic-detection baseline. Its time covers vectorising and clustering.

The file may also be the AllSides stories file (``news/allsides_506_stories.jsonl.gz``):
each story's outlet bodies are one gold cluster, with titles and the story's
date — dense, same-month political news, where the time of publication matters.

Documents are given opaque ids and added in the product's order (publication
time, then id), so nothing of the gold grouping leaks through the order.

``split`` picks clusters by the first hex digit of sha1 of the cluster id
(``0``–``9`` tune, else test), so thresholds can be set on one part and
reported on the other.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import random
import re
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from storyline.ingest.clean import Cleaner
from storyline.ingest.pipeline import MIN_WORDS
from storyline.stories.cluster import StoryClusterer, StoryItem, embed_leads, lead_text
from storyline.stories.keywords import load_keyword_weights

__all__ = ["adjusted_rand", "agglomerate", "bcubed", "evaluate_clustering", "load_clusters"]

_TIMED_RUNS = 5
BASELINE_DISTANCE = 0.85  # chosen on the tune part, like storyline's threshold
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def load_clusters(
    path: Path, limit: int | None = None, split: str = "all"
) -> list[tuple[str, list[str]]]:
    """``(cluster id, documents)`` from Multi-News-style JSONL (plain or .gz); no empty texts."""
    opener = gzip.open if path.name.endswith(".gz") else open
    out: list[tuple[str, list[str]]] = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            cid = str(row["id"])
            if split != "all" and _split_of(cid) != split:
                continue
            docs = [d.strip() for d in row["documents"] if d and d.strip()]
            if docs:
                out.append((cid, docs))
            if limit is not None and len(out) >= limit:
                break
    return out


def _split_of(cluster_id: str) -> str:
    return "tune" if hashlib.sha1(cluster_id.encode()).hexdigest()[0] in "0123456789" else "test"


def bcubed(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering given as one label per item.

    >>> bcubed(["a", "a", "b"], ["x", "x", "y"])
    (1.0, 1.0, 1.0)
    >>> [round(v, 3) for v in bcubed(["a", "a", "b"], ["x", "x", "x"])]
    [0.556, 1.0, 0.714]
    """
    pairs = Counter(zip(gold, predicted, strict=True))
    gsize, psize = Counter(gold), Counter(predicted)
    n = len(gold)
    if n == 0:
        return 0.0, 0.0, 0.0
    p = sum(c * c / psize[pl] for (_, pl), c in pairs.items()) / n
    r = sum(c * c / gsize[gl] for (gl, _), c in pairs.items()) / n
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def adjusted_rand(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Adjusted Rand index (1 for identical partitions, about 0 for chance).

    >>> adjusted_rand(["a", "a", "b", "b"], ["y", "y", "x", "x"])
    1.0
    """

    def comb2(k: int) -> float:
        return k * (k - 1) / 2

    n = len(gold)
    if n < 2:
        return 1.0
    index = sum(comb2(c) for c in Counter(zip(gold, predicted, strict=True)).values())
    a = sum(comb2(c) for c in Counter(gold).values())
    b = sum(comb2(c) for c in Counter(predicted).values())
    expected = a * b / comb2(n)
    top = (a + b) / 2
    return 1.0 if top == expected else (index - expected) / (top - expected)


def _tfidf(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    tokens = [Counter(_WORD.findall(t.lower())) for t in texts]
    df: Counter[str] = Counter()
    for counts in tokens:
        df.update(counts.keys())
    vocab = {w: i for i, w in enumerate(sorted(w for w, c in df.items() if c >= 2))}
    n = len(texts)
    idf = np.zeros(len(vocab), dtype=np.float32)
    for w, i in vocab.items():
        idf[i] = math.log((1 + n) / (1 + df[w])) + 1.0
    matrix = np.zeros((n, len(vocab)), dtype=np.float32)
    for row, counts in enumerate(tokens):
        for w, c in counts.items():
            j = vocab.get(w)
            if j is not None:
                matrix[row, j] = (1.0 + math.log(c)) * idf[j]
    norms = np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
    unit: npt.NDArray[np.float32] = matrix / norms
    return unit


def agglomerate(vectors: npt.NDArray[np.float32], max_distance: float) -> list[int]:
    """Average-linkage agglomerative clustering on cosine distance, cut at ``max_distance``.

    >>> v = np.array([[1, 0], [0.99, 0.14], [0, 1]], dtype=np.float32)
    >>> agglomerate(v / np.linalg.norm(v, axis=1, keepdims=True), 0.5)
    [0, 0, 1]
    """
    n = len(vectors)
    sim = (vectors @ vectors.T).astype(np.float64)
    np.fill_diagonal(sim, -np.inf)
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    members: list[list[int]] = [[i] for i in range(n)]
    while True:
        flat = int(np.argmax(sim))
        i, j = divmod(flat, n)
        if n < 2 or 1.0 - sim[i, j] > max_distance:
            break
        # Average linkage: the merged row is the size-weighted mean of the two rows.
        merged = (sim[i] * size[i] + sim[j] * size[j]) / (size[i] + size[j])
        sim[i], sim[:, i] = merged, merged
        sim[i, i] = -np.inf
        sim[j], sim[:, j] = -np.inf, -np.inf
        size[i] += size[j]
        alive[j] = False
        members[i].extend(members[j])
        members[j] = []
    labels = [0] * n
    for label, group in enumerate(sorted((sorted(m) for m in members if m), key=lambda m: m[0])):
        for i in group:
            labels[i] = label
    return labels


@dataclass(frozen=True, slots=True)
class _Doc:
    gold: str
    key: str  # an opaque id: the product sorts by id within one time, so it must not leak gold
    text: str
    title: str | None = None
    published: datetime | None = None


def _load_docs(path: Path, limit: int | None, split: str) -> tuple[list[_Doc], int]:
    """Documents of a Multi-News-style file, or of the AllSides file (``{"news": …}`` rows)."""
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        first: dict[str, Any] = next((json.loads(line) for line in fh if line.strip()), {})
    if "news" not in first:
        clusters = load_clusters(path, limit=limit, split=split)
        docs = [
            _Doc(cid, _opaque(f"{cid}:{i}"), text)
            for cid, texts in clusters
            for i, text in enumerate(texts)
        ]
        return docs, len(clusters)
    docs, stories = [], 0
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            story = json.loads(line)
            sid = str(story["id"])
            if split != "all" and _split_of(sid) != split:
                continue
            when = _date(story.get("date"))
            bodies = [
                (stance, item)
                for stance, item in sorted(story["news"].items())
                if item.get("newBody")
            ]
            for stance, item in bodies:
                text = "\n\n".join(item["newBody"])
                docs.append(
                    _Doc(sid, _opaque(f"{sid}:{stance}"), text, item.get("newsTitle"), when)
                )
            stories += 1 if bodies else 0
            if limit is not None and stories >= limit:
                break
    return docs, stories


def _opaque(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _date(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def evaluate_clustering(
    path: Path, limit: int | None = None, split: str = "all", seed: int = 0
) -> dict[str, Any]:
    """Cluster the shuffled documents of ``path`` with storyline and the baseline; score both."""
    from storyline.nlp.embeddings import load_encoder

    docs, n_clusters = _load_docs(path, limit, split)
    random.Random(seed).shuffle(docs)
    gold = [d.gold for d in docs]

    # What ingest does to every article: junk removed; a document with no article text
    # left is rejected there, so it cannot join a story (each stays alone, for both systems).
    cleaner = Cleaner()
    texts = [cleaner.clean(d.text).text for d in docs]
    kept = [k for k, text in enumerate(texts) if len(text.split()) >= MIN_WORDS]
    alone = {k: f"rejected:{docs[k].key}" for k in range(len(docs)) if k not in set(kept)}

    weights = load_keyword_weights()
    leads = [lead_text(docs[k].title, texts[k]) for k in kept]
    vectors = embed_leads(load_encoder(), leads)
    items = [
        StoryItem(
            docs[k].key,
            docs[k].published,
            vectors[row],
            weights.vector(f"{docs[k].title or ''}\n{texts[k]}"),
        )
        for row, k in enumerate(kept)
    ]
    runs: list[float] = []
    for _ in range(_TIMED_RUNS):  # the step takes well under a second: time it a few times
        started = time.perf_counter()
        assigned = {a.article_id: a.story_id for a in StoryClusterer().add_all(items)}
        runs.append(time.perf_counter() - started)
    storyline_seconds = statistics.median(runs)
    predicted = [alone.get(k) or assigned[d.key] for k, d in enumerate(docs)]

    started = time.perf_counter()
    base_labels = agglomerate(_tfidf([texts[k] for k in kept]), BASELINE_DISTANCE)
    baseline_seconds = time.perf_counter() - started
    base_of = {k: str(label) for k, label in zip(kept, base_labels, strict=True)}
    baseline = [alone.get(k) or base_of[k] for k in range(len(docs))]

    return {
        "documents": len(docs),
        "clusters": n_clusters,
        "ceiling": _ceiling(gold, alone),
        "systems": {
            "storyline": _scores(gold, predicted, len(docs), storyline_seconds),
            "baseline": _scores(gold, baseline, len(docs), baseline_seconds),
        },
    }


def _ceiling(gold: list[str], alone: dict[int, str]) -> dict[str, float]:
    """The best scores any system can reach: every kept document in its gold cluster,
    every rejected one alone (as both systems leave it)."""
    best = [alone.get(k) or g for k, g in enumerate(gold)]
    _, r, f = bcubed(gold, best)
    return {
        "bcubed_recall": round(r, 4),
        "bcubed_f1": round(f, 4),
        "ari": round(adjusted_rand(gold, best), 4),
    }


def _scores(gold: list[str], predicted: list[str], n: int, seconds: float) -> dict[str, float]:
    p, r, f = bcubed(gold, predicted)
    return {
        "bcubed_precision": round(p, 4),
        "bcubed_recall": round(r, 4),
        "bcubed_f1": round(f, 4),
        "ari": round(adjusted_rand(gold, predicted), 4),
        "articles_per_second": round(n / max(seconds, 1e-9), 1),
    }
