"""Speech nouns that report with their source: "Trump’s claim that …", "his call for …".

A helper of :mod:`storyline.extract.quotes`: the noun reports a "that" or "to"
clause (or "call for …") when its source is given by a possessive, a "by"/"from"
phrase or the subject of a verb delivering it ("leaders put out a warning that
…"), also past a phrase between ("her comments before the committee that …");
without one it names no speaker and reports nothing, and neither does a noun in
a speech verb's phrase ("said in her remarks that …": the verb reports).

>>> from storyline.nlp.pipeline import load_nlp
>>> doc = load_nlp()("Trump's claim that the vote was rigged drew criticism.")
>>> content, source = _noun_report(doc[2])
>>> (source.text, [t.text for t in content][:3])
('Trump', ['that', 'the', 'vote'])
"""

from __future__ import annotations

from typing import Any

from storyline.extract.quotes_grammar import _says

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
# How far, and over which words, a noun's "that" clause may stand from it: a
# prepositional phrase ("during the debate", "by a potential president").
_GAP = 7
_PHRASE = {"ADP", "DET", "ADJ", "NOUN", "PROPN", "NUM"}


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
    if tok.dep_ == "obl" and _says(tok.head):
        return None, None  # "said in her remarks that …": the verb reports
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
    verb as its complement ("distanced themselves from his suggestion that …");
    past a phrase saying where, when or by whom ("her comments before the
    committee that …", "the suggestion by a senator that …").
    """
    doc = tok.doc
    i = tok.i + 1
    while i < tok.sent.end and i - tok.i <= _GAP and doc[i].pos_ in _PHRASE:
        i += 1  # "her comments before the committee that …"
    if i >= tok.sent.end or i - tok.i > _GAP:
        return None
    that = doc[i]
    if that.lower_ != "that" or that.dep_ != "mark":
        return None
    clause = that.head
    if clause.i <= that.i:
        return None
    if i > tok.i + 1:
        # the parser hangs such a clause anywhere (on the phrase's noun as a
        # relative clause, on the verb): from "that" to the end of its clause
        if doc[i - 1].pos_ not in ("NOUN", "PROPN", "PRON", "NUM") or not any(
            doc[k].pos_ == "ADP" for k in range(tok.i + 1, i)
        ):
            return None
        words = list(doc[i : min(clause.right_edge.i + 1, tok.sent.end)])
        return words if any(t.pos_ in ("VERB", "AUX") for t in words) else None
    if clause.left_edge.i != that.i:
        return None
    return list(clause.subtree)
