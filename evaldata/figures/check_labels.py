"""Validate evaldata/figures/labels.jsonl against the shared data and print counts.

Usage: python evaldata/figures/check_labels.py DATA_DIR [--show]
DATA_DIR (required) is the shared data folder. --show prints every span (to the
terminal only; article text is never written to this folder).
Also importable: ``load_labels(data)`` returns (documents, figures)
with each figure's ``text`` filled in from the corpus.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

from storyline.eval.corpora import iter_allsides, iter_bbc

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels.jsonl"
FIELDS = [
    "corpus",
    "key",
    "start",
    "end",
    "sha1",
    "value",
    "low",
    "high",
    "unit",
    "approx",
    "about",
    "when",
    "split",
]


def split_of(corpus: str, key: str) -> str:
    """``tune`` when the first hex digit of sha1('corpus:key') is 0-9, else ``test``."""
    return (
        "tune" if int(hashlib.sha1(f"{corpus}:{key}".encode()).hexdigest()[0], 16) < 10 else "test"
    )


def unit_type(unit: str) -> str:
    if unit in ("percent", "pp"):
        return "percent"
    if unit == "fraction":
        return "fraction"
    if unit.split("/")[0] in {"USD", "GBP", "EUR", "CHF", "JPY", "CNY", "INR", "RUB"}:
        return "money"
    if unit in {
        "mi",
        "km",
        "m",
        "ft",
        "kg",
        "t",
        "bbl",
        "bbl/d",
        "MW",
        "GB",
        "acre",
        "µg",
        "pt",
        "yd",
        "MB",
    }:
        return "quantity"
    return "count"


def load_labels(data: Path, path: Path = LABELS):
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    docs = [r for r in rows if r.get("document")]
    figs = [r for r in rows if not r.get("document")]
    want = {(r["corpus"], r["key"]) for r in rows}
    texts = {}
    for it in (iter_allsides, iter_bbc):
        for d in it(data):
            if (d.corpus, d.key) in want:
                texts[(d.corpus, d.key)] = d.text
    for f in figs:
        f["text"] = texts[(f["corpus"], f["key"])][f["start"] : f["end"]]
    return docs, figs, texts


def main(argv: list[str]) -> int:
    show = "--show" in argv
    args = [a for a in argv if not a.startswith("--")]
    if not args:
        print(__doc__)
        return 2
    data = Path(args[0])
    docs, figs, texts = load_labels(data)
    errors = []
    seen_docs = set()
    for d in docs:
        k = (d["corpus"], d["key"])
        if k in seen_docs:
            errors.append(f"duplicate document row {k}")
        seen_docs.add(k)
        if k not in texts:
            errors.append(f"document not found {k}")
        if d["split"] != split_of(*k):
            errors.append(f"wrong split {k}")
        n = sum(1 for f in figs if (f["corpus"], f["key"]) == k)
        if n != d["figures"]:
            errors.append(f"{k}: document row says {d['figures']} figures, {n} rows")
    spans = set()
    for f in figs:
        k = (f["corpus"], f["key"])
        if sorted(set(FIELDS) | {"text"}) != sorted(f):
            errors.append(f"fields {sorted(f)}")
        if k not in seen_docs:
            errors.append(f"figure without document row {k}")
        if hashlib.sha1(f["text"].encode()).hexdigest()[:12] != f["sha1"]:
            errors.append(f"sha1 mismatch {k} {f['start']}")
        if (k, f["start"], f["end"]) in spans:
            errors.append(f"duplicate span {k} {f['start']}")
        spans.add((k, f["start"], f["end"]))
        if f["value"] is not None and not (f["low"] == f["value"] == f["high"]):
            errors.append(f"point value but low/high differ {k} {f['start']}")
        if f["value"] is None and (f["low"] is None or f["high"] is None or f["low"] > f["high"]):
            errors.append(f"bad range {k} {f['start']}")
        if f["split"] != split_of(*k):
            errors.append(f"wrong split on figure {k}")
        if show:
            print(
                f"{f['key']:>28} {f['start']:>5} {f['text']!r:40} {f['value']!s:>10} "
                f"[{f['low']}, {f['high']}] {f['unit']:>12} {f['approx']!s:>10} "
                f"| {f['about']} | {f['when']}"
            )
    for e in errors:
        print("ERROR", e)
    print(
        f"documents: {len(docs)} ({Counter(d['corpus'] for d in docs)}), "
        f"with figures: {sum(1 for d in docs if d['figures'])}"
    )
    print(
        f"figures: {len(figs)}  by split: {dict(Counter(f['split'] for f in figs))}  "
        f"documents by split: {dict(Counter(d['split'] for d in docs))}"
    )
    print("by unit type:", dict(Counter(unit_type(f["unit"]) for f in figs)))
    print("by unit:", dict(Counter(f["unit"] for f in figs).most_common()))
    print(
        "ranges:",
        sum(f["value"] is None for f in figs),
        " with approx:",
        sum(f["approx"] is not None for f in figs),
        " with when:",
        sum(f["when"] is not None for f in figs),
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
