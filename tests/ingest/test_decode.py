from __future__ import annotations

import random

import pytest

from storyline.errors import DecodeFailed, UnsupportedInput
from storyline.ingest.decode import decode_bytes, looks_binary


def test_declared_charset_then_utf8_then_detection() -> None:
    assert decode_bytes("café".encode("cp1252"), "windows-1252") == "café"
    assert decode_bytes("naïve “quotes”".encode()) == "naïve “quotes”"
    assert decode_bytes("\ufeffBOM text".encode("utf-8")) == "BOM text"
    # a wrong declaration falls through to what the bytes really are
    assert decode_bytes("Zürich".encode(), "ascii") == "Zürich"
    assert decode_bytes("Zürich".encode(), "no-such-charset") == "Zürich"


def test_binary_is_unsupported() -> None:
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(UnsupportedInput, match="binary"):
        decode_bytes(b"GIF89a\x00\x01\x02\x00")


def test_bytes_no_charset_reads_are_rejected_with_a_reason() -> None:
    rng = random.Random(1)
    alphabet = [*range(0x80, 0x100), 0x20, 0x41]
    data = bytes(rng.choice(alphabet) for _ in range(300))
    with pytest.raises(DecodeFailed, match="undecodable bytes \\(declared utf-8\\)"):
        decode_bytes(data, "utf-8")
