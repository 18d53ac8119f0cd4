"""The article store: one SQLite file, WAL mode, versioned schema, FTS5 search, stories.

Storage takes a connection factory, so tests and tools can hand it any
``sqlite3`` connection. Each ingest batch is one transaction (:meth:`Store.batch`):
a batch that fails leaves the store as it was before the batch began.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from storyline.errors import StoreError
from storyline.records import Article, Rejected, Removal, time_order
from storyline.store.codec import CodecError, decode, encode
from storyline.stories.cluster import Assignment, StoryState

if TYPE_CHECKING:  # the records import the extraction stages; a store need not load them
    from storyline.stories.records import AnalysedArticle

__all__ = [
    "AddOutcome",
    "ArticleSummary",
    "BatchWriter",
    "Candidate",
    "SearchHit",
    "Store",
    "StoredRejection",
    "connect_sqlite",
]

ConnectionFactory = Callable[[], sqlite3.Connection]


def connect_sqlite(path: Path | str) -> sqlite3.Connection:
    """Open ``path`` (creating its folder) with WAL, foreign keys and a busy timeout.

    >>> connect_sqlite(":memory:").execute("PRAGMA foreign_keys").fetchone()[0]
    1
    """
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open store {path}: {exc}") from exc
    return conn


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("storyline.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            found.append((int(name[:3]), entry.read_text(encoding="utf-8")))
    return sorted(found)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One line of ``storyline articles``."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    source: str
    words: int
    duplicate_of: str | None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A full-text search result; ``snippet`` marks matches with [brackets]."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    score: float


@dataclass(frozen=True, slots=True)
class StoredRejection:
    """A rejection as stored, with the batch it happened in."""

    batch_id: int
    source: str
    stage: str
    reason: str
    at: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored article that shares an LSH band with a new one."""

    id: str
    signature: bytes
    duplicate_of: str | None


@dataclass(frozen=True, slots=True)
class AddOutcome:
    """What adding an article did: ``stored`` new, ``merged`` into an exact
    duplicate, or ``unchanged`` (already stored from this source)."""

    status: Literal["stored", "merged", "unchanged"]
    article_id: str


class BatchWriter:
    """Writes one ingest batch inside an open transaction (see :meth:`Store.batch`)."""

    def __init__(self, conn: sqlite3.Connection, batch_id: int) -> None:
        self._conn = conn
        self.batch_id = batch_id
        self.stored = 0
        self.merged = 0
        self.near_duplicates = 0
        self.rejected = 0

    def find_by_hash(self, content_hash: str) -> str | None:
        """The id of a stored article with exactly this clean text, if any."""
        row = self._conn.execute(
            "SELECT id FROM articles WHERE content_hash = ? ORDER BY rowid LIMIT 1",
            (content_hash,),
        ).fetchone()
        return None if row is None else str(row[0])

    def hash_of(self, article_id: str) -> str | None:
        """The content hash stored under ``article_id``, or None when the id is free."""
        row = self._conn.execute(
            "SELECT content_hash FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def add_source(self, article_id: str, source: str) -> bool:
        """Record that ``article_id`` was also read from ``source``; False if known."""
        cur = self._conn.execute(
            "INSERT OR IGNORE INTO article_sources(article_id, source, batch_id) VALUES (?,?,?)",
            (article_id, source, self.batch_id),
        )
        return cur.rowcount > 0

    def candidates(self, band_keys: Sequence[int]) -> list[Candidate]:
        """Stored articles sharing at least one band key, oldest first."""
        if not band_keys:
            return []
        marks = ",".join("?" * len(band_keys))
        rows = self._conn.execute(
            f"""SELECT a.id, s.signature, a.duplicate_of
                FROM articles a JOIN signatures s ON s.article_id = a.id
                WHERE a.id IN (SELECT article_id FROM lsh_bands WHERE band_key IN ({marks}))
                ORDER BY a.rowid""",
            list(band_keys),
        ).fetchall()
        return [Candidate(r[0], r[1], r[2]) for r in rows]

    def insert(self, article: Article, signature: bytes, band_keys: Sequence[int]) -> None:
        """Insert a new article with its removals, source and near-duplicate keys."""
        self._conn.execute(
            """INSERT INTO articles(id, batch_id, source, kind, title, url, canonical_url,
                   outlet, author, published, published_from, language, text, raw_text,
                   content_hash, metadata, duplicate_of, similarity, ingested_at)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (
                article.id,
                self.batch_id,
                article.source,
                article.kind,
                article.title,
                article.url,
                article.canonical_url,
                article.outlet,
                article.author,
                article.published.isoformat() if article.published else None,
                article.published_from,
                article.language,
                article.text,
                article.raw_text,
                article.content_hash,
                json.dumps(dict(article.metadata), ensure_ascii=False, default=str),
                article.duplicate_of,
                article.similarity,
                _now(),
            ),
        )
        self._conn.executemany(
            "INSERT INTO removals(article_id, kind, start, end, text) VALUES (?,?,?,?,?)",
            [(article.id, r.kind, r.start, r.end, r.text) for r in article.removals],
        )
        self._conn.execute(
            "INSERT INTO signatures(article_id, signature) VALUES (?,?)", (article.id, signature)
        )
        self._conn.executemany(
            "INSERT OR IGNORE INTO lsh_bands(band_key, article_id) VALUES (?,?)",
            [(key, article.id) for key in band_keys],
        )
        self.add_source(article.id, article.source)

    def published_of(self, article_id: str) -> str | None:
        """The stored publication date (ISO 8601 text) of an article."""
        row = self._conn.execute(
            "SELECT published FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return None if row is None else row[0]

    def relink(self, old_root: str, new_root: str, similarity: float) -> None:
        """Make ``new_root`` the earliest copy: everything linked to ``old_root`` and
        ``old_root`` itself now point at ``new_root``."""
        self._conn.execute(
            "UPDATE articles SET duplicate_of = ? WHERE duplicate_of = ? AND id != ?",
            (new_root, old_root, new_root),
        )
        self._conn.execute(
            "UPDATE articles SET duplicate_of = ?, similarity = ? WHERE id = ?",
            (new_root, similarity, old_root),
        )

    def reject(self, rejected: Rejected) -> None:
        """Store a rejection of this batch."""
        self._conn.execute(
            "INSERT INTO rejections(batch_id, source, stage, reason, at) VALUES (?,?,?,?,?)",
            (self.batch_id, rejected.source, rejected.stage, rejected.reason, _now()),
        )
        self.rejected += 1


class Store:
    """The SQLite article store.

    >>> store = Store.open(":memory:")
    >>> store.count()
    0
    """

    def __init__(self, connect: ConnectionFactory) -> None:
        self._conn = connect()
        self.migrate()

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (and create or migrate) the store file at ``path``."""
        return cls(lambda: connect_sqlite(path))

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The schema version the file is at (SQLite ``user_version``)."""
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Apply the migrations the file has not seen, each in its own transaction."""
        migrations = _migrations()
        latest = migrations[-1][0] if migrations else 0
        current = self.schema_version
        if current > latest:
            raise StoreError(
                f"store schema version {current} is newer than this storyline ({latest}); "
                "upgrade storyline"
            )
        for version, script in migrations:
            if version <= current:
                continue
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                for statement in _split_sql(script):
                    self._conn.execute(statement)
                self._conn.execute(f"PRAGMA user_version = {version}")
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._conn.execute("ROLLBACK")
                raise StoreError(f"migration {version:03d} failed: {exc}") from exc

    @contextmanager
    def batch(self, sources: Sequence[str]) -> Iterator[BatchWriter]:
        """One ingest batch in one transaction: committed when the block ends,
        rolled back entirely if it raises."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot start a batch: {exc}") from exc
        try:
            cur = self._conn.execute(
                "INSERT INTO batches(started_at, sources) VALUES (?, ?)",
                (_now(), json.dumps(list(sources), ensure_ascii=False)),
            )
            writer = BatchWriter(self._conn, int(cur.lastrowid or 0))
            yield writer
            self._conn.execute(
                """UPDATE batches SET finished_at = ?, stored = ?, merged = ?,
                       near_duplicates = ?, rejected = ? WHERE id = ?""",
                (
                    _now(),
                    writer.stored,
                    writer.merged,
                    writer.near_duplicates,
                    writer.rejected,
                    writer.batch_id,
                ),
            )
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    def count(self) -> int:
        """Number of stored articles."""
        return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def articles(
        self, *, limit: int = 100, offset: int = 0, outlet: str | None = None
    ) -> list[ArticleSummary]:
        """Stored articles, newest publication first (undated last)."""
        where, params = ("WHERE outlet = ?", [outlet]) if outlet else ("", [])
        rows = self._conn.execute(
            f"""SELECT id, title, outlet, published, source, text, duplicate_of FROM articles
                {where} ORDER BY published IS NULL, published DESC, rowid
                LIMIT ? OFFSET ?""",
            [*params, limit, offset],
        ).fetchall()
        return [ArticleSummary(r[0], r[1], r[2], r[3], r[4], len(r[5].split()), r[6]) for r in rows]

    def get(self, article_id: str) -> Article | None:
        """The stored article ``article_id``, or None."""
        row = self._conn.execute(
            """SELECT id, source, kind, text, raw_text, content_hash, title, url,
                   canonical_url, outlet, author, published, published_from, language,
                   metadata, duplicate_of, similarity FROM articles WHERE id = ?""",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        removals = tuple(
            Removal(k, s, e, t)
            for k, s, e, t in self._conn.execute(
                "SELECT kind, start, end, text FROM removals WHERE article_id = ? ORDER BY start",
                (article_id,),
            )
        )
        return Article(
            id=row[0],
            source=row[1],
            kind=row[2],
            text=row[3],
            raw_text=row[4],
            content_hash=row[5],
            title=row[6],
            url=row[7],
            canonical_url=row[8],
            outlet=row[9],
            author=row[10],
            published=datetime.fromisoformat(row[11]) if row[11] else None,
            published_from=row[12],
            language=row[13],
            metadata=json.loads(row[14]),
            duplicate_of=row[15],
            similarity=row[16],
            removals=removals,
        )

    def sources_of(self, article_id: str) -> list[str]:
        """Every source the article was read from (exact duplicates merged into it)."""
        return [
            r[0]
            for r in self._conn.execute(
                "SELECT source FROM article_sources WHERE article_id = ? ORDER BY batch_id, source",
                (article_id,),
            )
        ]

    def copies_of(self, article_id: str) -> list[str]:
        """Ids of the near-duplicates linked to ``article_id``."""
        return [
            r[0]
            for r in self._conn.execute(
                "SELECT id FROM articles WHERE duplicate_of = ? ORDER BY rowid", (article_id,)
            )
        ]

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and clean text (FTS5 query syntax, BM25 ranked).

        A query that is not valid FTS5 syntax is searched as plain words.
        """
        sql = """SELECT a.id, a.title, a.outlet, a.published,
                        snippet(articles_fts, -1, '[', ']', '…', 12), bm25(articles_fts)
                 FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
                 WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?"""
        try:
            rows = self._conn.execute(sql, (query, limit)).fetchall()
        except sqlite3.OperationalError:
            words = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
            if not words:
                return []
            rows = self._conn.execute(sql, (words, limit)).fetchall()
        return [SearchHit(r[0], r[1], r[2], r[3], r[4], -float(r[5])) for r in rows]

    def rejections(self, *, batch_id: int | None = None) -> list[StoredRejection]:
        """Stored rejections, of one batch or of all."""
        where, params = ("WHERE batch_id = ?", [batch_id]) if batch_id is not None else ("", [])
        rows = self._conn.execute(
            f"SELECT batch_id, source, stage, reason, at FROM rejections {where} ORDER BY id",
            params,
        ).fetchall()
        return [StoredRejection(*r) for r in rows]

    def last_batch_id(self) -> int | None:
        """The id of the newest batch, if any."""
        row = self._conn.execute("SELECT max(id) FROM batches").fetchone()
        return None if row[0] is None else int(row[0])

    def stats(self) -> dict[str, Any]:
        """Counts for a summary line: articles, near-duplicates, sources, rejections."""
        one = self._conn.execute
        return {
            "articles": self.count(),
            "near_duplicates": one(
                "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"
            ).fetchone()[0],
            "sources": one("SELECT count(*) FROM article_sources").fetchone()[0],
            "rejections": one("SELECT count(*) FROM rejections").fetchone()[0],
            "schema_version": self.schema_version,
        }

    def story_of(self, article_ids: Sequence[str]) -> dict[str, str]:
        """The story of each of ``article_ids`` that has been assigned one."""
        out: dict[str, str] = {}
        for i in range(0, len(article_ids), 500):
            chunk = list(article_ids[i : i + 500])
            marks = ",".join("?" * len(chunk))
            for row in self._conn.execute(
                f"SELECT article_id, story_id FROM story_articles WHERE article_id IN ({marks})",
                chunk,
            ):
                out[row[0]] = row[1]
        return out

    def story_ids(self) -> list[str]:
        """Every stored story's id, oldest first."""
        return [r[0] for r in self._conn.execute("SELECT id FROM stories ORDER BY rowid")]

    def story_members(self, story_id: str) -> list[str]:
        """The ids of a story's articles, in the order they were assigned."""
        rows = self._conn.execute(
            "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY rowid", (story_id,)
        )
        return [r[0] for r in rows]

    def story_states(self, active_since: datetime | None = None) -> list[StoryState]:
        """Stored stories' clustering states, oldest first: all of them, or with
        ``active_since`` only those undated or last seen at or after it (so a run reads
        the stories it can still extend, not the whole archive)."""
        query = "SELECT id, vector_sum, count, keywords, first_seen, last_seen FROM stories"
        params: tuple[float, ...] = ()
        if active_since is not None:
            # SQLite reads ISO times with an offset as UTC; naive ones are taken as UTC.
            query += " WHERE last_seen IS NULL OR CAST(strftime('%s', last_seen) AS REAL) >= ?"
            params = (time_order(active_since)[1],)
        rows = self._conn.execute(query + " ORDER BY rowid", params)
        return [
            StoryState(
                id=r[0],
                vector_sum=np.frombuffer(r[1], dtype="<f4").astype(np.float32),
                count=int(r[2]),
                keywords={int(k): float(v) for k, v in json.loads(r[3]).items()},
                first_seen=datetime.fromisoformat(r[4]) if r[4] else None,
                last_seen=datetime.fromisoformat(r[5]) if r[5] else None,
            )
            for r in rows
        ]

    def save_stories(self, states: Sequence[StoryState], assignments: Sequence[Assignment]) -> None:
        """Store story states and new assignments in one transaction (earlier ones are kept)."""
        now = _now()
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            for st in states:
                self._conn.execute(
                    "INSERT INTO stories (id, vector_sum, count, keywords, first_seen, last_seen,"
                    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                    "vector_sum = excluded.vector_sum, count = excluded.count, "
                    "keywords = excluded.keywords, first_seen = excluded.first_seen, "
                    "last_seen = excluded.last_seen, updated_at = excluded.updated_at",
                    (
                        st.id,
                        st.vector_sum.astype("<f4").tobytes(),
                        st.count,
                        json.dumps({str(k): v for k, v in sorted(st.keywords.items())}),
                        st.first_seen.isoformat() if st.first_seen else None,
                        st.last_seen.isoformat() if st.last_seen else None,
                        now,
                    ),
                )
            self._conn.executemany(
                "INSERT OR IGNORE INTO story_articles (article_id, story_id, score, started,"
                " assigned_at) VALUES (?, ?, ?, ?, ?)",
                [(a.article_id, a.story_id, a.score, int(a.started), now) for a in assignments],
            )
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._conn.execute("ROLLBACK")
            raise StoreError(f"could not save stories: {exc}") from exc

    def save_analyses(self, analysed: Sequence[AnalysedArticle], version: str) -> None:
        """Keep articles' analyses (replacing older ones) under an analysis ``version``."""
        now = _now()
        rows = []
        for a in analysed:
            ann = a.annotated
            records = {
                f: encode(getattr(ann, f)) for f in ann.__dataclass_fields__ if f != "article"
            }
            rows.append(
                (
                    a.id,
                    version,
                    json.dumps(records, ensure_ascii=False, separators=(",", ":")),
                    np.ascontiguousarray(a.sentence_vectors, dtype="<f4").tobytes(),
                    np.ascontiguousarray(a.lead_vector, dtype="<f4").tobytes(),
                    now,
                )
            )
        try:
            with self._conn:
                self._conn.executemany(
                    "INSERT OR REPLACE INTO analyses (article_id, version, annotations,"
                    " sentence_vectors, lead_vector, analysed_at) VALUES (?, ?, ?, ?, ?, ?)",
                    rows,
                )
        except sqlite3.Error as exc:
            raise StoreError(f"could not save analyses: {exc}") from exc

    def analyses(self, article_ids: Sequence[str], version: str) -> dict[str, AnalysedArticle]:
        """The stored analyses of ``article_ids`` made by analysis ``version``; others are
        left out (the caller analyses those again), as is a row that no longer reads."""
        from storyline.extract.annotate import AnnotatedArticle
        from storyline.stories.records import AnalysedArticle

        out: dict[str, AnalysedArticle] = {}
        for i in range(0, len(article_ids), 500):
            chunk = list(article_ids[i : i + 500])
            marks = ",".join("?" * len(chunk))
            rows = self._conn.execute(
                "SELECT article_id, annotations, sentence_vectors, lead_vector FROM analyses"
                f" WHERE version = ? AND article_id IN ({marks})",
                [version, *chunk],
            ).fetchall()
            for article_id, records, sentences, lead in rows:
                article = self.get(article_id)
                if article is None:
                    continue
                try:
                    annotated = decode(AnnotatedArticle, json.loads(records), article=article)
                except CodecError:  # written by records of the same shape but unreadable: redo
                    continue
                lead_vector = np.frombuffer(lead, dtype="<f4").astype(np.float32)
                vectors = np.frombuffer(sentences, dtype="<f4").astype(np.float32)
                out[article_id] = AnalysedArticle(
                    annotated,
                    annotated.sentences,
                    vectors.reshape(len(annotated.sentences), lead_vector.shape[0]),
                    lead_vector,
                )
        return out


def _split_sql(script: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    buffer: list[str] = []
    for line in script.splitlines():
        stripped = line.strip()
        if not buffer and (not stripped or stripped.startswith("--")):
            continue
        buffer.append(line)
        candidate = "\n".join(buffer)
        if stripped.endswith(";") and sqlite3.complete_statement(candidate):
            statements.append(candidate)
            buffer = []
    if "".join(buffer).strip():
        statements.append("\n".join(buffer))
    return statements
