"""What a figure measures, read off the dependency parse.

Rules, in order, for the token that heads the figure's span:

1. counts → "number of <the counted noun with its modifiers>";
2. an "of" complement of the figure ("70 percent of the country's wheat
   imports") → "<measure> of <complement>";
3. the figure modifies a noun ("a $1.2 trillion infrastructure bill") →
   "<measure> of the <noun with its modifiers>";
4. the figure is the object of a change verb ("sales rose 5%") →
   "<rise|fall|…> in <subject>"; of another verb or a copula → its subject.

The measure word comes from the unit: money "cost", percent and fraction
"share", lengths "length", weights "weight", other units "amount".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

__all__ = ["about_phrase"]

_CHANGE = {
    "rise": "rise", "fall": "fall", "grow": "growth", "increase": "increase",
    "drop": "drop", "decline": "decline", "jump": "jump", "climb": "rise", "slip": "fall",
    "gain": "gain", "slide": "fall", "surge": "rise", "plunge": "fall", "soar": "rise",
    "shrink": "fall", "cut": "cut", "raise": "increase", "lose": "loss",
}  # fmt: skip
_LENGTH = {"mi", "km", "m", "ft", "cm", "mm", "in", "yd"}
_WEIGHT = {"t", "kg", "g", "lb", "oz"}


def _measure(kind: str, unit: str) -> str:
    if kind == "money":
        return "cost"
    if kind in ("percent", "fraction"):
        return "share"
    if unit in _LENGTH:
        return "length"
    if unit in _WEIGHT:
        return "weight"
    return "amount"


def _phrase(tokens: list[Token], skip: range, limit: int = 10) -> str:
    words = [t for t in tokens if t.idx not in skip][:limit]
    while words and words[0].is_punct:
        words.pop(0)
    while words and words[-1].is_punct:
        words.pop()
    return "".join(t.text_with_ws for t in words).strip()


_MODIFIERS = {"compound", "amod", "nmod:poss", "poss", "case", "flat", "nummod"}


def _noun_phrase(noun: Token, skip: range, det: bool = True) -> str:
    allowed = _MODIFIERS | {"det"} if det else _MODIFIERS
    left = [t for c in noun.lefts if c.dep_ in allowed for t in c.subtree if t.lower_ != "of"]
    if not det:
        left = [t for t in left if t.dep_ != "det"]
    left = sorted([*left, noun], key=lambda t: t.i)
    text = _phrase(left, skip)
    return text if text else noun.text


def about_phrase(doc: Doc, start: int, end: int, kind: str, unit: str) -> str | None:
    """A short phrase for what the figure at ``[start, end)`` measures, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    skip = range(start, end)
    root = span.root
    if kind == "count":
        return _count_phrase(span, skip)
    measure = _measure(kind, unit)
    # "$260m (£134m)": the conversion measures what the first amount measures
    while root.dep_ in ("appos", "conj") and root.head.pos_ in ("SYM", "NUM"):
        root = root.head
    for child in root.children:
        if child.dep_ in ("nmod", "prep") and any(c.lower_ == "of" for c in child.children):
            return f"{measure} of {_noun_phrase(child, skip)}"
    head = root.head
    after = doc[span.end] if span.end < len(doc) else None
    if kind == "fraction" and after is not None and after.pos_ == "NOUN":
        return f"share of {after.head.text if after.dep_ == 'compound' else after.text}"
    if head.i > root.i and head.pos_ in ("NOUN", "PROPN") and head.idx >= end:
        return f"{measure} of the {_noun_phrase(head, skip, det=False)}"
    if head.i < root.i and head.pos_ in ("NOUN", "PROPN") and root.dep_.startswith("nmod"):
        # "a full-year profit of $3.36bn", "a fine of $550,000"
        owner = _subject(head.head) if head.dep_ in ("obj", "dobj") else None
        phrase = _noun_phrase(head, skip, det=False)
        return f"{_phrase(list(owner.subtree), skip)} {phrase}" if owner is not None else phrase
    verb = head if root.dep_ in ("obj", "obl", "dobj", "npadvmod", "nmod", "advmod") else root
    subj = _subject(verb)
    if subj is None and verb.dep_ in ("advcl", "xcomp") and verb.head.pos_ == "VERB":
        # "its division saw profits slump 27%": what slumped is the governing verb's object
        subj = next((c for c in verb.head.children if c.dep_ in ("obj", "dobj")), None)
        subj = subj or _subject(verb.head)
    if subj is None:
        sent_root = span.sent.root
        subj = _subject(sent_root)
        if subj is None or subj.idx in skip:
            return None
        return f"{_phrase(list(subj.subtree), skip)} {sent_root.lemma_.lower()}"
    subject = _phrase(list(subj.subtree), skip)
    change = _CHANGE.get(verb.lemma_.lower())
    to_case = any(c.lower_ in ("to", "from") for c in root.children)
    if change and not to_case:
        return f"{change} in {subject}"
    if verb.lemma_.lower() == "cost":
        return f"cost of {subject}"
    if verb is root:
        return subject
    extra = [c for c in root.children if c.dep_.startswith("nmod") and c.i > root.i]
    tail = " ".join(_phrase(list(c.subtree), skip) for c in extra[:1])
    return " ".join(w for w in (subject, verb.lemma_.lower(), tail) if w)


def _count_phrase(span: Span, skip: range) -> str | None:
    """ "number of <noun>" with what the sentence says about it: "goals Adriano scored"."""
    rest = [t for t in span if t.pos_ not in ("NUM", "DET", "ADP") and t.lower_ not in _VAGUE]
    rest = [t for t in rest if not t.like_num and t.lower_ not in ("dozen", "dozens")]
    kept = [t for t in rest if t.i >= _first_after_number(span)]
    if not kept:
        return None
    noun = kept[-1]
    words = [_phrase(kept, range(0))]
    right = [c for c in noun.rights if c.dep_.startswith(("acl", "nmod", "relcl"))]
    if right:
        words.append(_phrase(list(right[0].subtree), skip, limit=6))
    elif noun.dep_ in ("nsubj", "nsubj:pass") and noun.head.pos_ == "VERB":
        verb = noun.head
        objs = [c for c in verb.rights if c.dep_ in ("obj", "obl", "xcomp", "ccomp")]
        words.append(verb.text)
        if objs:
            words.append(_phrase(list(objs[0].subtree), skip, limit=5))
    elif noun.dep_ in ("obj", "dobj") and (subj := _subject(noun.head)) is not None:
        words.append(f"{_phrase(list(subj.subtree), skip)} {noun.head.text}")
    return "number of " + " ".join(w for w in words if w)


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)


_VAGUE = {"hundreds", "thousands", "millions", "billions", "tens", "scores", "of"}


def _first_after_number(tokens: object) -> int:
    last = -1
    for t in tokens:  # type: ignore[attr-defined]
        if t.like_num or t.pos_ == "NUM" or t.lower_ in _VAGUE or t.lower_ in ("dozen", "dozens"):
            last = t.i
    return last + 1
