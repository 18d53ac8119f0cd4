"""A story's multi-document summary: sourced sentences, no repeats, newest last.

:func:`summarize` is extractive: every :class:`SummarySentence` is a sentence of
one article, carried with its :class:`~storyline.stories.records.SourceSpan` and
with the sentences of *other* articles that say the same thing
(``corroborated_by``), so a reader can check each line against its sources.

How sentences are chosen:

1. Every sentence gets a score from a trained linear scorer over
   :func:`~storyline.stories.summary_features.sentence_features` and its MiniLM
   vector (ridge regression on Multi-News, predicting how much of a sentence a
   reference summary covers: ``training/summary/train_summary.py``).
2. A sentence opening on a pronoun that points back ("It", "They", "He") is not
   offered unless it opens its article: alone it cannot be understood.
   A quotation never travels without its speaker: a sentence that is only a quote
   (it opens a quote it does not close, or starts with one and names nobody) is
   taken together with the neighbouring sentence that attributes it, or not at all.
3. Sentences are picked greedily by score less a redundancy penalty (maximal
   marginal relevance on MiniLM vectors); a sentence too close to one already
   picked (cosine ≥ :data:`REDUNDANCY_COSINE`) is never picked, the word budget
   is never exceeded, and sentences that are mostly quotation fill at most
   :data:`QUOTE_SHARE` of it (the scorer, trained on Multi-News, likes quotes).
4. Order: background first, in time order (dated articles by publication time,
   then undated ones in the order given; within an article, reading order), then
   the latest developments: sentences from the newest day's articles that no
   earlier article corroborates, so what changed comes last and is easy to find.
   Articles with ``published=None`` are undated: never "latest".

The result depends only on the inputs (no randomness; ties broken by position).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from storyline.nlp.embeddings import SentenceEncoder, load_encoder
from storyline.stories.records import SourceDocument, SourceSpan
from storyline.stories.summary_features import FEATURE_NAMES, QUOTE_MARKS, sentence_features

__all__ = [
    "CORROBORATION_COSINE",
    "MODEL_PATH",
    "REDUNDANCY_COSINE",
    "SentenceScorer",
    "SummarySentence",
    "choose_sentences",
    "cut_off",
    "points_back",
    "summarize",
    "with_lead_bonus",
]

FloatArray = npt.NDArray[np.float32]
FloatArray64 = npt.NDArray[np.float64]

MODEL_PATH = Path(__file__).resolve().parent / "models" / "summary_scorer.npz"

#: MiniLM cosine from which a sentence of another article reports the same thing.
#: Chosen by reading cross-article pairs of Multi-News stories: from 0.8 nearly all
#: pairs state the same fact; at 0.70-0.8 many share only the topic, and MiniLM
#: scores opposite claims close ("the bridge reopened on Monday" / "the bridge was
#: closed again on Friday": 0.75), so corroboration errs towards precision.
CORROBORATION_COSINE = 0.8
#: MiniLM cosine from which two sentences are one fact told twice: only one is kept.
REDUNDANCY_COSINE = 0.8
#: Weight of the redundancy penalty in maximal marginal relevance.
REDUNDANCY_PENALTY = 0.1
#: Share of the word budget that sentences mostly in quotation marks may fill: a
#: summary reports what happened; quotes colour it. (Cross-validated on Multi-News
#: tune stories, the cap costs no ROUGE-1 and under 0.001 ROUGE-2.)
QUOTE_SHARE = 1 / 3
#: A quotation is assumed to end within this many sentences.
MAX_QUOTE_SENTENCES = 4
#: Sentences shorter than this are headlines, bylines or fragments, not summary lines
#: ("Thank you for subscribing."). On the Multi-News tune part 5 scores as 3 did.
MIN_WORDS = 5
#: A news article's first full sentence is its lead: what happened, who, when. The
#: scorer learnt from Multi-News, whose documents often open with page debris, so it
#: barely favours leads; this bonus (in standard deviations of the sentence scores,
#: for first sentences of at least 8 words) puts each article's news back in the
#: summary. On the Multi-News tune part (4-fold cross-validation) it costs no
#: ROUGE-1 and 0.0014 ROUGE-2.
LEAD_BONUS = 0.5
_LEAD_WORDS = 8

_CUE = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|according to|wrote|writes|explained|"
    r"noted|asked|insisted|argued|warned|stated|claimed|announced|tweeted|declared)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """One line of a story's summary and where it comes from.

    ``text`` is the words of ``source`` in its article; ``corroborated_by`` are the
    sentences of other articles that report the same thing; ``published`` is the
    source article's publication time (None when undated).
    """

    text: str
    source: SourceSpan
    corroborated_by: tuple[SourceSpan, ...]
    published: datetime | None


@dataclass(frozen=True, slots=True)
class SentenceScorer:
    """A linear score over standardised features and the sentence's MiniLM vector.

    ``weights`` has one entry per feature of :data:`FEATURE_NAMES` followed by one
    per vector dimension; higher scores mark summary-worthy sentences.

    >>> scorer = SentenceScorer(np.zeros(3), np.ones(3), np.array([1.0, 0.0, -1.0]), 0.5)
    >>> scorer.score(np.array([[2.0]]), np.array([[0.0, 1.0]])).tolist()
    [1.5]
    """

    mean: npt.NDArray[np.float64]
    scale: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float64]
    bias: float

    def score(self, features: npt.NDArray[np.floating], vectors: FloatArray) -> FloatArray64:
        """One score per sentence: ``features`` rows beside their ``vectors`` rows."""
        x = np.hstack([np.asarray(features, dtype=np.float64), vectors.astype(np.float64)])
        return np.asarray(((x - self.mean) / self.scale) @ self.weights + self.bias)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> SentenceScorer:
        """The scorer saved by ``training/summary/train_summary.py``."""
        with np.load(path) as data:
            names = tuple(str(n) for n in data["feature_names"])
            if names != FEATURE_NAMES:
                raise ValueError(f"{path} was trained on other features: retrain it")
            return cls(data["mean"], data["scale"], data["weights"], float(data["bias"]))


@cache
def _shipped_scorer() -> SentenceScorer:
    return SentenceScorer.load()


def _outside_quotes(text: str, opens_inside: bool) -> str:
    """The words of ``text`` outside quotation marks."""
    parts = re.split(r"[\"“”]", text)
    return " ".join(parts[1::2] if opens_inside else parts[0::2])


def _quoted(text: str, starts_inside: bool) -> bool:
    """True when most of ``text`` lies inside quotation marks."""
    parts = re.split(r"[\"“”]", text)
    inside = parts[0::2] if starts_inside else parts[1::2]
    return sum(len(p) for p in inside) > len(text) / 2


def _attributes(text: str, opens_inside: bool) -> bool:
    """True when ``text`` names who speaks (a cue verb outside the quote, or ends with ':')."""
    return bool(_CUE.search(_outside_quotes(text, opens_inside))) or text.rstrip().endswith(":")


def _quote_state(texts: Sequence[str], doc_of: Sequence[int]) -> list[bool]:
    """For each sentence, whether it starts inside a quotation an earlier sentence opened.

    Quotation marks are counted through the article, but a quotation is taken to
    close after :data:`MAX_QUOTE_SENTENCES` sentences, so one stray mark cannot put
    the rest of an article inside quotes.
    """
    inside = [False] * len(texts)
    run = 0
    for i in range(1, len(texts)):
        if doc_of[i] != doc_of[i - 1]:
            run = 0
            continue
        marks = sum(ch in QUOTE_MARKS for ch in texts[i - 1])
        inside[i] = inside[i - 1] != (marks % 2 == 1)
        run = run + 1 if inside[i] else 0
        if run >= MAX_QUOTE_SENTENCES:
            inside[i], run = False, 0
    return inside


def _units(texts: Sequence[str], doc_of: Sequence[int]) -> list[tuple[int, ...]]:
    """Candidate units: one sentence, or a quotation's sentences with the one naming its speaker.

    A sentence is a bare quote when it starts with a quotation mark or inside a
    quotation an earlier sentence opened, and names no speaker outside the quote.
    It is offered only together with the sentences that run on to the speaker:
    forward while the quotation lasts (``" ... ," the mayor said``), else back to
    the sentence that opened it (``The mayor said: " ...``). No unit starts inside
    a quotation: one that would is widened back to the sentence that opened it.
    """
    n = len(texts)
    inside = _quote_state(texts, doc_of)
    units: list[tuple[int, ...]] = []
    for i, text in enumerate(texts):
        if len(text.split()) < MIN_WORDS:
            continue
        if points_back(text) and i > 0 and doc_of[i - 1] == doc_of[i]:
            continue  # "It carries most of the wheat.": unreadable without the sentence before
        if not (inside[i] or text.lstrip()[:1] in QUOTE_MARKS):
            units.append((i,))
            continue
        # a unit never starts inside a quotation: '… letter," he said.' goes out with
        # the sentences since the quotation opened
        start = _opened_at(inside, doc_of, i)
        if _attributes(text, inside[i]):
            units.append(tuple(range(start, i + 1)))
            continue
        unit: tuple[int, ...] | None = None
        for j in range(i + 1, min(i + MAX_QUOTE_SENTENCES, n)):
            if doc_of[j] != doc_of[i]:
                break
            if _attributes(texts[j], inside[j]):
                unit = tuple(range(start, j + 1))
                break
            if not inside[j]:
                break  # the quotation closed before j, and j does not name its speaker
        j = i
        while unit is None and j > 0 and doc_of[j - 1] == doc_of[i] and i - j < MAX_QUOTE_SENTENCES:
            j -= 1
            if _attributes(texts[j], inside[j]):
                unit = tuple(range(j, i + 1))
            elif not inside[j + 1]:
                break  # j is before the sentence that opened the quotation
        if unit is not None:
            units.append(unit)
    return list(dict.fromkeys(units))


def _opened_at(inside: Sequence[bool], doc_of: Sequence[int], i: int) -> int:
    """The sentence that opened the quotation sentence ``i`` starts inside (else ``i``)."""
    j = i
    while inside[j] and j > 0 and doc_of[j - 1] == doc_of[i] and i - j < MAX_QUOTE_SENTENCES:
        j -= 1
    return j


# A sentence that opens on a pronoun pointing back ("It", "They", "He") cannot stand
# alone unless it opens its article. Dropping them costs no ROUGE on the Multi-News
# tune part (R1 -0.0005, R2 +0.0004 on 150 stories).
_POINTS_BACK = re.compile(
    r"\s*(?:(?:it|they|this|these|those|he|she)\b(?!')"
    # a noun that only names what came before: "The move comes after …", "The decision
    # was criticised" (not "The decision to raise rates …", which says what it was)
    r"|the (?:move|decision|announcement|comments|remarks|direction|request|step|news"
    r"|development|statement|memo|letter)\b(?!\s+(?:to|of|by|that|from|on|in|for)\b)(?!')"
    r")",
    re.IGNORECASE,
)


def points_back(sentence: str) -> bool:
    """Whether a sentence opens on a pronoun, or a noun that only names what came before,
    pointing back, so it cannot stand alone.

    >>> points_back("It carries most of the wheat."), points_back("Italy carries it.")
    (True, False)
    >>> points_back("The move comes after talks failed."), points_back("The move to cut rates.")
    (True, False)
    """
    return bool(_POINTS_BACK.match(sentence))


_ENDS_SENTENCE = re.compile(r"[.!?…:][\"'”’)\]]*\s*$")


_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)[\"'”’)\]]*\s*$")


def cut_off(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a sentence the source cut short: it ends the text
    with an ellipsis ("Torres said in a ruling Monday that..."), as crawled teasers
    and truncated feeds do. It says less than it seems to and is never shown alone.

    >>> cut_off("Talks ended. The two parties still had not agreed on...", 13, 56)
    True
    >>> cut_off("He paused... Then he left.", 0, 12)
    False
    """
    return bool(_ELLIPSIS_END.search(text[start:end])) and not text[end:].strip()


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a whole line that does not end like a sentence."""
    before = text[:start].rstrip(" \t")
    after = text[end:].lstrip(" \t")
    whole_line = (not before or before.endswith("\n")) and (not after or after.startswith("\n"))
    return whole_line and not _ENDS_SENTENCE.search(text[start:end])


def with_lead_bonus(scores: FloatArray64, features: npt.NDArray[np.floating]) -> FloatArray64:
    """``scores`` with :data:`LEAD_BONUS` standard deviations added to each article's lead
    (its first sentence, when it has at least eight words).

    >>> import numpy as np
    >>> f = np.zeros((3, len(FEATURE_NAMES)))
    >>> f[0, FEATURE_NAMES.index("is_first")] = 1; f[0, FEATURE_NAMES.index("words")] = 12
    >>> [round(float(x), 3) for x in with_lead_bonus(np.array([0.0, 1.0, 2.0]), f)]
    [0.408, 1.0, 2.0]
    """
    lead = (features[:, FEATURE_NAMES.index("is_first")] > 0) & (
        features[:, FEATURE_NAMES.index("words")] >= _LEAD_WORDS
    )
    return np.asarray(scores + LEAD_BONUS * float(np.std(scores)) * lead)


def select(
    units: Sequence[tuple[int, ...]],
    scores: FloatArray64,
    vectors: FloatArray,
    word_counts: Sequence[int],
    max_words: int,
    *,
    penalty: float = REDUNDANCY_PENALTY,
    redundancy: float = REDUNDANCY_COSINE,
    quoted: Sequence[bool] | None = None,
    quote_share: float = 1.0,
) -> list[int]:
    """Sentence indices picked by MMR under the word budget, in the order picked.

    Sentences flagged in ``quoted`` may fill at most ``quote_share`` of the budget.
    """
    chosen: list[int] = []
    words = 0
    quote_words = 0
    quote_budget = max_words * quote_share
    unit_scores = [float(np.mean(scores[list(u)])) for u in units]
    while True:
        best: tuple[float, int] | None = None
        for k, unit in enumerate(units):
            new = [i for i in unit if i not in chosen]
            if not new or words + sum(word_counts[i] for i in new) > max_words:
                continue
            new_quoted = sum(word_counts[i] for i in new if quoted is not None and quoted[i])
            if new_quoted and quote_words + new_quoted > quote_budget:
                continue
            overlap = float((vectors[new] @ vectors[chosen].T).max()) if chosen else 0.0
            if overlap >= redundancy:
                continue
            value = unit_scores[k] - penalty * max(overlap, 0.0)
            if best is None or value > best[0]:
                best = (value, k)
        if best is None:
            return chosen
        new = [i for i in units[best[1]] if i not in chosen]
        chosen.extend(new)
        words += sum(word_counts[i] for i in new)
        quote_words += sum(word_counts[i] for i in new if quoted is not None and quoted[i])


def choose_sentences(
    texts: Sequence[str],
    doc_of: Sequence[int],
    scores: FloatArray64,
    features: npt.NDArray[np.floating],
    vectors: FloatArray,
    max_words: int,
    headline: Sequence[bool] | None = None,
    *,
    penalty: float = REDUNDANCY_PENALTY,
    redundancy: float = REDUNDANCY_COSINE,
) -> tuple[list[int], list[tuple[int, ...]]]:
    """Steps 2-3 of the module docstring on the scorer's raw ``scores``: the sentences
    picked (in the order picked) and the multi-sentence units picked whole (a quote
    with its speaker), which stay together in reading order.

    ``training/summary/train_summary.py`` cross-validates through this function, so
    the settings it chooses are those of :func:`summarize`; ``headline`` flags lines
    that are never offered (:func:`_stands_alone`).
    """
    scores = with_lead_bonus(scores, features)
    word_counts = [len(t.split()) for t in texts]
    units = _units(texts, doc_of)
    if headline is not None:
        units = [u for u in units if not any(headline[i] for i in u)]
    quoted = [
        _quoted(t, inside) for t, inside in zip(texts, _quote_state(texts, doc_of), strict=True)
    ]
    chosen = select(
        units,
        scores,
        vectors,
        word_counts,
        max_words,
        penalty=penalty,
        redundancy=redundancy,
        quoted=quoted,
        quote_share=QUOTE_SHARE,
    )
    together = [u for u in units if len(u) > 1 and all(i in chosen for i in u)]
    return chosen, together


def summarize(
    documents: Sequence[SourceDocument],
    *,
    max_words: int = 200,
    encoder: SentenceEncoder | None = None,
) -> tuple[SummarySentence, ...]:
    """At most ``max_words`` words of the story's articles, each line with its sources.

    >>> docs = [SourceDocument("a1", "The bridge reopened on Monday after repairs.", ((0, 44),))]
    >>> [s.text for s in summarize(docs, max_words=20)]
    ['The bridge reopened on Monday after repairs.']
    """
    spans: list[tuple[int, int, int]] = []  # (document index, start, end)
    for d, doc in enumerate(documents):
        spans.extend((d, s, e) for s, e in doc.sentences if doc.text[s:e].strip())
    if not spans or max_words <= 0:
        return ()
    texts = [documents[d].text[s:e] for d, s, e in spans]
    doc_of = [d for d, _, _ in spans]
    encoder = encoder if encoder is not None else load_encoder()
    vectors = encoder.encode(texts)
    per_doc = [
        [t for t, d in zip(texts, doc_of, strict=True) if d == k] for k in range(len(documents))
    ]
    features = sentence_features(per_doc, vectors)
    scores = _shipped_scorer().score(features, vectors)
    # A line standing alone without final punctuation is a headline or a link to
    # another story ("Orlesia orders Estmark consulate closed"), not a sentence; a
    # sentence cut short by the source is not one either.
    headline = [
        _stands_alone(documents[d].text, start, end) or cut_off(documents[d].text, start, end)
        for d, start, end in spans
    ]
    chosen, together = choose_sentences(
        texts, doc_of, scores, features, vectors, max_words, headline
    )

    similarity = vectors @ vectors.T
    lines: list[SummarySentence] = []
    for i in chosen:
        d, start, end = spans[i]
        doc = documents[d]
        support = tuple(
            SourceSpan(documents[doc_of[j]].id, spans[j][1], spans[j][2])
            for j in np.flatnonzero(similarity[i] >= CORROBORATION_COSINE)
            if documents[doc_of[j]].id != doc.id
        )
        lines.append(
            SummarySentence(texts[i], SourceSpan(doc.id, start, end), support, doc.published)
        )
    return tuple(_in_reading_order(lines, chosen, together, documents, doc_of, similarity))


def _in_reading_order(
    lines: list[SummarySentence],
    chosen: list[int],
    together: Sequence[tuple[int, ...]],
    documents: Sequence[SourceDocument],
    doc_of: Sequence[int],
    similarity: npt.NDArray[np.float32],
) -> list[SummarySentence]:
    """Background in time order, then the newest day's uncorroborated news."""
    dated = [doc.published for doc in documents if doc.published is not None]
    newest_day = max(dated, key=_stamp).date() if dated else None
    earlier_docs = {
        d
        for d, doc in enumerate(documents)
        if doc.published is not None
        and newest_day is not None
        and doc.published.date() < newest_day
    }

    def is_latest(i: int) -> bool:
        published = documents[doc_of[i]].published
        if not earlier_docs or published is None or published.date() != newest_day:
            return False  # nothing is new when nothing came before
        return not any(
            similarity[i, j] >= CORROBORATION_COSINE
            for j in range(len(doc_of))
            if doc_of[j] in earlier_docs
        )

    latest = {i: is_latest(i) for i in chosen}
    for unit in together:
        for i in unit:
            latest[i] = any(latest[j] for j in unit)

    def key(k: int) -> tuple[int, int, float, int, int]:
        d = doc_of[chosen[k]]
        published = documents[d].published
        stamp = _stamp(published) if published is not None else 0.0
        return (int(latest[chosen[k]]), int(published is None), stamp, d, lines[k].source.start)

    return [lines[k] for k in sorted(range(len(lines)), key=key)]


def _stamp(moment: datetime) -> float:
    """Seconds since the epoch; a time without a zone is read as UTC, so mixed inputs compare."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()
