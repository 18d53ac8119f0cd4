"""storyline: turn a stream of news articles into sourced story dossiers, offline."""

from __future__ import annotations

__version__ = "0.1.0"
