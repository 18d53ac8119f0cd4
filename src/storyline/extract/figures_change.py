"""Changes and levels: what a figure that states a change, or the level a change
reached, measures; and the amount a conversion restates.

- "up/down N% (from …)" after an amount → "<rise|fall> in <what the amount
  measures>"; "down from N a year earlier" → that thing and the time
  (:func:`up_down`); a phrasal verb ("make up a third") is no change;
- "a 26% rise in annual profits to $16.2bn", "were up 16% to 18p", "rates were
  raised by a quarter point to 4.75%", "kept rates on hold at 4.75%" → the
  level is a level of the thing that changed, or of the verb's object
  ("annual profits", "shares", "rates") (:func:`level_phrase`);
- "a 0.1% rise in output", however parsed → that change (:func:`change_after`);
- "$260m (£134m)", "from $120bn to $4.6bn": the amount a bracketed,
  alternative or end-point amount restates (:func:`amount_root`); not the end
  point after the size of a change ("climb by $154 to $2,754", "ended down
  $1.33 to $42.12"), which is a level;
- "bringing the amount to $1,657" → what "the amount" stands for, the thing a
  change in the clause before was made to;
- "grow by 5.9% – 0.1 point lower than its July estimate" → the gap
  (:func:`gap`); "rose 4p or nearly 1%" → the amount before "or"
  (:func:`alternative`); "an addition of $92 to the benefit" → what a change or
  sum goes to (:func:`target`); "its profit rise included profits of £2bn for the
  quarter" → the change's owner (:func:`possessor`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from storyline.extract.figures_clause import clause_subject
from storyline.extract.figures_np import antecedent, compact_np, noun_phrase, phrase, subject
from storyline.extract.figures_units import CURRENCY_WORDS, SCALES, TIME_NOUNS

__all__ = [
    "CHANGE",
    "COMPARED",
    "TRANSITIVE",
    "alternative",
    "amount_root",
    "case_of",
    "change_after",
    "gap",
    "is_change",
    "level_phrase",
    "possessor",
    "target",
    "up_down",
]  # fmt: skip

CHANGE = {
    "rise": "rise", "fall": "fall", "grow": "growth", "increase": "increase",
    "drop": "drop", "decline": "decline", "jump": "rise", "climb": "rise", "slip": "fall",
    "gain": "gain", "slide": "fall", "surge": "rise", "plunge": "fall", "soar": "rise",
    "shrink": "fall", "cut": "cut", "raise": "increase", "lose": "loss", "slump": "fall",
    "tumble": "fall", "sink": "fall", "dip": "fall", "rocket": "rise", "boost": "increase",
    "reduce": "cut", "lower": "cut", "up": "rise",
    "down": "fall", "expand": "growth", "contract": "fall", "double": "rise",
    "plummet": "fall", "ease": "fall", "edge": "rise", "widen": "rise", "narrow": "fall",
    "swell": "rise", "rebound": "rise", "recover": "rise", "leap": "rise", "dive": "fall",
    "halve": "fall", "treble": "rise", "triple": "rise", "shed": "fall", "advance": "rise",
    "lift": "increase",
}  # fmt: skip
# verbs of movement whose particle states the change: "went up 5%", "shot up"
_MOVE = {"go", "move", "shoot", "come", "be", "creep", "head", "inch", "tick"}
# change verbs whose object is what is changed: "raised £2m" is money raised, not a rise
TRANSITIVE = {"raise", "boost", "cut", "reduce", "lower"}
# "8% higher", "30% more expensive", "a fifth fewer": a difference in the subject
COMPARED = {
    "higher": "rise", "lower": "fall", "up": "rise", "down": "fall", "more": "rise",
    "less": "fall", "fewer": "fall", "bigger": "rise", "larger": "rise", "greater": "rise",
    "smaller": "fall", "cheaper": "fall", "dearer": "rise",
}  # fmt: skip


def case_of(tok: Token) -> str | None:
    """The preposition marking ``tok`` ("of" in "of the country's imports")."""
    for t in tok.doc[tok.left_edge.i : tok.i]:
        heads = (tok.i, *(c.i for c in tok.lefts))
        if t.dep_ in ("case", "fixed", "mark") and t.head.i in heads and t.pos_ == "ADP":
            return t.lower_
    # crossing arcs: "to the immunisation IFF" with "to" hung on "immunisation", a word
    # inside the phrase the parse did not give to "IFF"
    edge = tok.left_edge.i
    before = tok.doc[edge - 1] if edge > 0 else None
    if before is None or before.dep_ != "case" or before.pos_ != "ADP":
        return None
    crossing = edge <= before.head.i < tok.i and before.head not in tok.subtree
    return before.lower_ if crossing else None


def amount_root(root: Token) -> Token:
    """The amount a bracketed or alternative conversion restates: "$260m (£134m)"."""
    for _ in range(5):
        head = root.head
        doc = root.doc
        scale = root.dep_ in ("nummod", "compound", "flat") and abs(head.i - root.i) <= 3
        if scale and head.pos_ in ("SYM", "NUM"):
            root = head  # "£3 m": the scale word hangs off the sign
            continue
        first = min((t.i for t in root.subtree if not t.is_punct), default=root.i)
        before = doc[first - 1] if first > 0 else None
        restated = root.dep_ in ("appos", "conj", "parataxis") and head.i < root.i
        if restated and (
            head.pos_ in ("SYM", "NUM") or any(c.dep_ == "nummod" for c in head.children)
        ):
            root = head
            continue
        level = head.pos_ == "SYM" and head.text != "%"  # "rose 14% to £562m" is no restatement
        # "climb by $154 to $2,754", "ended down $1.33 to $42.12": the end point after the
        # size of a change is a level
        level = level and case_of(head) != "by"
        level = level and not any(c.lower_ in ("up", "down") for c in head.lefts)
        if root.dep_.startswith("nmod") and level and case_of(root) in ("to", "from"):
            root = head  # "from a peak of $120bn to $4.6bn", "to $12bn, from $12.4bn"
            continue
        if before is not None and before.text in ("(", ";") and before.i > 0:
            prev = doc[before.i - 1]
            if _is_amount(prev):
                while prev.head.i < prev.i and prev.head.pos_ in ("NUM", "SYM", "NOUN"):
                    if prev.head.i < prev.i - 3:
                        break
                    prev = prev.head
                if prev.i != root.i:
                    root = prev
                    continue
        break
    return root


def _currency(tok: Token) -> bool:
    """ "yen" in "30.6bn yen": a currency word after a number is part of the amount."""
    if tok.lower_ not in CURRENCY_WORDS or tok.i == 0:
        return False
    return tok.nbor(-1).like_num or tok.nbor(-1).text[:1].isdigit()  # "30.6bn"


# "the bureau said Friday, down from 5.2%": a day named after a reporting verb is a time
_DAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight",
}  # fmt: skip


def _amount_before(tok: Token, reach: int = 12) -> Token | None:
    """The last token of the nearest amount before ``tok`` in its sentence, when ``tok``
    is a time, a name or a reporting clause rather than what the amount measured."""
    timely = tok.lemma_.lower() in TIME_NOUNS | _DAYS or tok.ent_type_ in ("DATE", "TIME")
    if tok.pos_ in ("NOUN", "PROPN") and not timely:
        return None  # "profits of £5m in its retail division, up 3%": the noun
    doc = tok.doc
    # line breaks and double spaces are tokens of their own, not words to reach over
    reach += sum(t.is_space for t in doc[max(0, tok.i - reach) : tok.i])
    for k in range(tok.i - 1, max(-1, tok.i - reach), -1):
        if doc[k].text in _LEVEL_STOPS:
            return None
        if doc[k].pos_ in ("NUM", "SYM") and doc[k].ent_type_ not in ("DATE", "TIME"):
            return doc[k]
    return None


def _in_amount(tok: Token) -> bool:
    """A number, sign or currency word, whatever its tag ("30.6bn" parsed as a name)."""
    return tok.pos_ in ("NUM", "SYM") or tok.text[:1].isdigit() or _currency(tok)


def _is_amount(tok: Token) -> bool:
    return (
        tok.like_num
        or tok.pos_ in ("NUM", "SYM")
        or tok.text[:1].isdigit()
        or tok.lower_.rstrip(".") in SCALES
        or _currency(tok)
        or any(c.dep_ == "nummod" for c in tok.children)
    )


def is_change(verb: Token) -> bool:
    return verb.lemma_.lower() in CHANGE or verb.lower_ in CHANGE


def _phrasal(particle: Token) -> bool:
    """ "make up a third", "set up", "took down": the particle of a verb that is no change."""
    verb = particle.head
    if particle.dep_ not in ("compound:prt", "prt") or verb.i == particle.i:
        return False
    return not is_change(verb) and verb.lemma_.lower() not in _MOVE


def up_down(span: Span) -> str | None:
    """ "a profit of $3.36bn, up 27% from …": a change stated after the amount it changes."""
    doc = span.doc
    i = span.start - 1
    while i > 2 and doc[i].pos_ == "ADV" and doc[i].lower_ not in ("up", "down"):
        i -= 1  # "up just 0.2%"
    level = i > 2 and doc[i].lower_ == "from"  # "down from £9bn a year earlier": the old level
    i -= level
    if i < 2 or doc[i].lower_ not in ("up", "down") or _phrasal(doc[i]):
        return None
    change = "" if level else "rise in " if doc[i].lower_ == "up" else "fall in "
    j = i - 1
    while j > 0 and doc[j].is_punct:
        j -= 1
    year = doc[j].ent_type_ == "DATE" and doc[j].like_num  # "for the three months of 2004"
    if (year or not _in_amount(doc[j])) and (earlier := _amount_before(doc[j])) is not None:
        j = earlier.i  # "fell to 4.8% in May, the bureau said, down from 5.2%": that amount
    if (placed := _placed_level(doc[j])) is not None:
        # "put production at 3.997 billion barrels of oil, up 10%": what was put there
        return f"{change}{placed}"
    prev = amount_root(doc[j]) if doc[j].like_num or doc[j].pos_ in ("NUM", "SYM") else doc[j]
    if prev.lemma_.lower() in TIME_NOUNS | _DAYS and prev.head.pos_ == "VERB":
        # "carried 45 million passengers last year, up 6%": the verb's object, not the
        # year; "a barrel ended Monday down $1.33": its subject, the amount being no object
        objs = (c for c in prev.head.children if c.dep_ in ("obj", "dobj") and c.i < span.start)
        prev = next(objs, None) or subject(prev.head) or prev
    while _in_amount(prev) and prev.head.i < prev.i:
        prev = prev.head
        if prev.pos_ in ("NOUN", "PROPN") and not _in_amount(prev):
            break  # "a profit of 30.6bn yen, up 31.8%": the profit, not the yen
    counted = prev.head
    if prev.pos_ == "NUM" and counted.pos_ == "NOUN" and 0 < counted.i - prev.i <= 3:
        prev = counted  # "carried 45 million passengers last year, up 6%"
    if prev.pos_ not in ("NOUN", "PROPN"):
        # "Profit was £3m, up 5%": what the amount before measures
        prev = subject(prev) or subject(prev.head) or prev
    if prev.pos_ == "VERB":
        prev = clause_subject(prev) or prev  # "the rate declined to 4.8%", however parsed
    if prev.pos_ not in ("NOUN", "PROPN"):
        return None
    text = f"{change}{compact_np(prev, range(0))}"
    tail = doc[span.end : span.end + 5]
    if len(tail) and (level or tail[0].lower_ == "from"):
        # "up from $2.89bn a year ago but below its third quarter": the time, no more
        stop = next((t.i for t in tail if t.is_punct or t.dep_ == "cc"), tail.end)
        text += " " + doc[span.end : stop].text
    return text.strip()


def _placed_level(tok: Token) -> str | None:
    """ "BP put production at 3.997 billion barrels of oil": ``tok`` ("oil") is what an
    amount is of, and the amount a level a verb put something at; that something."""
    unit = tok.head
    if case_of(tok) != "of" or unit.pos_ != "NOUN" or unit.i > tok.i:
        return None
    nums = [c for c in unit.lefts if c.dep_ == "nummod"]
    if not nums:
        return None
    first = min(t.i for t in nums[0].subtree)
    span = tok.doc[first : unit.i + 1]
    return level_phrase(span, range(span.start_char, span.end_char))


# nouns that name a change: "a 26% rise in annual profits to $16.2bn"
_CHANGE_NOUNS = (set(CHANGE) | set(CHANGE.values())) - {"up", "down", "lower"}
_LEVEL_STOPS = {".", ";", ":", "!", "?"}
# verbs that place their object at a level: "kept rates at 4.75%", "took its stake to 20%"
_PLACING = {
    "keep", "hold", "leave", "set", "put", "take", "bring", "push", "pull", "drive", "peg",
    "fix", "cap", "limit", "maintain", "send", "pare", "trim", "hike",
}  # fmt: skip
# "to $5bn", "from $6bn", "(up 2%) at $20.15": the prepositions of an end point
_LEVEL_CASES = ("to", "from", "at")


def level_phrase(span: Span, skip: range) -> str | None:
    """The thing whose level an end point gives, when a change noun or "up/down" states
    the change before it: "a drop in annual profits to £170m from £194m" → "annual
    profits"; "shares were up 16% to 18p" → "shares". A verb before them is left to
    the clause ("sales fell to £3m")."""
    doc = span.doc
    # a conversion read through starts at its amount's preposition: "to $16.2bn (£8.7bn)"
    i = span.start if span[0].lower_ in _LEVEL_CASES else span.start - 1
    while i > 0 and (
        (doc[i].pos_ in ("ADV", "DET", "ADJ") and doc[i].lower_ not in ("up", "down"))
        or doc[i].lower_ == "record"
    ):
        i -= 1  # "to just £3m", "to a record $5bn"
    if i < 1 or doc[i].lower_ not in _LEVEL_CASES or doc[i - 1].pos_ == "ADJ":
        return None  # not "equal to 6.5%", "close to"
    share = span[-1].lower_ in ("%", "percent", "cent", "pc") or span[-1].like_num
    if doc[span.end : span.end + 1].text.lower() == "of" and share:
        return None  # "to 40% of turnover": a share of its own, not "at 4bn barrels of oil"
    for j in range(i - 1, max(-1, i - 13), -1):
        tok = doc[j]
        if tok.pos_ == "VERB" and is_change(tok):
            return _changed(tok, skip)  # "rates were raised by a quarter point to 4.75%"
        if tok.pos_ == "VERB" and tok.lemma_.lower() in _PLACING:
            # "kept rates on hold at 4.75%", "took its stake to 20%": the object's level
            obj = _object(tok, skip)
            if obj is not None and obj.i < i and obj.lemma_.lower() in _ANAPHORIC:
                # "an addition of $92 to the benefit, bringing the amount to $1,657"
                return _referent(tok, skip) or compact_np(obj, skip)
            return compact_np(obj, skip) if obj is not None and obj.i < i else None
        if tok.text in _LEVEL_STOPS or tok.pos_ in ("VERB", "AUX") or tok.dep_ == "cop":
            return None
        if tok.lower_ in ("up", "down") and tok.pos_ in ("ADV", "ADP") and not _phrasal(tok):
            # "Shares in Acme were up 3%": the subject may hang on "up" itself
            what = subject(tok) or subject(tok.head) or subject(tok.head.head)
            if what is None or what.pos_ not in ("NOUN", "PROPN"):
                return None
            return noun_phrase(what, skip, det=False, right=True)
        if tok.pos_ in ("NOUN", "PROPN"):
            noun = tok
            for _ in range(4):
                change = noun.head
                if change.i == noun.i or change.i > noun.i:
                    break
                named = change.pos_ == "NOUN" and change.lemma_.lower() in _CHANGE_NOUNS
                if named and case_of(noun) == "in":
                    # "a fall in profits in its retail division": the first "in" is the thing
                    first = next(c for c in change.rights if case_of(c) == "in")
                    return _owned(change, noun_phrase(first, skip, det=False), skip)
                noun = change
    return None


# nouns that only point back at a sum named before: "bringing the total to $5bn"
_ANAPHORIC = {"amount", "total", "figure", "sum", "tally", "number"}


def _referent(verb: Token, skip: range) -> str | None:
    """What "the amount" of "…, bringing the amount to $1,657" stands for: the thing a
    change named in the clause the verb hangs on was a change to or in ("an addition
    of $92 to the average benefit" → "average benefit")."""
    clause = verb.head
    if clause.i == verb.i:
        return None
    for tok in clause.subtree:
        if tok.i >= verb.i or tok.lemma_.lower() not in _CHANGE_NOUNS | {"addition"}:
            continue
        for c in tok.rights:
            if c.dep_.startswith("nmod") and case_of(c) in ("to", "in") and c.pos_ == "NOUN":
                return noun_phrase(c, skip, det=False)
    return None


def _owned(change: Token, text: str, skip: range) -> str:
    """ "BP announced a rise in profits" → "BP annual profits": a named owner, if any."""
    if change.dep_ not in ("obj", "dobj"):
        return text
    owner = subject(change.head)
    if owner is None or owner.pos_ != "PROPN" or owner.idx in skip:
        return text
    return f"{compact_np(owner, skip)} {text}"


def _object(verb: Token, skip: range) -> Token | None:
    """The object of ``verb``, from the parse or, when the parse hangs the verb under
    its noun ("lifting revenue for the year to …"), the noun right after it."""
    objs = [c for c in verb.children if c.dep_ in ("obj", "dobj") and c.pos_ in ("NOUN", "PROPN")]
    if not objs:
        nxt = verb.doc[verb.i + 1 : verb.i + 4]
        objs = [t for t in nxt if t.pos_ in ("NOUN", "PROPN") and t.head.i != verb.i][:1]
        objs = [
            t for t in objs if all(u.pos_ in ("DET", "ADJ", "PRON") for u in nxt[: t.i - nxt.start])
        ]
    objs = [t for t in objs if t.lemma_.lower() not in TIME_NOUNS and t.idx not in skip]
    return objs[0] if objs else None


def _changed(verb: Token, skip: range) -> str | None:
    """What a change verb changed: its object ("cut rates to 4%"), else its subject."""
    what = _object(verb, skip) or subject(verb)
    if what is None and verb.dep_.startswith("acl") and verb.head.pos_ == "NOUN":
        what = verb.head  # "caused earnings to slide to $1.1bn", parsed as "earnings to slide"
    if what is None or what.pos_ not in ("NOUN", "PROPN") or what.idx in skip:
        return None
    return compact_np(what, skip)


def change_after(span: Span, skip: range) -> str | None:
    """ "a 0.1% rise in industrial output", however parsed: the change noun right after
    the figure and what it is a change in."""
    doc = span.doc
    if span.end + 1 >= len(doc):
        return None
    noun = doc[span.end]
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _CHANGE_NOUNS:
        return None
    if doc[span.end + 1].lower_ != "in":
        return noun.text
    what = next(
        (
            t
            for t in doc[span.end + 2 : span.end + 7]
            if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() not in TIME_NOUNS
        ),
        None,
    )  # "month on month industrial output": the output
    while what is not None and what.dep_ == "compound" and what.head.i > what.i:
        what = what.head
    if what is None:
        return noun.text
    return f"{noun.text} in {compact_np(what, skip)}"


# sums whose "to"/"for" says what they are: "an addition of $92 to the benefit"
_TARGETED = {"addition", "increase", "rise", "boost", "cut", "bonus", "payment", "grant", "bid"}


def gap(span: Span, skip: range) -> str | None:
    """ "grow by 5.9% this year – 0.1 percentage point lower than its July estimate": a
    figure set after another by a dash or comma and compared "than" something is the
    gap between them → "fall from its July estimate"."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end + 1].lower_ != "than":
        return None
    word = doc[span.end]
    if word.lower_ not in COMPARED or word.tag_ not in ("JJR", "RBR"):
        return None
    i = span.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 1 or doc[i].text not in ("—", "–", "-", ",", "--"):
        return None
    if not any(t.like_num or t.text == "%" for t in doc[max(0, i - 4) : i]):
        return None  # no figure right before it to differ from
    than = doc[span.end + 1]
    noun = than.head if than.head.i > than.i else None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    # "its" kept as written: the owner is the sentence's subject, whoever "it" is
    words = [t for t in noun.subtree if t.i <= noun.i]
    return f"{COMPARED[word.lower_]} from {phrase(words, skip)}"


def alternative(span: Span) -> tuple[int, int] | None:
    """ "rose 4p or nearly 1%": the amount before "or" that this one restates, as
    character offsets, unless this one has its own "of" ("5% or more of the shares")."""
    doc = span.doc
    i = span.start - 1
    if i < 1 or doc[i].lower_ != "or" or doc[span.end : span.end + 1].text.lower() == "of":
        return None
    k = i - 1
    if not (doc[k].text[:1].isdigit() or doc[k].pos_ == "SYM" or doc[k].lower_ in SCALES):
        return None
    end = doc[k].idx + len(doc[k].text)
    while k > 0 and (
        doc[k - 1].pos_ in ("NUM", "SYM")
        or doc[k - 1].text[:1].isdigit()
        or doc[k - 1].lower_.rstrip(".") in SCALES
    ):
        k -= 1
    if k > 0 and doc[k - 1].like_num:
        return None  # "between 5 and 7 or 8": a list of numbers, not an alternative
    return doc[k].idx, end


def target(head: Token, root: Token, skip: range) -> str | None:
    """ "to <noun>", "for <noun>" after "<noun> of <amount>", on the noun or the amount:
    who or what the sum is added to or meant for. Not a time ("for the year")."""
    options = [
        c
        for c in (*head.rights, *root.rights)
        if c.dep_.startswith("nmod")
        and c.i > root.i
        and case_of(c) in ("to", "for")
        and c.pos_ in ("NOUN", "PROPN")
        and c.lemma_.lower() not in TIME_NOUNS
        and c.ent_type_ not in ("DATE", "TIME")
        and c.idx not in skip
    ]
    if not options or not (head.lemma_.lower() in _TARGETED or is_change(head)):
        return None
    first = min(options, key=lambda t: t.i)
    return f"{case_of(first)} {noun_phrase(first, skip, det=True)}"


def possessor(noun: Token, skip: range) -> str:
    """ "Its profit rise" → "BP's", "Acme's sales" → "Acme's", else nothing."""
    poss = next((c for c in noun.lefts if c.dep_ == "nmod:poss"), None)
    if poss is None:
        return ""
    name = antecedent(poss) if poss.pos_ == "PRON" else compact_np(poss, skip)
    return f"{name}'s" if name else ""
