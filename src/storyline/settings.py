"""One typed ``Settings`` object: defaults → config file → ``STORYLINE_*`` environment → CLI.

Every field has a default and help text. Code receives a ``Settings``; nothing
reads the environment on its own.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir, user_data_dir

from storyline.errors import ConfigError

__all__ = ["DEFAULT_MAX_BYTES", "Settings", "load_settings"]

#: Largest input or download accepted by default, in bytes.
DEFAULT_MAX_BYTES = 20_000_000

_VERSION = "0.1.0"


def _default_db() -> Path:
    return Path(user_data_dir("storyline")) / "storyline.db"


@dataclass(frozen=True, slots=True)
class Settings:
    """Settings for a storyline run. Field metadata ``help`` documents each one."""

    db: Path = field(default_factory=_default_db, metadata={"help": "SQLite store file"})
    max_bytes: int = field(
        default=DEFAULT_MAX_BYTES, metadata={"help": "largest input or download accepted, bytes"}
    )
    fetch_timeout: float = field(
        default=20.0, metadata={"help": "seconds to connect and between reads when fetching"}
    )
    max_redirects: int = field(default=5, metadata={"help": "redirects followed per URL"})
    allow_private: bool = field(
        default=False,
        metadata={"help": "fetch loopback, private and link-local addresses"},
    )
    user_agent: str = field(
        default=f"storyline/{_VERSION} (offline news dossier tool; fetches only URLs given it)",
        metadata={"help": "User-Agent sent with every request"},
    )
    near_duplicate_threshold: float = field(
        default=0.5, metadata={"help": "estimated Jaccard similarity that links near-copies"}
    )
    progress: bool = field(default=True, metadata={"help": "show progress bars on long work"})


def _coerce(name: str, value: Any, current: Any) -> Any:
    try:
        if isinstance(current, bool):
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off"}:
                return False
            raise ValueError(value)
        if isinstance(current, Path):
            return Path(str(value)).expanduser()
        return type(current)(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name}: cannot use {value!r}") from exc


def _apply(base: Settings, values: Mapping[str, Any], origin: str) -> Settings:
    known = {f.name for f in fields(Settings)}
    changes: dict[str, Any] = {}
    for key, value in values.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(f"{origin}: unknown setting {key!r}")
        if value is None:
            continue
        changes[name] = _coerce(name, value, getattr(base, name))
    return replace(base, **changes)


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    config_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Build settings from defaults, then a TOML file, then ``STORYLINE_*`` variables,
    then ``overrides`` (command-line values; ``None`` values are ignored).

    >>> load_settings({"max_redirects": 2}, environ={}).max_redirects
    2
    """
    settings = Settings()
    env = os.environ if environ is None else environ
    path = config_file or Path(
        env.get("STORYLINE_CONFIG", Path(user_config_dir("storyline")) / "config.toml")
    )
    if path.is_file():
        try:
            settings = _apply(settings, tomllib.loads(path.read_text("utf-8")), str(path))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: {exc}") from exc
    from_env = {
        key[len("STORYLINE_") :].lower(): value
        for key, value in env.items()
        if key.startswith("STORYLINE_") and key != "STORYLINE_CONFIG"
    }
    settings = _apply(settings, from_env, "environment")
    return _apply(settings, overrides or {}, "command line")
