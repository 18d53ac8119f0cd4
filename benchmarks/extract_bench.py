"""Benchmark each extraction stage against the language pipeline it runs after.

Usage::

    python benchmarks/extract_bench.py --data ../shared/data [--articles 40] [--runs 3]

Takes the first ``--articles`` AllSides outlet bodies of the shared data folder
(with their publication dates), parses each with storyline's spaCy pipeline
(``load_nlp()``), then runs the stages of ``default_annotator()`` over the
parsed articles exactly as the runner does (each stage reads what the earlier
ones found) and times every stage apart. Each timing is the best of ``--runs``.
Prints one JSON object: seconds for the pipeline and for each stage, each
stage's time as a share of the pipeline's, and the shares the issues set
limits on — quotes with entities (≤ 25 %), time expressions with figures
(≤ 15 %), asks (≤ 15 %).
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from storyline.eval.corpora import iter_allsides
from storyline.extract.annotate import default_annotator
from storyline.records import Article


def _article(key: str, text: str, published: str | None) -> Article:
    return Article(
        id=key,
        source=key,
        kind="text",
        text=text,
        raw_text=text,
        content_hash=key,
        published=datetime.fromisoformat(published[:10]) if published else None,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    docs = list(itertools.islice(iter_allsides(args.data), args.articles))
    articles = [_article(d.key, d.text, d.published) for d in docs]
    annotator = default_annotator()
    nlp = annotator.nlp
    nlp("Warm up the pipeline.")

    def best(fn: Callable[[], None]) -> float:
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            fn()
            times.append(time.perf_counter() - started)
        return min(times)

    parsed: list[Any] = []

    def parse() -> None:
        parsed.clear()
        parsed.extend(nlp(a.text) for a in articles)

    t_nlp = best(parse)
    found: list[dict[str, Any]] = [{"doc": doc} for doc in parsed]
    seconds: dict[str, float] = {}
    for stage in annotator.stages:

        def run(stage: Any = stage) -> None:
            for article, done in zip(articles, found, strict=True):
                done[stage.adds] = stage(article, done)

        seconds[stage.name] = best(run)
    share = {name: round(s / t_nlp, 4) for name, s in seconds.items()}
    print(
        json.dumps(
            {
                "articles": len(articles),
                "words": sum(len(doc) for doc in parsed),
                "pipeline_seconds": round(t_nlp, 3),
                "stage_seconds": {name: round(s, 3) for name, s in seconds.items()},
                "share_of_pipeline": share,
                "quotes_and_entities_share": round(share["quotes"] + share["entities"], 4),
                "timexes_and_figures_share": round(share["timexes"] + share["figures"], 4),
                "asks_share": share["asks"],
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
