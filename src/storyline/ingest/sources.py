"""What the user names on the command line, turned into bytes to read.

A SOURCE is a file, a directory (read recursively), a glob pattern, ``-`` for
standard input, or an ``http(s)://`` URL. :func:`expand` lists the concrete
items first (cheap: no file is read), so a progress bar can count them;
:func:`load` then reads one item into a :class:`~storyline.records.SourceBlob`.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from storyline.errors import InputRejected, TooLarge, UnsupportedInput
from storyline.records import Rejected, SourceBlob

__all__ = ["SourceItem", "expand", "is_url", "load"]

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class SourceItem:
    """One concrete thing to read: a file path, ``-`` or a URL."""

    kind: Literal["file", "stdin", "url"]
    name: str


def is_url(source: str) -> bool:
    """True for ``http://`` and ``https://`` sources.

    >>> is_url("https://example.org/a"), is_url("notes/a.txt")
    (True, False)
    """
    return source.lower().startswith(("http://", "https://"))


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def expand(sources: Sequence[str]) -> Iterator[SourceItem | Rejected]:
    """The items named by ``sources``, in order, each once; a source that names
    nothing becomes a :class:`Rejected`.

    >>> list(expand(["-"]))
    [SourceItem(kind='stdin', name='-')]
    """
    seen: set[str] = set()

    def once(item: SourceItem) -> Iterator[SourceItem]:
        if item.name not in seen:
            seen.add(item.name)
            yield item

    for source in sources:
        if source == "-":
            yield from once(SourceItem("stdin", "-"))
        elif is_url(source):
            yield from once(SourceItem("url", source))
        elif Path(source).is_dir():
            for path in _walk(Path(source)):
                yield from once(SourceItem("file", str(path)))
        elif Path(source).is_file():
            yield from once(SourceItem("file", source))
        elif _GLOB_CHARS & set(source):
            matches = sorted(glob.glob(source, recursive=True))
            files = [m for m in matches if Path(m).is_file()]
            for match in matches:
                if Path(match).is_dir():
                    files.extend(str(p) for p in _walk(Path(match)))
            if not files:
                yield Rejected(source, "read", "no file matches this pattern")
            for name in files:
                yield from once(SourceItem("file", name))
        elif Path(source).exists():
            yield Rejected(source, "read", "not a regular file")
        else:
            yield Rejected(source, "read", "no such file or directory")


def load(
    item: SourceItem,
    *,
    max_bytes: int,
    stdin: BinaryIO | None = None,
    fetch_url: Callable[[str], SourceBlob] | None = None,
) -> SourceBlob:
    """Read ``item``'s bytes, refusing more than ``max_bytes``.

    Raises an :class:`InputRejected` subclass for anything unreadable.
    """
    if item.kind == "url":
        if fetch_url is None:
            raise UnsupportedInput("URL sources need a fetcher")
        return fetch_url(item.name)
    if item.kind == "stdin":
        if stdin is None:
            raise UnsupportedInput("standard input is not available")
        data = stdin.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise TooLarge(f"standard input is larger than {max_bytes:,} bytes")
        return SourceBlob("-", data)
    path = Path(item.name)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLarge(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
        data = path.read_bytes()
    except OSError as exc:
        raise InputRejected(f"cannot read file: {exc.strerror or exc}") from exc
    return SourceBlob(item.name, data)
