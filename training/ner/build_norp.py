"""Derive the nationality/group word list (NORP) for ``storyline_entities``.

Nothing is typed by hand: candidates are the single-word MISC entities of the
CoNLL-2003 *training* split (never dev or test) that look like demonyms —
either they share a stem with a place the training data tags LOC ("Serb" /
"Serbia", "Thai" / "Thailand") or they end like one ("-ian", "-ese", "-ish",
"-i", "-man"). The raw news corpora then add the plurals and the demonyms
CoNLL never saw ("Ukrainian", "Europeans"): capitalised mid-sentence words
with a demonym ending that mostly precede a lower-case word (so "Brian Smith"
and other first names drop out), never seen as a person in the training data.

    python training/ner/build_norp.py ../shared/data

writes ``src/storyline/nlp/norp_words.py``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import tarfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from storyline.eval.ner import read_iob2, spans_from_tags

TARGET = Path(__file__).resolve().parents[2] / "src/storyline/nlp/norp_words.py"
DEMONYM_END = re.compile(r"(?:ian|ean|an|ese|ish|ch|ss|ist|man|men|ard|at|em|ek|ot)s?$")
NEWS_DEMONYM_END = re.compile(r"(?:ian|ean|ese|ish)$")
SENTENCE_START = frozenset('.!?"“”')
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|[.!?\"“”]")


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)


def news_texts(data: Path) -> Iterator[str]:
    """Every text of the raw news corpora under ``data``."""
    for path in sorted(data.glob("*/*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                yield from _strings(json.loads(line))
    for path in sorted(data.glob("*/*.tar.gz")):
        with tarfile.open(path) as tar:
            for member in tar:
                f = tar.extractfile(member) if member.isfile() else None
                if f is not None and member.name.endswith(".txt"):
                    yield f.read().decode("utf-8", "replace")


def conll_candidates(conll: Path) -> tuple[Counter[str], set[str], set[str]]:
    """Single-word MISC entities of the training split (title-cased as first seen in
    title case), its LOC tokens and its PER tokens."""
    sentences, _ = read_iob2(conll / "eng.train.gz")
    misc: Counter[str] = Counter()
    loc_tokens: set[str] = set()
    per_tokens: set[str] = set()
    for s in sentences:
        for label, a, b in spans_from_tags(s.tags):
            words = s.words[a : b + 1]
            if label == "LOC":
                loc_tokens.update(words)
            elif label == "PER":
                per_tokens.update(words)
            elif label == "MISC" and len(words) == 1 and words[0].istitle():
                misc[words[0]] += 1
    return misc, loc_tokens, per_tokens


def news_counts(data: Path) -> tuple[Counter[str], Counter[str], Counter[str], Counter[str]]:
    """Mid-sentence counts of capitalised words; how often each precedes a lower-case
    word or follows a capitalised one; counts of lower-case words."""
    seen: Counter[str] = Counter()
    before_lower: Counter[str] = Counter()
    after_cap: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for text in news_texts(data):
        tokens = WORD.findall(text)
        for i in range(1, len(tokens) - 1):
            w = tokens[i]
            if w[0].islower():
                lower[w] += 1
                continue
            if not w[0].isupper() or not w.isalpha() or tokens[i - 1] in SENTENCE_START:
                continue
            seen[w] += 1
            before_lower[w] += tokens[i + 1][0].islower()
            after_cap[w] += tokens[i - 1][0].isupper()
    return seen, before_lower, after_cap, lower


def derive(data: Path) -> set[str]:
    """The NORP word list."""
    misc, loc_tokens, per_tokens = conll_candidates(data / "ner" / "conll2003")
    seen, before_lower, after_cap, lower = news_counts(data)

    def adjective_like(w: str) -> bool:
        # mostly modifies a following common noun, is no surname, is no common word
        n = seen[w]
        return (
            n >= 3
            and before_lower[w] / n >= 0.5
            and after_cap[w] / n <= 0.3
            and lower[w.lower()] < 0.5 * n
            and w not in per_tokens
        )

    found = set()
    for w, n in misc.items():
        if n < 2 or len(w) < 4 or w in per_tokens:
            continue
        stem = w[: min(4, len(w) - 1)]
        shares_place = any(t.startswith(stem) and t != w for t in loc_tokens if t.istitle())
        ends_like = DEMONYM_END.search(w) is not None
        frequent = n >= 10 and adjective_like(w)
        if frequent or (
            (shares_place or ends_like)
            and w not in loc_tokens
            and lower[w.lower()] < 0.5 * max(n, seen[w])
        ):
            found.add(w)
    found |= {p for w in found if seen[(p := w + "s")] >= 2 and lower[p.lower()] < seen[p]}
    found |= {w for w in seen if len(w) >= 6 and NEWS_DEMONYM_END.search(w) and adjective_like(w)}
    return found


def main(argv: list[str] | None = None) -> int:
    """Build and write the word list."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("data", type=Path, help="the shared data folder (ner/conll2003, news, mds)")
    ap.add_argument("--output", type=Path, default=TARGET)
    args = ap.parse_args(argv)
    words = sorted(derive(args.data))
    body = "".join(f"        {w!r},\n" for w in words)
    args.output.write_text(
        '"""Nationality, religious and political group words (NORP).\n\n'
        "Generated by ``training/ner/build_norp.py`` from the CoNLL-2003 training\n"
        'split\'s MISC entities and the raw news corpora; do not edit by hand.\n"""\n\n'
        '__all__ = ["NORP_WORDS"]\n\n'
        f"NORP_WORDS: frozenset[str] = frozenset(\n    (\n{body}    )\n)\n",
        encoding="utf-8",
    )
    print(f"{len(words)} words -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
