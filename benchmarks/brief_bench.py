"""Benchmark ``storyline brief`` end to end on real articles: wall time and peak memory.

Usage::

    python benchmarks/brief_bench.py --data ../shared/data [--articles N] [--runs N] [--later-run]

Writes ``--articles`` real articles to one JSON Lines file — AllSides outlet
bodies first (dated, titled, with outlets: the stories they form are real
multi-outlet stories), then BBC News articles to make up the number — and runs
``storyline brief FILE --format json -o OUT -q`` in a fresh process ``--runs``
times, each with a throw-away store. Prints one JSON object: the median
seconds, articles per second, peak resident memory, and the number of stories.

``--later-run`` measures the day-after case instead: each run briefs every other
article into a fresh ``--db`` store (not timed), then times the brief of the rest
into the same store — articles that continue the stories already stored, whose
dossiers need the earlier articles' analyses too.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

from storyline.eval.corpora import iter_allsides, iter_bbc


def write_input(data: Path, path: Path, n: int) -> int:
    docs = islice((*iter_allsides(data), *iter_bbc(data)), n)
    count = 0
    with path.open("w", encoding="utf-8") as fh:
        for doc in docs:
            title, text = doc.title, doc.text
            if doc.corpus == "bbc":
                title, _, text = doc.text.partition("\n")
            record = {
                "id": f"{doc.corpus}:{doc.key}",
                "title": title,
                "outlet": doc.outlet,
                "url": doc.url,
                "published": doc.published,
                "text": text.strip(),
            }
            fh.write(json.dumps({k: v for k, v in record.items() if v}) + "\n")
            count += 1
    return count


def run_once(source: Path, out: Path, db: Path | None = None) -> tuple[float, int]:
    code = (
        "import resource, sys\n"
        "from storyline.cli import main\n"
        "status = main(sys.argv[1:])\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(peak, file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    started = time.perf_counter()
    command = ["brief", str(source), "--format", "json", "-o", str(out), "-q"]
    if db is not None:
        command += ["--db", str(db)]
    done = subprocess.run(
        [sys.executable, "-c", code, *command],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"brief failed ({done.returncode}): {done.stderr[-2000:]}")
    peak_kib = int(done.stderr.strip().splitlines()[-1])
    return seconds, peak_kib


def _halves(source: Path) -> tuple[Path, Path]:
    """Every other line of ``source`` into two files: the first run's and the later run's."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    first, later = source.with_name("first.jsonl"), source.with_name("later.jsonl")
    first.write_text("".join(lines[0::2]), encoding="utf-8")
    later.write_text("".join(lines[1::2]), encoding="utf-8")
    return first, later


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--later-run",
        action="store_true",
        help="time a second run that continues the stories of a first one (same store)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        n = write_input(args.data, source, args.articles)
        out = Path(tmp) / "brief.json"
        times, peaks = [], []
        for run in range(args.runs):
            if args.later_run:
                first, later = _halves(source)
                db = Path(tmp) / f"store-{run}.db"
                run_once(first, out, db)
                seconds, peak = run_once(later, out, db)
            else:
                seconds, peak = run_once(source, out)
            times.append(seconds)
            peaks.append(peak)
        result = json.loads(out.read_text(encoding="utf-8"))
    if args.later_run:
        n //= 2  # the timed run's articles: the odd-numbered half
    median = statistics.median(times)
    print(
        json.dumps(
            {
                "articles": n,
                "runs": args.runs,
                "seconds_median": round(median, 1),
                "seconds_all": [round(t, 1) for t in times],
                "articles_per_second": round(n / median, 2),
                "peak_memory_mib": round(max(peaks) / 1024),
                "stories": len(result["stories"]),
                "stories_with_several_articles": sum(
                    1 for s in result["stories"] if len(s["articles"]) > 1
                ),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
