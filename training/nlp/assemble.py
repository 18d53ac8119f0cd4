"""Assemble the shipped ``en_news`` pipeline from the trained parts.

Run from the repository root once the parser (and, if ready, the NER) is trained::

    python training/nlp/assemble.py \\
        --parser training/output/parser/model-best \\
        --ewt ../shared/data/ner/ud_english_ewt \\
        --ner training/output/ner/model-best \\
        --output src/storyline/nlp/models/en_news

* the tagger/morphologizer/lemmatizer/parser pipeline is the base;
* storyline's news tokenizer rules are installed (they are saved with the
  tokenizer, so loading needs no code) and the ``storyline_sentence_guard``
  component is put right before the parser;
* with ``--ewt``, ``storyline_lemma_lookup`` (lemmas of (form, UPOS) pairs
  seen in EWT train, measured better than the edit tree alone) follows the
  trainable lemmatizer;
* the ``ner`` component is sourced from the NER pipeline if it exists; a
  ``tok2vec`` listener is first replaced by its own copy of the embedding
  layer (``replace_listeners``), so the two models never share weights;
* ``storyline_entities`` (money, percent, dates, ...) is added after ``ner``
  when ``storyline.nlp.entities`` exists.

Re-running it after the NER finishes training only needs the same command:
the parser part is read again from ``--parser``.

The shipped pipeline then goes through ``training/nlp/swap_parser.py``, which
replaces the spaCy parser by the MiniLM tagger and parser, adds the trained
sentence splitter and moves the sentence guard (README §1d).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import shutil
from pathlib import Path

import spacy
from spacy.language import Language

from storyline.nlp.lemmas import LemmaLookup, build_table
from storyline.nlp.tokenizer import customize_tokenizer

ENTITIES_MODULE = "storyline.nlp.entities"


def _listener_free_ner(path: Path) -> Language:
    ner_nlp = spacy.load(path)
    for name, component in ner_nlp.pipeline:
        listening = getattr(component, "listening_components", None)
        if listening and "ner" in listening:
            ner_nlp.replace_listeners(name, "ner", ["model.tok2vec"])
    return ner_nlp


def assemble(
    parser_path: Path, ner_path: Path | None, output: Path, ewt: Path | None = None
) -> Language:
    """Build the pipeline and save it to ``output`` (replacing what is there)."""
    nlp = spacy.load(parser_path)
    customize_tokenizer(nlp)
    nlp.add_pipe("storyline_sentence_guard", before="parser")
    if ewt is not None:
        with gzip.open(ewt / "en_ewt-ud-train.conllu.gz", "rt", encoding="utf-8") as fh:
            table = build_table(fh)
        lookup = nlp.add_pipe("storyline_lemma_lookup", after="trainable_lemmatizer")
        assert isinstance(lookup, LemmaLookup)
        lookup.table = table
        print(f"lemma lookup: {len(table)} (form, UPOS) pairs from EWT train")
    if ner_path is not None and (ner_path / "config.cfg").is_file():
        source = _listener_free_ner(ner_path)
        nlp.add_pipe("ner", source=source)
        print(f"sourced ner from {ner_path}")
    else:
        print(f"no NER pipeline at {ner_path}: assembling without entities")
    if importlib.util.find_spec(ENTITIES_MODULE) is not None:
        __import__(ENTITIES_MODULE)
        options = {"after": "ner"} if "ner" in nlp.pipe_names else {}
        nlp.add_pipe("storyline_entities", **options)  # type: ignore[arg-type]
        print("added storyline_entities")
    nlp.meta.update(
        {
            "name": "news",
            "version": "0.1.0",
            "description": (
                "storyline's English news pipeline: tagger, morphologizer, lemmatizer "
                "and parser trained on UD English-EWT; NER trained on CoNLL-2003 and "
                "Universal NER English-EWT (dev)."
            ),
            "license": "CC BY-SA 4.0 (UD and Universal NER English-EWT annotations)",
            "sources": [
                {"name": "UD English-EWT", "url": "https://universaldependencies.org/"},
                {"name": "CoNLL-2003", "url": "https://www.clips.uantwerpen.be/conll2003/ner/"},
                {"name": "Universal NER English-EWT", "url": "https://www.universalner.org/"},
            ],
        }
    )
    if output.exists():
        shutil.rmtree(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    size = sum(f.stat().st_size for f in output.rglob("*") if f.is_file())
    print(f"saved {nlp.pipe_names} to {output} ({size / 1e6:.1f} MB)")
    return nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--parser", type=Path, default=Path("training/output/parser/model-best"))
    parser.add_argument("--ner", type=Path, default=Path("training/output/ner/model-best"))
    parser.add_argument("--output", type=Path, default=Path("src/storyline/nlp/models/en_news"))
    parser.add_argument(
        "--ewt", type=Path, default=None, help="UD English-EWT folder: adds the lemma lookup"
    )
    args = parser.parse_args()
    assemble(args.parser, args.ner, args.output, args.ewt)


if __name__ == "__main__":
    main()
