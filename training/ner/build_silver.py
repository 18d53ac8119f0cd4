"""Silver NER training data on UD English-EWT train: web text the CoNLL data lacks.

A trained recogniser (``--model``) labels the gold words of EWT's training
sentences; EWT's gold part-of-speech tags then decide what of that to trust:

- a predicted PER/ORG/LOC span is kept when it holds a proper noun (``PROPN``);
  one without ("Thanks", "Best", "Email" in a signature) becomes *outside*;
- a proper noun no kept span covers is left *missing* (the model may have
  missed a name, so the tokens teach nothing either way), and so is every
  predicted MISC span (Universal NER labels no MISC in this release);
- every other token is *outside*.

The output is a spaCy ``.spacy`` file of partially annotated sentences for
``train_ner.py --silver``. EWT's dev and test sentences are never read (the
Universal NER test split is built on EWT test).

    python training/ner/build_silver.py ../shared/data/ner/ud_english_ewt \\
        --model training/output/ner/model-best --output training/output/silver.spacy
"""

from __future__ import annotations

import argparse
import gzip
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

KEPT = frozenset({"PER", "ORG", "LOC"})


def read_conllu(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """Each sentence's words and universal part-of-speech tags (multi-word ranges skipped)."""
    words: list[str] = []
    tags: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            words.append(cols[1])
            tags.append(cols[3])
    if words:
        yield words, tags


def silver(doc: Doc, upos: list[str]) -> Doc:
    """``doc`` (with predicted entities) re-annotated as the module docstring says."""
    kept: list[Span] = []
    missing: list[Span] = []
    for ent in doc.ents:
        has_name = any(upos[i] == "PROPN" for i in range(ent.start, ent.end))
        if ent.label_ in KEPT and has_name:
            kept.append(ent)
        elif ent.label_ not in KEPT:
            missing.append(ent)
    covered = {i for span in kept + missing for i in range(span.start, span.end)}
    missing += [doc[i : i + 1] for i, tag in enumerate(upos) if tag == "PROPN" and i not in covered]
    out = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    out.set_ents(
        [Span(out, s.start, s.end, label=s.label_) for s in kept],
        missing=[Span(out, s.start, s.end) for s in missing],
        default="outside",
    )
    return out


def main(argv: list[str] | None = None) -> int:
    """Label EWT train and write the silver file."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("ewt_dir", type=Path, help="folder with en_ewt-ud-train.conllu.gz")
    ap.add_argument("--model", type=Path, required=True, help="a trained NER pipeline folder")
    ap.add_argument("--output", type=Path, required=True)
    args = ap.parse_args(argv)

    nlp = spacy.load(args.model)
    sentences = list(read_conllu(args.ewt_dir / "en_ewt-ud-train.conllu.gz"))
    docs = (Doc(nlp.vocab, words=words) for words, _ in sentences)
    db = DocBin(store_user_data=False)
    n_ents = 0
    for doc, (_, upos) in zip(nlp.pipe(docs, batch_size=256), sentences, strict=True):
        labelled = silver(doc, upos)
        n_ents += len(labelled.ents)
        db.add(labelled)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(args.output)
    print(f"{len(sentences)} sentences, {n_ents} silver entities -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
