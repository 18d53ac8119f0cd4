"""Bytes to text: the declared charset first, then detection, then a clear rejection."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from storyline.errors import DecodeFailed, UnsupportedInput

__all__ = ["decode_bytes", "looks_binary"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (NULs, control bytes)."""
    head = data[:4096]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and controls / len(head) > 0.05


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data``: a BOM, else the ``declared`` charset, else UTF-8, else detection.

    Raises :class:`DecodeFailed` when nothing decodes it, and
    :class:`UnsupportedInput` when it is binary.

    >>> decode_bytes("café".encode("latin-1"), "iso-8859-1")
    'café'
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace")
    if looks_binary(data):
        raise UnsupportedInput("binary content, not text")
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        hint = f" (declared {declared})" if declared else ""
        raise DecodeFailed(f"undecodable bytes{hint}: no charset detected")
    return str(best)
