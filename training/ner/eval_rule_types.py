"""Precision/recall of ``storyline_entities``' rule-based types on the hand set.

    python training/ner/eval_rule_types.py [--set evaldata/entities/rule_types.txt]
        [--model training/output/ner/model-best]

The set marks gold spans inline as ``[text](LABEL)``. The trained recogniser
runs first (so the rules see its PER/ORG/LOC/MISC spans, as in the packaged
pipeline), then the rules; spans must match exactly in label and characters.
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

import spacy

from storyline.nlp.entities import StorylineEntities

ROOT = Path(__file__).resolve().parents[2]
MARK = re.compile(r"\[([^\]]+)\]\(([A-Z]+)\)")
SCORED = ("MONEY", "PERCENT", "QUANTITY", "DATE", "TIME", "NORP")


def parse(line: str) -> tuple[str, set[tuple[int, int, str]]]:
    """Plain text and gold ``(start, end, label)`` character spans of one marked line."""
    text, spans, pos = "", set(), 0
    for m in MARK.finditer(line):
        text += line[pos : m.start()]
        spans.add((len(text), len(text) + len(m.group(1)), m.group(2)))
        text += m.group(1)
        pos = m.end()
    return text + line[pos:], spans


def main(argv: list[str] | None = None) -> int:
    """Score the rules and print JSON."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--set", type=Path, default=ROOT / "evaldata/entities/rule_types.txt")
    ap.add_argument("--model", type=Path, default=ROOT / "training/output/ner/model-best")
    ap.add_argument("--cardinal", action="store_true", help="score CARDINAL too")
    args = ap.parse_args(argv)

    nlp = spacy.load(args.model) if args.model.exists() else spacy.blank("en")
    rules = StorylineEntities(nlp, cardinal=args.cardinal)
    types = (*SCORED, "CARDINAL") if args.cardinal else SCORED
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_ok: Counter[str] = Counter()
    errors = []
    lines = args.set.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        text, gold = parse(line)
        doc = rules(nlp(text))
        pred = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        gold = {g for g in gold if g[2] in types}
        pred = {p for p in pred if p[2] in types}
        for label in types:
            g = {s for s in gold if s[2] == label}
            p = {s for s in pred if s[2] == label}
            n_gold[label] += len(g)
            n_pred[label] += len(p)
            n_ok[label] += len(g & p)
        for s in sorted(gold ^ pred):
            errors.append(f"{'missed' if s in gold else 'spurious'} {s[2]} {text[s[0] : s[1]]!r}")

    def prf(ok: int, pred: int, gold: int) -> dict[str, float | int]:
        p = ok / pred if pred else 0.0
        r = ok / gold if gold else 0.0
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                "support": gold}  # fmt: skip

    out = {
        "overall": prf(sum(n_ok.values()), sum(n_pred.values()), sum(n_gold.values())),
        "per_type": {t: prf(n_ok[t], n_pred[t], n_gold[t]) for t in types},
        "sentences": sum(1 for x in lines if x.strip() and not x.startswith("#")),
        "errors": errors,
    }
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
