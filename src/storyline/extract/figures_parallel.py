"""Figures that measure the same thing as a figure before them, and where they hold.

A news sentence often states one measure for several places or groups, or sets
one figure against another: "jobless rates were 12.1% in Germany, 10.4% in
Spain and 9.7% in France"; "the rate rose to 4.7%, compared with 12.1% in
Germany". The parse rarely hangs the later figures off the verb that says what
they measure, so :func:`parallel_abouts` gives a figure that is listed after,
or compared with, an earlier one of the same kind in its sentence that figure's
"about", with its own place ("in Germany") in place of the earlier one's. A
bracketed conversion ("£1bn ($1.9bn; €1.4bn)") measures what the amount it
restates measures.

A figure with its own "of" complement ("30% of men") keeps what it measures.

A share with no group of its own is of the group named elsewhere in its sentence:
an earlier share's ("49% of voters disapproved, while 44% approved",
:func:`group_before`) or the noun before ", of which" (:func:`of_which`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyline.extract.figures_change import case_of
from storyline.extract.figures_np import compact_np, noun_phrase
from storyline.extract.figures_units import TIME_NOUNS

__all__ = ["Measured", "group_before", "of_which", "parallel_abouts"]

# what may stand between two figures of a list: "12.1% in Germany, 10.4%", "… and 9.7%"
_LISTED = re.compile(r"^\s*(?:,\s*(?:and|or|while|but)?|and|or|;)\s*$", re.IGNORECASE)
# what sets a figure against one before it, however far: "compared with 12.1%"
_COMPARED = re.compile(
    r"(?:compared\s+(?:with|to)|against|versus|vs\.?|than)\s*$",
    re.IGNORECASE,
)


# between an amount and its conversion: "£1bn ($1.9bn)", "400m pesos ($136m; £72.3m)"
_CONVERSION = re.compile(r"^\s*[(;]\s*$")


@dataclass(frozen=True, slots=True)
class Measured:
    """A figure's span, its kind of unit and what it measures, as found on its own."""

    start: int
    end: int
    unit: str
    about: str | None


def _kind(unit: str) -> str:
    """Figures are parallel only when they measure alike: money with money, % with %."""
    if unit[:3].isupper() and unit[:3].isalpha():
        return "money"
    return unit


def _place(doc: Doc, end: int) -> tuple[int, str] | None:
    """ "12.1% in Germany": the place right after the figure, and where its phrase ends."""
    span = doc.char_span(end, len(doc.text), alignment_mode="expand")
    if span is None or len(span) < 2 or span[0].lower_ != "in":
        return None
    first = span[1]
    if first.ent_type_ not in ("GPE", "LOC"):
        return None
    last = first
    while last.i + 1 < len(doc) and doc[last.i + 1].ent_iob_ == "I":
        last = doc[last.i + 1]
    return last.idx + len(last.text), doc[first.i : last.i + 1].text


def _sentence(doc: Doc, start: int) -> tuple[int, int]:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return start, start
    return span.sent.start_char, span.sent.end_char


def parallel_abouts(doc: Doc, figures: Sequence[Measured]) -> list[str | None]:
    """The "about" of each figure, a listed or compared figure taking that of the one
    it follows (with its own place).

    >>> from storyline.nlp.pipeline import load_nlp
    >>> doc = load_nlp()("Jobless rates were 12.1% in Germany and 10.4% in Spain.")
    >>> a = Measured(19, 24, "percent", "jobless rates")
    >>> b = Measured(40, 45, "percent", None)
    >>> parallel_abouts(doc, [a, b])
    ['jobless rates in Germany', 'jobless rates in Spain']
    """
    text = doc.text
    places = [_place(doc, f.end) for f in figures]
    out: list[str | None] = []
    for k, fig in enumerate(figures):
        about = fig.about
        place = places[k]
        lo, _ = _sentence(doc, fig.start)
        own_of = re.match(r"\s+of\s", text[fig.end : fig.end + 5]) is not None
        before = [
            j
            for j in range(k)
            if figures[j].start >= lo and _kind(figures[j].unit) == _kind(fig.unit)
        ]
        source = None
        if before and _converts(text[figures[before[-1]].end : fig.start], fig):
            source = before[-1]  # "£1bn ($1.9bn)", "(1.53bn euros; £1.05bn)": a conversion
        elif before and not own_of:
            j = before[-1]
            earlier = places[j]
            gap_start = earlier[0] if earlier is not None else figures[j].end
            if _LISTED.match(text[gap_start : fig.start]) or _COMPARED.search(text[lo : fig.start]):
                source = j
        if source is None and before and about is None and figures[before[-1]].unit == fig.unit:
            # "five million lives saved by 2015 and five million thereafter": a figure
            # with nothing of its own to say measures what the one before it measures
            source = before[-1]
        if source is not None and out[source]:
            about = _strip_place(out[source] or "", places[source])
            if place is not None:
                # "the rate in Germany is 12%, against 9% in France": not Germany's
                about = _strip_places(doc, about, lo, fig.start)
        if about and place and place[1].lower() not in about.lower():
            about = f"{about} in {place[1]}"
        out.append(about)
    return out


def _converts(gap: str, fig: Measured) -> bool:
    """The figure restates the money before it in brackets: "(" or ";" between them."""
    return bool(_CONVERSION.match(gap)) and _kind(fig.unit) == "money"


def _strip_places(doc: Doc, about: str, lo: int, hi: int) -> str:
    """``about`` without "in <place>" for the places named in ``[lo, hi)``."""
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC") and lo <= ent.start_char < hi:
            about = re.sub(rf"\s+in\s+{re.escape(ent.text)}\b", "", about)
    return about


def _strip_place(about: str, place: tuple[int, str] | None) -> str:
    if place is not None and about.endswith(f" in {place[1]}"):
        return about[: -len(f" in {place[1]}")]
    return about


def group_before(span: Span) -> str | None:
    """The group an earlier share in the sentence is of, when this share has none: "49%
    of voters disapproved, while 44% approved" → "voters" for the 44%. A share with
    its own "of", or with a noun right after it, is of its own group."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (after.lower_ == "of" or after.pos_ in ("NOUN", "PROPN")):
        return None
    for tok in reversed(doc[span.sent.start : span.start]):
        if tok.text not in ("%", "percent") or tok.i + 2 >= span.start:
            continue
        nxt = doc[tok.i + 1]
        if nxt.lower_ != "of" or nxt.head.i <= nxt.i:
            continue
        group = nxt.head
        if group.pos_ in ("NOUN", "PROPN") and group.i < span.start:
            return noun_phrase(group, range(0), det=True)
    return None


def of_which(root: Token, skip: range) -> str | None:
    """ "terminations, of which fewer than 1% were carried out late": the share is of the
    noun the relative clause hangs on."""
    verb = root.head
    if not root.dep_.startswith("nsubj"):
        return None
    rel = [c for c in verb.children if c.lower_ in ("which", "whom") and case_of(c) == "of"]
    if not rel:
        return None
    if verb.dep_ == "acl:relcl" and verb.head.pos_ == "NOUN":
        return compact_np(verb.head, skip)  # "terminations …, of which fewer than 1% were"
    # the noun right before ", of which" (past a time: "cases last year, of which"),
    # however the parse hangs the clause
    doc = rel[0].doc
    i = rel[0].i - 2
    while i >= 0 and (doc[i].is_punct or doc[i].lemma_.lower() in TIME_NOUNS):
        i = doc[i].left_edge.i - 1 if doc[i].lemma_.lower() in TIME_NOUNS else i - 1
    noun = doc[i] if i >= 0 else None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.idx in skip:
        return None
    return compact_np(noun, skip)
