"""Train the junk-segment classifier shipped in ``storyline/ingest/models/junk.npz``.

Usage::

    python training/train_junk.py --data ../shared/data --aeb ../shared/data/boilerplate

Trains on the ``tune`` split of the hand-labelled segments, plus (with
``--aeb``) lines of the Zyte article-extraction benchmark's pages labelled by
distant supervision against the benchmark's ground-truth bodies
(``training/aeb_lines.py``): the hand-labelled corpora carry junk mostly glued
into flattened text, the benchmark pages carry it as lines, the way pasted and
scraped articles do. Benchmark junk has no kind, so it is trained as ``other``
and weighted by ``--aeb-weight``. The removal
threshold is chosen by 5-fold cross-validation on that split (folds by
document group): the lowest probability-of-article cut whose out-of-fold
article-drop rate stays within ``--max-drop`` (default 0.2 %, under the 0.5 %
target, to leave room for new text). Deterministic: fixed seeds throughout.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np

from storyline.eval.junk import LabelledDoc, load_labelled
from storyline.ingest.junk import contexts, featurize, train_model
from storyline.ingest.segments import is_flattened, split_segments

ROOT = Path(__file__).resolve().parents[1]


def _examples(docs: list[LabelledDoc]) -> tuple[list[np.ndarray], list[str], list[int]]:
    feats: list[np.ndarray] = []
    labels: list[str] = []
    groups: list[int] = []
    for ld in docs:
        ctxs = contexts(ld.segments, flat=is_flattened(ld.doc.text), title=ld.doc.title)
        group_key = ld.doc.key.split(":")[0] if ld.doc.corpus != "bbc" else ld.doc.key
        group = int(hashlib.sha1(f"{ld.doc.corpus}:{group_key}".encode()).hexdigest()[:6], 16)
        for ctx, lab, kind in zip(ctxs, ld.labels, ld.kinds, strict=True):
            feats.append(featurize(ctx))
            labels.append("article" if lab != "junk" else (kind or "other"))
            groups.append(group)
    return feats, labels, groups


def _aeb_examples(bench: Path) -> tuple[list[np.ndarray], list[str]]:
    from aeb_lines import iter_page_lines  # training/ is on sys.path when run as a script

    feats: list[np.ndarray] = []
    labels: list[str] = []
    for page in iter_page_lines(bench):
        text = "\n".join(page.lines)
        segments = split_segments(text)
        if len(segments) != len(page.lines):
            continue
        ctxs = contexts(segments, flat=False, title=None)
        for ctx, lab in zip(ctxs, page.labels, strict=True):
            if lab is None:
                continue
            feats.append(featurize(ctx))
            labels.append("article" if lab == "article" else "other")
    return feats, labels


def _merge_rare(labels: list[str], minimum: int) -> list[str]:
    counts: dict[str, int] = {}
    for lab in labels:
        counts[lab] = counts.get(lab, 0) + 1
    return [lab if lab == "article" or counts[lab] >= minimum else "other" for lab in labels]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--labels", type=Path, default=ROOT / "evaldata" / "junk")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "src" / "storyline" / "ingest" / "models" / "junk.npz"
    )
    parser.add_argument("--aeb", type=Path, help="the boilerplate benchmark folder")
    parser.add_argument("--aeb-weight", type=float, default=0.5)
    parser.add_argument("--max-drop", type=float, default=0.002)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=1e-3, help="L2 penalty (chosen by CV recall)")
    parser.add_argument("--epochs", type=int, default=300)
    args = parser.parse_args()

    docs = [d for d in load_labelled(args.labels, args.data) if d.split == "tune"]
    feats, labels, groups = _examples(docs)
    labels = _merge_rare(labels, minimum=5)
    is_article = np.array([lab == "article" for lab in labels])
    print(
        f"tune split: {len(docs)} documents, {len(labels)} segments, "
        f"{int((~is_article).sum())} junk"
    )

    extra_feats: list[np.ndarray] = []
    extra_labels: list[str] = []
    if args.aeb:
        extra_feats, extra_labels = _aeb_examples(args.aeb)
        print(
            f"benchmark lines: {len(extra_labels)}, "
            f"{sum(lab != 'article' for lab in extra_labels)} junk"
        )
    extra_w = [args.aeb_weight] * len(extra_labels)

    # Threshold by cross-validation on the hand-labelled segments only; the
    # benchmark lines are always on the training side.
    fold_of = np.array(groups) % args.folds
    oof = np.zeros(len(labels))
    for fold in range(args.folds):
        train = np.flatnonzero(fold_of != fold)
        held = np.flatnonzero(fold_of == fold)
        model = train_model(
            [feats[i] for i in train] + extra_feats,
            [labels[i] for i in train] + extra_labels,
            weights=[1.0] * len(train) + extra_w,
            l2=args.l2,
            epochs=args.epochs,
        )
        p, _ = model.predict([feats[i] for i in held])
        oof[held] = p

    best = 0.0
    for cut in np.linspace(0.01, 0.99, 99):
        dropped = float(((oof < cut) & is_article).sum() / is_article.sum())
        if dropped <= args.max_drop:
            best = float(cut)
    removed = oof < best
    recall = float((removed & ~is_article).sum() / max((~is_article).sum(), 1))
    drop = float((removed & is_article).sum() / is_article.sum())
    print(
        json.dumps(
            {
                "threshold": round(best, 2),
                "cv_junk_recall": round(recall, 4),
                "cv_article_dropped": round(drop, 4),
            }
        )
    )

    final = train_model(
        feats + extra_feats,
        labels + extra_labels,
        threshold=best,
        weights=[1.0] * len(labels) + extra_w,
        l2=args.l2,
        epochs=args.epochs,
    )
    final = final.pruned(0.01)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(final.to_bytes())
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB, classes {final.classes})")


if __name__ == "__main__":
    main()
