"""Build the word list the lemma lookup checks guessed lemmas against.

Usage::

    python training/nlp/build_lemma_words.py ../shared/data [--pipeline DIR]

Words are lower-case alphabetic tokens seen at least ``--min-count`` (2) times *in
lower case* in the raw news text of the shared folder (BBC News, AllSides,
Multi-News sources), so names ("Barr") do not count, plus every lemma of UD
English-EWT train (``ner/ud_english_ewt``). The list is written as
``storyline_lemma_lookup/words.json`` inside the pipeline folder (by default
the shipped one); :class:`storyline.nlp.lemmas.LemmaLookup` reads it. Only a
word list leaves the corpora, never text.
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections import Counter
from pathlib import Path

import srsly

from storyline.eval.corpora import iter_allsides, iter_bbc, iter_multinews

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "src" / "storyline" / "nlp" / "models" / "en_news"
_WORD = re.compile(r"\b[a-z]+(?:-[a-z]+)*\b")


def news_words(data: Path, min_count: int) -> set[str]:
    """Lower-case words seen at least ``min_count`` times in lower case."""
    counts: Counter[str] = Counter()
    for docs in (iter_bbc(data), iter_allsides(data), iter_multinews(data)):
        for doc in docs:
            counts.update(_WORD.findall(doc.text))
    return {w for w, n in counts.items() if n >= min_count}


def treebank_lemmas(ewt: Path) -> set[str]:
    """Every lower-cased lemma of EWT train."""
    out = set()
    with gzip.open(ewt / "en_ewt-ud-train.conllu.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 10 and cols[0].isdigit() and cols[2].isalpha():
                out.add(cols[2].lower())
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("data", type=Path, help="the shared data folder")
    ap.add_argument("--pipeline", type=Path, default=SHIPPED)
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args(argv)
    words = news_words(args.data, args.min_count) | treebank_lemmas(
        args.data / "ner" / "ud_english_ewt"
    )
    out = args.pipeline / "storyline_lemma_lookup" / "words.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    srsly.write_json(out, sorted(words), indent=0)
    print(f"{len(words)} words -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
