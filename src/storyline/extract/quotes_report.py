"""Reports a cue's parse gets wrong, helpers of :mod:`storyline.extract.quotes`.

No words behind a cue ("his spokesman declined to comment"), the question put
to a speaker ("When asked whether …, Smith said", "… 60 percent said yes"),
listeners alone after "told" ("…, an official told The New York Times."), a
"that" clause the parser cut at a comma, a speaker hung on an aside before the
cue, and a quote the parser hung on a cue farther off than the report beside it.

>>> from storyline.nlp.pipeline import load_nlp
>>> doc = load_nlp()("When asked whether he would run, Smith said he was not sure.")
>>> _put_to(doc[1])
True
"""

from __future__ import annotations

import re
from typing import Any

from storyline.extract.quotes_grammar import (
    _CIRCUMSTANCE,
    _NOT_SPEAKERS,
    _blank,
    _in_quotes,
    _is_cue,
    _reports,
    _subject,
)

__all__: list[str] = []

# The end of a sentence: a full stop, question or exclamation mark (and a closing mark);
# not the point of a title or initial before a name ("“…,” Sen. Ann Lee said", "H.W.").
_TITLES = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "St", "Jr", "Sr")
_FULL_STOP = re.compile(
    r"(?:[!?]|" + "".join(rf"(?<!\b{t})" for t in _TITLES) + r"(?<!\b[A-Z])\.)[”\"'’]*\s"
)


def _reported_in(inner: Any, outer: Any) -> bool:
    """Whether the cue ``inner`` stands, with a subject of its own, in the clause the
    cue ``outer`` reports ("Ryan said the spate demands that …")."""
    progressive = any(c.dep_ == "aux" for c in inner.children)  # "were calling"
    if inner.i == outer.i or inner.head.i == inner.i or (inner.tag_ == "VBG" and not progressive):
        return False  # not "said A, adding that “…”"
    if not any(c.dep_.startswith("nsubj") for c in inner.children):
        return False  # no subject of its own ("went on to say"): not a clause of its own
    below = inner
    for a in inner.ancestors:
        if a.i == outer.i:
            # a clause opened by "that" is reported, however the parser labelled it
            that = any(c.dep_ == "mark" and c.lower_ == "that" for c in below.children)
            return below.dep_ in ("ccomp", "xcomp") or (that and below.i > outer.i)
        below = a
    return False


def _answers(cue: Any) -> bool:
    """Whether a cue answers "yes" or "no": what stands before it is the question
    put ("Asked whether she is “fit to serve,” 60 percent said yes"), not what
    they said."""
    nxt = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    return nxt is not None and nxt.lower_ in ("yes", "no")


def _nearer_report(text: str, cue: Any, start: int, end: int) -> Any:
    """The speech verb with a subject of its own that stands between ``cue`` and the
    quote at ``start:end``, nearest the quote, in place of ``cue``: a quote goes with
    the report next to it, however the parser hung it.

    "Beck said A, and Sanders, who says it is “disastrous”", "she wrote, arguing
    that “…”", "Smith tweeted after Jones argued that “…”": the later report's.
    "“A,” she said, but …, “B,” said Kunin": a cue after another quote is that
    quote's, and A goes with "she said". Not a verb in the clause ``cue`` reports
    ("Ryan said the protests demand that all engage in “more listening”"), which
    quotes ``cue``'s speaker.
    """
    doc = cue.doc
    if cue.idx < start:
        lo, hi = cue.i + 1, doc.char_span(start, end, alignment_mode="expand")
        last = hi[0].i if hi is not None and len(hi) else cue.i + 1
        between = list(doc[lo:last])
    elif cue.idx >= end:
        after = doc.char_span(end, min(len(text), end + 2), alignment_mode="expand")
        first = after[-1].i + 1 if after is not None and len(after) else cue.i
        between = list(reversed(doc[first : cue.i]))
    else:
        return cue
    for tok in reversed(between):
        if not (_is_cue(tok) and _reports(tok) and tok.pos_ in ("VERB", "AUX")):
            continue
        if tok.tag_ == "VBG" and tok.dep_ == "acl":
            continue  # "a document describing his goals" names the document
        if any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in tok.children):
            continue  # "said that the party should reiterate “…”": in the clause reported
        subj = _subject(tok)
        if _in_quotes(tok) or subj is None or subj.lower_ == "that":
            continue  # "records that would respond to …": no speaker
        # "Bundy says to Santilli, who responds: “Okay!”": a relative clause the
        # parser may hang as a reported one
        if cue.i < tok.i and subj.lower_ not in ("who", "which") and _reported_in(tok, cue):
            continue
        gap = (tok.idx, start) if tok.idx < start else (end, tok.idx)
        if _FULL_STOP.search(text, *gap) or "\n" in text[gap[0] : gap[1]]:
            continue
        return tok
    return cue


def _declined(cue: Any) -> bool:
    """ "his spokesman declined to comment": no words, so nothing reported before it."""
    return bool(cue.dep_ == "xcomp" and cue.head.lemma_.lower() in ("decline", "refuse"))


def _verbless_that(cue: Any, content: list[Any]) -> list[Any]:
    """ "has promised that as president, he would build …" with the clause after the
    comma cut off by the parser: a "that" with no verb yet runs to the sentence end."""
    if content[0].lower_ != "that" or content[0].i < cue.i:
        return content
    if any(t.pos_ in ("VERB", "AUX") for t in content):
        return content
    sent = cue.sent
    rest = [t for t in cue.doc[content[0].i : sent.end] if not (t.is_punct or _blank(t))]
    return rest if any(t.pos_ in ("VERB", "AUX") for t in rest) else content


def _listener_only(cue: Any, content: list[Any] | None) -> bool:
    """ "told reporters" ending its sentence: the listeners, not what was told."""
    if not content or cue.lemma_.lower() != "tell":
        return False
    if any(t.pos_ in ("VERB", "AUX") or t.lower_ in ("that", "to") for t in content):
        return False
    rest = [t for t in cue.doc[content[-1].i + 1 : cue.sent.end] if not (t.is_punct or _blank(t))]
    return not rest


def _clause_after_listener(cue: Any, content: list[Any] | None) -> list[Any] | None:
    """The clause right after "told X" that the parser hung elsewhere ("telling
    Keyworth they would not “have to move”" with "have" on the main verb): a subject
    right after the listener, its verb after it; ``None`` when none follows."""
    if not content or cue.lemma_.lower() != "tell":
        return None
    if any(t.pos_ in ("VERB", "AUX") or t.lower_ in ("that", "to") for t in content):
        return None
    nxt = cue.doc[content[-1].i + 1] if content[-1].i + 1 < cue.sent.end else None
    if nxt is None or not nxt.dep_.startswith("nsubj") or nxt.head.i <= nxt.i:
        return None
    verb = nxt.head
    if verb.pos_ not in ("VERB", "AUX", "ADJ", "NOUN") or verb.i in {t.i for t in cue.subtree}:
        return None
    return [t for t in cue.doc[nxt.i : verb.right_edge.i + 1] if not (t.is_punct or _blank(t))]


_WHEN_ASKED = {"when", "after", "once", "if", "before", "while", ","}


def _put_to(cue: Any) -> bool:
    """ "When asked whether …, Christie said", "Asked about …, he said": the question
    put to the speaker, not words of the speaker's; "asked by Lauer whether" has its asker.
    """
    if cue.lower_ != "asked" or any(c.dep_.startswith("nsubj") for c in cue.children):
        return False
    i = cue.i - 1
    while i >= cue.sent.start and _blank(cue.doc[i]):
        i -= 1
    before = cue.doc[i] if i >= cue.sent.start else None
    if before is not None and before.lower_ not in _WHEN_ASKED:
        return False
    agents = [k for c in cue.children if c.i > cue.i for k in c.children if k.dep_ == "case"]
    return not any(k.lower_ == "by" for k in agents)


def _aside_subject(cue: Any) -> Any | None:
    """The speaker the parser hung on an aside before the cue: "Sen. Chuck
    Grassley, facing a spirited challenge, said …" read as "Grassley facing"."""
    for c in cue.children:
        if c.i > cue.i or c.dep_ not in ("ccomp", "advcl", "parataxis", "csubj"):
            continue
        if c.tag_ not in ("VBG", "VBN") or c.i == 0 or c.doc[c.i - 1].text != ",":
            continue
        subj = [k for k in c.children if k.dep_ == "nsubj" and k.i < c.i]
        if subj and subj[0].pos_ in ("PROPN", "NOUN") and subj[0].ent_type_ not in _NOT_SPEAKERS:
            return subj[0]
    return None


def _aux_subject(cue: Any) -> Any | None:
    """The speaker the parser hung on the auxiliary: "Clinton has repeatedly
    accused Trump of …" read with "Clinton" the subject of "has"."""
    for c in cue.children:
        if c.dep_ != "aux" or c.i > cue.i:
            continue
        subj = [k for k in c.children if k.dep_ == "nsubj" and k.i < c.i]
        if subj and subj[0].ent_type_ not in _NOT_SPEAKERS:
            return subj[0]
    return None


def _before_circumstance(content: list[Any], cue: Any) -> list[Any]:
    """The clause before "“…,” Clinton said, while arguing …" without the words after
    the cue that say when or how it was said ("while arguing", "when asked"), which
    the parser hung in the clause; a reason with a subject of its own stays ("…,
    Graham said, since most voters accept …")."""
    after = [t for t in content if t.i > cue.i and not (t.is_punct or _blank(t))]
    if (
        len(after) > 1
        and after[0].lower_ in _CIRCUMSTANCE
        and after[1].tag_ in ("VBG", "VBN")  # "while arguing", not "since most accept …"
    ):
        return [t for t in content if t.i < cue.i]
    return content


def _that_after(cue: Any) -> list[Any] | None:
    """ "has promised that as president, he would build …" with the clause the "that"
    opens hung away from the cue: from "that" to the end of that clause."""
    doc = cue.doc
    if cue.i + 1 >= cue.sent.end:
        return None
    that = doc[cue.i + 1]
    if that.lower_ not in ("that", "whether") or that.dep_ != "mark" or that.head.i <= that.i:
        return None
    clause = that.head
    # a clause with a verb, or a copula: "that the group's “hostility” was a mistake"
    verbal = clause.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in clause.children)
    if not verbal or any(a.i == cue.i for a in clause.ancestors):
        return None  # no clause, or the parse hung it on the cue (read as usual)
    last = max(clause.right_edge.i, that.i)
    words = [t for t in doc[that.i : min(last + 1, cue.sent.end)] if not (t.is_punct or _blank(t))]
    return words if len(words) >= 3 else None


def _compared(content: list[Any]) -> list[Any]:
    """A report cut before ", compared with …": the writer's comparison, not what was
    said ("26 percent say they have not been paying attention, compared with 11 …")."""
    doc = content[0].doc if content else None
    for k, t in enumerate(content):
        if (
            k > 0
            and t.lower_ == "compared"
            and doc is not None
            and t.i > 0
            and doc[t.i - 1].text == ","
            and t.i + 1 < len(doc)
            and doc[t.i + 1].lower_ in ("with", "to")
        ):
            return content[:k]
    return content
