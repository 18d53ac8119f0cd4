"""Benchmark the NLP models on real news text: throughput, load time and peak memory.

Usage::

    python benchmarks/nlp_bench.py --data ../shared/data [--runs 3] [--only embeddings]

Each measurement runs ``--runs`` times, each time in a fresh process (so load
time is a cold load and peak memory is that of one model): sentence
embeddings (sentences/s of :meth:`SentenceEncoder.encode` over BBC News
sentences), and, when ``storyline.nlp.pipeline.load_nlp`` exists, words/s of
the whole spaCy pipeline and of NER alone (``nlp.pipe`` with only the sentence
splitter, guard and ``storyline_parser``, which tags the entities on its MiniLM
pass) over BBC News articles. Words are whitespace-separated
words of the input. Prints one JSON object of medians (peak memory: the
largest run).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

_CHILD = r"""
import itertools, json, re, resource, sys, time
from pathlib import Path
from storyline.eval.corpora import iter_bbc

kind, data, limit = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
docs = [d.text for d in itertools.islice(iter_bbc(data), limit)]
if kind == "embeddings":
    split = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z0-9])")
    texts = [s for d in docs for p in d.split("\n")[1:] for s in split.split(p.strip()) if s]
    start = time.perf_counter()
    from storyline.nlp.embeddings import SentenceEncoder
    encoder = SentenceEncoder()
    loaded = time.perf_counter()
    encoder.encode(texts)
    done = time.perf_counter()
    result = {"sentences": len(texts), "sentences_per_second": len(texts) / (done - loaded)}
else:
    start = time.perf_counter()
    from storyline.nlp.pipeline import load_nlp
    nlp = load_nlp()
    loaded = time.perf_counter()
    if kind == "ner":
        # The entities come from the MiniLM parser's pass: NER alone is the tokenizer,
        # the sentence splitter and guard, and storyline_parser (which also parses).
        enabled = ["senter", "storyline_sentence_guard", "storyline_parser"]
        nlp.select_pipes(enable=enabled)
    else:
        enabled = list(nlp.pipe_names)
    for _ in nlp.pipe(docs, batch_size=64):
        pass
    done = time.perf_counter()
    words = sum(len(d.split()) for d in docs)
    result = {"words": words, "words_per_second": words / (done - loaded), "components": enabled}
result["load_seconds"] = loaded - start
result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))
"""


KINDS = ("embeddings", "pipeline", "ner")


def measure(kind: str, data: Path, limit: int) -> dict[str, Any]:
    """One run of one measurement in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, kind, str(data), str(limit)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians of the numbers over runs; peak memory is the largest run's."""
    summary: dict[str, Any] = {"runs": len(runs)}
    for key, value in runs[0].items():
        if key == "peak_rss_mb":
            summary[key] = round(max(r[key] for r in runs), 1)
        elif isinstance(value, float):
            summary[f"median_{key}"] = round(statistics.median(r[key] for r in runs), 3)
        else:
            summary[key] = value
    return summary


def has_spacy_pipeline() -> bool:
    try:
        spec = importlib.util.find_spec("storyline.nlp.pipeline")
    except ImportError:
        return False
    if spec is None:
        return False
    from storyline.nlp import pipeline

    return hasattr(pipeline, "load_nlp")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--articles", type=int, default=300, help="BBC articles per run (sorted by path)"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=KINDS,
        help="measure only this (repeatable); all by default",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    data = args.data.resolve()
    spacy_pipeline = has_spacy_pipeline()
    kinds = [k for k in KINDS if (k == "embeddings" or spacy_pipeline)]
    if args.only:
        kinds = [k for k in kinds if k in args.only]
    report: dict[str, Any] = {
        "cores": len(os.sched_getaffinity(0)),
        "articles": args.articles,
        "spacy_pipeline": (
            "absent" if not spacy_pipeline else "measured" if kinds != ["embeddings"] else "skipped"
        ),
    }
    for kind in kinds:
        try:
            report[kind] = summarise([measure(kind, data, args.articles) for _ in range(args.runs)])
        except subprocess.CalledProcessError as exc:
            # A model that is not trained yet is reported, not fatal to the other measurements.
            lines = exc.stderr.strip().splitlines() or ["no output"]
            report[kind] = {"error": lines[-1]}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
