"""Train storyline's CoNLL-2003 named-entity recogniser.

Converts the CoNLL-2003 IOB2 files to spaCy's binary format (one Doc per
sentence, gold tokens kept), then trains ``training/ner/ner.cfg`` on
``eng.train`` with early stopping on ``eng.testa`` (dev). The test split is
never read. Seeds are fixed in the config.

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \\
        python training/ner/train_ner.py ../shared/data/ner/conll2003

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
    args = ap.parse_args(argv)

    corpus = args.output / "corpus"
    train_path, dev_path = corpus / "train.spacy", corpus / "dev.spacy"
    n_train = to_docbin(args.conll_dir / "eng.train.gz", train_path)
    n_dev = to_docbin(args.conll_dir / "eng.testa.gz", dev_path)
    print(f"converted {n_train} train and {n_dev} dev sentences", flush=True)

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
