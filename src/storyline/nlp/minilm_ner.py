"""Named entities from MiniLM states: BIO decoding for the MiniLM NER head.

>>> import numpy as np
>>> tags = ["O", "B-PER", "I-PER"]
>>> scores = np.log(np.array([[0.1, 0.2, 0.7], [0.2, 0.1, 0.7]]))
>>> [tags[t] for t in bio_viterbi(scores, tags)]  # I-PER may not open a span
['B-PER', 'I-PER']
>>> bio_spans(["B-PER", "I-PER", "O", "B-LOC", "B-LOC"])
[('PER', 0, 2), ('LOC', 3, 4), ('LOC', 4, 5)]
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
import numpy.typing as npt

__all__ = ["bio_spans", "bio_viterbi"]


@cache
def _constraints(tags: tuple[str, ...]) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.float64]]:
    """Which tags may open a sentence, and ``penalty[a, b]``: 0 when tag ``b`` may follow
    tag ``a`` (I-X only after B-X or I-X), else -1e9. Worked out once per tag set."""
    n = len(tags)
    allowed = np.ones((n, n), dtype=bool)
    for b, tag in enumerate(tags):
        if tag.startswith("I-"):
            for a, prev in enumerate(tags):
                allowed[a, b] = prev[2:] == tag[2:] and prev[:2] in ("B-", "I-")
    start = np.array([not t.startswith("I-") for t in tags])
    return start, np.where(allowed, 0.0, -1e9)


def bio_viterbi(scores: npt.NDArray[np.floating], tags: Sequence[str]) -> list[int]:
    """The highest-scoring valid BIO sequence; ``scores[word, tag]`` are log-probabilities."""
    n = len(scores)
    if not n:
        return []
    start, penalty = _constraints(tuple(tags))
    best = np.where(start, scores[0], -1e9)
    back = np.zeros((n, len(tags)), dtype=np.int64)
    for i in range(1, n):
        total = best[:, None] + penalty  # [prev, next]
        back[i] = total.argmax(axis=0)
        best = total.max(axis=0) + scores[i]
    path = [int(best.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return path[::-1]


def bio_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """``(label, start, end)`` word spans (end exclusive) of a valid BIO sequence."""
    spans: list[tuple[str, int, int]] = []
    for i, tag in enumerate(tags):
        if tag.startswith("B-"):
            spans.append((tag[2:], i, i + 1))
        elif tag.startswith("I-") and spans and spans[-1][2] == i and spans[-1][0] == tag[2:]:
            spans[-1] = (spans[-1][0], spans[-1][1], i + 1)
    return spans
