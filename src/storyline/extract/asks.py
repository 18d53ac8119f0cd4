"""Who asks whom for what, who promises, does or refuses it: :class:`Ask` records.

Four kinds, each found from a cue verb in the parse:

- ``demand``: X asks, urges, presses, calls on, wants Y to do Z ("Z is what X
  wants from Y" too); a list of demands in one sentence gives one record each;
- ``commitment``: X agrees, promises, pledges, plans to do Z;
- ``action``: X did Z (ordered, approved, shut, cut, imposed, restored …).
  An action hedged as claimed or partial is ``doubted``; one the text says has
  not happened yet ("has yet to announce an extension") is ``doubted`` with a
  ``negative`` polarity, never a done deed; one denied ("denied ordering") is
  ``denied``;
- ``refusal``: X rejects, refuses, resists, rules out Z.

The actor is the cue's subject, resolved through the entities as quotes are
(pronouns go to their entity, "I"/"we" in a quote to its speaker); the target
is the one asked ("pressing *Ankara* to …", "called on *Estmark* to …"). Each
party carries the country it acts for when the text says so: a country, its
capital or demonym ("Ankara", "Turkish"), or a title naming one ("U.S.
Secretary of State Antony Blinken", then "Blinken" anywhere after).

>>> from storyline.nlp.pipeline import load_nlp
>>> from storyline.extract.entities import group_entities
>>> doc = load_nlp()("Kovar urged Orlesia to free the journalists.")
>>> ask = extract_asks(doc, group_entities(doc), (), ())[0]
>>> (ask.kind, ask.actor.name, ask.target.country, ask.content)
('demand', 'Kovar', 'Orlesia', 'free journalist')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storyline.extract.asks_cues import (
    ANSWER_NOUNS,
    DECISIONS,
    NOT_DEEDS,
    SELF_DEMANDS,
)
from storyline.extract.asks_grammar import (
    AskKind,
    Certainty,
    Polarity,
    action_span,
    action_target,
    agentive,
    case_of,
    complement,
    content_items,
    extent,
    infinitive_of,
    is_verb,
    kind_of,
    lemma_of,
    modality,
    normalise,
    to_clause,
    yet_to,
)
from storyline.extract.asks_parties import Party, PartyResolver
from storyline.extract.entities import Entity
from storyline.extract.quotes import Quote
from storyline.extract.quotes_cues import SPEECH_VERBS
from storyline.extract.time import Timex

__all__ = ["Ask", "AskKind", "Party", "extract_asks"]


# Nouns that carry an ask with its content: "a request to …", "his pledge to …".
_ASK_NOUNS: dict[str, AskKind] = {
    **dict.fromkeys(["request", "demand", "call", "appeal", "plea", "ultimatum"], "demand"),
    **dict.fromkeys(["pledge", "promise", "plan", "goal", "agreement", "vow"], "commitment"),
    **dict.fromkeys(["decision", "effort", "attempt", "bid", "move"], "action"),
}
# What one rejects when rejecting a claim, not a request: no refusal.
_CLAIMS = {"argument", "claim", "allegation", "accusation", "notion", "suggestion", "report"}
_CLAIMS |= {"concern", "criticism", "characterization", "assertion", "charge", "comparison"}
_OBJECTS = {"obj", "xcomp", "ccomp", "compound:prt", "obl"}
_WILL = {"will", "'ll", "would", "shall", "should", "must"}
_MODALS = {"will", "would", "could", "may", "might", "should", "must", "can", "shall", "'ll"}
_NOBODY = Party("", None, None, 0, 0)  # "no actor named", unlike "find the actor"


@dataclass(frozen=True, slots=True)
class Ask:
    """One demand, commitment, action or refusal; offsets index the article text."""

    kind: AskKind
    actor: Party | None
    target: Party | None
    content: str
    content_start: int
    content_end: int
    cue: str
    cue_start: int
    cue_end: int
    sentence_start: int
    sentence_end: int
    quote_start: int | None
    quote_end: int | None
    when: str | None
    polarity: Polarity
    certainty: Certainty
    start: int
    end: int


class _Finder:
    def __init__(
        self,
        doc: Any,
        entities: tuple[Entity, ...],
        quotes: tuple[Quote, ...],
        timexes: tuple[Timex, ...],
    ) -> None:
        self.doc = doc
        self.text: str = doc.text
        self.quotes = quotes
        self.timexes = timexes
        self.parties = PartyResolver(doc, entities, quotes)

    def run(self) -> list[Ask]:
        asks: list[Ask] = []
        claimed: set[int] = set()  # verbs that are the content of another cue
        for tok in self.doc:
            if (
                tok.pos_ == "NOUN"
                and tok.lemma_.lower() in _ASK_NOUNS
                and not (tok.ent_type_ or (tok.is_title and tok.i > tok.sent.start))
            ):  # not "the Court of Appeals"
                noun_ask = self._noun_ask(tok)
                if noun_ask is not None:
                    asks.append(noun_ask)
                continue
            if not is_verb(tok) or tok.i in claimed:
                continue
            kind = kind_of(tok)
            modal = self._modal_ask(tok, kind)
            if modal is not None:
                asks.append(modal)
                continue
            if lemma_of(tok) in DECISIONS and any(to_clause(c) for c in tok.children):
                kind = "action"  # "decided to uphold the ban" is done, deciding
            elif kind is None or kind == "action":
                ask = self._action(tok, listed=kind == "action")
                if ask is not None:
                    asks.append(ask)
                continue
            head, target = complement(tok, kind)
            if kind == "refusal" and head is not None and head.lemma_.lower() in _CLAIMS:
                continue  # "rejected that argument" answers a claim, not an ask
            if head is not None and head.pos_ == "VERB" and lemma_of(head) in NOT_DEEDS - {"get"}:
                continue  # "want to know", "asked to see"
            if (
                kind == "demand"
                and target is None
                and lemma_of(tok) in SELF_DEMANDS
                and (lemma_of(tok) == "seek" or (head is not None and head.dep_ == "xcomp"))
            ):
                kind = "commitment"  # "wants to continue", "seeking a relationship"
                subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.lower_ in ("i", "we", "you"):
                    continue  # "we want to get this behind us": talk, not a plan
            if head is None:
                head = self._what_wants(tok) if kind == "demand" else None
                if head is None:
                    continue
            if any(c.lower_ == "you" for c in tok.children if c.dep_.startswith("nsubj")):
                continue  # "you agree to our cookie policy"
            items = content_items(tok, head)
            claimed.update(t.i for a, b in items for t in self.doc[a:b])
            for a, b in items:
                asks.append(self._record(kind, tok, self.doc[a:b], target))
        return asks

    def _noun_ask(self, cue: Any) -> Ask | None:
        """ "The Times' request to unseal the file", "the union's demand for a pay rise"."""
        kind = _ASK_NOUNS[cue.lemma_.lower()]
        content = infinitive_of(cue) or next(
            (
                c
                for c in cue.children
                if c.dep_ == "nmod"
                and case_of(c) == ("for" if kind == "demand" else "of")
                and (kind == "demand" or c.tag_ == "VBG")
            ),
            None,
        )
        if content is None:
            return None
        who = next(
            (
                c
                for c in cue.children
                if c.i < cue.i and (c.dep_ == "nmod:poss" or (c.dep_ == "compound" and c.ent_type_))
            ),
            None,
        ) or next((c for c in cue.children if c.dep_ == "nmod" and case_of(c) == "by"), None)
        actor = self.parties.party(who) if who is not None else _NOBODY
        start, end = extent(content)
        if self.doc[start].lower_ in ("for", "to"):
            start += 1
        return self._record(kind, cue, self.doc[start:end], None, actor=actor)

    def _what_wants(self, cue: Any) -> Any | None:
        """ "Z is what X wants from Y": the content is Z, before the copula."""
        head = cue.head
        if cue.dep_ not in ("acl:relcl", "relcl", "csubj", "ccomp") or head.lower_ != "what":
            return None
        first = cue.sent[0]
        return first if first.i < head.i - 1 else None

    def _modal_ask(self, tok: Any, kind: AskKind | None) -> Ask | None:
        """ "X will do Z" (a commitment) and "Y should do Z" said by X (a demand)."""
        passive = tok.tag_ == "VBN" and any(c.dep_ == "aux:pass" for c in tok.children)
        if not is_verb(tok) or not (tok.tag_ == "VB" or passive) or lemma_of(tok) in NOT_DEEDS:
            return None
        aux = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ in _WILL), None)
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if aux is None or subj is None or not (agentive(subj) or subj.lower_ == "you"):
            return None
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
            return None
        span = action_span(tok)
        if aux.lower_ in ("should", "must", "ought"):
            quote = self._quote_at(tok.idx)
            if quote is None or quote.speaker is None or subj.lower_ in ("i", "we"):
                return None
            actor = self.parties.from_speaker(quote.speaker)
            return self._record("demand", tok, span, subj, actor=actor, cue_tok=aux)
        if (
            subj.lower_ == "you"
            or kind in ("demand", "refusal")
            or not any(c.dep_ in _OBJECTS for c in tok.children)
        ):
            return None
        return self._record("commitment", tok, span, None, cue_tok=aux)

    def _quote_at(self, start: int) -> Quote | None:
        return next((q for q in self.quotes if q.start <= start < q.end), None)

    def _action(self, tok: Any, listed: bool = True) -> Ask | None:
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            return self._participle(tok)
        progressive = tok.tag_ == "VBG" and any(c.dep_ == "aux" for c in tok.children)
        if (
            (tok.dep_ in ("amod", "acl", "compound") or tok.tag_ in ("VBG", "VB"))
            and not progressive
            and not yet_to(tok)
        ):
            return None
        children = list(tok.children)
        lower = {c.lower_ for c in children}
        if any(c.dep_ == "aux:pass" for c in children):
            return self._passive(tok, listed)
        if not listed:
            if lemma_of(tok) in NOT_DEEDS or lemma_of(tok) in SPEECH_VERBS:
                return None
            if tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in children):
                return None
            subj = next((c for c in children if c.dep_ == "nsubj"), None)
            if subj is None or not agentive(subj):
                return None
            if not any(c.dep_ == "obj" for c in children):
                return None
        if lower & _MODALS or ("to" in lower and not yet_to(tok)):
            return None
        if tok.lemma_.lower() == "announce" and not any(
            c.dep_ == "obj" and c.lemma_.lower() in ANSWER_NOUNS for c in children
        ):
            return None
        if tok.lemma_.lower() == "publish" and not any(
            c.dep_ == "obj" and c.lemma_.lower() in ANSWER_NOUNS for c in children
        ):
            return None
        if not any(c.dep_ in ("obj", "xcomp", "ccomp", "compound:prt") for c in children):
            return None
        ask = self._record("action", tok, action_span(tok), action_target(tok))
        return ask if ask.actor is not None else None

    def _participle(self, tok: Any) -> Ask | None:
        """ "a penalty imposed by the bureau": a deed with its agent, inside a noun phrase."""
        agent = next((c for c in tok.children if c.dep_ == "obl:agent"), None)
        if agent is None or not agentive(agent) or lemma_of(tok) in NOT_DEEDS:
            return None
        start = tok.head.left_edge.i
        end = max(action_span(tok).end, tok.i + 1)
        if start >= tok.i or tok.head.pos_ not in ("NOUN", "PROPN"):
            return None
        actor = self.parties.party(agent)
        return self._record("action", tok, self.doc[start:end], None, actor=actor)

    def _passive(self, tok: Any, listed: bool) -> Ask | None:
        """ "The ban was upheld by the board", "5,300 employees were fired": the deed
        runs from what it was done to; the actor is the agent, if the text names one."""
        if not listed and (lemma_of(tok) in NOT_DEEDS or lemma_of(tok) in SPEECH_VERBS):
            return None
        if tok.tag_ != "VBN" or any(c.lower_ in _MODALS for c in tok.children):
            return None
        subj = next((c for c in tok.children if c.dep_ == "nsubj:pass"), None)
        if subj is None or (subj.pos_ == "PRON" and subj.lower_ not in ("he", "she", "they")):
            return None
        agent = next(
            (
                c
                for c in tok.children
                if c.dep_ == "obl:agent" or (c.dep_ == "obl" and case_of(c) == "by")
            ),
            None,
        )
        if agent is None and not listed:
            return None
        if agent is not None and not agentive(agent):
            return None  # "killed by gunfire"
        start = extent(subj)[0]
        end = max(action_span(tok).end, tok.i + 1)
        actor = self.parties.party(agent) if agent is not None else _NOBODY
        return self._record("action", tok, self.doc[start:end], None, actor=actor)

    def _record(
        self,
        kind: AskKind,
        verb: Any,
        span: Any,
        target_tok: Any | None,
        actor: Party | None = None,
        cue_tok: Any | None = None,
    ) -> Ask:
        cue = verb if cue_tok is None else cue_tok
        sent = cue.sent
        if actor is None:
            subj = self.parties.subject(verb)
            actor = self.parties.party(subj) if subj is not None else None
        elif actor is _NOBODY:
            actor = None
        target = self.parties.party(target_tok) if target_tok is not None else None
        if kind == "demand" and target is None and span[0].dep_ == "ccomp":
            target = None
        polarity, certainty = modality(kind, verb)
        quote = next(
            (
                q
                for q in self.quotes
                if q.cue_start != cue.idx
                and (q.start <= cue.idx < q.end or q.start <= span.start_char < q.end)
            ),
            None,
        )
        content_start, content_end = span.start_char, span.end_char
        parts = [(content_start, content_end), (cue.idx, cue.idx + len(cue))]
        parts += [(p.start, p.end) for p in (actor, target) if p is not None]
        return Ask(
            kind,
            actor,
            target,
            normalise(span),
            content_start,
            content_end,
            cue.text,
            cue.idx,
            cue.idx + len(cue),
            sent.start_char,
            sent.end_char,
            quote.start if quote is not None else None,
            quote.end if quote is not None else None,
            self._when(sent, cue),
            polarity,
            certainty,
            min(a for a, _ in parts),
            max(b for _, b in parts),
        )

    def _when(self, sent: Any, cue: Any) -> str | None:
        inside = [
            t
            for t in self.timexes
            if t.resolved
            and t.type in ("DATE", "TIME")
            and sent.start_char <= t.start
            and t.end <= sent.end_char
        ]
        if not inside:
            return None
        near = min(inside, key=lambda t: abs(t.start - cue.idx))
        return near.value


def extract_asks(
    doc: Any,
    entities: tuple[Entity, ...],
    quotes: tuple[Quote, ...],
    timexes: tuple[Timex, ...],
) -> tuple[Ask, ...]:
    """Demands, commitments, actions and refusals in a parsed article, in text order.

    >>> from storyline.nlp.pipeline import load_nlp
    >>> doc = load_nlp()("The union refused to end the strike.")
    >>> [(a.kind, a.actor.name, a.content) for a in extract_asks(doc, (), (), ())]
    [('refusal', 'The union', 'end strike')]
    """
    found = _Finder(doc, entities, quotes, timexes).run()
    return tuple(sorted(found, key=lambda a: (a.content_start, a.cue_start)))
