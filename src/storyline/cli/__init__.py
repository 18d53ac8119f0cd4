"""The ``storyline`` command: one module per command, each a thin layer over the library.

Exit status: 0 when everything went through, 1 when some input was rejected
(the rest was still processed and stored), 2 for a usage or configuration error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from storyline import __version__
from storyline.cli import articles, brief, demo, evaluate, ingest
from storyline.errors import ConfigError, StoreError

__all__ = ["main"]

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="storyline",
        description="Turn a stream of news articles into sourced story dossiers, offline.",
    )
    parser.add_argument("--version", action="version", version=f"storyline {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (ingest, articles, brief, demo, evaluate):
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except (ConfigError, StoreError) as exc:
        print(f"storyline: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("storyline: interrupted; the current batch was rolled back", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
