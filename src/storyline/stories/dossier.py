"""One story's dossier: articles, actors, quotes, figures, dates, summary, timeline, ledger.

:func:`build_dossier` runs the synthesis stages over a story's analysed
articles. Near-duplicate copies stay listed (with ``duplicate_of``) but are
left out of the summary, timeline, comparison and ledger, so a syndicated
piece counts once. ``since`` marks what appeared after a date: articles
published after it, and everything drawn from them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

import numpy as np

from storyline.extract.figures import Figure
from storyline.extract.quotes import Quote
from storyline.extract.time import Timex
from storyline.nlp.embeddings import SentenceEncoder
from storyline.records import time_order
from storyline.stories.actors import Actors, resolve_actors
from storyline.stories.compare import Comparison, compare_sources
from storyline.stories.ledger import ArticleAsks, LedgerEntry, build_ledger
from storyline.stories.records import AnalysedArticle
from storyline.stories.summary import SummarySentence, summarize
from storyline.stories.timeline import TimelineEntry, build_timeline

__all__ = ["Dossier", "StoryFigure", "StoryQuote", "StoryTimex", "build_dossier"]


@dataclass(frozen=True, slots=True)
class StoryQuote:
    """A quote of one article, with its speaker resolved to a story actor."""

    article_id: str
    quote: Quote
    actor_id: str | None


@dataclass(frozen=True, slots=True)
class StoryFigure:
    """A figure of one article."""

    article_id: str
    figure: Figure


@dataclass(frozen=True, slots=True)
class StoryTimex:
    """A time expression of one article."""

    article_id: str
    timex: Timex


@dataclass(frozen=True)
class Dossier:
    """Everything storyline says about one story, each claim pointing at its sources."""

    id: str
    title: str
    first_seen: datetime | None
    last_seen: datetime | None
    articles: tuple[AnalysedArticle, ...]
    summary: tuple[SummarySentence, ...]
    actors: Actors
    quotes: tuple[StoryQuote, ...]
    figures: tuple[StoryFigure, ...]
    timexes: tuple[StoryTimex, ...]
    timeline: tuple[TimelineEntry, ...]
    comparison: Comparison
    ledger: tuple[LedgerEntry, ...]
    since: datetime | None = None

    def is_new(self, article_id: str) -> bool:
        """Whether the article appeared after ``since`` (never, when no ``since`` was given)."""
        return article_id in self._new

    def article(self, article_id: str) -> AnalysedArticle | None:
        """The story's article with this id."""
        return self._by_id.get(article_id)

    @cached_property
    def _by_id(self) -> dict[str, AnalysedArticle]:
        return {a.id: a for a in self.articles}

    @cached_property
    def _new(self) -> frozenset[str]:
        if self.since is None:
            return frozenset()
        cut = time_order(self.since)
        return frozenset(
            a.id
            for a in self.articles
            if a.annotated.article.published is not None
            and time_order(a.annotated.article.published) > cut
        )


def build_dossier(
    story_id: str,
    articles: Sequence[AnalysedArticle],
    encoder: SentenceEncoder,
    *,
    summary_words: int = 200,
    since: datetime | None = None,
) -> Dossier:
    """Synthesise the dossier of one story from its analysed articles."""
    ordered = sorted(articles, key=lambda a: (time_order(a.annotated.article.published), a.id))
    originals = [a for a in ordered if a.annotated.article.duplicate_of is None] or ordered
    actors = resolve_actors(
        [(a.id, a.text, a.annotated.entities) for a in ordered],
        [
            (a.id, q.speaker.entity_id, q.speaker.description)
            for a in ordered
            for q in a.annotated.quotes
            if q.speaker is not None and q.speaker.description
        ],
    )
    documents = [a.source_document() for a in originals]
    dates = [
        a.annotated.article.published for a in ordered if a.annotated.article.published is not None
    ]
    return Dossier(
        id=story_id,
        title=_title(originals),
        first_seen=min(dates, key=time_order) if dates else None,
        last_seen=max(dates, key=time_order) if dates else None,
        articles=tuple(ordered),
        summary=summarize(documents, max_words=summary_words, encoder=encoder),
        actors=actors,
        quotes=tuple(
            StoryQuote(
                a.id, q, actors.of(a.id, q.speaker.entity_id) if q.speaker is not None else None
            )
            for a in ordered
            for q in a.annotated.quotes
        ),
        figures=tuple(StoryFigure(a.id, f) for a in ordered for f in a.annotated.figures),
        timexes=tuple(StoryTimex(a.id, t) for a in ordered for t in a.annotated.timexes),
        timeline=build_timeline(documents, encoder=encoder),
        comparison=compare_sources(originals, actors, encoder),
        ledger=build_ledger(
            [
                ArticleAsks(a.id, a.annotated.article.published, a.text, a.annotated.asks)
                for a in originals
            ],
            encoder=encoder,
        ),
        since=since,
    )


def _title(articles: Sequence[AnalysedArticle]) -> str:
    """The title of the article closest to the story's centre (the first one on ties)."""
    titled = [a for a in articles if a.annotated.article.title]
    if not titled:
        return articles[0].text[:80].split("\n")[0] if articles else ""
    centre = np.mean([a.lead_vector for a in titled], axis=0)
    best = max(range(len(titled)), key=lambda k: (float(titled[k].lead_vector @ centre), -k))
    return titled[best].annotated.article.title or ""
