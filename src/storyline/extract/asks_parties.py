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

from storyline.extract.asks_cues import AGENT_NOUNS, country_of_word
from storyline.extract.asks_grammar import (
    agentive,
    case_of,
    is_verb,
    joined_subjects,
    misattached,
    relative_head,
    solid,
    stray_object,
)
from storyline.extract.entities import Entity, entity_at
from storyline.extract.quotes import Quote
from storyline.extract.quotes_grammar import _subject as clause_subject
from storyline.extract.quotes_speakers import Speaker, SpeakerNamer

__all__ = ["Party", "PartyResolver"]

_TIMES = {"DATE", "TIME"}
# Words that are never a party, whatever the parse makes of them: a time ("Sunday",
# "the final day") or an amount ("$506 billion … go to roads": the sum, not the one asked).
_NO_PARTY_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}
_NO_PARTY_WORDS = {"day", "days", "week", "weekend", "month", "year", "morning", "afternoon"}
_NO_PARTY_WORDS |= {"evening", "night", "today", "yesterday", "tomorrow", "time", "moment"}
# Words that only point or count ("many, including Democratic leaders, have called …",
# "those who insist …", "one saying that …"): never the name of a party.
_POINTING = {"this", "these", "those", "many", "some", "one", "few", "several", "most"}
# A share of a group ("more than *half* of the caucus", "*many* of the members"): the
# group is the party.
_SHARES = {"half", "part", "third", "quarter", "majority", "minority", "dozens", "number"}
_SHARES |= {"many", "some", "most", "few", "several", "all", "both", "none", "one"}


def _group_of(tok: Any) -> Any | None:
    """The group a share is of: "half *of the caucus*" → "caucus"."""
    if tok.lemma_.lower() not in _SHARES and tok.lower_ not in _SHARES:
        return None
    return next(
        (
            c
            for c in tok.children
            if c.dep_ == "nmod" and case_of(c) == "of" and c.pos_ in ("NOUN", "PROPN")
        ),
        None,
    )


_FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
# Pronouns that never stand for their own clause's subject ("himself" would).
_OBJECT_PRONOUNS = {"him", "her", "them"}
_PRONOUN_KINDS = {
    **dict.fromkeys(["he", "him", "his", "she", "her"], ("PER",)),
    **dict.fromkeys(["it", "its"], ("ORG",)),
}
# Unnamed sources whose words are about some body: "people familiar with the union's plans".
_SOURCE_NOUNS = {"people", "person", "source", "insider"}
_PERSON_TITLES = {"president", "senator", "governor", "judge", "minister", "leader", "mayor"}
_PERSON_TITLES |= {"chairman", "chairwoman", "secretary", "spokesman", "spokeswoman", "candidate"}
_PERSON_TITLES |= {"nominee", "prosecutor", "congressman", "congresswoman", "ambassador", "chief"}
_LEADING = {"by", "from", "on", "to", "with", "for", "into", "of", "at", "against"}
_NP_DEPS = {"compound", "amod", "nmod:poss", "nmod", "flat", "appos", "det"}


@dataclass(frozen=True, slots=True)
class Party:
    """An actor or target: the name as resolved, its entity and the country it acts for."""

    name: str
    entity_id: str | None
    country: str | None
    start: int
    end: int


def _case(tok: Any) -> str | None:
    return next((c.lower_ for c in tok.children if c.dep_ == "case" and c.i < tok.i), None)


def _at(tok: Any) -> int:
    return int(tok.i)


def _name_beside(tok: Any) -> Any | None:
    """A name the parse hung beside a title as a second subject or object ("critiqued
    *the U.S. Representative* …, *Zalmay Khalilzad*", "*candidate* *Jill Stein*"): the
    name, as an apposition would be."""
    if tok.dep_ not in ("nsubj", "obj") or tok.head.i == tok.i:
        return None
    doc = tok.doc
    for c in tok.head.children:
        if c.dep_ != tok.dep_ or c.i <= tok.i or c.ent_type_ not in ("PER", "ORG"):
            continue
        between = doc[tok.right_edge.i + 1 : c.left_edge.i]
        if all(t.is_punct or t.is_space for t in between):
            return c
    return None


def _first_conjunct_subject(tok: Any) -> Any | None:
    """ "Vessen signed a deal and *it* has not paid": "it" opening the second of two
    joined clauses is the body that is the subject of the first."""
    verb = tok.head
    if not tok.dep_.startswith("nsubj") or verb.dep_ != "conj":
        return None
    first = next((c for c in verb.head.children if c.dep_.startswith("nsubj")), None)
    if first is None or first.pos_ == "PRON":
        return None
    return first if first.ent_type_ == "ORG" or first.lemma_.lower() in AGENT_NOUNS else None


_MODALS = {"can", "could", "may", "might", "will", "would", "should", "must", "'ll"}


def _misjoined(cue: Any) -> Any | None:
    """ "Yellen warned Pelosi that a default *can have* drastic consequences and *urged*
    …", "Raisi backed talks to *end* the war but *rejected* meeting Biden": a past tense
    the parse joined to a verb of another tense (a modal's or an infinitive's bare verb,
    a present in a reported or relative clause) goes with the past tense above it."""
    head = cue.head
    if (
        cue.dep_ != "conj"
        or cue.tag_ != "VBD"
        or head.tag_ not in ("VB", "VBP", "VBZ")
        or any(c.dep_.startswith("nsubj") for c in cue.children)
    ):
        return None
    bare = head.tag_ == "VB" and any(
        (c.dep_ == "aux" and c.lower_ in _MODALS) or (c.dep_ == "mark" and c.lower_ == "to")
        for c in head.children
    )
    if not bare and head.dep_ not in ("ccomp", "relcl", "acl:relcl"):
        return None
    return next((v for v in head.ancestors if v.tag_ in ("VBD", "VBN") and is_verb(v)), None)


def _bound_subjects(tok: Any) -> list[Any]:
    """The subjects an object pronoun cannot stand for: "Cole asked *him*": Cole (all of
    them, when the parse split one subject in two: "the senator Ann Cole")."""
    if tok.lower_ not in _OBJECT_PRONOUNS or tok.dep_ not in ("obj", "iobj", "obl"):
        return []
    return [c for c in tok.head.children if c.dep_ == "nsubj" and c.i != tok.i]


class PartyResolver:
    """Resolve parse tokens to parties of one article."""

    def __init__(self, doc: Any, entities: tuple[Entity, ...], quotes: tuple[Quote, ...]) -> None:
        self.doc = doc
        self.entities = entities
        self.quotes = quotes
        self._speakers = SpeakerNamer(doc, entities)
        self._countries: dict[str, str | None] = {}

    def subject(self, cue: Any) -> Any | None:
        """The cue's subject (through conjoined and governing verbs), or a passive's agent."""
        owner = self._owner(cue)
        if owner is not None:
            return owner
        teller = _misjoined(cue)
        if teller is not None:
            return self.subject(teller)
        first = cue
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first is not cue and misattached(first):
            # "President-elect Raisi on Monday backed talks … but rejected meeting Biden"
            # with "backed" hung on the name: the name is the subject of both
            return first.head
        joined = joined_subjects(cue)
        if joined is not None:
            return joined[0]  # "Biden and Putin will meet" read as two subjects
        if stray_object(cue) is not None:
            # "One email … urged Jeffrey Rosen to …": the subject before the verb
            return max((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), key=_at)
        subj = clause_subject(cue)
        if subj is not None:
            return subj
        blank = next((c for c in cue.children if c.dep_ == "nsubj" and not c.text.strip()), None)
        named = [c for c in blank.children if c.text.strip()] if blank is not None else []
        if named:
            return named[-1]  # "President\xa0Joe Biden will meet …" parsed around the space
        for c in cue.children:
            if c.dep_ == "obl:agent" or (
                c.dep_ == "obl" and any(x.lower_ == "by" for x in c.children if x.dep_ == "case")
            ):
                return c
        if cue.dep_ == "acl" and cue.head.pos_ in ("PROPN", "NOUN"):
            noun = cue.head
            if not agentive(noun) and is_verb(noun.head):
                # "[lawyers] filed legal papers opposing the unsealing": who filed them
                filer = clause_subject(noun.head)
                if filer is not None:
                    return filer
            return noun  # "Trump's allies, pressuring officials to …"
        # The parse lost the link: a party right before the cue ("one day after the
        # Senate passed …"), else the last subject before the cue in its sentence.
        prev = cue.i - 1
        while prev > cue.sent.start and self.doc[prev].dep_ in ("advmod", "aux"):
            prev -= 1
        left = self.doc[prev]
        if (
            prev < cue.i
            and left.pos_ in ("PROPN", "NOUN")
            and left.ent_type_ in ("ORG", "PER", "NORP")
            and left.dep_ not in ("obj", "iobj", "compound")
            and left.head.i != cue.i
        ):
            return left
        before = [
            t
            for t in cue.sent
            if t.i < cue.i
            and t.dep_ in ("nsubj", "nsubj:outer")
            and t.ent_type_ not in _TIMES
            and t.text.strip()
        ]
        if before:
            return before[-1]
        return self._cut_subject(cue)

    def _owner(self, cue: Any) -> Any | None:
        """The owner of a gerund used as a noun: "the Court's 5-4 *ruling* to allow …"."""
        if cue.tag_ != "VBG" or any(c.dep_.startswith("nsubj") for c in cue.children):
            return None
        i = cue.i - 1
        while (
            i > cue.sent.start
            and cue.i - i <= 3
            and (
                self.doc[i].pos_ in ("NUM", "ADJ", "ADV")
                or any(ch.isdigit() for ch in self.doc[i].text)
            )
        ):
            i -= 1  # "overnight", "5-4"
        tok = self.doc[i]
        if tok.lower_ in ("’s", "'s") and tok.dep_ == "case" and tok.head.i == i - 1:
            return tok.head if agentive(tok.head) else None
        return None

    def _cut_subject(self, cue: Any) -> Any | None:
        """The subject of a sentence the splitter cut short (at a no-break space): the
        last subject of the piece before, when that piece has no closing stop."""
        start = cue.sent.start
        if start == 0 or cue.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
            return None  # an infinitive or a gerund has its own subject, or none
        prev = self.doc[start - 1].sent
        last = next((t for t in reversed(prev) if not t.is_space), None)
        if last is None or last.text in (".", "!", "?", '"', "”", "...", "…", ":"):
            return None
        before = [t for t in prev if t.dep_ == "nsubj" and t.text.strip() and agentive(t)]
        return before[-1] if before else None

    def stands_for_party(self, tok: Any) -> bool:
        """Whether a token can name a party at all: not a time or a sum ("G-7 nations
        called on *Sunday* for …", "proposing that *$*506 billion go to roads"), not a
        word that only points or counts ("*many* have called for …")."""
        tok = solid(tok)
        if tok.lower_ in ("who", "that") and tok.head.dep_ in ("relcl", "acl:relcl"):
            tok = relative_head(tok.head)  # "*those* who insist …"
        if _group_of(tok) is not None:
            return True  # "more than half of the caucus": the caucus
        return not (
            tok.ent_type_ in _NO_PARTY_ENTS
            or tok.tag_ == "$"
            or tok.pos_ == "SYM"
            or tok.lemma_.lower() in _NO_PARTY_WORDS
            or (tok.lower_ in _POINTING and tok.pos_ in ("PRON", "DET", "NUM", "ADJ"))
        )

    def from_speaker(self, speaker: Speaker) -> Party:
        """A quote's speaker as a party."""
        country = self._entity_country(speaker.entity_id) if speaker.entity_id else None
        return Party(speaker.name, speaker.entity_id, country, speaker.start, speaker.end)

    def party(self, tok: Any) -> Party:
        """The party a token stands for."""
        tok = solid(tok)  # a no-break space the parse made a head: the name on it
        if tok.lower_ in ("who", "which", "that") and tok.head.dep_ in ("relcl", "acl:relcl"):
            tok = self._antecedent(tok)
        appos = next(
            (c for c in tok.children if c.dep_ == "appos" and c.ent_type_ in ("PER", "ORG")),
            None,
        )
        appos = appos if appos is not None else _name_beside(tok)
        if appos is not None and tok.pos_ in ("NOUN", "ADJ", "PROPN") and not tok.ent_type_:
            tok = appos  # "Clinton's opponent, Donald Trump, …": the name in apposition
        owner = self._whose(tok)
        if owner is not None:
            return owner
        if tok.lower_ in ("you", "your"):
            addressee = self._addressee(tok)
            if addressee is not None:
                return addressee
        if tok.lower_ in _FIRST_PERSON:
            quote = next((q for q in self.quotes if q.start <= tok.idx < q.end), None)
            if quote is not None and quote.speaker is not None:
                sp = quote.speaker
                country = self._entity_country(sp.entity_id) if sp.entity_id else None
                return Party(sp.name, sp.entity_id, country, tok.idx, tok.idx + len(tok))
        speaker: Speaker | None = self._speakers.speaker(tok)
        if (
            speaker is not None
            and speaker.entity_id is not None
            and self._own_subject(tok, speaker)
        ):
            # "Cole asked him to resign": an object pronoun is never its own clause's
            # subject (that would be "himself"): the person named before, else left open
            found = self._pronoun(tok)
            return found or Party(tok.text, None, None, tok.idx, tok.idx + len(tok))
        if tok.pos_ == "PRON" and (speaker is None or speaker.entity_id is None):
            found = self._pronoun(tok)
            if found is not None:
                return found
        if speaker is None or (speaker.entity_id is None and tok.pos_ != "PRON"):
            return self._phrase(tok)
        country = self._np_country(tok)
        if speaker.entity_id is not None:
            country = country or self._entity_country(speaker.entity_id)
        return Party(speaker.name, speaker.entity_id, country, speaker.start, speaker.end)

    def _own_subject(self, tok: Any, speaker: Speaker) -> bool:
        """Whether an object pronoun ("him", "her", "them") was resolved to the subject
        of its own verb."""
        return speaker.entity_id in self._bound_ids(tok)

    def _bound_ids(self, tok: Any) -> set[str]:
        """The entities of the subjects an object pronoun cannot stand for."""
        named = (self._speakers.speaker(s) for s in _bound_subjects(tok))
        return {n.entity_id for n in named if n is not None and n.entity_id is not None}

    def _whose(self, tok: Any) -> Party | None:
        """ "President Kovar, *whose government* seeks …": the one the relative clause
        tells of, under the span of the phrase."""
        clause = tok.head
        if clause.dep_ not in ("relcl", "acl:relcl") or not any(
            c.dep_ == "nmod:poss" and c.lower_ == "whose" for c in tok.children
        ):
            return None
        owner = relative_head(clause)
        if owner.i == tok.i or not agentive(owner):
            return None
        named = self.party(owner)
        return Party(
            named.name, named.entity_id, named.country, tok.left_edge.idx, tok.idx + len(tok)
        )

    def _addressee(self, tok: Any) -> Party | None:
        """ "you" in a quote is the one the speaker tells ("Warren told Stumpf: 'You
        should resign'"); the span stays the pronoun's own."""
        quote = next((q for q in self.quotes if q.start <= tok.idx < q.end), None)
        if quote is None or quote.cue_start is None:
            return None
        cue = self.doc.char_span(quote.cue_start, quote.cue_end, alignment_mode="expand")
        if cue is None or not len(cue):
            return None
        told = next(
            (
                c
                for c in cue.root.children
                if (c.dep_ in ("obj", "iobj") or (c.dep_ == "obl" and _case(c) == "to"))
                and c.pos_ in ("PROPN", "NOUN")
                and not (quote.start <= c.idx < quote.end)
            ),
            None,
        )
        if told is None:
            return None
        named = self.party(told)
        return Party(named.name, named.entity_id, named.country, tok.idx, tok.idx + len(tok))

    def _pronoun(self, tok: Any) -> Party | None:
        """A third-person pronoun the entities left unresolved.

        The subject of what a speaker says is the speaker ("the Clinton camp announced
        that *it* was inviting …"); else the nearest named person ("he", "his") or body
        ("it", "its") before it. The span stays the pronoun's own.
        """
        kinds = _PRONOUN_KINDS.get(tok.lower_)
        if kinds is None:
            return None
        clause = tok.head
        body = (
            (self._source_body(tok) or _first_conjunct_subject(tok)) if "PER" not in kinds else None
        )
        if body is not None:
            named = self.party(body)
            return Party(named.name, named.entity_id, named.country, tok.idx, tok.idx + len(tok))
        if tok.dep_.startswith("nsubj") and clause.dep_ == "ccomp":
            said_by = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
            if said_by is None and clause.head.dep_ == "xcomp":
                # "the U.S. is set to announce that it will reopen …": who announces
                said_by = next(
                    (c for c in clause.head.head.children if c.dep_.startswith("nsubj")), None
                )
            paper = clause.head.head
            if said_by is None and clause.head.dep_ == "acl" and paper.dep_ == "obj":
                # "the party released a statement confirming it will …": who released it
                said_by = next((c for c in paper.head.children if c.dep_ == "nsubj"), None)
            if said_by is not None and said_by.pos_ != "PRON" and said_by.ent_type_ != "DATE":
                named = self.party(said_by)
                return Party(
                    named.name, named.entity_id, named.country, tok.idx, tok.idx + len(tok)
                )
        if "PER" not in kinds:
            return None  # "it" has too many candidates to take the nearest
        mine = {t.i for s in _bound_subjects(tok) for t in s.subtree}
        for t in reversed(self.doc[tok.sent.start : tok.i]):
            # "tore into the president for breaking his pledge": the president
            if (
                t.i not in mine
                and t.dep_ not in ("flat", "compound")
                and (
                    (t.ent_type_ == "PER" and t.pos_ == "PROPN")
                    or (t.pos_ == "NOUN" and t.lemma_.lower() in _PERSON_TITLES)
                )
            ):
                return self.party(t)
        bound = self._bound_ids(tok)
        for t in reversed(self.doc[max(0, tok.i - 120) : tok.i]):
            if t.ent_type_ in kinds and t.pos_ == "PROPN":
                ent = entity_at(self.entities, t.idx, t.idx + len(t))
                if ent is not None and ent.type in kinds and ent.id not in bound:
                    country = self._entity_country(ent.id)
                    return Party(ent.name, ent.id, country, tok.idx, tok.idx + len(tok))
        return None

    def _source_body(self, tok: Any) -> Any | None:
        """ "People familiar with the union's plans said *it* wants …": the body an unnamed
        source speaks about is what "it" stands for."""
        clause = tok.head
        if not tok.dep_.startswith("nsubj") or clause.dep_ != "ccomp":
            return None
        source = next((c for c in clause.head.children if c.dep_ in ("nsubj", "csubj")), None)
        if source is None:
            return None
        nouns = [source, *(c for c in source.children if c.dep_ == "nsubj")]
        if not any(n.lemma_.lower() in _SOURCE_NOUNS for n in nouns):
            return None
        return next(
            (
                t
                for t in source.subtree
                if t.i < clause.i
                and t.dep_ in ("nmod:poss", "nmod", "obl")
                and (t.ent_type_ == "ORG" or t.lemma_.lower() in AGENT_NOUNS)
            ),
            None,
        )

    def _antecedent(self, pronoun: Any) -> Any:
        """What a relative pronoun stands for. "who" names a person or body: when the
        parse hangs the clause on some other noun ("the leadership of Donald Trump, who
        …"), the nearest named person or body before the pronoun is taken."""
        noun = relative_head(pronoun.head)  # "the first state in the country that …"
        if any(c.dep_ == "cop" for c in noun.children):
            # "California is the first state that will require …": California
            named = next((c for c in noun.children if c.dep_ == "nsubj"), None)
            if named is not None:
                return named
        if (
            pronoun.lower_ != "who"
            or noun.ent_type_ in ("PER", "ORG", "NORP")
            or noun.lemma_.lower() in AGENT_NOUNS
        ):
            return noun
        for t in reversed(self.doc[pronoun.sent.start : pronoun.i]):
            if t.ent_type_ in ("PER", "ORG") and t.dep_ not in ("flat", "compound"):
                return t
        return noun

    def _phrase(self, tok: Any) -> Party:
        """An unnamed party: the noun phrase up to its head ("Orlesia's press union")."""
        if tok.lower_ in ("who", "which", "that") and tok.head.dep_ in ("relcl", "acl:relcl"):
            tok = self._antecedent(tok)
        group = _group_of(tok)
        if group is not None:
            # "More than half of the caucus will vote against …": the caucus, in the
            # span of the whole phrase
            named = self.party(group)
            start = min(t.idx for t in tok.subtree if not t.is_punct)
            return Party(named.name, named.entity_id, named.country, start, named.end)
        left = [t for t in tok.subtree if t.i <= tok.i and not t.is_punct]
        left = [t for t in left if t.i >= tok.i - 8] or [tok]
        start, end = left[0].idx, tok.idx + len(tok)
        text = self.doc.text[start:end]
        while len(left) > 1 and (left[0].dep_ in ("case", "cc") or left[0].lower_ in _LEADING):
            left = left[1:]  # "into the president", "for the minister": the party alone
            start, text = left[0].idx, self.doc.text[left[0].idx : end]
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
