"""Asks named by a noun: "the union's demand for a pay rise", "his pledge to stay".

Split out of :mod:`storyline.extract.asks`, whose finder calls
:func:`noun_ask_of` on each ask noun (:data:`~storyline.extract.asks_grammar.ASK_NOUNS`):
the noun is the cue, what it asks, promises or attempts (its infinitive, "for" or
"of" phrase) the content, its owner ("the union's", "by the board", "from X", or the
subject of a light verb: "the Court made a decision to …") the actor.

>>> from storyline.nlp.pipeline import load_nlp
>>> from storyline.extract.asks import extract_asks
>>> doc = load_nlp()("The union's demand for a pay rise was rejected.")
>>> [(a.kind, a.actor and a.actor.name, a.content) for a in extract_asks(doc, (), (), ())]
[('refusal', None, 'demand pay rise'), ('demand', 'The union', 'pay rise')]
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from storyline.extract.asks_cues import (
    AGENT_NOUNS,
    ANSWERING_VERBS,
    DEMAND_VERBS,
    DISPOSITION_NOUNS,
    DRAFTING_VERBS,
    LIGHT_VERBS,
    NARRATIVE_VERBS,
    NOT_DEEDS,
    REFUSAL_VERBS,
)
from storyline.extract.asks_deeds import NOBODY, Finder
from storyline.extract.asks_grammar import (
    ASK_NOUNS,
    agentive,
    case_of,
    causative,
    complement,
    infinitive_of,
    is_verb,
    lemma_of,
    may_act,
    stray_infinitive,
    verb_in,
)
from storyline.extract.asks_spans import extent

if TYPE_CHECKING:
    from storyline.extract.asks import Ask

__all__ = ["noun_ask_of"]

# Verbs by which one takes on an effort or a bid as one's own: "leaders launched a
# last-ditch effort to convince …" is the leaders' effort.
_UNDERTAKING_VERBS = frozenset({"launch", "mount", "lead", "spearhead", "wage", "begin", "start"})


def _asked_party(kids: list[Any], content: Any) -> Any | None:
    """The one a demand noun asks to act, before its infinitive: "calls *for the
    minister* to resign", "her call *on Estmark* to free …" (not "a demand for a pay
    rise", where the phrase is what is asked)."""
    if not any(c.dep_ == "mark" and c.lower_ == "to" for c in content.children):
        return None
    return next(
        (
            c
            for c in kids
            if c.dep_ == "nmod"
            and c.i < content.i
            and case_of(c) in ("for", "on", "upon")
            and (agentive(c) or may_act(c))
        ),
        None,
    )


def _asked_that(kids: list[Any]) -> Any | None:
    """The clause of a demand noun that asks a party in the bare form: "her demand *that
    Estmark free* the journalists" (not "the claim that Estmark frees …")."""
    return next(
        (
            c
            for c in kids
            if c.dep_ in ("acl", "acl:relcl", "ccomp")
            and (c.tag_ == "VB" or (c.tag_ == "VBP" and c.lemma_.lower() != "be"))
            and _subject_of(c) is not None
        ),
        None,
    )


def _subject_of(clause: Any) -> Any | None:
    """The subject of a that-clause asked by a demand noun, the one it asks ("that"
    may hang elsewhere in the parse, but opens the clause)."""
    opener = clause.doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else clause
    if opener.lower_ != "that" and not any(
        x.dep_ == "mark" and x.lower_ == "that" for x in clause.children
    ):
        return None
    return next(
        (c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i and agentive(c)),
        None,
    )


def noun_ask_of(finder: Finder, cue: Any) -> Ask | None:
    """ "The Times' request to unseal the file", "the union's demand for a pay rise"."""
    kind = ASK_NOUNS[cue.lemma_.lower()]
    # "the administration's goal\xa0of holding …": the parse made the no-break space
    # after the noun its head; the noun's dependents hang on that space.
    host = cue.head if cue.head.is_space and cue.head.i == cue.i + 1 else cue
    kids = [*cue.children, *(host.children if host is not cue else ())]
    of = "for" if kind == "demand" else "of"
    content = (
        infinitive_of(cue)
        or (infinitive_of(host) if host is not cue else None)
        or stray_infinitive(cue)
        or next(
            (
                c
                for c in kids
                if (
                    (c.dep_ == "nmod" and case_of(c) == of)
                    or (
                        c.dep_ == "acl"
                        and any(x.dep_ == "mark" and x.lower_ == of for x in c.children)
                    )
                )
                and (kind == "demand" or c.tag_ == "VBG")
            ),
            None,
        )
        or (_asked_that(kids) if kind == "demand" else None)
        or next(  # "a plan incentivizing Americans to …"
            (
                c
                for c in cue.children
                if c.dep_ == "acl"
                and c.tag_ == "VBG"
                and c.i == cue.i + 1
                and kind in ("demand", "commitment")
            ),
            None,
        )
    )
    if content is None:
        return None
    target = _asked_party(kids, content) if kind == "demand" else None
    asked = _subject_of(content) if kind == "demand" else None
    target = target or asked
    answered = False
    if kind == "action" and cue.lemma_.lower() in ("effort", "attempt", "bid"):
        if lemma_of(content) in NARRATIVE_VERBS | NOT_DEEDS and not causative(content):
            return None  # "an effort to distract attention"
        if lemma_of(content) in DEMAND_VERBS or causative(content):
            # "efforts to get DOJ lawyers to investigate …": a demand of them
            inner, target = complement(content, "demand")
            if inner is None or target is None:
                return None
            kind, content = "demand", inner
    who = next(
        (
            c
            for c in kids
            if c.i < cue.i
            and (
                c.dep_ == "nmod:poss"
                or (
                    c.dep_ == "compound"
                    and (c.ent_type_ or c.pos_ == "PROPN" or c.lemma_.lower() in AGENT_NOUNS)
                )
            )
        ),
        None,
    ) or next(
        (
            c
            for c in cue.children
            if c.dep_ == "nmod"
            and (case_of(c) == "by" or (case_of(c) == "from" and kind == "demand"))
        ),
        None,
    )  # "a request from Texas abortion providers to …"
    if who is not None and not finder.parties.stands_for_party(who):
        who = None  # "will announce Friday plans to …": a day owns no plan
    if (
        kind == "demand"
        and cue.dep_ in ("obj", "obl:unmarked")
        and lemma_of(cue.head) in ANSWERING_VERBS
    ):
        target = finder.parties.subject(cue.head)  # the court denying a request was asked
        answered = True
    if cue.dep_ == "obj" and verb_in(cue.head, DRAFTING_VERBS) and kind == "commitment":
        return None  # "designing its own plan to …": a document being drawn up
    if (
        who is None
        and cue.dep_ in ("obj", "xcomp")
        and lemma_of(cue.head) in LIGHT_VERBS | _UNDERTAKING_VERBS
    ):
        who = finder.parties.subject(cue.head)  # "the Court made a decision to grant …"
    if who is None and cue.dep_ == "obl" and case_of(cue) == "with" and is_verb(cue.head):
        who = finder.parties.subject(cue.head)  # "hired 40 staffers with plans to send …"
    if who is None and cue.dep_ == "conj" and is_verb(cue.head):
        who = finder.parties.subject(cue.head)  # "He proposes …, and plans to …" misread
    if who is None and not any(c.lower_ == "to" for c in content.children):
        return None  # "unfulfilled demand for workers": no one asks
    if (
        who is None
        and kind == "commitment"
        and cue.dep_ == "obj"
        and verb_in(cue.head, REFUSAL_VERBS)
    ):
        return None  # "rejected a plan to give boosters": the refusal says it, no one's pledge
    if who is None and cue.lemma_.lower() in DISPOSITION_NOUNS:
        return None  # "along with a willingness to use force": nobody's pledge
    if (
        who is not None
        and who.lower_ in ("its", "his", "her", "their")
        and cue.dep_ == "obj"
        and is_verb(cue.head)
    ):
        # "X is stepping up its effort to …": the verb's own subject
        who = next((c for c in cue.head.children if c.dep_ == "nsubj"), who)
    actor = finder.parties.party(who) if who is not None else NOBODY
    start, end = extent(content)
    if asked is not None:
        start = asked.right_edge.i + 1  # "… that Estmark *free the journalists*"
    if content.dep_ == "acl" and content.tag_ == "VBG":
        # "a plan incentivizing Americans to …, including …": the whole plan
        end = max(end, extent(cue)[1])
        target = target or next(
            (c for c in content.children if c.dep_ == "obj" and agentive(c)), None
        )
    if finder.doc[start].lower_ in ("for", "to", "of"):
        start += 1
    ask = finder.record(kind, cue, finder.doc[start:end], target, actor=actor)
    if answered:
        # The one answering sits outside the request: it stays told inside its answer.
        parts = [ask.content_start, ask.content_end, ask.cue_start, ask.cue_end]
        parts += [ask.actor.start, ask.actor.end] if ask.actor is not None else []
        ask = replace(ask, start=min(parts), end=max(parts))
    return ask
