"""A story's ledger: each demand followed through what answers it.

:func:`build_ledger` reads the asks of a story's articles (:class:`ArticleAsks`)
and links a later commitment, action or refusal to a demand when

- the **parties** fit: the responder is the demand's target (or, when the
  demand names none, anyone but the one who asked). Parties are compared by
  name, surname and country, canonicalised across articles, so "Turkey",
  "Ankara" and "the Turkish government" are one side; a short name is its long
  one ("Vessen", "Vessen Polymers"); an official answers for the body the story
  names them for ("Vessen's chief executive, Julian Farrant"; a minister for a
  ministry), and a deed whose doer goes unnamed ("the sailors were freed") for
  whoever was asked;
- the **contents** mean the same: the same deed (first word of the content
  phrase, "release" and "free" being one) and lemma overlap of the phrases; or,
  by a doer the text names, the same things named in other words (two common word
  stems, "independent inspectors" / "independent inspection"); or, with a sentence
  ``encoder`` (:func:`storyline.nlp.embeddings.load_encoder`), the cosine of the
  contents as worded (clauses hung on them cut off), so "free the reporters" meets
  "release the journalists". Deeds that undo each other ("close" for "reopen") never
  match, nor does a deed that is no stopping for a demand to stop ("began
  filling" for "halt the filling");
- the reply comes **after** the demand: a later article, or later in the same
  one, and not dated before it there (background: "began filling it in January").

A demand repeated in several articles is one entry with several demand steps; a
demand told inside a reply ("turned down the union's call to …") joins the
earlier demand it repeats, whoever the text says asked. Its status follows what
answered it, in time order (a pledge *not* to do it counts as a refusal):
``refused`` if a refusal came last, ``met`` if an
action was done, ``partly met`` if only a part or a share of it was ("half of
the rise"), ``promised`` if only a commitment (or a planned deed) came, else
``open``: a deed not done, denied or only claimed changes nothing. Commitments,
actions and refusals that answer no demand are entries of their own, with no
status (``None``): there is nothing they could have met.

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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import product
from typing import Any, Literal, Protocol

import numpy as np
import numpy.typing as npt

from storyline.extract.asks import Ask, AskKind
from storyline.extract.asks_cues import DOUBT_WORDS, PARTIAL_WORDS, country_of_word
from storyline.extract.asks_parties import Party
from storyline.extract.entities_words import ROLE_HEADS
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
_SAME |= {"halt": "stop", "cease": "stop", "pause": "stop", "suspend": "stop", "freeze": "stop"}
_SAME |= {"restore": "resume", "return": "resume", "restart": "resume", "reinstate": "resume"}
_SAME |= {"reimburse": "refund", "compensate": "refund", "credit": "refund"}
_SAME |= {"deliver": "hand", "submit": "hand", "surrender": "hand"}  # "hand over the logs"
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
        ("keep", "close"),
        ("keep", "shut"),
        ("start", "stop"),
        ("begin", "stop"),
        ("resume", "stop"),
    )
}
# Deeds that stop something: only another stopping deed does what one of them asks
# ("began filling the reservoir" does not meet a demand to halt the filling).
_STOPPING = frozenset({"halt", "stop", "pause", "suspend", "cease", "freeze"})
# Words that make a reply's content point back at the ask ("rejected the demand for …").
_PRONOUNS = frozenset({"it", "him", "her", "them", "this", "that", "so", "they", "he", "she"})
# Verbs by which one party orders another to do something.
_ORDERS = frozenset({"order", "direct", "instruct", "require", "mandate", "command", "task"})
# Deeds that keep back what was asked: a refusal by deed ("withheld the March logs").
_WITHHOLDING = frozenset({"withhold"})
_ASK_WORDS = frozenset({"demand", "request", "call", "idea", "proposal", "plan", "offer"})
_LEMMA_MATCH = 0.5  # overlap (shared words / shorter phrase) for contents to match
_VECTOR_MATCH = 0.7  # cosine of the content vectors
_OBJECT_MATCH = 0.45  # cosine of what one deed (same verb) is done to
_REFUSED_OBJECT_MATCH = 0.6  # cosine of what a refusal keeps back and what was asked
_STEM = 5  # letters that stand for a word's stem: "inspector", "inspection", "inspect"
_SHARED_STEMS = 2  # common words (stems) two contents need to name the same thing
_STEM_MATCH = 0.5  # share of the shorter content's stems, or cosine, that goes with them
_MORE_STOP = frozenset(
    {"until", "after", "before", "every", "all", "any", "some", "more", "than", "into", "over"}
    | {"under", "about", "also", "not", "has", "have", "had", "was", "were", "are", "will"}
)
_FIGURE_WORDS = frozenset({"per", "cent", "percent", "million", "billion", "thousand", "hundred"})
# Where the clauses hung on a content begin: a comma, a dash, a relative pronoun.
# Where the clauses hung on a content start: punctuation, a relative pronoun, or a
# conjunction of time or condition ("suspend the fine *until the appeal is decided*").
_CLAUSE_START = re.compile(
    r"\s*[,;:(—–]|\s+(?:who|which|where|whose|whom|until|unless|while|because|pending)\b"
)
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
# What an official is to the body they speak for: "Vessen's chief executive, Julian Farrant".
_ROLES = "(?:{})".format(
    "|".join(re.escape(w) for w in sorted(ROLE_HEADS | {"head", "convenor", "boss", "founder"}))
)
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
    ``status`` is the demand's; an entry led by no demand has none.
    """

    first: LedgerStep
    actor: str | None
    target: str | None
    content: str
    status: LedgerStatus | None
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


def _worded(text: str, ask: Ask) -> str:
    """An ask's content as the article words it; a deed's with its verb, which its content
    span leaves out ("released the journalists"; "the reporters … detained")."""
    start = ask.content_start
    if ask.kind == "action" and ask.sentence_start <= ask.cue_start < start:
        start = ask.cue_start
    if ask.kind == "action" and ask.cue_start >= ask.content_end:
        return f"{_core(text[start : ask.content_end])} {ask.cue}"
    return text[start : ask.content_end]


def _deeds(ask: Ask) -> frozenset[str]:
    """The deed of an ask: the first word of its content, and for a deed told in the
    passive ("the reporters were detained") its cue's lemma."""
    found = {_verb(ask.content)}
    if ask.kind == "action" and ask.cue_lemma:
        found.add(_SAME.get(ask.cue_lemma, ask.cue_lemma))
    return frozenset(found)


def _core(worded: str) -> str:
    """A content as worded, without the clauses hung on it ("…, saying each month would
    cost …", "… workers who lose a job"): what is asked or done itself."""
    return _CLAUSE_START.split(worded, maxsplit=1)[0]


def _stems(worded: str) -> frozenset[str]:
    """Stems of the common words of a content as worded, without names and numbers: what
    it names ("independent inspectors" and "independent inspection" share "indep" and
    "inspe")."""
    return frozenset(
        w[:_STEM]
        for w in re.findall(r"[A-Za-z][a-z-]{2,}", worded)
        if w.islower() and w not in _STOP | _MORE_STOP | _NUMBERS | _FIGURE_WORDS
    )


def _mentions(text: str, key: str) -> bool:
    """Whether ``text`` names the party ``key``; a minister names their ministry."""
    pattern = re.escape(key).replace("ministry", "minist(?:ry|er)")
    return re.search(rf"\b{pattern}\b", text, re.IGNORECASE) is not None


def _same_party(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two parties' names meet: one name, or one the start of the other
    ("Vessen" and "Vessen Polymers", "the ministry" and "the ministry of industry")."""
    return any(x == y or x.startswith(f"{y} ") or y.startswith(f"{x} ") for x in a for y in b)


def _short_names(keys: frozenset[str]) -> frozenset[str]:
    """Keys and the first word of each longer one, the short name a body goes by."""
    return keys | {k.split()[0] for k in keys if " " in k and k.split()[0] not in _STOP}


def _speaks_for(text: str, person: Party, body: frozenset[str]) -> bool:
    """Whether the story names ``person`` as an official of ``body``: "Vessen's chief
    executive, Julian Farrant", "Farrant, chief executive of Vessen Polymers"."""
    words = person.name.split()
    lowered = text.lower()
    if not words or words[-1].lower() not in lowered:
        return False  # a cheap test before the long patterns are compiled
    surname = re.escape(words[-1])
    for key in _short_names(body):
        if key not in lowered:
            continue
        name = re.escape(key)
        patterns = (
            rf"\b{name}(?:'s|’s)\s+(?:[\w-]+\s+){{0,3}}?{_ROLES}\w*,?\s+(?:[A-Z][\w.-]*\s+){{0,3}}"
            rf"{surname}\b",
            rf"\b{surname},?\s+(?:[\w-]+\s+){{0,4}}?{_ROLES}\w*\s+(?:of|at|for)\s+(?:the\s+)?"
            rf"{name}\b",
            # "the regional secretary of the union, Greta Holloway"
            rf"\b{_ROLES}\w*\s+(?:of|at|for)\s+(?:the\s+)?{name}(?:\s+[\w'’-]+){{0,4}}?,\s+"
            rf"(?:[A-Z][\w.-]*\s+){{0,3}}{surname}\b",
            rf"\b{surname}(?:'s|’s)\s+{name}\b",  # "Strand's council": the body she leads
        )
        if any(re.search(p, text, re.IGNORECASE) for p in patterns):
            return True
    return False


def _step_kind(ask: Ask) -> AskKind:
    """What an ask is in the ledger: its kind, but an order given to a party ("the
    regulator ordered Ferrin to air a correction": an action of the regulator's) asks
    something of that party, which later steps may answer, so it is a demand here; and a
    pledge *not* to do something ("we will not pay a fine") refuses it."""
    if ask.kind == "action" and ask.target is not None and ask.cue_lemma in _ORDERS:
        return "demand"
    if ask.kind == "commitment" and ask.polarity == "negative":
        return "refusal"
    if ask.kind == "action" and ask.cue_lemma in _WITHHOLDING:
        return "refusal"
    return ask.kind


def _dated_before(reply: LedgerStep, demand: LedgerStep) -> bool:
    """Whether a reply told in the demand's own article is dated before that article
    ("Karsia began filling the reservoir in January" in a report of March): background,
    not an answer. (A later article's date may be another event's: "asked about the
    leak in March, he said it had let inspectors in".)"""
    when = _DATE.match(reply.ask.when or "")
    if when is None or demand.published is None or reply.article_id != demand.article_id:
        return False
    day = demand.published.date().isoformat()
    return when.group() < day[: len(when.group())]


@dataclass(slots=True)
class _Open:
    steps: list[LedgerStep]
    index: int  # row of its content vector


class _Linker:
    """Whether two steps' contents ask and answer the same thing."""

    def __init__(self, steps: list[LedgerStep], worded: list[str], encoder: Encoder | None) -> None:
        self.steps = steps
        cores = [_core(w) or s.ask.cue for s, w in zip(steps, worded, strict=True)]
        self.stems = [_stems(c) for c in cores]
        self.vectors: npt.NDArray[np.float32] | None = None
        self.objects: npt.NDArray[np.float32] | None = None
        if encoder is not None and steps:
            self.vectors = encoder.encode(cores)
            # What a deed is done to is compared only between steps of one verb: only
            # those are encoded (the rest stay zero).
            verbs = Counter(_verb(s.ask.content) for s in steps)
            shared = [
                n
                for n, s in enumerate(steps)
                if verbs[_verb(s.ask.content)] > 1 or s.kind in ("demand", "refusal")
            ]
            self.objects = np.zeros_like(self.vectors)
            if shared:
                objects = [_object(steps[n].ask.content) for n in shared]
                self.objects[shared] = encoder.encode(objects)

    def similar(self, i: int, j: int) -> bool:
        a, b = self.steps[i].ask.content, self.steps[j].ask.content
        va, vb = _verb(a), _verb(b)
        deeds = [
            frozenset(p) for p in product(_deeds(self.steps[i].ask), _deeds(self.steps[j].ask))
        ]
        if any(p in _OPPOSITES for p in deeds) or self._undoes(i, j):
            return False
        if (va == vb or vb in _ASK_WORDS) and _lemma_overlap(a, b) >= _LEMMA_MATCH:
            return True
        shared = len(self.stems[i] & self.stems[j])
        named_doer = self.steps[j].ask.actor is not None  # else the deed must be the same
        if (
            named_doer
            and shared >= _SHARED_STEMS
            and (
                shared / min(len(self.stems[i]), len(self.stems[j])) >= _STEM_MATCH
                or self._cosine(i, j) >= _STEM_MATCH
            )
        ):
            return True  # the same thing named, done in other words: inspectors let in
        if self.vectors is None or self.objects is None:
            return False
        if va == vb and float(self.objects[i] @ self.objects[j]) >= _OBJECT_MATCH:
            return (
                True  # one deed done to the same thing in other words: free reporters / journalists
            )
        if (
            self.steps[j].kind == "refusal"
            and named_doer
            and float(self.objects[i] @ self.objects[j]) >= _REFUSED_OBJECT_MATCH
        ):
            return True  # "withheld the March logs" refuses "hand over the logs"
        return self._cosine(i, j) >= _VECTOR_MATCH

    def _cosine(self, i: int, j: int) -> float:
        if self.vectors is None:
            return 0.0
        return float(self.vectors[i] @ self.vectors[j])

    def _undoes(self, i: int, j: int) -> bool:
        """A demand to stop something is not done by a deed that is no stopping."""
        head, reply = self.steps[i], self.steps[j]
        return (
            head.kind == "demand"
            and reply.kind in ("action", "commitment")
            and _verb(head.ask.content) in _STOPPING
            and not _deeds(reply.ask) & _STOPPING
        )

    def score(self, i: int, j: int) -> float:
        a, b = self.steps[i].ask.content, self.steps[j].ask.content
        return max(_lemma_overlap(a, b), self._cosine(i, j))


class _Parties:
    """Whether a reply comes from the side a demand asked, read against the story's texts."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.text = "\n\n".join(texts)
        self._ties: dict[tuple[str, frozenset[str]], bool] = {}

    def _speaks_for(self, person: Party, body: frozenset[str]) -> bool:
        """:func:`_speaks_for` over the story's texts, remembered per person and body."""
        key = (person.name, body)
        if key not in self._ties:
            self._ties[key] = _speaks_for(self.text, person, body)
        return self._ties[key]

    def one_side(self, a: Party | None, b: Party | None) -> bool:
        """Whether two askers are one side: one name, or an official the story names for
        the other ("Karsia's Energy Minister Tomas Orel" and Karsia); an unnamed asker
        may be either."""
        if a is None or b is None:
            return True
        keys_a, keys_b = _party_keys(a), _party_keys(b)
        return (
            _same_party(keys_a, keys_b)
            or self._speaks_for(a, keys_b)
            or self._speaks_for(b, keys_a)
        )

    def answers(self, demand: Ask, reply: Ask, reply_sentence: str = "") -> bool:
        """Whether the parties fit: the one asked replies (or, with no one named, another
        side).

        A deed whose doer the text does not name ("the sailors were freed", "operators
        received half of the rise") fits too. A replying official fits when the story
        names them as an official of the party asked ("Vessen's chief executive, Julian
        Farrant"), or, when the text gives no country for them, when the reply's own
        sentence names the party asked ("Orlov refused to release the journalists … and
        said Orlesia would not be lectured"), the official not being on the asking side.
        """
        responder = _party_keys(reply.actor)
        asked = _party_keys(demand.target)
        # Whether the reply comes from the asking side goes by name, not country: in a
        # dispute at home (a union and a port operator) both sides share one country.
        same_side = _same_party(_party_keys(demand.actor, False), _party_keys(reply.actor, False))
        if not asked:
            return not same_side
        if _same_party(asked, responder) or reply.actor is None:
            return True  # the one asked, or a deed whose doer goes unnamed ("were freed")
        if same_side:
            return False
        if self._speaks_for(reply.actor, asked):
            return True
        stateless = reply.actor.country is None
        return stateless and any(_mentions(reply_sentence, key) for key in _short_names(asked))


def _deed(step: LedgerStep, sentence: str) -> str:
    """What a step does for a demand: ``refused``, ``done``, ``partly`` done (a part or
    a share of it: "half of the rise"), ``promised`` (a pledge, or a deed only planned),
    ``withheld`` (a deed reported as not done: beside a deed done, the demand is only
    partly met: "delivered the February logs" … "has not handed over the March logs"),
    ``kept`` (a thing kept back by a deed: "withheld the March logs"), or ``nothing``
    (a deed that did not happen, was denied, or is only claimed)."""
    ask = step.ask
    if step.kind == "refusal" and ask.kind == "action":
        return "kept"  # "withheld the March logs"
    if step.kind == "refusal":
        return "refused"
    if step.kind == "commitment" or (step.kind == "action" and ask.certainty == "planned"):
        return "promised" if ask.polarity == "positive" else "nothing"
    if step.kind == "action" and ask.polarity == "negative" and ask.certainty == "reported":
        return "withheld"  # "has not handed over the March logs"
    if step.kind != "action" or ask.polarity != "positive" or ask.certainty == "denied":
        return "nothing"
    if ask.certainty == "reported":
        return "done"
    words = set(re.findall(r"[a-z]+", sentence.lower()))
    return "partly" if words & PARTIAL_WORDS and not words & DOUBT_WORDS else "nothing"


def _status(deeds: Sequence[str]) -> LedgerStatus:
    """The status of a demand from what its answers did, in time order: ``refused`` if
    a refusal came last, else what was done or promised (after any refusal). A thing
    kept back refuses it, unless part was done ("delivered the February logs" …
    "withheld the March logs"): then the demand is only partly met."""
    kept = "withheld" if "done" in deeds else "refused"
    deeds = [kept if d == "kept" else d for d in deeds]
    if "refused" in deeds:
        last = max(i for i, deed in enumerate(deeds) if deed == "refused")
        deeds = [d for d in deeds[last + 1 :] if d not in ("nothing", "withheld")]
        if not deeds:
            return "refused"
    if "done" in deeds:
        return "partly met" if "withheld" in deeds else "met"
    if "partly" in deeds:
        return "partly met"
    if "promised" in deeds:
        return "promised"
    return "open"


def _listed_together(a: LedgerStep, b: LedgerStep) -> bool:
    """Whether two demands are items of one sentence ("keep the plant open, pay the rise
    and …"): never one demand."""
    return a.article_id == b.article_id and a.ask.sentence_start == b.ask.sentence_start


def _nested(step: LedgerStep, steps: Sequence[LedgerStep]) -> bool:
    """Whether a demand is told inside a reply ("turned down the union's call to run the
    plant"): a demand mentioned again, not a new one."""
    d = step.ask
    return any(
        r.article_id == step.article_id
        and r.kind != "demand"
        and r.ask.start <= d.start
        and r.ask.end >= d.end
        for r in steps
    )


def build_ledger(
    items: Sequence[ArticleAsks], *, encoder: Encoder | None = None
) -> tuple[LedgerEntry, ...]:
    """The story's ledger entries, in the order their first step was reported.

    ``encoder`` (a :class:`storyline.nlp.embeddings.SentenceEncoder`) lets contents
    match by meaning; without it they match by shared lemmas only. A demand told
    inside a reply joins an earlier demand it repeats, whoever the text says asked.
    A reply dated before the demand was reported answers nothing.
    """
    steps: list[LedgerStep] = []
    sentence_of: dict[int, str] = {}
    worded: dict[int, str] = {}
    for item in items:
        for ask in item.asks:
            span = SourceSpan(item.article_id, ask.start, ask.end)
            steps.append(LedgerStep(_step_kind(ask), item.article_id, item.published, ask, span))
            sentence_of[id(steps[-1])] = item.text[ask.sentence_start : ask.sentence_end]
            worded[id(steps[-1])] = _worded(item.text, ask)
    # In time order; within one article in the order the text finishes telling them, so
    # a demand reported inside its refusal ("rejected the union's demand for …") comes first.
    article_order = {item.article_id: n for n, item in enumerate(items)}
    steps.sort(key=lambda s: (_when(s), article_order[s.article_id], s.ask.end, -s.ask.start))
    linker = _Linker(steps, [worded[id(s)] for s in steps], encoder)
    parties = _Parties([item.text for item in items])
    entries: list[_Open] = []
    for i, step in enumerate(steps):
        best: tuple[float, _Open] | None = None
        told_again = step.kind == "demand" and _nested(step, steps)
        bare = step.kind == "refusal" and _bare(step.ask)
        for entry in entries:
            head = entry.steps[0]
            if head.kind != "demand":
                continue
            if step.kind == "demand":
                fits = not _listed_together(head, step) and (
                    parties.one_side(step.ask.actor, head.ask.actor) or told_again
                )
            else:
                fits = (
                    (
                        parties.answers(head.ask, step.ask, sentence_of[id(step)])
                        # a bare refusal right after the demand: anyone but the asker
                        or (bare and not parties.one_side(step.ask.actor, head.ask.actor))
                    )
                    and _after(head, step)
                    and not _dated_before(step, head)
                )
            if not fits:
                continue
            if bare:
                # "Kanagawa turned him down": what is refused is the demand just told
                told = [
                    d.ask.end
                    for d in entry.steps
                    if d.kind == "demand"
                    and d.article_id == step.article_id
                    and d.ask.end <= step.ask.start
                ]
                if not told:
                    continue
                score = float(max(told))
            elif linker.similar(entry.index, i):
                score = linker.score(entry.index, i)
            else:
                continue
            if best is None or score > best[0]:
                best = (score, entry)
        if best is not None:
            best[1].steps.append(step)
        else:
            entries.append(_Open([step], i))
    return tuple(
        _entry(e.steps, [_deed(s, sentence_of[id(s)]) for s in e.steps[1:]]) for e in entries
    )


def _bare(ask: Ask) -> bool:
    """Whether a refusal names nothing of what it refuses: "turned him down", "refused"
    (its content is its cue)."""
    if (ask.content_start, ask.content_end) == (ask.cue_start, ask.cue_end):
        return True
    return all(w in _PRONOUNS for w in ask.content.lower().split())


def _after(demand: LedgerStep, reply: LedgerStep) -> bool:
    """Whether ``reply`` can answer ``demand``: a later report, or, in the demand's own
    article, told after it — or wrapped around it ("the operator rejected the union's
    demand for a 9 percent rise": the demand is reported inside its refusal).
    Background told before the demand in its own article answers nothing."""
    if reply.article_id != demand.article_id:
        return True
    d, r = demand.ask, reply.ask
    return r.start >= d.end or (r.start <= d.start and r.end >= d.end and r is not d)


def _entry(steps: list[LedgerStep], deeds: Sequence[str]) -> LedgerEntry:
    """An entry of ``steps``; ``deeds`` (:func:`_deed`, one per step after the first)
    give a demand's status. Only a demand gathers later steps: any other entry is one
    step, and has no status."""
    first = steps[0]
    sources = tuple(dict.fromkeys(s.article_id for s in steps))
    return LedgerEntry(
        first,
        first.ask.actor.name if first.ask.actor else None,
        first.ask.target.name if first.ask.target else None,
        first.ask.content,
        _status(deeds) if first.kind == "demand" else None,
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
