"""The noun a figure is a modifier or complement of, by the parse or, where it fails,
by word order, for :mod:`storyline.extract.figures_about`:

- :func:`modified_noun`: "a $1.2 trillion bill", "the $399 Zephyr";
- :func:`noun_before_of`: "a growth rate of 8%";
- :func:`noun_after_conversion`: "a $550,000 (£293,264) fine".
"""

from __future__ import annotations

from spacy.tokens import Token

from storyline.extract.figures_change import is_change
from storyline.extract.figures_units import SCALES, TIME_NOUNS

__all__ = ["modified_noun", "noun_after_conversion", "noun_before_of"]


def modified_noun(root: Token, end: int) -> Token | None:
    """The noun the figure is a modifier of: "a $1.2 trillion bill", "the $399 Zephyr"."""
    head = root.head
    if head.i > root.i and head.pos_ in ("NOUN", "PROPN") and head.idx >= end:
        between = root.doc[root.i + 1 : head.i]
        timely = head.lemma_.lower() in TIME_NOUNS or head.lower_ in TIME_NOUNS
        # "$2bn (1.53bn euros; £1.05bn) settlement": a conversion's currency is no thing
        bracketed = any(t.text == "(" for t in between)
        if (
            not timely
            and not bracketed
            and not any(t.pos_ == "ADP" or t.dep_ == "case" for t in between)
        ):
            while head.dep_ == "compound" and head.head.i > head.i:
                head = head.head  # "a 40-mile rail link": the figure hangs on "rail"
            return head
    for child in root.rights:
        # "the $499 Macintosh, sold for £339": a name right after the amount, as apposition
        named = child.dep_ == "appos" and not any(t.is_punct for t in root.doc[root.i : child.i])
        if (
            (child.dep_ in ("flat", "amod", "compound") or named)
            and child.idx >= end
            and child.is_alpha
            and child.pos_ not in ("ADV", "ADP", "PART", "AUX")  # not "30bn yen, up 3%"
        ):
            if child.tag_ in ("JJR", "RBR"):
                continue  # "45 points lower": a comparison is no thing measured
            return child
    return None


def noun_before_of(first: Token) -> Token | None:
    """ "a growth rate of 8%": the noun right before "of" and the figure, by word order."""
    doc = first.doc
    i = first.i - 1
    if i < 1 or doc[i].lower_ != "of" or doc[i - 1].pos_ != "NOUN":
        return None
    noun = doc[i - 1]
    if noun.lemma_.lower() in TIME_NOUNS or is_change(noun):
        return None
    return noun


def noun_after_conversion(first: Token, end: int) -> Token | None:
    """ "a $550,000 (£293,264) fine": an article before the amount, the noun after its
    bracketed conversion (for either amount)."""
    doc = first.doc
    i = first.i - 1
    if i >= 0 and doc[i].text == "(":  # the conversion itself: back over the amount it restates
        i -= 1
        while i >= 0 and (
            doc[i].pos_ in ("NUM", "SYM")
            or doc[i].text[:1].isdigit()
            or doc[i].lower_.rstrip(".") in SCALES
        ):
            i -= 1
    while i >= 0 and doc[i].pos_ in ("ADV", "ADJ") and doc[i].is_alpha:
        i -= 1  # "a maximum $3m (£1.6m) fine"
    if i < 0 or doc[i].lower_ not in ("a", "an", "the"):
        return None
    j = next((t.i for t in doc[first.i :] if t.idx >= end), len(doc))
    if j < len(doc) and doc[j].text in ("(", ";"):  # "(1.53bn euros; £1.05bn)"
        j = next((t.i for t in doc[j:] if t.text == ")"), len(doc))
    if j >= len(doc) or doc[j].text != ")" or j + 1 >= len(doc):
        return None
    noun = doc[j + 1]
    closes = noun.i + 1 >= len(doc) or doc[noun.i + 1].is_punct or doc[noun.i + 1].pos_ == "ADP"
    if not (noun.tag_.startswith("NN") or (noun.pos_ == "ADJ" and closes)):
        return None  # an adjective ends the phrase only as its noun: "a $5m (£3m) fine."
    while noun.i + 1 < len(doc) and doc[noun.i + 1].tag_ in ("NN", "NNS"):
        noun = doc[noun.i + 1]  # "a $5m (£3m) transfer fee"
    return noun
