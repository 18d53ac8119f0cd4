"""Polarity and certainty of an ask, read off its cue's clause.

Split out of :mod:`storyline.extract.asks_grammar`: a negated cue gives a negative
ask ("did not approve"); a deed not yet done ("has yet to announce") is doubted and
negative, one denied ("denied ordering") denied, one hedged ("reportedly", "half of")
doubted; a commitment of a planning verb ("plans to …") is planned.

>>> from storyline.nlp.pipeline import load_nlp
>>> doc = load_nlp()("The board has yet to approve the merger.")
>>> modality("action", doc[5])
('negative', 'doubted')
"""

from __future__ import annotations

from typing import Any

from storyline.extract.asks_cues import DOUBT_WORDS, PARTIAL_WORDS, PLANNED_VERBS
from storyline.extract.asks_grammar import AskKind, Certainty, Polarity, yet_to

__all__ = ["modality"]


def modality(kind: AskKind, cue: Any) -> tuple[Polarity, Certainty]:
    """Polarity and certainty of an ask from its cue's clause."""
    lower = {c.lower_ for c in cue.children}
    negated = bool(lower & {"not", "n't", "never", "no"}) or any(
        c.dep_.startswith("nsubj") and any(d.lower_ in ("no", "none") for d in c.children)
        for c in cue.children
    )  # "no governor moved to close schools": nobody did
    if kind != "action":
        planned = kind == "commitment" and cue.lemma_.lower() in PLANNED_VERBS
        return ("negative" if negated else "positive"), ("planned" if planned else "reported")
    if yet_to(cue) or (negated and lower & {"yet", "still"}):
        return "negative", "doubted"
    governor = cue.head if cue.dep_ in ("ccomp", "xcomp", "advcl") else None
    if governor is not None and governor.lemma_.lower() in ("deny", "dispute"):
        return "negative", "denied"
    sent_words = {t.lower_ for t in cue.sent}
    clause_words = {t.lower_ for t in cue.subtree} | lower
    if governor is not None:
        clause_words.add(governor.lemma_.lower())
    if negated:
        return "negative", "reported"
    if clause_words & DOUBT_WORDS or (sent_words & {"unconfirmed", "unverified"}):
        return "positive", "doubted"
    if clause_words & PARTIAL_WORDS:
        return "positive", "doubted"
    return "positive", "reported"
