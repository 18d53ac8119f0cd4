"""Who a quote's speaker is: the name, entity and description of a cue's subject.

:class:`SpeakerNamer` reads a subject token as :mod:`storyline.extract.quotes` and the
asks' parties (:mod:`storyline.extract.asks_parties`) need it: a person or body the
entities know ("Chancellor Merkel" → Angela Merkel, with the description written in
apposition or before the name), a pronoun's own words ("he"), an unnamed group named
by its phrase ("those surveyed", "analysts"), or the phrase itself ("a European
diplomat"). An entity met only as the owner of the subject's phrase is not the speaker:
"Veyra's broadcasting regulator said" is the regulator's word, not Veyra's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from storyline.extract.entities import Entity, entity_at
from storyline.extract.entities_words import NOT_A_ROLE, ROLE_HEADS
from storyline.extract.quotes_cues import SPEECH_VERBS
from storyline.extract.quotes_grammar import _FEMALE, _MALE, _is_cue, _pronoun

__all__ = ["Speaker", "SpeakerNamer"]

_NAME_DEPS = {"flat", "compound", "det", "amod", "nmod:poss", "nummod", "case"}


def _owner_only(subj: Any, ent: Entity) -> bool:
    """Whether an entity met in a speaker's phrase is only its owner: "*Veyra's*
    regulator", "*Trump's* spokesman" speak for themselves, not for the owner."""
    owners = [c for c in subj.children if c.dep_ == "nmod:poss"]
    return any(
        o.left_edge.idx <= m.start and m.end <= o.right_edge.idx + len(o.right_edge)
        for o in owners
        for m in ent.mentions
        if subj.sent.start_char <= m.start < subj.sent.end_char
    )


_GROUPS = {"those", "some", "many", "others", "most", "all", "few", "anyone", "everyone"}
# Speech verbs whose subject "it" is rather a fact or thing than a text or body
# that speaks: "it signals", "it threatens the work", "it pledged" (a city).
_NOT_TEXT_SAYS = {
    "signal",
    "indicate",
    "suggest",
    "threaten",
    "demand",
    "continue",
    "estimate",
    "reckon",
    "promise",
    "pledge",
    "ask",
    "claim",
}


# Words of a share of people polled: "about one in five say", "a third say".
_SHARES = {"percent", "%", "half", "third", "thirds", "quarter", "quarters", "majority", "in"}


def _share_before(cue: Any) -> Any | None:
    """The first word of "About one in five" / "Nearly a third," / "67 percent,"
    right before a plural "say" that the parser left without a subject."""
    if cue.lower_ != "say" or cue.i == cue.sent.start:
        return None
    start = cue.sent.start
    for t in reversed(cue.doc[cue.sent.start : cue.i]):
        if t.text in (";", ":") or (t.text == "," and t.i < cue.i - 1 and _share_words(cue, t)):
            start = t.i + 1
            break
    words = [t for t in cue.doc[start : cue.i] if not (t.is_punct or t.is_space)]
    if not words or len(words) > 8 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    if not any(t.lower_ in _SHARES or t.like_num for t in words):
        return None
    if not any(t.like_num or t.lower_ in _SHARES - {"in"} for t in words[-3:]):
        return None
    return words[0]


def _share_words(cue: Any, comma: Any) -> bool:
    """Whether what lies between ``comma`` and the cue is a share itself."""
    between = [t for t in cue.doc[comma.i + 1 : cue.i] if not t.is_punct]
    return any(t.like_num or t.lower_ in _SHARES - {"in"} for t in between)


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said it: the name as resolved, the entity, the description as written."""

    name: str
    entity_id: str | None
    description: str | None
    start: int
    end: int


def _describing(text: str | None) -> str | None:
    """A description as written, or None when it describes nobody ("Charles Schumer,
    D-N.Y., said": a party-and-state tag; "Ms.")."""
    return None if text is None or NOT_A_ROLE.match(" ".join(text.split())) else text


def _when(tok: Any) -> bool:
    """A date or time word after a speaker's head, or its preposition ("on Thursday")."""
    return tok.ent_type_ in ("DATE", "TIME") or (
        tok.dep_ == "case" and tok.head.ent_type_ in ("DATE", "TIME")
    )


class SpeakerNamer:
    """Names the speakers of one parsed article against its entities."""

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
                    found[ent.id] = self.span_text(list(tok.subtree))
        return found

    def span_text(self, toks: list[Any]) -> str:
        toks = [t for t in toks if not t.is_punct or t.text in {"-", "’s", "'s"}]
        if not toks:
            return ""
        return str(self.text[toks[0].idx : toks[-1].idx + len(toks[-1])])

    def speaker(self, subj: Any) -> Speaker | None:
        relative = None
        if subj.lower_ in {"who", "which", "that"} and subj.head.dep_ in ("relcl", "acl:relcl"):
            relative, subj = subj, subj.head.head  # the relative pronoun's antecedent
        elif subj.lower_ == "who" and subj.i > 1 and self.doc[subj.i - 1].text == ",":
            before = self.doc[subj.i - 2]  # "…, who noted" with the relative clause misparsed
            if before.pos_ in ("PROPN", "NOUN"):
                relative, subj = subj, before.head if before.dep_ == "flat" else before
        title = None
        name = next((c for c in subj.children if c.dep_ == "appos" and c.i == subj.i + 1), None)
        if (
            name is not None
            and subj.pos_ == "NOUN"
            and name.ent_type_ in ("PER", "ORG")
            and entity_at(self.entities, subj.idx, subj.idx + len(subj)) is None
        ):  # "presidential candidate Donald Trump" read as the title with the name in apposition
            title, subj = subj, name
        found = self._speaker(subj, relative)
        if found is not None and title is not None and found.description is None:
            words = [t for t in title.subtree if t.i <= title.i and t.dep_ not in ("case", "fixed")]
            found = replace(found, description=self.span_text(words) or None)
        if found is not None and relative is not None and found.end <= relative.idx:
            # "Trump, who said …": the speaker is named by the relative pronoun here
            return replace(found, start=relative.idx, end=relative.idx + len(relative))
        return found

    def cue_speaker(self, subj: Any) -> Speaker | None:
        """The speaker of a cue whose subject is ``subj``; "it" too, as the subject of a
        verb of saying or writing it stands for a text or body ("“…,” it said.")."""
        found = self.speaker(subj)
        if (
            found is None
            and subj.lower_ == "it"
            and subj.dep_.startswith("nsubj")
            and subj.head.lemma_.lower() in SPEECH_VERBS - _NOT_TEXT_SAYS
        ):
            return Speaker(subj.text, None, None, subj.idx, subj.idx + len(subj))
        return found

    def share_speaker(self, first: Any, cue: Any) -> Speaker:
        last = cue.doc[cue.i - 1]
        while last.is_punct and last.i > first.i:
            last = cue.doc[last.i - 1]
        start, end = first.idx, last.idx + len(last)
        return Speaker(self.text[start:end], None, None, start, end)

    def _named_after_title(self, subj: Any) -> tuple[Entity, str | None] | None:
        """The person a title phrase names right after it, with the title: "US Secretary
        of State [Antony Blinken]", "a written ruling by U.S. District Judge [Analisa
        Torres]" (the name hung on the title as a modifier, its surname cut off). Not a
        name behind a preposition: "a lawyer for [John Smith]" is the lawyer."""
        for c in subj.children:
            if not (subj.i < c.i <= subj.i + 5 and c.dep_ in ("nmod", "appos", "flat")):
                continue
            if any(x.dep_ == "case" for x in c.children):
                continue
            ent = entity_at(self.entities, c.idx, c.idx + len(c))
            if ent is None or ent.type != "PER":
                continue
            before = [t for t in subj.subtree if t.i < c.i]
            if subj.lower_ not in ROLE_HEADS:  # "a ruling by [U.S. District Judge] …"
                marks = [t.i for t in before if t.dep_ == "case" and t.i > subj.i]
                before = [t for t in before if marks and t.i > marks[-1]]
            title = [t for t in before if t.dep_ not in ("det", "punct")]
            return ent, self.span_text(title) or None
        return None

    def _speaker(self, subj: Any, relative: Any | None) -> Speaker | None:
        # "those surveyed" with "those" read as a determiner
        nxt = self.doc[subj.i + 1] if subj.i + 1 < len(self.doc) else None
        group = bool(subj.pos_ == "DET" and subj.lower_ in _GROUPS and nxt and nxt.tag_ == "VBN")
        if (_pronoun(subj) or group) and subj.lower_ not in (_MALE | _FEMALE | {"they", "we", "i"}):
            described = [c for c in subj.children if c.dep_ in ("acl", "nmod") and c.i > subj.i]
            nxt = self.doc[subj.i + 1] if subj.i + 1 < len(self.doc) else None
            if not described and nxt is not None and nxt.tag_ == "VBN" and not _is_cue(nxt):
                described = [nxt]  # "those surveyed say" with "surveyed" hung elsewhere
            if subj.lower_ in _GROUPS and described and relative is None:
                # "those surveyed said", "most of the voters say": a group named by its phrase
                end_tok = max(described[-1].right_edge, subj, key=lambda t: t.i)
                start, end = subj.idx, end_tok.idx + len(end_tok)
                return Speaker(self.text[start:end], None, None, start, end)
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
        if head_ent is None and ent is not None and subj.pos_ == "NOUN" and _owner_only(subj, ent):
            ent = None  # "Veyra's broadcasting regulator said": the regulator, not Veyra
        if (
            head_ent is None
            and subj.pos_ == "NOUN"
            and any(c.lower_ == "according" for c in subj.children)
        ):
            ent = None  # "according to Federal Election Commission filings": the filings
        appos = [c for c in subj.children if c.dep_ == "appos"]
        description: str | None = None
        if appos:
            description = self.span_text(list(appos[0].subtree))
        elif desc_toks:
            description = self.span_text([t for d in desc_toks for t in d.subtree if t.i < subj.i])
        if head_ent is None and (ent is None or ent.type not in ("PER", "ORG")):
            named = self._named_after_title(subj)
            if named is not None:
                ent, title = named
                description = description or title
        description = _describing(description)
        if ent is not None and ent.type in ("PER", "ORG"):
            if description is None:
                description = _describing(self.appositions.get(ent.id)) or (
                    ent.roles[0] if ent.roles else None
                )
            return Speaker(
                ent.name,
                ent.id,
                description,
                subj.idx,
                subj.idx + len(subj) if _pronoun(subj) else end,
            )
        if _pronoun(subj) and subj.lower_ in (_MALE | _FEMALE):
            return Speaker(subj.text, None, None, subj.idx, subj.idx + len(subj))
        phrase = [t for t in subj.subtree if t.i <= subj.i or t.dep_ in ("nmod", "case", "flat")]
        asides = {
            t.i
            for c in subj.children
            if (c.dep_ in ("appos", "relcl", "acl:relcl", "acl") and c.i > subj.i)
            or c.dep_ in ("ccomp", "parataxis", "conj", "cc")
            for t in c.subtree
        }  # "Executives for Mondelez, which generated …, say"; "and aides say …" hung on "aides"
        phrase = [
            t
            for t in phrase
            if t.i == subj.i
            or (t.dep_ not in ("appos", "punct", "relcl", "acl") and t.i not in asides)
        ]
        # "according to X": the preposition is the cue, not part of X's name
        phrase = [t for t in phrase if not (t.i < subj.i and t.dep_ in ("case", "fixed"))]
        # "The White House on Thursday announced": the day is when, not who
        phrase = [t for t in phrase if t.i <= subj.i or not _when(t)]
        cue = [t.i for t in subj.subtree if t.lower_ == "according" and t.i < subj.i]
        if cue:  # "according to X": X starts after the cue, whatever the parse hangs before it
            phrase = [t for t in phrase if t.i > cue[-1] + 1] or [subj]
            start = phrase[0].idx
        phrase_text = self.span_text(sorted(phrase, key=lambda t: t.i)) or subj.text
        return Speaker(phrase_text, None, description, start, end)
