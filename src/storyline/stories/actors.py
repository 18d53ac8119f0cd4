"""Canonical actors across a story's articles: one entity per real person, body or place.

Each article's entity stage already grouped its own mentions
(:mod:`storyline.extract.entities`). Here those per-article entities are joined:

- a person's full name ("Angela Merkel") is one key in every outlet, so
  "Chancellor Angela Merkel" in one and "Angela Merkel" in another meet;
- an article that only ever says "Merkel" joins the one person of the story
  whose full name ends with "Merkel" — and joins nobody when the story has
  two such people (Adela and Milan Kovar): a name clash stays apart; where no
  outlet gives a full name, the outlets' "Merkel"s are one;
- organisations and places join on a shared name or alias ("the European
  Union" / "EU"), on the two orders of a body's name ("Department of Justice" /
  "Justice Department"), on initials that fit only one of the story's bodies
  ("DOJ"), and on a name whose extra words only place or qualify the same body
  ("U.S. Capitol Police" / "Capitol Police", "the House Freedom Caucus" /
  "the Freedom Caucus") unless two bodies of the story share that rest ("House"
  and "Senate Intelligence Committee"); never on a name that merely contains
  another ("Sudan" / "South Sudan"); a group's singular, plural and adjective
  are one ("Democrat", "Democrats", "Democratic"); people never merge with
  anything else;
- roles ("Foreign Minister") and descriptions ("a former Treasury negotiator")
  are collected from every outlet, each with the spans that state it.

>>> from storyline.extract.entities import Entity, Mention
>>> a = Entity("e1", "Angela Merkel", "PER", (), ("Chancellor",),
...            (Mention("Chancellor Angela Merkel", 0, 24, "name"),))
>>> b = Entity("e1", "Merkel", "PER", (), (), (Mention("Merkel", 0, 6, "name"),))
>>> actors = resolve_actors([("a1", "Chancellor Angela Merkel spoke.", (a,)),
...                          ("a2", "Merkel left.", (b,))])
>>> [(x.name, len(x.mentions), [r.text for r in x.roles]) for x in actors.actors]
[('Angela Merkel', 2, ['Chancellor'])]
>>> actors.of("a2", "e1") == actors.actors[0].id
True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from storyline.extract.entities import Entity, is_acronym_of
from storyline.extract.entities_words import NOT_A_ROLE, PLURAL_ROLE_HEADS
from storyline.stories.records import SourceSpan

__all__ = ["Actor", "ActorMention", "ActorRole", "Actors", "normalise_name", "resolve_actors"]


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One mention of an actor in one article."""

    article_id: str
    text: str
    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class ActorRole:
    """A role or description of an actor, as written, with the spans that state it."""

    text: str
    sources: tuple[SourceSpan, ...]


@dataclass(frozen=True, slots=True)
class Actor:
    """One real person, organisation or place across the story."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    roles: tuple[ActorRole, ...]
    mentions: tuple[ActorMention, ...]
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Actors:
    """The story's actors, and which actor each article-level entity became."""

    actors: tuple[Actor, ...]
    by_local: dict[tuple[str, str], str]

    def of(self, article_id: str, entity_id: str | None) -> str | None:
        """The actor id of entity ``entity_id`` of article ``article_id``, if any."""
        if entity_id is None:
            return None
        return self.by_local.get((article_id, entity_id))

    def get(self, actor_id: str | None) -> Actor | None:
        """The actor with this id."""
        return self._by_id.get(actor_id) if actor_id is not None else None

    @cached_property
    def _by_id(self) -> dict[str, Actor]:
        return {actor.id: actor for actor in self.actors}


def normalise_name(name: str) -> str:
    """The key names are compared on: case, accents, dots and a leading "the" ignored.

    >>> normalise_name("The U.N.  Security Council")
    'un security council'
    >>> normalise_name("Recep Tayyip Erdoğan")
    'recep tayyip erdogan'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[.’']", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


# When a body's outlets disagree on its type as often one way as the other ("Capitol
# Police" ORG in one, LOC in another), the likelier type for a named actor.
_TYPE_ORDER = {"PER": 0, "ORG": 1, "LOC": 2, "NORP": 3, "MISC": 4}

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _bare_name(key: str) -> str:
    """A normalised person name without its middle initials and generational suffix:
    "janet l yellen" → "janet yellen", "thomas j barrack jr" → "thomas barrack" ("j k
    rowling" keeps its first initial)."""
    words = key.replace(",", " ").split()
    while len(words) > 2 and words[-1] in _SUFFIXES:
        words = words[:-1]
    middle = [w for w in words[1:-1] if len(w) > 1]
    return " ".join([words[0], *middle, words[-1]]) if len(words) > 2 else key


# Words that place or qualify a body without making it another one: "U.S. Capitol
# Police" is the Capitol Police, "the Democratic-led House Ways and Means Committee"
# the Ways and Means Committee of the House.
_QUALIFIERS = frozenset(
    {"us", "american", "federal", "national", "house", "senate", "congressional"}
    | {"conservative", "liberal", "progressive", "bipartisan", "powerful", "influential"}
)
_QUALIFIER = re.compile(r"^[a-z]+-(?:led|controlled|run|dominated)$")
_OWNER = re.compile(r"^(?:the\s+)?(?:[A-Z][\w.&-]*\s+){1,4}?[A-Z][\w.&-]*[’']s?\s+(?=[A-Z])")
_NAMED_OF = re.compile(r"^(\w+) of (\w+(?: \w+)?)$")


# A country's common names, all one key: "the U.S." / "America" / "the United States".
_COUNTRY_NAMES = {
    alias: country
    for country, aliases in {
        "united states": ("us", "usa", "america", "united states of america"),
        "united kingdom": ("uk", "britain", "great britain"),
        "united arab emirates": ("uae",),
        "russia": ("russian federation",),
        "south korea": ("republic of korea",),
        "north korea": ("dprk",),
    }.items()
    for alias in aliases
}


def _body_keys(name: str, kind: str) -> set[str]:
    """The keys a body's name joins others on: its normalised form, the other order of
    "Department of Justice" ("justice department"), and for a group of people the one
    form of its singular, plural and adjective ("democrats", "democratic" → "democrat")."""
    key = normalise_name(name)
    if not key:
        return set()
    keys = {key, _COUNTRY_NAMES.get(key, key)}
    named_of = _NAMED_OF.match(key)
    if named_of:
        keys.add(f"{named_of.group(2)} {named_of.group(1)}")
    if kind in ("NORP", "MISC") and " " not in key and len(key) > 4:
        base = key[:-1] if key.endswith("s") else key
        keys.add(base[:-2] if base.endswith("ic") else base)
    return keys


def _qualified_rests(name: str) -> list[str]:
    """The bodies a name may qualify, longest first, when its first words only place or
    qualify one: "U.S. Capitol Police" → ["capitol police"], "the Democratic-led House
    Ways and Means Committee" → ["house ways and means committee", "ways and means
    committee"], "Justice Department's Office of Legal Counsel" → ["office of legal
    counsel"]; none of fewer than two words."""
    owner = _OWNER.match(name)
    words = normalise_name(name[owner.end() :] if owner else name).split()
    rests = [" ".join(words)] if owner and len(words) >= 2 else []
    while len(words) > 2 and (words[0] in _QUALIFIERS or _QUALIFIER.match(words[0])):
        words = words[1:]
        rests.append(" ".join(words))
    return rests


def _join_qualified_bodies(
    locals_: Sequence[tuple[str, str, Entity]], union: _Union, keys: dict[str, int]
) -> None:
    """Join a qualified name to the body it names, and initials to the one body they fit;
    a rest or initials two different bodies share join neither."""
    rests: dict[str, set[int]] = defaultdict(set)
    for i, (_, _, e) in enumerate(locals_):
        if e.type in ("ORG", "MISC"):
            rest = next((r for r in _qualified_rests(e.name) if r in keys), None)
            if rest is not None:
                rests[rest].add(i)
    for rest, members in rests.items():
        if len({union.find(i) for i in members}) == 1:
            union.union(keys[rest], min(members))
    for i, (_, _, e) in enumerate(locals_):
        if e.type == "PER" or not re.fullmatch(r"[A-Z][A-Z.]{1,7}", e.name):
            continue
        fits = {
            union.find(j)
            for j, (_, _, other) in enumerate(locals_)
            if other.type not in ("PER", "NORP") and is_acronym_of(e.name, other.name)
        }
        if len(fits) == 1:
            union.union(fits.pop(), i)


def _role_text(role: str) -> str | None:
    """A role as shown: spaces (no-break ones too) made single, a title shared by several
    names as each holds it ("Justices" → "Justice"); None when it is no role."""
    words = role.split()
    if words and words[-1].lower() in PLURAL_ROLE_HEADS:
        words[-1] = PLURAL_ROLE_HEADS[words[-1].lower()]
    text = " ".join(words)
    return None if not text or NOT_A_ROLE.match(text) else text


class _Union:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def resolve_actors(
    articles: Sequence[tuple[str, str, Iterable[Entity]]],
    descriptions: Iterable[tuple[str, str | None, str]] = (),
) -> Actors:
    """Join per-article entities into story actors.

    ``articles`` are ``(article id, clean text, entities)`` in reading order;
    ``descriptions`` are ``(article id, entity id, description)`` from quote
    speakers ("a senior fellow at a Brussels think tank"), added as roles.
    """
    locals_: list[tuple[str, str, Entity]] = [
        (aid, text, e) for aid, text, entities in articles for e in entities
    ]
    union = _Union()
    person_keys: dict[str, int] = {}
    other_keys: dict[str, int] = {}
    for i, (_, _, e) in enumerate(locals_):
        union.find(i)
        if e.type == "PER":
            if len(normalise_name(e.name).split()) >= 2:
                key = normalise_name(e.name)
                if key in person_keys:
                    union.union(person_keys[key], i)
                else:
                    person_keys[key] = i
            continue
        for form in {e.name, *e.aliases}:
            for key in _body_keys(form, e.type):
                if key in other_keys:
                    union.union(other_keys[key], i)
                else:
                    other_keys[key] = i
    _join_qualified_bodies(locals_, union, other_keys)
    # "Janet L. Yellen" in one outlet and "Janet Yellen" in another are one person, unless
    # the story also has another middle initial between those names (George W. and
    # George H. W. Bush): then the bare name joins neither.
    by_bare: dict[str, set[str]] = defaultdict(set)
    for key in person_keys:
        by_bare[_bare_name(key)].add(key)
    for bare, keys in by_bare.items():
        if len(keys) > 1 and len(keys - {bare}) == 1:
            first, *rest = sorted(keys)
            for key in rest:
                union.union(person_keys[first], person_keys[key])
    # A name the recogniser typed as a body or work in one outlet but that is a person's
    # full name or the surname of the story's one person so named ("Biden" tagged MISC in
    # "the Biden administration", "Tucker Carlson" as ORG) is that person.
    surnames: dict[str, set[str]] = defaultdict(set)
    for key in person_keys:
        surnames[key.split()[-1]].add(key)
    for i, (_, _, e) in enumerate(locals_):
        if e.type not in ("ORG", "MISC"):
            continue
        key = normalise_name(e.name)
        if key in person_keys:
            union.union(person_keys[key], i)
        elif len(surnames.get(key, ())) == 1:
            union.union(person_keys[next(iter(surnames[key]))], i)
    # A surname alone joins the story's one person of that surname, and nobody when two share it.
    by_surname: dict[str, set[str]] = defaultdict(set)
    for key in person_keys:
        by_surname[key.split()[-1]].add(key)
    lone_names: dict[str, int] = {}
    for i, (_, _, e) in enumerate(locals_):
        if e.type != "PER":
            continue
        key = normalise_name(e.name)
        if len(key.split()) != 1:
            continue
        if len(by_surname.get(key, ())) == 1:
            (full,) = by_surname[key]
            union.union(person_keys[full], i)
        elif key not in by_surname and key in other_keys:
            # no person of that name, but a body or place: "Orlesia" tagged as a person
            # by one outlet's recogniser and as a place by another's
            union.union(other_keys[key], i)
        elif key not in by_surname:  # no full name to tell apart: "Casey" in two outlets
            if key in lone_names:
                union.union(lone_names[key], i)
            else:
                lone_names[key] = i

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(locals_)):
        groups[union.find(i)].append(i)
    described: dict[tuple[str, str], list[str]] = defaultdict(list)
    for aid, eid, text in descriptions:
        if eid is not None and text:
            described[(aid, eid)].append(text)

    actors: list[Actor] = []
    by_local: dict[tuple[str, str], str] = {}
    used: Counter[str] = Counter()
    for members in sorted(groups.values(), key=lambda m: m[0]):
        actor = _actor([locals_[i] for i in members], described)
        used[actor.id] += 1
        if used[actor.id] > 1:  # e.g. two unresolved "Kovar"s: same name, kept apart
            actor = replace(actor, id=f"{actor.id}-{used[actor.id]}")
        actors.append(actor)
        for i in members:
            aid, _, e = locals_[i]
            by_local[(aid, e.id)] = actor.id
    return Actors(tuple(actors), by_local)


def _actor(
    members: list[tuple[str, str, Entity]], described: dict[tuple[str, str], list[str]]
) -> Actor:
    names = Counter(e.name for _, _, e in members)
    # The fullest common form: not a qualified one ("U.S. Capitol Police" shows as the
    # Capitol Police it names) nor initials, then the most words, the most used,
    # alphabetical.
    name = sorted(
        names,
        key=lambda n: (
            len(_qualified_rests(n)) if len(names) > 1 else 0,
            n.isupper() and len(names) > 1,
            -len(n.split()),
            -names[n],
            n,
        ),
    )[0]
    # A single name some outlets tag as a person joined a body or place: it is that; a
    # person's full name makes the actor a person whatever else joined it.
    bodies = [e for _, _, e in members if e.type != "PER"]
    full_name = any(e.type == "PER" and len(e.name.split()) >= 2 for _, _, e in members)
    if full_name:
        types = Counter({"PER": 1})
    else:
        types = (
            Counter(e.type for e in bodies) if bodies else Counter(e.type for _, _, e in members)
        )
    kind = sorted(types, key=lambda t: (-types[t], _TYPE_ORDER.get(t, 9), t))[0]
    aliases = sorted(
        {form for _, _, e in members for form in (e.name, *e.aliases)} - {name},
        key=lambda n: (normalise_name(n), n),
    )
    roles: dict[str, list[SourceSpan]] = {}
    role_names: dict[str, str] = {}
    mentions: list[ActorMention] = []
    for aid, text, e in members:
        for m in e.mentions:
            mentions.append(ActorMention(aid, m.text, m.start, m.end, m.kind))
        for written in (*e.roles, *described.get((aid, e.id), ())):
            role = _role_text(written)
            if role is None:
                continue
            key = role.casefold()
            role_names.setdefault(key, role)
            spans = roles.setdefault(key, [])
            at = text.find(written)  # the span of the role as written
            if at < 0:
                at = text.casefold().find(written.casefold())
            if at >= 0 and SourceSpan(aid, at, at + len(written)) not in spans:
                spans.append(SourceSpan(aid, at, at + len(written)))
    actor_id = "ac-" + hashlib.sha1(f"{kind}:{normalise_name(name)}".encode()).hexdigest()[:10]
    return Actor(
        id=actor_id,
        name=name,
        type=kind,
        aliases=tuple(aliases),
        roles=tuple(ActorRole(role_names[k], tuple(v)) for k, v in roles.items()),
        mentions=tuple(mentions),
        articles=tuple(dict.fromkeys(aid for aid, _, _ in members)),
    )
