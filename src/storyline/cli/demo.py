"""``storyline demo``: ingest the bundled (fictional) sample corpus and show what was stored."""

from __future__ import annotations

import argparse
from pathlib import Path

from platformdirs import user_data_dir

from storyline import sample
from storyline.cli.articles import article_json
from storyline.cli.common import emit_json, open_store
from storyline.cli.ingest import print_report, report_json
from storyline.extract.annotate import default_annotator
from storyline.ingest.pipeline import ingest_sources
from storyline.records import time_order
from storyline.settings import load_settings

__all__ = ["register"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``demo`` command."""
    p = commands.add_parser("demo", help="ingest the bundled sample corpus and print it")
    p.add_argument(
        "--db",
        type=Path,
        default=None,
        help="store file for the demo (default: a fresh demo.db in the user data folder)",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the demo."""
    db = args.db or Path(user_data_dir("storyline")) / "demo.db"
    if args.db is None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    settings = load_settings({"db": db})
    sources = sample.sources()
    with open_store(settings) as store:
        report = ingest_sources(sources, store, settings)
        ids = [o.article_id for o in report.outcomes]
        articles = [a for a in (store.get(i) for i in ids) if a is not None]
        if args.json:
            annotator = default_annotator()
            emit_json(
                {
                    "db": str(db),
                    "ingest": report_json(report),
                    "articles": [article_json(a, store, annotator) for a in articles],
                }
            )
            return 0 if report.ok else 1
    print(f"storyline demo: the bundled sample corpus (fictional), stored in {db}\n")
    for a in sorted(articles, key=lambda a: time_order(a.published)):
        when = a.published.date().isoformat() if a.published else "undated"
        print(f"{a.id}  {when}  {a.outlet or '-'}")
        print(f"    {a.title or '(untitled)'}")
        note = f"{len(a.text.split())} words"
        if a.removals:
            kinds = sorted({r.kind for r in a.removals})
            note += f"; removed {len(a.removals)} junk span(s): {', '.join(kinds)}"
        if a.duplicate_of:
            note += f"; near-copy of {a.duplicate_of} (similarity {a.similarity})"
        print(f"    {note}")
    print()
    print_report(report)
    print(f"\nexplore it: storyline articles --db {db}; storyline show ID --db {db}")
    return 0 if report.ok else 1
