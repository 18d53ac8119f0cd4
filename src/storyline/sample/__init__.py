"""The bundled sample corpus: fictional articles written for storyline's demo and tests.

Two stories from five invented outlets in several formats (JSON Lines, an HTML
page, a plain-text file and an RSS feed), with junk lines and one syndicated
near-copy. ``expected.json`` holds the ground truth the tests check against.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["expected", "folder", "sources"]

_ARTICLE_SUFFIXES = frozenset({".jsonl", ".html", ".txt", ".xml"})


def folder() -> Path:
    """The folder holding the sample files."""
    return Path(str(resources.files("storyline.sample")))


def sources() -> list[str]:
    """The sample's article files, sorted.

    >>> [Path(s).suffix for s in sources()]
    ['.jsonl', '.xml', '.txt', '.html']
    """
    return sorted(
        (str(p) for p in folder().iterdir() if p.suffix in _ARTICLE_SUFFIXES),
        key=lambda s: Path(s).name,
    )


def expected() -> dict[str, Any]:
    """The ground truth of the sample (stories, near-copies, junk lines, asks, quotes...)."""
    data: dict[str, Any] = json.loads((folder() / "expected.json").read_text("utf-8"))
    return data
