"""Bounded gzip decompression: a small zip bomb must not fill memory."""

from __future__ import annotations

import zlib

from storyline.errors import MalformedRecord, TooLarge

__all__ = ["GZIP_MAGIC", "gunzip"]

GZIP_MAGIC = b"\x1f\x8b"


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip ``data`` (all members), refusing output past ``max_bytes``.

    Decompression is bounded as it goes, so a small zip bomb costs at most
    ``max_bytes`` of memory before :class:`~storyline.errors.TooLarge` is raised.
    Broken or truncated data raises :class:`~storyline.errors.MalformedRecord`.

    >>> import gzip
    >>> gunzip(gzip.compress(b"hello"), max_bytes=100)
    b'hello'
    """
    out = bytearray()
    rest = data
    while rest:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        chunk = rest
        while not inflater.eof:
            try:
                # max_length is at least 1 here: 0 would mean "no limit".
                piece = inflater.decompress(chunk, max_bytes + 1 - len(out))
            except zlib.error as exc:
                raise MalformedRecord(f"broken gzip data: {exc}") from exc
            out += piece
            if len(out) > max_bytes:
                raise TooLarge(f"gzip data decompresses to over {max_bytes} bytes")
            chunk = inflater.unconsumed_tail
            if not piece and not chunk and not inflater.eof:
                raise MalformedRecord("truncated gzip data")
        rest = inflater.unused_data
        if not rest.strip(b"\x00"):
            break
    return bytes(out)
