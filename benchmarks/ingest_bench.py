"""Benchmark the whole ingest path on real articles: articles per second and peak memory.

Usage::

    python benchmarks/ingest_bench.py --data ../shared/data [--runs 3]

Writes two real-article inputs to a temporary folder — every BBC News article as
its own ``.txt`` file (2,225 files), and every Multi-News source document plus
every AllSides outlet body as one JSON Lines file — then runs
``storyline ingest`` on each into a fresh store, ``--runs`` times, each run in
a new process. Prints one JSON object: per input, the median seconds,
articles stored per second, and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from storyline.eval.corpora import iter_allsides, iter_bbc, iter_multinews


def write_inputs(data: Path, folder: Path) -> dict[str, tuple[Path, int]]:
    bbc = folder / "bbc"
    bbc.mkdir()
    n_bbc = 0
    for doc in iter_bbc(data):
        (bbc / (doc.key.replace("/", "_"))).write_text(doc.text, encoding="utf-8")
        n_bbc += 1
    rows = folder / "multinews_allsides.jsonl"
    n_rows = 0
    with rows.open("w", encoding="utf-8") as fh:
        for doc in [*iter_multinews(data), *iter_allsides(data)]:
            record = {
                "id": f"{doc.corpus}:{doc.key}",
                "title": doc.title,
                "outlet": doc.outlet,
                "url": doc.url,
                "published": doc.published,
                "text": doc.text,
            }
            fh.write(json.dumps({k: v for k, v in record.items() if v}) + "\n")
            n_rows += 1
    return {"bbc_txt_files": (bbc, n_bbc), "multinews_allsides_jsonl": (rows, n_rows)}


_CHILD = """
import json, resource, sys, time
from pathlib import Path
from storyline import Settings, Store, ingest_sources
start = time.perf_counter()
with Store.open(sys.argv[2]) as store:
    report = ingest_sources([sys.argv[1]], store, Settings(db=Path(sys.argv[2]), progress=False))
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "stored": len(report.outcomes),
                  "rejected": len(report.rejected),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_once(source: Path, db: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(source), str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    out: dict[str, object] = {"runs": args.runs}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, (source, inputs) in write_inputs(args.data, folder).items():
            runs = []
            for i in range(args.runs):
                db = folder / f"{name}-{i}.db"
                runs.append(run_once(source, db))
                time.sleep(0.5)
            seconds = statistics.median(r["seconds"] for r in runs)
            stored = runs[0]["stored"]
            out[name] = {
                "inputs": inputs,
                "articles": stored,
                "rejected": runs[0]["rejected"],
                "median_seconds": round(seconds, 2),
                "articles_per_second": round(stored / seconds, 1),
                "peak_mb": round(statistics.median(r["peak_mb"] for r in runs), 1),
                "all_seconds": [round(r["seconds"], 2) for r in runs],
            }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
