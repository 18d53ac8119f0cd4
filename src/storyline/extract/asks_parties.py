"""Actors and targets of asks: a token of the parse resolved to a named party and its country.

A party is found as a quote's speaker is (:mod:`storyline.extract.quotes`):
the cue verb's subject, a pronoun going to its entity and "I"/"we" inside a
quotation to the quote's speaker. Its country is what the text says it acts
for: a country, capital or demonym in the party's own noun phrase ("the
*Turkish* government"), in any mention of its entity ("*U.S.* Secretary of
State Antony Blinken" gives "Blinken" the United States), or the place itself.

>>> from storyline.nlp.pipeline import load_nlp
>>> from storyline.extract.entities import group_entities
>>> doc = load_nlp()("The Turkish government objected.")
>>> r = PartyResolver(doc, group_entities(doc), ())
>>> r.party(r.subject(doc[3])).country
'Turkey'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storyline.extract.asks_cues import country_of_word
from storyline.extract.entities import Entity, entity_at
from storyline.extract.quotes import Quote, Speaker, _Extractor, _subject

__all__ = ["Party", "PartyResolver"]

_TIMES = {"DATE", "TIME"}
_FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
_NP_DEPS = {"compound", "amod", "nmod:poss", "nmod", "flat", "appos", "det"}


@dataclass(frozen=True, slots=True)
class Party:
    """An actor or target: the name as resolved, its entity and the country it acts for."""

    name: str
    entity_id: str | None
    country: str | None
    start: int
    end: int


class PartyResolver:
    """Resolve parse tokens to parties of one article."""

    def __init__(self, doc: Any, entities: tuple[Entity, ...], quotes: tuple[Quote, ...]) -> None:
        self.doc = doc
        self.entities = entities
        self.quotes = quotes
        self._speakers = _Extractor(doc, entities)
        self._countries: dict[str, str | None] = {}

    def subject(self, cue: Any) -> Any | None:
        """The cue's subject (through conjoined and governing verbs), or a passive's agent."""
        subj = _subject(cue)
        if subj is not None:
            return subj
        for c in cue.children:
            if c.dep_ == "obl:agent" or (
                c.dep_ == "obl" and any(x.lower_ == "by" for x in c.children if x.dep_ == "case")
            ):
                return c
        if cue.dep_ == "acl" and cue.head.pos_ in ("PROPN", "NOUN"):
            return cue.head  # "Trump's allies, pressuring officials to …"
        # The parse lost the link: the last subject before the cue in its sentence.
        before = [
            t
            for t in cue.sent
            if t.i < cue.i and t.dep_ in ("nsubj", "nsubj:outer") and t.ent_type_ not in _TIMES
        ]
        return before[-1] if before else None

    def from_speaker(self, speaker: Speaker) -> Party:
        """A quote's speaker as a party."""
        country = self._entity_country(speaker.entity_id) if speaker.entity_id else None
        return Party(speaker.name, speaker.entity_id, country, speaker.start, speaker.end)

    def party(self, tok: Any) -> Party:
        """The party a token stands for."""
        if tok.lower_ in ("who", "which", "that") and tok.head.dep_ in ("relcl", "acl:relcl"):
            tok = tok.head.head  # the relative pronoun's antecedent
        if tok.lower_ in _FIRST_PERSON:
            quote = next((q for q in self.quotes if q.start <= tok.idx < q.end), None)
            if quote is not None and quote.speaker is not None:
                sp = quote.speaker
                country = self._entity_country(sp.entity_id) if sp.entity_id else None
                return Party(sp.name, sp.entity_id, country, tok.idx, tok.idx + len(tok))
        speaker: Speaker | None = self._speakers.speaker(tok)
        if speaker is None or (speaker.entity_id is None and tok.pos_ != "PRON"):
            return self._phrase(tok)
        country = self._np_country(tok)
        if speaker.entity_id is not None:
            country = country or self._entity_country(speaker.entity_id)
        return Party(speaker.name, speaker.entity_id, country, speaker.start, speaker.end)

    def _phrase(self, tok: Any) -> Party:
        """An unnamed party: the noun phrase up to its head ("Orlesia's press union")."""
        if tok.lower_ in ("who", "which", "that") and tok.head.dep_ in ("relcl", "acl:relcl"):
            tok = tok.head.head
        left = [t for t in tok.subtree if t.i <= tok.i and not t.is_punct]
        left = [t for t in left if t.i >= tok.i - 8] or [tok]
        start, end = left[0].idx, tok.idx + len(tok)
        text = self.doc.text[start:end]
        if left[0].lower_ in ("by", "from", "on", "to", "with"):
            start, text = left[1].idx, self.doc.text[left[1].idx : end] if len(left) > 1 else text
        ent = entity_at(self.entities, tok.idx, tok.idx + len(tok))
        if ent is not None and ent.type in ("ORG", "LOC", "NORP", "PER", "MISC"):
            text_name, ent_id = ent.name, ent.id
        else:
            text_name, ent_id = text, None
        country = self._np_country(tok) or (self._entity_country(ent_id) if ent_id else None)
        return Party(text_name, ent_id, country, start, end)

    def _np_country(self, head: Any) -> str | None:
        """A country named in the noun phrase a token heads (not in its clauses)."""
        own = country_of_word(head.text)
        if own is None and head.ent_type_ == "LOC" and head.pos_ == "PROPN":
            ent = entity_at(self.entities, head.idx, head.idx + len(head))
            own = country_of_word(ent.name) if ent is not None else None
            own = own or (ent.name if ent is not None and ent.type == "LOC" else None)
        if own is not None:
            return own
        stack = [c for c in head.children if c.dep_ in _NP_DEPS]
        while stack:
            tok = stack.pop()
            found = country_of_word(tok.text)
            if found is None and tok.ent_type_ == "LOC":
                ent = entity_at(self.entities, tok.idx, tok.idx + len(tok))
                found = ent.name if ent is not None and ent.type == "LOC" else None
            if found is not None:
                return found
            stack.extend(c for c in tok.children if c.dep_ in _NP_DEPS)
        return None

    def _entity_country(self, entity_id: str) -> str | None:
        if entity_id in self._countries:
            return self._countries[entity_id]
        ent = next((e for e in self.entities if e.id == entity_id), None)
        found: str | None = None
        if ent is not None:
            found = country_of_word(ent.name)
            if found is None and ent.type == "LOC":
                found = ent.name
            for role in ent.roles:
                found = found or next(
                    (c for c in map(country_of_word, role.split()) if c is not None), None
                )
            for m in ent.mentions:
                if found is not None:
                    break
                if m.kind != "name":
                    continue
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and len(span):
                    found = self._np_country(span.root)
                    # a title in front of the name: "U.S. Secretary of State Antony Blinken"
                    for t in self.doc[max(span.start - 6, span.sent.start) : span.start]:
                        if found is None and (
                            t.head.i in range(span.start, span.end) or t.head.i < span.start
                        ):
                            found = country_of_word(t.text)
        self._countries[entity_id] = found
        return found
