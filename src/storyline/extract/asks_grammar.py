"""The grammar of asks: cue verbs, their complements and the extent of what is asked.

Functions over tokens of storyline's spaCy parse (Universal Dependencies labels),
used by :mod:`storyline.extract.asks`.

>>> from storyline.nlp.pipeline import load_nlp
>>> doc = load_nlp()("Kovar will press Orlesia to reopen the crossing and extend the corridor.")
>>> head, target = complement(doc[2], "demand")
>>> [doc[a:b].text for a, b in content_items(doc[2], head)], target.text
(['reopen the crossing', 'extend the corridor'], 'Orlesia')
"""

from __future__ import annotations

from typing import Any, Literal

from storyline.extract.asks_cues import (
    ACTION_VERBS,
    AGENT_NOUNS,
    BARE_VERBS,
    COMMITMENT_VERBS,
    DEMAND_VERBS,
    DOUBT_WORDS,
    PARTIAL_WORDS,
    PLANNED_VERBS,
    REFUSAL_PHRASALS,
    REFUSAL_VERBS,
)

__all__ = [
    "AskKind",
    "Certainty",
    "Polarity",
    "action_span",
    "action_target",
    "agentive",
    "case_of",
    "complement",
    "content_items",
    "extent",
    "infinitive_of",
    "is_verb",
    "kind_of",
    "lemma_of",
    "modality",
    "normalise",
    "to_clause",
    "yet_to",
]

AskKind = Literal["demand", "commitment", "action", "refusal"]
Polarity = Literal["positive", "negative"]
Certainty = Literal["reported", "planned", "doubted", "denied"]

# Demand verbs whose object is the one asked, never what is asked for.
_NEEDS_CLAUSE = {"invite", "force", "convince", "persuade", "encourage", "implore", "exhort"}
_CONTENT_DROP = {"det", "punct", "mark", "aux", "aux:pass", "cc", "case", "nmod:poss", "advmod"}
_CLAUSE_DEPS = {"acl:relcl", "relcl", "advcl", "parataxis", "appos"}
_KIND_CUES: tuple[tuple[AskKind, frozenset[str]], ...] = (
    ("demand", DEMAND_VERBS),
    ("commitment", COMMITMENT_VERBS),
    ("refusal", REFUSAL_VERBS),
)


def case_of(tok: Any) -> str | None:
    return next((c.lower_ for c in tok.children if c.dep_ == "case" and c.i < tok.i), None)


# Adjectives that govern what is promised: "committed to …", "prepared to rebuild …".
_CUE_ADJECTIVES = {"committed": "commit", "prepared": "prepare", "ready": "ready"}
_CUE_ADJECTIVES |= {"willing": "willing", "determined": "determined"}


def lemma_of(tok: Any) -> str:
    # The tagger reads some cue participles as adjectives ("Estmark committed to …").
    return _CUE_ADJECTIVES.get(tok.lower_) or str(tok.lemma_.lower())


def kind_of(tok: Any) -> AskKind | None:
    lemma = lemma_of(tok)
    if any(
        c.dep_ == "compound:prt" and (lemma, c.lower_) in REFUSAL_PHRASALS for c in tok.children
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
    objs = [c for c in children if c.dep_ in ("obj", "iobj")]
    obls = {
        c.lower_: o
        for o in children
        if o.dep_ == "obl"
        for c in o.children
        if c.dep_ == "case" and c.i < o.i
    }
    target = None
    if kind == "demand":
        target = obls.get("on") or obls.get("from") or (objs[0] if clause and objs else None)
        if target is None and objs and clause is None and cue.lemma_.lower() in ("ask", "tell"):
            return None, None  # "asked reporters", "told parliament": no demand
    elif kind != "refusal":
        target = obls.get("with") or next((o for o in objs if o.dep_ == "iobj"), None)
    if clause is None and kind == "demand":
        # "urged Attorney General Jeffrey Rosen to investigate": the parse hangs the
        # infinitive on the one asked.
        asked = obls.get("on") or (objs[0] if objs else None)
        clause = infinitive_of(asked) if asked is not None else None
        target = asked if clause is not None else target
    if (
        clause is not None
        and cue.lemma_.lower() in ("ask", "tell")
        and (clause.dep_ == "ccomp" or any(c.lower_ == "that" for c in clause.children))
    ):
        return None, None  # "told reporters that …" reports speech, not a demand
    if clause is not None and clause.lemma_.lower() in ("name", "identify"):
        return None, None  # "asked not to be named"
    if clause is not None:
        return clause, target
    if cue.lemma_.lower() in _NEEDS_CLAUSE:
        return None, None  # "invited Flowers to the debate", "forced the issue"
    if cue.lemma_.lower() in ("ask", "tell", "want") and kind == "demand":
        return (objs[0] if objs and cue.lemma_.lower() == "want" else None), target
    if cue.lemma_.lower() == "call":
        return obls.get("for"), target
    head = next((o for o in objs if o is not target), None)
    if head is None:
        head = obls.get("for") or obls.get("to") or obls.get("on")
    return head, target


def content_items(cue: Any, head: Any) -> list[tuple[int, int]]:
    """Token ranges of what is asked, one per item of a list of demands."""
    doc = cue.doc
    if head.lower_ == head.sent[0].lower_ and head.i == head.sent.start and head.i < cue.i:
        cop = next((t for t in cue.sent if t.lemma_ == "be" and t.i < cue.i), None)
        end = cop.i if cop is not None else cue.i
        return [(head.i, end)]
    start, end = extent(head)
    lead = [  # "called for the charges to be dropped"
        c
        for c in cue.children
        if c.dep_ == "obl" and cue.i < c.i < head.i and c.children and case_of(c) == "for"
    ]
    if lead and head.dep_ in ("xcomp", "advcl"):
        start = min(start, lead[0].left_edge.i)
    # The parse often hangs later items of a list on the cue ("press X to A, free B
    # and extend C"): follow the cue's later children that continue the list.
    for child in cue.children:
        if child.i < end or child.dep_ not in ("obj", "conj", "xcomp"):
            continue
        if child.dep_ == "conj" and not is_verb(child):
            continue
        between = doc[end : child.left_edge.i]
        if any(not (t.is_punct or t.dep_ == "cc") for t in between):
            break
        end = max(t.i for t in child.subtree) + 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    # Drop a trailing relative/adverbial clause that is no part of the list.
    cut = [t.i for t in doc[start:end] if t.dep_ in ("parataxis",) and t.i > head.i]
    if cut:
        end = min(doc[c].left_edge.i for c in cut)
    return _split(doc, start, end)


def extent(head: Any, first: int | None = None) -> tuple[int, int]:
    """The contiguous tokens of a phrase from ``first``, without the clauses hung on it.

    A clause of its own (with its own subject, or set off by a comma) ends the
    phrase: "release the journalists, saying they would stand trial".
    """
    doc = head.doc
    skip: set[int] = set()
    for t in head.subtree:
        if t.i == head.i or t.i in skip:
            continue
        own_subject = any(c.dep_.startswith("nsubj") for c in t.children)
        after_comma = t.left_edge.i > 0 and doc[t.left_edge.i - 1].text in (",", ";")
        if (
            t.dep_ == "parataxis"
            or (t.dep_ == "conj" and own_subject)
            or (t.dep_ in ("advcl", "acl", "acl:relcl", "conj") and after_comma)
        ):
            skip.update(x.i for x in t.subtree)
    lo = head.left_edge.i if first is None else first
    toks = sorted(t.i for t in head.subtree if t.i >= lo and (t.i not in skip or t.i == head.i))
    start = end = toks[0]
    for i in toks:
        if i > end + 1 and not all(t.is_space or t.is_quote for t in doc[end + 1 : i]):
            break
        end = i
    while end > start and (doc[end].is_punct or doc[end].dep_ == "cc"):
        end -= 1
    return start, end + 1


def _split(doc: Any, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a list of demands ("reopen X, free Y and extend Z") into its items."""
    items: list[tuple[int, int]] = []
    cur = start
    for i in range(start + 1, end - 1):
        tok, nxt = doc[i], doc[i + 1]
        if tok.text not in (",", ";", "and", "or"):
            continue
        if nxt.lower_ in ("and", "or", "to"):
            nxt = doc[i + 2] if i + 2 < end else nxt
        bare = nxt.lower_ in BARE_VERBS or (
            is_verb(nxt) and ("Inf" in nxt.morph.get("VerbForm") or nxt.tag_ == "VB")
        )
        if bare and nxt.i > cur + 1:
            items.append((cur, i))
            cur = nxt.i
    items.append((cur, end))
    out = []
    for a, b in items:
        while a < b and (doc[a].is_punct or doc[a].lower_ in ("to", "and", "or")):
            a += 1
        while b > a and (doc[b - 1].is_punct or doc[b - 1].lower_ in ("and", "or")):
            b -= 1
        if b > a:
            out.append((a, b))
    return out


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


def action_span(tok: Any) -> Any:
    """The deed and what it is done to, up to the end of its clause."""
    subjects = {t.i for c in tok.children if c.dep_.startswith("nsubj") for t in c.subtree}
    aux = {c.i for c in tok.children if c.dep_ in ("aux", "aux:pass", "mark")}
    start, end = extent(tok, first=tok.i)
    if subjects & set(range(start, end)) or aux & set(range(start, end)):
        end = tok.i + 1  # a subject after the verb: an inverted or odd parse
    return tok.doc[start:end]


def normalise(span: Any) -> str:
    """A short lemma phrase of what is asked: "reopen tessel border crossing"."""
    root = span.root
    words = []
    for tok in span:
        if (tok.dep_ in _CONTENT_DROP and tok.i != root.i) or tok.is_punct or tok.is_space:
            continue
        if tok.ent_type_ in ("DATE", "TIME"):  # kept in ``when``
            continue
        if tok.i != root.i and any(
            a.dep_ in _CLAUSE_DEPS and a.i != root.i and a in span for a in [tok, *tok.ancestors]
        ):
            continue
        nominal = tok.dep_ in ("obj", "nsubj", "nsubj:pass", "compound", "obl", "nmod") or any(
            c.dep_ == "det" for c in tok.children
        )
        keep = tok.pos_ == "PROPN" or (nominal and tok.lower_.endswith("ing"))
        words.append(tok.lower_ if keep else tok.lemma_.lower())  # "crossing", not "cross"
        if len(words) >= 8:
            break
    return " ".join(words)


def agentive(subj: Any) -> bool:
    """Whether a subject can act: a named party, a person pronoun, "the board"."""
    if subj.pos_ == "PRON":
        return subj.lower_ in ("he", "she", "they", "we", "i", "it", "who")
    if subj.ent_type_ in ("PER", "ORG", "LOC", "NORP", "MISC"):
        return True
    return subj.lemma_.lower() in AGENT_NOUNS


def action_target(tok: Any) -> Any | None:
    """Whom a deed is done to: "sanctions *on* X", "a case *against* X"."""
    for c in tok.children:
        if c.dep_ == "obl" and any(
            x.dep_ == "case" and x.lower_ in ("on", "against") for x in c.children
        ):
            return c
    return None


def modality(kind: AskKind, cue: Any) -> tuple[Polarity, Certainty]:
    """Polarity and certainty of an ask from its cue's clause."""
    lower = {c.lower_ for c in cue.children}
    negated = bool(lower & {"not", "n't", "never", "no"})
    if kind != "action":
        planned = kind == "commitment" and cue.lemma_.lower() in PLANNED_VERBS
        return ("negative" if negated else "positive"), ("planned" if planned else "reported")
    if yet_to(cue) or (negated and lower & {"yet", "still"}):
        return "negative", "doubted"
    governor = cue.head if cue.dep_ in ("ccomp", "xcomp", "advcl") else None
    if governor is not None and governor.lemma_.lower() in ("deny", "dispute"):
        return "negative", "denied"
    sent_words = {t.lower_ for t in cue.sent}
    clause_words = {t.lower_ for t in cue.subtree} | lower
    if governor is not None:
        clause_words.add(governor.lemma_.lower())
    if negated:
        return "negative", "reported"
    if clause_words & DOUBT_WORDS or (sent_words & {"unconfirmed", "unverified"}):
        return "positive", "doubted"
    if clause_words & PARTIAL_WORDS:
        return "positive", "doubted"
    return "positive", "reported"
