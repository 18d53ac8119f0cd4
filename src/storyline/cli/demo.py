"""``storyline demo``: ingest, analyse, cluster and synthesise the bundled sample corpus.

The sample is a small fictional corpus (``storyline/sample``): two stories
told by five outlets over three weeks, with a syndicated copy, junk to clean,
quotes, figures that disagree, and demands later met.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from platformdirs import user_data_dir

from storyline import sample
from storyline.cli.brief import write_brief
from storyline.cli.common import open_store
from storyline.settings import load_settings
from storyline.stories.brief import brief

__all__ = ["register"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``demo`` command."""
    p = commands.add_parser(
        "demo", help="run storyline brief on the bundled (fictional) sample corpus"
    )
    p.add_argument(
        "--db",
        type=Path,
        default=None,
        help="store file for the demo (default: a fresh demo.db in the user data folder)",
    )
    p.add_argument("--json", action="store_true", help="print the brief's JSON, not Markdown")
    p.add_argument("-o", "--output", type=Path, default=None, help="write here, not stdout")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the demo."""
    db = args.db or Path(user_data_dir("storyline")) / "demo.db"
    if args.db is None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    settings = load_settings({"db": db})
    with open_store(settings) as store:
        result = brief(sample.sources(), store, settings)
    write_brief(result, "json" if args.json else "md", args.output)
    if not args.json:
        print(
            f"(storyline demo: {len(result.dossiers)} stories from the bundled fictional "
            f"sample, stored in {db}; try: storyline articles --db {db})",
            file=sys.stderr,
        )
    return 1 if result.rejected else 0
