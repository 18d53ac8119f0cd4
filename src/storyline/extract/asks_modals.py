"""The asks of a modal verb: "X will do Z", "X said it would do Z", "Y should do Z".

Split out of :mod:`storyline.extract.asks_deeds` (the finder in
:mod:`storyline.extract.asks` calls :func:`modal_ask` per token): "X will do Z" is a
commitment, or a chamber's planned action; "X said it would do Z" a commitment only in
X's own word; "Y should do Z" in X's quote a demand of Y.

>>> from storyline.nlp.pipeline import load_nlp
>>> from storyline.extract.asks import extract_asks
>>> doc = load_nlp()("The bank said it would appeal the ruling.")
>>> [(a.kind, a.actor.name, a.content) for a in extract_asks(doc, (), (), ())]
[('commitment', 'The bank', 'appeal ruling')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from storyline.extract.asks_cues import (
    BODY_NOUNS,
    CHAMBER_NOUNS,
    DIRECTIVE_VERBS,
    INANIMATE_NOUNS,
    LIGHT_VERBS,
    NARRATIVE_VERBS,
    NOT_DEEDS,
    OWN_WORD_VERBS,
    SPOKESPEOPLE,
)
from storyline.extract.asks_deeds import WILL, Finder
from storyline.extract.asks_grammar import (
    ASK_NOUNS,
    AskKind,
    action_target,
    agentive,
    complement,
    infinitive_of,
    is_verb,
    lemma_of,
    relative_head,
    to_clause,
)
from storyline.extract.asks_spans import action_span, shared_object_verbs

if TYPE_CHECKING:
    from storyline.extract.asks import Ask

__all__ = ["modal_ask"]

_OBJECTS = {"obj", "xcomp", "ccomp", "compound:prt", "obl"}
# Light verbs that make a pledge with their object ("will take an action", "will
# hold a vote") are no longer "no deed" after "will".
_NO_PLAN = NOT_DEEDS - {"take", "make", "hold", "keep", "use", "help", "lead", "start", "begin"}
_NO_PLAN -= {"require", "discuss"}  # "will require all travellers to be vaccinated": a mandate
# Verbs of being in a state, no deed: "we will continue to live in fear".
_STATES = frozenset({"live", "exist", "suffer", "struggle", "rise", "fall", "grow", "wait"})
_QUESTION_WORDS = {"whether", "how", "what", "when", "where", "why", "which", "who", "whom"}


def _asked_question(tok: Any) -> bool:
    """ "has not announced how much it will pay", "asked whether it would appeal": "will"
    inside an indirect question is what is not known, not a pledge."""
    if tok.dep_ not in ("ccomp", "xcomp", "advcl", "csubj", "obj", "acl"):
        return False
    return any(t.lower_ in _QUESTION_WORDS for t in tok.doc[tok.left_edge.i : tok.i])


def modal_ask(finder: Finder, tok: Any, kind: AskKind | None) -> Ask | None:
    """ "X will do Z" (a commitment, or a planned action of a chamber), "X said it
    would do Z" (a commitment) and "Y should do Z" said by X (a demand)."""
    passive = tok.tag_ == "VBN" and any(c.dep_ == "aux:pass" for c in tok.children)
    rid = (
        tok.lower_ == "get"
        and tok.i + 1 < len(finder.doc)
        and finder.doc[tok.i + 1].lower_ == "rid"
    )
    if not is_verb(tok) or not (tok.tag_ == "VB" or passive):
        return None
    goes_on = lemma_of(tok) == "continue" and any(
        to_clause(c) and c.pos_ == "VERB" and lemma_of(c) not in _NO_PLAN | _STATES
        for c in tok.children
    )  # not "will continue to be open", "will continue to live in fear"
    if lemma_of(tok) in _NO_PLAN and not (rid or goes_on):
        return None  # but "will continue to work with regulators" pledges the work
    if lemma_of(tok) in LIGHT_VERBS and any(
        c.dep_ == "obj" and c.lemma_.lower() in ASK_NOUNS and infinitive_of(c) is None
        for c in tok.children
    ):
        return None  # "I will make this promise to you:" the promise follows
    aux = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ in WILL), None)
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is None and tok.dep_ == "conj" and is_verb(tok.head):
        # "X is cancelling the projects and will use the money …": X's
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in ("that", "which") and tok.dep_ == "acl:relcl":
        subj = relative_head(tok)  # "the first state (in the region) that will require …"
    if aux is None or subj is None or not (agentive(subj) or subj.lower_ == "you"):
        return None
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
        return None
    if _asked_question(tok):
        return None
    span = _after_modal(finder.doc, tok, aux)
    if aux.lower_ in ("should", "must", "ought"):
        quote = finder.quote_at(tok.idx)
        if quote is None or quote.speaker is None or subj.lower_ in ("i", "we"):
            return None
        said = finder.doc.char_span(quote.speaker.start, quote.speaker.end, alignment_mode="expand")
        if said is not None and said.root.lemma_.lower() in INANIMATE_NOUNS:
            return None  # "online postings saying X should …": a document asks nothing
        actor = finder.parties.from_speaker(quote.speaker)
        return finder.record("demand", tok, span, subj, actor=actor, cue_tok=aux)
    if (
        subj.lower_ == "you"
        or passive  # "Republicans will be advised to …": the subject does not act
        or (kind in ("demand", "refusal") and complement(tok, kind)[0] is not None)
        or not any(c.dep_ in _OBJECTS for v in (tok, *shared_object_verbs(tok)) for c in v.children)
        or lemma_of(tok) in NARRATIVE_VERBS
    ):
        return None
    if subj.lower_ == "it" and finder.parties.party(subj).name.lower() == "it":
        return None  # "it will make us less safe": a forecast about something, no one's pledge
    if aux.lower_ == "would" and not _own_word(finder, tok, subj):
        return None  # a hypothesis or a habit ("forces would muster resistance")
    scheduled = subj.lemma_.lower() in CHAMBER_NOUNS or (
        subj.tag_ in ("NNS", "NNPS") and not subj.ent_type_
    )
    target = (
        next(
            (c for c in tok.children if c.dep_ == "obj" and c.ent_type_ in ("PER", "ORG")),
            None,
        )
        if lemma_of(tok) in ("meet", "join")
        else None
    )
    if lemma_of(tok) in DIRECTIVE_VERBS:
        target = complement(tok, "demand")[1]  # "will require schoolchildren to …"
    target = target or action_target(tok)
    quote = finder.quote_at(tok.idx)
    if subj.lemma_.lower() in CHAMBER_NOUNS:
        # a chamber's vote is a schedule, whoever reports it, unless said in its own words
        spoken = quote is not None and quote.kind != "indirect"
    else:  # "The rivals will meet …, according to the White House": their own word
        spoken = quote is not None
    kind_now: AskKind = "action" if scheduled and not spoken else "commitment"
    return finder.record(kind_now, tok, span, target, cue_tok=aux)


def _after_modal(doc: Any, tok: Any, aux: Any) -> Any:
    """The verb phrase after a modal: "[should] be criminally investigated"."""
    span = action_span(tok)
    start = aux.i + 1
    if start < tok.i and all(
        t.dep_ in ("aux", "aux:pass", "advmod") and t.head.i == tok.i for t in doc[start : tok.i]
    ):
        return doc[start : span.end]
    return span


def _own_word(finder: Finder, tok: Any, subj: Any) -> bool:
    """ "[The bank] announced it would end …": the actor states its own intention (also
    in a second clause: "… said it had given its answer and would not reopen …")."""
    if tok.dep_ == "conj" and tok.head.dep_ == "ccomp":
        tok = tok.head
    head = tok.head
    if tok.dep_ != "ccomp" or lemma_of(head) not in OWN_WORD_VERBS:
        return finder.quote_at(tok.idx) is not None and subj.lower_ in ("i", "we")
    speaker = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if speaker is None:
        return False
    if subj.lower_ == "it" and (
        (speaker.tag_ in ("NNS", "NNPS") and not speaker.ent_type_)
        or speaker.lower_ in ("he", "she", "they", "i", "we")
    ):
        return False  # "Critics said it would undermine the treaty": "it" is not the critics
    if subj.lower_ in ("it", "they", "we", "i"):
        return True  # "it would": the pronoun takes up the speaker
    if finder.parties.party(speaker).name == finder.parties.party(subj).name:
        return True
    return any(_speaks_for_body(title, subj) for title in _titles(finder, speaker))


def _titles(finder: Finder, speaker: Any) -> list[Any]:
    """The speaker, and for a person named the titles the article gives them anywhere,
    in apposition or before the name ("Ferrin's chief executive, Anselm Korda, …" for
    "Korda")."""
    out = [speaker]
    entity_id = finder.parties.party(speaker).entity_id
    entity = next((e for e in finder.parties.entities if e.id == entity_id), None)
    if entity is None or entity.type != "PER":
        return out
    for mention in entity.mentions:
        span = finder.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        out += [c for c in root.children if c.dep_ in ("appos", "nmod:desc")]
        if root.dep_ == "appos":
            out.append(root.head)
    return out


def _speaks_for_body(speaker: Any, subj: Any) -> bool:
    """ "the minister said the government would pay", "a Ferrin spokeswoman said Ferrin
    would appoint": an official's word for the body they speak for is its own word."""
    if speaker.lemma_.lower() not in SPOKESPEOPLE:
        return False
    if subj.lemma_.lower() in BODY_NOUNS and any(c.lower_ == "the" for c in subj.children):
        return True  # "the government", "the company"
    # the body named in the official's own phrase: "a Ferrin spokeswoman", "Ferrin's chief"
    named = {t.lower_ for t in subj.subtree if t.pos_ == "PROPN"}
    return bool(named) and any(
        t.lower_ in named for t in speaker.subtree if t.i != speaker.i and t.pos_ == "PROPN"
    )
