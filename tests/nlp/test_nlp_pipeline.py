"""Loading the packaged English pipeline offline and running it on news text.

(Named ``test_nlp_pipeline`` so it does not clash with ``tests/ingest/test_pipeline.py``
under pytest's default import mode.)
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from typing import Any

import pytest

from storyline.nlp import pipeline
from storyline.nlp.lemmas import LemmaLookup
from storyline.nlp.pipeline import iter_docs, load_nlp, model_path

NEWS = (
    "The European Central Bank raised interest rates by a quarter point on Thursday. "
    "“Inflation remains too high,” its president said in Frankfurt. "
    "Markets in the U.S. barely moved."
)


def test_model_ships_inside_the_package() -> None:
    assert (model_path() / "config.cfg").is_file()
    size = sum(f.stat().st_size for f in model_path().rglob("*") if f.is_file())
    assert size < 40_000_000


def test_loads_with_the_network_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the pipeline tried to open a socket")

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    pipeline._load.cache_clear()
    try:
        nlp = load_nlp()
        assert nlp(NEWS)[0].pos_
    finally:
        pipeline._load.cache_clear()


def test_load_time() -> None:
    # A fresh interpreter, so nothing is cached; generous bound, not a benchmark.
    code = (
        "import time; t = time.perf_counter(); from storyline.nlp.pipeline import load_nlp; "
        "load_nlp(); print(time.perf_counter() - t)"
    )
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert float(out.stdout.strip()) < 10
    assert time.perf_counter() - started < 30


def test_tags_parse_and_sentences() -> None:
    doc = load_nlp()(NEWS)
    assert len(list(doc.sents)) == 3
    assert all(token.pos_ and token.tag_ and token.dep_ for token in doc)
    assert {"nsubj", "ROOT", "punct"} <= {token.dep_ for token in doc}
    raised = next(token for token in doc if token.text == "raised")
    assert raised.pos_ == "VERB" and raised.lemma_ == "raise"
    assert sum(token.dep_ == "ROOT" for token in doc) == 3


def test_disable_and_cache() -> None:
    assert load_nlp() is load_nlp()
    nlp = load_nlp(disable=["parser"])
    assert "parser" not in nlp.pipe_names
    assert load_nlp(disable=["parser"]) is nlp


def test_iter_docs_keeps_order() -> None:
    texts = ["Prices rose 3% in May.", "Smith resigned.", ""]
    assert [doc.text for doc in iter_docs(texts, batch_size=2)] == texts


def test_lemma_lookup_table_is_loaded() -> None:
    nlp = load_nlp()
    lookup = nlp.get_pipe("storyline_lemma_lookup")
    assert isinstance(lookup, LemmaLookup)
    assert len(lookup.table) > 10_000
    lemmas = [token.lemma_ for token in nlp("The officials were told.")]
    assert lemmas[1:4] == ["official", "be", "tell"]
    assert len(lookup.words) > 20_000  # the word list guessed lemmas are checked against
    assert nlp("Officials revoked the permit.")[1].lemma_ == "revoke"
