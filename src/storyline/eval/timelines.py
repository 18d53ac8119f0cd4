"""``storyline eval timelines DIR``: timeline summarisation on Timeline17, scored as news-tls does.

DIR is a Timeline17 folder (or its tarball): one folder per topic with
``InputDocs/<YYYY-MM-DD>/<n>.htm.txt`` (tokenised text, one sentence per line)
and ``timelines.jsonl`` (one gold timeline per line: ``[[date, [sentence, ...]], ...]``).

Protocol, as news-tls's ``experiments/evaluate.py`` runs it, for each topic and
each of its gold timelines:

- the input is restricted to the gold timeline's span: articles published
  between its first and last date, and only dates inside that range;
- :func:`storyline.stories.timeline.build_timeline` is asked for the gold's
  number of dates and its average number of sentences per date (rounded);
- the result is scored by :func:`storyline.eval.tls_metrics.score_timeline`
  (alignment-based ROUGE "align+ m:1" and date F1; the module says how it
  may differ from tilse).

Scores are averaged over a topic's timelines, then over topics (news-tls
instead averages precision and recall over all timelines and takes the F of
the averages; with one timeline per Timeline17 topic the two differ only in
that last step). Month-precision entries cannot match a gold day: they are
dropped before scoring and so only cost recall.

Input lines are detokenised lightly ("-LRB-" → "(", " ," → ",", ...) so the
timex patterns see ordinary prose; gold sentences get the same treatment so
both sides are tokenised alike for ROUGE. news-tls also requires a summary
sentence to contain one of the topic's ``keywords.json`` words; storyline has no
keywords (a dossier has none) and uses the story centroid instead.

Weights tuned (a handful of tries) on the eight dev topics of the given
Timeline17 copy; the thresholds otherwise come from the method's description.
"""

from __future__ import annotations

import json
import re
import tarfile
import tempfile
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from storyline.eval.tls_metrics import score_timeline
from storyline.extract.time import extract_timexes
from storyline.nlp.embeddings import SentenceEncoder, load_encoder
from storyline.stories.records import SourceDocument
from storyline.stories.timeline import TimelineEntry, build_timeline

__all__ = [
    "detokenise",
    "evaluate_timelines",
    "read_gold_timelines",
    "read_input_documents",
    "system_timeline",
]

METRICS = ("ar1_f", "ar2_f", "date_f1")

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_DETOK = [
    (re.compile(r"(-LRB-|-LSB-|-LCB-|``|\$)\s+"), r"\1"),
    (
        re.compile(r"\s+(-RRB-|-RSB-|-RCB-|''|[,.;:!?%]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b)"),
        r"\1",
    ),
]


def detokenise(line: str) -> str:
    """Undo PTB tokenisation enough for regexes and readers.

    >>> detokenise("He said -LRB- on Tuesday -RRB- it cost $ 5m , ok .")
    'He said (on Tuesday) it cost $5m, ok.'
    """
    text = " ".join(line.split())
    for pattern, repl in _DETOK:
        text = pattern.sub(repl, text)
    for token, char in _BRACKETS.items():
        text = text.replace(token, char)
    return text.replace("``", '"').replace("''", '"')


def read_input_documents(topic: Path) -> list[SourceDocument]:
    """A topic's input articles: sentences = lines, published = the folder's date.

    Documents are in (date, file name) order; ids are ``<date>/<file name>``.
    """
    docs: list[SourceDocument] = []
    for day in sorted(p for p in (topic / "InputDocs").iterdir() if p.is_dir()):
        published = datetime.strptime(day.name, "%Y-%m-%d")
        for path in sorted(day.iterdir(), key=lambda p: p.name):
            if not path.is_file() or path.name.startswith("."):
                continue
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            parts = [t for t in (detokenise(line) for line in lines) if t]
            spans, pos = [], 0
            for part in parts:
                spans.append((pos, pos + len(part)))
                pos += len(part) + 1
            text = "\n".join(parts)
            docs.append(
                SourceDocument(
                    id=f"{day.name}/{path.name}",
                    text=text,
                    sentences=tuple(spans),
                    published=published,
                    outlet=topic.name,
                    timexes=extract_timexes(text, published),
                )
            )
    return docs


def read_gold_timelines(topic: Path) -> list[dict[date, list[str]]]:
    """The topic's gold timelines from ``timelines.jsonl``, sentences detokenised."""
    timelines = []
    for line in (topic / "timelines.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        timeline: dict[date, list[str]] = defaultdict(list)
        for day, sentences in json.loads(line):
            timeline[date.fromisoformat(day[:10])].extend(detokenise(s) for s in sentences)
        timelines.append(dict(timeline))
    return timelines


def system_timeline(entries: Sequence[TimelineEntry]) -> dict[date, list[str]]:
    """Entries grouped by day, as the metrics read a timeline; month entries are dropped."""
    out: dict[date, list[str]] = defaultdict(list)
    for entry in entries:
        if len(entry.date) == 10:
            out[date.fromisoformat(entry.date)].append(entry.text)
    return dict(out)


def _score_topic(
    docs: Sequence[SourceDocument], gold: dict[date, list[str]], encoder: SentenceEncoder
) -> dict[str, float]:
    first, last = min(gold), max(gold)
    inside = [d for d in docs if d.published and first <= d.published.date() <= last]
    per_date = max(1, round(sum(len(s) for s in gold.values()) / len(gold)))
    entries = build_timeline(
        inside,
        encoder=encoder,
        max_dates=len(gold),
        sentences_per_date=per_date,
        window=(first, last),
    )
    return score_timeline(system_timeline(entries), gold)


def _topics(root: Path) -> Iterator[Path]:
    if (root / "timelines.jsonl").is_file():
        yield root
        return
    for child in sorted(root.iterdir(), key=lambda p: p.name):
        if child.is_dir():
            yield from _topics(child)


def evaluate_timelines(path: Path) -> dict[str, Any]:
    """Mean and per-topic AR1-F, AR2-F and date F1 on a Timeline17 folder or tarball."""
    path = Path(path)
    if path.is_file() and tarfile.is_tarfile(path):
        with tempfile.TemporaryDirectory() as tmp:
            with tarfile.open(path) as tar:
                tar.extractall(tmp, filter="data")
            return _evaluate_folder(Path(tmp))
    return _evaluate_folder(path)


def _evaluate_folder(root: Path) -> dict[str, Any]:
    encoder = load_encoder()
    topics: dict[str, dict[str, float]] = {}
    for topic in _topics(root):
        docs = read_input_documents(topic)
        runs = [_score_topic(docs, gold, encoder) for gold in read_gold_timelines(topic)]
        if runs:
            topics[topic.name] = {m: sum(r[m] for r in runs) / len(runs) for m in METRICS}
    mean = {m: sum(t[m] for t in topics.values()) / len(topics) if topics else 0.0 for m in METRICS}
    return {"mean": mean, "topics": topics}
