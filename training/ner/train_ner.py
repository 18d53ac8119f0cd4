"""Train storyline's CoNLL-2003 named-entity recogniser.

Converts the CoNLL-2003 IOB2 files to spaCy's binary format (one Doc per
sentence, gold tokens kept), then trains ``training/ner/ner.cfg`` on
``eng.train`` with early stopping on ``eng.testa`` (dev). The test split is
never read. Seeds are fixed in the config.

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \\
        python training/ner/train_ner.py ../shared/data/ner/conll2003

``--extra FILE`` adds in-domain sentences from a Universal NER ``.iob2`` file
(web text: PER/ORG/LOC) to the training data, ``--extra-repeat`` times each.
With ``--folds N --hold-out K`` the file's documents are dealt into N folds
(document i goes to fold i mod N) and fold K is left out of training and
written to ``OUTPUT/heldout.iob2``, so the model can be scored on text it
never saw (cross-validation over a file that is also the only in-domain data).
Early stopping still reads only ``eng.testa``.

The best model lands in ``training/output/ner/model-best`` (gitignored), a
pipeline whose single ``ner`` component owns its tok2vec, so it can be sourced
into the packaged pipeline as it is.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from storyline.eval.ner import read_iob2, spans_from_tags

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE.parent / "output" / "ner"


def to_docbin(source: Path, target: Path) -> int:
    """Write ``source``'s gold sentences to ``target`` as a DocBin; return the count."""
    sentences, _ = read_iob2(source)
    vocab = Vocab()
    db = DocBin(store_user_data=False)
    for sentence in sentences:
        doc = Doc(vocab, words=list(sentence.words))
        doc.ents = [
            Span(doc, s, e + 1, label=label) for label, s, e in spans_from_tags(sentence.tags)
        ]
        db.add(doc)
    target.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(target)
    return len(sentences)


def split_documents(path: Path) -> list[str]:
    """The Universal NER file's documents, each as its raw text (comments and rows)."""
    docs: list[list[str]] = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        if not block.strip():
            continue
        if block.lstrip().startswith("# newdoc") or not docs:
            docs.append([])
        docs[-1].append(block.strip("\n"))
    return ["\n\n".join(blocks) for blocks in docs]


def write_folds(source: Path, folds: int, hold_out: int | None, target_dir: Path) -> Path:
    """Write the training part of ``source`` to ``target_dir``; the held-out fold beside it."""
    docs = split_documents(source)
    keep = [d for i, d in enumerate(docs) if hold_out is None or i % folds != hold_out]
    out = [d for i, d in enumerate(docs) if hold_out is not None and i % folds == hold_out]
    target_dir.mkdir(parents=True, exist_ok=True)
    train = target_dir / "extra-train.iob2"
    train.write_text("\n\n".join(keep) + "\n\n", encoding="utf-8")
    if out:
        (target_dir / "heldout.iob2").write_text("\n\n".join(out) + "\n\n", encoding="utf-8")
    return train


def main(argv: list[str] | None = None) -> int:
    """Convert the data and train."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("conll_dir", type=Path, help="folder with eng.train.gz and eng.testa.gz")
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    ap.add_argument("--config", type=Path, default=HERE / "ner.cfg")
    ap.add_argument("--max-steps", type=int, default=None)
    ap.add_argument("--patience", type=int, default=None)
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a config value, e.g. components.ner.model.tok2vec.encode.width=64",
    )
    ap.add_argument("--extra", type=Path, help="a Universal NER .iob2 file to train on too")
    ap.add_argument("--extra-repeat", type=int, default=1, metavar="R")
    ap.add_argument("--folds", type=int, default=5, metavar="N")
    ap.add_argument("--hold-out", type=int, default=None, metavar="K", help="fold left out")
    args = ap.parse_args(argv)

    corpus = args.output / "corpus"
    # spaCy's Corpus reader takes a folder and reads every .spacy file in it
    train_path, dev_path = corpus / "train", corpus / "dev.spacy"
    n_train = to_docbin(args.conll_dir / "eng.train.gz", train_path / "conll.spacy")
    n_dev = to_docbin(args.conll_dir / "eng.testa.gz", dev_path)
    print(f"converted {n_train} train and {n_dev} dev sentences", flush=True)
    if args.extra is not None:
        extra = write_folds(args.extra, args.folds, args.hold_out, args.output)
        for r in range(args.extra_repeat):
            n_extra = to_docbin(extra, train_path / f"extra{r}.spacy")
        print(f"added {n_extra} in-domain sentences x{args.extra_repeat}", flush=True)

    from spacy.cli.train import train

    overrides: dict[str, object] = {"paths.train": str(train_path), "paths.dev": str(dev_path)}
    if args.max_steps is not None:
        overrides["training.max_steps"] = args.max_steps
    if args.patience is not None:
        overrides["training.patience"] = args.patience
    for item in args.set:
        key, _, value = item.partition("=")
        overrides[key] = json.loads(value)
    train(args.config, args.output, overrides=overrides)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
