"""Speech nouns that report with their source: "Trump’s claim that …", "his call for …".

A helper of :mod:`storyline.extract.quotes`: the noun reports a "that" or "to"
clause (or "call for …") when its source is given by a possessive, a "by"/"from"
phrase or the subject of a verb delivering it ("leaders put out a warning that
…"); without one it names no speaker and reports nothing.

>>> from storyline.nlp.pipeline import load_nlp
>>> doc = load_nlp()("Trump's claim that the vote was rigged drew criticism.")
>>> content, source = _noun_report(doc[2])
>>> (source.text, [t.text for t in content][:3])
('Trump', ['that', 'the', 'vote'])
"""

from __future__ import annotations

from typing import Any

__all__: list[str] = []

# Nouns that report speech when their source is given: "Trump’s claim that …".
_SPEECH_NOUNS = {
    "claim",
    "call",
    "promise",
    "pledge",
    "vow",
    "warning",
    "comment",
    "remark",
    "suggestion",
    "assertion",
    "accusation",
    "proposal",
    "demand",
    "insistence",
    "allegation",
    "contention",
    "prediction",
    "threat",
}
# Verbs a speech noun is delivered with, whose subject is its source:
# "leaders are putting out a warning that …", "Clinton unveiled a proposal to …".
_DELIVER = {"make", "issue", "deliver", "put", "unveil", "renew", "repeat", "reiterate", "offer"}


def _noun_report(tok: Any) -> tuple[list[Any] | None, Any | None]:
    """What a speech noun with its source reports: "Trump’s claim that …", "his
    call for …", "her promise to …", "claims by aides that …", "leaders put
    out a warning that …".

    Without a possessive, "by"/"from" source or a subject delivering it the
    noun names no speaker ("a call for unity") and reports nothing here; nor
    does a topic ("his remarks about Muslims"), which PolNeAR rarely marks.
    """
    source = None
    for c in tok.children:
        case = [k.lower_ for k in c.children if k.dep_ == "case"]
        if c.dep_ == "nmod:poss" and c.i < tok.i:
            source = c
        elif c.dep_ == "nmod" and c.i > tok.i and case[:1] in (["by"], ["from"]):
            source = source or c
    if source is None and tok.dep_ == "obj" and tok.head.lemma_.lower() in _DELIVER:
        source = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if source is None or source.lower_ in ("its", "whose"):
        return None, None
    clause = _that_clause(tok)
    if clause is not None:
        return clause, source
    for c in tok.children:
        if c.i < tok.i or c is source:
            continue
        case = [k for k in c.children if k.dep_ in ("case", "mark") and k.i == c.left_edge.i]
        word = case[0].lower_ if case else ""
        # a "that" or "to" clause, or "call for …"; not
        # "remarks made last summer" nor "the statement of the debate"
        if (c.dep_ in ("acl", "ccomp") and word in ("that", "to")) or (
            c.dep_ == "nmod" and word == "for"
        ):
            words = list(c.subtree)  # "the claim that …", "her promise to …" keep their mark
            if word == "for":
                words = [t for t in words if t.i != case[0].i]
            return words + _hung_on_noun(tok, words[-1]), source
    return None, None


def _hung_on_noun(tok: Any, last: Any) -> list[Any]:
    """The rest of a noun's clause the parser hung on the noun itself: "his promise
    to be “neutral” in the talks" with "in the talks" on "promise"; only what
    follows with no comma between."""
    out: list[Any] = []
    for c in sorted(tok.children, key=lambda c: c.i):
        if c.i <= last.i:
            continue
        if c.left_edge.i != last.i + 1 or c.dep_ not in ("nmod", "acl", "advmod", "obl"):
            break
        out.extend(c.subtree)
        last = c.right_edge
    return out


def _that_clause(tok: Any) -> list[Any] | None:
    """The "that" clause a speech noun introduces, wherever the parser hung it:
    on the noun as a relative clause ("her remark that there is …") or on the
    verb as its complement ("distanced themselves from his suggestion that …").
    """
    if tok.i + 1 >= len(tok.doc):
        return None
    that = tok.doc[tok.i + 1]
    if that.lower_ != "that" or that.dep_ != "mark":
        return None
    clause = that.head
    if clause.i <= that.i or clause.left_edge.i != that.i:
        return None
    return list(clause.subtree)
