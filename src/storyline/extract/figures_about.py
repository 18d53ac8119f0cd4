"""What a figure measures, read off the dependency parse and, where the parse
fails, the word order (:mod:`storyline.extract.figures_clause`).

Rules, in order, for the token that heads the figure's span (a bracketed or
alternative conversion, "$260m (£134m)", "to $4.6bn" after "from $120bn", is
read as the amount it restates):

1. counts → "number of <the counted noun with its modifiers>" and what the
   clause says about it (:mod:`storyline.extract.figures_about_count`);
2. "up/down N% (from …)" after an amount → "<rise|fall> in <what the amount
   measures>"; "down from N a year earlier" → that thing and the time; the
   end point of a change ("a rise in profits to $5bn", "shares were up 3% to
   120p") → what changed (:mod:`storyline.extract.figures_change`);
3. "one household in three" → "share of households" and what they do; "one
   in 10 adult Americans", "one in 50 of those …" → a share of that group;
   "worth N" → "value of <what is worth it>";
4. an "of" complement ("70 percent of the country's wheat imports", "£2bn
   ($3.7bn) of acquisitions") or, for money, an "in" one with a bare noun
   ("$40bn in school repairs", not "£40 in the shops"), also past a bound
   ("5% or more of the shares") → "<measure> of
   <complement>" with a participle after it ("of votes cast"), for money with
   the named subject as owner ("cost of Acme Corp's acquisitions"), for a
   money noun the noun itself ("$280bn in profits"); a share of a group adds
   what its clause says of the group, as for a count ("share of drivers wear
   seat belts", "share of Acme's customers lost");
5. the figure modifies a noun, also across a bracketed conversion ("a $1.2
   trillion infrastructure bill", "a $550,000 (£293,264) fine") → "cost of
   the <noun>", or the noun itself when it names a sum ("fine") or a share
   ("a 20% stake in …"), "value of the <noun>" for a dealing ("takeover"),
   "size of the <noun>" for an industry or market, "price of the <name>" for
   a named product; a change noun right after it ("a 0.1% rise in output") →
   that change;
6. the figure complements a noun with no verb between ("a profit of $3.36bn")
   → the noun, after its owner; idioms ("in the region of") are looked through;
7. "N% higher/lower" → "<rise|fall> in <subject>"; an amount that is the
   subject of a verb → "<money|share> <verb> <complement>";
8. the object of a change verb ("sales rose 5%", "cut spending by £35bn") →
   "<rise|fall|…> in <what changed>"; the level it changed to → what changed;
   a transitive change verb with the amount as object ("raised £2m") is no change;
9. the antecedent of a relative clause whose object is the relative pronoun
   ("reserves, which it set at £5m"); "for N" → "price of <what was
   bought or sold>"; "cost/priced/valued at N" → "<cost|price|value> of <subject>";
   a level verb ("stood at", "reached", "totalled") → its subject, as a copula;
10. otherwise the subject ("it" as the company it stands for), the verb (as
    its noun for spending and giving: "pledge", "spending", "fine" for
    "fined") and a complement of purpose, destination or field ("UK pledge to
    the fund", "payment to sign the striker"), a sum only offered saying so
    ("Acme payment offered to settle charges"); a pronoun group fined or paid
    is who the sum is for ("fine for those who do not pay").

Also: an amount set beside a noun after a dash ("the market - currently $30
trillion") is that noun's (size); "N lower than <estimate>" after a dash and another
figure is the gap ("fall from its July estimate"); "4p or nearly 1%" restates the
amount before "or"; "leaving ITV1 with 13%" is ITV1's share; a later share with no
group of its own is of the group an earlier share in its sentence named, and ",
of which N%" of the noun before it; "an addition of $92 to the benefit" names what
the sum goes to; "cost N% more than" is the extra cost; "IBM has 30%" is IBM's share;
a length that says how far or how big ("5km from the border", "3km long") is a
distance or a dimension (:mod:`storyline.extract.figures_distance`).

A relative after a comma is on the noun right before it ("reserves, which it
set at £5m"); "a yearly return of 6%" is read by the word order when the parse
hangs the amount on a word after it; a quantity told apart by its price keeps
it ("20gb of memory for $299").

The verb is the parse's, or the one right before the figure when the parse
hangs the figure off a noun. The measure word comes from the unit: money
"cost", percent and fraction "share", lengths "length", weights "weight",
other units "amount". A money figure about shares is about their price
("Acme share price"). Figures listed after or compared with another take its
phrase (:mod:`storyline.extract.figures_parallel`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from storyline.extract.figures_about_count import count_phrase, share_context, verb_words
from storyline.extract.figures_change import (
    CHANGE,
    COMPARED,
    TRANSITIVE,
    alternative,
    amount_root,
    case_of,
    change_after,
    gap,
    is_change,
    level_phrase,
    possessor,
    target,
    up_down,
)
from storyline.extract.figures_clause import (
    beside,
    clause_subject,
    left_with,
    prep_before,
    verb_after,
    verb_before,
    worth_phrase,
)
from storyline.extract.figures_distance import distance_phrase
from storyline.extract.figures_modified import (
    modified_noun,
    noun_after_conversion,
    noun_before_of,
)
from storyline.extract.figures_np import (
    antecedent,
    compact_np,
    noun_phrase,
    phrase,
    short_np,
    subject,
)
from storyline.extract.figures_parallel import group_before, of_which
from storyline.extract.figures_units import SCALES, TIME_NOUNS

__all__ = ["about_phrase"]

# nouns that name a sum of money ("a £35m fine" is the fine), and dealings that have a value
_MONEY_NOUNS = {
    "fine", "fee", "price", "cost", "budget", "salary", "wage", "pay", "bonus", "payout",
    "payment", "pledge", "commitment", "grant", "loan", "debt", "deficit", "surplus", "profit",
    "loss", "revenue", "turnover", "fund", "investment", "donation", "compensation",
    "settlement", "tax", "levy", "subsidy", "prize", "award", "ransom", "bail", "rebate",
    "refund", "spending", "windfall", "dividend", "penalty", "damages", "saving", "savings",
    "earnings", "earning", "income", "sales", "asset", "reserve", "funding", "aid", "cash", "money",
    "contribution", "allowance", "pension", "benefit", "deposit", "premium", "charge", "rent",
}  # fmt: skip
# what a sum spent, given or taken is called: "pledged £2m" is a pledge
_NOMINAL = {
    "pledge": "pledge", "spend": "spending", "invest": "investment", "pay": "payment",
    "donate": "donation", "fine": "fine", "save": "savings", "earn": "earnings",
    "borrow": "borrowing", "lend": "loan", "owe": "debt", "award": "award", "grant": "grant",
    "bid": "bid", "offer": "offer", "charge": "charge", "spent": "spending", "paid": "payment",
}  # fmt: skip
# verbs that state a level as a copula does: "inflation stood at 2.6%", "reached $5bn"
_LEVELS = {
    "stand", "reach", "total", "hit", "remain", "stay", "amount", "hover", "peak", "top",
    "equal", "represent",
}  # fmt: skip
# verbs whose object is a figure the subject foresees, not one it owns
_EXPECTING = {"expect", "predict", "forecast", "project", "anticipate", "foresee"}
_PARTICLES = {"aside", "out", "back", "off", "over", "away"}
# verbs that put a sum forward without paying it: "offered to pay $40m"
_OFFERED = {
    "offer": "offered", "propose": "proposed", "promise": "promised", "threaten": "threatened",
}  # fmt: skip
# verbs of holding: what a share is the object of is the subject's ("IBM has 30%")
_HOLDING = {"have", "hold", "own", "control", "command"}
# nouns a figure names a round amount with: "passed the 10,000 mark"
_MARKS = {"mark", "barrier", "threshold", "milestone"}
_LEVELS_AT = {"come", "close", "open", "end", "finish", "settle", "trade"}
# what a sum of money gives the size of: "a $5bn industry"
_SIZED = {"industry", "market", "sector", "business", "economy", "trade"}
_DEALS = {"deal", "takeover", "contract", "merger", "acquisition", "bid", "offer", "sale"}
_LENGTH = {"mi", "km", "m", "ft", "cm", "mm", "in", "yd"}
_WEIGHT = {"t", "kg", "g", "lb", "oz"}
# "in the region of $45", "in excess of", "to the tune of": the noun is not the measure
_IDIOM_NOUNS = {"region", "excess", "tune", "order", "upwards", "total", "sum", "figure"}
_AVERAGES = {"average", "total", "maximum", "minimum"}
_BOUNDS = {"more", "less", "fewer", "over", "above", "under", "below", "higher", "lower"}
_ARGS = ("obj", "dobj", "obl", "nmod", "npadvmod", "advmod", "obl:unmarked", "nmod:unmarked")


def _nominal(verb: Token) -> str | None:
    """The noun for a sum spent, given or taken, also when the lemma is off ("fined")."""
    word = verb.lower_
    forms = [verb.lemma_.lower(), word]
    if word.endswith("ed"):
        forms += [word[:-1], word[:-2]]  # "fined" → "fine", "pledged", "borrowed"
    return next((_NOMINAL[f] for f in forms if f in _NOMINAL), None)


def _measure(kind: str, unit: str) -> str:
    if kind == "money":
        return "cost"
    if kind in ("percent", "fraction"):
        return "share"
    if unit in _LENGTH:
        return "length"
    if unit in _WEIGHT:
        return "weight"
    return "amount"


def _of_complement(root: Token, end: int, kind: str) -> Token | None:
    for child in root.children:
        if child.dep_.startswith(("nmod", "prep")) and child.i > root.i and case_of(child) == "of":
            return child
    # "£2bn ($3.7bn; €2.3bn) of acquisitions": the complement hangs off the verb;
    # "$40bn in school repairs": money "in" a thing, right after the amount
    doc = root.doc
    i = root.i + 1
    while i < len(doc) and (doc[i].idx < end or doc[i].dep_ in ("nummod", "flat", "compound")):
        if doc[i].idx >= end and doc[i].head.i != root.i and not doc[i].like_num:
            break
        i += 1
    cases = ["of"]
    if kind == "money" and not root.dep_.startswith("obl"):
        cases.append("in")
    if i < len(doc) and doc[i].text == "(":
        cases = ["of"]
        depth = 0
        while i < len(doc):
            depth += doc[i].text == "("
            depth -= doc[i].text == ")"
            i += 1
            if depth == 0:
                break
    if i + 2 < len(doc) and doc[i].lower_ == "or" and doc[i + 1].lower_ in _BOUNDS:
        i += 2  # "5% or more of the shares"
    if i + 1 < len(doc) and doc[i].lower_ in cases and doc[i].dep_ == "case":
        noun = doc[i].head
        while noun.dep_ in ("compound", "amod", "flat") and noun.head.i > noun.i:
            noun = noun.head
        determined = any(c.dep_ in ("det", "nmod:poss") for c in noun.lefts)
        if doc[i].lower_ == "in" and determined:
            return None  # "£40 in the shops" is a place; "$40bn in school repairs" a thing
        if noun.i > i and noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() not in TIME_NOUNS:
            return noun
    return None


def _participle(noun: Token, skip: range) -> str:
    """A participle right after the noun qualifies it, however parsed: "of votes cast",
    "of those polled", "of customers hit by the rise"."""
    doc = noun.doc
    i = noun.right_edge.i + 1
    if i >= len(doc) or doc[i].tag_ != "VBN" or doc[i].dep_ in ("ROOT", "conj"):
        return ""
    end = min(max(doc[i].right_edge.i, i) + 1, i + 4)
    return " " + phrase(list(doc[i:end]), skip)


def _span_root(span: Span) -> Token:
    """The head of the figure, the currency sign when the parse split the amount ("£500 m.")."""
    tops = [t for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i]
    if len(tops) > 1:
        return next((t for t in tops if t.pos_ == "SYM"), tops[0])
    return span.root


def _owner(root: Token) -> str | None:
    """The named subject of the verb the figure is the object of, as a possessor."""
    if root.dep_ not in ("obj", "dobj"):
        return None
    subj = subject(root.head)
    if subj is None or subj.pos_ != "PROPN":
        return None
    words = [c for c in subj.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
    words += [subj, *(c for c in subj.rights if c.dep_ == "flat")]
    return " ".join(t.text for t in words)


_DANGLING = {"to", "of", "in", "for", "on", "by", "from", "with", "at", "and", "or", "'s", "’s"}


def about_phrase(doc: Doc, start: int, end: int, kind: str, unit: str) -> str | None:
    """A short phrase for what the figure at ``[start, end)`` measures, or None."""
    words = (_about(doc, start, end, kind, unit) or "").split()
    while words and words[-1].lower() in _DANGLING:
        words.pop()  # "rose to" once the other figure is left out
    if words and words[-1].endswith(("'s", "’s")):
        words[-1] = words[-1][:-2]
    text = " ".join(words)
    if kind == "money" and "price" not in text.lower():
        # "shares rose to 57.85 francs", "shares in MCI were at $20": the share price
        text = re.sub(r"^(?:shares|stock) (?:in|of) (.+)$", r"\1 share price", text, flags=re.I)
        text = re.sub(r"\b(?:shares|share|stock)$", "share price", text, flags=re.I)
    return text or None


def _about(doc: Doc, start: int, end: int, kind: str, unit: str) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    skip = range(start, end)
    if kind == "count":
        return count_phrase(span, skip, money=unit[:3].isupper() and unit[:3].isalpha())
    if unit in _LENGTH and (far := distance_phrase(span, skip)) is not None:
        return far  # "5km from the border": a distance, not what the clause says
    if (change := up_down(span)) is not None:
        return change
    if (the_gap := gap(span, skip)) is not None:
        return the_gap  # before a restatement is read through: the gap is no restatement
    if (other := alternative(span)) is not None:
        # "the share price rose 4p or nearly 1%": the same change in other terms
        return _about(doc, other[0], other[1], kind, unit)
    before = doc[span.start - 1] if span.start > 0 else None
    if kind == "percent" and before is not None and before.lower_ in ("up", "down"):
        # "profits at the bank were up 20%", with the subject hung on "up"
        what = subject(before) or subject(before.head)
        if what is not None and _is_content(what) and what.idx not in skip:
            np = noun_phrase(what, skip, det=False, right=True)
            return f"{COMPARED[before.lower_]} in {np}"
    measure = _measure(kind, unit)
    written = (span[0], end)  # the figure as written, before a conversion is read through
    first = _span_root(span)
    root = amount_root(first)
    if root.i != first.i:
        skip = range(min(root.left_edge.idx, start), end)
        span = doc[min(root.left_edge.i, span.start) : max(span.end, root.i + 1)]
        end = root.idx + len(root.text)
    mark = modified_noun(root, end)
    if mark is not None and mark.lemma_.lower() in _MARKS and mark.i - span.end <= 1:
        # "topped the 500p mark", "broke through the $50 barrier": the mark stands where
        # the amount would, and says nothing of what it measures
        skip = range(start, mark.idx + len(mark.text))
        span, root, end = doc[span.start : mark.i + 1], mark, skip.stop
    if (level := level_phrase(span, skip)) is not None:
        return level
    if (noun_by := beside(root)) is not None:
        # "the global capital market - currently $30 trillion": the noun it stands beside
        if kind == "money" and noun_by.lemma_.lower() in _SIZED:
            return f"size of the {compact_np(noun_by, skip)}"
        return compact_np(noun_by, skip)
    noun_in = len(span) >= 4 and span[-2].lower_ == "in" and not span[-3].like_num
    if kind == "fraction" and noun_in and span[-3].pos_ in ("NOUN", "PROPN"):
        # "one household in three": a share of households
        name = f"share of {_plural(span[-3])}"
        if (later := verb_after(span[-1])) is None:
            return name
        return _subject_amount(root, later, name, skip)
    if (worth := worth_phrase(doc[span.start], skip)) is not None:
        return worth
    after = doc[span.end] if span.end < len(doc) else None
    one_in = kind == "fraction" and any(t.lower_ == "in" for t in span)
    if one_in and after is not None and after.lower_ == "of" and after.i + 1 < len(doc):
        # "one in 50 of those driving at night", however parsed
        group_tokens = []
        for tok in doc[after.i + 1 : after.i + 7]:
            if tok.is_punct or tok.tag_ in ("VBZ", "VBP", "VBD", "MD"):
                break
            group_tokens.append(tok)
        if whole := phrase(group_tokens, skip, limit=5):
            return f"share of {whole}"
    if (of := _of_complement(root, end, kind)) is not None:
        owned = any(c.dep_ == "nmod:poss" for c in of.children)
        owner = _owner(root) if kind == "money" and not owned else None
        # "$280bn in profits" is the profits, not their cost
        money = kind == "money" and of.lemma_.lower() in _MONEY_NOUNS | {"profits"}
        if owner is not None:
            # "Acme Corp announced £2bn of acquisitions" → "cost of Acme Corp's
            # acquisitions", but "Acme withdrew $1bn in assets" → "Acme's assets"
            name = "" if money else f"{measure} of "
            return f"{name}{owner}'s {noun_phrase(of, skip, det=False)}"
        text = f"{measure} of {noun_phrase(of, skip)}"
        if money:
            text = noun_phrase(of, skip, det=False)
        if kind not in ("money", "percent", "fraction", "count") and (priced := _priced(of)):
            return f"{text} {priced}"  # "20gb of memory for $299" and "40gb … for $399"
        if (participle := _participle(of, skip)) or kind not in ("percent", "fraction"):
            return text + participle
        # "16% of women earn more than …", "it lost a third of its revenue": a share of
        # a group is a share of those the clause says something about
        context = share_context(root, of, skip).split()
        seen = {w.lower().removesuffix("'s") for w in text.split()}
        while context and context[0].lower() in seen:
            context.pop(0)  # "share of Acme's customers Acme lost": the owner once
        return " ".join([text, *context])
    head = root.head
    after = doc[span.end] if span.end < len(doc) else None
    word = after
    if after is not None and after.pos_ == "DET" and after.lower_ not in ("a", "an", "no"):
        # "half the population", "a third their size": a determiner opens the group
        word = doc[after.i + 1] if after.i + 1 < len(doc) else None
    if (
        kind == "fraction"
        and after is not None
        and word is not None
        and word.pos_
        in (
            "NOUN",
            "ADJ",
            "PROPN",
        )
    ):
        # "one in five US citizens aged under 30": a share of the group after it
        group = word
        while group.i + 1 < len(doc) and doc[group.i + 1].tag_ in ("NN", "NNS", "NNPS"):
            group = doc[group.i + 1]
        if group.pos_ in ("NOUN", "PROPN"):
            group_np = doc[after.i : group.i + 1].text
            # the clause relation is on the figure when the group hangs on it
            anchor = root if span.start <= group.head.i < span.end else group
            clause = share_context(anchor, group, skip)
            return " ".join(w for w in (f"share of {group_np}", clause) if w)
    of_noun = noun_before_of(doc[span.start]) if head.i > root.i else None
    if of_noun is not None:
        # "a growth rate of 8% Acme said": the parse hangs the amount on a word after it
        return _noun_complement(of_noun, root, skip)
    noun = modified_noun(root, end) or noun_after_conversion(*written)
    # "a 0.1% rise in output": the change noun right after the figure, however parsed
    right_after = noun is None or noun.i == span.end
    change = change_after(span, skip) if right_after and kind in ("percent", "money") else None
    if change is not None:
        return change  # "a 0.1% rise in output", parsed otherwise
    if noun is not None:
        text = noun_phrase(noun, skip, det=False, right=True)
        lemma = noun.lemma_.lower()
        if kind == "money" and lemma in _MONEY_NOUNS:
            return text  # "a $550,000 fine": the fine is the amount
        if kind == "money" and lemma in _DEALS:
            return f"value of the {text}"  # "a $2bn takeover"
        if kind == "money" and lemma in _SIZED:
            return f"size of the {text}"  # "a multi-billion pound industry"
        if kind == "money" and noun.pos_ == "PROPN":
            return f"price of the {text}"  # "the $499 Macintosh": a named product
        if kind != "percent":
            return f"{measure} of the {text}"
        # "a 20% stake in the insurer", "a 5% pay rise": the noun is the measure
        holder = subject(noun.head) if noun.dep_ in ("obj", "dobj") else None
        return f"{compact_np(holder, skip)} {text}" if holder and _is_content(holder) else text
    before = verb_before(doc[span.start])
    nominal = head.i < root.i and head.pos_ in ("NOUN", "PROPN") and root.dep_.startswith("nmod")
    nominal = nominal and case_of(root) != "by"  # "raise its spending by £4bn": a change
    if nominal and kind == "money" and case_of(root) == "for" and head.pos_ == "NOUN":
        return f"price of {_counted_np(head, skip)}"  # "a gigabyte of storage for $149"
    if nominal and (before is None or before.i < head.i):
        return _noun_complement(head, root, skip)  # no verb between: "a profit of $3.36bn"
    if after is not None and after.tag_ in ("JJR", "RBR") and after.lower_ in COMPARED:
        # "sales were 8% higher", "shares closed 3.4% lower": a change in the subject
        what = subject(after) or subject(after.head)
        verb = verb_before(doc[span.start])
        costs = (
            verb is not None and verb.lemma_.lower() == "cost" and after.lower_ in ("more", "less")
        )
        if what is not None and _is_content(what) and costs:
            # "indoor bays can cost up to 250% more than outdoor ones": the extra cost
            extra = "extra" if after.lower_ == "more" else "lower"
            return f"{extra} cost of {noun_phrase(what, skip, det=False, right=True)}"
        if what is not None and _is_content(what):
            return f"{COMPARED[after.lower_]} in {noun_phrase(what, skip, det=False, right=True)}"
    if (left := left_with(root, skip)) is not None:
        return f"{left}{_possessive(left)} {measure}"  # "leaving ITV1 with about 13%": ITV1's share
    name = "money" if kind == "money" else measure
    if kind in ("percent", "fraction") and (ofwhich := of_which(root, skip)) is not None:
        name = f"share of {ofwhich}"  # "terminations, of which fewer than 1% were …"
    elif kind in ("percent", "fraction") and (earlier := group_before(span)) is not None:
        # "70% of businesses were no worse off, and another 18% felt better off": the
        # later share is of the same group
        name = f"share of {earlier}"
    if root.dep_ in ("nsubj", "nsubj:pass") and head.pos_ == "VERB" and not is_change(head):
        # "£5m was spent on the stadium", "62% trusted the BBC": what the amount did
        return _subject_amount(root, head, name, skip)
    if (after := verb_after(doc[span.end - 1])) is not None and not is_change(after):
        return _subject_amount(root, after, name, skip)  # parsed otherwise: "30% voted for"
    if head.pos_ in ("SYM", "NUM") and head.i < root.i and case_of(root) in ("on", "at"):
        # "the Tories are on 33%, with Labour on 36%": the name before "on" holds it
        held = doc[span.start - 2] if span.start >= 2 else None
        if held is not None and held.pos_ in ("NOUN", "PROPN") and held.idx not in skip:
            return compact_np(held, skip)
    return _verb_phrase(root, head, measure, skip, doc[span.start])


def _possessive(name: str) -> str:
    """The possessive ending a name takes: "the Greens" → "'", "Acme" → "'s"."""
    return "'" if name.endswith("s") else "'s"


def _plural(noun: Token) -> str:
    """ "household" → "households", "child" → "children"."""
    word = noun.text
    if noun.tag_ != "NN":
        return word
    irregular = {"child": "children", "person": "people", "man": "men", "woman": "women"}
    if word.lower() in irregular:
        return irregular[word.lower()]
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _subject_amount(root: Token, verb: Token, measure: str, skip: range) -> str:
    words = [measure, verb_words(verb)]  # "were carried out", "did not vote"
    if verb.dep_ == "case" and verb.head.i > verb.i and verb.head.pos_ in ("NOUN", "PROPN"):
        # "one household in three will be due to immigration": "due to" is a preposition
        fixed = [c.text for c in verb.children if c.dep_ == "fixed"]
        return " ".join([*words, *fixed, compact_np(verb.head, skip)])
    for c in verb.rights:
        if c.idx in skip or c.is_punct:
            continue
        bare = c.dep_ == "obl" and case_of(c) is None and c.pos_ == "NOUN"  # "24 weeks"
        if c.dep_.startswith(("obj", "dobj", "iobj", "obl")) and c.pos_ in ("NOUN", "PROPN"):
            if bare:
                continue
            words += [case_of(c) or "", compact_np(c, skip)]  # "spent on new stadium"
            break
        if c.dep_ in ("xcomp", "ccomp", "advcl"):
            words.append(phrase(list(c.subtree), skip, limit=4))
            break
        if c.pos_ == "INTJ" and c.i == verb.i + 1:
            words.append(c.text)  # "said yes", however the answer is attached
            break
    return " ".join(w for w in words if w)


def _noun_complement(head: Token, root: Token, skip: range) -> str | None:
    """ "a full-year profit of $3.36bn", "a fine of $9,000", "in the region of $45"."""
    by_average = head.lemma_.lower() in _AVERAGES and case_of(head) in ("by", "to", "at")
    if by_average or (
        head.lemma_.lower() in _IDIOM_NOUNS and case_of(head) in ("in", "to", "of", "at")
    ):
        # "rise by an average of 5%", "rose to an average of $3": as if "by 5%", "to $3"
        if head.head.pos_ in ("NOUN", "PROPN") and head.dep_.startswith("nmod"):
            return _noun_complement(head.head, root, skip)
        verb = head.head
        obj = next((c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i != head.i), None)
        if obj is not None:
            return noun_phrase(obj, skip, det=False)
        return _verb_phrase(head, verb, "cost", skip)
    text = noun_phrase(head, skip, det=False)
    verb = head.head
    if (goes_to := target(head, root, skip)) is not None:
        # "an addition of $92 to retirees' benefit", "an increase of $92 for the average
        # retiree": what the sum goes to says what it is, more than who reports it
        return f"{text} {goes_to}"
    if head.dep_ in ("obj", "dobj") and verb.lemma_.lower() in _EXPECTING:
        # "the bank expects growth of 2.5%": the bank's expectation, not its growth
        owner = subject(verb)
        if owner is not None and _is_content(owner):
            return f"{text} {compact_np(owner, skip)} {verb.text}"
        return text
    if head.dep_.startswith("obl") and case_of(head) in ("from", "to"):
        # "saw its share price fall from a high of 300p"
        obj = next((c for c in verb.children if c.dep_ in ("obj", "dobj")), None)
        if obj is not None and obj.i < head.i:
            return f"{compact_np(obj, skip)} {text}"
    if head.dep_ in ("obj", "dobj", "obl"):
        owner = subject(verb)
        measured = owner is not None and owner.pos_ == "NOUN"
        if measured and owner is not None and is_change(owner):
            # "its profit rise for the year included profits of $3.65bn": a change holds
            # the profits, its owner owns them (not "the price of crude remains …", a
            # price that does own what it says)
            return " ".join(w for w in (possessor(owner, skip), text) if w)
        if owner is not None and _is_content(owner):
            return f"{compact_np(owner, skip)} {text}"
        if owner is not None and (name := antecedent(owner)):
            return f"{name} {text}"  # "it posted a profit of £3m"
    return text


def _priced(noun: Token) -> str:
    """ "for $299" right after a quantity's "of" complement: the price that tells it apart
    from another quantity of the same thing in its sentence."""
    doc = noun.doc
    i = noun.i + 1
    if i + 2 >= len(doc) or doc[i].lower_ != "for" or doc[i + 1].pos_ != "SYM":
        return ""
    j = i + 2
    while j < len(doc) and (doc[j].text[:1].isdigit() or doc[j].lower_.rstrip(".") in SCALES):
        j += 1
    return doc[i:j].text if j > i + 2 else ""


def _counted_np(noun: Token, skip: range) -> str:
    """ "sold 300 shares for $5,000": what was bought or sold, with how many of it."""
    lefts = [c for c in noun.lefts if c.dep_ not in ("det", "case")]
    num = lefts[0] if lefts and lefts[0].dep_ == "nummod" and lefts[0].pos_ == "NUM" else None
    if num is None or any(t.idx in skip for t in num.subtree):
        return compact_np(noun, skip)
    count = "".join(t.text_with_ws for t in num.subtree)
    return count + compact_np(noun, skip)


def _comma_antecedent(rel: Token) -> Token | None:
    """ "the amount it set aside for reserves, which it set at £5m": a relative after a
    comma is on the noun right before the comma, whatever noun the parse hangs it on,
    unless that noun lies inside the parse's antecedent ("the amount of reserves, which")."""
    doc = rel.doc
    i = rel.i - 1
    if i < 1 or doc[i].text != "," or doc[i - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    noun = doc[i - 1]
    tok = noun
    while tok.dep_.startswith(("nmod", "compound", "amod", "flat", "appos", "conj")):
        tok = tok.head  # up through the noun phrase it ends
    return None if tok.i == rel.head.head.i else noun


def _pronoun_group(pron: Token, skip: range) -> str:
    """ "those who do not pay": a pronoun that a clause after it makes a group."""
    if pron.pos_ != "PRON" or not any(c.dep_.startswith("acl") for c in pron.rights):
        return ""
    text = phrase(list(pron.subtree), skip, limit=6)
    return pron.lower_ + text[len(pron.text) :] if text.startswith(pron.text) else text


def _is_content(tok: Token) -> bool:
    return tok.pos_ not in ("PRON", "DET", "NUM", "SYM") and tok.lower_ not in ("one", "each")


def _verb_phrase(
    root: Token, verb: Token, measure: str, skip: range, first: Token | None = None
) -> str | None:
    if root.dep_ not in _ARGS and not root.dep_.startswith(("obl", "nmod", "iobj")):
        verb = root
    case = case_of(root)
    if case == "by" and root.dep_.startswith("nmod"):
        # "raise its spending (on parks) by £4bn", the amount parsed under the object
        held = verb
        while held.dep_.startswith("nmod") and held.head.pos_ in ("NOUN", "PROPN"):
            held = held.head
        if held.dep_ in ("obj", "dobj") and is_change(held.head):
            verb = held.head
            skip = range(min(skip.start, root.left_edge.idx), skip.stop)
    before = verb_before(first) if first is not None else None
    if before is not None and verb.pos_ not in ("VERB", "AUX") and before.idx not in skip:
        # "sales jumped 35% last year" with the amount parsed under "year"
        verb, case = before, prep_before(first) if first is not None else None
    lemma = verb.lemma_.lower()
    change = CHANGE.get(lemma) or CHANGE.get(verb.lower_)
    obj = next(
        (
            c
            for c in verb.children
            if c.dep_ in ("obj", "dobj")
            and c.i != root.i
            and c.idx not in skip  # "£2.4m" parsed as two objects, "£" and "m"
            and c.lemma_.lower() not in TIME_NOUNS
        ),
        None,
    )  # "raise £1bn a year": the year is no object
    if lemma in TRANSITIVE and obj is None and case != "by" and root.i > verb.i:
        # "the charity raised £2.4m", "cut 2,300 jobs": the amount raised, not a change
        change = None
    what = clause_subject(verb)
    if change and verb.dep_ in ("advcl", "xcomp", "ccomp") and what is None:
        # "its division saw profits slump 27%", "said profit rose 8%" (parsed as the object
        # of "said"): what changed is the governing verb's object
        what = next((c for c in verb.head.children if c.dep_ in ("obj", "dobj")), None)
    rel_obj = next(
        (
            c
            for c in verb.children
            if c.dep_ in ("obj", "dobj")
            and (c.tag_ in ("WDT", "WP") or c.lower_ in ("which", "that"))
        ),
        None,
    )
    if rel_obj is not None and verb.dep_ == "acl:relcl":
        # "reserves, which it set at £5m"
        held = _comma_antecedent(rel_obj) or verb.head
        if case == "for" and measure == "cost":
            return f"price of {compact_np(held, skip)}"  # "the stake, which it sold for $8m"
        if lemma in ("cost", "price", "value"):
            return f"{lemma} of {compact_np(held, skip)}"
        return f"{compact_np(held, skip)} {verb.text}"
    if change and obj is not None and case == "by" and not any(t.like_num for t in obj.subtree):
        what = obj  # "reduce its debt by £500m", not "grow by 5.9% – 0.1 point lower …"
    if change and what is not None and what.idx not in skip:
        name = noun_phrase(what, skip, det=False, right=True)
        if what.pos_ == "PRON" and (meant := antecedent(what)):
            name = meant  # "the market fell; it rose by 20%": a rise in the market
        if case in ("to", "at"):
            return compact_np(what, skip)
        if case == "from":
            extra = [c for c in root.children if c.dep_ in ("advmod", "amod", "obl:unmarked")]
            tail = " ".join(phrase(list(c.subtree), skip) for c in extra[:1])
            return f"{compact_np(what, skip)} {tail}".strip()
        # "by an extra £4bn", "a further 5%": the figure's own qualifier
        amods = [c.text for c in root.lefts if c.dep_ == "amod" and c.is_alpha]
        return " ".join([*amods, f"{change} in {name}"])
    if case == "for" and measure == "cost":
        where = [
            c
            for c in verb.children
            if c.dep_ == "obl" and c.i > root.i and case_of(c) == "in" and c.pos_ == "PROPN"
        ]
        place = f" in {compact_np(where[0], skip)}" if where else ""
        if obj is not None:
            return f"price of {_counted_np(obj, skip)}{place}"
        if verb.dep_.startswith("acl") and verb.head.pos_ in ("NOUN", "PROPN", "SYM"):
            thing = modified_noun(verb.head, verb.head.idx) or verb.head
            return f"price of {compact_np(thing, skip)}{place}"
        if what is not None and _is_content(what):
            return f"price of {noun_phrase(what, skip, det=False, right=True)}{place}"
    if lemma in ("cost", "price", "value") and what is not None and _is_content(what):
        # "the deal costs £5m", "shares are priced at 120p", "which it valued at £90m"
        return f"{lemma} of {compact_np(what, skip)}"
    # "came in at £5m", "shares closed at 275p": a level too
    level = lemma in _LEVELS or (lemma in _LEVELS_AT and case in ("at", "to"))
    if level and what is not None and _is_content(what) and what.idx not in skip:
        return compact_np(what, skip)  # "inflation stood at 2.6%": a level is a copula
    if (what is None or what.idx in skip) and verb.i != root.i:
        what = verb  # "pledging £2m to the fund": the verb and its complement
    elif what is None or what.idx in skip:
        sent_root = root.sent.root
        what = subject(sent_root)
        if what is None or what.idx in skip:
            return None
        return f"{compact_np(what, skip)} {sent_root.text}"
    group = _pronoun_group(what, skip)
    if group and what.dep_ == "nsubj:pass" and (noun := _nominal(verb)):
        return f"{noun} for {group}"  # "those who do not pay may be fined £500"
    owner = short_np(what, skip) if _is_content(what) and what.i != verb.i else ""
    owner = owner or antecedent(what) or ""  # "it raised £2m": the company it stands for
    if verb.i == root.i:
        return owner or None
    if lemma in _HOLDING and measure == "share" and owner and root.dep_ in ("obj", "dobj"):
        # "IBM has 30%", "the party holds 35%": the holder's share, not "IBM has"
        holder = compact_np(what, skip) if _is_content(what) else owner
        return f"{holder}{_possessive(holder)} share"
    amods = [c.text for c in root.lefts if c.dep_ == "amod" and c.idx not in skip]
    # "set aside £200m", "paid back £5m": the particle is part of the verb
    particles = [
        c.text
        for c in verb.rights
        if c.i < root.i and (c.dep_ == "compound:prt" or c.lower_ in _PARTICLES)
    ]
    words: list[str] = [owner, " ".join([verb.text, *particles]), *amods]
    # the amount's own complement counts as the verb's: "announced £300m for schools"
    own = [c for c in root.children if c.dep_.startswith("nmod") and c.pos_ in ("NOUN", "PROPN")]
    rest = [
        c
        for c in sorted([*verb.children, *own], key=lambda t: t.i)
        if c.i > root.i
        and c.idx not in skip
        and (
            (
                c.dep_.startswith(("obl", "nmod"))
                and case_of(c) in ("to", "into", "for", "on", "in")
                and c.lemma_.lower() not in TIME_NOUNS
                and c.ent_type_ not in ("DATE", "TIME")
            )
            or (c.dep_ in ("advcl", "xcomp") and any(m.lower_ == "to" for m in c.lefts))
        )
    ]
    if rest:
        comp = rest[0]
        if comp.dep_.startswith(("obl", "nmod")):
            words.append(f"{case_of(comp)} {compact_np(comp, skip)}")
        elif (noun := _nominal(verb)) is not None:
            # "Acme paid £24m to sign the striker" → "Acme payment to sign the striker"
            words[1] = noun
            words.append("to " + phrase(list(comp.subtree), skip, limit=4))
        else:
            # "set aside £200m to cover the cost": the purpose keeps its "to"
            words.append("to " + phrase(list(comp.subtree), skip, limit=4))
    if (noun := _nominal(verb)) and not (rest and rest[0].dep_ in ("advcl", "xcomp")):
        words[1] = noun  # "the UK pledged £960m to the fund" → "UK pledge to fund"
    offered = _OFFERED.get(verb.head.lemma_.lower()) if verb.dep_ == "xcomp" else None
    if offered and _nominal(verb) and verb.head.i < verb.i:
        # "Acme has offered to pay $40m to settle": a payment offered, not yet made
        words[1] = f"{words[1]} {offered}"
    return " ".join(w for w in words if w)
