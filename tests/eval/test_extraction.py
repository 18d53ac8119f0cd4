"""The extraction benchmark scorer, on a tiny fake benchmark built in ``tmp_path``."""

from __future__ import annotations

import gzip
import json
import tarfile
from pathlib import Path

import pytest

from storyline.eval import extraction
from storyline.eval.extraction import BENCHMARK_ARCHIVE, evaluate_extraction, score_bodies
from storyline.records import SourceBlob

BODY = (
    "The district library will open on Sundays from next month, after the council found "
    "money in its culture budget to pay two extra staff for the weekend shifts.\n\n"
    "Readers had asked for Sunday opening for years, and a petition last autumn gathered "
    "more than three thousand signatures from local families."
)


def article_page(body: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article>{paragraphs}</article><footer>Copyright 2024 Example</footer></body></html>"
    )


def write_benchmark(root: Path, pages: dict[str, tuple[str, str]]) -> Path:
    """A benchmark folder like the real one: ground-truth.json and html/<id>.html.gz."""
    (root / "html").mkdir(parents=True)
    truth = {}
    for key, (body, html) in pages.items():
        truth[key] = {"articleBody": body, "url": f"https://example.org/{key}"}
        (root / "html" / f"{key}.html.gz").write_bytes(gzip.compress(html.encode()))
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return root


PAGES = {
    "good": (BODY, article_page(BODY)),
    "empty": ("Some article text that the page does not contain.", "<html><body></body></html>"),
}


def test_public_api_is_pinned() -> None:
    assert extraction.__all__ == ["BENCHMARK_ARCHIVE", "evaluate_extraction", "score_bodies"]


def test_scores_follow_evaluate_py() -> None:
    # 5 true tokens -> 2 shingles; the prediction has one of them: tp 1, fn 1 (normalised .5/.5).
    assert score_bodies([("one two three four five", "one two three four")]) == {
        "precision": 1.0,
        "recall": 0.5,
        "f1": pytest.approx(2 / 3),
        "pages": 1,
    }


def test_empty_prediction_counts_for_recall_only() -> None:
    scores = score_bodies([("a b c d e", "a b c d e"), ("f g h i j", "")])
    assert scores["precision"] == 1.0  # the empty page predicted nothing: not averaged
    assert scores["recall"] == 0.5
    assert scores["pages"] == 2


def test_short_texts_form_one_short_shingle() -> None:
    # Fewer than four tokens still make one shingle, as in evaluate.py.
    assert score_bodies([("Hello, world", "Hello world!")])["f1"] == 1.0
    # Tokens are case-sensitive: no shingle in common.
    assert score_bodies([("Hello, world", "hello world"), ("a b", "a b")])["f1"] == 0.5


def test_page_weights_are_normalised() -> None:
    long_true = " ".join(f"w{i}" for i in range(400))
    scores = score_bodies([(long_true, long_true), ("a b c d e f", "x y z q r s")])
    assert scores["precision"] == 0.5
    assert scores["recall"] == 0.5


def test_evaluate_extracted_folder(tmp_path: Path) -> None:
    bench = write_benchmark(tmp_path / "scrapinghub_aeb", PAGES)

    scores = evaluate_extraction(tmp_path)

    assert scores["pages"] == 2
    assert scores["precision"] == 1.0  # the empty page is left out of precision
    assert scores["recall"] == 0.5  # ... and scores 0 recall
    assert scores["f1"] == pytest.approx(2 / 3)
    assert evaluate_extraction(bench) == scores  # the benchmark folder itself works too


def test_evaluate_tarball(tmp_path: Path) -> None:
    bench = write_benchmark(tmp_path / "build" / "scrapinghub_aeb", PAGES)
    with tarfile.open(tmp_path / BENCHMARK_ARCHIVE, "w:gz") as tar:
        tar.add(bench, arcname="scrapinghub_aeb")

    assert evaluate_extraction(tmp_path)["f1"] == pytest.approx(2 / 3)


def test_custom_extractor_gets_each_page(tmp_path: Path) -> None:
    write_benchmark(tmp_path, PAGES)
    seen: list[SourceBlob] = []

    def echo_truth(blob: SourceBlob) -> str:
        seen.append(blob)
        return BODY if blob.source == "good.html.gz" else ""

    scores = evaluate_extraction(tmp_path, echo_truth)

    assert sorted(b.source for b in seen) == ["empty.html.gz", "good.html.gz"]
    assert {b.url for b in seen} == {"https://example.org/good", "https://example.org/empty"}
    assert scores["recall"] == 0.5


def test_missing_benchmark(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no article-extraction benchmark"):
        evaluate_extraction(tmp_path)


def test_missing_page(tmp_path: Path) -> None:
    write_benchmark(tmp_path, PAGES)
    (tmp_path / "html" / "good.html.gz").unlink()
    with pytest.raises(ValueError, match="missing for ground-truth item good"):
        evaluate_extraction(tmp_path)
