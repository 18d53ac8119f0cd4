"""The whole path from sources to dossiers: ingest, analyse, cluster, synthesise.

:func:`brief` is what ``storyline brief`` and ``storyline demo`` call. Sources
are ingested into the store (rejections reported, nothing stored is lost);
the articles of this run that have no story yet are analysed and clustered —
continuing the stories already in the store, whose ids never change — and a
dossier is built for every story that this run touched (every story in the
store when ``everything`` is set). Analyses are stored with the articles, so the
earlier articles of a story that grows are read back, not parsed again.

>>> from storyline.store import Store
>>> from storyline.settings import Settings
>>> result = brief([], Store.open(":memory:"), Settings(), everything=True)
>>> result.dossiers, result.rejected
((), ())
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from storyline.extract.annotate import Annotator, default_annotator
from storyline.ingest.pipeline import IngestReport, ingest_sources
from storyline.nlp.embeddings import SentenceEncoder, load_encoder
from storyline.records import Article, Rejected, time_order
from storyline.settings import Settings
from storyline.store import Store
from storyline.stories.analyse import analyse_articles, analysis_version, recall_vectors
from storyline.stories.cluster import WINDOW_DAYS, StoryClusterer, StoryItem, StoryState
from storyline.stories.dossier import Dossier, build_dossier
from storyline.stories.keywords import load_keyword_weights
from storyline.stories.records import AnalysedArticle

__all__ = ["BriefResult", "brief"]

_REMEMBERED_SENTENCES = 50_000


@dataclass(frozen=True, slots=True)
class BriefResult:
    """Dossiers of the stories a run touched, the inputs it rejected, and the ingest report."""

    dossiers: tuple[Dossier, ...]
    rejected: tuple[Rejected, ...]
    report: IngestReport | None = None


def brief(
    sources: Sequence[str],
    store: Store,
    settings: Settings,
    *,
    since: datetime | None = None,
    summary_words: int = 200,
    everything: bool = False,
    annotator: Annotator | None = None,
    encoder: SentenceEncoder | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> BriefResult:
    """Ingest ``sources`` and write the dossiers of the stories they belong to.

    ``progress(stage, done, total)`` is called as articles are analysed.
    """
    report = ingest_sources(sources, store, settings) if sources else None
    annotator = annotator or default_annotator()
    encoder = encoder or load_encoder()
    encoder.remember(_REMEMBERED_SENTENCES)  # summary, timeline and ledger reread them
    try:
        return _brief(report, store, since, summary_words, everything, annotator, encoder, progress)
    finally:
        encoder.remember(0)


def _brief(
    report: IngestReport | None,
    store: Store,
    since: datetime | None,
    summary_words: int,
    everything: bool,
    annotator: Annotator,
    encoder: SentenceEncoder,
    progress: Callable[[str, int, int], None] | None,
) -> BriefResult:
    run_ids = list(dict.fromkeys(o.article_id for o in report.outcomes)) if report else []
    assigned = store.story_of(run_ids)
    touched = {assigned[i] for i in run_ids if i in assigned}
    new_articles = [a for a in (store.get(i) for i in run_ids if i not in assigned) if a]
    analysed: dict[str, AnalysedArticle] = {}

    def analyse(articles: Sequence[Article], stage: str) -> None:
        done = 0

        def step(n: int) -> None:
            nonlocal done
            done += n
            if progress:
                progress(stage, done, len(articles))

        if progress:
            progress(stage, 0, len(articles))  # the bar starts with the work, not after a batch
        made = list(analyse_articles(articles, annotator, encoder, progress=step))
        store.save_analyses(made, analysis_version())
        analysed.update((a.id, a) for a in made)

    if new_articles:
        analyse(new_articles, "analyse")
        weights = load_keyword_weights()
        clusterer = StoryClusterer(states=_live_states(store, new_articles))
        originals = [a.duplicate_of for a in new_articles if a.duplicate_of]
        for original, story_id in store.story_of(originals).items():
            clusterer.remember(original, story_id)  # a copy joins its original's story
        items = [
            StoryItem(
                a.id,
                a.published,
                analysed[a.id].lead_vector,
                weights.vector(f"{a.title or ''}\n{a.text}"),
                a.duplicate_of,
            )
            for a in new_articles
        ]
        assignments = clusterer.add_all(items)
        changed = {a.story_id for a in assignments}
        touched.update(changed)
        states = [
            s for s in (*clusterer.active.values(), *clusterer.retired.values()) if s.id in changed
        ]
        store.save_stories(states, assignments)
    story_ids = sorted(store.story_ids()) if everything else sorted(touched)
    members = {sid: store.story_members(sid) for sid in story_ids}
    missing = [i for ids in members.values() for i in ids if i not in analysed]
    stored = store.analyses(missing, analysis_version())
    recall_vectors(stored.values(), encoder)  # the story stages embed these sentences again
    analysed.update(stored)
    missing = [i for i in missing if i not in analysed]
    if missing:
        analyse([a for a in (store.get(i) for i in missing) if a], "analyse earlier articles")
    dossiers = [
        build_dossier(
            sid,
            [analysed[i] for i in ids if i in analysed],
            encoder,
            summary_words=summary_words,
            since=since,
        )
        for sid, ids in members.items()
        if any(i in analysed for i in ids)
    ]
    dossiers.sort(key=lambda d: (-len(d.articles), d.id))
    return BriefResult(tuple(dossiers), report.rejected if report else (), report)


def _live_states(store: Store, articles: Sequence[Article]) -> list[StoryState]:
    """Stored stories that articles this old could still join (all, when any is undated)."""
    dated = [a.published for a in articles if a.published is not None]
    if len(dated) < len(articles):
        return store.story_states()
    earliest = min(dated, key=time_order)
    return store.story_states(active_since=earliest - timedelta(days=WINDOW_DAYS))
