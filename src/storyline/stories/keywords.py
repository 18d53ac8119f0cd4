"""Keyword vectors: sparse, hashed TF-IDF of an article's words, with a shipped IDF table.

Embeddings say what kind of thing happened; rare words — names, places, the
one technical term — say *which* thing. A TF-IDF vector carries them. The IDF
table (``models/idf.npz``) is built once from the shared news corpora by
``training/stories/build_idf.py`` and hashed into ``2**18`` buckets (CRC-32 of
the lower-cased word), so no vocabulary is needed at run time and an unseen
word counts as rare.

>>> weights = load_keyword_weights()
>>> v = weights.vector("The strike at the port of Saltreve closed the port.")
>>> round(sum(w * w for w in v.values()), 6)
1.0
>>> weights.bucket("port") in v and weights.bucket("the") in v
True
>>> v[weights.bucket("saltreve")] > v[weights.bucket("the")]
True
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from storyline.errors import ModelMissing

__all__ = ["BUCKETS", "IDF_PATH", "KeywordWeights", "cosine", "load_keyword_weights", "words"]

BUCKETS = 2**18
IDF_PATH = Path(__file__).resolve().parent / "models" / "idf.npz"
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` (letters first; numbers are not keywords).

    >>> words("U.S. strikes: 40-mile link, Jean-Claude's plan")
    ['u', 's', 'strikes', 'mile', 'link', "jean-claude's", 'plan']
    """
    return [w.lower() for w in _WORD.findall(text)]


class KeywordWeights:
    """Inverse document frequencies by hashed word, and the vectors they make."""

    def __init__(self, idf: npt.NDArray[np.float32], unseen: float) -> None:
        self.idf = idf
        self.unseen = unseen

    @staticmethod
    def bucket(word: str) -> int:
        """The bucket of a (lower-cased) word."""
        return zlib.crc32(word.encode("utf-8")) % BUCKETS

    def vector(self, text: str) -> dict[int, float]:
        """Unit-length sparse vector: (1 + log tf) × idf per bucket."""
        counts = Counter(self.bucket(w) for w in words(text))
        vec: dict[int, float] = {}
        for b, c in counts.items():
            idf = float(self.idf[b]) or self.unseen
            vec[b] = (1.0 + math.log(c)) * idf
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        return {b: w / norm for b, w in vec.items()}

    @classmethod
    def from_documents(cls, texts: Iterable[str]) -> KeywordWeights:
        """Build the table from a corpus: smoothed idf, ``log((1 + n) / (1 + df)) + 1``."""
        df = np.zeros(BUCKETS, dtype=np.int64)
        n = 0
        for text in texts:
            n += 1
            for b in {cls.bucket(w) for w in words(text)}:
                df[b] += 1
        idf = np.where(df > 0, np.log((1 + n) / (1 + df)) + 1.0, 0.0).astype(np.float32)
        return cls(idf, float(math.log(1 + n) + 1.0))

    def save(self, path: Path) -> None:
        """Write the table (float16 is precise enough for weights and halves the file)."""
        np.savez_compressed(path, idf=self.idf.astype(np.float16), unseen=np.float32(self.unseen))


def cosine(a: Mapping[int, float], b: Mapping[int, float]) -> float:
    """Dot product of two sparse vectors (cosine when both are unit length).

    >>> cosine({1: 0.6, 2: 0.8}, {2: 1.0})
    0.8
    """
    if len(b) < len(a):
        a, b = b, a
    return sum(w * b.get(k, 0.0) for k, w in a.items())


@cache
def load_keyword_weights(path: Path | None = None) -> KeywordWeights:
    """The shipped table, loaded once."""
    path = path or IDF_PATH
    if not path.is_file():
        raise ModelMissing(
            f"storyline's keyword table is missing at {path}; build it with "
            "training/stories/build_idf.py"
        )
    with np.load(path) as data:
        return KeywordWeights(data["idf"].astype(np.float32), float(data["unseen"]))
