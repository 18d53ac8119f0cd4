"""Compare the trained edit-tree lemmatizer with a lookup table built from EWT train.

Both are scored on EWT dev, on the gold words, with the pipeline's own
predicted UPOS feeding the lookup (so the comparison is fair)::

    python training/nlp/compare_lemmatizers.py ../shared/data/ner/ud_english_ewt \\
        --model training/output/parser/model-best

The lookup maps (form, UPOS) to its most frequent lemma in train, then falls
back to the form (proper nouns) or its lower-case form.
"""

from __future__ import annotations

import argparse
import gzip
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc

from storyline.nlp.lemmas import build_table


def _rows(path: Path) -> Iterator[tuple[str, str, str, bool]]:
    """(form, upos, lemma, sentence_end) for each syntactic word."""
    previous: tuple[str, str, str] | None = None
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            columns = line.rstrip("\n").split("\t")
            if len(columns) == 10 and columns[0].isdigit():
                if previous is not None:
                    yield (*previous, False)
                previous = (columns[1], columns[3], columns[2])
            elif not line.strip() and previous is not None:
                yield (*previous, True)
                previous = None
    if previous is not None:
        yield (*previous, True)


def lookup_table(train: Path) -> dict[tuple[str, str], str]:
    with gzip.open(train, "rt", encoding="utf-8") as fh:
        table = build_table(fh)
    return {(key.split("\t")[0], key.split("\t")[1]): lemma for key, lemma in table.items()}


def lookup(table: dict[tuple[str, str], str], form: str, upos: str) -> str:
    if (form, upos) in table:
        return table[(form, upos)]
    return form if upos == "PROPN" else form.lower()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--model", type=Path, default=Path("training/output/parser/model-best"))
    args = parser.parse_args()

    table = lookup_table(args.data_dir / "en_ewt-ud-train.conllu.gz")
    nlp = spacy.load(args.model, disable=["parser"])
    rows = list(_rows(args.data_dir / "en_ewt-ud-dev.conllu.gz"))
    sentences: list[list[tuple[str, str, str, bool]]] = [[]]
    for row in rows:
        sentences[-1].append(row)
        if row[3]:
            sentences.append([])
    docs = (Doc(nlp.vocab, words=[w for w, *_ in s]) for s in sentences if s)
    trained = looked_up = hybrid = total = 0
    for sentence, doc in zip((s for s in sentences if s), nlp.pipe(docs), strict=True):
        for (_, _, gold, _), token in zip(sentence, doc, strict=True):
            total += 1
            trained += token.lemma_ == gold
            looked_up += lookup(table, token.text, token.pos_) == gold
            known = table.get((token.text, token.pos_))
            hybrid += (known if known is not None else token.lemma_) == gold
    print(f"edit-tree lemmatizer: {trained / total:.4f}")
    print(f"lookup (predicted UPOS): {looked_up / total:.4f}")
    print(f"lookup when seen in train, else edit tree: {hybrid / total:.4f}")


if __name__ == "__main__":
    main()
