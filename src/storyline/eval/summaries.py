"""Evaluate multi-document summaries on Multi-News-style JSONL.

Each row is one story: ``{"id", "summary", "documents": [str, ...]}`` (plain or
gzipped). Every document is split into sentences once (:func:`split_sentences`)
and becomes a :class:`~storyline.stories.records.SourceDocument` (undated, as
Multi-News gives no dates), so storyline and the baselines of
:mod:`storyline.eval.summary_baselines` read the same sentences. Each system's
summary is cut to :data:`CUT_WORDS` words and scored against the reference with
rouge-score (ROUGE-1, -2, -L F1, Porter stemming); the mean over stories is
reported with the wall-clock seconds per story (sentence embedding included,
model loading not).

Stories are assigned to a part by a hash of their id (:func:`part_of`): the
sentence scorer is trained and tuned only on ``"tune"`` stories, so scores on
``"dev"`` are held out. Nothing here is used at run time.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from storyline.eval import summary_baselines
from storyline.nlp.embeddings import SentenceEncoder, load_encoder
from storyline.stories.records import SourceDocument

__all__ = [
    "CUT_WORDS",
    "SYSTEMS",
    "Cluster",
    "evaluate_summaries",
    "part_of",
    "read_clusters",
    "source_documents",
    "split_sentences",
]

#: Every summary is cut to this many words before scoring.
CUT_WORDS = 230
SYSTEMS = ("storyline", "lead", "lexrank", "textrank", "centroid")

Part = Literal["tune", "dev", "all"]

_TERMINAL = re.compile(r"[.!?]+")
_CLOSERS = "\"'”’)]"
_OPENERS = "\"“‘'(["
_QUOTE = '"'
# A full stop after these words is an abbreviation, not a sentence end.
_ABBREVIATION_TEXT = (
    "mr mrs ms dr prof sen rep gov gen col lt sgt capt st jr sr inc corp co ltd vs no "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m rev "
    "mt ft ave dept est approx"
)
_ABBREVIATIONS = frozenset(_ABBREVIATION_TEXT.split())


@dataclass(frozen=True, slots=True)
class Cluster:
    """One story of the evaluation file: its reference summary and source texts."""

    id: str
    summary: str
    documents: tuple[str, ...]


def read_clusters(path: Path, limit: int | None = None) -> Iterator[Cluster]:
    """Rows of a Multi-News-style JSONL file (``.gz`` is decompressed)."""
    opener: Callable[..., Any] = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        count = 0
        for line in fh:
            if not line.strip():
                continue
            if limit is not None and count >= limit:
                return
            row = json.loads(line)
            docs = tuple(d for d in row["documents"] if d.strip())
            yield Cluster(str(row["id"]), row["summary"], docs)
            count += 1


def part_of(cluster_id: str) -> Literal["tune", "dev"]:
    """``"dev"`` for about a third of the stories, ``"tune"`` for the rest, by SHA-1 of the id.

    >>> part_of("1"), part_of("0")
    ('tune', 'dev')
    """
    digest = int(hashlib.sha1(cluster_id.encode("utf-8")).hexdigest()[:8], 16)
    return "dev" if digest % 3 == 0 else "tune"


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` ranges of the sentences of flattened news text.

    A sentence ends at ``.``, ``!`` or ``?`` (with closing quotes or brackets)
    before white space and a capital, a digit or an opening quote, unless the word
    before is an abbreviation or an initial. Multi-News writes quotes with spaces
    inside (``" the photo ... in error, " the site said``), so whether a quote mark
    after a full stop opens the next sentence or closes this one is decided by
    counting the quote marks before it.

    >>> text = 'Mr. Smith left. " we won, " he said. Rates rose 2.5 percent.'
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Mr. Smith left.', '" we won, " he said.', 'Rates rose 2.5 percent.']
    """
    out: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for match in _TERMINAL.finditer(text):
        end = match.end()
        while end < n and text[end] in _CLOSERS and text[end] != _QUOTE:
            end += 1
        inside_quote = text.count(_QUOTE, start, end) % 2 == 1
        probe = end
        while probe < n and text[probe] == " ":
            probe += 1
        if inside_quote and probe < n and text[probe] == _QUOTE:
            # The quote mark closes the quotation this sentence opened.
            end = probe + 1
            probe = end
        elif end < n and text[end] == _QUOTE and inside_quote:
            end += 1
            probe = end
        if probe == end and end < n and not text[end].isspace():
            continue
        while probe < n and text[probe].isspace():
            probe += 1
        if probe >= n:
            break
        following = text[probe]
        if not (following.isupper() or following.isdigit() or following in _OPENERS):
            continue
        words = text[start : match.start()].rsplit(None, 1)
        last = words[-1].lower().lstrip(_OPENERS) if words else ""
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        if match.group() == "." and last.isdigit() and following.isdigit():
            continue
        _append(out, text, start, end)
        start = probe
    _append(out, text, start, n)
    return tuple(out)


def _append(out: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def source_documents(cluster: Cluster) -> tuple[SourceDocument, ...]:
    """The cluster's texts as undated documents ``<id>:<index>`` with their sentences."""
    return tuple(
        SourceDocument(f"{cluster.id}:{i}", text, split_sentences(text))
        for i, text in enumerate(cluster.documents)
    )


def _cut(sentences: Sequence[str]) -> str:
    return " ".join(" ".join(sentences).split()[:CUT_WORDS])


def _systems(encoder: SentenceEncoder) -> dict[str, Callable[[Sequence[SourceDocument]], str]]:
    from storyline.stories.summary import summarize

    return {
        "storyline": lambda docs: _cut(
            [s.text for s in summarize(docs, max_words=CUT_WORDS, encoder=encoder)]
        ),
        "lead": lambda docs: _cut(summary_baselines.lead(docs, max_words=CUT_WORDS)),
        "lexrank": lambda docs: _cut(summary_baselines.lexrank(docs, max_words=CUT_WORDS)),
        "textrank": lambda docs: _cut(summary_baselines.textrank(docs, max_words=CUT_WORDS)),
        "centroid": lambda docs: _cut(
            summary_baselines.centroid_mmr(docs, encoder, max_words=CUT_WORDS)
        ),
    }


def evaluate_summaries(
    path: Path,
    limit: int | None = None,
    *,
    part: Part = "all",
    encoder: SentenceEncoder | None = None,
    systems: Sequence[str] = SYSTEMS,
) -> dict[str, Any]:
    """Mean ROUGE F1 and seconds per cluster of storyline and the baselines.

    ``limit`` keeps the first N clusters of ``part`` (``"dev"``: the held-out
    third; ``"tune"``: what the scorer was trained on; ``"all"``).

    Example: ``evaluate_summaries(Path("multinews.jsonl.gz"), limit=50, part="dev")``
    returns ``{"clusters": 50, "part": "dev", "systems": {"lead": {"rouge1": ...}}}``.
    """
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    encoder = encoder if encoder is not None else load_encoder()
    runners = _systems(encoder)
    unknown = set(systems) - set(runners)
    if unknown:
        raise ValueError(f"unknown systems: {sorted(unknown)}")
    keys = ("rouge1", "rouge2", "rougeL")
    totals = {name: dict.fromkeys((*keys, "seconds"), 0.0) for name in systems}
    clusters = 0
    rows = read_clusters(path)
    selected = (c for c in rows if part == "all" or part_of(c.id) == part)
    for cluster in selected:
        if limit is not None and clusters >= limit:
            break
        documents = source_documents(cluster)
        clusters += 1
        for name in systems:
            began = time.perf_counter()
            summary = runners[name](documents)
            totals[name]["seconds"] += time.perf_counter() - began
            scores = scorer.score(cluster.summary, summary)
            for key in keys:
                totals[name][key] += scores[key].fmeasure
    denominator = max(clusters, 1)
    return {
        "clusters": clusters,
        "part": part,
        "systems": {
            name: {
                **{key: round(totals[name][key] / denominator, 4) for key in keys},
                "seconds_per_cluster": round(totals[name]["seconds"] / denominator, 4),
            }
            for name in systems
        },
    }
