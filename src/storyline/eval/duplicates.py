"""Evaluate near-duplicate detection on labelled pairs of shared-corpus documents.

The labels (``evaldata/duplicates/pairs.jsonl``) hold references only: each row
names two documents by corpus and key (:mod:`storyline.eval.corpora`). A
synthetic pair names a real article plus an edit recipe and a seed; the edited
copy is rebuilt here by :func:`apply_recipe`, deterministically, so no text is
stored. :func:`evaluate_duplicates` rebuilds every pair of one split, indexes
the first texts in a :class:`~storyline.ingest.dedup.NearDuplicateIndex` and
asks it, for each second text, whether the first comes back as a near-copy.

Nothing here is used at run time.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.eval.corpora import CorpusDoc, load_corpus
from storyline.ingest.dedup import DEFAULT_THRESHOLD, NearDuplicateIndex, signature

__all__ = [
    "DEFAULT_LABELS",
    "RECIPES",
    "LabelledPair",
    "apply_recipe",
    "evaluate_duplicates",
    "load_pairs",
    "pair_texts",
    "split_of",
    "text_sha1",
]

#: The labelled pairs kept in the repository (``evaldata/duplicates/pairs.jsonl``).
DEFAULT_LABELS = Path(__file__).resolve().parents[3] / "evaldata" / "duplicates" / "pairs.jsonl"

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[A-Z\"“‘'])")

# Lines that syndication and scraping add around a wire story.
_BYLINES = (
    "By Staff Reporter",
    "By Jane Morgan, Associated Press",
    "From Reuters, with additional reporting",
    "By our correspondent",
)
_TRAILERS = (
    "Share this article",
    "Read more: latest news and analysis",
    "Sign up for our morning newsletter",
    "Copyright 2021. All rights reserved.",
)
_ADDED_LEADS = (
    "This story has been updated with additional details.",
    "Here is the latest on a story that is still developing.",
    "The following report was first published earlier and has since been updated.",
    "Officials and analysts were reacting to the news on Monday.",
)
_HEADLINE_PREFIXES = ("UPDATE 1-", "UPDATE 2-", "", "Analysis: ", "EXCLUSIVE-")
_FILLERS = ("also", "now", "reportedly", "officially", "still", "already")


def text_sha1(text: str) -> str:
    """First 12 hex digits of the SHA-1 of ``text`` (UTF-8): detects corpus drift.

    >>> text_sha1("abc")
    'a9993e364706'
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def split_of(group: str) -> str:
    """``"tune"`` or ``"test"``, fixed by a hash of ``group`` (a story or document key).

    >>> split_of("allsides:5607")
    'test'
    """
    return "tune" if hashlib.sha1(group.encode("utf-8")).digest()[0] % 2 == 0 else "test"


@dataclass(frozen=True, slots=True)
class LabelledPair:
    """One labelled pair: does ``b`` (possibly edited by ``recipe``) copy ``a``?

    ``a``, ``b`` and ``donor`` are ``(corpus, key)``; ``donor`` supplies text
    that some recipes add (a paragraph, a headline for a "Related" line).
    """

    id: str
    split: str
    label: bool
    kind: str
    a: tuple[str, str]
    b: tuple[str, str]
    recipe: tuple[str, ...] = ()
    seed: int = 0
    donor: tuple[str, str] | None = None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> LabelledPair:
        """Read one JSON row of ``pairs.jsonl``."""
        donor = row.get("donor")
        return cls(
            id=str(row["id"]),
            split=str(row["split"]),
            label=bool(row["label"]),
            kind=str(row["kind"]),
            a=(row["a"]["corpus"], row["a"]["key"]),
            b=(row["b"]["corpus"], row["b"]["key"]),
            recipe=tuple(row.get("recipe") or ()),
            seed=int(row.get("seed") or 0),
            donor=(donor["corpus"], donor["key"]) if donor else None,
        )


def load_pairs(labels: Path, split: str | None = None) -> list[LabelledPair]:
    """The labelled pairs in ``labels`` (JSON Lines), optionally of one split only."""
    pairs = []
    with labels.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                pair = LabelledPair.from_row(json.loads(line))
                if split is None or split == "all" or pair.split == split:
                    pairs.append(pair)
    return pairs


# --- edit recipes -----------------------------------------------------------------


@dataclass(slots=True)
class _Draft:
    """An article being edited: an optional headline line and body paragraphs."""

    headline: str | None
    paragraphs: list[str]

    @classmethod
    def of(cls, doc: CorpusDoc) -> _Draft:
        parts = [p.strip() for p in _PARAGRAPH_BREAK.split(doc.text) if p.strip()]
        if doc.corpus == "bbc" and parts:  # the first line of a BBC file is its title
            return cls(parts[0], parts[1:])
        return cls(None, parts)

    def text(self) -> str:
        parts = ([self.headline] if self.headline else []) + self.paragraphs
        return "\n\n".join(parts)


def _pick(rng: random.Random, items: Sequence[str]) -> str:
    # random() is the one generator method Python promises to keep stable.
    return items[int(rng.random() * len(items))]


def _sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(paragraph) if s.strip()]


def _headline(draft: _Draft, rng: random.Random, donor: _Draft | None) -> None:
    words = (_sentences(draft.paragraphs[0])[0] if draft.paragraphs else "").split()
    start = int(rng.random() * max(1, len(words) - 8))
    new = " ".join(words[start : start + 7]).strip(" ,.;:")
    draft.headline = _pick(rng, _HEADLINE_PREFIXES) + new[:1].upper() + new[1:]


def _lead_changed(draft: _Draft, rng: random.Random, donor: _Draft | None) -> None:
    # A rewritten first sentence: the original's first words, a different ending.
    first = _sentences(draft.paragraphs[0])
    words = first[0].split()
    keep = max(3, len(words) // 3)
    ending = _pick(rng, _ADDED_LEADS).rstrip(".").lower()
    first[0] = " ".join(words[:keep]) + ", " + ending + "."
    draft.paragraphs[0] = " ".join(first)


def _lead_added(draft: _Draft, rng: random.Random, donor: _Draft | None) -> None:
    draft.paragraphs[0] = _pick(rng, _ADDED_LEADS) + " " + draft.paragraphs[0]


def _trim_end(draft: _Draft, rng: random.Random, donor: _Draft | None) -> None:
    # Drop the last paragraph; if it holds over a quarter of the words (BBC files
    # often keep most of the story in one), drop only its last sentences instead.
    total = sum(len(p.split()) for p in draft.paragraphs)
    last = draft.paragraphs[-1]
    if len(draft.paragraphs) > 1 and len(last.split()) <= total // 4:
        draft.paragraphs.pop()
        return
    sentences = _sentences(last)
    if len(sentences) == 1 and len(draft.paragraphs) > 1:
        draft.paragraphs.pop()
        return
    removed = 0
    while len(sentences) > 1 and removed < total // 8:
        removed += len(sentences.pop().split())
    draft.paragraphs[-1] = " ".join(sentences)


def _junk(draft: _Draft, rng: random.Random, donor: _Draft | None) -> None:
    draft.paragraphs.insert(0, _pick(rng, _BYLINES))
    related = donor.headline if donor and donor.headline else _pick(rng, _TRAILERS)
    draft.paragraphs.append("Related: " + related if donor else related)


def _word_edits(draft: _Draft, rng: random.Random, donor: _Draft | None) -> None:
    # About one edit per 60 words (at least two): a deleted, added or swapped word.
    total = sum(len(p.split()) for p in draft.paragraphs)
    for _ in range(max(2, total // 60)):
        i = int(rng.random() * len(draft.paragraphs))
        words = draft.paragraphs[i].split()
        if len(words) < 3:
            continue
        j = 1 + int(rng.random() * (len(words) - 2))
        action = rng.random()
        if action < 1 / 3:
            del words[j]
        elif action < 2 / 3:
            words.insert(j, _pick(rng, _FILLERS))
        else:
            words[j], words[j + 1] = words[j + 1], words[j]
        draft.paragraphs[i] = " ".join(words)


def _update_paragraph(draft: _Draft, rng: random.Random, donor: _Draft | None) -> None:
    # One new paragraph (from a same-story donor) placed after the lead.
    if donor is None or not donor.paragraphs:
        raise ValueError("recipe update_paragraph needs a donor article")
    new = (
        donor.paragraphs[1 + int(rng.random() * (len(donor.paragraphs) - 1))]
        if len(donor.paragraphs) > 1
        else donor.paragraphs[0]
    )
    at = 1 + int(rng.random() * len(draft.paragraphs))
    draft.paragraphs.insert(min(at, len(draft.paragraphs)), new)


def _diverge(draft: _Draft, rng: random.Random, donor: _Draft | None) -> None:
    # A later version that keeps the first third and continues with other reporting.
    if donor is None:
        raise ValueError("recipe diverge needs a donor article")
    keep = max(1, len(draft.paragraphs) // 3)
    draft.paragraphs = draft.paragraphs[:keep] + donor.paragraphs[1:]
    _headline(draft, rng, None)


_Recipe = Callable[[_Draft, random.Random, "_Draft | None"], None]

#: Edit recipes by name, applied in the order a pair lists them.
RECIPES: Mapping[str, _Recipe] = {
    "headline": _headline,
    "lead_changed": _lead_changed,
    "lead_added": _lead_added,
    "trim_end": _trim_end,
    "junk": _junk,
    "word_edits": _word_edits,
    "update_paragraph": _update_paragraph,
    "diverge": _diverge,
}


def apply_recipe(
    doc: CorpusDoc, recipe: Iterable[str], seed: int, donor: CorpusDoc | None = None
) -> str:
    """The text of ``doc`` after the named edits, the same for the same seed everywhere.

    >>> doc = CorpusDoc("bbc", "k", "Title\\n\\nOne two three four. Five six.\\n\\nSeven eight.")
    >>> apply_recipe(doc, ["trim_end"], seed=1)
    'Title\\n\\nOne two three four. Five six.'
    """
    draft = _Draft.of(doc)
    extra = _Draft.of(donor) if donor is not None else None
    if extra is not None and extra.headline is None and donor is not None:
        extra.headline = donor.title
    if not draft.paragraphs:
        return doc.text
    rng = random.Random(seed)
    for name in recipe:
        RECIPES[name](draft, rng, extra)
    return draft.text()


# --- evaluation -------------------------------------------------------------------


def pair_texts(pair: LabelledPair, docs: Mapping[tuple[str, str], CorpusDoc]) -> tuple[str, str]:
    """The two texts of ``pair``: ``b`` is rebuilt through its recipe if it has one."""
    a = docs[pair.a].text
    if not pair.recipe:
        return a, docs[pair.b].text
    donor = docs[pair.donor] if pair.donor else None
    return a, apply_recipe(docs[pair.b], pair.recipe, pair.seed, donor)


def _load_docs(data: Path, pairs: Sequence[LabelledPair]) -> dict[tuple[str, str], CorpusDoc]:
    needed = {ref for p in pairs for ref in (p.a, p.b, p.donor) if ref is not None}
    docs: dict[tuple[str, str], CorpusDoc] = {}
    for corpus in sorted({c for c, _ in needed}):
        for key, doc in load_corpus(corpus, data).items():
            if (corpus, key) in needed:
                docs[(corpus, key)] = doc
    missing = sorted(needed - docs.keys())
    if missing:
        raise KeyError(f"{len(missing)} labelled documents are not in {data}: {missing[:3]}")
    return docs


def evaluate_duplicates(
    data: Path,
    labels: Path | None = None,
    split: str = "test",
    threshold: float = DEFAULT_THRESHOLD,
) -> dict[str, Any]:
    """Precision, recall and F1 of near-duplicate detection on one split of the labels.

    ``data`` is the shared data folder (the one holding ``news/``). Every
    pair's first text is indexed; a pair is predicted a duplicate when querying
    the index with its second text returns the first at ``threshold`` or above.
    Scores are fractions; ``by_kind`` gives the share predicted duplicate per kind.

    >>> evaluate_duplicates(Path("../shared/data"), split="tune")["f1"]  # doctest: +SKIP
    0.998...
    """
    pairs = load_pairs(labels or DEFAULT_LABELS, split)
    docs = _load_docs(data, pairs)
    index = NearDuplicateIndex()
    for pair in pairs:
        ref = f"{pair.a[0]}:{pair.a[1]}"
        if ref not in index:
            index.add(ref, signature(docs[pair.a].text))
    tp = fp = fn = 0
    kinds: dict[str, list[int]] = {}
    for pair in pairs:
        _, b_text = pair_texts(pair, docs)
        found = {i for i, _ in index.query(signature(b_text), threshold)}
        predicted = f"{pair.a[0]}:{pair.a[1]}" in found
        tp += predicted and pair.label
        fp += predicted and not pair.label
        fn += pair.label and not predicted
        counts = kinds.setdefault(f"{pair.kind}:{'pos' if pair.label else 'neg'}", [0, 0])
        counts[0] += predicted
        counts[1] += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "pairs": len(pairs),
        "positives": sum(p.label for p in pairs),
        "threshold": threshold,
        "by_kind": {k: v[0] / v[1] for k, v in sorted(kinds.items())},
    }
