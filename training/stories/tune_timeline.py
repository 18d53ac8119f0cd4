"""Choose the timeline settings by leave-one-topic-out cross-validation on Timeline17.

Usage::

    python training/stories/tune_timeline.py ../shared/data/timeline/timeline17_dev.tar.gz \\
        [--grid wide|structural] [--table /tmp/timeline_grid.json]

The argument is a Timeline17 folder or tarball, as ``storyline eval timelines``
takes. Each folder holds one or more gold timelines; their topic is the part
of the folder's name before the first ``_`` (``bpoil_bbc`` and ``bpoil_reuters``
are both ``bpoil``: one story told by several outlets, held out together).

Protocol:

1. Every point of a grid of :data:`GRIDS` (a full product, the shipped settings first)
   builds every timeline as ``storyline eval timelines`` does (input restricted
   to the gold's span, the gold's number of dates and rounded mean sentences
   per date) and is scored with AR1-F, AR2-F and date F1.
2. For each topic in turn, the point with the best mean AR1-F over the *other*
   topics (each topic the mean of its timelines, so the five ``bpoil`` outlets
   count as one story; ties: AR2-F, then grid order, so the shipped settings
   win a tie) is scored on the held-out topic's timelines.
3. The held-out scores of all timelines, averaged as the eval averages them
   (over timelines), are the honest estimate; the shipped settings' scores on
   the same timelines are printed beside them, and the point the same rule
   picks on all topics is the candidate to ship.

Result on ``timeline17_dev.tar.gz`` (8 timelines, 4 topics; AR1-F / AR2-F / date F1):

- ``wide`` (144 points): CV held-out .1100 / .0299 / .6176, against .1145 /
  .0329 / .6188 for the settings then shipped: each fold picked a different
  mix of weights, and none carried over to its held-out topic.
- ``structural`` (4 points): CV held-out .1158 / .0324 / .6188; every fold
  picked distinct_dates, two of the four with shared_centroid as well. The
  all-topics choice of both grids is distinct_dates alone, now shipped:
  .1178 / .0353 / .6188 in-sample (its gain is mostly on ``haiti``; on the
  other topics it is within ±.002 AR1).

Sentence vectors are kept across grid points (the encoder's memo) and ROUGE
tokens are memoised, so a point costs only its ranking, selection and scoring.
``--table`` keeps every point's scores in a JSON file, read back on a rerun so
an interrupted grid resumes where it stopped.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
import tarfile
import tempfile
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from statistics import mean

from storyline.eval import tls_metrics
from storyline.eval.timelines import read_gold_timelines, read_input_documents, system_timeline
from storyline.nlp.embeddings import SentenceEncoder, load_encoder
from storyline.stories.records import SourceDocument
from storyline.stories.timeline import TimelineSettings, build_timeline

METRICS = ("ar1_f", "ar2_f", "date_f1")

SHIPPED = TimelineSettings()
# The settings before this script's first runs (issue 7): the shipped ones but for
# distinct_dates, which the "structural" grid's cross-validation supported.
BEFORE = dataclasses.replace(SHIPPED, distinct_dates=False)

Grid = dict[str, tuple[float | int | bool, ...]]

# Each grid: the knobs it varies (the rest stay shipped), each knob's values, the
# shipped value first (the order only breaks ties). "wide" was declared before any
# run, when distinct_dates was off; "structural" after "wide"'s result (its
# per-fold choices varied, and it did worse held out than the settings then
# shipped), to ask only whether the two structural changes (news-tls's PM-Mean
# centroid, which "wide" lacked, and not retelling an event on a second date)
# hold up without re-tuning the weights.
GRIDS: dict[str, Grid] = {
    "wide": {
        "story_weight": (1.0, 0.5, 2.0),
        "lexical_weight": (1.0, 0.0, 2.0),
        "lead_weight": (0.0, 0.1),
        "max_words": (60, 35),
        "month_weight": (0.25, 0.0),
        "distinct_dates": (True, False),
    },
    "structural": {
        "shared_centroid": (False, True),
        "distinct_dates": (True, False),
    },
}


def grid_points(grid: Grid) -> list[TimelineSettings]:
    """Every combination of the grid's values, the shipped settings first."""
    names = list(grid)
    return [
        TimelineSettings(**dict(zip(names, values, strict=True)))  # type: ignore[arg-type]
        for values in itertools.product(*(grid[n] for n in names))
    ]


def describe(settings: TimelineSettings) -> str:
    """The knobs that differ from the shipped settings, or ``shipped``."""
    changed = [
        f"{f.name}={getattr(settings, f.name)}"
        for f in dataclasses.fields(settings)
        if getattr(settings, f.name) != getattr(SHIPPED, f.name)
    ]
    return " ".join(changed) or "shipped"


@dataclasses.dataclass
class Timeline:
    """One gold timeline with its topic's input, restricted as the eval restricts it."""

    name: str
    topic: str
    documents: list[SourceDocument]
    gold: dict[date, list[str]]

    def score(self, settings: TimelineSettings, encoder: SentenceEncoder) -> dict[str, float]:
        # As storyline.eval.timelines scores a timeline (news-tls's protocol).
        first, last = min(self.gold), max(self.gold)
        per_date = max(1, round(sum(len(s) for s in self.gold.values()) / len(self.gold)))
        entries = build_timeline(
            self.documents,
            encoder=encoder,
            max_dates=len(self.gold),
            sentences_per_date=per_date,
            window=(first, last),
            settings=settings,
        )
        scores = tls_metrics.score_timeline(system_timeline(entries), self.gold)
        return {m: scores[m] for m in METRICS}


def _folders(root: Path) -> Iterator[Path]:
    if (root / "timelines.jsonl").is_file():
        yield root
        return
    for child in sorted(root.iterdir(), key=lambda p: p.name):
        if child.is_dir():
            yield from _folders(child)


def read_timelines(root: Path) -> list[Timeline]:
    timelines = []
    for folder in _folders(root):
        docs = read_input_documents(folder)
        for n, gold in enumerate(read_gold_timelines(folder)):
            first, last = min(gold), max(gold)
            inside = [d for d in docs if d.published and first <= d.published.date() <= last]
            name = folder.name if n == 0 else f"{folder.name}#{n}"
            timelines.append(Timeline(name, folder.name.split("_")[0], inside, gold))
    return timelines


Table = dict[str, dict[str, dict[str, float]]]  # settings repr → timeline → metric → score


def run_grid(
    timelines: Sequence[Timeline], points: Sequence[TimelineSettings], table_path: Path | None
) -> Table:
    table: Table = {}
    if table_path is not None and table_path.is_file():
        table = json.loads(table_path.read_text(encoding="utf-8"))
    encoder = load_encoder()
    encoder.remember(1_000_000)
    # score_timeline tokenises both timelines on every call; the gold side repeats.
    tls_metrics.rouge_tokens = cache(tls_metrics.rouge_tokens)  # type: ignore[assignment]
    for n, settings in enumerate(points, 1):
        key = repr(settings)
        if key in table and set(table[key]) >= {t.name for t in timelines}:
            continue
        table[key] = {t.name: t.score(settings, encoder) for t in timelines}
        ar1 = mean(s["ar1_f"] for s in table[key].values())
        print(f"[{n}/{len(points)}] AR1 {ar1:.4f}  {describe(settings)}", file=sys.stderr)
        if table_path is not None:
            table_path.write_text(json.dumps(table, indent=1), encoding="utf-8")
    return table


def _objective(
    row: dict[str, dict[str, float]], timelines: Sequence[Timeline]
) -> tuple[float, float]:
    """Mean over topics of each topic's mean AR1-F (then AR2-F) over its timelines."""
    by_topic: dict[str, list[dict[str, float]]] = defaultdict(list)
    for t in timelines:
        by_topic[t.topic].append(row[t.name])
    return (
        mean(mean(s["ar1_f"] for s in runs) for runs in by_topic.values()),
        mean(mean(s["ar2_f"] for s in runs) for runs in by_topic.values()),
    )


def choose(
    table: Table, points: Sequence[TimelineSettings], timelines: Sequence[Timeline]
) -> TimelineSettings:
    """The point with the best objective on ``timelines``; ties go to the earlier point."""
    best = max(
        enumerate(points),
        key=lambda item: (*_objective(table[repr(item[1])], timelines), -item[0]),
    )
    return best[1]


def _means(rows: Sequence[dict[str, float]]) -> str:
    return "  ".join(f"{m} {mean(r[m] for r in rows):.4f}" for m in METRICS)


def cross_validate(
    table: Table, points: Sequence[TimelineSettings], timelines: Sequence[Timeline]
) -> None:
    """Print each fold's choice and scores, then the means over all timelines."""
    baselines = {"shipped": SHIPPED, "before": BEFORE}
    baselines = {name: s for name, s in baselines.items() if repr(s) in table}
    held_out: list[dict[str, float]] = []
    for topic in sorted({t.topic for t in timelines}):
        train = [t for t in timelines if t.topic != topic]
        test = [t for t in timelines if t.topic == topic]
        pick = choose(table, points, train)
        rows = [table[repr(pick)][t.name] for t in test]
        held_out += rows
        print(f"held out {topic} ({len(test)} timelines): chose {describe(pick)}")
        print(f"    held-out  {_means(rows)}")
        for name, settings in baselines.items():
            print(f"    {name:9} {_means([table[repr(settings)][t.name] for t in test])}")
    print(f"\nMean over {len(held_out)} timelines:")
    print(f"    CV held-out  {_means(held_out)}  (each scored by a choice made without its topic)")
    for name, settings in baselines.items():
        rows = [table[repr(settings)][t.name] for t in timelines]
        print(f"    {name:12} {_means(rows)}  ({describe(settings)}; in-sample)")
    final = choose(table, points, timelines)
    rows = [table[repr(final)][t.name] for t in timelines]
    print(f"    all-topics choice  {_means(rows)}  ({describe(final)}; in-sample)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="a Timeline17 folder or its tarball")
    parser.add_argument("--grid", choices=sorted(GRIDS), default="wide")
    parser.add_argument("--table", type=Path, help="JSON file keeping every point's scores")
    args = parser.parse_args()
    points = grid_points(GRIDS[args.grid])
    with tempfile.TemporaryDirectory() as tmp:
        root = args.data
        if root.is_file() and tarfile.is_tarfile(root):
            with tarfile.open(root) as tar:
                tar.extractall(tmp, filter="data")
            root = Path(tmp)
        timelines = read_timelines(root)
    print(f"{len(timelines)} timelines, {len(points)} grid points", file=sys.stderr)
    table = run_grid(timelines, points, args.table)
    cross_validate(table, points, timelines)


if __name__ == "__main__":
    main()
