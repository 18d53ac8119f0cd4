"""Near-duplicate signatures, band keys and the in-memory index."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.ingest import dedup
from storyline.ingest.dedup import (
    BANDS,
    DEFAULT_THRESHOLD,
    NUM_PERM,
    NearDuplicateIndex,
    band_keys,
    normalise,
    signature,
    signature_from_bytes,
    signature_to_bytes,
    similarity,
)

PINNED_TEXT = "The council approved the new budget on Monday after a long and heated debate."

ARTICLE = """Council approves budget

The city council approved its budget for next year on Monday evening after a debate that \
lasted more than six hours, with members split over spending on roads and libraries.

The mayor said the plan protected front-line services while keeping the tax rise below \
inflation. Opposition members said the cuts to library opening hours would hit the poorest \
neighbourhoods hardest and promised to raise the issue again in the spring.

A final vote on the housing budget is expected next month, when the council will also \
consider a proposal to sell two unused office buildings in the town centre."""

OTHER = """Storm closes coastal roads

Heavy rain and gales closed several coastal roads on Tuesday, and forecasters warned that \
more flooding was likely overnight as a second band of wind moved in from the Atlantic.

Police asked drivers to avoid the area unless their journey was essential. Ferry crossings \
were cancelled and some schools said they would open late on Wednesday."""


def test_public_api_is_pinned() -> None:
    assert sorted(dedup.__all__) == sorted(
        [
            "BANDS",
            "DEFAULT_THRESHOLD",
            "NUM_PERM",
            "ROWS",
            "SHINGLE_SIZE",
            "NearDuplicateIndex",
            "Signature",
            "band_keys",
            "normalise",
            "shingle_hashes",
            "signature",
            "signature_from_bytes",
            "signature_to_bytes",
            "similarity",
        ]
    )


def test_normalise_lowercases_strips_punctuation_and_collapses_space() -> None:
    assert normalise("  It's   the PM’s—plan!\n\nNew_line ") == "its the pms plan new line"


def test_signature_shape_dtype_and_determinism() -> None:
    sig = signature(ARTICLE)
    assert sig.shape == (NUM_PERM,)
    assert sig.dtype == np.uint32
    assert np.array_equal(sig, signature(ARTICLE))


def test_signature_values_are_pinned() -> None:
    # Stored signatures and band keys must not change between runs or machines.
    sig = signature(PINNED_TEXT)
    assert sig[:4].tolist() == [70013537, 418532727, 153843329, 303213451]
    assert band_keys(sig)[:3] == [
        2002865421349780494,
        8012091053624131784,
        7591428688116863316,
    ]
    assert signature_to_bytes(sig)[:8].hex() == "61522c04774df218"


def test_identical_texts_score_one() -> None:
    assert similarity(signature(ARTICLE), signature(ARTICLE)) == 1.0


def test_formatting_differences_do_not_matter() -> None:
    shouted = ARTICLE.upper().replace(",", " ,").replace("\n\n", "\n")
    assert similarity(signature(ARTICLE), signature(shouted)) == 1.0


def test_unrelated_texts_score_low() -> None:
    assert similarity(signature(ARTICLE), signature(OTHER)) < 0.1


def test_light_edits_are_found() -> None:
    headline = ARTICLE.replace("Council approves budget", "UPDATE 1-City budget passes")
    trimmed = ARTICLE.rsplit("\n\n", 1)[0]
    worded = ARTICLE.replace("Monday evening", "Monday night").replace("hardest", "worst")
    junk = "By Staff Reporter\n\n" + ARTICLE + "\n\nShare this article"
    for edited in (headline, trimmed, worded, junk):
        assert similarity(signature(ARTICLE), signature(edited)) >= DEFAULT_THRESHOLD


def test_empty_and_short_texts() -> None:
    empty = signature("  ... ")
    assert (empty == 0xFFFFFFFF).all()
    assert similarity(empty, signature("")) == 1.0
    assert similarity(signature("two words"), signature("two words")) == 1.0
    assert similarity(signature("two words"), empty) == 0.0


def test_bytes_round_trip() -> None:
    sig = signature(ARTICLE)
    data = signature_to_bytes(sig)
    assert len(data) == 4 * NUM_PERM
    back = signature_from_bytes(data)
    assert back.dtype == np.uint32
    assert np.array_equal(back, sig)
    back[0] = 0  # the decoded array is a writable copy
    with pytest.raises(ValueError):
        signature_from_bytes(data[:-4])


def test_band_keys_fit_sqlite_and_differ_by_band() -> None:
    keys = band_keys(signature(ARTICLE))
    assert len(keys) == BANDS
    assert all(0 <= k < 2**63 for k in keys)
    assert len(set(keys)) == BANDS
    same = np.zeros(NUM_PERM, dtype=np.uint32)
    assert len(set(band_keys(same))) == BANDS  # equal bands at different positions


def test_similarity_rejects_mismatched_signatures() -> None:
    with pytest.raises(ValueError):
        similarity(signature(ARTICLE), signature(ARTICLE)[:64])


def test_index_query_finds_copies_best_first() -> None:
    index = NearDuplicateIndex()
    index.add("original", signature(ARTICLE))
    index.add("trimmed", signature(ARTICLE.rsplit("\n\n", 1)[0]))
    index.add("other", signature(OTHER))
    assert len(index) == 3
    assert "other" in index
    found = index.query(signature(ARTICLE), DEFAULT_THRESHOLD)
    assert [i for i, _ in found] == ["original", "trimmed"]
    assert found[0][1] == 1.0
    assert found[0][1] >= found[1][1]
    assert index.query(signature(ARTICLE), threshold=1.0) == [("original", 1.0)]
    assert index.query(signature("Nothing like any of them at all, truly.")) == []


def test_index_rejects_a_second_add_of_one_id() -> None:
    index = NearDuplicateIndex()
    index.add("a", signature(ARTICLE))
    with pytest.raises(ValueError):
        index.add("a", signature(OTHER))
