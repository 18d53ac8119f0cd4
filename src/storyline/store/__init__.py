"""Storage of articles: SQLite by default."""

from storyline.store.sqlite import Store, connect_sqlite

__all__ = ["Store", "connect_sqlite"]
