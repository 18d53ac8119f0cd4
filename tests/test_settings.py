from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import ConfigError
from storyline.settings import Settings, load_settings


def test_layers_defaults_file_env_cli(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('max_redirects = 3\nfetch_timeout = 5\nuser_agent = "from-file"\n')
    env = {"STORYLINE_MAX_REDIRECTS": "4", "STORYLINE_ALLOW_PRIVATE": "yes"}
    got = load_settings({"max_redirects": 1, "db": None}, config_file=config, environ=env)
    assert got.max_redirects == 1  # command line wins
    assert got.allow_private is True  # environment
    assert got.fetch_timeout == 5.0 and got.user_agent == "from-file"  # file
    assert got.db == Settings().db  # None on the command line leaves the default


def test_db_from_env(tmp_path: Path) -> None:
    got = load_settings(environ={"STORYLINE_DB": str(tmp_path / "x.db")})
    assert got.db == tmp_path / "x.db"


@pytest.mark.parametrize(
    ("env", "message"),
    [({"STORYLINE_MAX_BYTES": "lots"}, "max_bytes"), ({"STORYLINE_COLOUR": "red"}, "unknown")],
)
def test_bad_values_are_config_errors(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(environ=env)


def test_every_setting_has_help() -> None:
    from dataclasses import fields

    assert all(f.metadata.get("help") for f in fields(Settings))
