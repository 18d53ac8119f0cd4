"""Reports a cue's parse gets wrong, helpers of :mod:`storyline.extract.quotes`.

No words behind a cue ("his spokesman declined to comment"), the question put
to a speaker ("When asked whether …, Smith said"), listeners alone after
"told" ("…, an official told The New York Times."), a "that" clause the parser
cut at a comma, and a speaker hung on an aside before the cue.

>>> from storyline.nlp.pipeline import load_nlp
>>> doc = load_nlp()("When asked whether he would run, Smith said he was not sure.")
>>> _put_to(doc[1])
True
"""

from __future__ import annotations

from typing import Any

from storyline.extract.quotes_grammar import _NOT_SPEAKERS, _blank

__all__: list[str] = []


def _declined(cue: Any) -> bool:
    """ "his spokesman declined to comment": no words, so nothing reported before it."""
    return bool(cue.dep_ == "xcomp" and cue.head.lemma_.lower() in ("decline", "refuse"))


def _verbless_that(cue: Any, content: list[Any]) -> list[Any]:
    """ "has promised that as president, he would build …" with the clause after the
    comma cut off by the parser: a "that" with no verb yet runs to the sentence end."""
    if content[0].lower_ != "that" or content[0].i < cue.i:
        return content
    if any(t.pos_ in ("VERB", "AUX") for t in content):
        return content
    sent = cue.sent
    rest = [t for t in cue.doc[content[0].i : sent.end] if not (t.is_punct or _blank(t))]
    return rest if any(t.pos_ in ("VERB", "AUX") for t in rest) else content


def _listener_only(cue: Any, content: list[Any] | None) -> bool:
    """ "told reporters" ending its sentence: the listeners, not what was told."""
    if not content or cue.lemma_.lower() != "tell":
        return False
    if any(t.pos_ in ("VERB", "AUX") or t.lower_ in ("that", "to") for t in content):
        return False
    rest = [t for t in cue.doc[content[-1].i + 1 : cue.sent.end] if not (t.is_punct or _blank(t))]
    return not rest


_WHEN_ASKED = {"when", "after", "once", "if", "before", "while", ","}


def _put_to(cue: Any) -> bool:
    """ "When asked whether …, Christie said", "Asked about …, he said": the question
    put to the speaker, not words of the speaker's; "asked by Lauer whether" has its asker.
    """
    if cue.lower_ != "asked" or any(c.dep_.startswith("nsubj") for c in cue.children):
        return False
    i = cue.i - 1
    while i >= cue.sent.start and _blank(cue.doc[i]):
        i -= 1
    before = cue.doc[i] if i >= cue.sent.start else None
    if before is not None and before.lower_ not in _WHEN_ASKED:
        return False
    agents = [k for c in cue.children if c.i > cue.i for k in c.children if k.dep_ == "case"]
    return not any(k.lower_ == "by" for k in agents)


def _aside_subject(cue: Any) -> Any | None:
    """The speaker the parser hung on an aside before the cue: "Sen. Chuck
    Grassley, facing a spirited challenge, said …" read as "Grassley facing"."""
    for c in cue.children:
        if c.i > cue.i or c.dep_ not in ("ccomp", "advcl", "parataxis", "csubj"):
            continue
        if c.tag_ not in ("VBG", "VBN") or c.i == 0 or c.doc[c.i - 1].text != ",":
            continue
        subj = [k for k in c.children if k.dep_ == "nsubj" and k.i < c.i]
        if subj and subj[0].pos_ in ("PROPN", "NOUN") and subj[0].ent_type_ not in _NOT_SPEAKERS:
            return subj[0]
    return None


def _aux_subject(cue: Any) -> Any | None:
    """The speaker the parser hung on the auxiliary: "Clinton has repeatedly
    accused Trump of …" read with "Clinton" the subject of "has"."""
    for c in cue.children:
        if c.dep_ != "aux" or c.i > cue.i:
            continue
        subj = [k for k in c.children if k.dep_ == "nsubj" and k.i < c.i]
        if subj and subj[0].ent_type_ not in _NOT_SPEAKERS:
            return subj[0]
    return None
