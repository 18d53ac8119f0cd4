"""storyline's exceptions, in one tree.

::

    StorylineError
    ├── InputRejected            an input cannot be used; becomes a ``Rejected`` record
    │   ├── UnsupportedInput     unknown or binary file kind
    │   ├── DecodeFailed         bytes undecodable (declared charset, then detection)
    │   ├── TooLarge             over the size cap
    │   ├── MalformedRecord      a JSON / feed / WARC record that cannot be read
    │   ├── EmptyArticle         nothing left after extraction and cleaning
    │   └── FetchFailed          an http(s) source could not be fetched
    │       ├── HttpStatus       the server answered with a non-2xx status
    │       ├── FetchTimeout     connect or read timed out
    │       ├── RefusedAddress   loopback / private / link-local target without --allow-private
    │       └── TooManyRedirects redirect limit exceeded
    ├── StoreError               the article store cannot be opened or migrated
    ├── ConfigError              a setting has an invalid value
    └── ModelMissing             a shipped model's files are not where the package expects

A rejected input is not a bug: readers raise an ``InputRejected`` subclass, the
ingest runner turns it into a :class:`storyline.records.Rejected` that is reported,
counted and stored, and the run goes on. Anything else that raises is a bug.
Errors of lxml, httpx and sqlite3 are translated into this tree where they are
caught, at the boundary that calls those libraries.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "DecodeFailed",
    "EmptyArticle",
    "FetchFailed",
    "FetchTimeout",
    "HttpStatus",
    "InputRejected",
    "MalformedRecord",
    "ModelMissing",
    "RefusedAddress",
    "StoreError",
    "StorylineError",
    "TooLarge",
    "TooManyRedirects",
    "UnsupportedInput",
]


class StorylineError(Exception):
    """Base of every error storyline raises on purpose."""


class InputRejected(StorylineError):
    """An input that cannot be used. ``reason`` is one line a user can act on."""

    stage: str = "read"

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = " ".join(reason.split())


class UnsupportedInput(InputRejected):
    """The file kind is unknown, or the bytes are binary."""


class DecodeFailed(InputRejected):
    """The bytes could not be decoded as text."""

    stage = "decode"


class TooLarge(InputRejected):
    """The input is larger than the configured cap."""


class MalformedRecord(InputRejected):
    """One record of a container (JSON line, feed item, WARC record) is unreadable."""


class EmptyArticle(InputRejected):
    """No article text is left after extraction and cleaning."""

    stage = "clean"


class FetchFailed(InputRejected):
    """An http(s) source could not be fetched."""

    stage = "fetch"


class HttpStatus(FetchFailed):
    """The server answered with a status that is not 2xx."""

    def __init__(self, reason: str, status: int) -> None:
        super().__init__(reason)
        self.status = status


class FetchTimeout(FetchFailed):
    """Connecting or reading timed out."""


class RefusedAddress(FetchFailed):
    """The host resolves to a loopback, private or link-local address."""


class TooManyRedirects(FetchFailed):
    """The redirect limit was exceeded."""


class StoreError(StorylineError):
    """The store cannot be opened, migrated or written."""


class ConfigError(StorylineError):
    """A setting has an invalid value."""


class ModelMissing(StorylineError):
    """A model that ships inside the package is missing (a broken or partial install)."""
