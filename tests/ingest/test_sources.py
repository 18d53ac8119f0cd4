from __future__ import annotations

import io
from pathlib import Path

import pytest

from storyline.errors import TooLarge
from storyline.ingest.sources import SourceItem, expand, load
from storyline.records import Rejected


def test_folders_are_walked_in_order_without_hidden_files(tmp_path: Path) -> None:
    for name in ("b/2.txt", "a.txt", "b/1.html", ".git/config", "b/.hidden.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    names = [i.name for i in expand([str(tmp_path)]) if isinstance(i, SourceItem)]
    assert names == [str(tmp_path / n) for n in ("a.txt", "b/1.html", "b/2.txt")]


def test_globs_urls_stdin_and_repeats(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("x")
    (tmp_path / "y.md").write_text("y")
    items = list(
        expand([str(tmp_path / "*.txt"), str(tmp_path / "x.txt"), "https://a.example/s", "-"])
    )
    assert items == [
        SourceItem("file", str(tmp_path / "x.txt")),
        SourceItem("url", "https://a.example/s"),
        SourceItem("stdin", "-"),
    ]


def test_names_that_match_nothing_are_rejected(tmp_path: Path) -> None:
    got = list(expand([str(tmp_path / "none.txt"), str(tmp_path / "*.none")]))
    assert all(isinstance(g, Rejected) for g in got)


def test_size_cap_on_files_and_stdin(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("x" * 100)
    with pytest.raises(TooLarge):
        load(SourceItem("file", str(tmp_path / "big.txt")), max_bytes=10)
    with pytest.raises(TooLarge):
        load(SourceItem("stdin", "-"), max_bytes=10, stdin=io.BytesIO(b"x" * 11))
    assert load(SourceItem("stdin", "-"), max_bytes=10, stdin=io.BytesIO(b"abc")).data == b"abc"
