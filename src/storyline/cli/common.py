"""Options and output helpers shared by the commands."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from storyline.settings import Settings, load_settings
from storyline.store import Store

__all__ = ["add_db_option", "add_output_options", "emit_json", "open_store", "settings_from"]


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """``--db PATH``: the store file (else ``STORYLINE_DB``, else the user data folder)."""
    parser.add_argument(
        "--db", type=Path, default=None, help="SQLite store file (env STORYLINE_DB)"
    )


def add_output_options(parser: argparse.ArgumentParser) -> None:
    """``--json`` and ``--quiet``."""
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def settings_from(args: argparse.Namespace, **extra: Any) -> Settings:
    """Settings layered with this command's options."""
    overrides = {"db": getattr(args, "db", None), **extra}
    return load_settings(overrides)


def open_store(settings: Settings) -> Store:
    """Open the store named by the settings."""
    return Store.open(settings.db)


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if hasattr(value, "items"):
        return dict(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def emit_json(obj: Any) -> None:
    """Print ``obj`` as one JSON object on standard output."""
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")
