"""Who said what: direct, partial and indirect quotes with their speakers and cues.

- ``direct``: text in double quotation marks (straight or curly) that stands as
  the speaker's own sentence(s), including quotes over several paragraphs. A
  quote split by its attribution ("“A,” he said. “B.”") gives **two** records,
  one per quoted part, with the same speaker and cue, so each keeps exact
  offsets; the second part inherits the first's speaker when its own sentence
  has no cue.
- ``partial``: a quoted phrase inside a sentence. It is attributed only when a
  speech verb of that sentence governs it ("Smith said the deal would tackle
  “the harder questions first.”"); scare quotes and slogans stay unattributed
  (``speaker`` and ``cue`` are ``None``).
- ``indirect``: the clause a speech verb reports ("X said (that) …", "X told
  reporters …", "X warned …", "… , according to X").

The parser errs often on news copy, so each step has a fallback read off the
words: a cue is also a speech verb by its form ("tells" tagged as a noun,
"noting" lemmatized as "not"); the reported clause is everything after the cue
to the end of its clause, past a leading time or place ("said on Friday much of
it was …"), or the clause before "…, a former official said."; a quote with no
cue in the parse takes the speech verb and name beside it ("“…,” added
Pavone."); a cue in another paragraph does not claim a quote.

The speaker is the subject of the cue verb in the parse (failing that, the
noun just before the cue, or the subject before a coordinated cue). A pronoun goes to its
entity; when the previous quote's speaker is a person the pronoun may refer to,
that speaker wins (a run of quotes from one person with another name between
them). Unnamed sources ("a European diplomat", "analysts") keep their words as
the speaker's name with no entity. The description comes from an apposition,
a title in front of the name, or the entity's earlier apposition or role.

>>> from storyline.nlp.pipeline import load_nlp
>>> from storyline.extract.entities import group_entities
>>> doc = load_nlp()("“We are done,” said Hugo Varga, a former negotiator.")
>>> q = extract_quotes(doc, group_entities(doc))[0]
>>> (q.text, q.kind, q.cue, q.speaker.name, q.speaker.description)
('We are done,', 'direct', 'said', 'Hugo Varga', 'a former negotiator')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from storyline.extract.entities import Entity, entity_at
from storyline.extract.quotes_cues import SPEECH_VERBS, quote_spans

__all__ = ["Quote", "Speaker", "extract_quotes"]

QuoteKind = Literal["direct", "partial", "indirect"]
_NAME_DEPS = {"flat", "compound", "det", "amod", "nmod:poss", "nummod", "case"}
_NOT_SPEAKERS = {"DATE", "TIME"}
_FEMALE = {"she", "her", "hers", "herself"}
_MALE = {"he", "him", "his", "himself"}


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said it: the name as resolved, the entity, the description as written."""

    name: str
    entity_id: str | None
    description: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """One quote; ``start``/``end`` are the offsets of the quoted content."""

    text: str
    kind: QuoteKind
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: Speaker | None
    start: int
    end: int


# Forms the tagger sometimes takes for nouns in headline-like sentences
# ("Melania Trump tells supporters …") but which are verbs in news copy.
_SAY_FORMS = {"said", "says", "told", "tells"}
# Words a cue may stand after its subject with ("Smith also said", "Smith has said").
_BETWEEN = {"ADV", "AUX", "PART"}
_PERSONAL = _MALE | _FEMALE | {"they", "we", "i", "you"}
# Speech verbs with common other senses: cues of indirect speech only with a clause.
_CLAUSE_ONLY = {"continue", "maintain"}
_GROUPS = {"those", "some", "many", "others", "most", "all", "few", "anyone", "everyone"}
_CLAUSE_DEPS = {"ccomp", "obl", "advcl", "xcomp", "nsubj", "conj"}
_OPEN = {"“", '"', "''"}


def _is_cue(tok: Any) -> bool:
    if tok.lower_ in _SAY_FORMS and tok.pos_ != "PROPN":
        return True
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.lemma_.lower() in SPEECH_VERBS:
        return True
    # the lemmatizer's misses: "noting" -> "not", "tweeted" -> "tweete"
    word = tok.lower_
    if not word.endswith(("s", "ed", "ing")):
        return False
    stems = (word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-2] + "e")
    return any(stem in SPEECH_VERBS for stem in stems)


def _says(tok: Any) -> bool:
    """A speech verb by its word form, whatever the tagger made of it."""
    if tok.pos_ in ("PROPN", "ADP", "DET", "PRON") or tok.is_punct:
        return False
    if _is_cue(tok):
        return True
    word = tok.lower_  # "tweeted" read as an adjective, "adds" as a noun
    stems = (word[:-1], word[:-2], word[:-2] + "e", word[:-3])  # "quipped" -> "quip"
    return word.endswith(("s", "ed")) and any(stem in SPEECH_VERBS for stem in stems)


def _nominal(tok: Any) -> bool:
    """A word of a speaker's name or noun phrase ("Gov.", "John", "the", "spokesman")."""
    if tok.ent_type_ in _NOT_SPEAKERS:
        return False
    return bool(tok.pos_ in ("PROPN", "NOUN", "DET", "ADJ") or tok.lower_ in _PERSONAL)


def _blank(tok: Any) -> bool:
    """Whitespace, including the no-break spaces the tagger may call a proper noun."""
    return not tok.text.strip()


def _left_subject(cue: Any) -> Any | None:
    """The noun right before a cue the parser left with no subject ("Issa said, …")."""
    i = cue.i - 1
    while i >= cue.sent.start and (
        (cue.doc[i].pos_ in _BETWEEN and cue.doc[i].lower_ != "not") or _blank(cue.doc[i])
    ):
        i -= 1
    if i < cue.sent.start:
        return None
    if cue.doc[i].text == ",":  # "Kasich, a Republican contender, predicted …"
        commas = [t.i for t in cue.doc[max(cue.sent.start, i - 12) : i] if t.text == ","]
        if not commas or commas[-1] - 1 < cue.sent.start:
            return None
        i = commas[-1] - 1
    tok = cue.doc[i]
    if tok.pos_ not in ("PROPN", "NOUN") and tok.lower_ not in _PERSONAL:
        return None
    if tok.ent_type_ in _NOT_SPEAKERS or tok.dep_ == "nmod:poss":
        return None
    if any(c.dep_ == "case" for c in tok.children) or tok.head.dep_ == "case":
        return None  # the object of a preposition ("in Iowa said")
    return tok


def _subject(cue: Any) -> Any | None:
    if cue.lower_ == "according":
        if cue.dep_ == "case":
            return cue.head
        for t in cue.doc[cue.i + 1 : cue.i + 3]:
            if t.lower_ == "to":
                return _noun_after(t)
        return None
    verb = cue
    for _ in range(3):
        subj = [
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubj:outer")
            and c.ent_type_ not in _NOT_SPEAKERS
            and not _blank(c)
            and not _dateline(c)
        ]
        if subj:
            return subj[0]
        if verb.dep_ in ("conj", "xcomp", "advcl", "acl") and verb.head.i != verb.i:
            verb = verb.head
        else:
            break
    found = _left_subject(cue)
    if found is None and cue.dep_ in ("conj", "advcl", "xcomp", "parataxis"):
        # "Romney ran on … and accused Obama of …" with the coordination misparsed:
        # the last subject before the cue in its sentence
        before = [
            t
            for t in cue.doc[max(cue.sent.start, cue.i - 25) : cue.i]
            if t.dep_ == "nsubj"
            and not _blank(t)
            and t.lower_ not in ("who", "which", "that", "it", "there")
        ]
        found = before[-1] if before else None
    return found


def _noun_after(to: Any) -> Any | None:
    """The head of the noun phrase after "according to": "exit *polls*", "*polling* by …"."""
    head = None
    for tok in to.doc[to.i + 1 : min(len(to.doc), to.i + 8)]:
        if tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            head = tok
        elif tok.pos_ not in ("DET", "ADJ") and tok.text not in ("-", "’s", "'s"):
            break
    return head


def _dateline(tok: Any) -> bool:
    """A dateline the parser took for a subject: "WASHINGTON (AP) — Smith said …"."""
    return bool(tok.is_upper and len(tok.text) > 2 and tok.ent_type_ in ("LOC", "GPE"))


def content_end_comma(content: str) -> bool:
    """Whether quoted content ends as attribution-bound speech does ("…,” he said)."""
    return content.rstrip().endswith((",", "?", "!", "—"))


class _Extractor:
    def __init__(self, doc: Any, entities: tuple[Entity, ...]) -> None:
        self.doc = doc
        self.text: str = doc.text
        self.entities = entities
        self.appositions = self._appositions()

    def _appositions(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for tok in self.doc:
            if tok.dep_ == "appos":
                ent = entity_at(self.entities, tok.head.idx, tok.head.idx + len(tok.head))
                if ent is not None and ent.id not in found and ent.type == "PER":
                    found[ent.id] = self._span_text(list(tok.subtree))
        return found

    def _span_text(self, toks: list[Any]) -> str:
        toks = [t for t in toks if not t.is_punct or t.text in {"-", "’s", "'s"}]
        if not toks:
            return ""
        return str(self.text[toks[0].idx : toks[-1].idx + len(toks[-1])])

    def speaker(self, subj: Any) -> Speaker | None:
        relative = None
        if subj.lower_ in {"who", "which", "that"} and subj.head.dep_ in ("relcl", "acl:relcl"):
            relative, subj = subj, subj.head.head  # the relative pronoun's antecedent
        if subj.pos_ == "PRON" and subj.lower_ not in (_MALE | _FEMALE | {"they", "we", "i"}):
            if relative is None or subj.lower_ not in _GROUPS:
                return None
            # "those who said …": an unnamed group, named by the pronoun pair
            return Speaker(subj.text, None, None, subj.idx, relative.idx + len(relative))
        name_toks = sorted(
            [subj] + [c for c in subj.children if c.dep_ in _NAME_DEPS and c.i < subj.i + 4],
            key=lambda t: t.i,
        )
        name_toks = [t for t in name_toks if t.dep_ != "case" and not t.is_space] or [subj]
        desc_toks = [c for c in subj.children if c.dep_ in ("nmod:desc",) and c.i < subj.i]
        start = name_toks[0].idx
        end = name_toks[-1].idx + len(name_toks[-1])
        head_ent = entity_at(self.entities, subj.idx, subj.idx + len(subj))
        ent = head_ent or entity_at(self.entities, start, end)
        appos = [c for c in subj.children if c.dep_ == "appos"]
        description: str | None = None
        if appos:
            description = self._span_text(list(appos[0].subtree))
        elif desc_toks:
            description = self._span_text([t for d in desc_toks for t in d.subtree if t.i < subj.i])
        if ent is not None and ent.type in ("PER", "ORG"):
            if description is None:
                description = self.appositions.get(ent.id) or (ent.roles[0] if ent.roles else None)
            return Speaker(
                ent.name,
                ent.id,
                description,
                subj.idx,
                subj.idx + len(subj) if subj.pos_ == "PRON" else end,
            )
        if subj.pos_ == "PRON" and subj.lower_ in (_MALE | _FEMALE):
            return Speaker(subj.text, None, None, subj.idx, subj.idx + len(subj))
        phrase = [t for t in subj.subtree if t.i <= subj.i or t.dep_ in ("nmod", "case")]
        phrase = [
            t for t in phrase if t.i == subj.i or t.dep_ not in ("appos", "punct", "relcl", "acl")
        ]
        # "according to X": the preposition is the cue, not part of X's name
        phrase = [t for t in phrase if not (t.i < subj.i and t.dep_ in ("case", "fixed"))]
        cue = [t.i for t in subj.subtree if t.lower_ == "according" and t.i < subj.i]
        if cue:  # "according to X": X starts after the cue, whatever the parse hangs before it
            phrase = [t for t in phrase if t.i > cue[-1] + 1] or [subj]
            start = phrase[0].idx
        phrase_text = self._span_text(sorted(phrase, key=lambda t: t.i)) or subj.text
        return Speaker(phrase_text, None, description, start, end)

    def cue_for(self, start: int, end: int, governing_only: bool) -> Any | None:
        doc = self.doc
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        sents = {span[0].sent.start: span[0].sent, span[-1].sent.start: span[-1].sent}
        after = doc.char_span(end, min(len(self.text), end + 2), alignment_mode="expand")
        if after is not None and len(after):
            last = after[-1].sent
            sents.setdefault(last.start, last)
            if last.end < len(doc) and "\n" not in self.text[end : doc[last.end].idx]:
                nxt = doc[last.end].sent
                if content_end_comma(self.text[start:end]) or len(nxt) <= 8:
                    sents.setdefault(nxt.start, nxt)
        first = span[0].sent
        if first.start > 0:
            prev = doc[first.start - 1].sent
            if prev.text.rstrip().endswith((":", ",")):
                sents.setdefault(prev.start, prev)
        inside = {t.i for t in span}
        best: tuple[int, Any] | None = None
        for sent in sents.values():
            for tok in sent:
                if tok.i in inside or not (_is_cue(tok) or tok.lower_ == "according"):
                    continue
                if tok.lower_ == "according" and (
                    tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to"
                ):
                    continue
                governs = any(t.i in inside for t in tok.subtree) and not any(
                    t.i in inside
                    for c in tok.children
                    if c.dep_.startswith("nsubj")
                    for t in c.subtree
                )
                if governing_only and not governs:
                    continue
                if not governs and self._other_paragraph(tok, start, end):
                    continue
                if not governs and any(c.dep_ == "ccomp" for c in tok.children):
                    continue  # it reports another clause
                dist = 0 if governs else min(abs(tok.idx - end), abs(tok.idx - start))
                if _subject(tok) is None:
                    continue
                if best is None or dist < best[0]:
                    best = (dist, tok)
        return best[1] if best else None

    def _other_paragraph(self, tok: Any, start: int, end: int) -> bool:
        """Whether a paragraph break parts a cue from a quote (bar "X said:\n“…”")."""
        if tok.idx >= end:
            return "\n" in self.text[end : tok.idx]
        between = self.text[tok.idx : start]
        return "\n" in between and not between.rstrip(" \n“\"'").endswith(":")

    def quoted(self) -> list[Quote]:
        quotes: list[Quote] = []
        prev: Quote | None = None
        for start, end, continued in quote_spans(self.text):
            content = self.text[start:end]
            if not content.strip():
                continue
            kind = self._kind(start, end, continued)
            cue = self.cue_for(start, end, governing_only=kind == "partial")
            subj = None
            if cue is None and kind == "direct":
                cue, subj = self._attribution_beside(start, end)
            speaker = None
            if cue is not None:
                subj = subj or _subject(cue)
                speaker = self.speaker(subj) if subj is not None else None
                if speaker is not None and subj is not None and subj.pos_ == "PRON":
                    speaker = self._continue(prev, subj, speaker)
            elif kind == "direct" and prev is not None and self._continues(prev, start):
                quotes.append(
                    Quote(
                        content,
                        kind,
                        prev.cue,
                        prev.cue_start,
                        prev.cue_end,
                        prev.speaker,
                        start,
                        end,
                    )
                )
                prev = quotes[-1]
                continue
            quote = Quote(
                content,
                kind,
                cue.text if cue is not None else None,
                cue.idx if cue is not None else None,
                cue.idx + len(cue) if cue is not None else None,
                speaker,
                start,
                end,
            )
            quotes.append(quote)
            if kind == "direct":
                prev = quote
        return quotes

    def _attribution_beside(self, start: int, end: int) -> tuple[Any | None, Any | None]:
        """Cue and speaker read off the words around a quote when the parse failed.

        ``“…,” added Pavone.``, ``“…,” Trump tweeted Wednesday.`` and
        ``Issa said, “…”``: a speech verb right after the closing mark (or right
        before the opening one) next to a name or noun.
        """
        doc = self.doc
        after = doc.char_span(end, min(len(self.text), end + 2), alignment_mode="expand")
        if content_end_comma(self.text[start:end]) and after is not None and len(after):
            i = after[-1].i + 1
            window = [t for t in doc[i : min(len(doc), i + 8)] if not t.is_space]
            if len(window) >= 2 and _says(window[0]) and _nominal(window[1]):
                j = 1  # "added Pavone", "said Gov. John Kasich, a …"
                while j + 1 < len(window) and _nominal(window[j + 1]):
                    j += 1
                return window[0], window[j]
            for k in range(1, min(4, len(window))):
                if _says(window[k]) and all(_nominal(t) for t in window[:k]):
                    return window[k], window[k - 1]  # "Trump tweeted", "Sen. Marco Rubio said"
        before = doc.char_span(max(0, start - 2), start, alignment_mode="expand")
        if before is not None and len(before):
            i = before[0].i
            while i > 0 and doc[i - 1].text in ("“", '"', "'", "''", ",", ":"):
                i -= 1
            window = list(doc[max(0, i - 4) : i])
            if len(window) >= 2 and _says(window[-1]) and _nominal(window[-2]):
                return window[-1], window[-2]  # "Issa said, “…”"
        return None, None

    def _continue(self, prev: Quote | None, pron: Any, speaker: Speaker) -> Speaker:
        """Prefer the previous quote's speaker for "he said" when the pronoun fits it."""
        if prev is None or prev.speaker is None or prev.speaker.entity_id is None:
            return speaker
        if pron.idx - prev.end > 600:
            return speaker
        ent = next((e for e in self.entities if e.id == prev.speaker.entity_id), None)
        if ent is None or ent.type != "PER":
            return speaker
        other = _FEMALE if pron.lower_ in _MALE else _MALE
        if any(m.text.lower() in other for m in ent.mentions if m.kind == "pronoun"):
            return speaker
        return Speaker(ent.name, ent.id, prev.speaker.description, pron.idx, pron.idx + len(pron))

    def _continues(self, prev: Quote, start: int) -> bool:
        """Whether a quote with no cue of its own goes on from ``prev`` (same speaker).

        True in the paragraph of ``prev`` ("“A,” he said. “B.”") and for a quote
        opening the next paragraph right after it.
        """
        if prev.speaker is None:
            return False
        gap = self.text[prev.end : start]
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

    def _kind(self, start: int, end: int, continued: bool) -> QuoteKind:
        if continued:
            return "direct"
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return "partial"
        sent = span[0].sent
        before = self.text[sent.start_char : start - 1].strip().strip("'\"“‘`").strip()
        if not before or (before.endswith((":", ",")) and len(before.split()) <= 6):
            return "direct"
        if len({t.sent.start for t in span}) > 1 and len(span) > 8:
            return "direct"
        return "partial"

    def indirect(self, quoted: list[Quote]) -> list[Quote]:
        out: list[Quote] = []
        marks = [(q.start - 1, q.end + 1) for q in quoted if q.kind == "direct"]
        for tok in self.doc:
            content: list[Any] | None = None
            subj: Any | None = None
            if (
                tok.lower_ == "according"
                and tok.i + 1 < len(self.doc)
                and (self.doc[tok.i + 1].lower_ == "to")
            ):
                content = self._according_content(tok)
            elif _is_cue(tok) and tok.dep_ == "amod" and tok.head.i > tok.i:
                # "Trump accused Clinton of lying" parsed as "Trump (accused Clinton) …"
                subj = _left_subject(tok)
                rest = [t for t in self.doc[tok.i + 1 : tok.sent.end] if not t.is_space]
                content = rest if subj is not None else None
            elif _is_cue(tok) and self._reports(tok):
                comps = [c for c in tok.children if c.dep_ == "ccomp"]
                content = self._reported_clause(tok)
                if content is None and comps:  # "…, he said" with the clause before
                    content = sorted(comps[0].subtree, key=lambda t: t.i)
                elif content is None and tok.dep_ == "parataxis":  # "Biden, Rubio said, had …"
                    inner = {t.i for t in tok.subtree}
                    rest = [t for t in tok.sent if t.i not in inner and not t.is_punct]
                    content = list(self.doc[rest[0].i : rest[-1].i + 1]) if rest else None
                elif content is None:
                    content = self._object_content(tok) or self._parenthetical(tok)
                    if content is None:
                        content = self._preceding_clause(tok)
                        subj = _left_subject(tok) if content else None
            if not content:
                continue
            content = [
                t for t in content if not ((t.is_punct and t.text not in "-–—") or _blank(t))
            ]
            if not content:
                continue
            content += self._split_off(content[-1])
            clause = any(t.pos_ in ("VERB", "AUX") for t in content)
            if len(content) < (1 if content[0].head.i == tok.i else 2 if clause else 3):
                continue
            if all(t.ent_type_ in _NOT_SPEAKERS for t in content):
                continue  # "his campaign announced Saturday"
            start, end = content[0].idx, content[-1].idx + len(content[-1])
            if any(
                (a <= start and end <= b) or (a < end and start < b and b - a > (end - start) / 2)
                for a, b in marks
            ):
                continue
            if any(a <= tok.idx < b for a, b in marks):
                continue
            if subj is None:
                subj = _subject(tok)
            if subj is None:
                continue
            speaker = self.speaker(subj)
            if speaker is None:
                continue
            out.append(
                Quote(
                    self.text[start:end],
                    "indirect",
                    tok.text,
                    tok.idx,
                    tok.idx + len(tok),
                    speaker,
                    start,
                    end,
                )
            )
        return out

    def _reports(self, tok: Any) -> bool:
        """Whether a cue verb reports something of its own (for indirect speech).

        Not a participle naming a thing ("a program called Sandy", "the facts
        reported by the government") nor a passive, and verbs that have other
        senses ("continue to", "maintains a lead") only with a clause
        ("continued that …").
        """
        if (
            tok.dep_ in ("acl", "amod")
            and tok.tag_ == "VBN"
            and tok.head.dep_ not in ("ROOT", "nsubj")
            and not any(c.dep_ in ("ccomp", "nsubj") for c in tok.children)
        ):
            return False  # "leads a program called Sandy": not "Trump called for …"
        if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in tok.children):
            return False
        if tok.lemma_.lower() in _CLAUSE_ONLY:
            return any(c.dep_ == "ccomp" for c in tok.children)
        return True

    def _reported_clause(self, tok: Any) -> list[Any] | None:
        """What follows a cue in its clause: "said (on Friday) (that) …", "told X that …".

        Read from the cue's right dependents rather than one ``ccomp``, as the
        parser often hangs part of the reported clause on the verb itself ("said
        much of it was about Israel", "says A but that B"). A postposed speaker,
        a time or place in front of the clause and a coordinated speech verb of
        its own ("…, adding …") are left out; ``None`` when nothing clausal follows.
        """
        right = [c for c in tok.children if c.i > tok.i]
        participle = tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "xcomp")
        if not any(c.dep_ in _CLAUSE_DEPS or (participle and c.dep_ == "obj") for c in right):
            return None
        parts = []
        last = tok.right_edge.i
        if participle and tok.i > tok.head.i:  # "…, adding the U.S. must act": the
            last = tok.sent.end - 1  # parser hangs the rest on the main verb
        for c in right:
            if c.is_punct or c.dep_.startswith("nsubj") or c.dep_ in ("compound:prt", "aux", "cc"):
                continue
            if c.dep_ in ("conj", "parataxis", "advcl") and _is_cue(c):
                last = c.left_edge.i - 1
                break  # "said A, and Jones said B" / "said A, adding B": its own report
            parts.append(c)
        while parts and self._modifier(parts[0]) and len(parts) > 1:
            parts.pop(0)  # "said on Friday (that) …", "told reporters in Iowa …"
        if tok.lemma_ == "tell" and len(parts) > 1 and parts[0].dep_ in ("obj", "iobj"):
            parts.pop(0)  # "told reporters that …": the listeners are not the content
        if not parts or (len(parts) == 1 and self._modifier(parts[0])):
            return None
        # to the end of the cue's clause: the parser may hang the rest of the
        # reported clause anywhere under the cue
        first = parts[0].left_edge.i
        subj_after = [c for c in right if c.dep_.startswith("nsubj") and c.i > first]
        if subj_after:  # "…, said Smith, a former aide": stop at the speaker
            last = min(last, subj_after[0].left_edge.i - 1)
        content = [t for t in self.doc[first : last + 1] if not t.is_space and not t.is_punct]
        if not any(t.pos_ in ("VERB", "AUX") for t in content):
            return None  # "said this", "told reporters": no clause
        return content

    def _split_off(self, last: Any) -> list[Any]:
        """The quote the sentence splitter cut from its clause: "says the NRA won't allow" +
        "“law-abiding gun owners to become scapegoats.”" (no full stop between them)."""
        sent = last.sent
        words = [t for t in sent if not (t.is_punct or _blank(t))]
        if not words or words[-1].i != last.i or sent.end >= len(self.doc):
            return []
        if self.doc[sent.end - 1].text in (".", "!", "?") or self.doc[sent.end].text not in _OPEN:
            return []
        if "\n" in self.text[last.idx : self.doc[sent.end].idx]:
            return []
        nxt = self.doc[sent.end].sent
        return [t for t in nxt if not (t.is_punct or _blank(t))]

    def _parenthetical(self, tok: Any) -> list[Any] | None:
        """The sentence around a cue set off by commas: "Recently, he said, he has …"."""
        sent = tok.sent
        commas = [t.i for t in sent if t.text == ","]
        before = [i for i in commas if tok.i - 8 <= i < tok.i]
        after = [i for i in commas if tok.i < i <= tok.i + 8]
        if tok.dep_ == "ROOT" or not before or not after:
            return None
        left, right = before[-1] + 1, after[0] - 1
        if any(t.is_punct for t in self.doc[left:right]) or right - left > 8:
            return None
        rest = [t for t in sent if (t.i < left or t.i > right) and not (t.is_punct or t.is_space)]
        if len(rest) < 3 or rest[0].i > left or rest[-1].i < right:
            return None
        return list(self.doc[rest[0].i : rest[-1].i + 1])

    def _preceding_clause(self, tok: Any) -> list[Any] | None:
        """The clause before "…, a former official said." when the parse lost it.

        The speaker stands between a comma and the cue; what comes before the
        comma (and after a comma following the cue: "A, he said, B") is reported.
        """
        sent = tok.sent
        comma = next(
            (t for t in reversed(self.doc[max(sent.start, tok.i - 12) : tok.i]) if t.is_punct),
            None,
        )
        if comma is None or comma.text != "," or comma.i - sent.start < 2:
            return None
        after = [t for t in self.doc[tok.i + 1 : sent.end] if not t.is_space]
        rest: list[Any] = []
        if after and after[0].text == ",":
            rest = [t for t in after[1:] if not t.is_punct]
        elif any(
            not t.is_punct and not self._modifier(t.head if t.head.i > tok.i else t) for t in after
        ):
            return None  # something other than a time or place follows the cue
        before = [t for t in self.doc[sent.start : comma.i] if not t.is_space]
        if not any(t.pos_ in ("VERB", "AUX") for t in before + rest):
            return None  # "Sam Lau, the party's spokesman said …": a name, not a clause
        return before + rest

    def _modifier(self, tok: Any) -> bool:
        """Whether a dependent of the cue is a time, place or manner, not a clause."""
        if tok.dep_ in ("obl:tmod", "nmod:tmod", "obl:npmod", "advmod"):
            return True
        sub = list(tok.subtree)
        if any(t.pos_ in ("VERB", "AUX") or t.dep_.startswith("nsubj") for t in sub):
            return False
        if tok.dep_ != "obl":
            return bool(tok.ent_type_ in _NOT_SPEAKERS)
        case = [c for c in tok.children if c.dep_ == "case"]
        return bool(tok.ent_type_ in _NOT_SPEAKERS) or (
            bool(case) and case[0].lower_ in ("in", "at", "during", "on", "after", "before", "from")
        )

    def _object_content(self, tok: Any) -> list[Any] | None:
        """What "accused Cruz of …", "announced a plan to …" report: all after the verb."""
        parts = [
            c
            for c in tok.children
            if c.i > tok.i and c.dep_ in ("obj", "xcomp", "obl", "advcl", "iobj")
        ]
        if not parts:
            return None
        first = parts[0]
        phrasal = first.dep_ == "obl" and any(
            c.dep_ == "case" and c.lower_ in ("for", "to", "on") and c.i == first.left_edge.i
            for c in first.children
        )  # "called for his dismissal", "point to the case"
        if first.dep_ not in ("obj", "xcomp", "iobj") and not phrasal:
            return None
        if len(parts) == 1 and first.pos_ == "PRON" and first.n_lefts + first.n_rights == 0:
            return None  # "said this", "told me"
        toks = sorted((t for c in parts for t in c.subtree), key=lambda t: t.i)
        return list(self.doc[toks[0].i : toks[-1].i + 1])

    def _according_content(self, tok: Any) -> list[Any] | None:
        sent = tok.sent
        phrase = {t.i for t in tok.head.subtree if t.i >= tok.i} if tok.head.i != tok.i else set()
        phrase |= {tok.i, tok.i + 1}
        obj = _subject(tok)
        if obj is not None:
            phrase |= {t.i for t in obj.subtree if t.i >= tok.i}
        rest = [t for t in sent if t.i not in phrase and not t.is_punct]
        if not rest:
            return None
        return list(sent.doc[rest[0].i : rest[-1].i + 1])


def extract_quotes(doc: Any, entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
    """Quotes in a parsed article, in text order, speakers resolved through ``entities``.

    >>> from storyline.nlp.pipeline import load_nlp
    >>> doc = load_nlp()("Analysts warned that the deal could collapse.")
    >>> [(q.kind, q.speaker.name, q.text) for q in extract_quotes(doc, ())]
    [('indirect', 'Analysts', 'that the deal could collapse')]
    """
    ex = _Extractor(doc, entities)
    quoted = ex.quoted()
    return tuple(sorted(quoted + ex.indirect(quoted), key=lambda q: (q.start, q.end)))
