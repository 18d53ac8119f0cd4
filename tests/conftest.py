"""Shared fixtures: a fresh store, settings that never touch the user's folders,
and the bundled sample corpus."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline import sample as sample_corpus
from storyline.settings import Settings
from storyline.store import Store


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep every test away from the real user data and config folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    for key in ("STORYLINE_DB", "STORYLINE_CONFIG"):
        monkeypatch.delenv(key, raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


@pytest.fixture
def settings(db_path: Path) -> Settings:
    return Settings(db=db_path, progress=False)


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened


@pytest.fixture(scope="session")
def sample() -> Path:
    return sample_corpus.folder()


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a file under tmp_path: ``write("a.txt", "text")`` → its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / "inputs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


def write_maybe_gzipped(path: Path, text: str) -> Path:
    """Write ``text`` to ``path``, gzip-compressed when the name ends in ``.gz``."""
    if path.suffix == ".gz":
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def write_allsides(root: Path, story_id: int, date: str, left: str, right: str) -> Path:
    """A one-story AllSides file (left and right outlet bodies) under ``root/news``."""
    news = root / "news"
    news.mkdir(parents=True)
    item = {"newsTitle": "T", "newsSource": "S", "newsLink": "u"}
    story = {
        "id": story_id,
        "date": date,
        "news": {"left": {**item, "newBody": [left]}, "right": {**item, "newBody": [right]}},
    }
    write_maybe_gzipped(news / "allsides_506_stories.jsonl.gz", json.dumps(story) + "\n")
    return root
