"""Noun phrases and subjects read off the dependency parse, for figures' "about"."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = [
    "antecedent",
    "compact_np",
    "noun_phrase",
    "number_head",
    "phrase",
    "short_np",
    "subject",
]

_TIMES = {"year", "quarter", "month", "week", "day", "period", "half", "season"}
# no "nummod": another figure's number says nothing about what this one measures
_MODIFIERS = {"compound", "amod", "nmod:poss", "poss", "flat"}
_RELATIVE = {"who", "which", "that", "whom"}
# verbs whose object is the subject of the infinitive after it: "predicts profits to rise"
_ECM = {
    "expect", "predict", "forecast", "want", "allow", "see", "cause", "force", "help",
    "need", "lead", "push", "drive", "encourage", "project", "estimate", "believe",
    "persuade", "ask", "tell", "urge", "order", "enable", "get", "require", "invite",
}  # fmt: skip


def phrase(tokens: list[Token], skip: range, limit: int = 10) -> str:
    """The text of ``tokens`` outside ``skip`` (the figure), trimmed of punctuation."""
    # other figures' signs ("£", "%") say nothing about what this one measures
    depth, kept = 0, []
    # in word order: the parser's trees may cross, and then a subtree is out of order
    # ("the Bill Gates Foundation and Norway" with "Norway" hung on "Bill");
    # a bracketed aside ("($7.4bn; 5.2bn euros)") is no part of the phrase
    for t in sorted(tokens, key=lambda t: t.i):
        depth += t.text == "("
        if depth == 0 and t.idx not in skip and not _other_figure(t) and not _modifying_figure(t):
            kept.append(t)
        depth -= t.text == ")" and depth > 0
    words = kept[:limit]
    # a possessive "'s" at the cut is inside the phrase: "of the country's 46th president",
    # not "of the country", whose owner would then be what is named
    inside = bool(words) and (
        words[-1].dep_ not in ("case", "mark", "cc", "det", "punct") or words[-1].tag_ == "POS"
    )
    if len(kept) > limit and inside:
        # not cut inside a phrase: "without five good GCSEs", not "without five good"
        # (a preposition or conjunction left at the cut is dropped instead)
        tail = kept[limit : limit + 3]
        heads = {t.head.i for t in words}
        last = max((k for k, t in enumerate(tail) if t.i in heads), default=-1)
        words += tail[: last + 1]
    while words and (words[0].is_punct or words[0].dep_ in ("case", "mark", "cc")):
        words.pop(0)
    while words and (words[-1].is_punct or words[-1].dep_ in ("case", "cc", "det")):
        words.pop()
    return "".join(t.text_with_ws for t in words).strip()


def _other_figure(tok: Token) -> bool:
    """The sign of another amount: "more than £50,000" reads "more than 50,000"."""
    return tok.pos_ == "SYM" or tok.text in ("%", ")")


def _modifying_figure(tok: Token) -> bool:
    """The number of another figure that modifies a noun: "5.9" in "get a 5.9% boost",
    which without its sign would read "a 5.9 boost"; the noun alone says what it is."""
    sign = tok.head
    return (
        tok.like_num
        and 0 < abs(sign.i - tok.i) <= 2
        and _other_figure(sign)
        and sign.dep_ in ("compound", "amod", "nummod")
        and sign.head.i > sign.i
    )


def noun_phrase(noun: Token, skip: range, det: bool = True, right: bool = False) -> str:
    """``noun`` with its left modifiers; with ``right`` also an "of"/"for" complement."""
    allowed = _MODIFIERS | {"det"} if det else _MODIFIERS
    left = [t for c in noun.lefts if c.dep_ in allowed for t in c.subtree if t.lower_ != "of"]
    # a pronoun possessor names the company or country the sentence is about
    # ("its revenue" → "Yahoo's revenue"), else it is left out ("its debt" → "debt")
    mine = [t for t in left if t.pos_ == "PRON" and t.head == noun]
    name = antecedent(mine[0]) if mine else None
    owner = f"{name}'s " if name else ""
    if name or not det:
        left = [t for t in left if not (t.pos_ == "PRON" and t.head == noun)]
    if not det:
        left = [t for t in left if t.dep_ != "det"]
    names = [t for c in noun.rights if c.dep_ in ("flat", "appos") and c.pos_ == "PROPN"
             for t in c.subtree]  # fmt: skip
    words = [*left, noun, *names[:3]]
    if right:
        comp = [
            c
            for c in noun.rights
            if c.dep_.startswith(("nmod", "obl"))
            and any(m.dep_ == "case" and m.pos_ == "ADP" for m in c.lefts)  # not "last year"
        ]
        if comp and comp[0].i - noun.i <= 5:
            # up to six words, and no verb a mistaken parse hung under the noun
            verbs = [
                t.i
                for t in comp[0].subtree
                if t.pos_ == "VERB" and t.dep_ != "amod" and t.i > noun.i
            ]
            stop = min([noun.i + 7, *verbs])
            words += [t for t in comp[0].subtree if t.i < stop]
    text = phrase(sorted(words, key=lambda t: t.i), skip)
    if text and owner:
        return owner + text
    return text if text or noun.pos_ in ("SYM", "NUM") else noun.text


def compact_np(noun: Token, skip: range) -> str:
    """``noun`` with its compounds, adjectives and possessor, no determiner.

    A common noun followed by a name ("wine company Chalone") is the name.
    """
    if noun.pos_ == "NOUN":
        name = [c for c in noun.rights if c.dep_ in ("flat", "appos") and c.pos_ == "PROPN"]
        if name and name[0].i == noun.i + 1:
            return noun_phrase(name[0], skip, det=False)
        doc = noun.doc
        nxt = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        # the parse split them: "buy wine company Chalone" as two objects
        split = nxt is not None and nxt.head == noun.head != noun and nxt.dep_ == noun.dep_
        if split and nxt is not None and nxt.pos_ == "PROPN":
            return noun_phrase(nxt, skip, det=False)
    return noun_phrase(noun, skip, det=False, right=_of_chain(noun) or _bare_head(noun))


def _bare_head(noun: Token) -> bool:
    """ "spending on online ads", "support for the euro": a bare common noun says what
    it is only with the complement right after it."""
    doc = noun.doc
    if noun.tag_ != "NN" or noun.i + 2 >= len(doc) or doc[noun.i + 1].dep_ != "case":
        return False  # a singular head: "profits" and "sales" say what they are
    if any(c.dep_ != "det" for c in noun.lefts):
        return False
    comp = doc[noun.i + 1].head
    sub = list(comp.subtree)
    if any(t.pos_ in ("VERB", "AUX", "PRON", "NUM", "SYM") for t in sub) or len(sub) > 4:
        return False
    first = next((c for c in noun.rights if c.dep_.startswith(("nmod", "obl"))), None)
    timely = comp.lemma_.lower() in _TIMES  # "for the year" says when
    named = comp.pos_ in ("NOUN", "PROPN")
    return first is not None and first.i == comp.i and named and not timely


def _of_chain(noun: Token) -> bool:
    """ "the value of the trade surplus": a noun right before its "of" complement is
    only half the phrase."""
    doc = noun.doc
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i + 1 >= len(doc):
        return False
    # "shares in Acme", "a stake in the insurer": what is held is half the phrase
    held = noun.lemma_.lower() in ("share", "stake", "stock") and doc[noun.i + 1].lower_ == "in"
    if doc[noun.i + 1].lower_ != "of" and not held:
        return False
    for c in noun.rights:
        if c.dep_.startswith("nmod") and c.i > noun.i + 1 and c.pos_ in ("NOUN", "PROPN"):
            sub = list(c.subtree)
            # a verb a mistaken parse hung under the complement ends it, as in noun_phrase:
            # "the price of a tonne of copper hit $3,000"
            if any(t.dep_ in ("acl:relcl", "relcl") for t in sub):
                return False  # "a result of acquisitions the company has made"
            verbs = [t.i for t in sub if t.pos_ == "VERB" and t.dep_ != "amod"]
            sub = [t for t in sub if t.i < min(verbs, default=len(doc))]
            return 0 < len(sub) <= 5 and not any(
                t.like_num or t.pos_ in ("SYM", "NUM", "VERB", "PRON") for t in sub
            )
    return False


def short_np(noun: Token, skip: range, limit: int = 6) -> str:
    """The whole phrase of ``noun`` when short ("the Gates Foundation and Norway"), else compact."""
    tokens = list(noun.subtree)
    if len(tokens) <= limit and not any(t.dep_.startswith(("acl", "relcl")) for t in tokens):
        text = phrase([t for t in tokens if t.dep_ != "det" or t.head.i != noun.i], skip)
        if text:
            return text
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    comp = [c for c in noun.rights if any(m.i == noun.i + 1 for m in c.lefts)]
    if noun.pos_ == "NOUN" and comp and nxt is not None and nxt.dep_ == "case":
        # "the price of a barrel of oil", "the gap between the two sides": a head noun
        # right before its complement
        return noun_phrase(noun, skip, det=False, right=True)
    return compact_np(noun, skip)


# places a noun is said to be in: "a march in the city that …" is the march's relative
_PLACE_NOUNS = {
    "city", "town", "village", "country", "capital", "area", "region", "district", "street",
    "square", "county", "province", "neighbourhood", "neighborhood", "suburb",
}  # fmt: skip


_NOUNS = ("NOUN", "PROPN")


def _above_place(noun: Token) -> Token:
    """The antecedent of a relative: a place that only says where the noun before it is
    ("a march in the city that was supported by …") passes it on to that noun."""
    place = noun.ent_type_ in ("GPE", "LOC") or noun.lemma_.lower() in _PLACE_NOUNS
    cases = [c.lower_ for c in noun.lefts if c.dep_ == "case"]
    located = place and noun.dep_.startswith("nmod") and cases in (["in"], ["at"])
    if located and noun.head.pos_ == "NOUN" and noun.head.i < noun.i:
        return noun.head
    return noun


def _undated(subj: Token) -> Token:
    """ "The Supreme Court Monday issued …": the day parsed as the subject, with the
    name it follows as its compound; the subject is the name."""
    if subj.ent_type_ not in ("DATE", "TIME"):
        return subj
    names = [
        c
        for c in subj.lefts
        if c.dep_ in ("compound", "flat")
        and c.pos_ == "PROPN"
        and c.ent_type_ not in ("DATE", "TIME")
    ]
    return names[-1] if names else subj


def subject(verb: Token, control: bool = True) -> Token | None:
    """The subject of ``verb``, through coordination, relative pronouns and (with
    ``control``) the verb it complements ("agreed to buy")."""
    for _ in range(4):
        heads = [verb]
        if verb.pos_ in ("SYM", "NUM"):
            # "Revenue was £2.1bn": the subject hung on the number rather than the sign
            heads += [c for c in verb.children if c.dep_ in ("nummod", "compound")]
        deps = ("nsubj", "nsubj:pass")
        subjects = [c for h in heads for c in h.children if c.dep_ in deps]
        # two subjects are a misparse ("the IMF projected … that product will grow"):
        # the one nearest before the verb is its own
        nearest = [c for c in subjects if c.i < verb.i][-1:] or subjects[:1]
        subj = nearest[0] if nearest else None
        if subj is not None:
            subj = _undated(subj)
            if subj.lower_ in _RELATIVE and verb.dep_.startswith("acl"):
                return _above_place(verb.head)
            # the noun right before a relative pronoun, or before its comma, is what it
            # stands for, however parsed: "shares which have advanced 4%", "said Keller,
            # who sings all 14 songs"
            before = subj.doc[subj.i - 1] if subj.i > 0 else None
            if before is not None and before.text == "," and subj.i > 1:
                before = subj.doc[subj.i - 2]
            if subj.lower_ in _RELATIVE and before is not None and before.pos_ in _NOUNS:
                return _above_place(before)
            return subj
        cc = next((c for c in verb.lefts if c.dep_ == "cc"), None)
        if verb.dep_ == "conj" and cc is not None:
            # "… and the gap between them is only 1%": a subject the parse hung on the
            # first conjunct, standing after the second's conjunction, is the second's
            inside = (c for c in verb.head.children if c.dep_ in deps and cc.i < c.i < verb.i)
            if (own := next(inside, None)) is not None:
                return own
        purpose = verb.dep_ == "advcl" and any(c.lower_ == "to" for c in verb.lefts)
        # "prices rebounded, rising to $42": a participle adjunct shares the main subject
        adjunct = (
            verb.dep_ == "advcl"
            and verb.tag_ == "VBG"
            and not any(c.dep_ == "mark" for c in verb.children)
        )
        controlled = control and (verb.dep_ == "xcomp" or purpose or adjunct)
        if control and (verb.dep_ == "xcomp" or purpose) and verb.head.lemma_.lower() in _ECM:
            # "predicts profits to rise", "saw its value fall": the object controls
            obj = next(
                (c for c in verb.head.children if c.dep_ in ("obj", "dobj") and c.i < verb.i),
                None,
            )
            if obj is not None and obj.pos_ in ("NOUN", "PROPN", "PRON"):
                return obj
        if (verb.dep_ != "conj" and not controlled) or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def antecedent(pron: Token, reach: int = 80) -> str | None:
    """The organisation or country "it"/"its" stands for: the nearest one named before
    it, within ``reach`` tokens ("Yahoo … it lost a third of its revenue" → "Yahoo");
    after a semicolon, the subject of the clause before ("the market fell; it …");
    a subject "it" opening its sentence stands for the named subject of the sentence
    before, when it has one ("Acme is under a probe into Zenith. It has offered …")."""
    if pron.lower_ not in ("it", "its"):
        return None
    doc = pron.doc
    said = pron.head.head if pron.dep_ == "nsubj" and pron.head.dep_ == "ccomp" else None
    teller = subject(said, control=False) if said is not None else None
    if teller is not None and teller.pos_ == "NOUN" and teller.i < pron.i:
        # "the company said it had set aside £200m": "it" is the one who said so
        return teller.text
    if pron.dep_ == "nsubj" and pron.i > 0 and doc[pron.i - 1].text == ";":
        # "the stock market was on its way down; it rose by 20% after": a clause after a
        # semicolon goes on about the subject of the clause before it
        first = [t for t in doc[pron.sent.start : pron.i] if t.dep_ == "nsubj"][:1]
        if first and first[0].pos_ in ("NOUN", "PROPN"):
            return compact_np(first[0], range(0))
    if pron.dep_ == "nsubj" and (topic := _previous_subject(pron)) is not None:
        # "Acme is to restate its accounts after a probe into Zenith. It has offered …":
        # a sentence's opening "it" continues the last sentence's named subject
        return _name(topic, pron.i)
    for i in range(pron.i - 1, max(-1, pron.i - reach), -1):
        tok = doc[i]
        named = tok.ent_type_ in ("ORG", "GPE") or (tok.pos_ == "PROPN" and tok.dep_ == "nsubj")
        if named and tok.pos_ == "PROPN":
            return _name(tok, pron.i)
    return None


def _name(tok: Token, stop: int) -> str:
    """The whole name ``tok`` is part of: "Zenith Motors", "Time Warner"."""
    doc = tok.doc
    i = tok.i
    first, last = i, i
    while first > 0 and (
        doc[first - 1].pos_ == "PROPN"
        or doc[first].ent_iob_ == "I"
        or (doc[first - 1].dep_ in ("compound", "flat") and doc[first - 1].head.i == i)
    ):
        first -= 1
    while last + 1 < stop and (doc[last + 1].pos_ == "PROPN" or doc[last + 1].ent_iob_ == "I"):
        last += 1
    return doc[first : last + 1].text


_STOPS = {".", "!", "?"}
_QUOTES = {'"', "'", "\u201d", "\u2019"}


def _previous_subject(pron: Token) -> Token | None:
    """The named subject of the main clause of the sentence before ``pron``, when
    ``pron`` opens its sentence."""
    doc = pron.doc
    i = pron.i - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in _QUOTES):
        i -= 1  # "… said." It …
    if i < 0 or doc[i].text not in _STOPS:
        return None  # not the sentence's first word
    end = i
    i -= 1
    while i >= 0 and doc[i].text not in _STOPS:
        i -= 1
    for tok in doc[i + 1 : end]:
        main = tok.head.dep_ == "ROOT" or tok.head.i == tok.head.head.i
        if tok.dep_ == "nsubj" and main and tok.pos_ == "PROPN":
            return tok
    return None


def number_head(tok: Token, upto: int | None = None) -> Token:
    """The token a bare number hangs on in the sentence: up through its number words
    ("2.59 million", not past token ``upto``) and, when the parse hung it on another
    number ("revised up to 366,000 from 235,000"), that number."""
    head = tok
    while (
        head.dep_ in ("nummod", "compound")
        and head.head.i != head.i
        and (upto is None or head.head.i <= upto)
    ):
        head = head.head
    if head.dep_.startswith("nmod") and head.head.like_num and head.head.i < head.i:
        head = head.head
    return head
