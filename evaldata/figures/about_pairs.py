"""Write the matched figure pairs of a split, with their sentences, for judging "about".

Usage: python evaldata/figures/about_pairs.py DATA_DIR OUT.jsonl [--split test|tune|all]

OUT holds article text: write it outside the repository (e.g. under /tmp). Each row
gives the keys a judgement needs (corpus, key, start, end, predicted_sha1), the
figure, its sentence, the labelled and the predicted "about" phrases. Judgements go
to ``about_judgements.jsonl`` as described in ``GUIDELINES.md`` ("Judging what a
figure measures").
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from storyline.eval.figures import about_pairs

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("data", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--split", choices=("test", "tune", "all"), default="test")
    args = ap.parse_args(argv)
    if HERE.parent.parent in args.out.resolve().parents:
        ap.error("OUT holds article text: write it outside the repository")
    rows = about_pairs(HERE / "labels.jsonl", args.data, args.split)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} pairs -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
