"""Article identity: the input's own id, else a hash of the clean text."""

from __future__ import annotations

import hashlib
import unicodedata

__all__ = ["content_hash", "derive_id"]


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the clean text with Unicode and white space normalised.

    Two inputs whose clean text differs only in spacing or Unicode form are
    exact duplicates.

    >>> content_hash("A  b") == content_hash("A b\\n")
    True
    """
    norm = " ".join(unicodedata.normalize("NFKC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def derive_id(input_id: str | None, text_hash: str) -> str:
    """The article id: the input's id when it has one, else the first 16 hex digits
    of the content hash.

    >>> derive_id("wire-17", "ab" * 32), derive_id(None, "ab" * 32)
    ('wire-17', 'abababababababab')
    """
    if input_id is not None and input_id.strip():
        return input_id.strip()
    return text_hash[:16]
