"""How a cue's words read: the speech-verb tests and parse fallbacks of quote extraction.

The parser errs often on news copy, so each step of :mod:`storyline.extract.quotes`
has a fallback read off the words, and those live here: a cue is also a speech
verb by its form ("tells" tagged as a noun, "noting" lemmatized as "not"); the
speaker is the subject of the cue, failing that the noun just before it; the
reported clause is everything after the cue to the end of its clause, past a
leading time or place ("said on Friday much of it was …"), or the clause before
"…, a former official said." (a speech noun with its source reports too, read
in :mod:`storyline.extract.quotes_nouns`: "Trump’s claim that …").

>>> from storyline.nlp.pipeline import load_nlp
>>> doc = load_nlp()("Analysts said on Friday much of the deal could collapse.")
>>> [t.text for t in _reported_clause(doc[1]) or ()]
['much', 'of', 'the', 'deal', 'could', 'collapse']
"""

from __future__ import annotations

from typing import Any

from storyline.extract.quotes_cues import SPEECH_VERBS, no_saying

_NOT_SPEAKERS = {"DATE", "TIME"}
# Entity types of names that speak, whatever part of speech the tagger gave them.
_NAMED = {"PER", "ORG"}
_FEMALE = {"she", "her", "hers", "herself"}
_MALE = {"he", "him", "his", "himself"}
# Forms the tagger sometimes takes for nouns in headline-like sentences
# ("Melania Trump tells supporters …") but which are verbs in news copy.
_SAY_FORMS = {"said", "says", "told", "tells"}
# Words a cue may stand after its subject with ("Smith also said", "Smith has said").
_BETWEEN = {"ADV", "AUX", "PART"}
_PERSONAL = _MALE | _FEMALE | {"they", "we", "i", "you"}
# Speech verbs with common other senses: cues of indirect speech only with a clause
# ("countered that …", not "ways to counter Iran").
_CLAUSE_ONLY = {"continue", "maintain", "counter"}
# Conjunctions of a clause that says when or how something was said, not what.
_CIRCUMSTANCE = {"when", "after", "as", "while", "before", "since", "until", "once"}
# Conjunctions that set a clause against the report: ", while others say …".
_CONTRAST = {"while", "whereas", "though", "although"}
# "said on Fox News": a place, where "called for", "pointed to" take a phrase.
_SAY = {"say", "tell", "add", "write"}
_PRONOUNS = _PERSONAL | {
    "it",
    "this",
    "that",
    "these",
    "those",
    "who",
    "which",
    "what",
    "one",
    "some",
    "many",
    "others",
    "most",
    "all",
    "few",
    "anyone",
    "everyone",
    "someone",
    "somebody",
    "nobody",
    "everybody",
    "anybody",
    "each",
    "both",
    "none",
    "me",
    "us",
    "them",
    "itself",
    "themselves",
    "yourself",
    "myself",
    "ourselves",
}
_CLAUSE_DEPS = {"ccomp", "obl", "advcl", "xcomp", "nsubj", "conj"}
_NAME_POS = {"PROPN", "NOUN", "ADJ", "DET"}
_OPEN = {"“", '"', "''"}
_CLOSE = {"”", '"', "''"}


def _pronoun(tok: Any) -> bool:
    """A pronoun, not a name the tagger took for one ("Hewitt said")."""
    return bool(tok.pos_ == "PRON" and (tok.lower_ in _PRONOUNS or not tok.ent_type_))


def _is_cue(tok: Any) -> bool:
    if tok.lower_ in _SAY_FORMS and tok.pos_ != "PROPN":
        return True
    if _verb_read_as_noun(tok):
        return True
    interjection = tok.pos_ not in ("PROPN", "NOUN", "VERB", "AUX") or (tok.tag_ == "UH")
    if tok.lower_ == "say" and interjection and tok.i > 0:
        # "About 4 in 10 say …", which the tagger reads as an interjection (or a noun)
        before = tok.doc[tok.i - 1]
        return (
            before.pos_ in ("NUM", "NOUN", "PROPN", "PRON")
            or before.text == ","
            or before.lower_ in ("half", "third", "thirds", "quarter", "quarters")
        )
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


def _verb_read_as_noun(tok: Any) -> bool:
    """A speech verb's "-s" form the tagger read as a noun, between its subject and
    what it reports: "Pew notes that …", "the lawsuit contends that …", "Cruz
    describes himself as …"; not "his notes", "the claims that …" (a determiner or
    possessive before) nor "claims of fraud" (a preposition after)."""
    word = tok.lower_
    if tok.pos_ != "NOUN" or not word.endswith("s") or tok.i == 0 or tok.i + 1 >= len(tok.doc):
        return False
    if not any(stem in SPEECH_VERBS for stem in (word[:-1], word[:-2], word[:-3] + "y")):
        return False
    doc = tok.doc
    before, after = doc[tok.i - 1], doc[tok.i + 1]
    # a name, a pronoun or a noun with its determiner ("the lawsuit"), not a noun
    # in a compound ("police reports", "swing states")
    named = before.pos_ == "PROPN" or before.lower_ in _PERSONAL
    headed = before.pos_ == "NOUN" and any(
        t.pos_ == "DET" for t in doc[max(0, before.i - 3) : before.i]
    )
    if not (named or headed) or before.tag_ in ("PRP$", "POS"):
        return False
    if after.lower_ == "that":  # not "news reports that question …": a relative clause
        return tok.i + 2 < len(doc) and doc[tok.i + 2].pos_ not in ("VERB", "AUX")
    return after.lower_ in ("whether", "how", "why") or after.pos_ in ("PRON", "DET", "PROPN")


def _says(tok: Any) -> bool:
    """A speech verb by its word form, whatever the tagger made of it."""
    if tok.pos_ in ("PROPN", "ADP", "DET", "PRON") or tok.is_punct:
        return False
    if _is_cue(tok):
        return True
    word = tok.lower_  # "tweeted" read as an adjective, "adds" as a noun
    stems = (word[:-1], word[:-2], word[:-2] + "e", word[:-3])  # "quipped" -> "quip"
    return word.endswith(("s", "ed")) and any(stem in SPEECH_VERBS for stem in stems)


def that_conjunct(tok: Any) -> bool:
    """Whether a verb opens a clause with "that" after a conjunction: the second
    complement of the cue before ("said A and that the committee would continue
    …"), not a report of its own, whatever its verb."""
    marks = [c for c in tok.children if c.dep_ == "mark" and c.i < tok.i]
    return bool(
        tok.dep_ == "conj"
        and marks
        and marks[0].lower_ == "that"
        and marks[0].i > 0
        and tok.doc[marks[0].i - 1].pos_ == "CCONJ"
    )


def _nominal(tok: Any) -> bool:
    """A word of a speaker's name or noun phrase ("Gov.", "John", "the", "spokesman",
    "one" in "said one former aide", a name whatever the tagger made of it)."""
    if tok.ent_type_ in _NOT_SPEAKERS:
        return False
    nominal = tok.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "NUM") or tok.lower_ in _PERSONAL
    return bool(nominal or (tok.ent_type_ in _NAMED and not tok.is_punct))


def _blank(tok: Any) -> bool:
    """Whitespace, including the no-break spaces the tagger may call a proper noun."""
    return not tok.text.strip()


def _left_subject(cue: Any) -> Any | None:
    """The noun right before a cue the parser left with no subject ("Issa said, …")."""
    i = cue.i - 1
    while i >= cue.sent.start and (
        (
            cue.doc[i].pos_ in _BETWEEN
            and cue.doc[i].lower_ != "not"
            and cue.doc[i].ent_type_ not in _NAMED  # "Issa said" with "Issa" read as an adverb
        )
        or cue.doc[i].dep_ in ("aux", "aux:pass")  # "had" in "Sanders had said" read as a verb
        or _blank(cue.doc[i])
    ):
        i -= 1
    if i < cue.sent.start:
        return None
    if cue.doc[i].text == ")":  # "Sen. John Kasich (R-OH) said": the name before the brackets
        opening = [t.i for t in cue.doc[max(cue.sent.start, i - 8) : i] if t.text == "("]
        if not opening or opening[-1] - 1 < cue.sent.start:
            return None
        i = opening[-1] - 1
    if cue.doc[i].text == ",":  # "Kasich, a Republican contender, predicted …"
        found = _before_aside(cue, i)
        if found is None:
            return None
        i = found
    tok = cue.doc[i]
    head = tok.head
    if (
        tok.dep_ == "nmod"
        and cue.sent.start <= head.i < tok.i
        and head.pos_ in ("NOUN", "PROPN", "NUM")
        and head.ent_type_ not in _NOT_SPEAKERS
    ):
        tok = head  # "Executives for Mondelez say", "4 in 10 say"
    counted = tok.pos_ == "NUM" or tok.ent_type_ == "PERCENT"  # "67 percent say"
    named = tok.ent_type_ in _NAMED and not tok.is_punct  # "Issa" read as an adverb
    nominal = tok.pos_ in ("PROPN", "NOUN") or tok.lower_ in _PERSONAL
    if not (nominal or counted or named):
        return None
    if tok.ent_type_ in _NOT_SPEAKERS or tok.dep_ == "nmod:poss":
        return None
    cases = [c.lower_ for c in tok.children if c.dep_ == "case"]
    if cases == ["with"] and cue.tag_ == "VBG":
        return tok  # "with 47 percent of voters saying …": the one saying it
    if cases or tok.head.dep_ == "case":
        return None  # the object of a preposition ("in Iowa said")
    return tok


def _before_aside(cue: Any, comma: int) -> int | None:
    """The last word before an aside that ends at ``comma`` right before the cue.

    The nearest comma within a dozen words opens it ("Kasich, a Republican
    contender, predicted"); farther back only one after a name does ("Pete Seat,
    an Indiana GOP consultant whose firm was recently retained by …, said",
    "Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said").
    """
    doc, start = cue.doc, int(cue.sent.start)
    commas: list[int] = [t.i for t in doc[max(start, comma - 30) : comma] if t.text == ","]
    for k, c in enumerate(reversed(commas)):
        j = c - 1
        if doc[j].text == ")":
            opening: list[int] = [t.i for t in doc[max(start, j - 8) : j] if t.text == "("]
            j = opening[-1] - 1 if opening else j
        if j < start:
            return None
        if k == 0 and comma - c <= 12:
            return j
        if doc[j].pos_ == "PROPN" or doc[j].ent_type_ in _NAMED:
            return j
    return None


def _subject(cue: Any) -> Any | None:
    if cue.lower_ == "according":
        if cue.dep_ == "case":
            return cue.head
        for t in cue.doc[cue.i + 1 : cue.i + 3]:
            if t.lower_ == "to":
                return _noun_after(t)
        return None
    marks = [c for c in cue.children if c.dep_ == "mark" and c.i < cue.i]
    if cue.dep_ == "advcl" and marks and not _speaker_subjects(cue):
        # "as Joel Pollak observed, the biggest winner was …", "after Trump, asked about
        # it, had said …" with the name hung on the main clause: the one between the
        # subordinator and the cue
        left = _left_subject(cue)
        if left is not None and left.i > marks[0].i:
            return left
    verb = cue
    for _ in range(3):
        subj = _speaker_subjects(verb, passive=verb is not cue and _timed(cue, verb))
        if verb is cue and cue.tag_ == "VBG" and _after_comma(cue) and cue.head.i != cue.i:
            # "told the hosts, adding …": the participle's subject is its head's
            subj = [c for c in subj if c.i > cue.i]
        # "those surveyed say" read as two subjects: the noun, not the participle
        subj = [c for c in subj if c.pos_ not in ("VERB", "AUX")] or subj
        if verb is not cue and not _in_quotes(cue):
            # "“Big cuts do not work,” Smith wrote" with "wrote" hung on "work" and
            # "Smith" read as its second subject: the quote's own does not write it
            subj = [c for c in subj if not _in_quotes(c)] or subj
        if subj:  # of two subjects ("“It’s over,” he said" misparsed), the one by the verb
            return min(subj, key=lambda c: abs(c.i - verb.i))
        shared = verb.dep_ in ("conj", "xcomp", "advcl", "acl") or (
            verb.tag_ == "VBG" and verb.dep_ in ("ccomp", "parataxis") and _after_comma(verb)
        )  # "she said, adding, …" with "adding" hung as a ccomp
        if shared and verb.head.i != verb.i:
            if verb is cue and verb.dep_ == "xcomp" and verb.tag_ == "VB":
                # "led her to declare", "was prompted to say": the one led speaks
                controller = [
                    c
                    for c in verb.head.children
                    if c.dep_ in ("obj", "nsubj:pass") and c.i < verb.i and _nominal(c)
                ]
                if controller and not _says(verb.head):
                    return controller[-1]
            verb = verb.head
            joined = cue.tag_ == "VBG" or (cue.dep_ == "conj" and verb.i == cue.head.i)
            if joined and verb.dep_ == "ccomp" and _says(verb.head) and not _says(verb):
                # "Sanders said the plan could be “messy,” adding, “…”" and "He said A
                # and said that B" with the second verb hung in the reported clause:
                # who adds is who said it
                verb = verb.head
        else:
            break
    found = _participle_subject(cue) or _left_subject(cue)
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


def _timed(cue: Any, verb: Any) -> bool:
    """A participle hung on ``verb`` ("was booed after telling …", "was filed …,
    alleging …"), whose speaker is the subject of ``verb``, passive or not; not
    one with a subject of its own ("with Trump and Cruz all calling for …")."""
    if cue.tag_ != "VBG" or cue.i < verb.i:
        return False
    return not any(t.lower_ == "with" for t in cue.doc[verb.i + 1 : cue.i])


def _speaker_subjects(verb: Any, passive: bool = False) -> list[Any]:
    """The subjects of ``verb`` that can speak: not a date, a blank or a dateline.

    With ``passive``, the subject of a passive too: the one a participle hung on
    the verb speaks of ("Smith was booed after telling them …")."""
    quoted = _in_quotes(verb)
    deps = ("nsubj", "nsubj:outer", "nsubj:pass") if passive else ("nsubj", "nsubj:outer")
    return [
        c
        for c in verb.children
        if c.dep_ in deps
        and c.ent_type_ not in _NOT_SPEAKERS
        and not _blank(c)
        and not _dateline(c)
        and (quoted or not _in_quotes(c))  # "“The risk,” said Leamer": not "The risk"
        # "“…,” Sarandon, 69, told MSNBC": who is told follows "told", never who tells
        and not (c.i > verb.i and verb.lemma_.lower() == "tell")
    ]


def _in_quotes(tok: Any) -> bool:
    """Whether ``tok`` stands between quotation marks in its paragraph."""
    text = tok.doc.text
    before = text[text.rfind("\n", 0, tok.idx) + 1 : tok.idx]
    doubled = before.count("''")  # ''…'' or ``…''
    opened = before.count("``") > doubled if "``" in before else doubled % 2
    return bool(before.count("“") > before.count("”") or before.count('"') % 2 or opened)


def _speaker_after(cue: Any, child: Any) -> bool:
    """Whether a subject of the cue standing after it is the speaker ("said Smith"),
    not the subject of the reported clause the parser hung on the cue when the
    speaker stands before it ("Zucker said CNN’s business “is so much broader”")."""
    if not child.dep_.startswith("nsubj") or child.i < cue.i:
        return False
    return not any(c.dep_.startswith("nsubj") and c.i < cue.i for c in cue.children)


def _participle_subject(cue: Any) -> Any | None:
    """The subject of the clause a speech participle hangs on, however parsed:
    "Trump shot back in a statement, saying …", "the town released a statement
    saying …"; the participle after a comma or on a noun has no subject of its own.
    On a name, the name speaks: "the ad shows footage of Clinton asking, “…”"."""
    if cue.tag_ != "VBG" or not (_after_comma(cue) or cue.dep_ == "acl"):
        return None
    name = cue.doc[cue.i - 1] if cue.i > 0 else cue
    if cue.dep_ == "acl" and name.ent_type_ == "PER":  # however the parser hung it
        return name.head if name.dep_ == "flat" else name
    for verb in cue.ancestors:
        subj = [c for c in _speaker_subjects(verb) if c.i < cue.i]
        if subj:
            return subj[-1]
    return None


def _noun_after(to: Any) -> Any | None:
    """The head of the noun phrase after "according to": "exit *polls*", "*polling* by …",
    past modifiers the tagger read as verbs or joined ("state corporate *records*",
    "complete but unofficial *returns*")."""
    head = None
    for tok in to.doc[to.i + 1 : min(len(to.doc), to.i + 8)]:
        if tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            head = tok
        elif head is None and tok.pos_ in ("VERB", "CCONJ"):
            continue
        elif tok.pos_ not in ("DET", "ADJ") and tok.text not in ("-", "’s", "'s"):
            break
    return head


def _dateline(tok: Any) -> bool:
    """A dateline the parser took for a subject: "WASHINGTON (AP) — Smith said …"."""
    return bool(tok.is_upper and len(tok.text) > 2 and tok.ent_type_ in ("LOC", "GPE"))


def _says_form(word: str) -> bool:
    """A third-person or past form of a speech verb: "says", "praises", "tweeted"."""
    if word in _SAY_FORMS:
        return True
    stems = (word[:-1], word[:-2], word[:-2] + "e", word[:-3])
    return word.endswith(("s", "ed")) and any(stem in SPEECH_VERBS for stem in stems)


def _lines(doc: Any) -> list[list[Any]]:
    """The tokens of each line of a document, whitespace tokens left out."""
    lines: list[list[Any]] = [[]]
    for tok in doc:
        if "\n" in tok.text:
            lines.append([])
        elif tok.text.strip():
            lines[-1].append(tok)
    return [line for line in lines if line]


def content_end_comma(content: str) -> bool:
    """Whether quoted content ends as attribution-bound speech does ("…,” he said)."""
    return content.rstrip().endswith((",", "?", "!", "—"))


def _around_partial(tok: Any, start: int, end: int) -> list[Any] | None:
    """The clause a cue reports around the partial quote it governs.

    From after the cue (and its listeners: "told reporters") to the end of
    the quote's sentence: "says “regardless of what the pundits say, it’s a
    two-man race” between Cruz and Trump"; with what stands before a
    parenthetical attribution ("If whites were moving his way, Cohn wrote, “…”").
    """
    span = tok.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    first = tok.i + 1
    for c in sorted(tok.children, key=lambda c: c.i):
        if tok.i < c.i < span[0].i and _speaker_after(tok, c):
            return None  # "said Smith": the speaker, not the report, follows
        if tok.i < c.i < span[0].i and c.dep_ in ("obj", "iobj") and tok.lemma_ == "tell":
            first = max(first, c.right_edge.i + 1)
        elif c.left_edge.i == first and c.right_edge.i < span[0].i and _modifier(c):
            first = c.right_edge.i + 1  # "said last week that …", "said on Friday …"
    sent = tok.sent
    last = span[-1].sent.end - 1
    main = tok.head.head  # "Reyes, who warned of “…,” then left": not "then left"
    if tok.dep_ in ("acl:relcl", "relcl") and main.i > span[-1].i and main.i != tok.head.i:
        last = min(
            [last, main.i - 1] + [c.left_edge.i - 1 for c in main.children if c.i > span[-1].i]
        )
    words = list(tok.doc[first : last + 1])
    subj = _subject(tok)
    if (
        subj is not None
        and sent.start < subj.left_edge.i - 1 < subj.i < tok.i
        and tok.doc[subj.left_edge.i - 1].text == ","
        and tok.i + 1 < len(tok.doc)
        and tok.doc[tok.i + 1].text == ","
    ):  # "A, Cohn wrote, “B”": the report is on both sides of the attribution
        words = list(tok.doc[sent.start : subj.left_edge.i - 1]) + words
    if any(t.i > span[-1].i and _is_cue(t) for t in words):
        return None  # a cue of its own after the quote: "…” between them, he said"
    return [t for t in words if not (t.is_punct or _blank(t))] or None


def _after_comma(tok: Any) -> bool:
    """Whether a comma (a closing mark between) stands right before ``tok``."""
    i = tok.i - 1
    while i > 0 and (tok.doc[i].text in _CLOSE | {"”"} or _blank(tok.doc[i])):
        i -= 1
    return bool(i >= 0 and tok.doc[i].text == ",")


def _reports(tok: Any) -> bool:
    """Whether a cue verb reports something of its own (for indirect speech).

    Not a participle naming a thing ("a program called Sandy", "the facts
    reported by the government") nor a passive, and verbs that have other
    senses ("continue to", "maintains a lead") only with a clause
    ("continued that …").
    """
    if (
        tok.dep_ in ("acl", "amod")
        and (
            tok.tag_ == "VBN"
            or (tok.tag_ == "VBD" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i)
        )
        and tok.head.dep_ not in ("ROOT", "nsubj")
        and not any(c.dep_ in ("ccomp", "nsubj") for c in tok.children)
        and not _after_apposition(tok)
    ):
        return False  # "leads a program called Sandy" (read as a past tense or not)
    if _naming(tok):
        return False  # "A new group called Black Votes Matter is …", "called to mind"
    if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in tok.children):
        return False
    if no_saying(tok):
        return False
    if tok.lemma_.lower() in _CLAUSE_ONLY:
        return any(c.dep_ == "ccomp" for c in tok.children)
    return True


def _after_apposition(tok: Any) -> bool:
    """Whether a past form stands right after the comma that closes an apposition:
    "Beruff, a Scott ally, called the standards “strong”" (the sentence's verb,
    which the parser hung on the apposition as a participle)."""
    doc = tok.doc
    active = tok.tag_ == "VBD" or (  # "a man, a father, accused of …" is a participle
        tok.tag_ == "VBN" and any(c.dep_ == "obj" for c in tok.children)
    )
    return bool(
        active
        and tok.head.dep_ == "appos"
        and tok.i > 0
        and doc[tok.i - 1].text == ","
        and tok.head.i < tok.i
    )


def _naming(tok: Any) -> bool:
    """ "a group called X" (even as the subject, however parsed), "the so-called X",
    "what he called X", "called off" or "called to mind": no report."""
    if tok.lemma_.lower() != "call":
        return False
    subj = [c for c in tok.children if c.dep_.startswith("nsubj") and c.i < tok.i]
    if subj and subj[0].left_edge.i > 0 and tok.doc[subj[0].left_edge.i - 1].lower_ == "what":
        return True  # "condemned what he called a “brazen breach”": the writer names a thing
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "to" and tok.doc[tok.i + 2 : tok.i + 3].text == "mind":
        return True
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if (prev is not None and prev.lower_ in ("so", "so-")) or (
        nxt is not None and nxt.lower_ == "off"
    ):
        return True
    return bool(
        (nxt is None or nxt.lower_ not in ("for", "on", "upon", "out"))
        and tok.tag_ in ("VBN", "VBD")
        and prev is not None
        and prev.pos_ == "NOUN"
        and (tok.dep_ in ("acl", "amod") or prev.tag_ == "NN")
        and not any(c.dep_.startswith("nsubj") or c.dep_ == "ccomp" for c in tok.children)
    )


def _called_on(tok: Any, part: Any) -> bool:
    """ "called on Sanders and Trump to do the same": a phrasal verb, not a place."""
    return bool(
        tok.lemma_ == "call"
        and part.dep_ == "obl"
        and tok.doc[part.left_edge.i].lower_ == "on"
        and part.left_edge.i == tok.i + 1
    )


def _reported_clause(tok: Any) -> list[Any] | None:
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
        if c.is_punct or _speaker_after(tok, c) or c.dep_ in ("compound:prt", "aux", "cc"):
            continue
        if any(k.lower_ == "according" for k in c.children):
            continue  # "said, according to a transcript": another attribution
        if any(k.dep_.startswith("nsubj") and k.lower_ in ("who", "which") for k in c.children):
            continue  # "told Annette, who answered her door": about the listener
        own = c.dep_ in ("conj", "parataxis", "advcl") or (
            c.tag_ == "VBG" and _after_comma(c)
        )  # "told the hosts, adding that …" with "adding" hung as a ccomp
        if own and _is_cue(c) and not that_conjunct(c):
            last = c.left_edge.i - 1
            break  # "said A, and Jones said B" / "said A, adding B": its own report
        parts.append(c)
    while (
        parts
        and _modifier(parts[0])
        and len(parts) > 1
        and not _called_on(tok, parts[0])
        and _past_time(parts[0].left_edge.i, parts[0].right_edge.i, tok.doc) == parts[0].left_edge.i
    ):
        parts.pop(0)  # "said on Friday (that) …", "told reporters in Iowa …"
    if tok.lemma_ == "tell" and len(parts) > 1 and parts[0].dep_ in ("obj", "iobj"):
        parts.pop(0)  # "told reporters that …": the listeners are not the content
    if not parts or (len(parts) == 1 and _modifier(parts[0])):
        return None
    # to the end of the cue's clause: the parser may hang the rest of the
    # reported clause anywhere under the cue
    # not the words before the cue the parser hung in the clause ("By double digits,
    # those surveyed say …"): they are read apart (:func:`with_words_before`)
    first = parts[0].left_edge.i if _aside(tok) else max(parts[0].left_edge.i, tok.i + 1)
    first = _subject_hung_before(tok, parts[0], first)
    lead = next((t for t in tok.doc[first:] if not (t.is_punct or t.is_space)), tok.doc[first])
    if lead.lower_ in _CIRCUMSTANCE and (lead.lower_ != "as" or lead.pos_ == "SCONJ"):
        return None  # "said, while arguing …": when it was said, however parsed
    if _called_on(tok, parts[0]):
        first += 1  # "called on Sanders to …": who is called on, not "on"
    first = _past_time(first, last, tok.doc)
    subj_after = [c for c in right if _speaker_after(tok, c) and c.i > first]
    if subj_after:  # "…, said Smith, a former aide": stop at the speaker
        last = min(last, subj_after[0].left_edge.i - 1)
    content = [t for t in tok.doc[first : last + 1] if not t.is_space and not t.is_punct]
    if not any(t.pos_ in ("VERB", "AUX") for t in content):
        return None  # "said this", "told reporters": no clause
    return content


def _subject_hung_before(cue: Any, clause: Any, first: int) -> int:
    """Where a reported clause with no subject of its own starts when the parser hung
    its subject on a word before the cue ("Pence said his running mate’s tweet was
    …" with "tweet" read as in apposition to "Pence"): right after the cue, when
    every word between is hung before the cue, with no punctuation."""
    between = cue.doc[cue.i + 1 : first]
    if not len(between) or clause.dep_ != "ccomp" or first != clause.left_edge.i:
        return first
    if any(c.dep_.startswith("nsubj") for c in clause.children):
        return first
    for t in between:
        top = t
        while cue.i < top.head.i < first and top.head.i != top.i:
            top = top.head
        if t.is_punct or top.head.i >= cue.i or top.i == top.head.i:
            return first
    return int(cue.i) + 1


def _past_time(first: int, last: int, doc: Any) -> int:
    """Where a reported clause starts past a leading time the parser hung inside it
    ("said on Friday much of the deal could collapse", with "on Friday" on "much"):
    the first word after "(on) Friday", or ``first`` when no time leads or it is
    all there is up to ``last`` or it is the clause's subject ("said Friday will …")."""
    i = first
    while i <= last and doc[i].pos_ == "ADP":
        i += 1
    j = i
    while j <= last and doc[j].ent_type_ in _NOT_SPEAKERS and not doc[j].is_punct:
        if doc[j].dep_.startswith(("nsubj", "csubj")):
            return first
        j += 1
    if j == i or j > last or doc[j].is_punct or doc[j].tag_ == "POS":
        return first
    if any(doc[k].head.i == j and doc[k].dep_ in ("compound", "amod", "flat") for k in range(i, j)):
        return first  # "Friday afternoon": one time
    return j


def _split_off(last: Any) -> list[Any]:
    """The rest of a clause the sentence splitter cut off: "says the NRA won't allow" +
    "“law-abiding gun owners to become scapegoats.”" (no full stop between them), or
    "says his “friend and colleague”" + "Marco Rubio ran …" (cut at a closing mark)."""
    doc = last.doc
    sent = last.sent
    if sent.end >= len(doc) or "\n" in doc[last.i : sent.end].text_with_ws:
        return []
    if any(not (t.is_punct or _blank(t)) for t in doc[last.i + 1 : sent.end]):
        return []  # the content does not run to the end of its sentence
    ending = [t for t in doc[last.i : sent.end] if not (_blank(t) or t.text in _CLOSE)]
    if ending[-1].text in (".", "!", "?", ":", ";"):
        return []
    head = next((t for t in doc[sent.end :] if not (t.is_punct or _blank(t))), None)
    if doc[sent.end].text not in _OPEN and not (
        (head is not None and head.is_lower) or doc[sent.end - 1].text in _CLOSE
    ):
        return []
    return [t for t in doc[sent.end].sent if not (t.is_punct or _blank(t))]


def _rest_of_sentence(tok: Any) -> list[Any] | None:
    """What follows "say" when the parser hung none of it on the verb: "and aides
    say the open affection … gives voters …", "the candidate said families …";
    what follows a speech verb the tagger read as a noun ("Cruz describes
    himself as …"); and the "that" clause after a participle ("…, adding that …").

    Only where a noun phrase or "that" opens it straight after the verb and
    a verb follows in it.
    """
    noun_read = _verb_read_as_noun(tok)  # "Pew notes that …" with "notes" a noun
    # "told the hosts, adding that …" with the "that" clause hung on "told"
    participle = tok.tag_ == "VBG" and _after_comma(tok)
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    # (", saying anybody who complains … “is not …”" with nothing hung on "saying")
    if participle and (nxt is None or nxt.lower_ != "that") and tok.lemma_.lower() != "say":
        return None
    if (tok.lemma_.lower() != "say" and not noun_read and not participle) or (
        tok.tag_ == "VBG" and not participle
    ):
        return None
    if not noun_read and any(c.i > tok.i and not c.is_punct for c in tok.children):
        return None
    sent = tok.sent
    if tok.i + 1 >= sent.end:
        return None
    first = tok.doc[tok.i + 1]
    if first.lower_ != "that" and first.pos_ not in ("DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ"):
        return None
    end = sent.end
    for a in () if noun_read else (tok, *tok.ancestors):
        if a.head.i > a.i:  # "Among those who said A, most backed B": not past the phrase
            end = min(end, a.right_edge.i + 1)
    words = [t for t in tok.doc[tok.i + 1 : end] if not (t.is_punct or _blank(t))]
    if len(words) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    return words


def _aside(tok: Any) -> bool:
    """Whether a cue and its subject stand in commas inside the sentence they report:
    "Biden, Rubio said, had been in the Senate for “a thousand years”" ("said then,")."""
    subj = _subject(tok)
    if subj is None or not 0 < tok.i - subj.i <= 3 or tok.i + 1 >= tok.sent.end:
        return False
    doc = tok.doc
    before = subj.left_edge.i
    while before < subj.i and doc[before].is_punct:
        before += 1  # the parser may hang the comma before the name on it
    before -= 1
    while before > tok.sent.start and subj.i - before <= 4 and doc[before].pos_ in _NAME_POS:
        before -= 1  # "Chief Justice Roberts" with "Roberts" the subject
    after = tok.i + 1
    if tok.doc[after].pos_ == "ADV" and after + 1 < tok.sent.end:
        after += 1
    return bool(
        before > tok.sent.start
        and tok.doc[before].text == ","
        and tok.doc[after].text == ","
        and after + 1 < tok.sent.end
    )


def _parenthetical(tok: Any) -> list[Any] | None:
    """The sentence around a cue set off by commas: "Recently, he said, he has …";
    not a participle ("…,” he said, adding, “…”"), which reports what follows."""
    if tok.tag_ == "VBG":
        return None
    sent = tok.sent
    commas = [t.i for t in sent if t.text == ","]
    before = [i for i in commas if tok.i - 8 <= i < tok.i]
    after = [i for i in commas if tok.i < i <= tok.i + 8]
    if tok.dep_ == "ROOT" or not before or not after:
        return None
    left, right = before[-1] + 1, after[0] - 1
    if any(t.is_punct for t in tok.doc[left:right]) or right - left > 8:
        return None
    rest = [t for t in sent if (t.i < left or t.i > right) and not (t.is_punct or t.is_space)]
    if len(rest) < 3 or rest[0].i > left or rest[-1].i < right:
        return None
    return list(tok.doc[rest[0].i : rest[-1].i + 1])


def _preceding_clause(tok: Any) -> list[Any] | None:
    """The clause before "…, a former official said." when the parse lost it.

    The speaker stands between a comma and the cue; what comes before the
    comma (and after a comma following the cue: "A, he said, B") is reported.
    """
    sent = tok.sent
    comma = next(
        (t for t in reversed(tok.doc[max(sent.start, tok.i - 12) : tok.i]) if t.is_punct),
        None,
    )
    if comma is None or comma.text != "," or comma.i - sent.start < 2:
        return None
    listeners = {  # "…, an official told The New York Times."
        t.i
        for c in tok.children
        if tok.lemma_.lower() == "tell" and c.dep_ in ("obj", "iobj") and c.i > tok.i
        for t in c.subtree
    }
    after = [t for t in tok.doc[tok.i + 1 : sent.end] if not t.is_space and t.i not in listeners]
    rest: list[Any] = []
    if after and after[0].text == ",":
        rest = [t for t in after[1:] if not t.is_punct]
    elif any(not t.is_punct and not _modifier(t.head if t.head.i > tok.i else t) for t in after):
        return None  # something other than a time or place follows the cue
    before = [t for t in tok.doc[sent.start : comma.i] if not t.is_space]
    between = tok.doc[comma.i + 1 : tok.i]
    if any(t.lower_ in _CIRCUMSTANCE for t in between) or any(_is_cue(t) for t in before):
        return None  # "Six in 10 say so, after half said so": not the report of this cue
    subjects = [c for c in tok.children if c.dep_.startswith("nsubj")]
    if subjects and all(c.i < comma.i for c in subjects):
        return None  # "Smith, a former aide who …, said": the speaker, not a clause
    if not any(t.pos_ in ("VERB", "AUX") for t in before + rest):
        return None  # "Sam Lau, the party's spokesman said …": a name, not a clause
    return before + rest


def _modifier(tok: Any) -> bool:
    """Whether a dependent of the cue is a time, place or manner, not a clause."""
    if tok.dep_ in ("obl:tmod", "nmod:tmod", "obl:npmod", "advmod", "obl:unmarked"):
        return True
    if tok.dep_ == "advcl" and not _is_cue(tok):
        # "said as he left", "said when asked", "said, clutching the lectern"
        marks = [c for c in tok.children if c.dep_ == "mark" and c.i < tok.i]
        if marks:
            return marks[0].lower_ in _CIRCUMSTANCE
        before = tok.doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
        return tok.tag_ == "VBG" and before is not None and before.text == ","
    sub = list(tok.subtree)
    if any(t.pos_ in ("VERB", "AUX") or t.dep_.startswith("nsubj") for t in sub):
        return False
    if tok.dep_ != "obl":
        return bool(tok.ent_type_ in _NOT_SPEAKERS)
    case = [c for c in tok.children if c.dep_ == "case"]
    return bool(tok.ent_type_ in _NOT_SPEAKERS) or (
        bool(case) and case[0].lower_ in ("in", "at", "during", "on", "after", "before", "from")
    )


def _object_content(tok: Any) -> list[Any] | None:
    """What "accused Cruz of …", "announced a plan to …" report: all after the verb."""
    parts = [
        c
        for c in tok.children
        if c.i > tok.i and c.dep_ in ("obj", "xcomp", "obl", "advcl", "iobj")
    ]
    if not parts:
        return None
    first = parts[0]
    phrasal = (
        first.dep_ == "obl"
        and tok.lemma_.lower() not in _SAY
        and any(
            c.dep_ == "case" and c.lower_ in ("for", "to", "on") and c.i == first.left_edge.i
            for c in first.children
        )
    )  # "called for his dismissal", "point to the case"
    if first.dep_ not in ("obj", "xcomp", "iobj") and not phrasal:
        return None
    if len(parts) == 1 and first.pos_ == "PRON" and first.n_lefts + first.n_rights == 0:
        return None  # "said this", "told me"
    toks = sorted((t for c in parts for t in c.subtree), key=lambda t: t.i)
    return list(tok.doc[toks[0].i : toks[-1].i + 1])


def _according_content(tok: Any) -> list[Any] | None:
    sent = tok.sent
    after = _after_aside(tok)
    if after is not None:
        return after
    phrase = {t.i for t in tok.head.subtree if t.i >= tok.i} if tok.head.i != tok.i else set()
    phrase |= {tok.i, tok.i + 1}
    obj = _subject(tok)
    if obj is not None:
        phrase |= {t.i for t in obj.subtree if t.i >= tok.i}
    rest = [t for t in sent if t.i not in phrase and not t.is_punct]
    if not rest:
        return None
    return list(sent.doc[rest[0].i : rest[-1].i + 1])


def _after_aside(tok: Any) -> list[Any] | None:
    """The clause after "according to X," set off after a conjunction: "…, because,
    according to Trump, the media would call him …" reports what follows only."""
    doc, sent = tok.doc, tok.sent
    if tok.i < sent.start + 2 or doc[tok.i - 1].text != ",":
        return None
    if doc[tok.i - 2].pos_ not in ("SCONJ", "CCONJ") and doc[tok.i - 2].lower_ != "that":
        return None
    obj = _subject(tok)
    if obj is None or obj.i <= tok.i:
        return None
    # the comma closing the aside, which the parser may hang on the name
    comma = next((t.i for t in doc[obj.i + 1 : obj.right_edge.i + 2] if t.text == ","), None)
    if comma is None or comma >= sent.end:
        return None
    words = [t for t in doc[comma + 1 : sent.end] if not (t.is_punct or _blank(t))]
    if len(words) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    return list(doc[words[0].i : words[-1].i + 1])
