"""Deeds done and deeds to come: the asks a verb makes without a cue verb.

How a clause states an :class:`~storyline.extract.asks.Ask` on its own verb, split
out of :mod:`storyline.extract.asks`, whose finder calls these per token:
:func:`action`, "X did Z", an agent's transitive verb (or a listed deed), with its
passive ("[X] was fined $N by Y") and participle ("a penalty imposed by the bureau")
forms, and the agreement a deed makes ("established a pact with Y"); things resumed,
hoped for and backed. The asks of "will", "would" and "should" are in
:mod:`storyline.extract.asks_modals`.

Each takes the finder (:class:`Finder`) for the parse, the parties and the quotes,
and returns the record it builds, or ``None`` when the verb is no such ask.

>>> from storyline.nlp.pipeline import load_nlp
>>> from storyline.extract.asks import extract_asks
>>> doc = load_nlp()("The regulator approved the merger.")
>>> [(a.kind, a.actor.name, a.content) for a in extract_asks(doc, (), (), ())]
[('action', 'The regulator', 'approve merger')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from storyline.extract.asks_cues import (
    AGENT_NOUNS,
    AGREEING_VERBS,
    AGREEMENT_NOUNS,
    ANSWER_NOUNS,
    CHAMBER_NOUNS,
    DECISIONS,
    FORCE_WORDS,
    HOPING_VERBS,
    INANIMATE_NOUNS,
    MEASURE_NOUNS,
    MONEY_NOUNS,
    MONEY_VERBS,
    NARRATIVE_VERBS,
    NOT_DEEDS,
    PRESENTING_VERBS,
    PROCLAIM_VERBS,
    PROCLAIMED_NOUNS,
    PUBLISHED_RECORDS,
    SPEECH_NOUNS,
    SUPPORT_NOUNS,
    SUPPORT_VERBS,
    VIOLENCE_VERBS,
)
from storyline.extract.asks_grammar import (
    ASK_NOUNS,
    AskKind,
    action_target,
    agentive,
    case_of,
    infinitive_of,
    is_verb,
    lemma_of,
    made_public,
    may_act,
    misattached,
    relative_head,
    yet_to,
)
from storyline.extract.asks_parties import Party, PartyResolver
from storyline.extract.asks_spans import (
    action_span,
    deed_object,
    extent,
    puts_back,
)
from storyline.extract.quotes import Quote
from storyline.extract.quotes_cues import SPEECH_VERBS

if TYPE_CHECKING:
    from storyline.extract.asks import Ask

__all__ = [
    "NOBODY",
    "WILL",
    "Finder",
    "action",
    "argument_gerund",
    "conditional",
    "generic_doer",
    "hope",
    "resumed",
    "support",
]

NOBODY = Party("", None, None, 0, 0)  # "no actor named", unlike "find the actor"
WILL = {"will", "'ll", "would", "shall", "should", "must"}
_MODALS = {"will", "would", "could", "may", "might", "should", "must", "can", "shall", "'ll"}
# Subordinators of a clause that states a condition or goal of another act, not a
# deed done ("stay until every American was evacuated").
_CIRCUMSTANCE = {"until", "unless", "if", "once"}
# Prepositional complements of a passive that say where it leaves its patient
# ("banned *from* both sites", "taken *off* the rolls") rather than when or why.
_PASSIVE_COMPLEMENTS = {"from", "off", "to", "into", "out", "with"}


# Prepositions that make a gerund an argument, not an act in its own right
# ("criticised for accepting donations", "by questioning trade deals").
_GERUND_CASES = {"for", "by", "of", "about", "without", "from", "at", "in", "on"}


def _carried_deed(tok: Any) -> bool:
    """ "continue to investigate the incidents": the deed is the aspect verb's infinitive."""
    return bool(
        tok.dep_ == "xcomp"
        and lemma_of(tok.head) in ("continue", "begin", "start", "keep", "resume")
        and not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.head.children)
    )


def argument_gerund(tok: Any) -> bool:
    """ "criticised *for accepting* donations": a gerund that is an argument, no act."""
    return bool(
        tok.tag_ == "VBG"
        and any(c.dep_ in ("mark", "case") and c.lower_ in _GERUND_CASES for c in tok.children)
    )


class Finder(Protocol):
    """What the deed rules need of the finder in :mod:`storyline.extract.asks`."""

    doc: Any
    parties: PartyResolver

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
        """The :class:`Ask` of ``verb`` with content ``span``; ``actor`` :data:`NOBODY`
        for none named, ``None`` for the verb's subject. The normalised content is made
        of ``norm`` when given (a span, or a tuple of spans and words read in turn), else
        of ``span``."""
        ...

    def quote_at(self, start: int) -> Quote | None:
        """The quote around character ``start``, if any."""
        ...


# Verbs that only utter an ask noun ("issued a call for …", "renewed its plea to …",
# "made a pledge to …"): the noun is the ask, the verb no deed of its own. Filing or
# submitting a request is a deed ("filed an emergency request …").
_RESTATING_VERBS = {"issue", "make", "renew", "repeat", "reiterate", "voice", "echo", "sound"}


def _carries_ask(noun: Any) -> bool:
    """A demand or pledge noun with its content: "a call *for a new study*", "a pledge
    *to stay*" (what :mod:`storyline.extract.asks_nouns` records as the ask)."""
    kind = ASK_NOUNS.get(noun.lemma_.lower())
    if kind not in ("demand", "commitment"):
        return False
    return infinitive_of(noun) is not None or any(
        c.dep_ == "nmod" and case_of(c) == "for" for c in noun.children
    )


_LASTING = {"year", "decade", "month", "week"}  # "for 26 years": a lasting occupation


def _describes(tok: Any) -> bool:
    """ "Pell, who also chairs the association", "Fenn, who has pulled pints for 26
    years": a relative clause in the simple present, or one that lasts some years, tells
    what someone is or does for a living, not a deed."""
    if tok.dep_ not in ("acl:relcl", "relcl"):
        return False
    if tok.tag_ in ("VBZ", "VBP") and not any(c.dep_.startswith("aux") for c in tok.children):
        return True
    return any(
        c.dep_ == "obl"
        and case_of(c) == "for"
        and c.lemma_.lower() in _LASTING
        and any(n.dep_ == "nummod" for n in c.children)
        for c in tok.children
    )


# Present forms that are past forms too ("Sanders beat her 51% to 36%").
_SAME_IN_PAST = {"beat", "cut", "put", "let", "set", "hit", "hurt", "cost", "quit", "shut"}
_SAME_IN_PAST |= {"spread", "bid", "split", "read", "thrust", "cast", "broadcast", "upset"}


def _habitual(tok: Any) -> bool:
    """A verb of the open class in the simple present, outside a headline: a state or a
    habit ("Democrats control the House", "the port handles half the traffic"), not a deed
    done. An attempt told in the present is one ("the administration attempts to devise
    ways …"), and so is what goes on as something else is told ("as troops wind down …")."""
    return bool(
        tok.tag_ in ("VBZ", "VBP")
        and tok.sent.start > 0  # a headline tells deeds in the present
        and tok.lower_ not in _SAME_IN_PAST
        and lemma_of(tok) not in DECISIONS
        and not any(c.dep_.startswith("aux") for c in tok.children)
        # "as American troops wind down the evacuation": an event going on as told
        and not any(c.dep_ == "mark" and c.lower_ in ("as", "while") for c in tok.children)
    )


_AMOUNTS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}
_SHARES = {"half", "part", "share", "third", "quarter", "some", "all"}


def _conjunct_doer(tok: Any) -> Any | None:
    """The subject of the verb a later verb is joined to: its doer too ("Karsia released
    the fishermen and let more water through")."""
    if tok.dep_ != "conj" or not is_verb(tok.head) or tok.i < tok.head.i:
        return None
    return next((c for c in tok.head.children if c.dep_ == "nsubj"), None)


def _past_conjunct(tok: Any) -> bool:
    """A bare verb joined to a past tense with no auxiliary of either: past too ("released
    the fishermen and let more water through"; "let", "cut", "put" read as base forms)."""
    head = tok.head
    # a participle with a subject and no auxiliary is a past tense the tagger misread
    past = head.tag_ == "VBD" or (
        head.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in head.children)
    )
    return (
        tok.tag_ == "VB"
        and tok.dep_ == "conj"
        and past
        and not any(
            c.dep_ in ("aux", "aux:pass", "mark") for c in (*tok.children, *tok.head.children)
        )
    )


def _received(finder: Finder, tok: Any) -> Ask | None:
    """ "Operators received half of the rise", "farmers received 40 million": an amount
    given *to* the subject by someone unnamed, like a passive with no agent ("received
    a letter" is no deed)."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    thing = next((c for c in tok.children if c.dep_ == "obj" and c.i > tok.i), None)
    if subj is None or thing is None or not agentive(subj) or tok.tag_ not in ("VBD", "VBN"):
        return None
    if not any(t.ent_type_ in _AMOUNTS or t.lower_ in _SHARES for t in thing.subtree):
        return None
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.children):
        return None
    start, end = extent(thing)
    return finder.record("action", tok, finder.doc[start:end], subj, actor=NOBODY)


def action(finder: Finder, tok: Any, listed: bool = True) -> Ask | None:
    """The deed ``tok`` tells, if it tells one (``listed``: a verb of the deed list)."""
    if _describes(tok):
        return None
    if lemma_of(tok) == "receive":
        return _received(finder, tok)
    passed = _passed(finder, tok)
    if passed is not None:
        return passed
    listed = listed or made_public(tok) or _gives_money(tok) or puts_back(tok)
    misread = misattached(tok)
    # "The emails — made public by the committee —" with "made" tagged a past tense
    agent = any(c.dep_ == "obl:agent" for c in tok.children)
    if tok.dep_ == "acl" and (tok.tag_ == "VBN" or (tok.tag_ == "VBD" and agent)) and not misread:
        return _participle(finder, tok, listed)
    progressive = tok.tag_ == "VBG" and any(c.dep_ == "aux" for c in tok.children)
    carried = _carried_deed(tok)
    # "attacked the USS Cole, killing 17 sailors": a deed in a participle clause
    consequence = listed and tok.tag_ == "VBG" and tok.dep_ == "advcl" and is_verb(tok.head)
    if (
        (tok.dep_ in ("amod", "acl", "compound") or tok.tag_ in ("VBG", "VB"))
        and not progressive
        and not _past_conjunct(tok)
        and not yet_to(tok)
        and not carried
        and not misread
        and not consequence
    ):
        return None
    children = list(tok.children)
    if (
        any(c.dep_ == "aux:pass" for c in children)
        or (made_public(tok) and any(case_of(c) == "by" for c in children))
        or _headline_agent(tok) is not None
    ):  # "The emails — made public by the committee —": a passive the parse missed
        return _passive(finder, tok, listed)
    withdrawal = lemma_of(tok) in ("leave", "exit") and _forces(tok)
    if not listed and not withdrawal:
        if lemma_of(tok) in NOT_DEEDS | NARRATIVE_VERBS or lemma_of(tok) in SPEECH_VERBS:
            return None
        if tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in children):
            return None
        if _habitual(tok):
            return None  # "Democrats control the House", "Saltreve handles half the traffic"
        subj = next((c for c in children if c.dep_ == "nsubj"), None)
        subj = subj or _conjunct_doer(tok)
        if subj is None and (carried or misread):
            subj = tok.head if misread else finder.parties.subject(tok)
        if subj is None or not agentive(subj):
            return None
        if subj.lower_ in ("we", "i") and finder.quote_at(tok.idx) is None:
            return None  # an op-ed's "we": no actor's deed
        if not any(c.dep_ == "obj" for c in children):
            return None
    auxes = {c.lower_ for c in children if c.dep_ in ("aux", "mark")}
    if auxes & _MODALS or ("to" in auxes and not yet_to(tok) and not carried):
        return None
    if (not listed or lemma_of(tok) in PROCLAIM_VERBS | PRESENTING_VERBS) and any(
        c.dep_ == "obj"
        and c.lemma_.lower() in ASK_NOUNS
        and (
            infinitive_of(c) is not None
            or any(x.dep_ == "acl" and x.tag_ == "VBG" and x.i == c.i + 1 for x in c.children)
        )
        for c in children
    ):
        return None  # "announced plans to send doses", "stepped up its effort to …"
    if lemma_of(tok) in _RESTATING_VERBS and any(
        c.dep_ == "obj" and _carries_ask(c) for c in children
    ):
        return None  # "issued a call for a new study": the call is the demand, no deed
    if lemma_of(tok) in PROCLAIM_VERBS and not any(
        c.dep_ == "obj"
        and (
            any(t.lemma_.lower() in ANSWER_NOUNS | PROCLAIMED_NOUNS for t in c.subtree)
            or (lemma_of(tok) == "publish" and c.lemma_.lower() in PUBLISHED_RECORDS)
        )
        for c in children
    ):
        return None  # "announced the pick" is speech; "declared war" is a deed
    subj = next((c for c in children if c.dep_ == "nsubj"), None)
    if (
        subj is not None
        and subj.lower_ in ("that", "which")
        and tok.dep_.endswith("relcl")
        and tok.head.lemma_.lower() in INANIMATE_NOUNS - {"amendment"}
    ):
        return None  # "a law that bans most abortions": no actor's deed
    if subj is not None and (
        subj.ent_type_ in ("DATE", "TIME")
        or subj.lemma_.lower() in INANIMATE_NOUNS
        or (
            subj.lower_ in ("this", "that", "these", "those", "what")
            and tok.dep_ not in ("acl:relcl", "relcl")
        )
    ):
        return None  # "the weekend ended with …", "this allowed ISIL to …": no actor
    if subj is not None and subj.pos_ == "NOUN" and not may_act(subj):
        return None  # "the rapid vaccination cut potential hosts": no one acted
    doer = subj if subj is not None else finder.parties.subject(tok)
    if doer is not None and doer.lower_ in ("we", "i") and finder.quote_at(tok.idx) is None:
        return None  # an op-ed's "we": no actor's deed
    if doer is not None and doer.lower_ in ("this", "these") and doer.pos_ == "PRON":
        return None  # "This led to losses and allowed ISIL to …": an event, no actor
    if not any(
        c.dep_ in ("obj", "xcomp", "ccomp", "compound:prt") and c.ent_type_ not in ("DATE", "TIME")
        for c in children
    ):
        return None  # "the week ended July 17": a date is nothing done
    if any(c.dep_ == "obj" and c.lemma_.lower() in SPEECH_NOUNS for c in children):
        return None  # "renewed its tough talk", "raised questions about …": words
    if lemma_of(tok) in VIOLENCE_VERBS:
        doer = finder.parties.subject(tok)
        if doer is None or not agentive(doer):
            return None  # violence is labelled for states, forces and armed groups
        if any(
            c.dep_ == "obj"
            and c.lemma_.lower() in ("people", "person")
            and not any(d.dep_ in ("nummod", "det", "amod") for d in c.children)
            for c in children
        ):
            return None  # "they're killing people": an accusation, not one act
    obj = next((c for c in children if c.dep_ == "obj"), None)
    if (
        lemma_of(tok) == "attack"
        and obj is not None
        and (obj.ent_type_ == "PER" or obj.pos_ == "PRON" or obj.lemma_.lower() in AGENT_NOUNS)
    ):
        return None  # "attacked other candidates on stage": words, not force
    if conditional(tok):
        return None  # "if the agency issues the rules", "if we have to spend money"
    whole = action_span(tok)
    gap = next(
        (c for c in children if c.dep_ == "obj" and c.lower_ in ("which", "that", "whom")),
        None,
    )
    if gap is not None and tok.dep_ in ("acl:relcl", "relcl"):
        noun = tok.head  # "the rules, which the Court has put on hold": the rules
        span = finder.doc[noun.left_edge.i : noun.i + 1]
    else:
        span = deed_object(tok)
    obj = next((c for c in children if c.dep_ == "obj"), None)
    if (
        obj is not None
        and lemma_of(tok) in AGREEING_VERBS
        and obj.lemma_.lower() in AGREEMENT_NOUNS
    ):
        # "established a fundraising pact with the RNC": an agreement binds the actor
        partner = next((c for c in obj.subtree if case_of(c) == "with"), None)
        partner = partner or next((c for c in children if case_of(c) == "with"), None)
        return finder.record("commitment", tok, span, partner, norm=whole)
    ask = finder.record("action", tok, span, action_target(tok), norm=whole)
    return ask if ask.actor is not None else None


# Verbs by which a thing comes back or goes on again, its doer unnamed ("night buses
# returned to routes 4 and 9", "the talks resumed", "the crossing reopened").
_RESUMING = frozenset({"resume", "reopen", "return", "restart", "reconvene"})
# Verbs of a service running that, with "again", say it came back ("buses ran again").
_RUNNING = frozenset({"run", "operate", "open", "fly", "sail", "flow", "start", "air"})


def resumed(finder: Finder, tok: Any) -> Ask | None:
    """A thing that comes back or starts again with no doer named ("the crossing
    reopened", "night buses ran again"): an action, or, told with "will"/"would", a
    commitment whose giver goes unnamed."""
    children = list(tok.children)
    again = lemma_of(tok) in _RUNNING and any(c.lower_ == "again" for c in children)
    if not (lemma_of(tok) in _RESUMING or again) or tok.tag_ == "VBG":
        return None
    if tok.dep_ in ("acl", "amod"):
        return None
    if any(c.dep_ == "aux:pass" for c in children):
        return None  # "was reopened": a passive, which :func:`action` reads
    # "the crossing reopened" read as a bare passive participle: its subject all the same
    subj = next((c for c in children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or agentive(subj):
        return None  # "the minister returned": a person comes back, nothing is restored
    if subj.ent_type_ in ("PER", "ORG", "GPE", "LOC", "NORP", "DATE", "TIME"):
        return None
    if any(c.dep_ in ("obj", "ccomp", "xcomp") for c in children) or conditional(tok):
        return None
    auxes = {c.lower_ for c in children if c.dep_ == "aux"}
    if auxes & (_MODALS - WILL) or auxes & {"to"}:
        return None  # "could return": a possibility
    kind: AskKind = "commitment" if auxes & WILL else "action"
    span = finder.doc[subj.left_edge.i : action_span(tok).end]
    # Verb first, as an active deed: "resume night service route 4 9" for "night
    # services on routes 4 and 9 ran again", "return night bus route 4 9" for "night
    # buses will return to routes 4 and 9"
    thing = finder.doc[subj.left_edge.i : subj.right_edge.i + 1]
    rest = finder.doc[tok.i + 1 : max(span.end, tok.i + 1)]
    norm = ("resume" if again else finder.doc[tok.i : tok.i + 1], thing, rest)
    return finder.record(kind, tok, span, None, actor=NOBODY, norm=norm)


def hope(finder: Finder, tok: Any) -> tuple[Ask, int] | None:
    """ "he hopes Facebook will do more to …": hoping another party will act asks it."""
    if lemma_of(tok) not in HOPING_VERBS:
        return None
    subj = finder.parties.subject(tok)
    if subj is None or not agentive(subj):
        return None
    for clause in tok.children:
        if clause.dep_ != "ccomp" or not is_verb(clause):
            continue
        aux = next(
            (c for c in clause.children if c.dep_ == "aux" and c.lower_ in ("will", "would")),
            None,
        )
        asked = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if aux is None or asked is None or not agentive(asked):
            continue
        if asked.pos_ == "PRON" or asked.lower_ == subj.lower_:
            continue  # "she hopes they will …", "hopes he will win": no one named
        span = finder.doc[aux.i + 1 : max(action_span(clause).end, clause.i + 1)]
        return finder.record("demand", tok, span, asked), clause.i
    return None


def support(finder: Finder, tok: Any) -> Ask | None:
    """ "showing support for [a plan]", "throwing its support behind the nominee": backing,
    an action whose content is what is backed."""
    if lemma_of(tok) not in SUPPORT_VERBS or conditional(tok):
        return None
    obj = next(
        (c for c in tok.children if c.dep_ == "obj" and c.lemma_.lower() in SUPPORT_NOUNS),
        None,
    )
    if obj is None:
        return None
    backed = next(
        (
            c
            for c in (*obj.children, *tok.children)
            if c.dep_ in ("nmod", "obl") and c.i > obj.i and case_of(c) in ("for", "behind", "to")
        ),
        None,
    )
    if backed is None or any(c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.children):
        return None
    subj = finder.parties.subject(tok)
    if subj is None or not (agentive(subj) or may_act(subj)):
        return None
    start, end = extent(backed)
    if finder.doc[start].dep_ == "case":
        start += 1
    return finder.record("action", tok, finder.doc[start:end], None)


def _headline_agent(tok: Any) -> Any | None:
    """The agent of a headline's bare passive the parse read as active ("Stein removed
    from debate site by police"): a main-clause participle with no auxiliary and no
    object, with a "by" phrase naming someone who can act."""
    children = list(tok.children)
    if (
        tok.dep_ != "ROOT"
        or tok.tag_ not in ("VBN", "VBD")
        or any(c.dep_.startswith("aux") or c.dep_ == "obj" for c in children)
        or not any(c.dep_ == "nsubj" for c in children)
    ):
        return None
    for c in children:
        if c.dep_ != "obl" or c.i < tok.i:
            continue
        by = c if case_of(c) == "by" else None
        by = by or next((x for x in c.children if x.dep_ == "nmod" and case_of(x) == "by"), None)
        if by is not None and agentive(by):
            return by
    return None


# Nouns for anyone at all: a relative clause on them tells a case, not a deed ("except
# an individual who impregnated a woman", "this is someone who has served").
_ANYONE = {"individual", "person", "anyone", "anybody", "someone", "somebody", "everyone"}
_ANYONE |= {"everybody", "whoever"}


def generic_doer(tok: Any) -> bool:
    """Whether the verb is a relative clause on a noun for anyone at all."""
    if tok.dep_ not in ("relcl", "acl:relcl") or not any(
        c.dep_.startswith("nsubj") and c.lower_ in ("who", "that") for c in tok.children
    ):
        return False
    noun = relative_head(tok)
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
    return noun.lemma_.lower() in _ANYONE and not noun.ent_type_ and not definite


def conditional(tok: Any) -> bool:
    """Whether the verb, or a verb it completes ("if we have to continue to spend"),
    is under an open condition."""
    while True:
        if any(c.dep_ == "mark" and c.lower_ in _CIRCUMSTANCE for c in tok.children):
            return True
        if tok.dep_ not in ("xcomp", "conj") or tok.head is tok:
            return False
        tok = tok.head


def _gives_money(tok: Any) -> bool:
    """ "has spent trillions of dollars", "gave $2,700": money given is a deed."""
    return lemma_of(tok) in MONEY_VERBS and any(
        c.dep_ == "obj"
        and (c.ent_type_ == "MONEY" or c.lemma_.lower() in MONEY_NOUNS or c.tag_ == "$")
        for c in tok.children
    )


def _passed(finder: Finder, tok: Any) -> Ask | None:
    """ "The bill passed 364 to 62", "It passed the Senate": a measure passing is the
    chamber's deed (the actor, if named), with the measure as content."""
    if lemma_of(tok) != "pass" or not is_verb(tok):
        return None
    children = list(tok.children)
    if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in children):
        return None
    subj = next((c for c in children if c.dep_ == "nsubj"), None)
    relative = tok.dep_ in ("acl", "acl:relcl", "relcl")
    if relative and (subj is None or subj.lower_ in ("which", "that")):
        subj = tok.head
    if subj is None or subj.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    obj = next((c for c in children if c.dep_ == "obj"), None)
    chamber = None
    if obj is not None:
        chamber = next(
            (t for t in obj.subtree if t.lemma_.lower() in CHAMBER_NOUNS or t.ent_type_ == "ORG"),
            None,
        )
        if chamber is None and not any(t.like_num for t in obj.subtree):
            return None  # "the Senate passed the bill": the chamber's ordinary deed
    if subj.pos_ == "PRON":
        if subj.lower_ not in ("it", "that") or chamber is None:
            return None
    elif subj.lemma_.lower() not in MEASURE_NOUNS:
        return None
    start = subj.left_edge.i if subj.pos_ != "PRON" else subj.i
    while start < subj.i and finder.doc[start].is_punct:
        start += 1
    actor = finder.parties.party(chamber) if chamber is not None else NOBODY
    return finder.record("action", tok, finder.doc[start : subj.i + 1], None, actor=actor)


def _forces(tok: Any) -> bool:
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj is not None and any(t.lemma_.lower() in FORCE_WORDS for t in subj.subtree)


def _participle(finder: Finder, tok: Any, listed: bool = True) -> Ask | None:
    """ "a penalty imposed by the bureau": a deed with its agent, inside a noun phrase."""
    agent = next((c for c in tok.children if c.dep_ == "obl:agent"), None)
    if agent is None or not agentive(agent):
        return None
    if not listed:
        return None  # "data compiled by the archive", "voters alienated by Trump"
    start = tok.head.left_edge.i
    end = max(action_span(tok).end, tok.i + 1)
    if start >= tok.i or tok.head.pos_ not in ("NOUN", "PROPN"):
        return None
    while start < tok.head.i and (
        finder.doc[start].is_punct or finder.doc[start].dep_ in ("case", "cc", "mark")
    ):
        start += 1  # ", including a record penalty imposed by …": the penalty
    actor = finder.parties.party(agent)
    return finder.record("action", tok, finder.doc[start:end], None, actor=actor)


def _passive(finder: Finder, tok: Any, listed: bool) -> Ask | None:
    """ "The ban was upheld by the board", "5,300 employees were fired": the deed
    runs from what it was done to; the actor is the agent, if the text names one."""
    if not listed and (
        lemma_of(tok) in NOT_DEEDS | NARRATIVE_VERBS or lemma_of(tok) in SPEECH_VERBS
    ):
        return None
    if tok.tag_ not in ("VBN", "VBD") or any(
        c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.children
    ):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj:pass"), None)
    if subj is None and tok.dep_ == "conj":  # "… and was created as part of …"
        subj = next((c for c in tok.head.children if c.dep_.startswith("nsubj")), None)
    headline = _headline_agent(tok)
    if subj is None and (made_public(tok) or headline is not None):
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.is_alpha), None)
    antecedent = (
        subj is not None
        and subj.lower_ in ("which", "that", "who")
        and tok.dep_ in ("acl:relcl", "relcl")
    )
    if antecedent:
        subj = tok.head  # "the documents, which were made public": the documents
    if subj is None:
        return None
    agent = next(
        (
            c
            for c in tok.children
            if c.dep_ == "obl:agent" or (c.dep_ == "obl" and case_of(c) == "by")
        ),
        headline,
    )
    if (
        subj.pos_ == "PRON"
        and subj.lower_ not in ("he", "she", "they")
        and (subj.lower_ != "it" or agent is None)
    ):
        return None  # "it was declared by Nixon" names its deed; a bare "it" not
    if agent is None and not any(
        c.dep_ in ("aux", "aux:pass") and c.lower_ != "be" for c in tok.children
    ):
        return None  # "to meet targets or be fired": no deed done
    if agent is None and (not listed or lemma_of(tok) in VIOLENCE_VERBS):
        return None  # "180 people were killed": no state's deed stated
    if agent is None and lemma_of(tok) in ("elect", "reelect"):
        return None  # "since he was elected": the voters' choice, no party's deed
    if agent is None and any(c.dep_ == "mark" and c.lower_ in _CIRCUMSTANCE for c in tok.children):
        return None  # "until every American was evacuated": a circumstance
    if agent is not None and not agentive(agent):
        return None  # "killed by gunfire"
    actor = finder.parties.party(agent) if agent is not None else NOBODY
    done_to = next(
        (
            c
            for c in tok.children
            if c.i > tok.i
            and c.ent_type_ not in ("DATE", "TIME")
            and (
                c.dep_ in ("obj", "iobj")
                or (
                    c.dep_ == "obl"
                    and case_of(c) in _PASSIVE_COMPLEMENTS
                    and (c.ent_type_ not in ("LOC", "GPE", "FAC") or case_of(c) in ("to", "into"))
                )  # "launched from North Korea" says where from, not what; "sent to
                # Ohio" where the staffers were sent, what was done
            )
        ),
        None,
    )
    if done_to is not None:
        # "[the company] was fined $185 million": the fine is the content, the
        # company the target
        start, end = extent(done_to)
        if finder.doc[start].dep_ == "case" and start < done_to.i:
            start += 1
        if agent is not None and start < agent.i < end:
            # "removed from debate venue by police" with the agent hung on the place
            end = max(done_to.i + 1, agent.left_edge.i)
        patient = finder.doc[extent(subj)[0] : extent(subj)[1]]
        # verb first: "credit season-ticket holder ten day travel", "fine vessen 185 million"
        norm = (finder.doc[tok.i : tok.i + 1], patient, finder.doc[start:end])
        return finder.record("action", tok, finder.doc[start:end], subj, actor=actor, norm=norm)
    start, end = extent(subj)
    if antecedent:
        end = subj.i + 1
    # Named verb first, as an active deed is ("open formal review tram maintenance"), and
    # without the agent: "a review was opened by the board" does what "open a review" asks.
    verb_first = (finder.doc[tok.i : tok.i + 1], finder.doc[start:end])
    return finder.record("action", tok, finder.doc[start:end], None, actor=actor, norm=verb_first)
