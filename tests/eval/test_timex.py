"""The TE3 timex scorer port on a tiny hand-written TimeML pair."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from storyline.eval.timex import GoldTimex, evaluate_timex, read_timeml, score_documents

GOLD = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" \
functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Prices fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> after \
<TIMEX3 tid="t2" type="DURATION" value="P10Y">ten years</TIMEX3> of boom &amp; bust; \
in <TIMEX3 tid="t3" type="DATE" value="1997-10">October</TIMEX3> they rose.
</TEXT>
</TimeML>
"""


def test_read_timeml_keeps_offsets_and_dct() -> None:
    doc = read_timeml(GOLD, "x")
    assert doc.dct == datetime(1998, 1, 8)
    assert [doc.text[t.start : t.end] for t in doc.timexes] == ["yesterday", "ten years", "October"]
    assert "boom & bust" in doc.text


def test_scores_strict_relaxed_type_and_value() -> None:
    gold = [GoldTimex(0, 9, "DATE", "1998-01-07"), GoldTimex(10, 19, "DURATION", "P10Y")]
    text = "yesterday ten years later"
    system = [
        GoldTimex(0, 9, "DATE", "1998-01-07"),  # strict, value right
        GoldTimex(10, 25, "DATE", "1988"),  # relaxed only, type and value wrong
        GoldTimex(20, 25, "DATE", "X"),  # spurious... overlaps nothing unused
    ]
    s = score_documents([(text, gold, system)])
    assert s["relaxed_f1"] == pytest.approx(2 * (2 / 3) * 1 / (2 / 3 + 1))
    assert s["strict_f1"] == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))
    assert s["type_accuracy"] == 0.5
    assert s["value_f1"] == pytest.approx(0.5 * s["relaxed_f1"])


def test_evaluate_folder_end_to_end(tmp_path: Path) -> None:
    (tmp_path / "a.tml").write_text(GOLD, encoding="utf-8")
    result = evaluate_timex(tmp_path, baseline=False)
    assert result["documents"] == 1
    assert result["relaxed_f1"] == 1.0
    assert result["strict_f1"] == 1.0
    assert result["value_f1"] == 1.0
