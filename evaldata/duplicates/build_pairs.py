"""Build ``pairs.jsonl``, the labelled near-duplicate pairs, from the shared data folder.

    python evaldata/duplicates/build_pairs.py ../shared/data

Deterministic: the same data gives the same file. Real BBC pairs come from the
hand-reviewed ``bbc_reviewed.jsonl`` beside this script; everything else is
chosen here by rule (see README.md). Only references are written, never text.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from storyline.eval.corpora import CorpusDoc, load_corpus
from storyline.eval.duplicates import split_of, text_sha1
from storyline.ingest.dedup import normalise, shingle_hashes

HERE = Path(__file__).resolve().parent

# Recipes for synthetic syndication copies, given out in turn.
POSITIVE_RECIPES: list[list[str]] = [
    ["headline"],
    ["lead_changed"],
    ["lead_added"],
    ["trim_end"],
    ["junk"],
    ["word_edits"],
    ["update_paragraph"],
    ["headline", "junk", "trim_end"],
    ["headline", "lead_added", "word_edits"],
    ["junk", "word_edits", "update_paragraph"],
]
# AllSides outlet bodies where one outlet lightly rewrote another's wire copy:
# neither a clean copy nor a different write-up, so left out of the set.
AMBIGUOUS = {("5669:center", "5669:left")}

SYNTHETIC_PER_CORPUS = 200
DIVERGED_PER_CORPUS = 75
SAME_TOPIC_BBC = 250


def _rank(corpus: str, key: str, salt: str) -> str:
    return hashlib.sha1(f"{salt}:{corpus}:{key}".encode()).hexdigest()


def _seed(*parts: str) -> int:
    return int.from_bytes(hashlib.sha1(":".join(parts).encode()).digest()[:4], "little")


def _jaccard(a: str, b: str) -> float:
    x, y = set(shingle_hashes(a, 3).tolist()), set(shingle_hashes(b, 3).tolist())
    return len(x & y) / len(x | y) if x | y else 1.0


def _ref(doc: CorpusDoc) -> dict[str, str]:
    return {"corpus": doc.corpus, "key": doc.key, "sha1": text_sha1(doc.text)}


def _bbc_neighbours(bbc: dict[str, CorpusDoc]) -> dict[str, list[tuple[float, str]]]:
    """For each BBC article, the other articles of its section by TF-IDF cosine, best first."""
    by_section: dict[str, list[str]] = defaultdict(list)
    for key in sorted(bbc):
        by_section[key.split("/")[1]].append(key)
    out: dict[str, list[tuple[float, str]]] = {}
    for keys in by_section.values():
        vocab: dict[str, int] = {}
        rows = []
        for key in keys:
            counts: dict[int, int] = defaultdict(int)
            for word in re.findall(r"[a-z]{3,}", normalise(bbc[key].text)):
                counts[vocab.setdefault(word, len(vocab))] += 1
            rows.append(counts)
        tf = np.zeros((len(keys), len(vocab)), dtype=np.float32)
        for i, counts in enumerate(rows):
            for j, c in counts.items():
                tf[i, j] = 1.0 + np.log(c)
        idf = np.log(len(keys) / (1.0 + (tf > 0).sum(axis=0)))
        vec = tf * idf
        vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
        sims = vec @ vec.T
        for i, key in enumerate(keys):
            order = np.argsort(-sims[i], kind="stable")
            out[key] = [(float(sims[i, j]), keys[j]) for j in order[:6] if j != i]
    return out


def _diverges(doc: CorpusDoc, donor: CorpusDoc | None) -> bool:
    """Whether ``diverge`` would add at least as many new words as it keeps."""
    if donor is None:
        return False
    paragraphs = [p for p in doc.text.split("\n\n") if p.strip()]
    added = [p for p in donor.text.split("\n\n") if p.strip()][2 if donor.corpus == "bbc" else 1 :]
    head = 1 if doc.corpus == "bbc" else 0
    kept = paragraphs[head : head + max(1, (len(paragraphs) - head) // 3)]
    return sum(len(p.split()) for p in added) >= sum(len(p.split()) for p in kept)


def build(data: Path) -> list[dict[str, Any]]:
    """All labelled rows, in a fixed order, with ids and splits."""
    bbc = load_corpus("bbc", data)
    allsides = load_corpus("allsides", data)
    rows: list[dict[str, Any]] = []

    # (a) real BBC pairs, each read and judged by hand.
    reviewed = [json.loads(x) for x in (HERE / "bbc_reviewed.jsonl").read_text().splitlines()]
    known = {frozenset((r["a"], r["b"])) for r in reviewed}
    real_dups = {frozenset((r["a"], r["b"])) for r in reviewed if r["label"]}
    dup_docs = {k for pair in real_dups for k in pair}
    for r in reviewed:
        a, b = bbc[r["a"]], bbc[r["b"]]
        rows.append(
            {
                "label": r["label"],
                "kind": r["kind"],
                "a": _ref(a),
                "b": _ref(b),
                "note": r["note"],
                "group": f"bbc:{min(a.key, b.key)}",
            }
        )

    # BBC same-section nearest neighbours by TF-IDF: same topic, different articles.
    neighbours = _bbc_neighbours(bbc)
    candidates = []
    for key, near in neighbours.items():
        for cos, other in near[:1]:
            pair = frozenset((key, other))
            if pair in known or key in dup_docs or other in dup_docs:
                continue
            candidates.append((-cos, min(pair), max(pair)))
    for _, a_key, b_key in sorted(set(candidates))[:SAME_TOPIC_BBC]:
        # Every reviewed pair at 3-shingle Jaccard >= 0.3 is in bbc_reviewed.jsonl;
        # anything left here is below it, far from a copy.
        if _jaccard(bbc[a_key].text, bbc[b_key].text) >= 0.3:
            raise SystemExit(f"unreviewed similar BBC pair {a_key} {b_key}: review it first")
        rows.append(
            {
                "label": False,
                "kind": "bbc_same_topic",
                "a": _ref(bbc[a_key]),
                "b": _ref(bbc[b_key]),
                "group": f"bbc:{a_key}",
            }
        )

    # AllSides: each story's outlets, pairwise. Same event, different write-ups.
    stories: dict[str, list[str]] = defaultdict(list)
    for key in sorted(allsides):
        stories[key.split(":")[0]].append(key)
    for story, keys in sorted(stories.items()):
        for a_key, b_key in itertools.combinations(keys, 2):
            if (a_key, b_key) in AMBIGUOUS:
                continue
            rows.append(
                {
                    "label": False,
                    "kind": "allsides_same_story",
                    "a": _ref(allsides[a_key]),
                    "b": _ref(allsides[b_key]),
                    "group": f"allsides:{story}",
                }
            )

    # (b) synthetic syndication copies and (c) diverged updates, by recipe.
    def donor_for(doc: CorpusDoc) -> CorpusDoc | None:
        if doc.corpus == "bbc":
            return bbc[neighbours[doc.key][0][1]]
        story = doc.key.split(":")[0]
        others = [k for k in stories[story] if k != doc.key]
        return allsides[others[0]] if others else None

    bbc_pool = sorted(
        (k for k in bbc if k not in dup_docs and len(bbc[k].text.split()) >= 120),
        key=lambda k: _rank("bbc", k, "synthetic"),
    )
    as_pool = sorted(
        (
            k
            for k in allsides
            if len(stories[k.split(":")[0]]) > 1 and len(allsides[k].text.split("\n\n")) >= 2
        ),
        key=lambda k: _rank("allsides", k, "synthetic"),
    )
    for corpus, pool, docs in (("bbc", bbc_pool, bbc), ("allsides", as_pool, allsides)):
        for n, key in enumerate(pool[: SYNTHETIC_PER_CORPUS + DIVERGED_PER_CORPUS]):
            doc = docs[key]
            donor = donor_for(doc)
            group = f"bbc:{key}" if corpus == "bbc" else f"allsides:{key.split(':')[0]}"
            if n < SYNTHETIC_PER_CORPUS:
                recipe = POSITIVE_RECIPES[n % len(POSITIVE_RECIPES)]
                label, kind = True, "synthetic"
            else:
                recipe, label, kind = ["diverge"], False, "synthetic_diverged"
            uses_donor = {"update_paragraph", "junk", "diverge"} & set(recipe)
            if kind == "synthetic_diverged" and not _diverges(doc, donor):
                continue
            row: dict[str, Any] = {
                "label": label,
                "kind": kind,
                "a": _ref(doc),
                "b": _ref(doc),
                "recipe": recipe,
                "seed": _seed(corpus, key, *recipe),
                "group": group,
            }
            if uses_donor and donor is not None:
                row["donor"] = _ref(donor)
            rows.append(row)

    for i, row in enumerate(rows):
        row["split"] = split_of(row.pop("group"))
        row["id"] = f"dup-{i:05d}"
    return [
        {k: row[k] for k in ("id", "split", *sorted(set(row) - {"id", "split"}))} for row in rows
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the shared data folder (holds news/)")
    parser.add_argument("--out", type=Path, default=HERE / "pairs.jsonl")
    args = parser.parse_args()
    rows = build(args.data)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts: dict[tuple[str, str, bool], int] = defaultdict(int)
    for row in rows:
        counts[(row["split"], row["kind"], row["label"])] += 1
    for (split, kind, label), n in sorted(counts.items()):
        print(f"{split:5} {kind:22} {'pos' if label else 'neg'} {n}")


if __name__ == "__main__":
    main()
