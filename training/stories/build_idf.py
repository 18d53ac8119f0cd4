"""Build the keyword IDF table shipped in ``storyline/stories/models/idf.npz``.

Usage::

    python training/stories/build_idf.py --data ../shared/data

Document frequencies come from the BBC News corpus and the AllSides outlet
bodies only — never from Multi-News, on which story clustering is evaluated.
Deterministic: the same corpora give the same file.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from storyline.eval.corpora import iter_allsides, iter_bbc
from storyline.stories.keywords import IDF_PATH, KeywordWeights


def _texts(data: Path) -> Iterator[str]:
    for doc in iter_bbc(data):
        yield doc.text
    for doc in iter_allsides(data):
        yield f"{doc.title or ''}\n{doc.text}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=IDF_PATH)
    args = parser.parse_args()
    weights = KeywordWeights.from_documents(_texts(args.data))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    weights.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
