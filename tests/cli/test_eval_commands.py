"""The ``storyline eval`` commands dispatch to their evaluation and print one JSON object."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.cli import main

CONLL = "Kovar NNP B-NP B-PER\nvisited VBD B-VP O\nDunmere NNP B-NP B-LOC\n. . O O\n\n"
CONLLU = """# text = Kovar arrived.
1\tKovar\tKovar\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tarrived\tarrive\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""
TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-02-06"
functionInDocument="CREATION_TIME">2025-02-06</TIMEX3></DCT>
<TEXT>The talks began on <TIMEX3 tid="t1" type="DATE" value="2025-02-04">Tuesday</TIMEX3>.</TEXT>
</TimeML>
"""


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    assert main(list(argv)) == 0
    result: dict = json.loads(capsys.readouterr().out)  # type: ignore[type-arg]
    return result


def test_eval_ner(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "gold.iob2").write_text(CONLL)
    got = run_json(capsys, "eval", "ner", str(tmp_path / "gold.iob2"))
    assert {"overall", "per_type", "words_per_second"} <= got.keys()
    assert 0.0 <= got["overall"]["f1"] <= 1.0


def test_eval_parse(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "gold.conllu").write_text(CONLLU)
    got = run_json(capsys, "eval", "parse", str(tmp_path / "gold.conllu"))
    assert {"upos", "uas", "las", "sentence_f1", "words_per_second"} <= got.keys()


def test_eval_timex(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "doc.tml").write_text(TIMEML)
    got = run_json(capsys, "eval", "timex", str(tmp_path))
    assert got["documents"] == 1 and got["strict_f1"] == 1.0 and got["value_f1"] == 1.0
    assert "baseline" in got
