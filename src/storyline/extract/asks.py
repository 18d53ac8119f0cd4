"""Who asks whom for what, who promises, does or refuses it: :class:`Ask` records.

Four kinds, each found from a cue verb in the parse:

- ``demand``: X asks, urges, presses, calls on, wants, gets Y to do Z ("Z is
  what X wants from Y" too; "tried to convince Y to …"; "X hopes Y will do Z");
  "Y should/must do Z" in X's quote; a list of demands in one sentence gives one
  record each; a passive demand ("Y was urged by X to …") is X's of Y, and one
  with no asker named ("workers were forced to …") is none; "X demanded that Y
  do Z" asks Y; "X wants Z done" (also "which X wants withdrawn") asks no one
  named; "Asked about Z, X said …" asks nothing;
- ``commitment``: X agrees, promises, pledges, plans to do Z; "X will do Z" of
  a person or body ("X said it would do Z" only in X's own announcement, never
  a bare hypothetical "would"); an agreement X makes with Y;
- ``action``: X did Z: a listed deed (ordered, approved, imposed, endorsed,
  fined, deployed …) or any transitive verb of an agent that is not a verb of
  perceiving, depicting, moving about or faring (those never are); attempts
  and decisions ("decided to uphold the ban", "moved to block the merger"); a
  measure passing ("the bill passed 364 to 62": the chamber, if named, acts);
  money spent or given; backing ("threw its support behind Y"); "will" of a
  chamber or a plural group is a scheduled (``planned``) action, not a pledge. "ordered Y to A and
  B" gives one action per item with Y as target; a passive with a complement
  has the complement as content and the patient as target ("[X] was fined $N").
  An action hedged as claimed or partial is ``doubted``; one the text says has
  not happened yet ("has yet to announce an extension") is ``doubted`` with a
  ``negative`` polarity, never a done deed; one denied ("denied ordering") is
  ``denied``; "X received N" (an amount) is a deed done to X by no one named; a
  relative clause telling what someone is or does for a living ("who chairs the
  association", "who has pulled pints for 26 years") is no deed;
- ``refusal``: X rejects, refuses, resists, rules out, fights or votes against Z
  (a request or an act, not a claim or an argument); a bare "X refused." names
  nothing and has its cue for content (the ledger reads it as refusing the
  demand just told); "brushed off" or "pushed back against" refuses only an ask
  ("brushed off Biden's call for …"); a passive refusal ("the request was
  rejected by the court") is the agent's; dismissing a case, charges or an aide
  is a deed, dismissing a challenge a refusal; "has not ruled out" refuses nothing.

No kind is told of an ask under an open condition ("unless he has tried …"), as a
possibility ("nobody can force it to …"), of anyone at all ("an individual who …")
or proposed by a motion or a bill ("a motion to dismiss the case"); a time, a sum
or a word that only points ("Sunday", "$", "many") is no party, and no one asks
itself.

The content span is what is asked, promised, done or refused, as the labelling
guidelines have it: the verb phrase after the cue (without a leading "to"),
and for a deed its object with its complements, without the verb (the
normalised ``content`` keeps the verb's lemma, for the ledger); the source it is told
on ("…, according to X") is no part of it, and "will" inside an indirect question
("has not said how much it will pay") is no pledge.

The actor is the cue's subject, resolved through the entities as quotes are
(pronouns go to their entity, "I"/"we" in a quote to its speaker, an
unresolved "he"/"his" to the person named before it in the sentence, "it" to the
body unnamed sources speak about — "people familiar with the union's plans said it
…" — or to the body opening the first of two joined clauses); the
target is the one asked ("pressing *Ankara* to …", "called on *Estmark* to …",
"told *officials* that she didn't want …"), the one ordered, the other side of
a deed done together, or the asker of a refused request. Each party carries
the country it acts for when the text says so: a country, its capital or
demonym ("Ankara", "Turkish"), or a title naming one ("U.S. Secretary of State
Antony Blinken", then "Blinken" anywhere after).

The deeds (``action``) are found in :mod:`storyline.extract.asks_deeds`, the asks of
"will", "would" and "should" in :mod:`storyline.extract.asks_modals`; the grammar
they share is in :mod:`storyline.extract.asks_grammar`.

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

from storyline.extract.asks_certainty import modality
from storyline.extract.asks_cues import (
    ANSWERABLE_NOUNS,
    CLAIM_NOUNS,
    DECISIONS,
    DEMAND_VERBS,
    DIRECTIVE_VERBS,
    INANIMATE_NOUNS,
    MEASURE_NOUNS,
    NARRATIVE_VERBS,
    NOT_DEEDS,
    OFFICE_NOUNS,
    PUSHING_VERBS,
    REQUEST_NOUNS,
    SELF_DEMANDS,
    UNKNOWING_VERBS,
)
from storyline.extract.asks_deeds import (
    NOBODY,
    action,
    argument_gerund,
    conditional,
    generic_doer,
    hope,
    resumed,
    support,
)
from storyline.extract.asks_grammar import (
    ASK_NOUNS,
    AskKind,
    Certainty,
    Polarity,
    act_noun,
    agentive,
    asks_a_deed,
    case_of,
    causative,
    complement,
    direct_verbs,
    directs_a_party,
    is_verb,
    kind_of,
    lemma_of,
    may_act,
    questioned,
    to_clause,
    told_party,
)
from storyline.extract.asks_mend import mend_span
from storyline.extract.asks_modals import modal_ask
from storyline.extract.asks_nouns import noun_ask_of
from storyline.extract.asks_parties import Party, PartyResolver
from storyline.extract.asks_refusing import (
    bare_refusal,
    dismissed_ask,
    dismissing,
    refusable,
    refused_askers,
    refused_passive,
    voted_against,
)
from storyline.extract.asks_spans import content_items, extent, normalise
from storyline.extract.entities import Entity
from storyline.extract.quotes import Quote
from storyline.extract.time import Timex

__all__ = ["Ask", "AskKind", "Party", "extract_asks"]


_ATTEMPTS = {"try", "attempt"}
# Deeds of court that ask a party to act when they name one and an infinitive:
# "appealed to Estmark to free …", "challenged Dunn to release …".
_ASKING_TO = {"appeal", "challenge"}
_NOT = {"not", "n't", "never"}
# Cue verbs whose object is the thing asked, promised or refused (not the one asked),
# so that a noun they modify as a participle names it: "the laws *proposed* …".
_THING_ASKED = {"propose", "request", "demand", "seek", "reject", "oppose", "veto", "promise"}
_THING_ASKED |= {"pledge", "offer", "guarantee", "refuse", "decline"}


def _unattributed(span: Any) -> Any:
    """A content without the source it is told on: "open the store to inspectors*,
    according to union convenor Tom Ashdown*" is what was agreed, not who said so."""
    doc = span.doc
    cut = next(
        (
            t.i
            for t in span
            if t.lower_ == "according" and t.i + 1 < span.end and doc[t.i + 1].lower_ == "to"
        ),
        None,
    )
    if cut is None or all(t.is_punct for t in doc[span.start : cut]):
        return span  # "according to the study, which was funded by …": the noun itself
    while doc[cut - 1].is_punct:
        cut -= 1
    return doc[span.start : cut]


def _proposed_by_noun(tok: Any) -> bool:
    """ "a motion to dismiss the case", "a bill to ban the practice": an infinitive that
    tells what a measure or a motion proposes, not something its owner does."""
    noun = tok.head
    return bool(
        tok.dep_ == "acl"
        and any(c.dep_ == "mark" and c.lower_ == "to" for c in tok.children)
        and noun.pos_ in ("NOUN", "PROPN")
        and (act_noun(noun) or noun.lemma_.lower() in INANIMATE_NOUNS | MEASURE_NOUNS)
    )


_POSSIBLY = {"can", "could", "may", "might", "ca"}  # "ca" of "can't"


def _possible(tok: Any) -> bool:
    """An ask told as a possibility ("nobody can force it to accept …", "the government
    could reverse the rules or decline to appeal"): not one made."""
    # a bare verb joined to a modal's shares it ("could reverse … or decline"); a past
    # tense joined to one does not ("… can have consequences and urged …")
    verbs = [tok, tok.head] if tok.dep_ == "conj" and tok.tag_ == "VB" else [tok]
    return any(c.dep_ == "aux" and c.lower_ in _POSSIBLY for v in verbs for c in v.children)


# Verbs by which a party puts out a document as its own word ("issued a statement
# calling for …", "filed papers opposing …").
_ISSUING_VERBS = {"issue", "release", "file", "publish", "sign", "send", "submit", "adopt"}


def _same_party(a: Party, b: Party) -> bool:
    if a.entity_id is not None and a.entity_id == b.entity_id:
        return True
    return a.name.lower() == b.name.lower()


def _foretold(clause: Any) -> bool:
    """A clause told with "will" or "would" after a demand verb ("insisted he would not
    meet …", "urged that the talks will …"): what is asked takes the bare verb ("that he
    resign", "to resign"); a future states what someone holds will happen."""
    return bool(
        clause.dep_ in ("ccomp", "advcl", "ROOT")
        and any(c.dep_.startswith("nsubj") for c in clause.children)
        and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in clause.children)
    )


def _contents(asks: list[Ask]) -> list[tuple[int, int]]:
    return [(a.content_start, a.content_end) for a in asks]


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
    cue_lemma: str = ""
    """The cue word's lemma ("ordered" → "order", "were detained" → "detain"), mended
    where the lemmatiser got a cue verb wrong; empty for records made without one."""


class _Finder:
    """One article's asks; :meth:`record` and :meth:`quote_at` serve the deed rules
    (:class:`storyline.extract.asks_deeds.Finder`)."""

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
                (tok.pos_ == "NOUN" or tok.tag_ in ("NN", "NNS"))
                and tok.lemma_.lower() in ASK_NOUNS
                and not (tok.ent_type_ or (tok.is_title and tok.i > tok.sent.start))
            ):  # not "the Court of Appeals"
                noun_ask = noun_ask_of(self, tok)
                if noun_ask is not None:
                    asks.append(noun_ask)
                    # "an effort to convince its members to vote against it": the vote is
                    # what is sought, not a deed or refusal of its own
                    claimed.update(
                        i
                        for i in direct_verbs(tok, _contents([noun_ask]))
                        # "… as the administration tries to respond": a clause of its own
                        if not any(c.dep_.startswith("nsubj") for c in self.doc[i].children)
                    )
                continue
            if not is_verb(tok) or tok.i in claimed or argument_gerund(tok) or questioned(tok):
                continue
            if conditional(tok) or generic_doer(tok):
                continue  # "unless he has tried …", "an individual who impregnated …": no act
            backing = support(self, tok)
            if backing is not None:
                asks.append(backing)
                continue
            hoped = hope(self, tok)
            if hoped is not None:
                asks.append(hoped[0])
                claimed.add(hoped[1])
                continue
            against = voted_against(tok)
            if against is not None:
                # "voted against approving the application": a refusal of it
                for a, b in content_items(tok, against):
                    a += self.doc[a].lower_ == "against"
                    asks.append(self.record("refusal", tok, self.doc[a:b], None))
                claimed.update(direct_verbs(tok, _contents(asks[-1:])))
                continue
            kind = kind_of(tok)
            if kind is None and causative(tok):
                kind = "demand"  # "efforts to get the FBI to investigate …"
            if lemma_of(tok) in _ASKING_TO and directs_a_party(tok):
                kind = "demand"  # "appealed to X to free …", not "appealed the ruling"
            if lemma_of(tok) == "deny" and any(
                c.dep_ in ("obj", "obl:unmarked") and c.lemma_.lower() in REQUEST_NOUNS
                for c in tok.children
            ):
                kind = "refusal"  # "denied a request from X to …"; not "denied that …"
            if kind in ("demand", "commitment", "refusal") and lemma_of(tok) in _THING_ASKED:
                named = self._named_by_participle(tok, kind)
                if named is not None:
                    asks.append(named)
                    continue
            modal = modal_ask(self, tok, kind)
            if modal is not None:
                asks.append(modal)
                continue
            if lemma_of(tok) in _ATTEMPTS and kind is None:
                tried = next((c for c in tok.children if to_clause(c)), None)
                if tried is not None and (
                    causative(tried) or (lemma_of(tried) in DEMAND_VERBS and asks_a_deed(tried))
                ):
                    continue  # "tried to convince the court to …": the demand is the inner verb
                if tried is not None and lemma_of(tried) in NARRATIVE_VERBS | NOT_DEEDS:
                    continue  # "trying to distract attention": no deed attempted
            if lemma_of(tok) in DECISIONS and any(to_clause(c) for c in tok.children):
                kind = "action"  # "decided to uphold the ban" is done, deciding
            elif kind == "action" and lemma_of(tok) in DIRECTIVE_VERBS:
                ask_list = self._directive(tok)
                if ask_list is not None:
                    asks.extend(ask_list)
                    claimed.update(direct_verbs(tok, _contents(ask_list)))
                    continue
                if not directs_a_party(tok):
                    ask = action(self, tok, listed=True)
                    if ask is not None:
                        asks.append(ask)
                continue  # "This allowed ISIL to become …": no party ordered anything
            elif kind is None or kind == "action":
                ask = action(self, tok, listed=kind == "action") or resumed(self, tok)
                if ask is not None:
                    asks.append(ask)
                continue
            if kind in ("demand", "commitment", "refusal") and _proposed_by_noun(tok):
                continue  # "Bannon's motion to dismiss the case": what the motion proposes
            if kind in ("demand", "commitment", "refusal") and _possible(tok):
                continue  # "nobody can force it to …", "could … decline to appeal": no ask made
            if kind == "refusal" and any(c.dep_ == "aux:pass" for c in tok.children):
                refused = refused_passive(self, tok)
                if refused is not None:
                    asks.append(refused)
                continue
            head, target = complement(tok, kind)
            if (
                kind == "demand"
                and lemma_of(tok) == "force"
                and target is not None
                and target.pos_ == "NOUN"
                and not target.ent_type_
                and not may_act(target)
            ):
                continue  # "forced the plane to land": force used on a thing, no one asked
            if (
                kind == "refusal"
                and lemma_of(tok) == "dismiss"
                and head is not None
                and not refusable(head)
            ):
                ask = action(self, tok)  # "dismissed the case", "dismissed the aide": a deed
                if ask is not None:
                    asks.append(ask)
                continue
            if (
                kind == "demand"
                and lemma_of(tok) == "push"
                and (head is None or head.dep_ == "obj")
                and any(c.dep_ == "obj" and not agentive(c) for c in tok.children)
            ):
                ask = action(self, tok)  # "pushed a bill through the Senate": a deed
                if ask is not None:
                    asks.append(ask)
                continue
            if (
                kind == "demand"
                and lemma_of(tok) in PUSHING_VERBS
                and head is not None
                and not (to_clause(head) or head.dep_ == "acl" or case_of(head) == "for")
            ):
                continue  # "pressed him on his failure" asks nothing
            if kind == "refusal" and head is not None and head.lemma_.lower() in CLAIM_NOUNS:
                continue  # "rejected that argument" answers a claim, not an ask
            if kind == "refusal" and dismissing(tok):
                head = dismissed_ask(tok, head)
                if head is None:
                    continue  # "brushed off the report's findings": words, nothing refused
                if head.dep_ == "obl":
                    # "pushing back against calls from Orlesia to close them", the parse
                    # hanging the asker and the ask on the verb: the calls, all of them
                    start, end = extent(tok, first=head.i)
                    asks.append(self.record(kind, tok, self.doc[start:end], None))
                    continue
            if (
                lemma_of(tok) in ("oppose", "resist", "fight")
                and head is not None
                and (
                    (head.pos_ in ("NOUN", "PROPN") and not act_noun(head))
                    or (lemma_of(tok) == "fight" and head.dep_ != "obj")
                )
            ):
                # "oppose radical ideology": a stance, not a refused act; "fought for the
                # bill" backs it; "fought the rebels" is a deed, if anything
                fights = lemma_of(tok) == "fight" and head.dep_ == "obj"
                fought = action(self, tok) if fights else None
                if fought is not None:
                    asks.append(fought)
                continue
            if (
                head is not None
                and head.pos_ in ("VERB", "AUX")
                and lemma_of(head) in UNKNOWING_VERBS
            ):
                continue  # "want to know", "asked to see", "declined to comment"
            if kind == "demand" and head is not None and _foretold(head):
                continue  # "insisted he would not meet Biden": a claim or a pledge, no ask
            if (
                kind == "commitment"
                and lemma_of(tok) in ("offer", "accept")
                and not (
                    head is not None
                    and (
                        any(c.dep_ == "mark" and c.lower_ == "to" for c in head.children)
                        or head.lemma_.lower() in ANSWERABLE_NOUNS
                    )
                )
            ):
                continue  # "offers an early test", "accepting donations", "offered testimony"
            if (
                kind == "demand"
                and target is None
                and lemma_of(tok) in SELF_DEMANDS
                and (lemma_of(tok) == "seek" or (head is not None and head.dep_ == "xcomp"))
                and not (head is not None and head.tag_ == "VBN")  # "wants it withdrawn"
            ):
                kind = "commitment"  # "wants to continue", "seeking a relationship"
                subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if (
                    lemma_of(tok) == "want"
                    and subject is not None
                    and (
                        subject.lower_ in ("i", "we", "you")
                        or (subject.pos_ == "PRON" and self.quote_at(tok.idx) is not None)
                    )
                ):
                    continue  # "we want to get this behind us", "they want to lock the
                    # gates" in a quote: talk or a charge, not a plan
                if not self._can_act(tok):
                    continue  # "people who want to break up the banks": a wish
            if (
                kind == "commitment"
                and lemma_of(tok) == "commit"
                and not any(to_clause(c) or case_of(c) == "to" for c in tok.children)
            ):
                continue  # "committed a crime" is no pledge
            if lemma_of(tok) == "seek" and head is not None and head.lemma_.lower() in OFFICE_NOUNS:
                continue  # "seeking public office" is a candidacy
            if (
                kind == "commitment"
                and tok.pos_ == "ADJ"
                and (
                    tok.dep_ in ("amod", "acl")
                    or (
                        tok.dep_ == "xcomp"
                        and any(c.dep_ == "obj" and c.i < tok.i for c in tok.head.children)
                    )
                )
            ):
                continue  # "assembled a team ready to end …": the team's quality, no pledge
            if self._inanimate_subject(tok):
                continue  # "lawsuits seeking information", "a resolution calling for …"
            if head is None:
                head = self._what_wants(tok) if kind == "demand" else None
                if head is None:
                    bare = bare_refusal(self, tok) if kind == "refusal" else None
                    if bare is not None:
                        asks.append(bare)
                    continue
            if any(c.lower_ == "you" for c in tok.children if c.dep_.startswith("nsubj")):
                continue  # "you agree to our cookie policy"
            if (
                kind in ("demand", "refusal")
                and lemma_of(tok) != "want"
                and any(c.dep_ == "advmod" and c.lower_ in _NOT for c in tok.children)
            ):
                continue  # "she has not called for him to resign", "it has not ruled out
                # force": no demand made, nothing refused
            if kind == "demand" and target is None:
                target = told_party(tok)
            if kind == "refusal" and target is None and head.pos_ == "NOUN":
                # "dismissed efforts by Trump's aides": those who asked are refused
                nouns = [head, *(c for c in head.children if case_of(c) == "of")]
                target = next(
                    (
                        c
                        for n in nouns  # "a series of efforts by …"
                        for c in n.children
                        if c.dep_ == "nmod:poss" or (c.dep_ == "nmod" and case_of(c) == "by")
                    ),
                    None,
                )
            actor: Party | None = None
            participle = (
                tok.dep_ == "acl"
                and tok.tag_ in ("VBN", "VBD")
                and not any(
                    case_of(c) is None
                    if c.dep_.startswith("nsubj")
                    else case_of(c) in ("for", "on")
                    for c in tok.children
                )
            )  # "Americans forced to pay …": the noun is the one forced; so in "for Americans
            # forced to pay", read with "Americans" a subject (a subject takes no preposition)
            passive = tok.tag_ != "VBG" and any(c.dep_ == "aux:pass" for c in tok.children)
            if kind == "demand" and (participle or passive):  # not "was inviting X to …"
                # "workers were forced to …": the one asked is the subject, the asker
                # only the agent, if named
                agent = next((c for c in tok.children if c.dep_ == "obl:agent"), None)
                if agent is None:
                    continue
                actor = self.parties.party(agent)
                target = next(
                    (c for c in tok.children if c.dep_ == "nsubj:pass"),
                    tok.head if participle else target,
                )
            items = content_items(tok, head)
            new = [self.record(kind, tok, self.doc[a:b], target, actor=actor) for a, b in items]
            claimed.update(direct_verbs(tok, _contents(new)))
            asks.extend(new)
        return [a for a in refused_askers(self.doc, asks) if self._says_something(a)]

    def _says_something(self, ask: Ask) -> bool:
        """ "the Biden administration filed a...": a teaser cut after an article leaves a
        content that names nothing."""
        span = self.doc.char_span(ask.content_start, ask.content_end, alignment_mode="expand")
        return span is None or any(
            not (
                t.is_punct
                or t.is_space
                or t.pos_ == "DET"
                or t.dep_ in ("det", "case", "cc")
                or t.lower_ in ("a", "an", "the")  # "filed a..." with "a" read as a noun
            )
            for t in span
        )

    def _can_act(self, tok: Any) -> bool:
        subj = self.parties.subject(tok)
        relative = subj is not None and subj.lower_ in ("who", "that")
        if subj is not None and relative and subj.head.dep_ in ("relcl", "acl:relcl"):
            subj = subj.head.head
        return subj is None or agentive(subj)

    def _named_by_participle(self, tok: Any, kind: AskKind) -> Ask | None:
        """ "the laws proposed during Nixon's term", "a plan rejected by the board": the
        noun is what is asked, promised or refused; the agent, if named, the actor."""
        noun = tok.head
        if tok.dep_ != "acl" or tok.tag_ != "VBN" or noun.pos_ not in ("NOUN", "PROPN"):
            return None
        if noun.i > tok.i or any(
            c.dep_ in ("obj", "iobj", "obl:unmarked", "xcomp", "ccomp")
            and c.ent_type_ not in ("DATE", "TIME")
            for c in tok.children
        ):
            return None  # "The union proposed a four-day week": a verb misread as a modifier
        agent = next(
            (
                c
                for c in tok.children
                if c.dep_ == "obl:agent" or (c.dep_ == "obl" and case_of(c) == "by")
            ),
            None,
        )
        start = noun.left_edge.i
        while start < noun.i and (self.doc[start].is_punct or self.doc[start].dep_ == "case"):
            start += 1
        actor = self.parties.party(agent) if agent is not None else NOBODY
        return self.record(kind, tok, self.doc[start : noun.i + 1], None, actor=actor)

    def _inanimate_subject(self, tok: Any) -> bool:
        if tok.dep_ == "acl" and tok.head.lemma_.lower() in INANIMATE_NOUNS:
            # "lawsuits seeking information"; but "G-7 nations filed a joint statement
            # calling for …" is the call of those who filed it
            noun = tok.head
            filer = self.parties.subject(noun.head) if noun.dep_ == "obj" else None
            return not (
                noun.head.lemma_.lower() in _ISSUING_VERBS and filer is not None and agentive(filer)
            )
        subj = self.parties.subject(tok)
        if (
            subj is not None
            and subj.lower_ in ("who", "that", "which")
            and tok.dep_.endswith("relcl")
        ):
            subj = tok.head
        if subj is not None and subj.pos_ == "PRON" and subj.lower_ in ("this", "that", "what"):
            return True  # "That is calling on regulators to step in": an event, no asker
        return bool(
            subj is not None
            and subj.pos_ == "NOUN"
            and not subj.ent_type_
            and (subj.lemma_.lower() in INANIMATE_NOUNS or not may_act(subj))
        )  # "That project, ignoring science", "injections intended to calm her"

    def _directive(self, tok: Any) -> list[Ask] | None:
        """ "ordered Facebook to review the decision and justify …": one action per item,
        the one ordered as target."""
        head, target = complement(tok, "demand")
        if head is None or target is None or (not to_clause(head) and head.dep_ != "acl"):
            return None
        if not agentive(target):
            return None  # "ordered a new review … to take place": what is ordered
        items = content_items(tok, head)
        if not items:
            return None
        subj = self.parties.subject(tok)
        if subj is None or not agentive(subj):
            return None
        found = [self.record("action", tok, self.doc[a:b], target) for a, b in items]
        return [a for a in found if a.actor is not None] or None

    def _what_wants(self, cue: Any) -> Any | None:
        """ "Z is what X wants from Y": the content is Z, before the copula."""
        head = cue.head
        if cue.dep_ not in ("acl:relcl", "relcl", "csubj", "ccomp") or head.lower_ != "what":
            return None
        if lemma_of(cue) not in ("want", "demand", "ask", "seek"):
            return None  # "what lawmakers called fraud" names, it asks nothing
        first = cue.sent[0]
        return first if first.i < head.i - 1 else None

    def quote_at(self, start: int) -> Quote | None:
        return next((q for q in self.quotes if q.start <= start < q.end), None)

    def record(
        self,
        kind: AskKind,
        verb: Any,
        span: Any,
        target_tok: Any | None,
        actor: Party | None = None,
        cue_tok: Any | None = None,
        norm: Any | None = None,
    ) -> Ask:
        cue = verb if cue_tok is None else cue_tok
        sent = cue.sent
        if actor is None:
            subj = self.parties.subject(verb)
            named = subj is not None and self.parties.stands_for_party(subj)
            actor = self.parties.party(subj) if named else None
        elif actor is NOBODY:
            actor = None
        named = target_tok is not None and self.parties.stands_for_party(target_tok)
        target = self.parties.party(target_tok) if named else None
        if actor is not None and target is not None and _same_party(actor, target):
            # "… located her and told her to leave" with "she" read as the asker: no one
            # asks itself; the one asked is read off the clause, the asker often inherited
            actor = None
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
        if len(span) > 1 and span[0].lower_ == "to" and span[0].dep_ == "mark":
            span = span[1:]  # "ruling to allow …": the content drops a leading "to"
        span = _unattributed(mend_span(span))
        content_start, content_end = span.start_char, span.end_char
        parts = [(content_start, content_end), (cue.idx, cue.idx + len(cue))]
        parts += [(p.start, p.end) for p in (actor, target) if p is not None]
        sent_start = min(int(sent.start_char), content_start)
        sent_end = max(int(sent.end_char), content_end)  # a sentence cut at a no-break space
        return Ask(
            kind,
            actor,
            target,
            (
                " ".join(
                    w for part in norm if (w := part if isinstance(part, str) else normalise(part))
                )
                if isinstance(norm, tuple)
                else normalise(span if norm is None else norm)
            ),
            content_start,
            content_end,
            cue.text,
            cue.idx,
            cue.idx + len(cue),
            sent_start,
            sent_end,
            quote.start if quote is not None else None,
            quote.end if quote is not None else None,
            self._when(sent, cue),
            polarity,
            certainty,
            min(a for a, _ in parts),
            max(b for _, b in parts),
            lemma_of(cue),
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
