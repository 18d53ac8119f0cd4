"""Noun phrases and subjects read off the dependency parse, for figures' "about"."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["compact_np", "noun_phrase", "phrase", "short_np", "subject"]

_MODIFIERS = {"compound", "amod", "nmod:poss", "poss", "flat", "nummod"}
_RELATIVE = {"who", "which", "that", "whom"}


def phrase(tokens: list[Token], skip: range, limit: int = 10) -> str:
    """The text of ``tokens`` outside ``skip`` (the figure), trimmed of punctuation."""
    # other figures' signs ("£", "%") say nothing about what this one measures
    words = [t for t in tokens if t.idx not in skip and t.pos_ != "SYM" and t.text != "%"][:limit]
    while words and (words[0].is_punct or words[0].dep_ in ("case", "mark", "cc")):
        words.pop(0)
    while words and (words[-1].is_punct or words[-1].dep_ in ("case", "cc", "det")):
        words.pop()
    return "".join(t.text_with_ws for t in words).strip()


def noun_phrase(noun: Token, skip: range, det: bool = True, right: bool = False) -> str:
    """``noun`` with its left modifiers; with ``right`` also an "of"/"for" complement."""
    allowed = _MODIFIERS | {"det"} if det else _MODIFIERS
    left = [t for c in noun.lefts if c.dep_ in allowed for t in c.subtree if t.lower_ != "of"]
    if not det:
        # no article, and no pronoun possessor ("its debt" → "debt")
        left = [t for t in left if t.dep_ != "det" and not (t.pos_ == "PRON" and t.head == noun)]
    names = [t for c in noun.rights if c.dep_ in ("flat", "appos") and c.pos_ == "PROPN"
             for t in c.subtree]  # fmt: skip
    words = [*left, noun, *names[:3]]
    if right:
        comp = [
            c
            for c in noun.rights
            if c.dep_.startswith(("nmod", "obl"))
            and any(m.dep_ == "case" and m.pos_ == "ADP" for m in c.lefts)  # not "last year"
        ]
        if comp and comp[0].i - noun.i <= 5:
            words += [t for t in comp[0].subtree if t.i - noun.i <= 6]
    text = phrase(sorted(words, key=lambda t: t.i), skip)
    return text if text or noun.pos_ in ("SYM", "NUM") else noun.text


def compact_np(noun: Token, skip: range) -> str:
    """``noun`` with its compounds, adjectives and possessor, no determiner.

    A common noun followed by a name ("wine company Chalone") is the name.
    """
    if noun.pos_ == "NOUN":
        name = [c for c in noun.rights if c.dep_ in ("flat", "appos") and c.pos_ == "PROPN"]
        if name and name[0].i == noun.i + 1:
            return noun_phrase(name[0], skip, det=False)
    return noun_phrase(noun, skip, det=False)


def short_np(noun: Token, skip: range, limit: int = 6) -> str:
    """The whole phrase of ``noun`` when short ("the Gates Foundation and Norway"), else compact."""
    tokens = list(noun.subtree)
    if len(tokens) <= limit and not any(t.dep_.startswith(("acl", "relcl")) for t in tokens):
        text = phrase([t for t in tokens if t.dep_ != "det" or t.head.i != noun.i], skip)
        if text:
            return text
    return compact_np(noun, skip)


def subject(verb: Token, control: bool = True) -> Token | None:
    """The subject of ``verb``, through coordination, relative pronouns and (with
    ``control``) the verb it complements ("agreed to buy")."""
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subj is not None:
            if subj.lower_ in _RELATIVE and verb.dep_ == "acl:relcl":
                return verb.head
            return subj
        purpose = verb.dep_ == "advcl" and any(c.lower_ == "to" for c in verb.lefts)
        controlled = control and (verb.dep_ == "xcomp" or purpose)
        if (verb.dep_ != "conj" and not controlled) or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None
