"""What a count measures: "number of <noun>" and what its clause says about it.

- the counted noun with its modifiers, also those outside the figure's span
  ("an extra five hundred beds", "Acme's two new plants") and a coordinated
  noun ("300 tickets and programmes");
- the subject of a clause → its verb and first complement ("workers went on
  strike", "homes flooded by the storm");
- a finite verb right after the counted noun has it as subject, whatever the
  parse says ("let millions of Americans get a booster"), with its complement
  rather than cut before it ("websites run forums with phpBB");
- a number word opening a name belongs to the noun ("10 Six Nations titles");
  "the last/past N" are the recent ones; the whole a part is taken of ("nine of
  the last 10 titles") takes no clause, which is the part's;
- a predicate with a preposition ("3,000 jobs are at risk") → that predicate;
- the object → what it does in a complement clause ("allowed 40,000 families
  to buy …"), else the subject ("it" as the company it stands for) and verb
  ("goals Adriano scored"), or the noun the verb complements ("plans to abolish");
- other complements of a verb → the verb's subject and the verb ("versions
  the new iPod comes in"), its object when it has one;
- the complement of a noun → that noun, a group holding them ("a coalition of
  12 charities" → "charities in the coalition"), a holder owning them ("holders
  of 5% of the shares" → "shares held");
- otherwise a short modifier to the right ("leaders of the unions");
- the agent of a passive does what the verb says ("people attending the
  march"); the object of a participle with no subject is what the action
  befalls ("…, killing 30 people" → "people killed"); of an infinitive, who
  wants or needs it done ("seats the party needs to win");
- a count per period keeps its period ("donations made every hour");
- a bare number taking part of a noun ("20 of the players") counts that noun;
- a group size written as a compound ("a 36-member panel") → "number of
  members in the panel";
- vague money ("millions of dollars of public money") → what it is of and
  the clause, not "number of dollars"; money a verb of reckoning puts on its
  subject ("costs are estimated in the billions") → that subject;
- a noun of an action done to the counted things ("the arrest of hundreds of
  workers", "the cancellation of 40% of flights") → "workers arrested", and
  "expected to be added" when it is what someone expects;
- "<change verb> by N <noun>" ("payrolls increased by 194,000 workers") → the
  change in what changed; a bare number of thousands a change or level verb
  says of its plural subject ("claims dropped 36,000 to 293,000") → the change
  in, number of, or threshold of that subject;
- an infinitive chain ("companies struggling to fill", "a move that could help
  protect") → who strives and the verbs as written; a causative verb ("led 12
  viewers to complain") → what it led them to do; "leaving N travellers
  stranded" → the state they are left in;
- the verb keeps its particle and negation ("set up", "no worse off").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from storyline.extract.figures_change import CHANGE
from storyline.extract.figures_np import (
    antecedent,
    compact_np,
    noun_phrase,
    number_head,
    phrase,
    subject,
)
from storyline.extract.figures_units import SCALES, TIME_NOUNS, parse_number
from storyline.nlp.lemmas import PAST_PARTICIPLES

__all__ = ["count_phrase", "past_participle", "share_context", "verb_words"]

_VAGUE = {"hundreds", "thousands", "millions", "billions", "trillions", "tens", "scores", "of"}


def _first_after_number(tokens: Span) -> int:
    last = -1
    for t in tokens:
        if _named(t):
            break  # "10 Six Nations titles": the name starts here
        if _numeric(t) or t.pos_ == "NUM" or t.lower_ in _VAGUE or t.lower_ in ("dozen", "dozens"):
            last = t.i
    return last + 1


def _numeric(tok: Token) -> bool:
    if tok.lower_ in SCALES and tok.i > 0:
        prev = tok.doc[tok.i - 1]
        if prev.like_num and not prev.whitespace_:
            return True  # "3m homes" split as "3" "m"
    return tok.like_num or parse_number(tok.text) is not None  # "twenty-five"


def _named(tok: Token) -> bool:
    """A number word that opens a name after the count: "Six" in "10 Six Nations titles"."""
    doc = tok.doc
    if not (tok.is_alpha and tok.text[:1].isupper() and tok.i > 0 and tok.i + 1 < len(doc)):
        return False
    if not _numeric(tok):
        return False  # "Six", not "New" in "300 New York bankers"
    nxt = doc[tok.i + 1]
    counted = doc[tok.i - 1].like_num or doc[tok.i - 1].lower_ in SCALES
    return counted and nxt.is_alpha and nxt.text[:1].isupper()


def _anchor(noun: Token, span: Span) -> Token:
    """The token carrying the count's relation in its clause: "millions" in "millions of people"."""
    tok = noun
    while tok.head.i != tok.i and span.start <= tok.head.i < span.end:
        tok = tok.head
    return tok


def _is_content(tok: Token) -> bool:
    return tok.pos_ not in ("PRON", "DET", "NUM") and tok.lower_ not in ("one", "each")


# nouns that only state how the count is taken: "a total of", "an average of"
_AMOUNTS = {
    "total", "average", "maximum", "minimum", "peak", "high", "low", "record", "aggregate",
}  # fmt: skip
# nouns of an action done to what they are "of": "the arrest of hundreds of workers" →
# the workers arrested, "the termination of 28% of flights" → the flights terminated
_DONE_TO = {
    "arrest": "arrested", "termination": "terminated", "addition": "added",
    "cancellation": "cancelled", "deportation": "deported", "evacuation": "evacuated",
    "release": "released", "dismissal": "dismissed", "removal": "removed",
    "detention": "detained", "killing": "killed", "rescue": "rescued", "hiring": "hired",
    "firing": "fired", "loss": "lost", "creation": "created", "elimination": "eliminated",
    "destruction": "destroyed", "displacement": "displaced", "deployment": "deployed",
    "recruitment": "recruited", "vaccination": "vaccinated", "sale": "sold",
    "purchase": "bought", "delivery": "delivered", "closure": "closed",
    "execution": "executed", "expulsion": "expelled", "abduction": "abducted",
    "kidnapping": "kidnapped", "capture": "captured", "withdrawal": "withdrawn",
    "relocation": "relocated", "layoff": "laid off", "shedding": "shed",
}  # fmt: skip
# verbs whose object is a figure foreseen, not done: "expecting the addition of 500,000 jobs"
_FORESEEING = {"expect", "predict", "forecast", "project", "anticipate", "foresee", "estimate"}
_ORDERING = {"last", "first", "next", "past", "previous", "final", "latest", "recent"}
_RECENT = {"last", "past", "latest", "recent"}
# a part taken of a count: "nine of the last 10 titles", "most of the 300 staff"
_PARTS = {"most", "some", "all", "none", "many", "half", "few", "each", "both", "one"}
# groups made of what they count: "a coalition of 12 charities", "a shortlist of six films"
_GROUPS = {
    "coalition", "alliance", "consortium", "group", "team", "squad", "panel", "committee",
    "board", "list", "shortlist", "delegation", "crew", "network", "federation", "league",
    "union", "fleet", "portfolio", "collection", "selection", "field", "cast", "line-up",
}  # fmt: skip
# verbs that say what a group is made of: "the panel will consist of five judges"
_CONSISTING = {"consist", "comprise"}
# who holds what a share or count is of: "holders of 5% of the shares" → the shares held
_HOLDERS = {
    "holder": "held", "owner": "owned", "producer": "produced", "exporter": "exported",
    "importer": "imported", "consumer": "consumed", "buyer": "bought", "seller": "sold",
}  # fmt: skip
# verbs that bring their object to do something: "led 12 viewers to complain" (not "axe
# 120 posts to save £4m", a purpose)
_CAUSING = {
    "lead", "prompt", "cause", "force", "drive", "push", "persuade", "encourage", "inspire",
    "urge", "ask", "tell", "order", "compel", "move", "spur",
}  # fmt: skip
_LIGHT = {"be", "have", "include", "contain", "exist"}
# verbs that report or compare a figure say nothing about what it counts
_REPORTING = {
    "say", "show", "find", "suggest", "estimate", "reveal", "report", "indicate", "claim",
    "believe", "think", "compare", "predict", "forecast", "expect", "calculate",
}  # fmt: skip
_PLACES = {"in", "at", "on", "across", "throughout", "from", "outside", "inside", "near"}
_TEMPORAL = {"after", "before", "since", "until", "during", "following", "despite", "among"}


def count_phrase(span: Span, skip: range, money: bool = False) -> str | None:
    """ "number of <noun>" with what the sentence says about it: "goals Adriano scored".

    For vague money ("millions of pounds of lottery money") the counted noun is the
    currency, so the phrase is what the money is of and the clause around it.
    """
    if len(span) == 1 and "-" in span[0].text and span.end < len(span.doc):
        return _group_phrase(span, skip)
    # "10 Six Nations titles": the number words of a name are the noun's
    name = next((t.i for t in span if _named(t)), span.end)
    rest = [t for t in span if t.pos_ not in ("NUM", "DET", "ADP") or t.i >= name]
    rest = [t for t in rest if t.lower_ not in _VAGUE or t.i >= name]
    rest = [t for t in rest if t.i >= name or not (_numeric(t) or t.lower_ in ("dozen", "dozens"))]
    kept = [t for t in rest if t.i >= _first_after_number(span)]
    # "100 or more employees": the bound is no modifier of the noun
    kept = [t for t in kept if t.dep_ != "cc" and t.lower_ not in ("more", "fewer", "less")]
    if not kept:
        # "20 of the stations": the span is the number, the noun its "of" complement
        whole = [c for c in span.root.rights if c.dep_.startswith("nmod") and _case(c) == "of"]
        if not whole:
            return _implied_phrase(span, skip)
        noun = whole[0]
        words = [compact_np(noun, skip), _context(span.root, noun, skip)]
        return "number of " + " ".join(w for w in words if w)
    noun = kept[-1]
    outside = [
        t
        for c in noun.lefts
        if c.dep_ in ("amod", "nmod:poss") and c.i < span.start and c.pos_ != "PRON"
        if c.lower_ not in _ORDERING and (c.dep_ == "nmod:poss" or _determined(c))
        for t in c.subtree
        if t.i < span.start
    ]
    # "the last 10 titles", "the past five winners": the most recent ones
    recent = [
        c
        for c in noun.lefts
        if c.dep_ == "amod" and c.i < span.start and c.lower_ in _RECENT and _determined(c)
    ]
    before = " ".join(w for w in ("recent" if recent else "", phrase(outside, range(0))) if w)
    words = [before, phrase(kept, range(0))]
    conj = [
        c
        for c in noun.rights
        if c.dep_ == "conj"
        and c.pos_ == "NOUN"
        and c.is_alpha
        and c.i - noun.i <= 5
        and not any(t.like_num or t.pos_ == "SYM" for t in c.subtree)  # not "and £4m"
    ]
    if conj:
        words.append("and " + compact_np(conj[0], skip))
    anchor = _anchor(noun, span)
    amount = anchor.head.lemma_.lower() in _AMOUNTS and anchor.head.pos_ == "NOUN"
    if amount and anchor.dep_.startswith("nmod") and _case(anchor) == "of":
        anchor = anchor.head  # "watched by an average of 9 million people": on "average"
    if not money and (change := _changed_by(anchor, skip)) is not None:
        return change
    if money and (valued := _valued(anchor, skip)) is not None:
        return valued
    words.append(_context(anchor, noun, skip))
    if money:
        text = " ".join(w for w in words[2:] if w)
        return text.removeprefix("of ") if text.startswith("of ") else f"money {text}".strip()
    return "number of " + " ".join(w for w in words if w)


# verbs that put a figure on their subject: "costs are estimated in the billions of dollars"
_VALUING = {"estimate", "put", "value", "reckon", "calculate", "peg", "price", "assess"}


def _valued(anchor: Token, skip: range) -> str | None:
    """ "insurance costs are estimated in the tens of billions of dollars": vague money
    that a verb of reckoning puts on its subject is that subject."""
    verb = anchor.head
    if verb.lemma_.lower() not in _VALUING or _case(anchor) not in ("at", "in"):
        return None
    subj = subject(verb, control=False)
    if subj is None or not _is_content(subj) or subj.idx in skip:
        return None
    return compact_np(subj, skip)


def _implied_phrase(span: Span, skip: range) -> str | None:
    """ "claims dropped 36,000 to 293,000": a bare number counts the verb's subject; as
    the verb's object, or after "by", it is the size of the change ("drop in claims")."""
    head = number_head(span.root)
    verb = head.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if verb.pos_ != "VERB" or subj is None or subj.pos_ != "NOUN" or subj.idx in skip:
        return None
    what = noun_phrase(subj, skip, det=False, right=True)
    if any(c.dep_ == "compound" and c.lemma_.lower() in TIME_NOUNS for c in subj.lefts):
        what = subj.text  # "the first time claims have dipped": "time" is no modifier
    change = CHANGE.get(verb.lemma_.lower()) or CHANGE.get(verb.lower_)
    if change is not None and (head.dep_ in ("obj", "dobj") or _case(head) == "by"):
        return f"{change} in {what}"
    word = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    if word in ("below", "above", "under", "over"):
        return f"threshold {what} {verb.text} {word}"  # "claims dipped below 300,000"
    if verb.lemma_.lower() == "revise" and word in ("to", "from"):
        # "job gains were revised up to 366,000 from 235,000": the new and the old figure
        return f"{'revised' if word == 'to' else 'previously reported'} number of {what}"
    return f"number of {what}"


def _changed_by(anchor: Token, skip: range) -> str | None:
    """ "payrolls increased by 194,000 workers", "cut its staff by 300 people": a count
    after "by" is the size of a change in what the verb changed, its object or else
    its subject, not a number of things that took part."""
    verb = anchor.head
    change = CHANGE.get(verb.lemma_.lower()) or CHANGE.get(verb.lower_)
    if change is None or verb.pos_ != "VERB" or _case(anchor) != "by":
        return None
    if not anchor.dep_.startswith(("obl", "nmod")):
        return None
    objs = [
        c
        for c in verb.children
        if c.dep_ in ("obj", "dobj") and c.i < anchor.i and not any(t.like_num for t in c.subtree)
    ]
    what = objs[0] if objs else subject(verb)
    if what is None or not _is_content(what) or what.idx in skip:
        return None
    return f"{change} in {noun_phrase(what, skip, det=False)}"


def _group_phrase(span: Span, skip: range) -> str:
    """ "a 36-member panel" → "number of members in the panel"."""
    group = span.doc[span.end]
    while group.dep_ == "compound" and group.head.i > group.i:
        group = group.head
    part = span[0].text.split("-")[-1].lower()
    if part == "strong":  # "a 300-strong audience"
        return f"size of the {compact_np(group, skip)}"
    members = {"piece": "members", "man": "men", "woman": "women"}.get(part, part + "s")
    return f"number of {members} in the {compact_np(group, skip)}"


def _determined(adj: Token) -> bool:
    """ "an extra five million lives": an adjective before the number belongs to the noun
    when an article or possessor opens it (not "free seven reporters", a verb)."""
    return adj.i > 0 and adj.doc[adj.i - 1].dep_ in ("det", "nmod:poss", "case")


def _right_modifier(noun: Token, skip: range) -> str:
    """A short modifier after the noun: "on the night", "listed", "being made online"."""
    for c in noun.rights:
        near = c.i - noun.i <= 3 or c.left_edge.i == noun.i + 1  # "of taxpayers' cash"
        if c.dep_.startswith("nmod") and near and _case(c) == "of":
            return f"of {noun_phrase(c, skip)}"  # "leaders of the unions"
        timely = c.lemma_.lower() in TIME_NOUNS  # "in two hours" says when, not what
        # "at most", "at least": a bound on the figure, however parsed, not a modifier
        bound = c.tag_ in ("JJS", "RBS")
        close = c.i - noun.i <= 3 and _case(c) is not None
        if c.dep_.startswith("nmod") and close and not timely and not bound:
            return f"{_case(c)} {compact_np(c, skip)}"
        if c.dep_ == "acl" and c.i - noun.i <= 2:
            return phrase(list(c.subtree), skip, limit=6)
    return ""


def _predicate(adj: Token, skip: range) -> str:
    """An adjective said of a group, with its negation and complement up to a comma:
    "were not wealthy enough to retire" → "not wealthy enough to retire"."""
    words = [c for c in adj.lefts if c.dep_ == "advmod" and c.lower_ in _NEGATIONS]
    end = max(adj.right_edge.i, adj.i) + 1
    comma = next((t.i for t in adj.doc[adj.i : end] if t.text in (",", ";", "-")), end)
    return phrase([*words, *adj.doc[adj.i : comma]], skip, limit=6)


def _doing(verb: Token, skip: range) -> str:
    """What the counted things do: "websites run their forums and blogs with phpBB"
    → "run forums with phpBB", not cut before its complement; their own possessive
    and a coordinated object are left out."""
    dropped: set[int] = set()
    for c in verb.subtree:
        if c.dep_ == "nmod:poss" and c.pos_ == "PRON":
            dropped.add(c.i)
        if c.dep_ == "conj" and c.head.dep_ in ("obj", "dobj") and c.head.head.i == verb.i:
            dropped |= {t.i for t in c.subtree}
            dropped |= {t.i for t in c.lefts if t.dep_ == "cc"}
    end = max(verb.right_edge.i, verb.i) + 1
    # the clause ends at a comma: "had terminations last year, of which …" is another
    comma = next((t.i for t in verb.doc[verb.i : end] if t.text in (",", ";", "-")), end)
    clause = [t for t in verb.doc[verb.i : comma] if t.i not in dropped]
    return phrase(clause, skip, limit=8)


def _case(tok: Token) -> str | None:
    return next((c.lower_ for c in tok.lefts if c.dep_ == "case" and c.pos_ == "ADP"), None)


def _context(anchor: Token, noun: Token, skip: range, share: bool = False) -> str:
    verb = anchor.head
    dep = anchor.dep_
    right = _right_modifier(noun, skip)
    if not right and anchor.i != noun.i:
        # "millions of dollars of public money": what the money is of, on the number
        right = next(
            (
                f"of {noun_phrase(c, skip)}"
                for c in anchor.rights
                if c.dep_.startswith("nmod") and c.i > noun.i and _case(c) == "of"
            ),
            "",
        )
    doc = noun.doc
    nxt = doc[noun.right_edge.i + 1] if noun.right_edge.i + 1 < len(doc) else None
    finite = nxt is not None and nxt.tag_ in ("VB", "VBP", "VBZ", "VBD") and nxt.pos_ == "VERB"
    of = next((c for c in anchor.lefts if c.dep_ == "case" and c.lower_ == "of"), None)
    part = doc[of.i - 1] if of is not None and of.i > 0 else None
    if part is not None and (part.like_num or part.lower_ in _PARTS):
        return right  # "nine of the last 10 titles": the clause tells of the nine
    if finite and nxt is not None and _case(anchor) is None:  # not "a survey of 1,000 adults"
        # "let millions of Americans get a booster": a verb right after the counted
        # noun has it as subject, whatever the parse says
        if share:  # "16% of drivers wear seat belts": a share keeps the verb as written
            clause = list(doc[nxt.i : max(nxt.right_edge.i, nxt.i) + 1])
            return phrase(clause, skip, limit=5)
        return _doing(nxt, skip)
    if dep in ("nsubj", "nsubj:pass") and verb.i != anchor.i:
        if verb.pos_ in ("NOUN", "ADJ") and _case(verb) is not None:
            return f"{right} {_case(verb)} {verb.text}".strip()  # "3,000 jobs are at risk"
        if verb.pos_ == "ADJ":
            # "a third of those asked were happy with it": what is said of them, also
            # when the group has its own modifier
            return f"{right} {_predicate(verb, skip)}".strip()
        if verb.lemma_.lower() in _LIGHT or right:
            return right
        objs = [
            c
            for c in verb.rights
            if c.dep_ in ("obj", "obl", "xcomp", "obl:agent")
            and c.pos_ != "NUM"  # "saved by 2015": a time says when, not what
            and c.ent_type_ not in ("DATE", "TIME")
            and c.lemma_.lower() not in TIME_NOUNS
        ]
        tail = ""
        if objs and objs[0].pos_ in ("NOUN", "PROPN"):
            case = _case(objs[0])
            tail = f"{case or ''} {compact_np(objs[0], skip)}".strip()
        elif objs:
            tail = phrase(list(objs[0].subtree), skip, limit=4)
            if objs[0].dep_ == "xcomp" and any(c.lower_ == "to" for c in objs[0].lefts):
                tail = f"to {tail}"  # "expected to attend the rally"
        return " ".join(w for w in (verb_words(verb), tail, _period(verb)) if w)
    if dep in ("obj", "dobj", "obl") and verb.lemma_.lower() in _REPORTING:
        return right  # "figures showed 60% of viewers …", "he said 111 of the bodies …"
    if dep in ("obj", "dobj") and (shared := _shared_object(verb, right, skip)) is not None:
        return shared
    if dep in ("obj", "dobj"):
        small = [c for c in verb.rights if c.dep_ in ("xcomp", "ccomp") and c.i > anchor.i]
        if small and small[0].pos_ == "VERB":
            # "let 2 million workers claim a refund": what the counted things do
            return f"{right} {phrase(list(small[0].subtree), skip, limit=5)}".strip()
        led = [
            c
            for c in verb.rights
            if c.dep_ == "advcl"
            and verb.lemma_.lower() in _CAUSING
            and c.pos_ == "VERB"
            and any(m.lower_ == "to" and m.i == anchor.right_edge.i + 1 for m in c.lefts)
        ]
        if led:
            # "a performance led 12 viewers to complain": what the verb brought them to do
            return f"{right} {verb.text} to {led[0].text}".strip()
        subj = subject(verb, control=False)
        marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
        done = not marks or marks == ["by"]  # not "hopeful of winning two games"
        if verb.tag_ == "VBG" and subj is None and done and verb.lemma_.isalpha():
            # "…, killing 30 people", "a mandate covering 80 million workers", "by cutting
            # 300 jobs": the things the action befalls
            # "leaving thousands of travelers stranded": the state they are left in
            state = [
                c.text
                for c in verb.rights
                if c.dep_ == "xcomp" and c.i > anchor.i and c.pos_ == "ADJ" and c.is_alpha
            ]
            befallen = past_participle(verb.lemma_.lower())
            return " ".join(w for w in (right, befallen, *state[:1]) if w)
        # a place or other complement after the object reads after the verb, wherever
        # the parse hangs it: "jobs Zenith Motors cut in Ohio", but "leaders of the unions"
        place = right.split(" ", 1)[0] in _PLACES
        owned, after = ("", right) if place else (right, "")
        if subj is not None and _is_content(subj) and subj.idx not in skip:
            return f"{owned} {compact_np(subj, skip)} {verb_words(verb)} {after}".strip()
        if subj is not None and (name := antecedent(subj)):
            return f"{owned} {name} {verb.text} {after}".strip()  # "it cut 300 jobs"
        if (
            verb.dep_ == "xcomp"
            and verb.head.pos_ == "VERB"
            and verb.head.lemma_.lower() in _GOALS
            and not any(c.dep_ in ("obj", "iobj") for c in verb.head.children)
            and any(c.lower_ == "to" for c in verb.lefts)
        ):
            # "the party needs to win 60 seats": who needs to win them (a goal of the
            # subject's own; not "press Orlesia to free seven reporters", whose doer is
            # the object, nor "refused to release five journalists", no goal at all)
            boss = subject(verb.head, control=False)
            who = compact_np(boss, skip) if boss is not None and _is_content(boss) else ""
            if boss is not None and not who:
                who = antecedent(boss) or ""
            words = (owned, who, verb.head.text, "to", verb.text, after)
            return " ".join(w for w in words if w)
        to = any(c.lower_ == "to" for c in verb.lefts)
        effort = verb.head.lemma_.lower() in _EFFORT or (verb.head.lemma_.lower() == "help")
        if (
            verb.dep_ == "xcomp"
            and verb.head.pos_ == "VERB"
            and effort
            and (to or verb.head.lemma_.lower() == "help")
            and not any(c.dep_ in ("obj", "iobj") for c in verb.head.children)
        ):
            # "companies struggling to fill millions of jobs", "a move that could help
            # protect 28 million people": who strives for it, and the verbs as written
            boss = subject(verb.head, control=False)
            who = compact_np(boss, skip) if boss is not None and _is_content(boss) else ""
            if who and boss is not None and boss.tag_ == "NN" and boss.i < verb.head.i:
                who = f"the {who}"  # "the move could help protect", a common noun
            modal = [c.text for c in verb.head.lefts if c.dep_ == "aux" and c.tag_ == "MD"]
            chain = [owned, who, *modal, verb.head.text, "to" if to else "", verb.text, after]
            return " ".join(w for w in chain if w)
        infinitive = to
        on_noun = verb.dep_.startswith("acl") or (verb.dep_ == "xcomp" and infinitive)
        if on_noun and verb.head.pos_ in ("NOUN", "PROPN"):
            # "plans to abolish", "plans to create 500 jobs in the region", also when
            # parsed as a complement ("Plans to abolish 162 quangos have been …"); a
            # finite verb hung on a noun has it as subject ("a search produced 40 hits")
            finite = verb.tag_ in ("VBD", "VBZ", "VBP") and not infinitive
            does = verb.text if finite else f"to {verb.text}"
            return " ".join(w for w in (owned, verb.head.text, does, after) if w)
        if right.split(" ", 1)[0] in ("for", "to", "from", "with"):
            # "he filmed two songs for the show": what was done, not only for whom
            return f"{verb.text} {right}"
        return right or _who(noun, skip) or verb.text
    if dep.startswith("obl") and _case(anchor) not in _TEMPORAL:
        obj = next((c for c in verb.children if c.dep_ in ("obj", "dobj")), None)
        if obj is not None and obj.i < anchor.i:
            return f"{right} {verb.text} {compact_np(obj, skip)}".strip()
        subj = subject(verb, control=False)
        agent = dep == "obl:agent" or (_case(anchor) == "by" and verb.tag_ == "VBN")
        if agent and verb.pos_ == "VERB" and verb.lemma_.isalpha():
            # "the march was attended by 5,000 people": the people attended the march
            what = compact_np(subj, skip) if subj is not None and _is_content(subj) else ""
            return " ".join(w for w in (right, _gerund(verb.lemma_.lower()), what) if w)
        whole = subj is not None and _is_content(subj) and subj.idx not in skip
        if whole and subj is not None and verb.lemma_.lower() in _CONSISTING:
            # "the panel will consist of five judges": the judges in the panel
            return f"{right} in the {compact_np(subj, skip)}".strip()
        if subj is not None and _is_content(subj) and subj.idx not in skip:
            return f"{right} {compact_np(subj, skip)} {verb_words(verb)}".strip()
        return f"{right} {verb_words(verb)}".strip()
    if dep.startswith("nmod") and verb.pos_ in ("NOUN", "PROPN") and verb.i < anchor.i:
        if _case(anchor) not in (None, "of"):
            return right  # "no dissents in the two cases": the cases hold the dissents
        if verb.lemma_.lower() in _AMOUNTS and verb.head.i != verb.i:
            # "an aggregate of 49.2% of voters surveyed disapproved": the clause is on
            # the amount noun, which only says how the figure is taken
            return _context(verb, noun, skip, share)
        if (action := _DONE_TO.get(verb.lemma_.lower())) is not None and _case(anchor) == "of":
            # "the simultaneous arrest of hundreds of workers" → "workers arrested";
            # "expecting the addition of 500,000 jobs" → "jobs expected to be added"
            foreseen = verb.dep_ in ("obj", "dobj") and verb.head.lemma_.lower() in _FORESEEING
            return " ".join(w for w in (right, "expected to be" if foreseen else "", action) if w)
        if _case(verb) is not None and all(
            c.dep_ == "case" or c.i == anchor.i for c in verb.children
        ):
            return right  # "in front of 80,000 fans", "on behalf of": a preposition
        if (held := _HOLDERS.get(verb.lemma_.lower())) is not None:
            return f"{right} {held}".strip()  # "owners of 300 homes": the homes owned
        if verb.lemma_.lower() in _GROUPS:
            # "a coalition of 12 charities": the charities in the coalition
            group = compact_np(verb, skip)
            the = "" if "'" in group or "\u2019" in group else "the "
            return f"{right} in {the}{group}".strip()
        return f"{right} {compact_np(verb, skip)}".strip()  # "a coalition of 12 charities"
    return right


# verbs whose infinitive complement is the subject's own aim or need: "the seats the party
# needs to win", "the jobs it plans to cut"
_GOALS = frozenset(
    [
        "need",
        "want",
        "hope",
        "plan",
        "aim",
        "seek",
        "try",
        "intend",
        "expect",
        "wish",
        "mean",
        "strive",
        "have",
    ]
)

# verbs of striving whose infinitive complement is their subject's effort: "companies
# struggling to fill millions of jobs"
_EFFORT = frozenset(
    ["struggle", "fight", "scramble", "rush", "race", "battle", "work", "manage", "fail", "hurry"]
)

# past participles that do not end in "-ed": the lemmatizer's table of irregular verbs,
# with "got" as news writes it
_IRREGULAR = {**PAST_PARTICIPLES, "be": "been", "get": "got"}


def past_participle(lemma: str) -> str:
    """ "kill" → "killed", "cover" → "covered", "leave" → "left", "stop" → "stopped"."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + lemma[-1] + "ed" if _doubles(lemma) else lemma + "ed"


def _doubles(lemma: str) -> bool:
    """A one-syllable word ending consonant-vowel-consonant doubles its last letter."""
    vowels = "aeiou"
    syllables = sum(
        1 for k, ch in enumerate(lemma) if ch in vowels and (k == 0 or lemma[k - 1] not in vowels)
    )
    return (
        syllables == 1
        and len(lemma) >= 3
        and lemma[-1] not in vowels + "wxy"
        and lemma[-2] in vowels
        and lemma[-3] not in vowels
    )


def _gerund(lemma: str) -> str:
    """ "attend" → "attending", "use" → "using", "die" → "dying", "hit" → "hitting"."""
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith(("ee", "oe", "ye")):
        return lemma[:-1] + "ing"
    return lemma + lemma[-1] + "ing" if _doubles(lemma) else lemma + "ing"


def _shared_object(verb: Token, right: str, skip: range) -> str | None:
    """ "proposals to merge or amalgamate the six regiments": the object of a second verb
    with no subject of its own is the first one's too, and the first says whose aim it is
    ("proposals to merge or amalgamate") or who does it ("Acme will buy or lease")."""
    first = verb.head
    cc = next((c.text for c in verb.lefts if c.dep_ == "cc"), None)
    if verb.dep_ != "conj" or first.pos_ != "VERB" or first.i + 2 != verb.i or cc is None:
        return None  # only side by side: "merge or amalgamate the regiments"
    if any(c.dep_.startswith("nsubj") for c in verb.children):
        return None
    if any(c.dep_ in ("obj", "dobj") for c in first.children):
        return None  # "cut 300 jobs and closed two plants": two objects, two actions
    both = f"{first.text} {cc} {verb.text}"
    to = any(c.lower_ == "to" for c in first.lefts)
    if first.dep_.startswith(("acl", "xcomp")) and to and first.head.pos_ == "NOUN":
        return " ".join(w for w in (right, first.head.text, "to", both) if w)
    subj = subject(first, control=False)
    if subj is not None and _is_content(subj) and subj.idx not in skip:
        return " ".join(w for w in (right, compact_np(subj, skip), both) if w)
    return None


def _who(noun: Token, skip: range) -> str:
    """ "sue to unseat two members who defected to the new party": a "who" clause right
    after the counted noun says which ones, when their own verb says little."""
    doc = noun.doc
    if noun.i + 1 >= len(doc) or doc[noun.i + 1].lower_ != "who":
        return ""
    clause = next((c for c in noun.rights if c.dep_ == "acl:relcl" and c.i - noun.i <= 3), None)
    return phrase(list(clause.subtree), skip, limit=8) if clause is not None else ""


def verb_words(verb: Token) -> str:
    """The verb with its negation and particle: "had been set up" → "set up", "were no
    worse off" → "no worse off", not "set", "worse", whose meaning is another."""
    words = [c.text for c in verb.lefts if c.dep_ == "advmod" and c.lower_ in _NEGATIONS]
    words.append(verb.text)
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if (
        nxt is not None
        and nxt.head.i == verb.i
        and (nxt.dep_ == "compound:prt" or nxt.tag_ == "RP")
    ):
        words.append(nxt.text)
    return " ".join(words)


_NEGATIONS = {"not", "no", "never", "n't", "nowhere"}


def _period(verb: Token) -> str:
    """ "made every hour", "built each year": a count per period says its period."""
    for c in verb.rights:
        dets = [d for d in c.children if d.dep_ == "det"]
        if c.lemma_.lower() not in TIME_NOUNS or len(dets) != len(list(c.children)):
            continue
        if dets and dets[0].lower_ in ("every", "each", "per"):
            return f"{dets[0].lower_} {c.text}"
    return ""


def share_context(anchor: Token, noun: Token, skip: range) -> str:
    """What the clause says of the group a share is taken of, as for a count:
    "16% of women earn more than £50,000" → "earn more than £50,000"."""
    return _context(anchor, noun, skip, share=True)
