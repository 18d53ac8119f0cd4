"""What a length measures when it says how far or how big something is, not the
length of a noun it modifies ("a 40-mile pipeline", read in
:mod:`storyline.extract.figures_about`):

- a place it is measured from: "5km from the border" → "distance from the border",
  "40 miles south of the city" → "distance south of the city";
- a length after "from", where something was done from: "curled his shot wide from
  25 yards" → "distance from which his shot was curled";
- a dimension after it: "the runway is 3km long" → "length of the new runway".

Without these the phrase is the clause around the length ("village lies", "wide"),
which does not say that a distance is measured.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from storyline.extract.figures_about_count import past_participle
from storyline.extract.figures_np import compact_np, noun_phrase, subject

__all__ = ["distance_phrase"]

# "3km long", "a wall 4m high": the adjective names the dimension
_DIMENSIONS = {
    "long": "length", "high": "height", "tall": "height", "wide": "width", "deep": "depth",
    "thick": "thickness",
}  # fmt: skip
# words between a length and the place it is measured from: "40 miles south of"
_WAYS = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west", "away", "off", "out", "short",
    "inland", "offshore", "upstream", "downstream", "outside",
}  # fmt: skip


def distance_phrase(span: Span, skip: range) -> str | None:
    """What the length ``span`` measures, when the words around it say it is a distance
    or a dimension; else None.

    "The village lies 5km from the border." → "distance from the border"
    """
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in _DIMENSIONS:
        owner = subject(after) or subject(after.head)
        if owner is not None and owner.pos_ in ("NOUN", "PROPN") and owner.idx not in skip:
            return f"{_DIMENSIONS[after.lower_]} of {noun_phrase(owner, skip, det=False)}"
    j = span.end
    while j < len(doc) and doc[j].lower_ in _WAYS:
        j += 1
    ways = [t.lower_ for t in doc[span.end : j]]
    word = doc[j] if j < len(doc) else None
    if word is not None and (word.lower_ == "from" or (ways and word.lower_ == "of")):
        place = word.head
        if place.i > word.i and place.pos_ in ("NOUN", "PROPN") and place.idx not in skip:
            return " ".join(["distance", *ways, word.lower_, noun_phrase(place, skip)])
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ == "from":
        return _done_from(span.root, skip)
    return None


def _done_from(root: Token, skip: range) -> str | None:
    """ "curled his shot wide from 25 yards" → "distance from which his shot was curled";
    with no object, "scored from 20 yards" → "distance from which Smith scored"."""
    verb = root.head
    for _ in range(3):
        if verb.pos_ == "VERB" or verb.head.i == verb.i:
            break
        verb = verb.head  # "past the keeper from 12 yards", "wide from 25 yards"
    if verb.pos_ != "VERB" or not verb.lemma_.isalpha():
        return None
    obj = next((c for c in verb.children if c.dep_ in ("obj", "dobj")), None)
    if obj is not None and obj.idx not in skip:
        done = past_participle(verb.lemma_.lower())
        return f"distance from which {noun_phrase(obj, skip)} was {done}"
    who = subject(verb, control=False)
    if who is not None and who.pos_ in ("NOUN", "PROPN") and who.idx not in skip:
        return f"distance from which {compact_np(who, skip)} {verb.text}"
    return None
