"""Who said what: direct, partial and indirect quotes with their speakers and cues.

- ``direct``: text in double quotation marks (straight or curly) that stands as
  the speaker's own sentence(s), including quotes over several paragraphs. A
  quote split by its attribution ("“A,” he said. “B.”") gives **two** records,
  one per quoted part, with the same speaker and cue, so each keeps exact
  offsets; the second part inherits the first's speaker when its own sentence
  has no cue. A quote left open over paragraphs is cut before its last
  paragraph when that one has an attribution of its own naming the same
  speaker ("“A,” he said. “B …\n“C,” he added."): B goes with A, C with "added".
- ``partial``: a quoted phrase inside a sentence. It is attributed only when a
  speech verb of that sentence governs it ("Smith said the deal would tackle
  “the harder questions first.”") or it stands inside a report, which then
  gives its cue and speaker ("her remark that “there’s a special place in
  hell …”"); scare quotes and slogans elsewhere stay unattributed (``speaker``
  and ``cue`` are ``None``), and so do titles ("said on “Fox News Sunday”") and
  a writer's naming ("condemned what he called a “brazen breach”"). A partial
  quote in a clause another cue reports is that speaker's ("Ryan said the
  protests demand that all engage in “more listening”", "because, according
  to Trump, the media would call him a “chicken”"), and so is one whose own
  cue reports no clause around it while another cue's report holds it.
- ``indirect``: the clause a speech verb reports ("X said (that) …", "X told
  reporters …", "X warned …", "… , according to X").

The parser errs often on news copy, so each step has a fallback read off the
words (in :mod:`storyline.extract.quotes_grammar`): a cue is also a speech verb
by its form ("tells" tagged as a noun, "noting" lemmatized as "not"); the
reported clause is everything after the cue to the end of its clause, past a
leading time or place ("said on Friday much of it was …") and across a sentence
split at a closing mark, but not a clause saying when or how it was said ("said
as he left"), or the clause before "…, a former official said."; a quote with no
cue in the parse takes the speech verb and name beside it ("“…,” added
Pavone."); a cue in another paragraph does not claim a quote.

A quote's sentence is reported whole: a cue that governs a partial quote
reports its clause ("called Trump “unhinged”"), and the words outside the marks
of a quoted sentence are indirect parts with the quote's cue ("No name change,
he said, “hides what it really is.”"). Speech nouns with their source report
too ("his call for …", "Trump’s claim that …"), and so do title-case headlines
("Chris Christie Says He Would …").

What an attribution says follows the convention of news annotation (PolNeAR):
the whole reported clause, "that" and partial quotes in it included, to the
end of its sentence, past the closing mark of a quote inside it ("said the
conduct was “unacceptable” and that it would review the matter"); the words
between a quote and its postposed attribution ("“…” if she lost, Smith
said"); and the words before an aside attribution when the quote after it
goes on in lower case ("Sooner or later, he said, “it starts to pay off”"),
but not a scene set before it ("In Iowa, he said, …", "In an interview, …").
A quote split by its attribution is one saying, whatever case its second part
opens in ("“The risk,” said Leamer, “is that …”"); a partial quote ending in
a comma takes the attribution after it ("Teachers are “…,” García said"); and
a quote may be introduced by a speech verb a few words before it, with only
its listener between ("told Breitbart host Matt Boyle, “…”", "Said Comey, “…”").

A report stops before a speech verb of its own ("said A, adding B", "said A,
but Cook did not say when"), and a quote with no cue right after a report
goes on from it ("Bolton said he would help. “I will support him.”"). Shares
and groups speak too ("About 4 in 10 say …", "those surveyed said …"), and
"it" for a text or body ("“…,” it said"); a speech verb in a sense that says
nothing reports nothing ("fighting that had claimed hundreds of lives", "a
stalemate that threatened to unravel the talks", "allows them to write the
bill"). A report runs to the end of its
sentence when the parser hung its last words elsewhere, but not into the next
paragraph (bar one after a colon); a report and a quote with one cue share
the quote's speaker.

A quote goes with the report next to it, whatever the parse: a speech verb
with a subject of its own between a cue and the quote reports it ("Beck said A,
and Sanders, who says it is “disastrous”", "she wrote, arguing that “…”"), as
does an attribution right after a quote ending in a comma ("“A,” Ruiz said,
but when pressed, “B,” said Hale"); a speech noun reports a quote opening its
"that" clause ("her comment that, “We are …”"); what a quote is said of is
said too ("“…,” he said of the industry"); a quote answered "yes" or "no" is
the question put, not an answer ("Asked whether she is “fit,” 60 percent said
yes"), and a quoted title before its author or kind of work names it
("“The Long Game,” a biography").

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

import re
from dataclasses import dataclass, replace
from typing import Any, Literal, cast

from storyline.extract.entities import Entity, entity_at
from storyline.extract.quotes_assign import _cue_speakers, _inside_reports, _nearest_cue
from storyline.extract.quotes_cues import quote_spans
from storyline.extract.quotes_flow import (
    _postposed,
    _until_next_cue,
    attribution_beside,
    before_attribution,
    carried_on,
    continues,
    in_paragraph,
    kind_of,
    other_paragraph,
    resumes,
    sets_scene,
    to_sentence_end,
    with_words_before,
)
from storyline.extract.quotes_grammar import (
    _CIRCUMSTANCE,
    _CLOSE,
    _FEMALE,
    _MALE,
    _NOT_SPEAKERS,
    _OPEN,
    _according_content,
    _around_partial,
    _aside,
    _blank,
    _is_cue,
    _left_subject,
    _lines,
    _modifier,
    _object_content,
    _parenthetical,
    _preceding_clause,
    _pronoun,
    _reported_clause,
    _reports,
    _rest_of_sentence,
    _says,
    _says_form,
    _speaker_after,
    _split_off,
    _verb_read_as_noun,
    content_end_comma,
)
from storyline.extract.quotes_grammar import _subject as _subject  # asks_parties uses it
from storyline.extract.quotes_nouns import _SPEECH_NOUNS, _noun_report
from storyline.extract.quotes_report import (
    _FULL_STOP,
    _answers,
    _aside_subject,
    _aux_subject,
    _before_circumstance,
    _clause_after_listener,
    _compared,
    _declined,
    _listener_only,
    _nearer_report,
    _put_to,
    _reported_in,
    _that_after,
    _verbless_that,
)
from storyline.extract.quotes_speakers import Speaker, SpeakerNamer, _share_before

__all__ = ["Quote", "Speaker", "extract_quotes"]

QuoteKind = Literal["direct", "partial", "indirect"]
# Dependents of a cue that set the scene of the saying rather than report it.
_SCENE = {"advcl", "obl", "advmod", "obl:tmod", "mark", "cc", "conj", "discourse"}


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


# Words before a quoted title: "on “Fox News Sunday”", "of ''Morning Joe''", "ABC’s “This Week”".
_BEFORE_TITLE = {"on", "of", "in", "at", "from", "’s", "'s", "titled", "entitled", "called"}
_BEFORE_TITLE |= {"book", "show", "memoir", "biography", "autobiography", "novel", "film", "movie"}
# After a title: its author or what it is ("“The Long Game,” by Ann Lee", "…,” a memoir").
_BY_AUTHOR = re.compile(
    r"[,.]?[”\"']*,?\s+(?:by\s+[A-Z]|an?\s+(?:new\s+)?(?:book|biography|memoir|novel|film|movie)\b)"
)
_TITLE_SMALL = {"of", "and", "the", "a", "an", "to", "in", "for", "on", "at", "with", "&"}


def _title(text: str, start: int, end: int) -> bool:
    """Whether a quote names a show, book or film ("on “Fox News Sunday”") rather than
    says something: title-case words after a preposition, a possessive or a word for
    a work ("his 2012 book, “An American Son”", "a collection called “Yuge!: 30 Years
    of …”"), or before its author ("“The Long Game,” by Ann Lee", "“The Long Game,”
    a biography")."""
    words = text[start:end].strip(" ,.;:!?").split()
    before = text[max(0, start - 20) : start].rstrip(" “\"'`").split()
    if not words or len(words) > 12 or not before:
        return False
    last = before[-1].lower().rstrip(",")
    named = (
        last in _BEFORE_TITLE or last.endswith(("’s", "'s")) or bool(_BY_AUTHOR.match(text, end))
    )
    if not named or (
        len(words) > 6 and not (":" in text[start:end] or _BY_AUTHOR.match(text, end))
    ):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL for w in words) and (
        words[0][:1].isupper() or words[0][:1].isdigit()
    )


def _speaker_phrase(run: list[Any], nxt: Any) -> bool:
    """Whether words run on into the speaker's name as one noun phrase with it
    ("a voice-over in the" + "ad"): no verb, no comma between."""
    doc = nxt.doc
    if any(t.pos_ in ("VERB", "AUX") for t in run) or not any(t.pos_ == "ADP" for t in run):
        return False
    return all(_blank(t) for t in doc[run[-1].i + 1 : nxt.i])


def _quote(
    text: str, kind: QuoteKind, cue: Any | None, speaker: Speaker | None, start: int, end: int
) -> Quote:
    """A quote saying ``text`` (at ``start:end``), reported by the cue token ``cue`` or none."""
    if cue is None:
        return Quote(text, kind, None, None, None, speaker, start, end)
    return Quote(text, kind, cue.text, cue.idx, cue.idx + len(cue), speaker, start, end)


class _Extractor(SpeakerNamer):
    """Finds one article's quotes; naming their speakers is :class:`SpeakerNamer`'s."""

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
        cut_from: int | None = None  # where the sentence the quote was cut from starts
        if first.start > 0:
            prev = doc[first.start - 1].sent
            ending = prev.text.rstrip().rstrip("“\"'").rstrip()
            if ending.endswith((":", ",")):
                # "…, said, ''If she …": the splitter parted the cue from the quote
                sents.setdefault(prev.start, prev)
            elif not ending.endswith((".", "!", "?", ";")) and "\n" not in prev.text:
                # "Patrick told them that Cruz has" + "“taken every punch …”"
                sents.setdefault(prev.start, prev)
                cut_from = prev.start
        inside = {t.i for t in span}
        lead = span[0].i - 1
        while lead > 0 and (doc[lead].text in _OPEN | {",", ":"} or _blank(doc[lead])):
            lead -= 1
        verb = doc[lead] if lead >= 0 and lead < span[0].i - 1 else None
        if verb is not None and verb.dep_ in ("obj", "iobj") and verb.head.i >= verb.i - 4:
            verb = verb.head  # "telling reporters, “…”"
        if (
            verb is not None
            and verb.pos_ == "VERB"
            and verb.i < span[0].i
            and _says(verb)
            and _reports(verb)
            and _subject(verb) is not None
            # not a verb the quote runs on from in the clause another cue reports:
            # "Trump said aides were calling “every hour”" quotes Trump
            and not (
                _is_cue(verb.head)
                and _reported_in(verb, verb.head)
                and not any(t.text in (",", ":") for t in doc[verb.i + 1 : span[0].i])
                and not _FULL_STOP.search(self.text, verb.head.idx, verb.idx)
            )
        ):
            return verb  # "…, adding, “…”", "Smith said: “…”"
        found: list[tuple[int, Any, bool]] = []
        for sent in sents.values():
            for tok in sent:
                if tok.i in inside or not (_is_cue(tok) or tok.lower_ == "according"):
                    continue
                if tok.lower_ != "according" and not _reports(tok):
                    continue  # "a show called “Brokers”" names, it does not report
                if tok.lower_ == "according" and (
                    tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to"
                ):
                    continue
                # not when the quote is in the subject ("critics of the “war”"), bar a
                # subject the parser found inside the quote itself
                in_subject = any(
                    t.i in inside and not t.is_punct  # not the comma hung on "Flynn"
                    for c in tok.children
                    if c.dep_.startswith("nsubj")
                    and c.i not in inside
                    and (c.i < tok.i or _speaker_after(tok, c))
                    for t in c.subtree
                )
                # an aside ("Biden, Rubio said, had served “forever”"), a verb read as a
                # noun ("The lawsuit contends that “…”") and a cue in the sentence the
                # splitter cut the quote from report all that follows them
                same = span[0].sent.start == tok.sent.start
                governs = (
                    (any(t.i in inside for t in tok.subtree) and not in_subject)
                    or (same and _aside(tok))
                    or (same and tok.i < span[0].i and _verb_read_as_noun(tok))
                    or (
                        tok.sent.start == cut_from
                        and not _FULL_STOP.search(self.text, tok.idx, start)
                    )
                )
                if governing_only and not governs:
                    continue
                if tok.idx >= end and _own_clause_after(self.text[start:end], tok, inside):
                    continue  # "“A.” He said that B": a new sentence reporting B
                if other_paragraph(self.text, tok, start, end):
                    continue  # the splitter may run a sentence across paragraphs
                if not governs and any(
                    c.dep_ == "ccomp" and c.i not in inside for c in tok.children
                ):
                    continue  # it reports another clause
                # of two cues governing the quote, the nearer one: "she said, adding, “…”"
                dist = (
                    -1 - sum(1 for _ in tok.ancestors)
                    if governs
                    else min(abs(tok.idx - end), abs(tok.idx - start))
                )
                if _subject(tok) is None:
                    continue
                found.append((dist, tok, governs))
        # a cue in the clause another cue reports quotes that speaker's words: "Ryan
        # said the protests demand that all engage in “more listening”"
        outer = [t for _, t, g in found if g]
        found = [f for f in found if not (f[2] and any(_reported_in(f[1], o) for o in outer))]
        best = min(found, key=lambda f: f[0], default=None)
        return _nearer_report(self.text, best[1], start, end) if best else None

    def quoted(self) -> list[Quote]:
        quotes: list[Quote] = []
        prev: Quote | None = None
        for whole in quote_spans(self.text):
            for start, end, continued in self._pieces(*whole, prev):
                prev = self._one_quote(quotes, prev, start, end, continued)
        spans = [(q.start, q.end) for q in quotes]
        return quotes + [f for q in quotes for f in self._unquoted_parts(q, spans)]

    def _one_quote(
        self, quotes: list[Quote], prev: Quote | None, start: int, end: int, continued: bool
    ) -> Quote | None:
        """Reads the quote at ``start:end`` into ``quotes``; returns the quote a next
        one may go on from (``prev`` when this one is not)."""
        content = self.text[start:end]
        if not content.strip():
            return prev
        kind = cast(QuoteKind, kind_of(self.doc, start, end, continued))
        if kind == "partial" and _title(self.text, start, end):
            quotes.append(_quote(content, kind, None, None, start, end))
            return prev  # "told “Morning Joe”", "said on “Fox News Sunday”": a name
        cue = self.cue_for(start, end, governing_only=kind == "partial")
        subj = None
        if cue is not None and cue.idx < start and content_end_comma(content):
            # "“A,” Ruiz said, but when pressed, “B,” said Hale": a quote that ends in
            # a comma before an attribution of its own is that attribution's
            after, after_subj = attribution_beside(self.doc, start, end, after_only=True)
            if after is not None and not _FULL_STOP.search(self.text, cue.idx, start):
                cue, subj = after, after_subj
        if cue is None:
            # a partial quote that ends its clause with a comma takes the
            # attribution after it: "Teachers are “…,” Ms. García said."
            after_only = kind == "partial"
            cue, subj = attribution_beside(self.doc, start, end, after_only)
        if cue is not None and cue.idx >= end and _answers(cue):
            cue, subj = None, None  # "Asked if he is “fit,” 60 percent said yes": the question
        speaker = None
        if cue is not None and subj is None:
            # "“…,” wrote Time magazine" with "wrote" hung on the quote's verb: the
            # name right after the cue
            beside, named = attribution_beside(self.doc, start, end, after_only=True)
            if beside is not None and beside.i == cue.i and named is not None and named.i > cue.i:
                subj = named
        if cue is not None:
            subj = subj or _subject(cue)
            speaker = self.cue_speaker(subj) if subj is not None else None
            # not "who", "which": a relative pronoun names its antecedent, not the
            # speaker of the quote before ("“Go,” Ruiz tells the crowd, who responds: …")
            relative = subj is not None and subj.lower_ in ("who", "which", "that")
            if speaker is not None and subj is not None and _pronoun(subj) and not relative:
                speaker = self._continue(prev, subj, speaker)
        elif (
            prev is not None
            and (kind == "direct" or resumes(self.text, prev, start))
            and continues(self.text, prev, start)
        ):  # "“The risk,” he said, “is that …”": the quote goes on past its attribution
            quotes.append(replace(prev, text=content, kind="direct", start=start, end=end))
            return quotes[-1]
        quote = _quote(content, kind, cue, speaker, start, end)
        quotes.append(quote)
        if kind == "direct" or speaker is not None:
            # an attributed partial quote ends a sentence a quote may go on
            # from: "Because of …, “she does need him,” Kunin said. “The …”"
            return quote
        return prev

    def _pieces(
        self, start: int, end: int, continued: bool, prev: Quote | None
    ) -> list[tuple[int, int, bool]]:
        """A quote over several paragraphs cut before its last paragraph when that
        one has an attribution of its own after it and the first goes on from words
        before it in its paragraph: "“A,” he said. “B …\n“C,” he added." says B and
        C under two attributions (the news convention PolNeAR follows), and so do
        "Obama said: “A …\n“B,” Obama said." Not when the last attribution names
        someone else than the quote before: the open mark says one speaker goes
        on, so the attribution at the end holds."""
        text = self.text
        brk = text.rfind("\n", start, end)
        if not continued or brk < 0:
            return [(start, end, continued)]
        last = brk + 1
        while last < end and (text[last].isspace() or text[last] in "“\"'"):
            last += 1
        first_end = len(text[:brk].rstrip())
        para = text.rfind("\n", 0, start) + 1
        before = text[para : start - 1].strip()
        cue, subj = attribution_beside(self.doc, last, end, after_only=True)
        if cue is None or subj is None or not before or last >= end or first_end <= start:
            return [(start, end, continued)]
        if not _pronoun(subj) and not self._lead_names(start, first_end, subj):
            ent = entity_at(self.entities, subj.idx, subj.idx + len(subj))
            known = prev is not None and prev.speaker is not None and ent is not None
            if not known or prev is None or prev.speaker is None or ent is None:
                return [(start, end, continued)]
            if ent.id != prev.speaker.entity_id:
                return [(start, end, continued)]
        return [(start, first_end, True), (last, end, True)]

    def _lead_names(self, start: int, end: int, subj: Any) -> bool:
        """Whether the attribution that introduces the quote at ``start:end`` names the
        entity ``subj`` names: "Obama said: “A …\n“B,” Obama said." is one speaker's."""
        _, lead = attribution_beside(self.doc, start, end)
        if lead is None or lead.idx >= start:
            return False
        ent = entity_at(self.entities, subj.idx, subj.idx + len(subj))
        other = entity_at(self.entities, lead.idx, lead.idx + len(lead))
        return ent is not None and other is not None and ent.id == other.id

    def _unquoted_parts(self, quote: Quote, spans: list[tuple[int, int]]) -> list[Quote]:
        """The words of a quote's sentence outside the marks that belong to the report.

        "No name change, he said, “hides what it really is.”" and "Clinton’s
        reaction “could be less about ethanol,” said Jon Doggett": the speaker
        says the whole sentence, bar the attribution. Each such part becomes an
        indirect record with the quote's cue and speaker; a part that says
        when or how it was said ("Speaking in Iowa, Trump said, “…”") does not.
        """
        if quote.speaker is None or quote.cue_start is None or quote.cue_end is None:
            return []
        doc = self.doc
        cue_span = doc.char_span(quote.cue_start, quote.cue_end, alignment_mode="expand")
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if cue_span is None or span is None or len(span) == 0 or len(cue_span) == 0:
            return []
        cue, sent = cue_span[0], cue_span[0].sent
        words = doc[sent.start : sent.end]
        if span[0].sent.start != sent.start:
            # "Teachers are “…,” Ms. García said." split at the closing mark:
            # the attribution closes the quote's sentence
            first = span[0].sent
            if first.end != sent.start or not quote.end <= cue.idx:
                return []
            if _FULL_STOP.search(self.text, quote.end, cue.idx):
                return []
            words = doc[first.start : sent.end]
        # "A, he said, “a phrase” B": ``indirect`` reads what follows the cue
        before_only = quote.kind == "partial" and cue.i < span[0].i
        subj = _subject(cue)
        if subj is None:
            return []
        left = min(subj.left_edge.i, cue.i)
        while left < cue.i and doc[left].is_punct:
            left += 1  # the parser may hang the comma before the speaker on it
        right = max(cue.i, subj.right_edge.i if subj.i > cue.i else cue.i)
        topic: list[Any] = []  # "“…,” he said of the industry": what the quote is about
        attribution_end = right
        while right + 1 < sent.end and not doc[right + 1].is_punct:
            if (
                right == attribution_end
                and doc[right + 1].lower_ in ("of", "about")
                and cue.i > span[-1].i
            ):
                words = list(doc[right + 2 : sent.end])
                cut = next((k for k, t in enumerate(words) if t.is_punct), len(words))
                topic = [t for t in words[:cut] if not _blank(t)]
                right += 1 + cut
                break
            right += 1  # "said Friday", "told CNN"
        inside = {t.i for a, b in spans for t in doc.char_span(a, b, alignment_mode="expand") or ()}
        # "In Raleigh, she promised to reject “bad deals”": before an attribution
        # that opens the quote, the words are the report only when it stands in
        # commas ("No name change, he said, “hides …”") or in a relative clause
        # ("the deal, which he called “a disaster”": "which" is what he called so)
        # (not "Reyes met Lopez, who warned of “…”": a relative pronoun that speaks
        # stands for the one before it, whose own clause is not what was said)
        who = subj.lower_ in ("who", "which", "that")
        aside = left > sent.start and doc[left - 1].text == "," and cue.i - subj.i <= 3 and not who
        # (not a participle on a noun: "footage of Clinton asking, “…”")
        relative = (cue.dep_ in ("acl:relcl", "relcl") and not who) or (
            cue.dep_ == "acl" and cue.tag_ != "VBG"
        )
        skip_before = cue.i < span[0].i and not aside and not relative
        # "Sooner or later, he told reporters, “it starts to pay off.”": a quote
        # that opens in lower case goes on with the sentence the attribution
        # interrupts, and what stands before it is said too, time and all
        gap = doc[right + 1 : span[0].i]
        resumed = (
            aside
            and quote.text[:1].islower()
            and len(gap) > 0
            and gap[0].text in (",", ":")
            and all(t.is_punct or _blank(t) for t in gap)
        )
        runs: list[list[Any]] = [[]]
        for t in words:
            if left <= t.i <= right or t.i in inside or (t.is_punct and t.text in _OPEN | _CLOSE):
                runs.append([])
            elif not (t.is_punct or _blank(t)):
                runs[-1].append(t)
        out = []
        if topic and not any(_is_cue(t) for t in topic):
            # PolNeAR takes the topic of "said of" as part of what was said
            start, end = topic[0].idx, topic[-1].idx + len(topic[-1])
            out.append(
                replace(quote, text=self.text[start:end], kind="indirect", start=start, end=end)
            )
        for run in runs:
            if len(run) < 2 or any(_is_cue(t) or t.lower_ == "according" for t in run):
                continue  # another attribution: "…,” Hewitt said, according to a transcript"
            if before_only and run[0].i > cue.i:
                continue
            if skip_before and run[-1].i < left:
                continue
            root = min(run, key=lambda t: sum(1 for _ in t.ancestors))
            if root.head.i == cue.i and root.dep_ in ("obj", "iobj") and cue.i > span[-1].i:
                continue  # "“…,” Tom told Annette Guessford, who …": the listener
            if run[0].i > cue.i and any(t.lower_ in ("who", "which", "whose") for t in run[:3]):
                continue  # "…, which was sponsored by CBS News": about someone else
            if run[0].i > cue.i > span[-1].i and run[0].lower_ in _CIRCUMSTANCE:
                continue  # "“…,” Clinton said, while arguing …": when, not what
            connective = (  # "In other words, he said, “…”": no place or time
                aside
                and doc[cue.i + 1].text == ","
                and root.dep_ == "obl"
                and not any(t.ent_type_ for t in run)
                and run[-1].i < left
            ) or (resumed and run[-1].i < left and not sets_scene(run))
            # "“Many would call that a loss” if she did not win big, Smith said":
            # between the quote and its attribution, the words go on with the quote
            if span[-1].i < run[0].i and run[-1].i < left and _speaker_phrase(run, doc[left]):
                continue  # "“…,” a voice-over in the ad states": who speaks, not what
            connective = connective or span[-1].i < run[0].i <= run[-1].i < left
            # "Closing the office would “send …,” he added": the words run on into the
            # quote with no comma between, so they open what was said, not a scene
            connective = connective or (
                run[-1].i < span[0].i
                and all(t.text in _OPEN or _blank(t) for t in doc[run[-1].i + 1 : span[0].i])
            )
            if root.head.i == cue.i and (root.dep_ in _SCENE or _modifier(root)) and not connective:
                continue  # "Speaking in Iowa, Trump said"
            start, end = run[0].idx, run[-1].idx + len(run[-1])
            out.append(
                replace(quote, text=self.text[start:end], kind="indirect", start=start, end=end)
            )
        return out

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

    def indirect(self, quoted: list[Quote]) -> list[Quote]:
        out: list[Quote] = []
        marks = [(q.start - 1, q.end + 1, q.cue_start) for q in quoted if q.kind == "direct"]
        partials = {
            q.cue_start: q
            for q in quoted
            if q.kind == "partial" and q.speaker is not None and q.cue_start is not None
        }
        for tok in self.doc:
            content: list[Any] | None = None
            subj: Any | None = None
            if (
                tok.lower_ == "according"
                and tok.i + 1 < len(self.doc)
                and (self.doc[tok.i + 1].lower_ == "to")
            ):
                content = _according_content(tok)
                if content and len(content) <= 8 and any(_says(t) for t in content):
                    content = None  # "“…,” Hewitt said, according to a transcript": the quote's
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in _SPEECH_NOUNS:
                content, subj = _noun_report(tok)
            elif _is_cue(tok) and tok.dep_ == "amod" and tok.head.i > tok.i:
                # "Trump accused Clinton of lying" parsed as "Trump (accused Clinton) …"
                subj = _left_subject(tok)
                if subj is not None and subj.pos_ == "NUM":
                    subj = None  # "270 pledged delegates": a noun phrase, not a report
                rest = [t for t in self.doc[tok.i + 1 : tok.sent.end] if not t.is_space]
                content = rest if subj is not None else None
            elif _is_cue(tok) and _reports(tok):
                # not the paragraph break the parser may hang on the cue as a clause
                comps = [c for c in tok.children if c.dep_ == "ccomp" and not _blank(c)]
                content = _reported_clause(tok) or _that_after(tok)
                content = to_sentence_end(content, tok) if content else content
                content = _compared(content) if content else content
                if content is None and comps:  # "…, he said" with the clause before
                    content = sorted(comps[0].subtree, key=lambda t: t.i)
                    content = _before_circumstance(content, tok)
                elif content is None and tok.dep_ == "parataxis":  # "Biden, Rubio said, had …"
                    inner = {t.i for t in tok.subtree}
                    rest = [t for t in tok.sent if t.i not in inner and not t.is_punct]
                    content = list(self.doc[rest[0].i : rest[-1].i + 1]) if rest else None
                elif content is None:
                    content = _object_content(tok) or _parenthetical(tok)
                    content = _clause_after_listener(tok, content) or content
                    if _listener_only(tok, content):
                        content = None  # "…, an official told The New York Times."
                    if content is None and not _declined(tok):
                        content = _preceding_clause(tok)
                        subj = _left_subject(tok) if content else None
                    if content is None:
                        content = _rest_of_sentence(tok)
            partial = partials.get(tok.idx)
            if (
                partial is not None
                and partial.start > tok.idx
                and (not content or content[-1].idx < _last_word_end(partial) - 1)
            ):  # the cue governs a partial quote its clause does not reach
                around = _around_partial(tok, partial.start, partial.end)
                if (
                    around
                    and content
                    and content[0].lower_ in ("that", "whether", "how", "why")
                    and tok.i < content[0].i < around[0].i <= content[-1].i
                ):
                    # "told a TV interviewer that he is feeling “…” before …": the
                    # clause begins where the report found it, not after the listener
                    last = max(content[-1].i, around[-1].i)
                    words = self.doc[content[0].i : last + 1]
                    around = [t for t in words if not (t.is_punct or _blank(t))]
                content = around or content
            if not content or _put_to(tok) or (_answers(tok) and content[-1].i < tok.i):
                continue
            content = _verbless_that(tok, content)
            content = _until_next_cue(with_words_before(content, tok, _subject(tok)), tok)
            content = before_attribution(content, tok)
            content = [
                t for t in content if not ((t.is_punct and t.text not in "-–—") or _blank(t))
            ]
            if not content:
                continue
            content = in_paragraph(content + _split_off(content[-1]), tok)
            if not content:
                continue
            clause = any(t.pos_ in ("VERB", "AUX") for t in content)
            short = len(content) < (1 if content[0].head.i == tok.i else 2 if clause else 3)
            if short and partial is None:  # "called Trump “unhinged”" is short and says a lot
                continue
            if all(t.ent_type_ in _NOT_SPEAKERS for t in content):
                continue  # "his campaign announced Saturday"
            start, end = content[0].idx, content[-1].idx + len(content[-1])
            if any(
                ((a <= start and end <= b) or (a < end and start < b and b - a > (end - start) / 2))
                and not (cue == tok.idx and tok.idx < start < a)
                and not (cue is None and tok.pos_ == "NOUN" and tok.idx < start < a)
                for a, b, cue in marks
            ):
                # the quote's words, bar a lead-in of its own cue ("told him that “…”")
                # or of a speech noun before a quote with none ("her comment that, “…”")
                continue
            if any(a <= tok.idx < b for a, b, _ in marks):
                continue
            if subj is None:
                subj = _subject(tok) or _aside_subject(tok) or _aux_subject(tok)
            share = _share_before(tok) if subj is None else None
            if share is not None:  # "About one in five say …": a share of those polled
                subj = share
            if subj is None and tok.lower_ != "according":
                content, subj = _postposed(tok)  # "…, said Democratic strategist Hank Sheinkopf."
                if content is None or any(
                    a <= content[0].idx < b or a < content[-1].idx < b for a, b, _ in marks
                ):
                    continue
                start, end = content[0].idx, content[-1].idx + len(content[-1])
            if subj is None:
                continue
            speaker = self.cue_speaker(subj) if share is None else self.share_speaker(share, tok)
            if speaker is None and share is None:
                share = _share_before(tok)  # "About one in five say" with "one" the subject
                if share is not None and share.i <= subj.i < tok.i:
                    speaker = self.share_speaker(share, tok)
            if speaker is None:
                continue
            out.append(_quote(self.text[start:end], "indirect", tok, speaker, start, end))
        return out

    def headlines(self, cues: set[int | None]) -> list[Quote]:
        """Reports in title-case headlines: "Chris Christie Says He Would Issue A Quarantine".

        The tagger reads such lines as strings of proper nouns and the splitter
        cuts them anywhere, so they are read off the words of the line: the
        first speech verb form after a name; the name before it is the speaker,
        the rest of the line what was said (in place of the parse's report for
        that verb). A line that opens with the verb ("Says …") names no speaker
        and gives nothing; a verb that introduces a quote is left to it.
        """
        out: list[Quote] = []
        for line in _lines(self.doc):
            words = [t for t in line if t.is_alpha]
            if len(words) < 4 or sum(t.text[0].isupper() for t in words) < 0.8 * len(words):
                continue
            for k, tok in enumerate(line):
                if k == 0 or not tok.text[0].isupper() or not _says_form(tok.lower_):
                    continue
                name = [t for t in line[:k] if not (t.is_punct or _blank(t))]
                rest = [t for t in line[k + 1 :] if not (t.is_punct or _blank(t))]
                if tok.idx in cues or not name or len(rest) < 2 or len(name) > 5:
                    break
                start, end = name[0].idx, name[-1].idx + len(name[-1])
                ent = entity_at(self.entities, start, end)
                speaker = (
                    Speaker(ent.name, ent.id, None, start, end)
                    if ent is not None and ent.type in ("PER", "ORG")
                    else Speaker(self.text[start:end], None, None, start, end)
                )
                a, b = rest[0].idx, rest[-1].idx + len(rest[-1])
                out.append(_quote(self.text[a:b], "indirect", tok, speaker, a, b))
                break
        return out


def _own_clause_after(content: str, cue: Any, inside: set[int]) -> bool:
    """Whether a cue after a quote that closes its sentence ("“A.” He said, twice,
    that B") reports a clause of its own after it, outside the quote."""
    return content.rstrip().endswith(".") and any(
        c.dep_ == "ccomp" and c.i > cue.i and c.i not in inside for c in cue.children
    )


def _last_word_end(quote: Quote) -> int:
    """Where the last word of a quote ends (its closing full stop or comma left out)."""
    return quote.start + len(quote.text.rstrip(" .,;:!?"))


def extract_quotes(doc: Any, entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
    """Quotes in a parsed article, in text order, speakers resolved through ``entities``.

    >>> from storyline.nlp.pipeline import load_nlp
    >>> doc = load_nlp()("Analysts warned that the deal could collapse.")
    >>> [(q.kind, q.speaker.name, q.text) for q in extract_quotes(doc, ())]
    [('indirect', 'Analysts', 'that the deal could collapse')]
    """
    ex = _Extractor(doc, entities)
    quoted = ex.quoted()
    reports = _nearest_cue(_cue_speakers(quoted, ex.indirect(quoted)))
    found = _inside_reports(ex.text, quoted, reports) + reports
    # a title-case line reads better off its words than off its parse: its
    # report replaces the parse's ("Trump Says He’s Unlikely To …" cut at "Unlikely")
    heads = ex.headlines({q.cue_start for q in found if q.kind != "indirect"})
    cues = {q.cue_start for q in heads}
    found = [q for q in found if q.kind != "indirect" or q.cue_start not in cues] + heads
    return tuple(carried_on(ex.text, sorted(found, key=lambda q: (q.start, q.end))))
