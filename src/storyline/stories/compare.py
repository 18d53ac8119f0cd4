"""What outlets agree on, what one outlet reports alone, and where they contradict each other.

Sentences of different outlets are matched by meaning (MiniLM cosine of the
sentence vectors ≥ ``SAME_FACT``, chosen by reading pairs: above it sentences
report the same thing in other words; below it they share a topic only).

- **shared**: a fact — a group of matched sentences — reported by two or more
  outlets, with every span;
- **unique**: a sentence carrying a figure, a quote or a dated event that no
  other outlet's sentence matches, nor tells in a related sentence (cosine ≥
  ``ALSO_TOLD``) with one of the same dates or quotes, or (cosine ≥
  ``SHARED_AMOUNT``) with one of the same figures, nor in other words
  (cosine ≥ ``PARAPHRASE`` and ``PARAPHRASE_WORDS`` content words in common,
  unless each sentence has figures or dates of its own) — only when the story
  has several outlets. "Only this outlet" is a strong claim: a reader who finds
  the fact in another outlet stops trusting the list, so a doubt withholds it;
- **conflicts**:
  - *figure*: two outlets give different values for the same measure — the
    same unit (or counted nouns of one meaning: "reporters" / "journalists"),
    descriptions of what is measured that match by meaning ("number of
    detained reporters" / "journalists held in Varn"; sentences that match,
    when a figure has no description), times that can be the same, values
    apart by more than 1 % and by at most :data:`MAX_RIVAL_RATIO`. Outlets
    that disagree on one quantity give close values (a rounding, an early
    count); figures further apart were, in reading real stories, nearly always
    different quantities described alike (a $1.2 trillion infrastructure bill
    and a $3.5 trillion budget, each "the spending plan"; 12 dead in Israel and
    200 dead in all). Sentences that match are not enough on their own:
    "Biden will propose a $6 trillion budget" and "… $5 trillion in new
    spending" tell one story and measure two things;
  - *date*: the words just before two resolved day-precision dates describe
    the same event ("Orlesia reopened the Tessel border crossing on …") but
    the days differ;
  - *quote*: the same direct quote (≥ 60 % token overlap, at least
    :data:`MIN_QUOTE_WORDS` words) attributed to two different people. A partial
    quote ("called the vote “a shocking act”") is wording outlets share and
    attribute loosely (to a statement, a department, the person who read it
    out), and an organisation speaks through people, so neither is a conflict;
    a speaker that is neither a person among the story's actors nor written as
    a name (two or more capitalised words) is not trusted to be one.

Near-duplicate copies are left out before this runs, so a syndicated story
does not count as two outlets agreeing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from storyline.extract.figures import Figure
from storyline.extract.figures_units import UNIT_WORDS
from storyline.nlp.embeddings import SentenceEncoder
from storyline.stories.actors import Actors
from storyline.stories.records import AnalysedArticle, SourceSpan
from storyline.stories.summary import cut_off, points_back
from storyline.stories.summary_features import content_words

__all__ = ["Claim", "Comparison", "Conflict", "Fact", "compare_sources"]

SAME_FACT = 0.78
ALSO_TOLD = 0.6
SHARED_AMOUNT = 0.5
PARAPHRASE = 0.65
PARAPHRASE_WORDS = 3
SAME_SENTENCE_MEASURE = 0.7
SAME_ABOUT = 0.5
SAME_NOUN = 0.6
SAME_EVENT = 0.75
_EVENT_WORDS = 10
SAME_QUOTE = 0.6
MIN_QUOTE_WORDS = 4
MAX_RIVAL_RATIO = 1.5
MAX_UNIQUE = 40
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TOKEN = re.compile(r"\w+")
# "two of the journalists": part of a group counted elsewhere, never a rival total.
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "that"})
_PART_OF = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|these|those|them)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Fact:
    """A statement and every span, in every outlet, that makes it."""

    text: str
    sources: tuple[SourceSpan, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Claim:
    """One side of a conflict: the value an outlet gives, where it says so."""

    value: str
    text: str
    sources: tuple[SourceSpan, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    """Outlets that disagree: ``kind`` is ``figure``, ``date`` or ``quote``."""

    kind: str
    about: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    """Shared facts, single-outlet facts and conflicts of one story."""

    shared: tuple[Fact, ...]
    unique: tuple[Fact, ...]
    conflicts: tuple[Conflict, ...]


def _outlet(a: AnalysedArticle) -> str:
    return a.annotated.article.outlet or f"unnamed outlet ({a.id})"


def _is_count(unit: str) -> bool:
    return not (unit.isupper() or unit in {"percent", "pp", "fraction"} or unit in UNIT_WORDS)


def compare_sources(
    articles: Sequence[AnalysedArticle], actors: Actors, encoder: SentenceEncoder
) -> Comparison:
    """Compare the outlets of one story (articles without near-duplicate copies).

    ``encoder`` embeds the short phrases compared here (counted nouns, what a
    figure measures, the words before a date); sentences come with their vectors.
    """
    if not any(a.sentences for a in articles):
        return Comparison((), (), ())
    story = _Sentences(articles, _Phrases(encoder))
    conflicts = [
        *story.figure_conflicts(),
        *story.date_conflicts(),
        *_quote_conflicts(articles, actors),
    ]
    return Comparison(tuple(story.shared()), tuple(story.unique()), tuple(conflicts))


_Located = tuple[int, Figure, int]  # (article index, figure, sentence row)


class _Sentences:
    """Every sentence of the story, its vector, its outlet and its links to other outlets."""

    def __init__(self, articles: Sequence[AnalysedArticle], phrases: _Phrases) -> None:
        self.articles = articles
        self.phrases = phrases
        self.rows = [(k, i) for k, a in enumerate(articles) for i in range(len(a.sentences))]
        self.row_of = {pair: x for x, pair in enumerate(self.rows)}
        vectors = np.concatenate([a.sentence_vectors for a in articles]).astype(np.float32)
        self.sims = vectors @ vectors.T
        self.outlet = [_outlet(articles[k]) for k, _ in self.rows]
        self.links: dict[int, set[int]] = defaultdict(set)
        for x in range(len(self.rows)):
            for y in np.nonzero(self.sims[x] >= SAME_FACT)[0]:
                if int(y) != x and self.outlet[x] != self.outlet[int(y)]:
                    self.links[x].add(int(y))

    def span(self, x: int) -> SourceSpan:
        k, i = self.rows[x]
        start, end = self.articles[k].sentences[i]
        return SourceSpan(self.articles[k].id, start, end)

    def text(self, x: int) -> str:
        s = self.span(x)
        return self.articles[self.rows[x][0]].text[s.start : s.end]

    def _readable(self, x: int) -> bool:
        """Whether a sentence can be shown alone: it opens on no pronoun pointing back
        and the source did not cut it short."""
        s = self.span(x)
        text = self.articles[self.rows[x][0]].text
        return not points_back(text[s.start : s.end]) and not cut_off(text, s.start, s.end)

    def row_at(self, k: int, offset: int) -> int | None:
        for i, (start, end) in enumerate(self.articles[k].sentences):
            if start <= offset < end:
                return self.row_of[(k, i)]
        return None

    def shared(self) -> list[Fact]:
        seen: set[int] = set()
        facts: list[Fact] = []
        for x in range(len(self.rows)):
            if x in seen or not self.links[x]:
                continue
            group = sorted({x, *self.links[x]})
            seen.update(group)
            outlets = tuple(dict.fromkeys(self.outlet[y] for y in group))
            # Told by a sentence that stands alone, when the group has one (its span first).
            shown = next((y for y in group if self._readable(y)), x)
            spans = (self.span(shown), *(self.span(y) for y in group if y != shown))
            if len(outlets) >= 2:
                facts.append(Fact(self.text(shown), spans, outlets))
        return facts

    def unique(self) -> list[Fact]:
        if len(set(self.outlet)) < 2:
            return []
        marks = self._marks()
        out: list[Fact] = []
        for x in range(len(self.rows)):
            if self.links[x] or not marks[x] or self._told_elsewhere(x, marks):
                continue
            if not self._readable(x):
                continue  # "It carries 70 percent of the wheat": unreadable alone
            out.append(Fact(self.text(x), (self.span(x),), (self.outlet[x],)))
            if len(out) >= MAX_UNIQUE:
                break
        return out

    def _marks(self) -> list[set[tuple[str, str]]]:
        """What makes each sentence a fact worth telling apart: its figures (value and
        unit), resolved dates and quotes (their words)."""
        marks: list[set[tuple[str, str]]] = [set() for _ in self.rows]
        for k, a in enumerate(self.articles):
            ann = a.annotated
            found = [(f.start, ("figure", f"{f.value} {f.unit}")) for f in ann.figures]
            found += [(t.start, ("date", t.value)) for t in ann.timexes if t.resolved]
            found += [(q.start, ("quote", " ".join(_tokens(q.text)))) for q in ann.quotes]
            for start, mark in found:
                x = self.row_at(k, start)
                if x is not None:
                    marks[x].add(mark)
        return marks

    def _told_elsewhere(self, x: int, marks: list[set[tuple[str, str]]]) -> bool:
        """Whether another outlet tells what sentence ``x`` tells in a sentence close in
        meaning (cosine ≥ :data:`ALSO_TOLD`, below :data:`SAME_FACT`) that carries one of
        its figures, dates or quotes: "Raisi said on Monday that he would not meet
        Biden" and "Raisi on Monday … flatly rejected meeting Biden" (cosine 0.60, both
        on Monday). "Only this outlet" is a strong claim; a shared detail of a related
        sentence is enough to withhold it."""
        for y in map(int, np.nonzero(self.sims[x] >= SHARED_AMOUNT)[0]):
            if self.outlet[y] == self.outlet[x]:
                continue
            sim, shared = float(self.sims[x, y]), marks[x] & marks[y]
            if sim >= ALSO_TOLD and (shared or _quote_shared(marks[x], marks[y])):
                return True
            if any(kind == "figure" for kind, _ in shared) or _same_amount(marks[x], marks[y]):
                return True
            if (
                sim >= PARAPHRASE
                and not _own_details(marks[x], marks[y])
                and len(self._words(x) & self._words(y)) >= PARAPHRASE_WORDS
            ):
                return True
        return False

    def _words(self, x: int) -> set[str]:
        return set(content_words(self.text(x)))

    def figure_conflicts(self) -> list[Conflict]:
        located: list[_Located] = []
        for k, a in enumerate(self.articles):
            for f in a.annotated.figures:
                x = self.row_at(k, f.start)
                if (
                    x is not None
                    and f.value is not None
                    and not _PART_OF.match(a.text, f.end)
                    and not _position(a, f)
                ):
                    located.append((k, f, x))
        self.phrases.prepare([t for _, f, _ in located for t in (f.unit, f.about) if t])
        # A figure joins a group when it may be a report of the same quantity as every
        # figure there (other article, unit, time, a close value) and is described like
        # at least one of them: "$1 trillion infrastructure plan" and "a roughly $1
        # trillion bill" are worded apart, yet each is the "$1.2 trillion package".
        groups: list[list[_Located]] = []
        for item in located:
            for group in groups:
                if all(self._compatible(item, other) for other in group) and any(
                    self._described_alike(item, other) for other in group
                ):
                    group.append(item)
                    break
            else:
                groups.append([item])
        return [c for c in (self._figure_conflict(g) for g in groups) if c is not None]

    def _figure_conflict(self, group: list[_Located]) -> Conflict | None:
        by_value: dict[float, list[_Located]] = defaultdict(list)
        for item in group:
            by_value[float(item[1].value or 0.0)].append(item)
        outlets = {self.outlet[x] for _, _, x in group}
        if len(by_value) < 2 or len(outlets) < 2 or not _really_differ(list(by_value)):
            return None
        # An article that gives both values ("$974 billion over five years or $1.2
        # trillion over eight") tells two quantities apart: no outlet contradicts it.
        for k in {k for k, _, _ in group}:
            unit = next(f.unit for kk, f, _ in group if kk == k)
            figures = self.articles[k].annotated.figures
            given = {float(f.value) for f in figures if f.value is not None and f.unit == unit}
            if sum(v in given for v in by_value) >= 2:
                return None
        claims = []
        for value, items in sorted(by_value.items()):
            first = items[0][1]
            claims.append(
                Claim(
                    _fmt(value, first.unit),
                    first.text,
                    tuple(SourceSpan(self.articles[k].id, f.start, f.end) for k, f, _ in items),
                    tuple(dict.fromkeys(self.outlet[x] for _, _, x in items)),
                )
            )
        about = next((f.about for _, f, _ in group if f.about), group[0][1].unit)
        return Conflict("figure", about, tuple(claims))

    def _compatible(self, a: _Located, b: _Located) -> bool:
        """Whether two figures may report one quantity: other articles, times that can
        be the same, one unit (or counted nouns of one meaning), close values."""
        (ka, fa, _), (kb, fb, _) = a, b
        if ka == kb or not _same_period(fa.when, fb.when):
            return False
        if fa.unit != fb.unit and not (
            _is_count(fa.unit)
            and _is_count(fb.unit)
            and self.phrases.alike(fa.unit, fb.unit, SAME_NOUN)
        ):
            return False
        return _rivals(float(fa.value or 0.0), float(fb.value or 0.0))

    def _described_alike(self, a: _Located, b: _Located) -> bool:
        """What two figures measure matches by meaning (their sentences, when one has no
        description)."""
        (_, fa, xa), (_, fb, xb) = a, b
        if fa.about and fb.about:
            return self.phrases.alike(fa.about, fb.about, SAME_ABOUT)
        return bool(self.sims[xa, xb] >= SAME_SENTENCE_MEASURE)

    def date_conflicts(self) -> list[Conflict]:
        # What happened on a day is said just before the date: "Orlesia reopened the
        # crossing on [Tuesday]". Those words, not the whole sentence, must match — a
        # sentence often carries a second date for something else ("officials said on Monday").
        events: list[tuple[int, str, str, SourceSpan]] = []  # (article, day, event words, where)
        for k, a in enumerate(self.articles):
            for t in a.annotated.timexes:
                if not (t.resolved and t.type == "DATE" and _DAY.match(t.value)):
                    continue
                x = self.row_at(k, t.start)
                if x is None:
                    continue
                start = self.span(x).start
                words = a.text[start : t.start].split()[-_EVENT_WORDS:]
                if len(words) >= 3:
                    events.append((k, t.value, " ".join(words), SourceSpan(a.id, t.start, t.end)))
        self.phrases.prepare([words for _, _, words, _ in events])
        conflicts: list[Conflict] = []
        seen: set[frozenset[int]] = set()
        for i, (ka, day_a, words_a, where_a) in enumerate(events):
            for j in range(i + 1, len(events)):
                kb, day_b, words_b, where_b = events[j]
                outlets = (_outlet(self.articles[ka]), _outlet(self.articles[kb]))
                if day_a == day_b or outlets[0] == outlets[1] or frozenset((i, j)) in seen:
                    continue
                if not self.phrases.alike(words_a, words_b, SAME_EVENT):
                    continue
                seen.add(frozenset((i, j)))
                claims = (
                    Claim(day_a, words_a, (where_a,), (outlets[0],)),
                    Claim(day_b, words_b, (where_b,), (outlets[1],)),
                )
                ordered = tuple(sorted(claims, key=lambda c: c.value))
                conflicts.append(Conflict("date", words_a, ordered))
        return conflicts


def _position(article: AnalysedArticle, figure: Figure) -> bool:
    """Whether a figure is what a side asked for, offered or turned down rather than a
    report of a quantity: it opens the content of a demand, commitment or refusal ("the
    union's demand for [a 9 percent pay rise]", "its offer of [4 percent]"). Sides'
    positions differ by nature; "press Orlesia to [free seven detained reporters]"
    still reports how many are held."""
    for ask in article.annotated.asks:
        if ask.kind != "action" and ask.content_start <= figure.start < ask.content_end:
            lead = article.text[ask.content_start : figure.start].split()
            if all(w.lower() in _DETERMINERS for w in lead):
                return True
    return False


def _same_amount(a: set[tuple[str, str]], b: set[tuple[str, str]]) -> bool:
    """Whether two sentences give one amount, of whatever unit and within 2 % ("250
    missiles" / "250 rockets", "101,789 names" / "nearly 102,000"): an amount of ten or
    more is rarely shared by chance in one story's related sentences."""
    mine, theirs = (
        [v for k, w in marks if k == "figure" and (v := _amount(w)) is not None and abs(v) >= 10]
        for marks in (a, b)
    )
    return any(abs(u - v) <= 0.02 * max(abs(u), abs(v)) for u in mine for v in theirs)


def _amount(mark: str) -> float | None:
    try:
        return float(mark.split(" ", 1)[0])
    except ValueError:  # a range has no single value ("None …")
        return None


def _own_details(a: set[tuple[str, str]], b: set[tuple[str, str]]) -> bool:
    """Whether two sentences both carry figures, or both dates, and none of the same
    ("$24 billion" for the storms and "$14 billion" for disasters before them; one
    refusal on Monday and another a week before): each tells its own."""
    for kind in ("figure", "date"):
        mine, theirs = ({w for k, w in marks if k == kind} for marks in (a, b))
        if mine and theirs and not mine & theirs:
            return True
    return False


def _quote_shared(a: set[tuple[str, str]], b: set[tuple[str, str]]) -> bool:
    """Whether two sentences quote the same words."""
    quotes = [set(w.split()) for k, w in b if k == "quote"]
    return any(_same_words(set(w.split()), v) for k, w in a if k == "quote" for v in quotes)


def _same_words(u: set[str], v: set[str]) -> bool:
    """Two quotes of the same words: ≥ :data:`SAME_QUOTE` of the shorter one's tokens."""
    return bool(u and v) and len(u & v) / min(len(u), len(v)) >= SAME_QUOTE


def _same_period(a: str | None, b: str | None) -> bool:
    """Whether two figures' times may be the same (one unknown, or one inside the other)."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


class _Phrases:
    """Short phrases of one story and their MiniLM vectors, embedded in batches."""

    def __init__(self, encoder: SentenceEncoder) -> None:
        self.encoder = encoder
        self.vectors: dict[str, npt.NDArray[np.float32]] = {}

    def prepare(self, phrases: Sequence[str]) -> None:
        """Embed, in one batch, the phrases not yet seen."""
        missing = [p for p in dict.fromkeys(phrases) if p not in self.vectors]
        if missing:
            self.vectors.update(zip(missing, self.encoder.encode(missing), strict=True))

    def alike(self, u: str, v: str, threshold: float) -> bool:
        """Two phrases of one meaning ("reporters" / "journalists"), by cosine."""
        self.prepare([u, v])
        return bool(float(self.vectors[u] @ self.vectors[v]) >= threshold)


def _rivals(a: float, b: float) -> bool:
    """Whether two values are close enough to be rival reports of one quantity: of one
    sign and at most :data:`MAX_RIVAL_RATIO` apart."""
    lo, hi = sorted((abs(a), abs(b)))
    return (a >= 0) == (b >= 0) and hi <= MAX_RIVAL_RATIO * lo


def _really_differ(values: list[float]) -> bool:
    lo, hi = min(values), max(values)
    return hi - lo > 0.01 * max(abs(hi), 1e-9)


def _fmt(value: float, unit: str) -> str:
    """A value as people write it: "8,200,000,000,000 USD" (not "8.2e+12", which a float
    a hair off 8.2 × 10¹² would print), "6.5 percent"."""
    whole = abs(value) >= 1000 or value == int(value)
    number = f"{round(value):,}" if whole else f"{value:,.4g}"
    return f"{number} {unit}"


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold())


def _quote_conflicts(articles: Sequence[AnalysedArticle], actors: Actors) -> list[Conflict]:
    quotes = []
    for a in articles:
        for q in a.annotated.quotes:
            if q.kind != "direct" or q.speaker is None or len(_tokens(q.text)) < MIN_QUOTE_WORDS:
                continue
            who = actors.of(a.id, q.speaker.entity_id) or q.speaker.name
            if _person(actors, who):
                quotes.append((a, q, who, set(_tokens(q.text))))
    conflicts: list[Conflict] = []
    for i, (a, q, who, toks) in enumerate(quotes):
        for b, r, who2, toks2 in quotes[i + 1 :]:
            if a.id == b.id or who == who2 or not _same_words(toks, toks2):
                continue
            name, name2 = _display(actors, who), _display(actors, who2)
            conflicts.append(
                Conflict(
                    "quote",
                    q.text,
                    (
                        Claim(name, q.text, (SourceSpan(a.id, q.start, q.end),), (_outlet(a),)),
                        Claim(name2, r.text, (SourceSpan(b.id, r.start, r.end),), (_outlet(b),)),
                    ),
                )
            )
    return conflicts


def _person(actors: Actors, who: str) -> bool:
    """Whether a speaker (an actor id, or the name as written) is a person: a PER actor,
    or, unresolved, a name of two or more capitalised words ("Petr Halloran", not "Sen."
    or "the final day of the summit")."""
    actor = actors.get(who)
    if actor is not None:
        return actor.type == "PER"
    words = who.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def _display(actors: Actors, who: str) -> str:
    actor = actors.get(who)
    return actor.name if actor is not None else who
