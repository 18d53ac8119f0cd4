"""The article's entities: name mentions, pronouns and definite descriptions grouped.

One :class:`Entity` per real thing in one article, built from the parse's named
entities in text order:

- a person's *name* is the longest title-free form met; titles in front of it
  ("Foreign Secretary", "Chancellor", "press secretary") become ``roles``;
- a later surname alone ("Merkel") joins the person whose full name ends with
  it. When two people with that surname are already in the article (Bill and
  Hillary Clinton), the bare surname goes to the one mentioned **most
  recently** — news writing names the person it is about to refer to — and it
  never merges the two people; a new full name with a known surname but another
  first name is always a new person;
- organisations and places merge on equal names (a leading "the" ignored) and
  on acronyms ("the European Union" / "the EU"); a name that merely contains
  another ("South Sudan" / "Sudan") is a different entity;
- "he"/"she" (and their other forms) go to the most recent person whose gender
  is unknown or the same, gender being learnt from "Mr."/"Ms.", gendered role
  words and earlier pronouns; "the chancellor", "the minister", "the official",
  … go to the most recent person holding a matching role (any role for "the
  official").

>>> from storyline.nlp.pipeline import load_nlp
>>> doc = load_nlp()("Chancellor Angela Merkel spoke. Merkel said she was calm.")
>>> [(e.name, e.roles, len(e.mentions)) for e in group_entities(doc)]
[('Angela Merkel', ('Chancellor',), 3)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from storyline.extract.entities_spans import entity_spans
from storyline.extract.entities_words import (
    GENDERED,
    HONORIFICS,
    PLURAL_ROLE_HEADS,
    PRONOUNS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
)

__all__ = ["Entity", "Mention", "entity_at", "group_entities", "is_acronym_of", "name_key"]

MentionKind = Literal["name", "pronoun", "description"]

_TYPES = {"PER", "ORG", "LOC", "MISC", "NORP"}
_BODIES = frozenset({"ORG", "LOC", "GPE", "NORP", "MISC"})
# An adjective made of a name and a participle or noun ("Senate-passed", "Obama-era",
# "Republican-led"): the recogniser tags it MISC, but it names nothing of its own.
_NAME_COMPOUND = re.compile(
    r"^[A-Z][\w.]*-(?:passed|led|era|backed|based|born|controlled|run|owned|style|made|"
    r"funded|sponsored|brokered|allied|aligned|linked|held|appointed|approved)$"
)
# A US legislator's party and state after the name ("Sen. Mitt Romney, R-Utah"): the
# recogniser tags it ORG, LOC or PER, but it is no entity of its own.
_PARTY_TAG = re.compile(r"^[RDI]-[A-Z][A-Za-z.]{1,12}$")
_DESCRIPTION_HEADS = ROLE_HEADS - {"sen.", "rep.", "gov.", "gen.", "prof.", "dr.", "lt."}
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "de", "&"})
_PARTY_NOUNS = frozenset({"democrat", "republican", "independent"})
# A body named by its kind alone, capitalised as a short form of a name given before
# ("the House Ways and Means Committee … the Committee"): it is that body or nobody.
_BODY_KINDS = frozenset(
    {"committee", "court", "department", "ministry", "agency", "council", "commission"}
    | {"caucus", "bureau", "board", "office", "panel", "tribunal", "authority"}
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an entity: its text and character offsets in the article."""

    text: str
    start: int
    end: int
    kind: MentionKind


@dataclass(frozen=True, slots=True)
class Entity:
    """One real thing in one article, with every mention grouped under it."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    mentions: tuple[Mention, ...]


@dataclass(slots=True)
class _Cluster:
    type: str
    name: str
    names: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    gender: str | None = None
    last: int = -1

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.last = mention.start
        name = re.sub(r"^the\s+", "", mention.text, flags=re.I)
        if mention.kind == "name" and name not in self.names:
            self.names.append(name)

    def add_role(self, role: str) -> None:
        if role and role.lower() not in {r.lower() for r in self.roles}:
            self.roles.append(role)
        g = GENDERED.get(role.split()[-1].lower()) if role else None
        if g and self.gender is None:
            self.gender = g


def entity_at(entities: tuple[Entity, ...], start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping ``[start, end)``, the tightest one first.

    >>> e = Entity("e1", "EU", "ORG", (), (), (Mention("EU", 4, 6, "name"),))
    >>> entity_at((e,), 0, 5).id
    'e1'
    """
    best: tuple[int, Entity] | None = None
    for entity in entities:
        for m in entity.mentions:
            if m.start < end and start < m.end:
                size = m.end - m.start
                if best is None or size < best[0]:
                    best = (size, entity)
    return best[1] if best else None


def name_key(name: str) -> str:
    """A name as compared: lower case, without a leading "the" or a possessive."""
    name = re.sub(r"^(the)\s+", "", name.strip(), flags=re.I)
    return re.sub(r"[’']s$", "", name).strip().lower()


def _initials(name: str, *, function_words: bool) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w]
    if not function_words:
        words = [w for w in words if w.lower() not in _ACRONYM_SKIP]
    return "".join(w[0] for w in words if w[0].isupper() or w.lower() in _ACRONYM_SKIP).lower()


def is_acronym_of(short: str, long: str) -> bool:
    """Whether ``short`` is written in capitals as the initials of ``long``, with or
    without its function words ("FBI" for the Federal Bureau of Investigation, "DOJ"
    for the Department of Justice).

    >>> is_acronym_of("DOJ", "Department of Justice")
    True
    >>> is_acronym_of("DHS", "Department of Homeland Security")
    True
    >>> is_acronym_of("EU", "Europe")
    False
    """
    s = short.replace(".", "").lower()
    return (
        short.replace(".", "").isupper()
        and len(s) >= 2
        and len(long.split()) >= 2
        and s in {_initials(long, function_words=False), _initials(long, function_words=True)}
    )


def _title_before(doc: Any, start: int) -> tuple[int, str]:
    """The title written right before a name ("Foreign Secretary" Jane Smith, "Secretary
    of State" Antony Blinken)."""
    i = start - 1
    has_head = False
    k = i
    while k >= max(0, start - 3) and doc[k].is_title and not _is_head(doc[k].lower_):
        k -= 1
    if k < start - 1 and k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in ROLE_HEADS:
        i = k - 1  # "Secretary of State", "Minister of Finance": from the head on
        has_head = True
    while i >= 0:
        low = doc[i].lower_
        if _is_head(low):
            has_head = True
        elif low in ROLE_MODIFIERS or low in HONORIFICS:
            pass
        elif doc[i].is_title and i + 1 < start and doc[i + 1].lower_ in ROLE_HEADS:
            pass  # "Treasury Secretary"
        else:
            break
        i -= 1
    i += 1
    if has_head and i < start and doc[i].ent_iob_ == "I" and doc[i].ent_type_ in _BODIES:
        # the title opens inside the name of the body it serves: "Central Intelligence
        # Agency Director", not "Agency Director"
        while i > 0 and doc[i].ent_iob_ == "I":
            i -= 1
    elif has_head and i > 0 and doc[i - 1].ent_type_ in _BODIES and doc[i - 1].is_title:
        # or right after it: "Senate Majority Leader", "Apple CEO"
        i -= 1
        while i > 0 and doc[i].ent_iob_ == "I":
            i -= 1
    if not has_head and not any(doc[j].lower_ in HONORIFICS for j in range(i, start)):
        return start, ""
    words = [doc[j].text for j in range(i, start) if doc[j].lower_ not in HONORIFICS]
    return i, _singular_title(" ".join(words))


def _is_head(word: str) -> bool:
    return word in ROLE_HEADS or word in PLURAL_ROLE_HEADS


def _name_start(doc: Any, start: int, end: int) -> int:
    """Widen a PER span left over given names the recogniser left out (Recep Tayyip).

    A given name is a capitalised proper noun joined to the name by the parse (the
    name hangs on it as ``flat``, or it hangs on the name), or any capitalised word
    a later part of the name hangs on as ``flat``: an unseen name opening a
    sentence can look like a verb to the uncased parser ("Recep" in "Recep Tayyip
    Erdogan spoke"), but the flat relation still names it part of the name.
    """
    while start > 0:
        prev, cur = doc[start - 1], doc[start]
        flat_on_it = any(t.dep_ == "flat" and t.head.i == start - 1 for t in doc[start:end])
        linked = (cur.dep_ == "flat" and cur.head.i < start) or prev.head.i == start
        proper = prev.pos_ == "PROPN" and linked
        if not (prev.is_title and (proper or flat_on_it)):
            break
        if _is_head(prev.lower_) or prev.lower_ in ROLE_MODIFIERS or prev.lower_ in HONORIFICS:
            break
        if prev.lower_ in _PARTY_NOUNS or prev.ent_type_ not in ("", "PER"):
            break  # "New Jersey Democrat Bob Menendez": a party or a place, no given name
        start -= 1
    return start


def _split_title(doc: Any, ent: Any) -> tuple[int, str]:
    """Strip title words the recogniser put inside a PER span; return new start and title."""
    i = ent.start
    while i < ent.end - 1 and (
        doc[i].lower_ in ROLE_HEADS
        or doc[i].lower_ in PLURAL_ROLE_HEADS
        or doc[i].lower_ in ROLE_MODIFIERS
        or doc[i].lower_ in HONORIFICS
    ):
        i += 1
    title = " ".join(t.text for t in doc[ent.start : i] if t.lower_ not in HONORIFICS)
    # A party and its state before the name are a description, not part of it:
    # "(New) Jersey Democrat Bob Menendez" is Bob Menendez.
    party = max((j for j in range(i, ent.end - 1) if doc[j].lower_ in _PARTY_NOUNS), default=-1)
    if party >= 0 and doc[party + 1].is_title:
        i = party + 1
    return i, _singular_title(title)


def _singular_title(title: str) -> str:
    """A title as each named holder has it: "Justices" → "Justice", "Sens." → "Sen."."""
    words = title.split()
    if words and words[-1].lower() in PLURAL_ROLE_HEADS:
        words[-1] = PLURAL_ROLE_HEADS[words[-1].lower()]
    return " ".join(words)


def _is_case(cluster: _Cluster) -> bool:
    """A court case ("Roe v. Wade"), which a party's name alone may stand for ("Roe")."""
    return cluster.type == "MISC" and " v. " in cluster.name


def _no_entity(text: str) -> bool:
    """A span the recogniser tagged that names nothing: a party-and-state tag, a
    name-and-participle adjective, a form of address alone ("Ms.")."""
    return bool(_PARTY_TAG.match(text) or _NAME_COMPOUND.match(text) or text.lower() in HONORIFICS)


class _Grouper:
    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.clusters: list[_Cluster] = []

    def _person(self, text: str, mention: Mention) -> _Cluster:
        words = text.split()
        surname, first = words[-1].lower(), words[0].lower()
        people = [c for c in self.clusters if c.type == "PER"]
        if len(words) == 1:
            same = [c for c in people if any(n.split()[-1].lower() == surname for n in c.names)]
            same = same or [
                c for c in people if any(n.split()[0].lower() == first for n in c.names)
            ]
            if same:
                return max(same, key=lambda c: c.last)
            body = self._body_named(text)
            if body is not None:
                return body  # "Vessen said" after "Vessen Polymers": the company, not a person
        else:
            for c in people:
                for n in c.names:
                    nw = n.lower().split()
                    if nw[-1] != surname:
                        continue
                    if (
                        len(nw) == 1
                        and len(c.names) == 1
                        and all(len(o.split()) == 1 for o in c.names)
                    ):
                        c.name = text  # "Merkel" first, "Angela Merkel" later
                        return c
                    if nw[0] == first:
                        return c
        cluster = _Cluster("PER", text)
        self.clusters.append(cluster)
        return cluster

    def _body_named(self, word: str) -> _Cluster | None:
        """The organisation or place a single name stands for in this article: one named
        exactly so, else an organisation whose name begins with it ("Vessen" for "Vessen
        Polymers"). The recogniser often calls such a short name a person."""
        key = name_key(word)
        bodies = [c for c in self.clusters if c.type in ("ORG", "LOC", "GPE") or _is_case(c)]
        exact = [c for c in bodies if any(name_key(n) == key for n in c.names)]
        if exact:
            return max(exact, key=lambda c: c.last)
        longer = [
            c
            for c in bodies
            if (c.type == "ORG" or _is_case(c))
            and any(name_key(n).startswith(f"{key} ") for n in c.names)
        ]
        return max(longer, key=lambda c: c.last) if len(longer) == 1 else None

    def _other(self, text: str, label: str) -> _Cluster | None:
        key = name_key(text)
        for c in self.clusters:
            if (
                c.type == "PER"
                and label != "NORP"
                and len(key.split()) == 1
                and any(n.split()[-1].lower() == key for n in c.names)
            ):
                return c
            if c.type == "PER":
                continue
            for n in c.names:
                if name_key(n) == key or is_acronym_of(text, n) or is_acronym_of(n, text):
                    if is_acronym_of(n, text) and len(text) > len(c.name):
                        c.name = text
                    return c
        if label == "ORG" and len(key.split()) == 1:
            body = self._body_named(text)
            if body is not None:
                return body
        if key in _BODY_KINDS:
            bodies = [
                c
                for c in self.clusters
                if c.type == "ORG" and any(name_key(n).endswith(f" {key}") for n in c.names)
            ]
            return bodies[-1] if len(bodies) == 1 else None
        cluster = _Cluster(label, text)
        self.clusters.append(cluster)
        return cluster

    def run(self) -> tuple[Entity, ...]:
        doc = self.doc
        ents = {e.start: e for e in entity_spans(doc, _TYPES) if not _no_entity(e.text)}
        i = 0
        while i < len(doc):
            ent = ents.get(i)
            tok = doc[i]
            if ent is not None:
                self._name(ent)
                i = ent.end
                continue
            low = tok.lower_
            if low in PRONOUNS and tok.pos_ == "PRON":
                self._pronoun(tok)
            elif (
                low in _DESCRIPTION_HEADS
                and i > 0
                and doc[i - 1].lower_ == "the"
                and not (
                    i + 1 < len(doc)
                    and (doc[i + 1].ent_type_ == "PER" or doc[i + 1].lower_ == "of")
                )
            ):
                self._description(doc[i - 1 : i + 1])
            i += 1
        return self._entities()

    def _name(self, ent: Any) -> None:
        doc = self.doc
        if ent.label_ == "PER":
            start, inner_title = _split_title(doc, ent)
            if start == ent.start:
                start = _name_start(doc, start, ent.end)
            end = ent.end
            while end > start + 1 and doc[end - 1].text in {"’s", "'s", "’", "'"}:
                end -= 1
            span = doc[start:end]
            text = span.text
            tstart, title = _title_before(doc, min(start, ent.start))
            honorific = next(
                (
                    HONORIFICS[doc[j].lower_]
                    for j in range(tstart, start)
                    if doc[j].lower_ in HONORIFICS
                ),
                None,
            )
            cluster = self._person(text, Mention(text, span.start_char, span.end_char, "name"))
            cluster.add(Mention(text, span.start_char, span.end_char, "name"))
            for role in (title, inner_title):
                if role:
                    cluster.add_role(role)
            if honorific and cluster.gender is None:
                cluster.gender = honorific
            self._appositive_role(doc[start], cluster)
            return
        text = ent.text
        if text.lower().startswith("the "):
            text = text[4:]
        body = self._other(text, ent.label_)
        if body is not None:  # None: "the Committee" with no committee named before
            body.add(Mention(ent.text, ent.start_char, ent.end_char, "name"))

    def _appositive_role(self, head: Any, cluster: _Cluster) -> None:
        for child in head.children:
            if child.dep_ == "appos" and child.lower_ in ROLE_HEADS:
                words = [
                    t for t in child.subtree if t.i <= child.i and t.dep_ not in ("det", "punct")
                ]
                cluster.add_role(" ".join(t.text for t in words))

    def _pronoun(self, tok: Any) -> None:
        gender = PRONOUNS[tok.lower_]
        candidates = [
            c
            for c in self.clusters
            if c.type == "PER" and c.gender in (None, gender) and c.last < tok.idx
        ]
        if not candidates:
            return
        # A person known to match (Ms. Smith for "she") nearby beats a more recent
        # person of unknown gender.
        known = [c for c in candidates if c.gender == gender and tok.idx - c.last < 300]
        cluster = max(known or candidates, key=lambda c: c.last)
        cluster.gender = gender
        cluster.add(Mention(tok.text, tok.idx, tok.idx + len(tok), "pronoun"))

    def _description(self, span: Any) -> None:
        head = span[-1].lower_
        people = [c for c in self.clusters if c.type == "PER" and c.roles]
        if head != "official":
            people = [c for c in people if any(head in r.lower().split() for r in c.roles)]
        if not people:
            return
        cluster = max(people, key=lambda c: c.last)
        cluster.add(Mention(span.text, span.start_char, span.end_char, "description"))

    def _entities(self) -> tuple[Entity, ...]:
        out = []
        for n, c in enumerate(self.clusters, 1):
            aliases = tuple(a for a in c.names if a != c.name)
            out.append(Entity(f"e{n}", c.name, c.type, aliases, tuple(c.roles), tuple(c.mentions)))
        return tuple(out)


def group_entities(doc: Any) -> tuple[Entity, ...]:
    """Group a parsed article's mentions into entities, numbered ``e1``, ``e2``, … in order.

    >>> from storyline.nlp.pipeline import load_nlp
    >>> doc = load_nlp()("The European Union met. The EU agreed.")
    >>> [(e.name, e.aliases) for e in group_entities(doc)]
    [('European Union', ('EU',))]
    """
    return _Grouper(doc).run()
