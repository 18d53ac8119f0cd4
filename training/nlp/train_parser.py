"""Train storyline's tagger, morphologizer, lemmatizer and parser on UD English-EWT.

Run from the repository root (single process, fixed seed in ``parser.cfg``)::

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \\
        python training/nlp/train_parser.py /path/to/ud_english_ewt \\
        --output training/output/parser

The EWT files (``en_ewt-ud-{train,dev}.conllu.gz``) are unpacked and converted
with ``spacy convert -n 10`` (ten sentences per document, so the parser sees
sentence boundaries to learn) into ``<output>/corpus``; the best model lands in
``<output>/model-best``. Training reads gold tokens, so the news tokenizer is
not involved here: ``training/nlp/assemble.py`` installs it in the shipped
pipeline.

``--vectors DIR`` (a spaCy pipeline holding only vectors, such as the output of
``training/nlp/train_vectors.py``) adds those static vectors as a fifth input
to the shared tok2vec (``include_static_vectors``); without it the config is
trained as written.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
from pathlib import Path

from spacy.cli.convert import convert
from spacy.cli.train import train

HERE = Path(__file__).resolve().parent


def prepare_corpus(data_dir: Path, corpus_dir: Path) -> dict[str, Path]:
    """Unpack the EWT CoNLL-U splits and convert them to ``.spacy`` files."""
    corpus_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for split in ("train", "dev"):
        source = data_dir / f"en_ewt-ud-{split}.conllu.gz"
        plain = corpus_dir / f"{split}.conllu"
        with gzip.open(source, "rb") as packed, plain.open("wb") as out:
            shutil.copyfileobj(packed, out)
        convert(
            plain,
            corpus_dir,
            file_type="spacy",
            n_sents=10,
            seg_sents=False,
            model=None,
            morphology=False,
            merge_subtokens=False,
            converter="conllu",
            ner_map=None,
            lang=None,
            concatenate=False,
            silent=True,
        )
        paths[split] = corpus_dir / f"{split}.spacy"
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path, help="folder with en_ewt-ud-*.conllu.gz")
    parser.add_argument("--output", type=Path, default=Path("training/output/parser"))
    parser.add_argument("--config", type=Path, default=HERE / "parser.cfg")
    parser.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    parser.add_argument("--seed", type=int, default=None, help="override system.seed")
    parser.add_argument(
        "--vectors", type=Path, default=None, help="spaCy vectors pipeline for the tok2vec"
    )
    args = parser.parse_args()

    corpus = prepare_corpus(args.data_dir, args.output / "corpus")
    overrides: dict[str, object] = {
        "paths.train": str(corpus["train"]),
        "paths.dev": str(corpus["dev"]),
    }
    if args.max_steps is not None:
        overrides["training.max_steps"] = args.max_steps
    if args.seed is not None:
        overrides["system.seed"] = args.seed
    if args.vectors is not None:
        overrides["paths.vectors"] = str(args.vectors)
        overrides["components.tok2vec.model.embed.include_static_vectors"] = True
    train(args.config, args.output, use_gpu=-1, overrides=overrides)


if __name__ == "__main__":
    main()
