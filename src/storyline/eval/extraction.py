"""Article-body extraction quality on the Zyte/Scrapinghub article-extraction-benchmark.

Backend of ``storyline eval extraction DIR``. ``DIR`` holds the benchmark either as
``scrapinghub_aeb.tar.gz`` or already extracted (a folder with ``ground-truth.json``
and ``html/<id>.html.gz``). Every page goes through the same reader as a real
input, :func:`storyline.ingest.readers.html.parse_html`; a page rejected as
:class:`~storyline.errors.EmptyArticle` counts as an empty prediction.

The scorer is a faithful port of the benchmark's own ``evaluate.py``: ``\\w+``
tokens, 4-token shingles counted as multisets, true/false positives and false
negatives normalised per page so long pages weigh no more than short ones,
precision averaged over the pages that predicted something, recall over the pages
whose truth has something, and F1 the harmonic mean of those two averages. Only
the bootstrap confidence intervals and "accuracy" are left out.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import tarfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from storyline.errors import EmptyArticle
from storyline.ingest.readers.html import parse_html
from storyline.records import SourceBlob

__all__ = ["BENCHMARK_ARCHIVE", "evaluate_extraction", "score_bodies"]

#: The archive name ``evaluate_extraction`` looks for inside the benchmark folder.
BENCHMARK_ARCHIVE = "scrapinghub_aeb.tar.gz"

_GROUND_TRUTH = "ground-truth.json"
_PAGE_SUFFIX = ".html.gz"
_SHINGLE = 4
# Same pattern and flags as the benchmark's ``_TOKEN_RE``; only re.UNICODE matters.
_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)

#: Scores of one page: true positives, false positives, false negatives, as fractions.
_Counts = tuple[float, float, float]


def evaluate_extraction(
    bench: Path, extract: Callable[[SourceBlob], str] | None = None
) -> dict[str, float | int]:
    """Score article-body extraction on the benchmark in ``bench``.

    ``extract`` turns one page into body text; by default it is
    :func:`~storyline.ingest.readers.html.parse_html` (``EmptyArticle`` → ``""``).
    Returns ``precision``, ``recall`` and ``f1`` as fractions in [0, 1] and the
    number of ``pages`` scored. Raises ``FileNotFoundError`` when ``bench`` holds
    no benchmark and ``ValueError`` when a ground-truth page has no HTML.

    >>> scores = evaluate_extraction(Path("data/boilerplate"))  # doctest: +SKIP
    >>> round(scores["f1"], 3), scores["pages"]  # doctest: +SKIP
    (0.96, 181)
    """
    run = extract if extract is not None else _storyline_body
    pairs = ((truth, run(blob)) for truth, blob in _iter_pages(bench))
    return score_bodies(pairs)


def score_bodies(pairs: Iterable[tuple[str, str]]) -> dict[str, float | int]:
    """Score ``(true body, predicted body)`` pairs exactly as the benchmark's ``evaluate.py``.

    >>> score_bodies([("one two three four five", "one two three four")])
    {'precision': 1.0, 'recall': 0.5, 'f1': 0.6666666666666666, 'pages': 1}
    """
    counts = [_shingle_matching(true, pred) for true, pred in pairs]
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    # evaluate.py crashes on these degenerate cases (no pages, nothing predicted
    # anywhere); score them as zero instead.
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    total = precision + recall
    f1 = 2 * precision * recall / total if total > 0 else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "pages": len(counts)}


def _storyline_body(blob: SourceBlob) -> str:
    try:
        return parse_html(blob).text
    except EmptyArticle:
        return ""


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def _shingle_matching(true: str, pred: str) -> _Counts:
    true_shingles = _shingles(true)
    pred_shingles = _shingles(pred)
    tp = fp = fn = 0.0
    for key in set(true_shingles) | set(pred_shingles):
        true_count = true_shingles.get(key, 0)
        pred_count = pred_shingles.get(key, 0)
        tp += min(true_count, pred_count)
        fp += max(0, pred_count - true_count)
        fn += max(0, true_count - pred_count)
    total = tp + fp + fn
    if total > 0:
        return (tp / total, fp / total, fn / total)
    return (tp, fp, fn)


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN_RE.findall(text or "")
    # Like evaluate.py: a text shorter than one shingle yields one short shingle.
    grams = (tuple(tokens[i : i + _SHINGLE]) for i in range(max(1, len(tokens) - _SHINGLE + 1)))
    return Counter(gram for gram in grams if gram)


def _iter_pages(bench: Path) -> Iterator[tuple[str, SourceBlob]]:
    """Yield ``(true body, page blob)`` for every ground-truth item, in file order."""
    archive = bench if bench.is_file() else bench / BENCHMARK_ARCHIVE
    if archive.is_file():
        yield from _iter_archive(archive)
        return
    found = sorted(bench.glob(_GROUND_TRUTH)) + sorted(bench.glob(f"*/{_GROUND_TRUTH}"))
    if not found:
        raise FileNotFoundError(
            f"no article-extraction benchmark in {bench}: "
            f"expected {BENCHMARK_ARCHIVE} or a folder with {_GROUND_TRUTH}"
        )
    root = found[0].parent
    truth = _load_truth(found[0].read_bytes())
    for key, item in truth.items():
        page = root / "html" / f"{key}{_PAGE_SUFFIX}"
        if not page.is_file():
            raise ValueError(f"benchmark page missing for ground-truth item {key}")
        yield _true_body(item), _blob(key, page.read_bytes(), item)


def _iter_archive(archive: Path) -> Iterator[tuple[str, SourceBlob]]:
    with tarfile.open(archive, "r:*") as tar:
        pages: dict[str, tarfile.TarInfo] = {}
        truth_member: tarfile.TarInfo | None = None
        for member in tar.getmembers():
            if not member.isfile():
                continue
            name = member.name.rsplit("/", 1)[-1]
            if name == _GROUND_TRUTH and truth_member is None:
                truth_member = member
            elif name.endswith(_PAGE_SUFFIX) and "/html/" in f"/{member.name}":
                pages[name.removesuffix(_PAGE_SUFFIX)] = member
        if truth_member is None:
            raise FileNotFoundError(f"{archive} holds no {_GROUND_TRUTH}")
        truth = _load_truth(_read_member(tar, truth_member))
        for key, item in truth.items():
            if key not in pages:
                raise ValueError(f"benchmark page missing for ground-truth item {key}")
            yield _true_body(item), _blob(key, _read_member(tar, pages[key]), item)


def _read_member(tar: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    fh = tar.extractfile(member)
    if fh is None:
        raise ValueError(f"unreadable archive member {member.name}")
    with fh:
        return fh.read()


def _load_truth(data: bytes) -> dict[str, dict[str, Any]]:
    truth = json.loads(data.decode("utf-8"))
    if not isinstance(truth, dict):
        raise ValueError(f"{_GROUND_TRUTH} is not an object of items")
    return truth


def _true_body(item: dict[str, Any]) -> str:
    body = item.get("articleBody", "")
    return body if isinstance(body, str) else ""


def _blob(key: str, gz: bytes, item: dict[str, Any]) -> SourceBlob:
    url = item.get("url")
    return SourceBlob(
        source=f"{key}{_PAGE_SUFFIX}",
        data=gzip.decompress(gz),
        content_type="text/html",
        url=url if isinstance(url, str) else None,
    )
