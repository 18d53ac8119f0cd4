"""The clause around a figure when the parse does not hang it off its verb.

News sentences state most figures as an argument of a verb right before them
("sales jumped 35%", "the charity raised £2.4m", "fell by 8%"); a parser
trained on other text often attaches such an amount to a neighbouring noun
("35% last year") or makes it the root. These helpers read the clause off the
word order instead, for :mod:`storyline.extract.figures_about`:

- :func:`verb_before`: the verb right before the figure, past prepositions,
  adverbs, articles and adjectives ("announced an extra £300m");
- :func:`verb_after`: the verb the figure is the subject of ("30% voted …");
- :func:`clause_subject`: a verb's subject, or the noun a participle
  modifies ("the charity raised …" parsed as a reduced relative);
- :func:`worth_phrase`: "worth N" → "value of <what is worth it>";
- :func:`beside`: the noun an amount is set beside by a dash or comma ("the
  market - currently $30 trillion");
- :func:`left_with`: who is left holding an amount ("leaving ITV1 with 13%").
"""

from __future__ import annotations

from spacy.tokens import Token

from storyline.extract.figures_np import compact_np, noun_phrase, subject

__all__ = [
    "beside",
    "clause_subject",
    "left_with",
    "prep_before",
    "verb_after",
    "verb_before",
    "worth_phrase",
]

_STOPS = {".", "!", "?", ";"}


def _start(tok: Token) -> int:
    """Where ``tok``'s sentence starts by its punctuation (the parser's sentence
    split fails where its parse does: "Profits rose 14% to £5m in the year")."""
    i = tok.i
    while i > 0 and tok.doc[i - 1].text not in _STOPS:
        i -= 1
    return i


def _end(tok: Token) -> int:
    doc = tok.doc
    i = tok.i
    while i < len(doc) and doc[i].text not in _STOPS:
        i += 1
    return i


# words that may stand between a verb and its amount: "jumped by some 35%", "paid an
# extra", "rose 14% to £562m" (the change before the level)
_BETWEEN = ("ADP", "ADV", "PART", "DET", "ADJ", "NUM", "SYM")


def _first_before(first: Token) -> Token | None:
    """The nearest token before ``first`` in its sentence that is not a between-word."""
    doc = first.doc
    start = _start(first)
    i = first.i - 1
    while i >= start and doc[i].pos_ in _BETWEEN and doc[i].lower_ not in ("that", "worth"):
        i -= 1
    return doc[i] if i >= start else None


def verb_before(first: Token) -> Token | None:
    """The verb the figure starting at ``first`` follows: "jumped 35%", "fell by 8%".

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["Sales", "jumped", "by", "35", "%"],
    ...           pos=["NOUN", "VERB", "ADP", "NUM", "SYM"])
    >>> verb_before(doc[3]).text
    'jumped'
    """
    tok = _first_before(first)
    return tok if tok is not None and tok.pos_ == "VERB" else None


def verb_after(last: Token) -> Token | None:
    """The verb of which the figure ending at ``last`` is the subject: "30% voted for …",
    "£2m went to charity", "40% had been lost", "£5m invested in schools"."""
    doc = last.doc
    i = last.i + 1
    end = _end(last)
    copula = False
    while i < end and doc[i].pos_ in ("AUX", "ADV", "PART"):
        copula = copula or doc[i].lemma_.lower() == "be"
        i += 1
    if i < end and copula and doc[i].pos_ == "ADJ" and doc[i].tag_ == "JJ":
        return doc[i]  # "one household in three will be due to immigration"
    if i >= end or doc[i].tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return None
    return doc[i]


def prep_before(first: Token) -> str | None:
    """The preposition right before the figure ("by" in "fell by 8%"), lower case."""
    doc = first.doc
    i = first.i - 1
    start = _start(first)
    while i >= start and doc[i].pos_ in ("ADV", "DET", "ADJ"):
        i -= 1  # "to an estimated", "by nearly"
    return doc[i].lower_ if i >= start and doc[i].pos_ == "ADP" else None


def clause_subject(verb: Token) -> Token | None:
    """The subject of ``verb``: from the parse, else the noun phrase before it.

    A noun inside a prepositional phrase ("profit before exceptional items rose")
    is not the subject; the noun the phrase follows is.
    """
    subj = subject(verb)
    relative = subj is not None and subj.i < verb.i and verb.dep_ == "acl:relcl"
    if subj is not None and (relative or not _in_pp(subj)):
        return subj  # "agencies which cost £1.8bn": the antecedent, wherever it stands
    if subj is None and not verb.dep_.startswith(("acl", "nmod", "compound", "amod")):
        return None  # an infinitive or imperative: no subject to find
    return _noun_before(verb)


def _in_pp(noun: Token) -> bool:
    return any(c.dep_ == "case" and c.pos_ == "ADP" for c in noun.lefts)


def _noun_before(verb: Token) -> Token | None:
    """The head noun of the phrase right before ``verb``, past its prepositional phrases."""
    doc = verb.doc
    i = verb.i - 1
    start = _start(verb)
    while i >= start and doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    found = None
    while i >= start and doc[i].pos_ in ("NOUN", "PROPN"):
        found = doc[i]
        j = i - 1
        while j >= start and doc[j].pos_ in ("NOUN", "PROPN", "ADJ", "DET", "NUM", "PART"):
            j -= 1  # the rest of this noun phrase
        preposition = doc[j].pos_ == "ADP" or doc[j].dep_ in ("case", "mark")
        if j <= start or not preposition or doc[j].lower_ == "that":
            break  # "profits before tax": "before" parsed as a conjunction
        i = j - 1  # "turnover at the business": the noun before the preposition
    return found


def worth_phrase(first: Token, skip: range) -> str | None:
    """ "exports were worth $18bn", "a company worth $30bn" → "value of <that>"."""
    doc = first.doc
    i = first.i - 1
    while i >= _start(first) and doc[i].pos_ == "ADV":
        i -= 1  # "worth nearly"
    if i < _start(first) or doc[i].lower_ != "worth":
        return None
    worth = doc[i]
    head = worth.head
    thing = None
    if worth.dep_ == "xcomp":  # "create a company worth $30bn": the verb's object
        thing = next((c for c in head.children if c.dep_ in ("obj", "dobj")), None)
    if thing is None and head.pos_ in ("NOUN", "PROPN") and head.i < worth.i:
        thing = head  # "a company worth $30bn"
    if thing is None:
        thing = subject(worth)  # "exports were worth $18bn"
    if thing is None and worth.dep_ == "ROOT":
        # "the deal is worth $2bn" with the subject hung on the amount, or nowhere
        thing = subject(first) or _noun_before(worth)
    if thing is None and worth.i > 0 and doc[worth.i - 1].pos_ in ("NOUN", "PROPN"):
        thing = doc[worth.i - 1]
    if thing is None or thing.pos_ not in ("NOUN", "PROPN"):
        return None
    return f"value of {noun_phrase(thing, skip, det=False, right=True)}"


def beside(root: Token) -> Token | None:
    """The noun an amount is set beside by a dash or comma ("the market - currently $30
    trillion", "his salary, $1m,"), not a noun with an amount before it ("$66 billion
    for rail, $39.2 billion for transit", a list)."""
    noun = root.head
    if root.dep_ != "appos" or noun.pos_ != "NOUN" or noun.i > root.i:
        return None
    between = root.doc[noun.i + 1 : root.i]
    if not any(t.text in ("-", "—", "–", ",") for t in between) or any(
        t.text == ";" for t in between
    ):
        return None
    near = root.doc[max(0, noun.left_edge.i - 8) : noun.i]
    if any(t.like_num or t.pos_ == "SYM" for t in near):
        return None  # "$66 billion for rail, $39.2 billion for transit": a list of amounts
    return noun


def left_with(root: Token, skip: range) -> str | None:
    """ "leaving ITV1 with about 13%", "left Labour with 35%": who is left holding it."""
    verb = root.head
    if not _marked(root, "with") or verb.lemma_.lower() != "leave" or verb.pos_ != "VERB":
        return None
    obj = next((c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i < root.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or obj.idx in skip:
        return None
    return compact_np(obj, skip)


def _marked(tok: Token, word: str) -> bool:
    """``tok`` has the preposition ``word`` ("with" in "with about 13%")."""
    return any(c.dep_ == "case" and c.lower_ == word for c in tok.children)
