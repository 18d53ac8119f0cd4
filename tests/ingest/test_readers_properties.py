"""Property tests: no input bytes make a reader raise; bad input only becomes Rejected."""

from __future__ import annotations

import gzip

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.ingest.readers import KINDS, read_blob
from storyline.records import RawArticle, Rejected, SourceBlob

_PREFIXES = [
    b"",
    b"WARC/1.0\r\n",
    b'<rss version="2.0"><channel><item><description>',
    b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content type='html'>",
    b"<!DOCTYPE html><html><body><p>",
    b'{"text": "',
    b"[{",
    b"# ",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from(_PREFIXES),
    body=st.binary(max_size=300) | st.text(max_size=300).map(str.encode),
    kind=st.sampled_from([None, *KINDS]),
    compress=st.booleans(),
)
def test_read_blob_never_raises(
    prefix: bytes, body: bytes, kind: str | None, compress: bool
) -> None:
    data = prefix + body
    if compress:
        data = gzip.compress(data)
    for result in read_blob(SourceBlob("-", data), kind=kind, max_bytes=100_000):
        assert isinstance(result, RawArticle | Rejected)
        if isinstance(result, Rejected):
            assert result.reason and "\n" not in result.reason
        else:
            assert result.text.strip()
