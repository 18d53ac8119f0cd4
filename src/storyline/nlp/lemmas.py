"""Lemma lookup for words seen in the treebank, on top of the edit-tree lemmatizer.

On UD English-EWT dev, "the lemma the treebank gives this (form, UPOS) most
often, else the edit-tree lemmatizer's guess" beats either alone (measured by
``training/nlp/compare_lemmatizers.py``). The component runs after the
morphologizer and the trainable lemmatizer and only overwrites lemmas of
(form, UPOS) pairs in its table; the table is saved with the pipeline.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> lookup = nlp.add_pipe("storyline_lemma_lookup")
>>> lookup.table = {"went\\tVERB": "go"}
>>> doc = nlp.make_doc("He went")
>>> doc[1].pos_ = "VERB"
>>> lookup(doc)[1].lemma_
'go'
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["LemmaLookup", "build_table"]

_TABLE_FILE = "table.json"


def build_table(conllu_lines: Iterable[str]) -> dict[str, str]:
    """Most frequent lemma of each ``form\\tUPOS`` pair in CoNLL-U lines.

    >>> build_table(["1\\twent\\tgo\\tVERB\\tVBD\\t_\\t0\\troot\\t_\\t_"])
    {'went\\tVERB': 'go'}
    """
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for line in conllu_lines:
        columns = line.rstrip("\n").split("\t")
        if len(columns) == 10 and columns[0].isdigit():
            counts[f"{columns[1]}\t{columns[3]}"][columns[2]] += 1
    return {key: lemmas.most_common(1)[0][0] for key, lemmas in sorted(counts.items())}


class LemmaLookup:
    """Overwrite ``token.lemma_`` for (form, UPOS) pairs with a known lemma."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.table: dict[str, str] = {}

    def __call__(self, doc: Doc) -> Doc:
        table = self.table
        for token in doc:
            lemma = table.get(f"{token.text}\t{token.pos_}")
            if lemma is not None:
                token.lemma_ = lemma
        return doc

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / _TABLE_FILE, self.table, indent=0)

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> LemmaLookup:
        self.table = dict(srsly.read_json(Path(path) / _TABLE_FILE))
        return self


@Language.factory("storyline_lemma_lookup")
def make_lemma_lookup(nlp: Language, name: str) -> LemmaLookup:
    """spaCy factory for :class:`LemmaLookup` (table filled by assembly or from disk)."""
    return LemmaLookup(nlp, name)
