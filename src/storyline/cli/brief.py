"""``storyline brief SOURCES…``: ingest, analyse, cluster and write the story dossiers."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tqdm import tqdm

from storyline.cli.common import open_store, settings_from
from storyline.render.contract import brief_json
from storyline.render.markdown import brief_markdown
from storyline.stories.brief import BriefResult, brief

__all__ = ["register", "write_brief"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``brief`` command."""
    p = commands.add_parser(
        "brief",
        help="turn articles into story dossiers",
        description="Ingest SOURCES (files, folders, globs, feeds, URLs, '-'), group the "
        "articles into stories and write one dossier per story: summary with citations, "
        "timeline, actors, quotes, figures, asks ledger, and where outlets agree or differ.",
    )
    p.add_argument("sources", nargs="*", metavar="SOURCE")
    p.add_argument("--format", choices=("md", "json"), default="md", help="output format")
    p.add_argument("-o", "--output", type=Path, default=None, help="write here, not stdout")
    p.add_argument(
        "--db",
        type=Path,
        default=None,
        help="keep articles and stories in this SQLite file, so later runs continue the "
        "same stories (default: a throw-away store for this run)",
    )
    p.add_argument("--since", type=_date, default=None, help="mark what appeared after DATE")
    p.add_argument("--words", type=int, default=200, help="summary length in words")
    p.add_argument("--all", action="store_true", help="every story in --db, not only this run's")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=run)


def _date(text: str) -> datetime:
    try:
        when = datetime.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date: {text!r}") from exc
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def run(args: argparse.Namespace) -> int:
    """Run the command."""
    if not args.sources and not args.all:
        print("storyline brief: give SOURCES, or --all with --db", file=sys.stderr)
        return 2
    if args.all and args.db is None:
        print(
            "storyline brief: --all needs --db (the store whose stories to write)", file=sys.stderr
        )
        return 2
    if args.words < 1:
        print("storyline brief: --words must be at least 1", file=sys.stderr)
        return 2
    settings = settings_from(args, db=args.db or ":memory:")
    bars: dict[str, Any] = {}

    def progress(stage: str, done: int, total: int) -> None:
        if args.quiet:
            return
        if stage not in bars:
            for other in bars.values():
                other.close()
            bars[stage] = tqdm(total=total, desc=stage, unit="article", file=sys.stderr)
        bars[stage].update(done - bars[stage].n)  # update(), so the rate is the real one

    with open_store(settings) as store:
        result = brief(
            args.sources,
            store,
            settings,
            since=args.since,
            summary_words=args.words,
            everything=args.all,
            progress=progress,
        )
    for bar in bars.values():
        bar.close()
    write_brief(result, args.format, args.output, args.since)
    for r in result.rejected:
        print(f"rejected: {r.source}: {r.stage}: {r.reason}", file=sys.stderr)
    return 1 if result.rejected else 0


def write_brief(
    result: BriefResult, fmt: str, output: Path | None, since: datetime | None = None
) -> None:
    """Write the dossiers as Markdown or JSON to ``output`` (stdout when None)."""
    if fmt == "json":
        text = json.dumps(
            brief_json(result.dossiers, result.rejected, since), ensure_ascii=False, indent=2
        )
    else:
        text = brief_markdown(result.dossiers, result.rejected)
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
