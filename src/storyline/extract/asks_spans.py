"""The extent of what is asked or done: content spans, list items and their lemma phrase.

Functions over tokens of storyline's spaCy parse, used by :mod:`storyline.extract.asks`
and its helpers once :func:`~storyline.extract.asks_grammar.complement` has found the
head of what is asked.

>>> from storyline.nlp.pipeline import load_nlp
>>> from storyline.extract.asks_grammar import complement
>>> doc = load_nlp()("Kovar will press Orlesia to reopen the crossing and extend the corridor.")
>>> head, target = complement(doc[2], "demand")
>>> [doc[a:b].text for a, b in content_items(doc[2], head)], target.text
(['reopen the crossing', 'extend the corridor'], 'Orlesia')
"""

from __future__ import annotations

from typing import Any

from storyline.extract.asks_cues import BARE_VERBS, COMMITMENT_VERBS, DEMAND_VERBS
from storyline.extract.asks_grammar import (
    agentive,
    asked_in,
    case_of,
    done_to,
    is_verb,
    stray_infinitive,
    stray_object,
)

__all__ = ["action_span", "content_items", "deed_object", "extent", "normalise"]

_CONTENT_DROP = {"det", "punct", "mark", "aux", "aux:pass", "cc", "case", "nmod:poss", "advmod"}
_CLAUSE_DEPS = {"acl:relcl", "relcl", "advcl", "parataxis", "appos"}


def _purpose_end(cue: Any, head: Any) -> int:
    """Where the purpose of a sum runs to: "pledged 12 million crowns last week *for a
    retraining fund*" promises the fund, not only the money (0 when there is none)."""
    if head.ent_type_ != "MONEY" or head.dep_ != "obj":
        return 0
    purpose = next(
        (c for c in cue.children if c.i > head.i and c.dep_ == "obl" and case_of(c) == "for"),
        None,
    )
    if purpose is None:
        return 0
    end = extent(purpose)[1]
    return next((t.i for t in cue.doc[purpose.i : end] if t.text in (",", ";")), end)


_PLEDGING_MODALS = frozenset({"will", "would", "shall", "'ll"})


def content_items(cue: Any, head: Any) -> list[tuple[int, int]]:
    """Token ranges of what is asked, one per item of a list of demands."""
    doc = cue.doc
    if head.lower_ == head.sent[0].lower_ and head.i == head.sent.start and head.i < cue.i:
        cop = next((t for t in cue.sent if t.lemma_ == "be" and t.i < cue.i), None)
        end = cop.i if cop is not None else cue.i
        return [(head.i, end)]
    start, end = extent(head)
    thing = done_to(cue, head)
    if thing is not None:
        start = min(start, thing.left_edge.i)  # "the eleven fishermen … sent home"
    asked = asked_in(head) if cue.lemma_.lower() in DEMAND_VERBS else None
    if asked is not None:
        # what the one asked is to do (after every subject: "the operator Velorin
        # Mobility" may be read as two)
        subjects = [c for c in head.children if c.dep_ == "nsubj" and c.i < head.i]
        start = max(start, *(c.right_edge.i + 1 for c in subjects), asked.right_edge.i + 1)
    pledged = [
        c
        for c in head.children
        if c.dep_ == "aux" and c.lower_ in _PLEDGING_MODALS and c.i < head.i
    ]
    if cue.lemma_.lower() in COMMITMENT_VERBS and head.dep_ == "ccomp" and pledged:
        # "pledged that Karsia would post daily readings": what is pledged is the posting
        start = max(start, pledged[-1].i + 1)
    lead = [  # "called for the charges to be dropped"
        c
        for c in cue.children
        if c.dep_ == "obl" and cue.i < c.i < head.i and c.children and case_of(c) == "for"
    ]
    if lead and head.dep_ in ("xcomp", "advcl") and not agentive(lead[0]):
        start = min(start, lead[0].left_edge.i)  # what is to be done: "the charges"
    if doc[start].lower_ == "for" and doc[start].dep_ == "case":
        start += 1
    end = max(end, _purpose_end(cue, head))
    stray = stray_infinitive(head)
    if stray is not None:
        end = max(end, extent(stray)[1])  # "a request from X *to halt* …" hung on the cue
    # The parse often hangs later items of a list on the cue ("press X to A, free B
    # and extend C"): follow the cue's later children that continue the list.
    # "planned to bus in supporters to …" with "to bus" read as a noun phrase: the
    # verb phrase runs on over the cue's later complements.
    misread = head.i > cue.i and (
        (head.dep_ == "obl" and case_of(head) == "to")
        or (
            head.pos_ == "NOUN"
            and any(c.dep_ == "mark" and c.lower_ == "to" and c.i < head.i for c in head.children)
        )
    )  # "planned to bus in supporters": a verb read as a noun, its phrase hung on the cue
    for child in cue.children:
        if child.i < end or child.dep_ not in (
            "obj",
            "conj",
            "xcomp",
            *(("obl", "advcl") if misread else ()),
            # "demanded that X keep A, pay B and …" with "pay" a second clause of the cue
            *(("ccomp", "advcl") if head.dep_ == "ccomp" else ()),
        ):
            continue
        if (
            child.dep_ in ("ccomp", "advcl")
            and not misread
            and any(c.dep_.startswith("nsubj") or c.dep_ == "mark" for c in child.children)
        ):
            break  # "…, and that Y pay B", "…, after X paid B": a clause of its own
        if child.dep_ == "conj" and not is_verb(child) and not _predicate(head):
            continue  # "urged X to be a "stronger" and "more aggressive" candidate" goes on
        if child.dep_ == "conj" and any(c.dep_.startswith("nsubj") for c in child.children):
            break  # "…, but it endorsed …": a clause of its own, not an item
        if child.dep_ == "conj" and _finite(child):
            break  # "called for an inquiry and pledged …": the asker's own next deed
        between = doc[end : child.left_edge.i]
        if any(not (t.is_punct or t.dep_ == "cc") for t in between):
            break
        end = max(t.i for t in child.subtree) + 1
    # "urge Karsia to raise releases by a third, share daily flow data and halt …" with
    # "share" hung on the cue and "data" and "halt" on "raise": the list runs on across
    # the item the parse hung apart.
    right = head.right_edge.i + 1
    gap = doc[end:right] if right > end else doc[end:end]
    if not any(t.dep_.startswith("nsubj") for t in gap) and any(
        t.head.i in (cue.i, head.i) and t.dep_ in ("advcl", "conj") and t.tag_ == "VB" for t in gap
    ):
        end = right
    while end > start and doc[end - 1].is_punct:
        end -= 1
    # Drop a trailing relative/adverbial clause that is no part of the list, and one
    # that says when (", after finding that …").
    cut = [
        t.i
        for t in doc[start:end]
        if t.i > head.i
        and (
            t.dep_ == "parataxis"
            or (
                t.dep_ == "advcl"
                and any(c.dep_ == "mark" and c.lower_ in _WHEN_CASES for c in t.children)
                and "," in (doc[t.left_edge.i].text, doc[t.left_edge.i - 1].text)
            )
        )
    ]
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
        # the parse may hang the comma on the clause after it: "…, sealing …", "…, which …"
        after_comma = after_comma or (
            doc[t.left_edge.i].text in (",", ";")
            and (
                t.dep_ in ("acl:relcl", "relcl")
                or (t.dep_ == "advcl" and t.tag_ in ("VBG", "VBN") and _unmarked(t))
            )
        )
        if (
            t.dep_ == "parataxis"
            or (t.dep_ == "conj" and own_subject)
            # "asked Putin to respect human rights and raised the case": a past tense
            # joined to a bare verb is no part of what is asked, but the asker's deed
            or (t.dep_ == "conj" and t.head.i == head.i and head.tag_ == "VB" and _finite(t))
            or (t.dep_ in ("advcl", "acl", "acl:relcl", "conj") and after_comma)
        ):
            skip.update(x.i for x in t.subtree)
    lo = head.left_edge.i if first is None else first
    toks = sorted(t.i for t in head.subtree if t.i >= lo and (t.i not in skip or t.i == head.i))
    # The contiguous run that holds the head: "called for him to resign" with "him" hung
    # on the cue leaves "for" stranded before it.
    runs: list[list[int]] = []
    for i in toks:
        if runs and (
            i == runs[-1][-1] + 1
            or all(t.is_space or t.is_quote for t in doc[runs[-1][-1] + 1 : i])
        ):
            runs[-1].append(i)
        else:
            runs.append([i])
    run = runs[0] if first is not None else next(r for r in runs if head.i in r)
    start, end = run[0], run[-1]
    while end > start and (doc[end].is_punct or doc[end].dep_ == "cc"):
        end -= 1
    return start, end + 1


def _finite(verb: Any) -> bool:
    """A verb in a tense of its own ("raised", "pledges"), not a bare form a list of
    asks goes on with ("raise", "cut", "let": the same form as the base, read either way)."""
    return bool(
        verb.tag_ in ("VBD", "VBZ") and verb.lower_ != verb.lemma_.lower() and is_verb(verb)
    )


def _predicate(head: Any) -> bool:
    """A copular predicate ("to be a "stronger" …"): a noun or adjective with "be"."""
    return head.pos_ in ("ADJ", "NOUN") and any(c.dep_ == "cop" for c in head.children)


def _unmarked(clause: Any) -> bool:
    return not any(c.dep_ == "mark" for c in clause.children)


def _split(doc: Any, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a list of demands ("reopen X, free Y and extend Z") into its items."""
    items: list[tuple[int, int]] = []
    cur = start
    for i in range(start + 1, end - 1):
        tok, nxt = doc[i], doc[i + 1]
        if tok.text not in (",", ";", "and", "or"):
            continue
        if nxt.lower_ in ("and", "or", "to") or nxt.is_quote:
            nxt = doc[i + 2] if i + 2 < end else nxt
        if nxt.is_quote:  # 'and "justify a proportionate response"'
            nxt = doc[nxt.i + 1] if nxt.i + 1 < end else nxt
        # a present tense in a list is a base form the tagger read as one ("… pay a fine
        # and appoint an ombudsman": "appoint" tagged VBP)
        bare = nxt.lower_ in BARE_VERBS or (
            is_verb(nxt)
            and (
                "Inf" in nxt.morph.get("VerbForm")
                or nxt.tag_ == "VB"
                or (nxt.tag_ == "VBP" and nxt.dep_ == "conj")
            )
        )
        if bare and nxt.i > cur + 1 and not _shares_object(doc[i - 1], nxt):
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


def shared_object_verbs(verb: Any) -> list[Any]:
    """The verbs after ``verb`` whose object it shares ("hire and *train* 60 drivers")."""
    return [c for c in verb.children if c.i > verb.i and _shares_object(verb, c)]


def _shares_object(verb: Any, nxt: Any) -> bool:
    """Does ``verb``, last before a list break, share the object of the next verb
    ("hire and train 60 drivers": one deed, not "hire" and "train 60 drivers")?"""
    return (
        is_verb(verb)
        and nxt.dep_ == "conj"
        and nxt.head.i == verb.i
        and not any(
            c.dep_ in ("obj", "iobj", "xcomp", "ccomp", "compound:prt")
            or (c.dep_ == "obl" and verb.i < c.i < nxt.i)
            for c in verb.children
        )
    )


# Prepositions of an adjunct that says when a deed was done, not what it did.
_WHEN_CASES = frozenset({"after", "before", "during", "following", "amid", "since", "until"})


def action_span(tok: Any) -> Any:
    """The deed and what it is done to, up to the end of its clause."""
    late = stray_object(tok)
    subjects = {
        t.i
        for c in tok.children
        if c.dep_.startswith("nsubj") and (late is None or c.i != late.i)
        for t in c.subtree
    }
    aux = {c.i for c in tok.children if c.dep_ in ("aux", "aux:pass", "mark")}
    start, end = extent(tok, first=tok.i)
    if late is not None and late.dep_ == "nsubj" and start < late.left_edge.i < end:
        # "passed a budget blueprint early Wednesday, the first step in …": a summing-up
        # noun phrase the parse made a second subject ends the deed
        end = late.left_edge.i
    if subjects & set(range(start, end)) or aux & set(range(start, end)):
        end = tok.i + 1  # a subject after the verb: an inverted or odd parse
    # "freed the fishermen and dropped the charges": a second verb with a thing of its
    # own done to is a deed of its own, not part of what the first one did.
    # Unless the first has none and shares the second's: "hire and train 60 drivers".
    for other in tok.children:
        if (
            other.dep_ == "conj"
            and other.i > tok.i
            and is_verb(other)
            and any(c.dep_ in ("obj", "ccomp", "xcomp") for c in other.children)
            and not _shares_object(tok.doc[other.i - 2], other)
        ):
            end = min(end, max(other.left_edge.i, tok.i + 1))
        # "let more water through the dam after two days of talks": when, not what
        elif (
            other.dep_ == "obl" and case_of(other) in _WHEN_CASES and other.left_edge.i > tok.i + 1
        ):
            end = min(end, other.left_edge.i)
    while end > tok.i + 1 and (tok.doc[end - 1].is_punct or tok.doc[end - 1].dep_ == "cc"):
        end -= 1
    return tok.doc[start:end]


def deed_object(tok: Any) -> Any:
    """What a deed is done to, after the verb: "issued *a mandate Friday requiring …*".

    The verb's object with its complements (an intervening time adverb stays in);
    the verb itself, its particle and adverbs right after it are left out.
    """
    span = action_span(tok)
    doc = tok.doc
    start = tok.i + 1
    while start < span.end and (
        doc[start].is_punct
        or (doc[start].head.i == tok.i and doc[start].dep_ in ("compound:prt", "advmod"))
    ):
        start += 1
    return doc[start : span.end] if start < span.end else span


# Verbs that with "back" restore what was taken away ("put / brought the service back").
_BACK_VERBS = frozenset({"put", "bring", "give"})


def puts_back(tok: Any) -> bool:
    """ "put the bulletin back on air", "brought back the night buses": a restoring."""
    return tok.lemma_.lower() in _BACK_VERBS and any(c.lower_ == "back" for c in tok.children)


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
            a.dep_ in _CLAUSE_DEPS and a.i != root.i and a in span and a.head in span
            for a in [tok, *tok.ancestors]
        ):  # a clause hung on the content; not one the parse hung on the cue ("a request
            continue  # from the miners *to halt the auction*")
        nominal = tok.dep_ in ("obj", "nsubj", "nsubj:pass", "compound", "obl", "nmod") or any(
            c.dep_ == "det" for c in tok.children
        )
        keep = tok.pos_ == "PROPN" or (nominal and tok.lower_.endswith("ing"))
        if puts_back(tok):
            words.append("restore")  # "put the bulletin back on air"
            continue
        words.append(tok.lower_ if keep else tok.lemma_.lower())  # "crossing", not "cross"
        if len(words) >= 8:
            break
    return " ".join(words)
