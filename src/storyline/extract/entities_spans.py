"""Which of the recogniser's spans name an entity, and where each one starts and ends.

The recogniser's spans are where :mod:`storyline.extract.entities` starts, but
some of them would show a reader an actor that is not one, or one cut wrong:

- a court case is one name: "Roe v. Wade" is neither a person nor two parties,
  and "Dobbs v. Jackson Women's Health Organization" is not a person "Dobbs"
  beside a body "Jackson Women"; the case becomes one ``MISC`` span;
- a capitalised word that names nothing is dropped: an adjective on a common
  noun ("Federal prosecutors said"), a preposition opening a title ("the For
  the People Act"), or the plural of a role ("Senators voted");
- a title written after a body's name belongs to the person it comes before,
  not to the body: "House Minority Leader Kevin McCarthy" names the House.

>>> from storyline.nlp.pipeline import load_nlp
>>> doc = load_nlp()("The court overturned Roe v. Wade on Friday.")
>>> [(s.text, s.label_) for s in entity_spans(doc) if s.label_ != "DATE"]
[('Roe v. Wade', 'MISC')]
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span

from storyline.extract.entities_words import PLURAL_ROLE_HEADS, ROLE_HEADS

__all__ = ["entity_spans"]

# With its period only: a sports fixture is written "Arsenal v Chelsea" (two actors).
_CASE_LINKS = frozenset({"v.", "vs."})
_CASE_TEXT = re.compile(r"\S\s+vs?\.\s+[A-Z]")
# Parts of speech a one-word name cannot be: the "For" the People Act.
_NOT_A_NAME = frozenset({"ADP", "AUX", "CCONJ", "DET", "PART", "PRON", "SCONJ"})
# The title words that may end a body's span before or inside a title ("Senate
# Majority Leader", "US Trade Representative"): they say which of the body's members.
# (Not "house" or "state": "White House", "Secretary of State" end names.)
_TITLE_TAIL = frozenset(
    {"minority", "majority", "whip", "trade", "press", "deputy", "vice", "chief", "acting"}
    | {"assistant", "associate", "senior", "junior", "first", "prime", "foreign", "finance"}
)


def entity_spans(doc: Any, labels: frozenset[str] | set[str] | None = None) -> list[Span]:
    """The spans of ``doc.ents`` (of ``labels``, all by default), mended as the module
    says, in text order."""
    ents = [e for e in doc.ents if labels is None or e.label_ in labels]
    out: list[Span] = []
    k = 0
    while k < len(ents):
        ent = ents[k]
        if out and ent.start < out[-1].end:  # inside a case already taken
            k += 1
            continue
        case = _case(doc, ent)
        if case is not None:
            if out and out[-1].end > case.start:
                out.pop()  # the first party, taken before its "v." was seen
            out.append(case)
        else:
            span = _mended(doc, ent)
            if span is not None:
                out.append(span)
        k += 1
    return out


def _title_run_end(doc: Any, i: int) -> int:
    """The end of a run of capitalised words from token ``i`` ("Jackson Women's Health
    Organization", "Board of Education")."""
    j = i
    while j < len(doc):
        tok = doc[j]
        named = tok.is_title or tok.is_upper or tok.text in {"’s", "'s"}
        joining = tok.lower_ in {"of", "the", "and", "for"}
        if not (named or (joining and j + 1 < len(doc) and doc[j + 1].is_title)):
            break
        j += 1
    return j


def _title_run_start(doc: Any, i: int) -> int:
    j = i
    while j > 0:
        prev = doc[j - 1]
        if not (prev.is_title or prev.is_upper) or prev.pos_ in _NOT_A_NAME:
            break
        j -= 1
    return j


def _case(doc: Any, ent: Any) -> Span | None:
    """The court case ``ent`` names or is a party of, as one span, if it is one."""
    if _CASE_TEXT.search(ent.text):
        return Span(doc, ent.start, max(ent.end, _title_run_end(doc, ent.end)), label="MISC")
    after, before = ent.end, ent.start - 1
    if after + 1 < len(doc) and doc[after].lower_ in _CASE_LINKS and doc[after + 1].is_title:
        return Span(doc, ent.start, _title_run_end(doc, after + 1), label="MISC")
    if before >= 1 and doc[before].lower_ in _CASE_LINKS and doc[before - 1].is_title:
        start = _title_run_start(doc, before - 1)
        return Span(doc, start, max(ent.end, _title_run_end(doc, ent.end)), label="MISC")
    return None


def _mended(doc: Any, ent: Span) -> Span | None:
    if ent.label_ == "PER":
        return ent
    if len(ent) == 1:
        word = ent[0]
        low = word.lower_
        if word.pos_ in _NOT_A_NAME and ent.label_ != "NORP":
            return None
        if ent.label_ in ("ORG", "LOC") and _modifies_a_noun(doc, word):
            return None
        if low in PLURAL_ROLE_HEADS or (low.endswith("s") and low[:-1] in ROLE_HEADS):
            return None
        return ent
    words = [t.lower_ for t in ent]
    if "of" in words:  # "Office of the Inspector General" ends with a title and is a body
        return ent
    titled = words[-1] in ROLE_HEADS or (ent.end < len(doc) and doc[ent.end].lower_ in ROLE_HEADS)
    end = ent.end
    while titled and end > ent.start and doc[end - 1].lower_ in ROLE_HEADS:
        end -= 1
    while titled and end > ent.start and doc[end - 1].lower_ in _TITLE_TAIL:
        end -= 1
    if end == ent.end:
        return ent
    return Span(doc, ent.start, end, label=ent.label_) if end > ent.start else None


def _modifies_a_noun(doc: Any, word: Any) -> bool:
    """An adjective on the common noun after it: "Federal prosecutors said" (a
    nationality is MISC or NORP and is kept: "Saudi officials")."""
    nxt = word.i + 1
    return (
        word.pos_ == "ADJ"
        and word.dep_ == "amod"
        and nxt < len(doc)
        and word.head.i == nxt
        and doc[nxt].pos_ == "NOUN"
        and doc[nxt].is_lower
        and doc[nxt].lower_ not in ("party", "parties")  # "his Liberal party" is a name
    )
