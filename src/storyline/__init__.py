"""storyline: turn a stream of news articles into sourced story dossiers, offline.

>>> from storyline import Settings, Store, ingest_sources
>>> report = ingest_sources(["no/such/file.txt"], Store.open(":memory:"), Settings())
>>> report.ok
False
"""

from __future__ import annotations

from storyline.errors import InputRejected, StorylineError
from storyline.ingest.clean import Cleaned, Cleaner
from storyline.ingest.pipeline import IngestReport, Outcome, Overrides, ingest_sources
from storyline.records import Article, RawArticle, Rejected, Removal, SourceBlob
from storyline.settings import Settings, load_settings
from storyline.store import Store
from storyline.stories.brief import BriefResult, brief
from storyline.stories.dossier import Dossier

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BriefResult",
    "Cleaned",
    "Cleaner",
    "Dossier",
    "IngestReport",
    "InputRejected",
    "Outcome",
    "Overrides",
    "RawArticle",
    "Rejected",
    "Removal",
    "Settings",
    "SourceBlob",
    "Store",
    "StorylineError",
    "__version__",
    "brief",
    "ingest_sources",
    "load_settings",
]
