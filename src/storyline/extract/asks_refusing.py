"""What a refusal refuses: votes against, dismissals, bare and passive refusals.

Split out of :mod:`storyline.extract.asks`, whose finder calls these: a vote cast
against something refuses it (:func:`voted_against`); dismissing refuses a challenge
or an ask, not a case or a person (:func:`refusable`, :func:`dismissing`,
:func:`dismissed_ask`); "Palo refused." refuses the demand just told
(:func:`bare_refusal`); "the request was rejected by the court" is the court's
refusal (:func:`refused_passive`); "overruled that request" refuses the latest
demand told (:func:`refused_askers`).

>>> from storyline.nlp.pipeline import load_nlp
>>> from storyline.extract.asks import extract_asks
>>> doc = load_nlp()("The union's request was rejected by the court.")
>>> [(a.kind, a.actor.name, a.target.name) for a in extract_asks(doc, (), (), ())][:1]
[('refusal', 'the court', 'The union')]
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from storyline.extract.asks_cues import (
    ANSWERABLE_NOUNS,
    CLAIM_NOUNS,
    DISMISSING_PHRASALS,
    REQUEST_NOUNS,
)
from storyline.extract.asks_deeds import NOBODY, Finder, action
from storyline.extract.asks_grammar import agentive, case_of, lemma_of
from storyline.extract.asks_spans import extent

if TYPE_CHECKING:
    from storyline.extract.asks import Ask

__all__ = [
    "bare_refusal",
    "dismissed_ask",
    "dismissing",
    "refusable",
    "refused_askers",
    "refused_passive",
    "voted_against",
]

_NOT = {"not", "n't", "never"}


def voted_against(tok: Any) -> Any | None:
    """What a vote was cast against ("voted against the bill"), if that is the vote."""
    if lemma_of(tok) != "vote":
        return None
    return next(
        (
            c
            for c in tok.children
            if c.dep_ in ("obl", "advcl")
            and c.i > tok.i
            and any(x.dep_ in ("case", "mark") and x.lower_ == "against" for x in c.children)
        ),
        None,
    )


# What a dismissing phrasal refuses when it refuses anything: an ask, or the pressure
# or effort behind one ("shrugged off pressure to resign").
_DISMISSED = REQUEST_NOUNS | ANSWERABLE_NOUNS | {"pressure", "effort", "attempt", "bid"}


# What a court or a body dismisses as a refusal: a challenge to something, like an ask
# ("dismissed a challenge to the law"); a case, charges or an aide dismissed is a deed.
_CHALLENGES = {"challenge", "lawsuit", "suit", "appeal", "objection", "complaint", "bid"}
# Claims dismissed are words answered ("dismissed those reports"); charges dismissed end a case.
_DISMISSED_CLAIMS = CLAIM_NOUNS - {"charge"}


def refusable(noun: Any) -> bool:
    """Whether what is dismissed is an ask, a challenge or a claim ("a series *of efforts*
    by Trump's aides", "a challenge to the law", "those reports"), not a case or a person."""
    nouns = [noun, *(c for c in noun.children if c.dep_ == "nmod" and case_of(c) == "of")]
    return any(n.lemma_.lower() in _DISMISSED | _CHALLENGES | _DISMISSED_CLAIMS for n in nouns)


def dismissing(tok: Any) -> bool:
    """Whether a verb is a dismissing phrasal ("brushed off", "pushed back against"),
    which refuses only an ask."""
    return any(
        c.dep_ in ("compound:prt", "advmod") and (lemma_of(tok), c.lower_) in DISMISSING_PHRASALS
        for c in tok.children
    )


def dismissed_ask(tok: Any, head: Any | None) -> Any | None:
    """What "brushed off" or "pushed back against" refuses: an ask ("brushed off Biden's
    call for …", "pushing back against calls from the U.S. to …"), else nothing."""
    if head is not None and head.lemma_.lower() in _DISMISSED:
        return head
    return next(
        (
            c
            for c in tok.children
            if c.dep_ == "obl"
            and case_of(c) in ("against", "on")
            and c.lemma_.lower() in _DISMISSED
        ),
        None,
    )


def refused_askers(doc: Any, asks: list[Ask]) -> list[Ask]:
    """ "She didn't want the escort, but the NYPD overruled that request": a refused
    request mentioned again is the latest demand before it, its asker the target."""
    demands = sorted((a for a in asks if a.kind == "demand"), key=lambda a: a.cue_start)
    out = []
    for ask in asks:
        span = doc.char_span(ask.content_start, ask.content_end, alignment_mode="expand")
        if (
            ask.kind == "refusal"
            and ask.target is None
            and span is not None
            and span.root.lemma_.lower() in REQUEST_NOUNS
            and any(t.lower_ in ("that", "this", "the", "those", "these") for t in span)
        ):
            before = [
                d
                for d in demands
                if d.cue_start < ask.cue_start
                and d.actor is not None
                and d.sentence_start >= _previous_sentence(doc, ask.sentence_start)
            ]
            if before:
                ask = replace(ask, target=before[-1].actor)
        out.append(ask)
    return out


def _previous_sentence(doc: Any, start: int) -> int:
    tok = doc.char_span(start, start + 1, alignment_mode="expand")
    if tok is None or tok.start == 0:
        return start
    return int(doc[tok.start - 1].sent.start_char)


def bare_refusal(finder: Finder, tok: Any) -> Ask | None:
    """ "Palo refused.", "The ministry declined.": a refusal naming nothing of what it
    refuses (the ledger takes it for the demand just told); the cue is its content."""
    if lemma_of(tok) not in ("refuse", "decline") or any(
        c.dep_ not in ("nsubj", "punct", "advmod", "cc", "aux", "conj") for c in tok.children
    ):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if (
        subj is None
        or not agentive(subj)
        or any(c.dep_ == "advmod" and c.lower_ in ("not", "n't", "never") for c in tok.children)
    ):
        return None
    return finder.record("refusal", tok, finder.doc[tok.i : tok.i + 1], None)


def refused_passive(finder: Finder, tok: Any) -> Ask | None:
    """ "The union's request was rejected by the court": what is refused is the
    subject, the one refusing the agent (if named), the asker the target; "the
    charges were dismissed" is a deed."""
    patient = next((c for c in tok.children if c.dep_ == "nsubj:pass"), None)
    if patient is None or patient.pos_ == "PRON":
        return None
    if any(c.dep_ == "advmod" and c.lower_ in _NOT for c in tok.children):
        return None  # "the request was not rejected": nothing refused
    if lemma_of(tok) == "dismiss" and not refusable(patient):
        return action(finder, tok)
    if patient.lemma_.lower() in CLAIM_NOUNS:
        return None  # "the allegations were rejected": a claim answered
    agent = next((c for c in tok.children if c.dep_ == "obl:agent"), None)
    if agent is not None and not agentive(agent):
        return None
    asker = next((c for c in patient.children if c.dep_ == "nmod:poss"), None)
    start, end = extent(patient)
    actor = finder.parties.party(agent) if agent is not None else NOBODY
    return finder.record("refusal", tok, finder.doc[start:end], asker, actor=actor)
