"""The ingest runner: sources → bytes → raw articles → cleaning → identity → store.

:func:`ingest` applies one error policy: an input that cannot be used becomes a
:class:`~storyline.records.Rejected` (stored, counted, reported) and the run goes
on; anything else is a bug and rolls the whole batch back, leaving the store
as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo
from types import MappingProxyType
from typing import BinaryIO, Literal

import httpx

from storyline.errors import EmptyArticle, InputRejected
from storyline.extract.time import publication_date_from_text
from storyline.ingest import dedup
from storyline.ingest.clean import Cleaner
from storyline.ingest.fetch import fetch, make_client
from storyline.ingest.identify import content_hash, derive_id
from storyline.ingest.readers import read_blob
from storyline.ingest.sources import SourceItem, expand, load
from storyline.records import Article, RawArticle, Rejected, SourceBlob, time_order
from storyline.settings import Settings
from storyline.store.sqlite import BatchWriter, Store

__all__ = ["IngestReport", "Outcome", "Overrides", "build_article", "ingest_sources"]

#: Fewer words than this after cleaning and an input is rejected as empty.
MIN_WORDS = 5


@dataclass(frozen=True, slots=True)
class Overrides:
    """Metadata given on the command line (``--outlet``, ``--published``, ``--tz``).

    With ``fill_only`` the values fill what an input lacks; otherwise they
    replace it. ``tz`` is the zone of publication times given without an offset.
    """

    outlet: str | None = None
    published: datetime | None = None
    tz: tzinfo | None = None
    fill_only: bool = False

    def apply(self, raw: RawArticle) -> RawArticle:
        """``raw`` with these overrides applied."""
        changes: dict[str, object] = {}
        if self.outlet and (not self.fill_only or not raw.outlet):
            changes["outlet"] = self.outlet
        if self.published and (not self.fill_only or raw.published is None):
            changes["published"] = self.published
            changes["published_from"] = "fill" if self.fill_only else "override"
        published = changes.get("published", raw.published)
        if self.tz and isinstance(published, datetime) and published.tzinfo is None:
            changes["published"] = published.replace(tzinfo=self.tz)
        return replace(raw, **changes) if changes else raw  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one article of the batch."""

    status: Literal["stored", "merged", "unchanged", "renamed"]
    article_id: str
    source: str
    title: str | None
    duplicate_of: str | None = None
    similarity: float | None = None


@dataclass(frozen=True, slots=True)
class IngestReport:
    """The result of one :func:`ingest` call."""

    batch_id: int
    outcomes: tuple[Outcome, ...] = ()
    rejected: tuple[Rejected, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when no input was rejected."""
        return not self.rejected

    def count(self, status: str) -> int:
        """How many outcomes have ``status``."""
        return sum(1 for o in self.outcomes if o.status == status)


def build_article(raw: RawArticle, cleaner: Cleaner) -> Article:
    """Clean ``raw`` and give it its identity. Raises :class:`EmptyArticle`."""
    cleaned = cleaner.clean(raw.text, title=raw.title)
    if len(cleaned.text.split()) < MIN_WORDS:
        raise EmptyArticle(
            "empty after cleaning" if not cleaned.text else "too short after cleaning"
        )
    digest = content_hash(cleaned.text)
    published, published_from, metadata = raw.published, raw.published_from, raw.metadata
    if published is None:
        # No date in the input's metadata: take one the text states (a dateline,
        # an "Updated …" line), before cleaning removed it. Never today's date.
        stated, evidence = publication_date_from_text(raw.text)
        if stated is not None:
            published, published_from = stated, "text"
            metadata = MappingProxyType({**metadata, "published_evidence": evidence})
    return Article(
        id=derive_id(raw.input_id, digest),
        source=raw.source,
        kind=raw.kind,
        text=cleaned.text,
        raw_text=raw.text,
        content_hash=digest,
        title=raw.title,
        url=raw.url,
        canonical_url=raw.canonical_url,
        outlet=raw.outlet,
        author=raw.author,
        published=published,
        published_from=published_from,
        language=raw.language,
        removals=cleaned.removals,
        metadata=metadata,
    )


def _merge(writer: BatchWriter, stored_id: str, article: Article) -> Outcome:
    """Record ``article``'s source on the stored article with the same text."""
    added = writer.add_source(stored_id, article.source)
    if added:
        writer.merged += 1
    return Outcome("merged" if added else "unchanged", stored_id, article.source, article.title)


def _nearest(
    writer: BatchWriter, sig: dedup.Signature, keys: list[int], threshold: float
) -> tuple[str, float] | None:
    """The earliest copy (root) of the most similar stored near-duplicate, if any."""
    best: tuple[float, str] | None = None
    for cand in writer.candidates(keys):
        sim = dedup.similarity(sig, dedup.signature_from_bytes(cand.signature))
        if sim >= threshold and (best is None or sim > best[0]):
            best = (sim, cand.duplicate_of or cand.id)
    return None if best is None else (best[1], round(best[0], 4))


def _store(article: Article, writer: BatchWriter, threshold: float) -> Outcome:
    """Store one article: merge exact duplicates, link near-duplicates to the earliest copy."""
    status: Literal["stored", "renamed"] = "stored"
    existing_hash = writer.hash_of(article.id)
    if existing_hash == article.content_hash:
        return _merge(writer, article.id, article)
    if existing_hash is not None:
        # The id is taken by a different text (an updated version, or an id clash
        # between inputs): keep both, never overwrite what is stored.
        article = replace(article, id=f"{article.id}@{article.content_hash[:8]}")
        status = "renamed"
    same = writer.find_by_hash(article.content_hash)
    if same is not None:
        return _merge(writer, same, article)

    sig = dedup.signature(article.text)
    keys = dedup.band_keys(sig)
    blob = dedup.signature_to_bytes(sig)
    match = _nearest(writer, sig, keys, threshold)
    if match is None:
        writer.insert(article, blob, keys)
    else:
        root, sim = match
        writer.near_duplicates += 1
        if time_order(article.published) < time_order(writer.published_of(root)):
            writer.insert(article, blob, keys)
            writer.relink(root, article.id, sim)
        else:
            article = replace(article, duplicate_of=root, similarity=sim)
            writer.insert(article, blob, keys)
    writer.stored += 1
    return Outcome(
        status, article.id, article.source, article.title, article.duplicate_of, article.similarity
    )


def _articles(
    items: Iterator[SourceItem | Rejected],
    settings: Settings,
    overrides: Overrides,
    cleaner: Cleaner,
    fetch_url: Callable[[str], SourceBlob],
    stdin: BinaryIO | None,
    tick: Callable[[SourceItem | Rejected], None],
) -> Iterator[Article | Rejected]:
    for item in items:
        tick(item)
        if isinstance(item, Rejected):
            yield item
            continue
        try:
            blob = load(item, max_bytes=settings.max_bytes, stdin=stdin, fetch_url=fetch_url)
        except InputRejected as exc:
            yield Rejected(item.name, exc.stage, exc.reason)
            continue
        for raw in read_blob(blob, max_bytes=settings.max_bytes):
            if isinstance(raw, Rejected):
                yield raw
                continue
            try:
                yield build_article(overrides.apply(raw), cleaner)
            except InputRejected as exc:
                yield Rejected(raw.source, exc.stage, exc.reason)


def ingest_sources(
    sources: Sequence[str],
    store: Store,
    settings: Settings,
    *,
    overrides: Overrides | None = None,
    cleaner: Cleaner | None = None,
    client: httpx.Client | None = None,
    stdin: BinaryIO | None = None,
    on_item: Callable[[SourceItem | Rejected], None] | None = None,
) -> IngestReport:
    """Read ``sources`` into ``store`` as one batch (one transaction).

    ``client`` is used for URL sources (one is made from ``settings`` if needed);
    ``on_item`` is called as each source item is started (for progress bars).

    >>> from storyline.store import Store
    >>> report = ingest_sources(["no/such/file.txt"], Store.open(":memory:"), Settings())
    >>> report.rejected[0].reason
    'no such file or directory'
    """
    overrides = overrides or Overrides()
    cleaner = cleaner or Cleaner()
    made_client: httpx.Client | None = None

    def fetch_url(url: str) -> SourceBlob:
        nonlocal made_client
        active = client
        if active is None:
            if made_client is None:
                made_client = make_client(settings)
            active = made_client
        return fetch(url, active, settings)

    outcomes: list[Outcome] = []
    rejected: list[Rejected] = []
    try:
        with store.batch(sources) as writer:
            for result in _articles(
                expand(sources),
                settings,
                overrides,
                cleaner,
                fetch_url,
                stdin,
                on_item or (lambda _item: None),
            ):
                if isinstance(result, Rejected):
                    writer.reject(result)
                    rejected.append(result)
                else:
                    outcomes.append(_store(result, writer, settings.near_duplicate_threshold))
            batch_id = writer.batch_id
    finally:
        if made_client is not None:
            made_client.close()
    return IngestReport(batch_id, tuple(outcomes), tuple(rejected))
