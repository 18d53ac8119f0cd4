"""A story's timeline: its most reported dates, each with the sentences that say what happened.

:func:`build_timeline` follows the Datewise method of news-tls (Gholipour
Ghalandari & Ifrim 2020): first choose the dates, then summarise each date.

1. Every sentence is dated (:mod:`storyline.stories.timeline_dates`): by a day
   or month timex in the sentence (basis ``"text"``), else — for an article's
   lead sentences — by the article's publication day (basis ``"published"``).
2. Dates are ranked by how often the collection points at them, and the best
   ``max_dates`` that have a usable sentence are kept, a day next to one
   already kept counting less (the day after an event mostly retells it).
3. For each date, the candidate sentences (those dated to it; full sentences
   of 10+ words when the date has any) are embedded with MiniLM; each is scored
   by its cosine to the date's centroid (what the day's reports share) plus its
   cosine to the story's centroid (what keeps the timeline on the story) plus
   its TF-IDF cosine to the date's word centroid (news-tls's CentroidOpt
   signal: the words the day's reports repeat), and the best
   ``sentences_per_date`` distinct events are chosen. Dates are summarised in
   rank order, and a sentence retelling an entry of a better-ranked date
   (cosine at least :data:`SAME_EVENT`) is taken only if the date has nothing else.
4. Reports of the same event on the same date by other articles (cosine to
   the chosen sentence at least :data:`SAME_EVENT`) are merged into that entry's
   sources, one span per article; a near-duplicate is never chosen twice.

The weights and switches are a :class:`TimelineSettings`, chosen by
leave-one-topic-out cross-validation on Timeline17
(``training/stories/tune_timeline.py``).

Month-precision dates stay months ("2010-01"); no day is ever guessed.

>>> from datetime import datetime
>>> from storyline.stories.records import SourceDocument
>>> text = "Rescue teams reached the collapsed hotel in the capital."
>>> doc = SourceDocument("a1", text, ((0, len(text)),), published=datetime(2010, 1, 14))
>>> [(e.date, e.basis, e.sources) for e in build_timeline([doc])]
[('2010-01-14', 'published', (SourceSpan(article_id='a1', start=0, end=56),))]
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

import numpy as np
import numpy.typing as npt

from storyline.nlp.embeddings import SentenceEncoder, load_encoder
from storyline.stories.records import SourceDocument, SourceSpan
from storyline.stories.timeline_dates import (
    LEAD_SENTENCES,
    MONTH_WEIGHT,
    DatedSentence,
    date_sentences,
    rank_dates,
    spread_dates,
)

__all__ = ["SAME_EVENT", "TimelineEntry", "TimelineSettings", "build_timeline"]

SAME_EVENT = 0.75
"""MiniLM cosine at or above which two same-date sentences report the same event."""

_MIN_WORDS, _MAX_WORDS = 6, 60  # shorter are captions or fragments, longer are run-ons
_FULL_WORDS = 10  # a date's shorter sentences are used only when it has no longer one
_MAX_CANDIDATES = 200  # per date; the first in document order, to bound the encoding
_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")

FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event on a timeline.

    ``date`` is ISO at the precision known ("2010-01-12", "2010-01"); ``text`` is
    the source sentence, verbatim; ``sources`` are every article span reporting
    the event, ``text``'s own first; ``basis`` is how the date is known:
    ``"text"`` (a timex in the sentence) or ``"published"`` (publication day).
    """

    date: str
    text: str
    sources: tuple[SourceSpan, ...]
    basis: str


@dataclass(frozen=True, slots=True)
class TimelineSettings:
    """How :func:`build_timeline` ranks dates and picks each date's sentences.

    The defaults are the shipped choice; ``training/stories/tune_timeline.py``
    chooses among alternatives by leave-one-topic-out cross-validation on
    Timeline17 and reports the held-out scores.

    - ``story_weight``: weight of a candidate's cosine to the story centroid
      against its cosine to the date's centroid (keeps the timeline on the story).
    - ``lexical_weight``: weight of its TF-IDF cosine to the date's word centroid.
    - ``lead_weight``: bonus for a sentence among its article's first
      :data:`~storyline.stories.timeline_dates.LEAD_SENTENCES` (news leads say
      what happened; later sentences give background).
    - ``max_words``: a date's candidates are its sentences of 10 to ``max_words``
      words when it has any (else any usable sentence up to 60 words).
    - ``month_weight``: a month's date score against a day's.
    - ``distinct_dates``: whether a date prefers sentences that do not repeat
      (cosine below :data:`SAME_EVENT`) an entry chosen for a better-ranked date,
      so that a timeline does not tell one event twice (coverage days after an
      event still retells it, dated to the later day).
    - ``shared_centroid``: whether a date's centroids (MiniLM and TF-IDF) weigh
      its sentences published that day and those dated to it by their text
      equally, the TF-IDF one keeping only words both use (news-tls's PM-Mean
      candidate scoring), rather than pooling all its sentences.

    Only ``distinct_dates`` differs from the settings before that tuning; the
    other knobs stay at values cross-validation did not improve on.

    >>> TimelineSettings(story_weight=2.0).lexical_weight
    1.0
    """

    story_weight: float = 1.0
    lexical_weight: float = 1.0
    lead_weight: float = 0.0
    max_words: int = _MAX_WORDS
    month_weight: float = MONTH_WEIGHT
    distinct_dates: bool = True
    shared_centroid: bool = False


def _default_dates(n_documents: int) -> int:
    """A timeline length that grows slowly with the story: 5 for a few articles, 40 at most."""
    return max(5, min(40, round(2 * math.sqrt(n_documents))))


def _usable(sentence: DatedSentence) -> bool:
    words = len(sentence.text.split())
    return _MIN_WORDS <= words <= _MAX_WORDS and not sentence.text.endswith("?")


def _unit(vector: FloatArray) -> FloatArray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def build_timeline(
    documents: Sequence[SourceDocument],
    *,
    encoder: SentenceEncoder | None = None,
    max_dates: int | None = None,
    sentences_per_date: int = 1,
    window: tuple[date, date] | None = None,
    settings: TimelineSettings | None = None,
) -> tuple[TimelineEntry, ...]:
    """The story's timeline: up to ``max_dates`` dates, up to ``sentences_per_date`` events each.

    ``max_dates=None`` picks a length for the story's size (and drops dates only
    one sentence points at); ``window`` keeps only dates inside the inclusive
    range (a month: overlapping it); ``settings`` how dates and sentences are
    chosen (the defaults when None). Ordered by date, then by first source.

    >>> from datetime import datetime
    >>> from storyline.stories.records import SourceDocument
    >>> texts = ["Workers reopened the northern bridge to traffic.", "It rained all day."]
    >>> docs = [SourceDocument(f"a{i}", t, ((0, len(t)),), published=datetime(2024, 3, i + 1))
    ...         for i, t in enumerate(texts)]
    >>> [e.date for e in build_timeline(docs, max_dates=1)]
    ['2024-03-01']
    """
    if sentences_per_date < 1:
        raise ValueError(f"sentences_per_date must be at least 1, not {sentences_per_date}")
    settings = settings or TimelineSettings()
    sentences = [s for s in date_sentences(documents) if _usable(s)]
    ranked = rank_dates(sentences, documents, window, month_weight=settings.month_weight)
    by_date: dict[str, list[DatedSentence]] = defaultdict(list)
    for s in sentences:
        by_date[s.date].append(s)
    for d, group in by_date.items():
        full = [s for s in group if _FULL_WORDS <= len(s.text.split()) <= settings.max_words]
        by_date[d] = (full or group)[:_MAX_CANDIDATES]
    ranked = [(d, v) for d, v in ranked if by_date.get(d)]
    if max_dates is None:
        wanted = _default_dates(len(documents))
        ranked = [(d, v) for d, v in ranked if v > 1.0] or ranked[:wanted]
    else:
        wanted = max_dates
    chosen = spread_dates(ranked, wanted)
    if not chosen:
        return ()

    encoder = encoder or load_encoder()
    pool = [s for d in chosen for s in by_date[d]]
    vectors = encoder.encode([s.text for s in pool])
    idf = _idf([s.text for s in pool])
    story = _unit(vectors.mean(axis=0))
    entries: list[TimelineEntry] = []
    taken: list[FloatArray] = []  # vectors of the entries chosen so far, best-ranked dates first
    offset = 0
    for d in chosen:  # in rank order, so a repeated event stays on its better-ranked date
        n = len(by_date[d])
        block = vectors[offset : offset + n]
        repeats = np.zeros(n, dtype=bool)
        if settings.distinct_dates and taken:
            repeats = (block @ np.stack(taken).T).max(axis=1) >= SAME_EVENT
        picked = _summarise_date(
            by_date[d], block, story, idf, sentences_per_date, settings, repeats
        )
        entries.extend(candidate for candidate, _ in picked)
        taken.extend(block[i] for _, i in picked)
        offset += n
    entries.sort(key=lambda e: (e.date, e.sources[0]))
    return tuple(entries)


def _summarise_date(
    candidates: list[DatedSentence],
    vectors: FloatArray,
    story: FloatArray,
    idf: dict[str, float],
    k: int,
    settings: TimelineSettings,
    repeats: npt.NDArray[np.bool_],
) -> list[tuple[TimelineEntry, int]]:
    """The ``k`` most central distinct events of one date, each with its merged sources
    and the index of its head sentence among ``candidates``.

    Candidates flagged in ``repeats`` (they retell an entry of another date) are
    taken only when the date has too few others.
    """
    published = np.array([c.basis == "published" for c in candidates], dtype=bool)
    balanced = settings.shared_centroid and published.any() and not published.all()
    if balanced:
        # news-tls's PM-Mean: what the day's own reports and later mentions of it both say.
        centre = _unit(vectors[published].mean(axis=0) + vectors[~published].mean(axis=0))
    else:
        centre = _unit(vectors.mean(axis=0))
    scores = vectors @ centre + settings.story_weight * (vectors @ story)
    if settings.lexical_weight:
        lexical = _lexical_centrality(
            [c.text for c in candidates], idf, published if balanced else None
        )
        scores = scores + settings.lexical_weight * lexical
    if settings.lead_weight:
        lead = np.array([c.position < LEAD_SENTENCES for c in candidates], dtype=np.float32)
        scores = scores + settings.lead_weight * lead
    order = sorted(
        range(len(candidates)),
        key=lambda i: (bool(repeats[i]), -float(scores[i]), candidates[i].span),
    )
    similar = vectors @ vectors.T
    picked: list[int] = []
    for i in order:
        if len(picked) >= k:
            break
        if all(similar[i, j] < SAME_EVENT for j in picked):
            picked.append(i)
    # Every other candidate joins the chosen event it is closest to, if it is the same event.
    members: dict[int, dict[str, int]] = {i: {candidates[i].span.article_id: i} for i in picked}
    for i in range(len(candidates)):
        if i in members:
            continue
        best = max(picked, key=lambda j: (float(similar[i, j]), -j))
        article = candidates[i].span.article_id
        if similar[i, best] < SAME_EVENT:
            continue
        held = members[best].get(article)
        if held is None or similar[i, best] > similar[held, best]:
            members[best][article] = i
    entries: list[tuple[TimelineEntry, int]] = []
    for i in picked:
        head = candidates[i]
        others = sorted(candidates[j].span for a, j in members[i].items() if j != i)
        entries.append((TimelineEntry(head.date, head.text, (head.span, *others), head.basis), i))
    return entries


def _words(text: str) -> list[str]:
    stop = _stopwords()
    return [w for w in _WORD.findall(text.lower()) if w not in stop]


@cache
def _stopwords() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _idf(texts: Sequence[str]) -> dict[str, float]:
    """Smoothed inverse document frequency of each word over the candidate sentences."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(_words(text)))
    n = len(texts)
    return {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}


def _lexical_centrality(
    texts: Sequence[str], idf: dict[str, float], sides: npt.NDArray[np.bool_] | None = None
) -> FloatArray:
    """TF-IDF cosine of each sentence to the sum of them all (news-tls's centroid score).

    With ``sides`` (True: published that day, False: dated by its text), the
    centroid is news-tls's PM-Mean one: each side's mean, kept only for the words
    both sides use (all words, if they share none).
    """
    bags = [{w: c * idf.get(w, 1.0) for w, c in Counter(_words(t)).items()} for t in texts]
    centre: Counter[str] = Counter()
    for bag in bags:
        centre.update(bag)
    if sides is not None:
        halves: list[Counter[str]] = [Counter(), Counter()]
        for bag, side in zip(bags, sides, strict=True):
            halves[int(side)].update(bag)
        counts = (len(sides) - int(sides.sum()), int(sides.sum()))
        shared = Counter(
            {
                w: halves[0][w] / counts[0] + v / counts[1]
                for w, v in halves[1].items()
                if halves[0][w] > 0 and v > 0
            }
        )
        centre = shared or centre
    centre_norm = math.sqrt(sum(v * v for v in centre.values())) or 1.0
    out = np.zeros(len(texts), dtype=np.float32)
    for i, bag in enumerate(bags):
        norm = math.sqrt(sum(v * v for v in bag.values()))
        if norm:
            out[i] = sum(v * centre[w] for w, v in bag.items()) / (norm * centre_norm)
    return out
