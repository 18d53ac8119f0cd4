"""The shipped sentence encoder: shapes, order, batching, agreement with the fp32 reference."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from storyline.nlp.embeddings import MODEL_DIR, SentenceEncoder, load_encoder

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "embeddings_reference.json"

TEXTS = [
    "Shares fell.",
    "The government said on Monday it would raise the tax on fuel next spring, "
    "a move critics say will hurt families in rural areas the most.",
    "",
    "Police arrested two men after the raid.",
    "“We will not give up,” the union's leader told reporters outside the factory gates.",
    "Rain.",
    "The company, which employs 4,000 people in the U.S., reported a $1.2bn loss.",
]


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return load_encoder()


def test_shape_dtype_and_unit_length(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode(TEXTS)
    assert vectors.shape == (len(TEXTS), 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_order_is_restored_after_length_sorting(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode(TEXTS, batch_size=2)
    for i, text in enumerate(TEXTS):
        np.testing.assert_allclose(vectors[i], encoder.encode([text])[0], atol=1e-5)


@pytest.mark.parametrize("batch_size", [1, 3, 64])
def test_vectors_do_not_depend_on_batch_size(encoder: SentenceEncoder, batch_size: int) -> None:
    # Activations are quantised with one scale per token, never per batch, so a text's
    # vector does not depend on its batch neighbours or on padding.
    reference = encoder.encode(TEXTS, batch_size=len(TEXTS))
    np.testing.assert_allclose(encoder.encode(TEXTS, batch_size=batch_size), reference, atol=1e-5)


def test_empty_input(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode([])
    assert vectors.shape == (0, 384)
    assert vectors.dtype == np.float32


def test_rejects_a_bare_string_and_bad_batch_size(encoder: SentenceEncoder) -> None:
    with pytest.raises(TypeError):
        encoder.encode("one text")
    with pytest.raises(ValueError):
        encoder.encode(TEXTS, batch_size=0)


def test_long_text_is_truncated_like_the_reference(encoder: SentenceEncoder) -> None:
    head = "The minister said the plan would cost more than expected. " * 30
    assert len(head.split()) > 256
    vectors = encoder.encode([head, head + "Completely different words at the very end. " * 50])
    np.testing.assert_allclose(vectors[0], vectors[1], atol=1e-5)


def _reference() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return data


def test_agrees_with_the_fp32_reference_model(encoder: SentenceEncoder) -> None:
    fixture = _reference()
    expected = np.asarray(fixture["vectors"], dtype=np.float32)
    assert expected.shape == (len(fixture["sentences"]), 384)
    cosines = np.sum(encoder.encode(fixture["sentences"]) * expected, axis=1)
    # The shipped quantisation is kept only for a mean cosine >= 0.98 on real news
    # sentences (manifest.json); single sentences may sit a little lower.
    assert cosines.mean() >= 0.98, cosines
    assert cosines.min() >= 0.95, cosines


def test_paraphrases_are_closer_than_unrelated_sentences(encoder: SentenceEncoder) -> None:
    # Fixture sentences: 0-1 and 2-3 are paraphrase pairs, 4 is about football.
    v = encoder.encode(_reference()["sentences"])
    sim = v @ v.T
    assert sim[0, 1] > 0.5 and sim[2, 3] > 0.5
    assert sim[0, 1] > max(sim[0, 2], sim[0, 3], sim[0, 4]) + 0.3
    assert sim[2, 3] > max(sim[2, 0], sim[2, 1], sim[2, 4]) + 0.3


def test_manifest_describes_the_shipped_model() -> None:
    manifest = json.loads((MODEL_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["dimension"] == 384
    assert manifest["max_seq_length"] == 256
    precision = manifest["precision"]
    assert manifest["agreement"][precision]["mean_cosine"] >= 0.98
    assert manifest["agreement"]["sentences"] >= 1000
    assert (MODEL_DIR / "model.onnx").stat().st_size < 30_000_000


def test_loads_and_encodes_with_the_network_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the encoder tried to open a socket")

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    vectors = SentenceEncoder(threads=1).encode(["Loaded without a network."])
    assert vectors.shape == (1, 384)


def test_load_encoder_is_cached() -> None:
    assert load_encoder() is load_encoder()


def test_runtime_does_not_import_torch() -> None:
    code = (
        "import sys\n"
        "from storyline.nlp.embeddings import SentenceEncoder\n"
        "SentenceEncoder(threads=1).encode(['x'])\n"
        "assert 'torch' not in sys.modules, 'torch was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_clear_error_without_onnxruntime(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    with pytest.raises(ImportError, match="pip install onnxruntime"):
        SentenceEncoder()


def test_remembered_texts_are_encoded_once_and_memory_stays_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    encoder = SentenceEncoder()
    texts = ["Rates rose again.", "The bank lifted rates.", "Rain fell."]
    plain = encoder.encode(texts)
    encoder.remember(2)
    calls: list[int] = []
    real = encoder._encode

    def counting(batch: list[str], batch_size: int) -> np.ndarray:
        calls.append(len(batch))
        return real(batch, batch_size)

    monkeypatch.setattr(encoder, "_encode", counting)
    first = encoder.encode(texts[:2])
    again = encoder.encode([texts[1], texts[0], texts[1]])
    assert calls == [2]  # the second call was answered from memory
    assert np.allclose(first, plain[:2], atol=1e-6) and np.allclose(again[0], plain[1], atol=1e-6)
    encoder.encode(texts[2:])
    assert len(encoder._memo) == 2
    encoder.remember(0)
    assert len(encoder._memo) == 0
