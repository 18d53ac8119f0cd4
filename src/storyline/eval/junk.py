"""Evaluation of junk removal on the hand-labelled segments in ``evaldata/junk``.

Labels point at segments of shared-corpus documents (see the guidelines in that
folder); this module rebuilds the segments from the data folder, checks their
hashes, and scores the cleaner: how much junk it removes and how much article
text it drops. ``mixed`` segments count as article text: dropping one drops
article words.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.eval.corpora import CorpusDoc, load_corpus
from storyline.ingest.clean import Cleaner
from storyline.ingest.segments import Segment, split_segments

__all__ = ["LabelledDoc", "evaluate_junk", "load_labelled", "split_of"]

TEST_SHARE = 4  # of 10 hash buckets go to the held-apart test split


def split_of(corpus: str, key: str) -> str:
    """``tune`` or ``test``, fixed by a hash of the document's group.

    Multi-News documents of one cluster (and AllSides outlets of one story) share
    a group, so near-identical copies never straddle the split.

    >>> split_of("bbc", "bbc/tech/001.txt") in {"tune", "test"}
    True
    """
    group = key.split(":")[0] if corpus in {"multinews", "allsides"} else key
    digest = hashlib.sha1(f"{corpus}:{group}".encode()).hexdigest()
    return "test" if int(digest[:8], 16) % 10 < TEST_SHARE else "tune"


@dataclass(frozen=True, slots=True)
class LabelledDoc:
    """A document with every segment labelled."""

    doc: CorpusDoc
    segments: tuple[Segment, ...]
    labels: tuple[str, ...]  # "article", "mixed" or "junk"
    kinds: tuple[str | None, ...]
    split: str


def _rows(folder: Path) -> Iterable[dict[str, Any]]:
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)


def load_labelled(labels: Path, data: Path) -> list[LabelledDoc]:
    """Join the label rows in ``labels`` with the documents in ``data``.

    Raises ``ValueError`` when a segment's text no longer matches its hash (the
    segmenter or the data changed) or a document is only partly labelled.
    """
    by_doc: dict[tuple[str, str], dict[int, dict[str, Any]]] = {}
    for row in _rows(labels):
        by_doc.setdefault((row["corpus"], row["key"]), {})[int(row["seg"])] = row
    corpora = {name: load_corpus(name, data) for name in {c for c, _ in by_doc}}
    out = []
    for (corpus, key), rows in sorted(by_doc.items()):
        doc = corpora[corpus][key]
        segments = split_segments(doc.text)
        if len(rows) != len(segments):
            raise ValueError(f"{corpus}:{key}: {len(rows)} labels for {len(segments)} segments")
        for i, seg in enumerate(segments):
            want = rows[i]["sha1"]
            got = hashlib.sha1(seg.text.encode("utf-8")).hexdigest()[:12]
            if want != got:
                raise ValueError(f"{corpus}:{key} segment {i}: text changed since labelling")
        out.append(
            LabelledDoc(
                doc,
                tuple(segments),
                tuple(rows[i]["label"] for i in range(len(segments))),
                tuple(rows[i].get("kind") for i in range(len(segments))),
                split_of(corpus, key),
            )
        )
    return out


def _score(pairs: list[tuple[str, bool]]) -> dict[str, float | int]:
    junk = sum(1 for lab, _ in pairs if lab == "junk")
    article = len(pairs) - junk
    removed_junk = sum(1 for lab, rem in pairs if rem and lab == "junk")
    removed_article = sum(1 for lab, rem in pairs if rem and lab != "junk")
    removed = removed_junk + removed_article
    precision = removed_junk / removed if removed else 1.0
    recall = removed_junk / junk if junk else 1.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4)
        if precision + recall
        else 0.0,
        "article_dropped": round(removed_article / article, 4) if article else 0.0,
        "junk_segments": junk,
        "article_segments": article,
    }


def evaluate_junk(
    labels: Path, data: Path, *, split: str = "test", cleaner: Cleaner | None = None
) -> dict[str, Any]:
    """Score the cleaner on one split of the labelled set.

    Returns precision / recall of junk removal, the share of article segments
    dropped, the same on distinct segment texts (crawl notes and widgets repeat
    across documents), and a per-corpus breakdown.
    """
    cleaner = cleaner or Cleaner()
    docs = [d for d in load_labelled(labels, data) if split in {"all", d.split}]
    pairs: list[tuple[str, bool]] = []
    by_corpus: dict[str, list[tuple[str, bool]]] = {}
    distinct: dict[str, tuple[str, bool]] = {}
    missed: Counter[str] = Counter()
    for ld in docs:
        result = cleaner.clean(ld.doc.text, title=ld.doc.title)
        removed_ranges = {(r.start, r.end) for r in result.removals}
        for seg, lab, kind in zip(ld.segments, ld.labels, ld.kinds, strict=True):
            removed = (seg.start, seg.end) in removed_ranges
            label = "junk" if lab == "junk" else "article"
            pairs.append((label, removed))
            by_corpus.setdefault(ld.doc.corpus, []).append((label, removed))
            distinct.setdefault(" ".join(seg.text.lower().split()), (label, removed))
            if label == "junk" and not removed:
                missed[kind or "other"] += 1
    return {
        "split": split,
        "documents": len(docs),
        **_score(pairs),
        "distinct": _score(list(distinct.values())),
        "per_corpus": {name: _score(p) for name, p in sorted(by_corpus.items())},
        "missed_junk_by_kind": dict(missed.most_common()),
    }
