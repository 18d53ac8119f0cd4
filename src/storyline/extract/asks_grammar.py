"""The grammar of asks: cue verbs, their complements, parties and modality.

Functions over tokens of storyline's spaCy parse (Universal Dependencies labels),
used by :mod:`storyline.extract.asks`; the extent of what is asked or done is in
:mod:`storyline.extract.asks_spans`.

>>> from storyline.nlp.pipeline import load_nlp
>>> doc = load_nlp()("Kovar will press Orlesia to reopen the crossing and extend the corridor.")
>>> head, target = complement(doc[2], "demand")
>>> head.text, target.text
('reopen', 'Orlesia')
"""

from __future__ import annotations

from typing import Any, Literal

from storyline.extract.asks_cues import (
    ACTION_VERBS,
    AGENT_NOUNS,
    ANSWER_NOUNS,
    ANSWERABLE_NOUNS,
    COMMITMENT_VERBS,
    DECISIONS,
    DEMAND_VERBS,
    LIGHT_VERBS,
    NARRATIVE_VERBS,
    NOT_DEEDS,
    OBSERVER_NOUNS,
    REFUSAL_PHRASALS,
    REFUSAL_VERBS,
    REQUEST_NOUNS,
)
from storyline.nlp.lemmas import base_forms

__all__ = [
    "ASK_NOUNS",
    "AskKind",
    "Certainty",
    "Polarity",
    "act_noun",
    "action_target",
    "agentive",
    "asked_in",
    "asks_a_deed",
    "case_of",
    "causative",
    "complement",
    "direct_verbs",
    "directs_a_party",
    "done_to",
    "infinitive_of",
    "is_verb",
    "joined_subjects",
    "kind_of",
    "lemma_of",
    "made_public",
    "may_act",
    "misattached",
    "solid",
    "stray_infinitive",
    "stray_object",
    "to_clause",
    "told_party",
    "verb_in",
    "yet_to",
]

AskKind = Literal["demand", "commitment", "action", "refusal"]
Polarity = Literal["positive", "negative"]
Certainty = Literal["reported", "planned", "doubted", "denied"]

# Demand verbs whose object is the one asked, never what is asked for.
_TIME_NOUNS = {"morning", "afternoon", "evening", "night", "day", "weekend", "week", "month"}
# Demand verbs that take what is asked as a "that" clause.
_THAT_DEMANDS = {"demand", "insist", "urge", "ask", "request", "propose"}
# The preposition that names the one asked: "called *on* X to", "appealed *to* X to",
# "pleaded *with* X to".
_ASKED_BY_CASE = {"call": "on", "appeal": "to", "plead": "with"}
_NEEDS_CLAUSE = {"invite", "force", "convince", "persuade", "encourage", "implore", "exhort"}
_KIND_CUES: tuple[tuple[AskKind, frozenset[str]], ...] = (
    ("demand", DEMAND_VERBS),
    ("commitment", COMMITMENT_VERBS),
    ("refusal", REFUSAL_VERBS),
)

# Nouns that carry an ask with its content: "a request to …", "his pledge to …".
ASK_NOUNS: dict[str, AskKind] = {
    **dict.fromkeys(
        ["request", "demand", "call", "appeal", "plea", "ultimatum", "proposal", "petition"],
        "demand",
    ),
    **dict.fromkeys(["pledge", "promise", "plan", "goal", "agreement", "vow"], "commitment"),
    **dict.fromkeys(["willingness", "openness", "readiness", "intention"], "commitment"),
    **dict.fromkeys(["decision", "ruling", "effort", "attempt", "bid", "move"], "action"),
}


def case_of(tok: Any) -> str | None:
    """The preposition of a nominal, also when the parse hung it on a no-break space
    inside the name ("with\xa0Russian President Vladimir Putin")."""
    found = next((c.lower_ for c in tok.children if c.dep_ == "case" and c.i < tok.i), None)
    if found is None:
        for blank in (c for c in tok.children if c.i < tok.i and not c.text.strip()):
            found = found or case_of(blank)
    return found


# Adjectives that govern what is promised: "committed to …", "prepared to rebuild …".
_CUE_ADJECTIVES = {"committed": "commit", "prepared": "prepare", "ready": "ready"}
_CUE_ADJECTIVES |= {"willing": "willing", "determined": "determined"}


_KNOWN = DEMAND_VERBS | COMMITMENT_VERBS | REFUSAL_VERBS | ACTION_VERBS | DECISIONS
_KNOWN |= NARRATIVE_VERBS | NOT_DEEDS | LIGHT_VERBS


def lemma_of(tok: Any) -> str:
    """The verb's lemma; a known cue verb the lemmatiser got wrong ("overrul") is mended."""
    # The tagger reads some cue participles as adjectives ("Estmark committed to …").
    adjective = _CUE_ADJECTIVES.get(tok.lower_)
    if adjective is not None and (
        tok.pos_ == "ADJ"
        or any(
            c.dep_ in ("xcomp", "advcl") and any(x.lower_ == "to" for x in c.children)
            for c in tok.children
        )
    ):  # "determined to continue", not "the CDC determined the boosters were safe"
        return adjective
    lemma = str(tok.lemma_.lower())
    if lemma in _KNOWN or not tok.lower_.isalpha():
        return lemma
    return next((s for s in base_forms(tok.lower_) if s in _KNOWN), lemma)


def verb_in(tok: Any, words: set[str] | frozenset[str]) -> bool:
    """Whether a verb is one of ``words``, through a lemma the lemmatiser got wrong."""
    return lemma_of(tok) in words or any(s in words for s in base_forms(tok.lower_))


def kind_of(tok: Any) -> AskKind | None:
    lemma = lemma_of(tok)
    if any(
        c.dep_ in ("compound:prt", "advmod") and (lemma, c.lower_) in REFUSAL_PHRASALS
        for c in tok.children
    ):
        return "refusal"
    for kind, verbs in _KIND_CUES:
        if lemma in verbs:
            return kind
    if lemma in ACTION_VERBS:
        return "action"
    return None


def is_verb(tok: Any) -> bool:
    if tok.pos_ == "ADJ":
        return bool(
            tok.lower_ in _CUE_ADJECTIVES
            and any(to_clause(c) or (c.dep_ == "obl" and case_of(c) == "to") for c in tok.children)
        )
    return bool(tok.pos_ == "VERB" or tok.tag_.startswith("VB"))


def to_clause(tok: Any) -> bool:
    """An infinitive ("to approve …") or a "that" clause a cue can govern."""
    if tok.dep_ == "conj" and not any(c.dep_ == "cc" for c in tok.children):
        # "forced Stumpf, who was …, to admit …": the infinitive after an aside hung as
        # a conjunct
        return any(c.dep_ == "mark" and c.lower_ == "to" for c in tok.children)
    if tok.dep_ == "obl" and any(c.dep_ == "obj" for c in tok.children):
        # "ordered Ferrin to air a correction" with "to air" read as a phrase: a noun
        # has no object, so this is the infinitive
        return any(c.dep_ == "case" and c.lower_ == "to" for c in tok.children)
    return bool(
        tok.dep_ in ("xcomp", "advcl", "ccomp")
        and (tok.dep_ == "xcomp" or any(c.lower_ in ("to", "that") for c in tok.children))
    )


def infinitive_of(tok: Any) -> Any | None:
    return next(
        (
            c
            for c in tok.children
            if c.dep_ in ("acl", "xcomp", "advcl") and any(x.lower_ == "to" for x in c.children)
        ),
        None,
    )


def complement(cue: Any, kind: AskKind) -> tuple[Any | None, Any | None]:
    """What the cue asks, promises or refuses (a token heading it) and whom it asks."""
    children = [c for c in cue.children if c.i > cue.i]
    clause = next((c for c in children if to_clause(c)), None)
    if clause is None and kind == "commitment" and cue.lemma_.lower() == "plan":
        # "districts plan on keeping remote classes": as "plan to keep"
        clause = next((c for c in children if _marked_on(c)), None)
    if clause is None and kind == "demand" and cue.lemma_.lower() in _THAT_DEMANDS:
        clause = _stray_that_clause(cue) or _finite_clause(cue)
    objs = [c for c in children if c.dep_ in ("obj", "iobj") and not c.is_space]
    misread = stray_object(cue)
    if misread is not None:
        objs = sorted([*objs, misread], key=lambda c: c.i)  # "urged *Jeffrey Rosen* to …"
    if clause is not None and kind != "demand" and any(_owns_clause(o, clause) for o in objs):
        clause = None  # "denied a request from the miners to halt …": the request
    if clause is not None and clause.dep_ == "advcl" and _bare_to_phrase(cue, clause):
        clause = None  # "planned to bus in supporters to stage a protest": "to bus" first
    if any(c.dep_ == "obj" and c.is_space for c in children):
        # "denied\xa0a request": the parse made the no-break space the object
        objs += [c for c in children if c.dep_ == "obl:unmarked" and not c.ent_type_][:1]
    obls = {
        c.lower_: o
        for o in children
        if o.dep_ == "obl"
        for c in o.children
        if c.dep_ == "case" and c.i < o.i
    }
    target = None
    if kind == "demand":
        # "called on X to …" asks X; "pressed him on his failure to …" names a topic
        asked_case = _ASKED_BY_CASE.get(cue.lemma_.lower())
        on = obls.get(asked_case) if asked_case is not None else None
        # "demanded an apology from Estmark": the one asked, also on what is asked of it
        # ("the release of the prisoners from jail" asks nothing of the jail)
        source = [obls.get("from"), *(c for o in objs[:1] for c in o.children if c.dep_ == "nmod")]
        asked_of = next(
            (
                c
                for c in source
                if c is not None
                and case_of(c) == "from"
                and (agentive(c) or may_act(c) or c.pos_ == "PROPN")
            ),
            None,
        )
        target = on or asked_of or (objs[0] if clause and objs else None)
        if (
            target is None
            and objs
            and clause is None
            and cue.lemma_.lower() in ("ask", "tell")
            and infinitive_of(objs[0]) is None  # "asked the ministry to pay": hung on it
        ):
            wanted = obls.get("for") or next(
                (c for c in objs[0].children if c.dep_ == "nmod" and case_of(c) == "for"), None
            )
            if cue.lemma_.lower() == "ask" and wanted is not None:
                return wanted, objs[0]  # "asked the council for a larger subsidy"
            return None, None  # "asked reporters", "told parliament": no demand
    elif kind != "refusal":
        target = obls.get("with") or next((o for o in objs if o.dep_ == "iobj"), None)
        if target is None and kind == "commitment" and lemma_of(cue) in _WITH_VERBS:
            target = _joined_party(cue)  # "Estmark and *Orlesia* agreed to …"
        if target is None and kind == "commitment" and clause is None:
            target = _counter_party(cue)  # "pledged their support *to Kovar*"
        if target is None and kind == "commitment" and clause is not None:
            # "is willing to be interviewed *by the FBI*": the other side of the pledge
            target = next(
                (
                    c
                    for c in clause.children
                    if c.dep_ == "obl:agent"
                    and any(x.dep_ == "aux:pass" for x in clause.children)
                    and (agentive(c) or may_act(c))
                ),
                None,
            )
    if clause is None and kind == "demand":
        # "urged Attorney General Jeffrey Rosen to investigate": the parse hangs the
        # infinitive on the one asked.
        asked = on or (objs[0] if objs else None)
        clause = infinitive_of(asked) if asked is not None else None
        if clause is None and asked is not None and cue.lemma_.lower() in _NEEDS_CLAUSE:
            # "inviting some team owner to the debate to sit …": hung on the place after
            clause = next(
                (
                    inf
                    for o in children
                    if o.dep_ == "obl" and o.i > asked.i
                    for inf in [infinitive_of(o)]
                    if inf is not None
                ),
                None,
            )
        target = asked if clause is not None else target
    lead = obls.get("for")
    if (
        kind == "demand"
        and target is None
        and clause is not None
        and lead is not None
        and lead.i < clause.i
        and agentive(lead)
    ):
        target = lead  # "called for the nominee to be taken to …": the nominee is asked
    if (
        clause is not None
        and cue.lemma_.lower() in ("ask", "tell")
        and (clause.dep_ == "ccomp" or any(c.lower_ == "that" for c in clause.children))
        and not (cue.lemma_.lower() == "ask" and not objs and _subjunctive(clause))
    ):
        return None, None  # "told reporters that …" reports speech, not a demand
    if clause is not None and clause.lemma_.lower() in ("name", "identify"):
        return None, None  # "asked not to be named"
    following = cue.doc[cue.i + 1].lower_ if cue.i + 1 < len(cue.doc) else ""
    if cue.lemma_.lower() == "call" and following not in ("on", "for", "upon"):
        return None, None  # "called Clinton a champion", "what lawmakers called fraud"
    if clause is not None and done_to(cue, clause) is not None:
        return clause, None  # "wants the fishermen sent home": no one named to do it
    if clause is not None:
        return clause, (target if target is not None or kind != "demand" else asked_in(clause))
    if cue.lemma_.lower() in _NEEDS_CLAUSE:
        return None, None  # "invited Flowers to the debate", "forced the issue"
    if kind == "demand" and objs and (objs[0].pos_ == "PRON" or objs[0].ent_type_ == "PER"):
        return None, None  # "pressed him on …": the one pressed, with nothing asked
    if cue.lemma_.lower() in ("ask", "tell", "want") and kind == "demand":
        return (objs[0] if objs and cue.lemma_.lower() == "want" else None), target
    if cue.lemma_.lower() == "call":
        return obls.get("for"), target
    head = next((o for o in objs if o is not target), None)
    if head is None:
        head = obls.get("for") or obls.get("to") or obls.get("on")
    if head is None and kind == "refusal":
        head = _bare_gerund(cue)
    return head, target


def _bare_gerund(cue: Any) -> Any | None:
    """A gerund right after a refusing verb, read as a clause of its own: "ruled out
    *halting* the filling" (not "…, saying …", which a comma or a mark sets off)."""
    after = cue.i + 1
    while after < len(cue.doc) and cue.doc[after].dep_ == "compound:prt":
        after += 1
    return next(
        (
            c
            for c in cue.children
            if c.i == after
            and c.tag_ == "VBG"
            and c.dep_ in ("advcl", "xcomp")
            and not any(x.dep_ in ("mark", "nsubj") for x in c.children)
        ),
        None,
    )


def _marked_on(clause: Any) -> bool:
    """A gerund clause opened by "on": "plan *on keeping* …"."""
    return clause.tag_ == "VBG" and any(
        c.dep_ in ("mark", "case") and c.lower_ == "on" and c.i < clause.i for c in clause.children
    )


def _subjunctive(clause: Any) -> bool:
    """ "asked that the council *delay* the vote": a that-clause in the bare form asks."""
    return (
        clause.tag_ == "VB" or (clause.tag_ == "VBP" and clause.lemma_.lower() != "be")
    ) and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _bare_to_phrase(cue: Any, clause: Any) -> bool:
    """An infinitive read as a phrase right after the cue, before a later infinitive:
    "planned *to bus* in supporters to stage …" ("to" a case, "bus" a bare noun)."""
    doc = cue.doc
    if cue.i + 2 >= clause.i:
        return False
    to, word = doc[cue.i + 1], doc[cue.i + 2]
    return bool(
        to.lower_ == "to"
        and to.dep_ == "case"
        and to.head.i == word.i
        and word.dep_ == "obl"
        and word.head.i == cue.i
        and word.tag_ in ("NN", "VB", "VBP")
        and not word.ent_type_
    )


def _owns_clause(noun: Any, clause: Any) -> bool:
    """Whether an infinitive the parse hung on the cue is an ask noun's: "rejected
    *a request* from X *to halt* …" refuses the request, not the halting."""
    return bool(
        noun.i < clause.i
        and noun.lemma_.lower() in ASK_NOUNS
        and getattr(stray_infinitive(noun), "i", None) == clause.i
    )


def _finite_clause(cue: Any) -> Any | None:
    """ "demanded on Monday that the operator restore …" with "that" hung elsewhere: a
    clause complement with a subject of its own."""
    return next(
        (
            c
            for c in cue.children
            if c.dep_ == "ccomp"
            and c.i > cue.i
            and is_verb(c)
            and any(x.dep_ == "nsubj" and x.i < c.i for x in c.children)
        ),
        None,
    )


def _that_marked(clause: Any) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _stray_that_clause(cue: Any) -> Any | None:
    """ "would insist at next week's talks that Menorra withdraw …": a "that" clause the
    parse hung on a noun after the cue. "that" as its marker, not its subject or object,
    and a subject of its own show it is no relative clause."""
    hung = next(
        (
            c
            for o in cue.children
            if o.dep_ == "obl" and o.i > cue.i
            for c in o.children
            if c.dep_ in ("acl:relcl", "acl")
            and _that_marked(c)
            and any(x.dep_ == "nsubj" for x in c.children)
        ),
        None,
    )
    return hung if hung is not None else _split_off_clause(cue)


def _split_off_clause(cue: Any) -> Any | None:
    """ "demanded on Monday that the operator restore …" parsed as two sentences in one:
    the cue keeps a stray "that" and the clause after it became a root of its own."""
    that = next(
        (c for c in cue.children if c.lower_ == "that" and c.i > cue.i and c.dep_ == "dep"),
        None,
    )
    if that is None:
        return None
    end = cue.sent.end  # the parse may have cut the sentence there: read on into the next
    end = cue.doc[end].sent.end if end < len(cue.doc) else end
    return next(
        (
            t
            for t in cue.doc[that.i + 1 : end]
            if t.dep_ == "ROOT" and any(x.dep_.startswith("nsubj") for x in t.children)
        ),
        None,
    )


def done_to(cue: Any, clause: Any) -> Any | None:
    """What a participle complement of "want" is to be done to: "wants *the fishermen*
    sent home" asks that they be sent, not them to act (unlike "get Americans
    vaccinated")."""
    if cue.lemma_.lower() != "want" or clause.dep_ != "xcomp" or clause.tag_ != "VBN":
        return None
    return next(
        (
            c
            for c in cue.children
            if c.dep_ == "obj" and c.i < clause.i and c.lower_ not in ("which", "that", "what")
        ),
        None,
    )


def asked_in(clause: Any) -> Any | None:
    """The subject of a demanded "that" clause: the one asked ("demanded that the
    company keep the plant open"); none for a passive ("that the charges be dropped")."""
    if not _that_marked(clause) and clause.dep_ not in ("ROOT", "ccomp"):
        return None  # a root: a split-off clause; a ccomp: a clause with "that" hung apart
    return next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)


def questioned(cue: Any) -> bool:
    """ "Asked about the leak, Farrant said …": an opening participle of "ask" with no
    subject of its own tells that someone was questioned; nothing is demanded."""
    opening = all(t.is_punct for t in cue.doc[cue.sent.start : cue.i])
    return bool(
        opening
        and cue.lemma_.lower() == "ask"
        and cue.tag_ in ("VBN", "VBD")
        and not any(c.dep_.startswith(("nsubj", "aux")) for c in cue.children)
    )


def yet_to(tok: Any) -> bool:
    """ "has yet to announce": a deed not done."""
    head = tok.head
    return bool(
        tok.dep_ == "xcomp"
        and head.lemma_.lower() in ("have", "be")
        and any(c.lower_ == "yet" for c in head.children)
    ) or bool(
        tok.dep_ in ("xcomp", "acl", "advcl")
        and any(c.lower_ == "yet" for c in head.children if c.i < tok.i)
    )


def solid(tok: Any) -> Any:
    """A no-break-space token the parse made a head stands for the name hung on it."""
    if tok.text.strip():
        return tok
    named = [c for c in tok.children if c.i < tok.i and c.text.strip()]
    return named[-1] if named else tok


def agentive(subj: Any) -> bool:
    """Whether a subject can act: a named party, a person pronoun, "the board"."""
    subj = solid(subj)
    if subj.lemma_.lower() in OBSERVER_NOUNS:
        return False  # "researchers analyzed …": research, not a political act
    if subj.pos_ == "PRON":
        return subj.lower_ in ("he", "she", "they", "we", "i", "it", "who")
    if subj.ent_type_ in ("PER", "ORG", "LOC", "NORP", "MISC"):
        return True
    if subj.pos_ == "PROPN" and subj.is_alpha and not subj.ent_type_:
        return True  # a name the recogniser missed ("Schumer will file …")
    return subj.lemma_.lower() in AGENT_NOUNS


def relative_head(clause: Any) -> Any:
    """The noun a relative clause tells of: its head, or for "the first state *in the
    country* that will …" (the clause hung on the noun's modifier) the predicate noun."""
    noun = clause.head
    if noun.dep_ == "nmod" and any(c.dep_ == "cop" for c in noun.head.children):
        return noun.head
    return noun


def stray_object(verb: Any) -> Any | None:
    """A subject the parse put after the verb while another stands before it: the object
    misread ("One email … urged *Jeffrey Rosen* to investigate …", "Warren told
    *Stumpf*")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not any(c.i < verb.i for c in subjects):
        return None
    return next((c for c in subjects if c.i > verb.i and c.pos_ in ("PROPN", "NOUN", "PRON")), None)


def joined_subjects(verb: Any) -> tuple[Any, Any] | None:
    """Two subjects joined by "and" the parse hung side by side on the verb ("Biden and
    Russian President Vladimir Putin will meet"): the first, and the one joined to it."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subjects) != 2:
        return None
    first, second = subjects
    between = verb.doc[first.right_edge.i + 1 : second.i]
    if not any(t.dep_ == "cc" and t.lower_ in ("and", "&") for t in between):
        return None
    return first, second


# Deeds done together with a counter-party named by "with".
_WITH_VERBS = {"negotiate", "meet", "sign", "settle", "agree", "talk", "trade", "deal"}


def _joined_party(tok: Any) -> Any | None:
    """The second of two subjects doing something together: "Biden and *Putin* met"."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    other = next((c for c in subj.children if c.dep_ == "conj"), None) if subj else None
    joined = joined_subjects(tok)
    return other if other is not None or joined is None else joined[1]


def action_target(tok: Any) -> Any | None:
    """Whom a deed is done to: "sanctions *on* X", "a case *against* X", the other
    side of a deed done together ("negotiated the deal *with* the Taliban", "Biden
    and *Putin* will meet")."""
    if lemma_of(tok) in _WITH_VERBS:
        other = _joined_party(tok)
        if other is not None:
            return other
        for c in tok.subtree:
            if c.dep_ in ("obl", "nmod") and case_of(c) == "with" and c.i > tok.i:
                return c
    for c in tok.children:
        if (
            c.dep_ == "obl"
            and c.i > tok.i  # "On pay, the firm has gone part of the way": the topic
            and not _a_time(c)
            and any(x.dep_ == "case" and x.lower_ in ("on", "against") for x in c.children)
            # "put his knee on a man's back": no party; "filed lawsuits against him": one
            and (c.pos_ in ("PROPN", "PRON") or may_act(c))
        ):
            return c
    return _counter_party(tok)


# Verbs by which a measure binds a party: "a mandate *requiring* students to …".
_BINDING_VERBS = {"require", "order", "force", "compel", "direct", "oblige", "bar", "ban"}


def _counter_party(tok: Any) -> Any | None:
    """The party a deed's object is aimed at or passed between: "imposed sanctions *on*
    X", "declared war *on* X", "issued subpoenas *to* X", "raised money *from* X" (on the
    object or on the verb); a place is no party ("sent troops to Kabul")."""
    objs = [c for c in tok.children if c.dep_ == "obj"]
    for o in objs:
        # "issued a mandate requiring all students to be vaccinated": those required
        bound = [c for c in o.children if c.dep_ == "acl" and lemma_of(c) in _BINDING_VERBS]
        for c in (x for b in bound for x in b.children if x.dep_ == "obj"):
            if agentive(c) or may_act(c):
                return c
    found = [c for o in objs for c in o.children if c.dep_ == "nmod" and c.i > o.i]
    found += [c for c in tok.children if c.dep_ == "obl" and objs and c.i > objs[0].i]
    for c in found:
        case = case_of(c)
        if case in ("on", "against") and (c.pos_ in ("PROPN", "PRON") or may_act(c)):
            return c
        if (
            case in ("to", "from")
            and c.ent_type_ not in ("LOC", "GPE", "FAC", "DATE", "TIME")
            and (agentive(c) or may_act(c))
        ):
            return c
    return None


def _a_time(noun: Any) -> bool:
    """ "on Thursday evening": a time, not whom a deed is done to."""
    return bool(
        noun.ent_type_ in ("DATE", "TIME")
        or noun.lemma_.lower() in _TIME_NOUNS
        or any(c.ent_type_ in ("DATE", "TIME") for c in noun.children)
    )


def directs_a_party(tok: Any) -> bool:
    """ "allowed ISIL to become …": a party is told or let to act (not "ordered a
    review to take place")."""
    head, target = complement(tok, "demand")
    return bool(
        head is not None
        and target is not None
        and (to_clause(head) or head.dep_ == "acl")
        and agentive(target)
    )


def told_party(cue: Any) -> Any | None:
    """ "told police officials that she didn't want the escort": the one told is asked."""
    if cue.dep_ != "ccomp" or cue.head.lemma_.lower() not in ("tell", "inform", "write"):
        return None
    told = next((c for c in cue.head.children if c.dep_ in ("iobj", "obj")), None)
    return told if told is not None else stray_object(cue.head)


def stray_infinitive(noun: Any) -> Any | None:
    """The infinitive of an ask noun the parse hung on the verb governing the noun:
    "rejected a media request *to make public* …", "upheld Facebook's decision on
    January 7, 2021, *to restrict* …", "denied a request from the miners *to halt* …",
    "the blowback from its decision *not to cooperate* …" (only the noun's own
    modifiers, dates and punctuation in between)."""
    if noun.dep_ not in ("obj", "obl"):
        return None
    doc = noun.doc
    for c in noun.head.children:
        if c.i <= noun.i or c.dep_ not in ("advcl", "xcomp"):
            continue
        if not any(x.dep_ == "mark" and x.lower_ == "to" for x in c.children):
            continue
        between = doc[noun.i + 1 : c.left_edge.i]
        if all(
            t.is_punct
            or t.ent_type_ in ("DATE", "TIME")
            or t.lower_ == "on"
            or noun.i < t.i <= noun.right_edge.i
            for t in between
        ):
            return c
    return None


def asks_a_deed(cue: Any) -> bool:
    """ "convince the court *to throw out* …", unlike "push *a bill*"."""
    head = complement(cue, "demand")[0]
    return head is not None and (to_clause(head) or head.dep_ in ("acl", "ccomp"))


def causative(tok: Any) -> bool:
    """ "get Y to do Z": a demand made of Y."""
    if lemma_of(tok) != "get":
        return False
    obj = next((c for c in tok.children if c.dep_ == "obj" and c.i > tok.i), None)
    if obj is not None and obj.pos_ == "NOUN" and not may_act(obj):
        return False  # "to get lorries moving again": things are set going, no one asked
    return obj is not None and (
        any(to_clause(c) and c.i > obj.i for c in tok.children) or infinitive_of(obj) is not None
    )


def made_public(tok: Any) -> bool:
    """ "made public the contents", "were made public": a release."""
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else tok
    return lemma_of(tok) == "make" and (
        after.lower_ == "public" or any(c.lower_ == "public" for c in tok.children)
    )


def misattached(tok: Any) -> bool:
    """A finite verb the parse hung on the noun before it as a modifier ("the Gannett
    newspaper chain filed a motion", "a union … endorsed Hillary Clinton"): that
    noun is its subject."""
    return bool(
        tok.dep_ in ("acl", "amod")
        and tok.head.i < tok.i
        and tok.head.pos_ in ("NOUN", "PROPN")
        and not any(
            c.dep_ in ("aux:pass", "obl:agent") or (c.dep_ == "obl" and case_of(c) == "by")
            for c in tok.children
        )
        and (
            tok.tag_ == "VBD"
            or (tok.tag_ == "VBN" and any(c.dep_ == "obj" and c.i > tok.i for c in tok.children))
        )
    )


_ACT_SUFFIXES = ("tion", "sion", "ment", "ing", "al", "ance", "ence", "ure")
_MEASURES = {"bill", "legislation", "law", "move", "mandate", "policy", "rule", "order", "plan"}
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee")
# Groups of people named by what they are, not by an agent suffix ("conservatives who
# wanted the party to …", "get their children vaccinated").
_PEOPLE_NOUNS = {"conservative", "liberal", "progressive", "moderate", "citizen", "civilian"}
_PEOPLE_NOUNS |= {"family", "child", "children", "kid", "nurse", "refugee", "veteran"}
_PEOPLE_NOUNS |= {"majority", "minority", "bloc"}  # "a seven-justice majority issued …"


def act_noun(noun: Any) -> bool:
    """A noun naming an act or a proposal one can oppose: an ask or a measure
    ("this motion", "the bill"), or a noun made from a verb ("the unsealing",
    "this application", "the appointment")."""
    lemma = noun.lemma_.lower()
    return lemma in ANSWERABLE_NOUNS | ANSWER_NOUNS | REQUEST_NOUNS | _MEASURES or lemma.endswith(
        _ACT_SUFFIXES
    )


def may_act(noun: Any) -> bool:
    """Whether a common noun subject can be someone acting: a party noun, a name in its
    phrase, or a noun of agent form ("bankers", "protesters", "residents"), also as
    "thousands *of bankers*"."""
    heads = [noun, *(c for c in noun.children if c.dep_ == "nmod" and case_of(c) == "of")]
    if noun.lemma_.lower() in OBSERVER_NOUNS:
        return False  # "researchers analyzed records": research, no political act
    return any(
        agentive(h)
        or h.lemma_.lower() in _PEOPLE_NOUNS
        or any(
            (t.ent_type_ or t.pos_ == "PROPN") and t.dep_ in ("compound", "flat", "nmod:poss")
            for t in h.children
        )
        or (h.lemma_.lower().endswith(_AGENT_SUFFIXES) and not h.lemma_.lower().endswith("ment"))
        for h in heads
    )  # "-ent" makes "residents", "opponents"; "-ment" an act ("the announcement asked …")


def direct_verbs(cue: Any, contents: list[tuple[int, int]]) -> set[int]:
    """Verbs that are what a cue asks for ("urged X *to free* …"), not verbs of clauses
    hung on that content ("… Trump, *who is prepared to* rebuild …"); ``contents``
    are character ranges of what the cue asks."""
    out: set[int] = set()
    doc = cue.doc
    for start, end in contents:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            if not is_verb(t):
                continue
            node, direct = t, True
            while node.i != cue.i and node.head.i != node.i:
                if (node.dep_ in ("acl:relcl", "relcl") and not _that_marked(node)) or (
                    node is not t and any(c.dep_.startswith("nsubj") for c in node.children)
                ):
                    direct = False
                    break
                node = node.head
            if direct:
                out.add(t.i)
    return out
