"""Word-ending features and lemma edit rules for the MiniLM taggers.

The PTB tagger, morphology and lemmatizer heads of :mod:`storyline.nlp.parser`
read, besides the parser's BiLSTM states, a word's last one to four letters
(hashed into buckets: the encoder is uncased and splits rare words into pieces,
so the ending is said outright). The lemmatizer head picks an edit rule: lower
the word or not, cut letters off its end, add letters ("running" → cut 4, add
"") — the rules seen in training, by :func:`lemma_rule`.

>>> suffix_ids("Running") == suffix_ids("running")
True
>>> rule = lemma_rule("Running", "run")
>>> rule, apply_rule("Jogging", rule)
((True, 4, ''), 'jog')
"""

from __future__ import annotations

import zlib

__all__ = [
    "SUFFIX_BUCKETS",
    "SUFFIX_LENGTHS",
    "LemmaRule",
    "apply_rule",
    "lemma_rule",
    "suffix_ids",
]

SUFFIX_LENGTHS = (1, 2, 3, 4)
SUFFIX_BUCKETS = 4096

LemmaRule = tuple[bool, int, str]  # lower the word first; letters cut off the end; added


def suffix_ids(word: str) -> list[int]:
    """One bucket per suffix length (1-4) of the lower-cased word; a word shorter than a
    length gives its whole self marked as such ("^an" for "an" at length 3).

    >>> len(suffix_ids("a")), all(0 < i <= SUFFIX_BUCKETS for i in suffix_ids("a"))
    (4, True)
    """
    lower = word.lower()
    out = []
    for k in SUFFIX_LENGTHS:
        piece = lower[-k:] if len(lower) >= k else "^" + lower
        out.append(zlib.crc32(f"{k}:{piece}".encode()) % SUFFIX_BUCKETS + 1)  # 0 pads
    return out


def lemma_rule(form: str, lemma: str) -> LemmaRule:
    """The edit rule taking ``form`` to ``lemma`` with the fewest letters cut (lowering
    first when that cuts fewer).

    >>> lemma_rule("The", "the"), lemma_rule("Merkel", "Merkel"), lemma_rule("went", "go")
    ((True, 0, ''), (False, 0, ''), (False, 4, 'go'))
    """
    best: LemmaRule | None = None
    for lower in (False, True):
        base = form.lower() if lower else form
        common = 0
        for a, b in zip(base, lemma, strict=False):
            if a != b:
                break
            common += 1
        rule = (lower, len(base) - common, lemma[common:])
        if best is None or rule[1] < best[1]:
            best = rule
    assert best is not None
    return best


def apply_rule(form: str, rule: LemmaRule) -> str:
    """``form`` edited by ``rule``; a rule that would cut the whole word (a replacement
    such as "went" → "go", which only the treebank's lookup can know) leaves it as is.

    >>> apply_rule("policies", (False, 3, "y")), apply_rule("sent", (False, 4, "go"))
    ('policy', 'sent')
    """
    lower, cut, add = rule
    base = form.lower() if lower else form
    if cut >= len(base):
        return base
    return base[: len(base) - cut] + add
