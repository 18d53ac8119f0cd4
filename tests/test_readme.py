"""The README opens with the two set-up commands, and CI runs exactly those."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def first_bash_block() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```bash\n(.*?)```", text, re.DOTALL)
    assert match, "README has no bash block"
    before = text[: match.start()]
    assert before.strip().startswith("# storyline") and before.count("\n") <= 3, (
        "the set-up commands must open the README"
    )
    return [line for line in match.group(1).splitlines() if line.strip()]


def test_readme_opens_with_two_commands() -> None:
    setup, tests = first_bash_block()
    assert "python3 -m venv .venv" in setup and "pip install -e ." in setup
    assert setup.rstrip().endswith("storyline demo")
    assert "pytest" in tests and "pip install" in tests


def test_ci_runs_the_readme_commands() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "readme_command 1" in script and "readme_command 2" in script
    assert 'bash -c "${setup}"' in script and 'bash -c "${tests}"' in script
