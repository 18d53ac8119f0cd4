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

The speaker is the subject of the cue verb in the parse. A pronoun goes to its
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


def _is_cue(tok: Any) -> bool:
    return bool(tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX"))


def _subject(cue: Any) -> Any | None:
    if cue.lower_ == "according":
        if cue.dep_ == "case":
            return cue.head
        for t in cue.doc[cue.i + 1 : cue.i + 3]:
            if t.lower_ == "to":
                objs = [x for x in cue.doc[t.i + 1 : t.i + 6] if x.head.i == t.i or t.head == x]
                return objs[0] if objs else (cue.doc[t.i + 1] if t.i + 1 < len(cue.doc) else None)
        return None
    verb = cue
    for _ in range(3):
        subj = [
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubj:outer")
            and c.ent_type_ not in _NOT_SPEAKERS
            and not c.is_space
        ]
        if subj:
            return subj[0]
        if verb.dep_ in ("conj", "xcomp", "advcl", "acl") and verb.head.i != verb.i:
            verb = verb.head
        else:
            return None
    return None


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
        if subj.lower_ in {"who", "which", "that"} and subj.head.dep_ in ("relcl", "acl:relcl"):
            subj = subj.head.head  # the relative pronoun's antecedent
        if subj.pos_ == "PRON" and subj.lower_ not in (_MALE | _FEMALE | {"they", "we", "i"}):
            return None
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
        phrase = [t for t in phrase if t.dep_ not in ("appos", "punct", "relcl", "acl")]
        # "according to X": the preposition is the cue, not part of X's name
        phrase = [t for t in phrase if not (t.i < subj.i and t.dep_ in ("case", "fixed"))]
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
                if not governs and any(c.dep_ == "ccomp" for c in tok.children):
                    continue  # it reports another clause
                dist = 0 if governs else min(abs(tok.idx - end), abs(tok.idx - start))
                if _subject(tok) is None:
                    continue
                if best is None or dist < best[0]:
                    best = (dist, tok)
        return best[1] if best else None

    def quoted(self) -> list[Quote]:
        quotes: list[Quote] = []
        prev: Quote | None = None
        for start, end, continued in quote_spans(self.text):
            content = self.text[start:end]
            if not content.strip():
                continue
            kind = self._kind(start, end, continued)
            cue = self.cue_for(start, end, governing_only=kind == "partial")
            speaker = None
            if cue is not None:
                subj = _subject(cue)
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
        return gap.count("\n") <= 2 and not gap.strip(' \n”"“.,')

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
            if (
                tok.lower_ == "according"
                and tok.i + 1 < len(self.doc)
                and (self.doc[tok.i + 1].lower_ == "to")
            ):
                content = self._according_content(tok)
            elif _is_cue(tok):
                comps = [c for c in tok.children if c.dep_ == "ccomp"]
                if comps:
                    content = sorted(comps[0].subtree, key=lambda t: t.i)
                elif tok.dep_ == "parataxis":  # "Biden, Rubio said, had been …"
                    inner = {t.i for t in tok.subtree}
                    rest = [t for t in tok.sent if t.i not in inner and not t.is_punct]
                    content = list(self.doc[rest[0].i : rest[-1].i + 1]) if rest else None
                else:
                    content = self._object_content(tok)
            if not content:
                continue
            content = [t for t in content if not (t.is_punct and t.text not in "-–—")]
            if len(content) < (3 if content[0].head.i != tok.i else 1):
                continue
            start, end = content[0].idx, content[-1].idx + len(content[-1])
            if any(
                (a <= start and end <= b) or (a < end and start < b and b - a > (end - start) / 2)
                for a, b in marks
            ):
                continue
            if any(a <= tok.idx < b for a, b in marks):
                continue
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
        phrase = {t.i for t in tok.head.subtree} if tok.head.i != tok.i else set()
        phrase |= {tok.i, tok.i + 1}
        obj = _subject(tok)
        if obj is not None:
            phrase |= {t.i for t in obj.subtree}
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
