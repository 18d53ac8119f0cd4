"""``storyline ingest SOURCE...``: read articles into the store."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tqdm import tqdm

from storyline.cli.common import (
    add_db_option,
    add_output_options,
    emit_json,
    open_store,
    settings_from,
)
from storyline.errors import ConfigError
from storyline.ingest.pipeline import IngestReport, Overrides, ingest_sources
from storyline.ingest.sources import SourceItem, expand
from storyline.records import Rejected
from storyline.settings import Settings

__all__ = ["register", "report_json", "run_ingest"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``ingest`` command."""
    p = commands.add_parser(
        "ingest",
        help="read articles (files, folders, globs, -, URLs) into the store",
        description="Read articles into the store: .txt/.md, .html, .json/.jsonl(.gz), "
        "RSS/Atom feeds, WARC(.gz), folders (recursive), glob patterns, - for standard "
        "input, and http(s) URLs.",
    )
    p.add_argument("sources", nargs="+", metavar="SOURCE")
    add_db_option(p)
    p.add_argument("--outlet", help="outlet name for these articles")
    p.add_argument("--published", help="publication date/time (ISO 8601) for these articles")
    p.add_argument("--tz", help="time zone (e.g. Europe/London) of times given without offset")
    p.add_argument(
        "--fill",
        action="store_true",
        help="--outlet/--published only fill what an input lacks (default: replace)",
    )
    p.add_argument(
        "--allow-private",
        action="store_true",
        default=None,
        help="allow fetching loopback, private and link-local addresses",
    )
    p.add_argument("--max-bytes", type=int, default=None, help="largest input accepted")
    add_output_options(p)
    p.set_defaults(run=run)


def _zone(name: str | None) -> tzinfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"--tz: unknown time zone {name!r}") from exc


def _published(value: str | None, zone: tzinfo | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"--published: not an ISO 8601 date or time: {value!r}") from exc
    if when.tzinfo is None and zone is not None:
        when = when.replace(tzinfo=zone)
    return when


def run_ingest(
    sources: list[str], settings: Settings, overrides: Overrides, *, progress: bool
) -> IngestReport:
    """Ingest with a progress bar over the source items."""
    total = sum(1 for _ in expand(sources)) if progress else None
    with (
        open_store(settings) as store,
        tqdm(total=total, unit="src", disable=not progress, file=sys.stderr, leave=False) as bar,
    ):

        def tick(item: SourceItem | Rejected) -> None:
            bar.update(1)
            if isinstance(item, SourceItem):
                bar.set_postfix_str(item.name[-40:], refresh=False)

        return ingest_sources(
            sources,
            store,
            settings,
            overrides=overrides,
            stdin=sys.stdin.buffer if "-" in sources else None,
            on_item=tick,
        )


def report_json(report: IngestReport) -> dict[str, object]:
    """The ``--json`` shape of an ingest report."""
    return {
        "batch": report.batch_id,
        "stored": report.count("stored") + report.count("renamed"),
        "merged": report.count("merged"),
        "unchanged": report.count("unchanged"),
        "articles": [
            {
                "id": o.article_id,
                "status": o.status,
                "source": o.source,
                "title": o.title,
                "duplicate_of": o.duplicate_of,
                "similarity": o.similarity,
            }
            for o in report.outcomes
        ],
        "rejected": [
            {"source": r.source, "stage": r.stage, "reason": r.reason} for r in report.rejected
        ],
    }


def print_report(report: IngestReport) -> None:
    """Human-readable summary and one line per rejection."""
    stored = report.count("stored") + report.count("renamed")
    near = sum(1 for o in report.outcomes if o.duplicate_of)
    print(
        f"batch {report.batch_id}: stored {stored} article(s)"
        f" ({near} near-duplicate(s) linked), merged {report.count('merged')} exact"
        f" duplicate(s), {report.count('unchanged')} unchanged, rejected {len(report.rejected)}"
    )
    for r in report.rejected:
        print(f"rejected {r.source}: {r.reason}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Run ``storyline ingest``."""
    settings = settings_from(args, allow_private=args.allow_private, max_bytes=args.max_bytes)
    zone = _zone(args.tz)
    overrides = Overrides(
        outlet=args.outlet,
        published=_published(args.published, zone),
        tz=zone,
        fill_only=args.fill,
    )
    progress = settings.progress and not args.quiet and not args.json and sys.stderr.isatty()
    report = run_ingest(args.sources, settings, overrides, progress=progress)
    if args.json:
        emit_json(report_json(report))
    elif not args.quiet or report.rejected:
        print_report(report)
    return 0 if report.ok else 1
