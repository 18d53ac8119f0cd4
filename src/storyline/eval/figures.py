"""``storyline eval figures FILE``: figures found against hand labels.

``FILE`` is ``evaldata/figures/labels.jsonl`` (see its ``GUIDELINES.md``):
document rows ``{"corpus", "key", "document": true, "figures", "split"}`` and
figure rows with character offsets into the text of a shared-corpus document
(``storyline.eval.corpora``), a short sha1 of the span, and the gold
``value``/``low``/``high``/``unit``/``approx``/``about``/``when``.

Scores, all fractions, on the chosen split (``tune``, ``test`` or ``all``):

- ``precision``/``recall``/``f1`` of detection: a predicted figure matches a
  gold one when their spans overlap (one-to-one, greedily by overlap);
- ``value_unit_accuracy`` on matched pairs: ``value``, ``low`` and ``high``
  each within 1 % of gold (or both missing) and units equal after
  normalisation (case and spaces ignored);
- ``about_agreement`` on matched pairs: share whose token-overlap F1 between
  the predicted and gold "about" phrases (lower-cased words, "the"/"of"/"a"
  ignored) is at least 0.5 — a proxy for the meaning judgement;
- with ``judgements`` (``evaldata/figures/about_judgements.jsonl``, see its
  ``GUIDELINES.md``): ``about_judged``, the share of matched pairs a person
  judged right by meaning, over the pairs whose predicted phrase was judged
  (``about_judged_pairs``; a pair is judged when its corpus, key, gold span and
  the sha1 of the predicted phrase are in the file, so a phrase the extractor
  words differently since is simply not counted);
- ``when_accuracy`` on matched pairs: the predicted time the figure refers to
  equals the labelled one (both none counts as right); ``when_recall`` over
  the pairs labelled with a time.

:func:`about_pairs` lists the matched pairs with their sentence, for judging.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.eval.corpora import corpus_date, load_corpus
from storyline.extract.figures import Figure, extract_figures

__all__ = [
    "GoldFigure",
    "about_overlap",
    "about_pairs",
    "evaluate_figures",
    "match_figures",
    "phrase_sha1",
    "same_value",
]

_STOP = {"the", "of", "a", "an", "in", "on", "for", "to", "'s", "s"}


@dataclass(frozen=True, slots=True)
class GoldFigure:
    """A labelled figure: its span and normalised fields."""

    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    unit: str
    about: str | None
    when: str | None = None


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 0.01 * max(abs(a), abs(b)) or a == b


def same_value(pred: Figure, gold: GoldFigure) -> bool:
    """Value, low and high within 1 % and the same unit.

    >>> g = GoldFigure(0, 3, 12.0, 12.0, 12.0, "percent", None)
    >>> same_value(Figure("12%", 12.0, 12.0, 12.0, "percent", None, None, None, 0, 3), g)
    True
    """
    unit_ok = pred.unit.replace(" ", "").lower() == gold.unit.replace(" ", "").lower()
    values_ok = (
        _close(pred.value, gold.value)
        and _close(pred.low, gold.low)
        and _close(pred.high, gold.high)
    )
    return unit_ok and values_ok


def _words(text: str | None) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in _STOP]


def about_overlap(pred: str | None, gold: str | None) -> float:
    """Token-overlap F1 of two "about" phrases.

    >>> about_overlap("cost of the infrastructure bill", "the infrastructure bill's cost")
    1.0
    """
    p, g = Counter(_words(pred)), Counter(_words(gold))
    common = sum((p & g).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def match_figures(pred: list[Figure], gold: list[GoldFigure]) -> list[tuple[Figure, GoldFigure]]:
    """One-to-one pairs of overlapping spans, the largest overlaps first."""
    options = sorted(
        (
            (min(p.end, g.end) - max(p.start, g.start), i, j)
            for i, p in enumerate(pred)
            for j, g in enumerate(gold)
            if p.start < g.end and g.start < p.end
        ),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in options:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((pred[i], gold[j]))
    return pairs


def phrase_sha1(phrase: str | None) -> str:
    """The short hash a judgement keys a predicted "about" phrase by."""
    return hashlib.sha1((phrase or "").encode("utf-8")).hexdigest()[:12]


def _matched(
    labels: Path, data: Path, split: str
) -> tuple[int, int, int, list[tuple[str, str, str, Figure, GoldFigure]]]:
    """Document, gold and predicted counts, and the matched pairs with their corpus, key
    and text."""
    rows = [json.loads(x) for x in labels.read_text(encoding="utf-8").splitlines() if x.strip()]
    docs = [r for r in rows if r.get("document") and split in ("all", r["split"])]
    wanted = {(r["corpus"], r["key"]) for r in docs}
    gold: dict[tuple[str, str], list[dict[str, Any]]] = {k: [] for k in wanted}
    for r in rows:
        if not r.get("document") and (r["corpus"], r["key"]) in wanted:
            gold[(r["corpus"], r["key"])].append(r)
    corpora = {c: load_corpus(c, data) for c in sorted({c for c, _ in wanted})}
    n_gold = n_pred = 0
    matched: list[tuple[str, str, str, Figure, GoldFigure]] = []
    for corpus, key in sorted(wanted):
        doc = corpora[corpus][key]
        golds = []
        for r in gold[(corpus, key)]:
            span = doc.text[r["start"] : r["end"]]
            if hashlib.sha1(span.encode("utf-8")).hexdigest()[:12] != r["sha1"]:
                raise ValueError(f"{corpus}:{key} {r['start']}-{r['end']}: text changed (sha1)")
            golds.append(
                GoldFigure(
                    r["start"],
                    r["end"],
                    r["value"],
                    r["low"],
                    r["high"],
                    r["unit"],
                    r["about"],
                    r.get("when"),
                )
            )
        pred = list(extract_figures(doc.text, corpus_date(doc.published)))
        n_gold += len(golds)
        n_pred += len(pred)
        matched += [(corpus, key, doc.text, p, g) for p, g in match_figures(pred, golds)]
    return len(wanted), n_gold, n_pred, matched


def _judgements(path: Path) -> dict[tuple[str, str, int, int, str], bool]:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return {
        (r["corpus"], r["key"], r["start"], r["end"], r["predicted_sha1"]): bool(r["right"])
        for r in rows
    }


def evaluate_figures(
    labels: Path, data: Path, split: str = "test", judgements: Path | None = None
) -> dict[str, Any]:
    """Detection P/R/F1, value+unit accuracy and "about" agreement on one split.

    ``data`` is the shared data folder (the one holding ``news/``).
    """
    n_docs, n_gold, n_pred, matched = _matched(labels, data, split)
    n_matched = len(matched)
    n_value = sum(same_value(p, g) for *_, p, g in matched)
    n_about = sum(about_overlap(p.about, g.about) >= 0.5 for *_, p, g in matched)
    n_when = sum(p.when == g.when for *_, p, g in matched)
    n_dated = sum(g.when is not None for *_, g in matched)
    n_dated_right = sum(p.when == g.when for *_, p, g in matched if g.when is not None)
    precision = n_matched / n_pred if n_pred else 0.0
    recall = n_matched / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    out: dict[str, Any] = {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "value_unit_accuracy": round(n_value / n_matched, 4) if n_matched else 0.0,
        "about_agreement": round(n_about / n_matched, 4) if n_matched else 0.0,
        "when_accuracy": round(n_when / n_matched, 4) if n_matched else 0.0,
        "when_recall": round(n_dated_right / n_dated, 4) if n_dated else None,
        "matched": n_matched,
        "gold": n_gold,
        "predicted": n_pred,
        "documents": n_docs,
        "split": split,
    }
    if judgements is not None:
        verdicts = _judgements(judgements)
        judged = [
            verdicts[key]
            for c, k, _, p, g in matched
            if (key := (c, k, g.start, g.end, phrase_sha1(p.about))) in verdicts
        ]
        out["about_judged"] = round(sum(judged) / len(judged), 4) if judged else None
        out["about_judged_pairs"] = len(judged)
    return out


def about_pairs(labels: Path, data: Path, split: str = "test") -> list[dict[str, Any]]:
    """The matched pairs of a split, to be judged: keys, both phrases and the sentence
    around the figure (about 200 characters each side). Holds article text: write it
    outside the repository."""
    *_, matched = _matched(labels, data, split)
    out = []
    for corpus, key, text, p, g in matched:
        left = max(text.rfind(". ", 0, g.start) + 2, g.start - 200, 0)
        right = text.find(". ", g.end)
        right = min(right + 1 if right >= 0 else len(text), g.end + 200)
        out.append(
            {
                "corpus": corpus,
                "key": key,
                "start": g.start,
                "end": g.end,
                "predicted_sha1": phrase_sha1(p.about),
                "figure": text[g.start : g.end],
                "sentence": text[left:right],
                "gold_about": g.about,
                "predicted_about": p.about,
            }
        )
    return out
