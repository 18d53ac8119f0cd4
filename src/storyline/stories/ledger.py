"""A story's ledger: each demand followed through what answers it.

:func:`build_ledger` reads the asks of a story's articles (:class:`ArticleAsks`)
and links a later commitment, action or refusal to a demand when

- the **parties** fit: the responder is the demand's target (or, when the
  demand names none, anyone but the one who asked). Parties are compared by
  name, surname and country, canonicalised across articles, so "Turkey",
  "Ankara" and "the Turkish government" are one side;
- the **contents** mean the same: the same deed (first word of the content
  phrase, "release" and "free" being one) and lemma overlap of the phrases,
  or, with a sentence ``encoder`` (:func:`storyline.nlp.embeddings.load_encoder`),
  the cosine of their vectors, so "free the reporters" meets "release the
  journalists". Deeds that undo each other ("close" for "reopen") never match.

A demand repeated in several articles is one entry with several demand steps.
Its status follows what answered it: ``refused`` if a refusal did, ``met`` if a
reported action did, ``partly met`` if only a doubted or partial one did,
``promised`` if only a commitment did, else ``open``. Commitments, actions and
refusals that answer no demand are entries of their own.

>>> from storyline.extract.asks import Ask
>>> def ask(kind, content, when):
...     return Ask(kind, None, None, content, 0, 5, "cue", 0, 3, 0, 9, None, None,
...                None, "positive", "reported", 0, 9)
>>> from datetime import datetime
>>> items = [ArticleAsks("a1", datetime(2025, 2, 3), "x" * 9, (ask("demand", "reopen border", 3),)),
...          ArticleAsks("a2", datetime(2025, 2, 9), "x" * 9, (ask("action", "reopen border", 9),))]
>>> [(e.status, [s.article_id for s in e.steps]) for e in build_ledger(items)]
[('met', ['a1', 'a2'])]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, Protocol

import numpy as np
import numpy.typing as npt

from storyline.extract.asks import Ask, AskKind
from storyline.extract.asks_cues import country_of_word
from storyline.extract.asks_parties import Party
from storyline.stories.records import SourceSpan

__all__ = [
    "ArticleAsks",
    "Encoder",
    "LedgerEntry",
    "LedgerStatus",
    "LedgerStep",
    "build_ledger",
    "ledger_json",
]

LedgerStatus = Literal["open", "promised", "partly met", "met", "refused"]

_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "for",
        "on",
        "in",
        "at",
        "by",
        "with",
        "and",
        "or",
        "its",
        "their",
        "his",
        "her",
        "our",
        "from",
        "be",
        "that",
        "this",
        "these",
        "those",
        "it",
        "they",
        "them",
        "who",
        "which",
    ]
)
# Verbs that ask for the same deed in other words, for matching without an encoder.
_SAME = {"release": "free", "liberate": "free", "reopen": "open", "shut": "close", "end": "stop"}
# Deeds that undo each other: vectors of "reopen the crossing" and "close the crossing" are
# close, but one does not answer a demand for the other.
_OPPOSITES = {
    frozenset(p)
    for p in (
        ("open", "close"),
        ("free", "detain"),
        ("free", "arrest"),
        ("lift", "impose"),
        ("raise", "cut"),
        ("raise", "lower"),
        ("extend", "stop"),
        ("approve", "reject"),
    )
}
# Words that make a reply's content point back at the ask ("rejected the demand for …").
_ASK_WORDS = frozenset({"demand", "request", "call", "idea", "proposal", "plan", "offer"})
_LEMMA_MATCH = 0.5  # overlap (shared words / shorter phrase) for contents to match
_VECTOR_MATCH = 0.7  # cosine of the content vectors
_OBJECT_MATCH = 0.5  # cosine of what one deed (same verb) is done to
_NUMBERS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
    | {"eleven", "twelve", "dozen", "hundred", "thousand", "million", "billion"}
)


class Encoder(Protocol):
    """What the ledger needs of a sentence encoder."""

    def encode(self, texts: Sequence[str], batch_size: int = ...) -> npt.NDArray[np.float32]:
        """L2-normalised vectors, one row per text."""
        ...


@dataclass(frozen=True, slots=True)
class ArticleAsks:
    """One article of a story with the asks found in its text."""

    article_id: str
    published: datetime | None
    text: str
    asks: tuple[Ask, ...]


@dataclass(frozen=True, slots=True)
class LedgerStep:
    """One ask of one article, as a step of a ledger entry; ``span`` is the whole record."""

    kind: AskKind
    article_id: str
    published: datetime | None
    ask: Ask
    span: SourceSpan


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """A demand (or an unanswered commitment, action or refusal) and what became of it.

    ``first`` is the earliest step (the demand when there is one); ``steps`` are
    every step in time order; ``sources`` the articles they come from, in order.
    """

    first: LedgerStep
    actor: str | None
    target: str | None
    content: str
    status: LedgerStatus
    steps: tuple[LedgerStep, ...]
    sources: tuple[str, ...]


def _when(step: LedgerStep) -> float:
    if step.published is None:
        return float("inf")
    when = step.published
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp()


def _party_keys(party: Party | None, countries: bool = True) -> frozenset[str]:
    """Names a party goes by; with ``countries``, also the country it acts for."""
    if party is None:
        return frozenset()
    keys = {party.name.lower().removeprefix("the ")}
    words = party.name.split()
    if party.entity_id is not None and len(words) > 1 and words[-1][:1].isupper():
        keys.add(words[-1].lower())  # "Adela Kovar" is "Kovar" in a later article
    for country in (party.country, country_of_word(party.name)) if countries else ():
        if country:
            keys.add(country.lower())
    return frozenset(keys)


def _words(content: str) -> frozenset[str]:
    return frozenset(_SAME.get(w, w) for w in content.lower().split() if w not in _STOP)


def _verb(content: str) -> str:
    """The first word of a content phrase: its deed ("reopen" in "reopen border crossing")."""
    words = content.lower().split()
    return _SAME.get(words[0], words[0]) if words else ""


def _object(content: str) -> str:
    """What a deed is done to: the content without its verb and numbers."""
    words = content.split()[1:]
    return " ".join(w for w in words if not any(c.isdigit() for c in w) and w not in _NUMBERS)


def _lemma_overlap(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


@dataclass(slots=True)
class _Open:
    steps: list[LedgerStep]
    index: int  # row of its content vector


class _Linker:
    def __init__(self, steps: list[LedgerStep], encoder: Encoder | None) -> None:
        self.steps = steps
        self.vectors: npt.NDArray[np.float32] | None = None
        self.objects: npt.NDArray[np.float32] | None = None
        if encoder is not None and steps:
            self.vectors = encoder.encode([s.ask.content or s.ask.cue for s in steps])
            self.objects = encoder.encode([_object(s.ask.content) for s in steps])

    def similar(self, i: int, j: int) -> bool:
        a, b = self.steps[i].ask.content, self.steps[j].ask.content
        va, vb = _verb(a), _verb(b)
        if frozenset((va, vb)) in _OPPOSITES:
            return False
        if (va == vb or vb in _ASK_WORDS) and _lemma_overlap(a, b) >= _LEMMA_MATCH:
            return True
        if self.vectors is None or self.objects is None:
            return False
        if va == vb and float(self.objects[i] @ self.objects[j]) >= _OBJECT_MATCH:
            return (
                True  # one deed done to the same thing in other words: free reporters / journalists
            )
        return float(self.vectors[i] @ self.vectors[j]) >= _VECTOR_MATCH

    def score(self, i: int, j: int) -> float:
        a, b = self.steps[i].ask.content, self.steps[j].ask.content
        lemma = _lemma_overlap(a, b)
        if self.vectors is None:
            return lemma
        return max(lemma, float(self.vectors[i] @ self.vectors[j]))


def _answers(demand: Ask, reply: Ask, reply_sentence: str = "") -> bool:
    """Whether the parties fit: the one asked replies (or, with no one named, another side).

    A replying official whose country the text does not give still fits when the
    reply's own sentence names the party asked ("Orlov refused to release the
    journalists … and said Orlesia would not be lectured"), and the official is
    not on the asking side.
    """
    responder = _party_keys(reply.actor)
    asked = _party_keys(demand.target)
    # Whether the reply comes from the asking side goes by name, not country: in a
    # dispute at home (a union and a port operator) both sides share one country.
    same_side = bool(_party_keys(demand.actor, False) & _party_keys(reply.actor, False))
    if asked:
        if asked & responder:
            return True
        stateless = reply.actor is not None and reply.actor.country is None
        if not (stateless and reply_sentence) or same_side:
            return False
        lowered = reply_sentence.lower()
        return any(re.search(rf"\b{re.escape(key)}\b", lowered) for key in asked)
    return not same_side


def _status(steps: Sequence[LedgerStep]) -> LedgerStatus:
    kinds = {(s.kind, s.ask.certainty, s.ask.polarity) for s in steps[1:]} | (
        set()
        if steps[0].kind == "demand"
        else {(steps[0].kind, steps[0].ask.certainty, steps[0].ask.polarity)}
    )
    if any(k == "refusal" for k, _, _ in kinds):
        return "refused"
    actions = [(c, p) for k, c, p in kinds if k == "action" and c != "denied"]
    if ("reported", "positive") in actions:
        return "met"
    if actions:
        return "partly met"
    if any(k == "commitment" for k, _, _ in kinds):
        return "promised"
    return "open"


def build_ledger(
    items: Sequence[ArticleAsks], *, encoder: Encoder | None = None
) -> tuple[LedgerEntry, ...]:
    """The story's ledger entries, in the order their first step was reported.

    ``encoder`` (a :class:`storyline.nlp.embeddings.SentenceEncoder`) lets contents
    match by meaning; without it they match by shared lemmas only.
    """
    steps: list[LedgerStep] = []
    sentence_of: dict[int, str] = {}
    for item in items:
        for ask in item.asks:
            span = SourceSpan(item.article_id, ask.start, ask.end)
            steps.append(LedgerStep(ask.kind, item.article_id, item.published, ask, span))
            sentence_of[id(steps[-1])] = item.text[ask.sentence_start : ask.sentence_end]
    # In time order; within one article in the order the text finishes telling them, so
    # a demand reported inside its refusal ("rejected the union's demand for …") comes first.
    article_order = {item.article_id: n for n, item in enumerate(items)}
    steps.sort(key=lambda s: (_when(s), article_order[s.article_id], s.ask.end, -s.ask.start))
    linker = _Linker(steps, encoder)
    entries: list[_Open] = []
    for i, step in enumerate(steps):
        best: tuple[float, _Open] | None = None
        for entry in entries:
            head = entry.steps[0]
            if head.kind != "demand":
                continue
            if step.kind == "demand":
                fits = _party_keys(step.ask.actor) & _party_keys(head.ask.actor) or not (
                    step.ask.actor and head.ask.actor
                )
            else:
                fits = _answers(head.ask, step.ask, sentence_of[id(step)]) and _after(head, step)
            if not fits or not linker.similar(entry.index, i):
                continue
            score = linker.score(entry.index, i)
            if best is None or score > best[0]:
                best = (score, entry)
        if best is not None:
            best[1].steps.append(step)
        else:
            entries.append(_Open([step], i))
    return tuple(_entry(e.steps) for e in entries)


def _after(demand: LedgerStep, reply: LedgerStep) -> bool:
    """Whether ``reply`` can answer ``demand``: a later report, or, in the demand's own
    article, told after it — or wrapped around it ("the operator rejected the union's
    demand for a 9 percent rise": the demand is reported inside its refusal).
    Background told before the demand in its own article answers nothing."""
    if reply.article_id != demand.article_id:
        return True
    d, r = demand.ask, reply.ask
    return r.start >= d.end or (r.start <= d.start and r.end >= d.end and r is not d)


def _entry(steps: list[LedgerStep]) -> LedgerEntry:
    first = steps[0]
    sources = tuple(dict.fromkeys(s.article_id for s in steps))
    return LedgerEntry(
        first,
        first.ask.actor.name if first.ask.actor else None,
        first.ask.target.name if first.ask.target else None,
        first.ask.content,
        _status(steps),
        tuple(steps),
        sources,
    )


def ledger_json(entries: Sequence[LedgerEntry]) -> list[dict[str, Any]]:
    """Entries as plain JSON-ready dicts (dates as ISO strings)."""
    out = []
    for e in entries:
        out.append(
            {
                "actor": e.actor,
                "target": e.target,
                "content": e.content,
                "status": e.status,
                "sources": list(e.sources),
                "steps": [
                    {
                        "kind": s.kind,
                        "article_id": s.article_id,
                        "published": s.published.isoformat() if s.published else None,
                        "start": s.span.start,
                        "end": s.span.end,
                        "content": s.ask.content,
                    }
                    for s in e.steps
                ],
            }
        )
    return out
