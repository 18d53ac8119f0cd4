"""Benchmark the asks stage against the language pipeline it runs after.

Usage::

    python benchmarks/asks_bench.py --data ../shared/data [--articles 40] [--runs 3]

Takes the first ``--articles`` AllSides outlet bodies of the shared data folder,
parses each with storyline's spaCy pipeline (``load_nlp()``), then times
``extract_asks`` (the asks stage) over the parsed articles, with entities,
quotes and time expressions made beforehand as the runner would (those belong
to earlier stages and are timed apart). Each timing is the best of ``--runs``.
Prints one JSON object: seconds for the pipeline, the earlier stages and the
asks stage, and the asks stage's time as a share of the pipeline's.
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from storyline.eval.corpora import iter_allsides
from storyline.extract.asks import extract_asks
from storyline.extract.entities import group_entities
from storyline.extract.quotes import extract_quotes
from storyline.extract.time import extract_timexes
from storyline.nlp.pipeline import load_nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    docs = list(itertools.islice(iter_allsides(args.data), args.articles))
    nlp = load_nlp()
    nlp("Warm up the pipeline.")

    def best(fn: Any) -> float:
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            fn()
            times.append(time.perf_counter() - started)
        return min(times)

    parsed: list[Any] = []

    def parse() -> None:
        parsed.clear()
        parsed.extend(nlp(d.text) for d in docs)

    t_nlp = best(parse)
    inputs: list[tuple[Any, Any, Any, Any]] = []

    def earlier() -> None:
        inputs.clear()
        for d, doc in zip(docs, parsed, strict=True):
            published = datetime.fromisoformat(d.published[:10]) if d.published else None
            entities = group_entities(doc)
            quotes = extract_quotes(doc, entities)
            inputs.append((doc, entities, quotes, extract_timexes(d.text, published, doc)))

    t_earlier = best(earlier)
    found: list[int] = []

    def asks() -> None:
        found.clear()
        found.extend(len(extract_asks(*row)) for row in inputs)

    t_asks = best(asks)
    print(
        json.dumps(
            {
                "articles": len(docs),
                "words": sum(len(d) for d in parsed),
                "asks": sum(found),
                "pipeline_seconds": round(t_nlp, 3),
                "entities_quotes_timexes_seconds": round(t_earlier, 3),
                "asks_seconds": round(t_asks, 3),
                "asks_share_of_pipeline": round(t_asks / t_nlp, 4),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
