"""Timeline metrics as news-tls reports them: alignment-based ROUGE-1/2 and date F1.

news-tls (Gholipour Ghalandari & Ifrim 2020) scores every system timeline with
tilse's ``align_date_content_costs_many_to_one`` metric (Martschat & Markert
2017, "align+ m:1") for ROUGE-1 and ROUGE-2, and with the F1 of the two sets
of dates. What is implemented here, from those descriptions:

- **Alignment.** For precision every predicted date is aligned to the gold date
  of least cost; for recall every gold date to the predicted date of least cost
  (many-to-one both ways, ties to the earliest date). The cost of a pair is
  ``(1 - 1/(|Δdays| + 1)) × (1 - R1≈)`` where ``R1≈`` is tilse's approximate
  ROUGE-1 F1 of the two daily summaries (clipped unigram overlap, no ROUGE
  preprocessing). A same-day pair therefore costs 0 whatever it says.
- **Scores.** Each aligned pair adds its ROUGE-N hit count, weighted by
  ``1/(|Δdays| + 1)``, to the numerator, and its predicted (precision) or gold
  (recall) n-gram count to the denominator; micro-averaged over the pairs;
  F1 of the two. With no alignment possible (one side empty) the other side
  only adds to its denominator.
- **Date F1.** Precision and recall of the exact set of dates.

How it may differ from tilse, which runs the Perl ROUGE-1.5.5 with ``-s``
(stopword removal) and ``-m`` (Porter stemming):

- tokens are rouge-score's (lower case, runs of ``[a-z0-9]``; ROUGE-1.5.5 also
  keeps hyphens inside words), stopwords are spaCy's English list (326 words)
  rather than ROUGE's SMART list (571), stemming is rouge-score's Porter
  stemmer (words over 3 characters);
- bigrams are counted within each sentence, never across a sentence boundary;
- only one reference timeline per score, which is how news-tls calls tilse
  (a ``GroundTruth`` of the one timeline being compared).

>>> from datetime import date
>>> gold = {date(2010, 1, 12): ["A strong earthquake hit Haiti."]}
>>> score_timeline(gold, gold)["ar1_f"]
1.0
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache

import numpy as np
from rouge_score.tokenize import tokenize as rouge_tokenize

__all__ = ["Timeline", "date_f1", "rouge_tokens", "score_timeline"]

Timeline = Mapping[date, Sequence[str]]
"""A timeline to score: each date's summary as a list of sentences."""


@cache
def _stemmer() -> object:
    from nltk.stem import porter

    return porter.PorterStemmer()


@cache
def _stopwords() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def rouge_tokens(sentence: str) -> list[str]:
    """The tokens ROUGE compares: lower-cased, stopwords dropped, Porter-stemmed.

    >>> rouge_tokens("The rescuers were pulling survivors out")
    ['rescuer', 'pull', 'survivor']
    """
    stop = _stopwords()
    words = [w for w in rouge_tokenize(sentence, None) if w not in stop]
    stemmer = _stemmer()
    return [stemmer.stem(w) if len(w) > 3 else w for w in words]  # type: ignore[attr-defined]


def _ngrams(sentences: Sequence[Sequence[str]], n: int) -> Counter[tuple[str, ...]]:
    counts: Counter[tuple[str, ...]] = Counter()
    for tokens in sentences:
        counts.update(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return counts


def _approx_rouge1(pred: Sequence[str], gold: Sequence[str]) -> float:
    """tilse's quick ROUGE-1 F1 on whitespace tokens, used only to align dates."""
    p = Counter(w for s in pred for w in s.lower().split())
    g = Counter(w for s in gold for w in s.lower().split())
    match = sum((p & g).values())
    if not match:
        return 0.0
    prec, rec = match / sum(p.values()), match / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def _costs(rows: list[date], cols: list[date], content: np.ndarray) -> np.ndarray:
    """Cost of aligning each row date to each column date (date factor × content factor)."""
    days = np.array([[abs((r - c).days) for c in cols] for r in rows], dtype=np.float64)
    result: np.ndarray = (1.0 - 1.0 / (days + 1.0)) * content
    return result


def _f1(prec: float, rec: float) -> float:
    return 0.0 if prec + rec == 0 else 2 * prec * rec / (prec + rec)


def score_timeline(predicted: Timeline, gold: Timeline) -> dict[str, float]:
    """AR1/AR2 precision, recall and F (align+ m:1) and date precision/recall/F1.

    Keys: ``ar1_p ar1_r ar1_f ar2_p ar2_r ar2_f date_p date_r date_f1``.

    >>> from datetime import date
    >>> gold = {date(2010, 1, 12): ["Quake hits Haiti capital."]}
    >>> late = {date(2010, 1, 13): ["Quake hits Haiti capital."]}
    >>> s = score_timeline(late, gold)
    >>> s["ar1_f"], s["date_f1"]
    (0.5, 0.0)
    """
    pred_dates, gold_dates = sorted(predicted), sorted(gold)
    tokens = {
        side: {d: [rouge_tokens(s) for s in tl[d]] for d in tl}
        for side, tl in (("p", predicted), ("g", gold))
    }
    content = np.array(
        [[1.0 - _approx_rouge1(predicted[p], gold[g]) for g in gold_dates] for p in pred_dates]
    ).reshape(len(pred_dates), len(gold_dates))
    scores: dict[str, float] = {}
    for n in (1, 2):
        grams_p = {d: _ngrams(tokens["p"][d], n) for d in pred_dates}
        grams_g = {d: _ngrams(tokens["g"][d], n) for d in gold_dates}
        num_p = den_p = num_r = den_r = 0.0
        if pred_dates and gold_dates:
            to_gold = _costs(pred_dates, gold_dates, content).argmin(axis=1)
            to_pred = _costs(gold_dates, pred_dates, content.T).argmin(axis=1)
        for i, p in enumerate(pred_dates):
            den_p += sum(grams_p[p].values())
            if gold_dates:
                g = gold_dates[int(to_gold[i])]
                hits = sum((grams_p[p] & grams_g[g]).values())
                num_p += hits / (abs((p - g).days) + 1)
        for j, g in enumerate(gold_dates):
            den_r += sum(grams_g[g].values())
            if pred_dates:
                p = pred_dates[int(to_pred[j])]
                hits = sum((grams_p[p] & grams_g[g]).values())
                num_r += hits / (abs((p - g).days) + 1)
        prec = num_p / den_p if den_p else 0.0
        rec = num_r / den_r if den_r else 0.0
        scores |= {f"ar{n}_p": prec, f"ar{n}_r": rec, f"ar{n}_f": _f1(prec, rec)}
    return scores | date_f1(pred_dates, gold_dates)


def date_f1(predicted: Sequence[date], gold: Sequence[date]) -> dict[str, float]:
    """Precision, recall and F1 of the predicted set of dates against the gold set.

    >>> from datetime import date
    >>> date_f1([date(2010, 1, 1), date(2010, 1, 2)], [date(2010, 1, 2)])["date_f1"]
    0.6666666666666666
    """
    shared = len(set(predicted) & set(gold))
    prec = shared / len(set(predicted)) if predicted else 0.0
    rec = shared / len(set(gold)) if gold else 0.0
    return {"date_p": prec, "date_r": rec, "date_f1": _f1(prec, rec)}
