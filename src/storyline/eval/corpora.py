"""Readers for the public corpora in the shared data folder, for evaluation and training.

Nothing here is used at run time. Every loader takes the data folder as an
argument (the folder that holds ``mds/``, ``news/`` ...), never a fixed path.
Documents are keyed so that labels can point at them without copying text.
"""

from __future__ import annotations

import gzip
import json
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

__all__ = ["CorpusDoc", "corpus_date", "iter_allsides", "iter_bbc", "iter_multinews", "load_corpus"]


@dataclass(frozen=True, slots=True)
class CorpusDoc:
    """One document of a shared corpus: ``corpus`` + ``key`` identify it stably."""

    corpus: str
    key: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None


def iter_multinews(data: Path) -> Iterator[CorpusDoc]:
    """Multi-News source documents, keyed ``<cluster id>:<document index>``."""
    with gzip.open(data / "mds" / "multinews_dev600.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            for i, doc in enumerate(row["documents"]):
                yield CorpusDoc("multinews", f"{row['id']}:{i}", doc)


def iter_allsides(data: Path) -> Iterator[CorpusDoc]:
    """AllSides outlet bodies (paragraphs joined by blank lines), keyed ``<story>:<stance>``."""
    path = data / "news" / "allsides_506_stories.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            story = json.loads(line)
            for stance, item in sorted(story["news"].items()):
                body = item.get("newBody") or []
                if not body:
                    continue
                yield CorpusDoc(
                    "allsides",
                    f"{story['id']}:{stance}",
                    "\n\n".join(body),
                    title=item.get("newsTitle"),
                    outlet=item.get("newsSource"),
                    url=item.get("newsLink"),
                    published=story.get("date"),
                )


def iter_bbc(data: Path) -> Iterator[CorpusDoc]:
    """BBC News articles (first line is the title), keyed by their path in the archive."""
    with tarfile.open(data / "news" / "bbc_greene2006.tar.gz") as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            if not member.isfile() or not member.name.endswith(".txt"):
                continue
            if member.name.upper().endswith("README.TXT"):
                continue
            fh = tar.extractfile(member)
            if fh is None:
                continue
            payload = fh.read()
            try:
                raw = payload.decode("utf-8")
            except UnicodeDecodeError:
                raw = payload.decode("latin-1")
            title, _, _ = raw.partition("\n")
            yield CorpusDoc("bbc", member.name, raw, title=title.strip(), outlet="BBC News")


def corpus_date(value: str | None) -> datetime | None:
    """A corpus document's date (its first ten characters, ISO), or None when absent or bad.

    >>> corpus_date("2021-10-07T00:00:00"), corpus_date("soon")
    (datetime.datetime(2021, 10, 7, 0, 0), None)
    """
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip()[:10])
    except ValueError:
        return None  # an unparseable corpus date is treated as no date


_LOADERS = {"multinews": iter_multinews, "allsides": iter_allsides, "bbc": iter_bbc}


def load_corpus(name: str, data: Path) -> dict[str, CorpusDoc]:
    """All documents of corpus ``name`` by key."""
    return {doc.key: doc for doc in _LOADERS[name](data)}
