"""Where a quote's report starts and ends, and quotes that go on from the one before.

Helpers of :mod:`storyline.extract.quotes`: a report stops before a speech verb
of its own ("said A, adding B"); a clause before "…, said NAME." is reported
when the parse lost the speaker; a cue and speaker are read off the words
beside a quote; and a quote with no cue continues the attribution just before
it ("“A,” he said. “B.”", "Bolton said he would help. “I will support him.”").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from storyline.extract.quotes_grammar import (
    _CIRCUMSTANCE,
    _CLAUSE_ONLY,
    _CLOSE,
    _CONTRAST,
    _NOT_SPEAKERS,
    _OPEN,
    _SAY_FORMS,
    _blank,
    _nominal,
    _says,
    _says_form,
    _subject,
    content_end_comma,
    that_conjunct,
)

if TYPE_CHECKING:
    from storyline.extract.quotes import Quote

__all__ = [
    "attribution_beside",
    "before_attribution",
    "carried_on",
    "continues",
    "in_paragraph",
    "kind_of",
    "other_paragraph",
    "resumes",
    "sets_scene",
    "to_sentence_end",
    "with_words_before",
]


def to_sentence_end(content: list[Any], cue: Any) -> list[Any]:
    """A report after its cue runs on to the end of its sentence when the parser hung
    the rest elsewhere ("lawmakers claim it will cause job losses, greater harm and
    higher prices" with "harm" hung on the subject).

    Not past a quotation mark, another attribution ("…, according to …", "…,
    officials said"), a semicolon or a clause saying when or how it was said ("…,
    as he left"), nor out of a clause the sentence goes on around ("Trump, who
    said A, is leading"), nor into a clause with a subject of its own ("Refusing
    to acknowledge that A, Rubio tried …"). A cue of its own in the rest is cut
    off after (:func:`_until_next_cue`).
    """
    if not content or content[0].i <= cue.i:
        return content
    doc = cue.doc
    tail = [t for t in doc[content[-1].i + 1 : cue.sent.end] if not _blank(t)]
    words = [t for t in tail if not t.is_punct]
    if not words or "\n" in doc.text[content[-1].idx : words[-1].idx]:
        return content
    ancestors = {a.i for a in cue.ancestors}
    if any(
        a.dep_ in ("acl:relcl", "relcl", "acl") or (a.dep_ in ("advcl", "csubj") and a.i < a.head.i)
        for a in (cue, *cue.ancestors)
    ):
        return content  # "the list, which he says includes …, is …", "Refusing to say A, he …"
    if (
        words[0].lower_ in _CIRCUMSTANCE | {"compared"}  # "…, compared with 11 percent"
        or any(t.text == ";" or t.i in ancestors for t in tail)
        or any(
            t.lower_ == "according"
            or (t.dep_.startswith("nsubj") and _says(t.head) and not that_conjunct(t.head))
            for t in words
        )
    ):
        return content
    tail_i = {t.i for t in words}
    if any(t.dep_.startswith("nsubj") and t.head.i in tail_i for t in words):
        return content  # "…, Rubio tried to …": a clause of its own
    if any(t.pos_ in ("VERB", "AUX") and t.left_edge.i < cue.i for t in words):
        return content  # "Smith, who said A, did not show up": the sentence's own verb
    return content + words


def _until_next_cue(content: list[Any], cue: Any) -> list[Any]:
    """``content`` cut before a speech verb of the same speaker that reports on its own.

    "said A, adding B", "said A and suggested B", "said A before adding: …",
    "said A, noting B": PolNeAR (and the reader) take B as a second report;
    a verb with a subject of its own ("said A and Jones said B" is cut
    elsewhere) or inside quotation marks stays.
    """
    if not content:
        return content
    doc = cue.doc
    for k, t in enumerate(content):
        verb = t.pos_ in ("VERB", "AUX") or t.dep_ in ("conj", "parataxis", "advcl")
        if k < 2 or t.i <= cue.i or not (_says(t) or t.lower_ in _SAY_FORMS | {"say"}) or not verb:
            continue
        if t.lemma_.lower() in _CLAUSE_ONLY and not any(c.dep_ == "ccomp" for c in t.children):
            continue  # "continued struggles", "maintains a lead": no report of its own
        before = doc.text[content[0].idx : t.idx]
        if before.count("“") > before.count("”") or before.count('"') % 2:
            continue  # inside quotation marks
        subjects = [c for c in t.children if c.dep_.startswith("nsubj") and c.i < t.i]
        if subjects:  # "said A, but Cook did not say when": another report of its own
            j = subjects[0].left_edge.i
            while j < subjects[0].i and doc[j].is_punct:
                j += 1  # the parser may hang the comma or semicolon before on the subject
            j -= 1
            # after a semicolon, however the parser hung the verb ("…; she calls for …")
            own = t.dep_ in ("conj", "parataxis", "advcl") or doc[j].text == ";"
            if own and j > content[0].i:
                # ", while 49 percent say …", "; 26 percent say …", ", though he did not say"
                contrast = doc[j].lower_ in _CONTRAST and doc[j - 1].text == ","
                if doc[j].text in (",", ";", "—", "–") or doc[j].pos_ == "CCONJ" or contrast:
                    while j > content[0].i and (
                        doc[j - 1].text in (",", ";", "—", "–")
                        or doc[j - 1].pos_ == "CCONJ"
                        or _blank(doc[j - 1])
                    ):
                        j -= 1
                    return [x for x in content if x.i < j] or content
            continue
        if _in_relative(t, cue):
            continue  # "a conversation that humanizes people and demands respect": not the cue's
        j = t.i - 1
        while j > content[0].i and (
            doc[j].pos_ == "ADV" or _blank(doc[j]) or doc[j].text in _CLOSE | {"”"}
        ):
            j -= 1  # "and also said", ", then added"
        if doc[j].text == "," or doc[j].lower_ in ("and", "but", "before", "after", "then"):
            while j > content[0].i and (doc[j - 1].text == "," or _blank(doc[j - 1])):
                j -= 1
            return [x for x in content if x.i < j] or content
    return content


def before_attribution(content: list[Any], cue: Any) -> list[Any]:
    """``content`` cut before an attribution of its own at its end: "said Jones
    “would lose,” the aide recalled", "said he was “happy” that A, according to
    the Times", "…, The Washington Post reported in 1991": the writer's source
    for the report, which the parser may hang inside the reported clause.

    The attribution follows a comma or closing mark: a short noun phrase and a
    speech verb (or "according to"), with no verb after it.
    """
    doc = cue.doc
    for k, t in enumerate(content):
        if k < 2 or t.i <= cue.i:
            continue
        according = t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to"
        if not (according or (_says(t) and t.pos_ in ("VERB", "AUX"))):
            continue
        j = t.i - 1
        while j > content[0].i and (_nominal(doc[j]) or _blank(doc[j])) and t.i - j <= 6:
            j -= 1
        if doc[j].text not in {",", *_CLOSE, "”"} or (not according and j == t.i - 1):
            continue
        if any(x.pos_ in ("VERB", "AUX") for x in content[k + 1 :]):
            continue
        before = doc.text[content[0].idx : doc[j].idx + len(doc[j])]
        if before.count("“") > before.count("”") or before.count('"') % 2:
            continue  # inside quotation marks
        kept = [x for x in content if x.i < j]
        if kept:
            return kept
    return content


def _in_relative(verb: Any, cue: Any) -> bool:
    """Whether ``verb`` stands in a relative clause inside what ``cue`` reports."""
    for a in (verb, *verb.ancestors):
        if a.i == cue.i:
            return False
        if a.dep_ in ("acl:relcl", "relcl"):
            return True
    return False


def _postposed(tok: Any) -> tuple[list[Any] | None, Any | None]:
    """ "Clause, said Democratic strategist Hank Sheinkopf." when the parse lost the speaker.

    The cue stands after a comma and before a name or noun phrase that runs
    to the end of the sentence (or to an apposition's comma); the clause
    before the comma is reported and the phrase's last name word speaks.
    """
    doc, sent = tok.doc, tok.sent
    i = tok.i - 1
    while i > sent.start and (doc[i].text in _CLOSE | {"”"} or _blank(doc[i])):
        i -= 1
    if i <= sent.start or doc[i].text != ",":
        return None, None
    j = tok.i + 1
    while j < sent.end and doc[j].pos_ == "ADV":
        j += 1  # "said Friday" is a time, not a name: left to the parse
    phrase = []
    while j < sent.end and _nominal(doc[j]) and doc[j].ent_type_ not in _NOT_SPEAKERS:
        phrase.append(doc[j])
        j += 1
    if not phrase or (j < sent.end and doc[j].text not in (",", ".", "(", ";")):
        return None, None
    names = [t for t in phrase if t.pos_ == "PROPN"]
    subj = names[-1] if names else phrase[-1]
    if subj.pos_ not in ("PROPN", "NOUN"):
        return None, None
    para = doc.text.rfind("\n", 0, doc[i].idx) + 1
    content = [t for t in doc[sent.start : i] if t.idx >= para and not (t.is_punct or _blank(t))]
    if len(content) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in content):
        return None, None
    return content, subj


def with_words_before(content: list[Any], cue: Any, subj: Any | None) -> list[Any]:
    """ "A new manager, he said, could set a new tone": the words before a cue set off by
    commas belong to the report too (the reported clause the parse hung on the cue
    starts after it)."""
    if subj is None or not content or content[0].i <= cue.i or subj.i > cue.i:
        return content
    doc, sent = cue.doc, cue.sent
    comma = subj.left_edge.i - 1
    after = cue.i + 1
    if not (sent.start < comma and doc[comma].text == "," and cue.i - subj.i <= 2):
        return content
    if after >= sent.end or doc[after].text != "," or content[0].i > after + 2:
        return content
    para = doc.text.rfind("\n", 0, doc[comma].idx) + 1
    before = [t for t in doc[sent.start : comma] if t.idx >= para]
    if not before or any(t.text in _OPEN | _CLOSE or _says(t) for t in before):
        return content
    return [t for t in doc[before[0].i : content[-1].i + 1]]


def attribution_beside(
    doc: Any, start: int, end: int, after_only: bool = False
) -> tuple[Any | None, Any | None]:
    """Cue and speaker read off the words around a quote when the parse failed.

    ``“…,” added Pavone.``, ``“…,” Trump tweeted Wednesday.`` and
    ``Issa said, “…”``: a speech verb right after the closing mark (or right
    before the opening one) next to a name or noun. With ``after_only``, only
    an attribution after the quote counts: the one that closes a sentence
    with a partial quote in it ("Teachers are “looking …,” Ms. García said.").
    """
    after = doc.char_span(end, min(len(doc.text), end + 2), alignment_mode="expand")
    if content_end_comma(doc.text[start:end]) and after is not None and len(after):
        i = after[-1].i + 1
        window = [t for t in doc[i : min(len(doc), i + 8)] if not t.is_space]
        # the next paragraph's words are not this quote's attribution
        window = [t for t in window if "\n" not in doc.text[end : t.idx]]
        # "“…,” telling reporters" is no "said Smith"
        # nor "“…,” told MSNBC": the one told follows "told"
        inverted = len(window) >= 2 and window[0].tag_ != "VBG" and window[0].lemma_ != "tell"
        if inverted and _says(window[0]) and _nominal(window[1]):
            j = 1  # "added Pavone", "said Gov. John Kasich, a …"
            while j + 1 < len(window) and _nominal(window[j + 1]):
                j += 1
            return window[0], window[j]
        for k in range(1, min(7, len(window))):
            # "Sen. Marco Rubio said", "a voice-over in the ad states": a noun phrase,
            # a preposition inside it
            phrase = all(
                _nominal(t) or (0 < j < k - 1 and t.pos_ == "ADP" and t.lower_ != "according")
                for j, t in enumerate(window[:k])
            )
            if _says(window[k]) and phrase and _nominal(window[k - 1]):
                # the noun before the preposition speaks: "a voice-over (in the ad)"
                head = next((j - 1 for j, t in enumerate(window[:k]) if t.pos_ == "ADP"), k - 1)
                return window[k], window[head]  # "Trump tweeted", "Sen. Marco Rubio said"
    if after_only:
        return None, None
    before = doc.char_span(max(0, start - 2), start, alignment_mode="expand")
    if before is not None and len(before):
        i = before[0].i
        while i > 0 and doc[i - 1].text in ("“", '"', "'", "''", ",", ":"):
            i -= 1
        window = list(doc[max(0, i - 4) : i])
        if len(window) >= 2 and _says(window[-1]) and _nominal(window[-2]):
            return window[-1], window[-2]  # "Issa said, “…”"
        if i > 0 and doc[i - 1].text == "." and "\n" not in doc.text[doc[i - 1].idx : start]:
            # "Iowa State University's Dianne Bystrom agreed. “…”", "Sam Lau, a party
            # spokesman, said in a statement. “…”": a sentence of its own that is
            # nothing but the attribution (and where or when it was made)
            sent = [t for t in doc[i - 1].sent if not (t.is_punct or _blank(t))]
            k = next((k for k, t in enumerate(sent) if k > 0 and _says(t)), len(sent))
            named = all(_nominal(t) or t.pos_ in ("ADP", "PART") for t in sent[:k])
            scene = all(t.pos_ in _SCENE_WORDS for t in sent[k + 1 :]) and len(sent) - k <= 5
            if 2 <= k + 1 <= 16 and k < len(sent) and _nominal(sent[k - 1]) and named and scene:
                subj = _subject(sent[k])
                inside = subj is not None and sent[0].i <= subj.i < sent[k].i
                return sent[k], subj if inside else sent[k - 1]
        return _lead_in(doc, before[0].i)
    return None, None


# Words of where or when an attribution was made: "said in a statement", "said Friday".
_SCENE_WORDS = {"ADP", "DET", "NOUN", "PROPN", "ADJ", "NUM"}
# Words that end the stretch before a quote in which its lead-in may stand.
_STOPS = {".", "!", "?", ";", "(", ")"} | _OPEN | _CLOSE


def _lead_in(doc: Any, mark: int) -> tuple[Any | None, Any | None]:
    """The speech verb that introduces a quote from a few words before it, when
    the parse (or the sentence splitter) parted them: "Bolton told Breitbart
    News host Matt Boyle, “…”", "Trump was asked, “…”", "Stated Stone: “…”",
    "writing “…”".

    Between the verb and the opening mark (``mark``) stand only its listener,
    a time or manner ("told Congress when asked last month:"), ending in a
    comma or colon or nothing; no clause with a subject of its own ("said the
    deal was dead, “…”" reports the deal) and no other sentence or paragraph,
    bar one the colon introduces.
    """
    i = mark
    while i > 0 and (doc[i - 1].text in _OPEN | {",", ":"} or _blank(doc[i - 1])):
        i -= 1
    if i == 0:
        return None, None
    gap = doc.text[doc[i - 1].idx + len(doc[i - 1]) : doc[mark].idx]
    if "\n" in gap and ":" not in gap:
        return None, None
    for j in range(i - 1, max(-1, i - 16), -1):
        t = doc[j]
        if t.text in _STOPS or "\n" in t.text:
            break
        opens = t.i == 0 or doc[t.i - 1].is_punct or _blank(doc[t.i - 1])
        if not (_says(t) and t.pos_ in ("VERB", "AUX", "NOUN")) and not (
            opens and _says_form(t.lower_)  # "Said Comey," read as a name
        ):
            continue
        between = doc[j + 1 : i]
        if any(
            (k.dep_.startswith("nsubj") and k.lower_ not in ("who", "which", "that"))
            or (k.pos_ in ("VERB", "AUX") and k.dep_ in ("ccomp", "conj"))
            for k in between
        ):
            return None, None  # "said the deal was dead, “…”": it reports a clause
        subj = _lead_subject(t, i)
        return (t, subj) if subj is not None else (None, None)
    return None, None


def _lead_subject(cue: Any, end: int) -> Any | None:
    """The subject of a lead-in cue: the parse's, or the name right after a
    cue that opens its clause ("Said Comey, “…”", "Stated Stone: “…”")."""
    found = _subject(cue)
    if found is not None:
        return found
    names = []
    for t in cue.doc[cue.i + 1 : end]:
        if not _nominal(t):
            break
        names.append(t)
    first = cue.i == 0 or cue.doc[cue.i - 1].is_punct or _blank(cue.doc[cue.i - 1])
    return names[-1] if names and first else None


def carried_on(text: str, found: list[Quote]) -> list[Quote]:
    """Quotes with no cue that go on from a report just before them take its speaker.

    "Bolton said he would help if asked. “I’m going to support him.”": the
    quote right after a report (nothing but punctuation between, or opening
    the next paragraph) continues it, as after a direct quote.
    """
    out: list[Quote] = []
    last: Quote | None = None
    for q in found:
        if (
            q.kind == "direct"
            and q.cue_start is None
            and last is not None
            and last.kind != "direct"
            and last.speaker is not None
            and continues(text, last, q.start)
            and _adjacent(text, last, q.start)
        ):
            q = replace(
                q,
                cue=last.cue,
                cue_start=last.cue_start,
                cue_end=last.cue_end,
                speaker=last.speaker,
            )
        out.append(q)
        if q.speaker is not None:
            if last is None or q.end >= last.end:
                last = q
        elif last is not None and q.start >= last.end:
            last = None  # an unattributed quote stands between
    return out


def _adjacent(text: str, last: Quote, start: int) -> bool:
    """Nothing but punctuation, or the report's own attribution, between it and ``start``.

    "X “…,” Mr. Rahman said. “B.”": the cue of the partial quote stands between.
    """
    gap = text[last.end : start]
    if not gap.strip(" .,;\n”“\"'\u00a0"):
        return True
    cue = last.cue_start
    if cue is None or not last.end <= cue < start or len(gap.split()) > 12:
        return False
    return gap.rstrip(" \n“\"'\u00a0").endswith(".") and gap.count(".") <= 2


def resumes(text: str, prev: Quote, start: int) -> bool:
    """Whether a quote at ``start`` picks up ``prev`` right after its attribution,
    in one paragraph: "“The risk,” he said, “is that …”", "“It’s ambush
    journalism,” Reynolds says. “this new in-your-face journalism.”"."""
    cue = prev.cue_start
    if cue is None or not prev.end <= cue < start:
        return False
    gap = text[prev.end : start]
    return "\n" not in gap and len(gap.split()) <= 25


def continues(text: str, prev: Quote, start: int) -> bool:
    """Whether a quote with no cue of its own goes on from ``prev`` (same speaker).

    True in the paragraph of ``prev`` ("“A,” he said. “B.”") and for a quote
    opening the next paragraph right after it.
    """
    if prev.speaker is None:
        return False
    gap = text[prev.end : start]
    if "\n" not in gap:
        return True
    if gap.count("\n") > 2:
        return False
    tail, _, head = gap.rpartition("\n")
    if head.strip() not in ("“", '"', "''"):
        return False  # the new paragraph does not open with the quote
    # "“A,” said Baron.\n“B.”": the paragraph before ends with the attribution
    in_tail = prev.cue_start is not None and prev.end <= prev.cue_start < prev.end + len(tail)
    return not tail.strip(' \n”"“.,') or (in_tail and len(tail.split()) <= 25)


def kind_of(doc: Any, start: int, end: int, continued: bool) -> str:
    """Direct (a sentence or more of its own) or partial (a phrase in a sentence)."""
    if continued:
        return "direct"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "partial"
    sent = span[0].sent
    para = doc.text.rfind("\n", 0, start) + 1  # a sentence may run across paragraphs
    before = doc.text[max(sent.start_char, para) : start - 1].strip().strip("'\"“‘`").strip()
    if not before or (before.endswith((":", ",")) and len(before.split()) <= 6):
        return "direct"
    content = doc.text[start:end].strip()
    if before.endswith((":", ",")) and content[:1].isupper() and content.endswith((".", "?", "!")):
        # "…, telling reporters, “A lot of people said so.”": a sentence of its own
        return "direct"
    if len({t.sent.start for t in span}) > 1 and len(span) > 8:
        return "direct"
    return "partial"


# Nouns of the occasion or time of a saying: "In an interview,", "On the same day,".
_OCCASIONS = {
    "interview",
    "statement",
    "speech",
    "tribute",
    "remarks",
    "letter",
    "memo",
    "email",
    "post",
    "tweet",
    "appearance",
    "rally",
    "debate",
    "show",
    "conference",
    "call",
    "day",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
}


def sets_scene(run: list[Any]) -> bool:
    """Whether words before an attribution say where, when or on what occasion it
    was said ("In Iowa,", "On Monday,", "In his tribute,") rather than begin what
    was said ("An economic downturn,", "If Clinton is elected,")."""
    return any(t.ent_type_ in ("LOC", "GPE", "DATE", "TIME") or t.lemma_ in _OCCASIONS for t in run)


def in_paragraph(content: list[Any], cue: Any) -> list[Any]:
    """The words of a report in its cue's paragraph: "…, Ali’s friend said of
    him.\n\nElliott’s father …" does not go on into the next paragraph, bar a
    paragraph ending in a colon, which introduces the next ("said:\n“…”")."""
    text = cue.doc.text
    start = text.rfind("\n", 0, cue.idx) + 1
    end = text.find("\n", cue.idx)
    while end >= 0 and text[start:end].rstrip().endswith(":"):
        end = text.find("\n", len(text) - len(text[end:].lstrip()))
    if end < 0:
        end = len(text)
    return [t for t in content if start <= t.idx < end]


def other_paragraph(text: str, tok: Any, start: int, end: int) -> bool:
    """Whether a paragraph break parts a cue from a quote (bar "X said:\n“…”")."""
    if tok.idx >= end:
        return "\n" in text[end : tok.idx]
    between = text[tok.idx : start]
    return "\n" in between and not between.rstrip(" \n“\"'").endswith(":")
