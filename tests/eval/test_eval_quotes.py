from __future__ import annotations

import sys
from pathlib import Path

import pytest

import storyline.eval.quotes as eval_quotes
from storyline.eval.quotes import evaluate_quotes, is_speech_cue, read_brat, textacy_predictions

TEXT = (
    "“We will not yield,” said Hugo Varga. “The talks are over.”\n"
    "Analysts warned that prices would rise. Smith believes the vote is lost."
)


def span(s: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(s, start + 1)
    return start, start + len(s)


def brat() -> str:
    c1 = span("We will not yield,")
    c2 = span("The talks are over.")
    lines = [
        f"T1\tContent {c1[0]} {c1[1]};{c2[0]} {c2[1]}\tWe will not yield, The talks are over.",
        "T2\tCue {} {}\tsaid".format(*span("said")),
        "T3\tSource {} {}\tHugo Varga".format(*span("Hugo Varga")),
        "T4\tAttribution {} {}\tsaid".format(*span("said")),
        "E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3",
        "T5\tSource {} {}\tAnalysts".format(*span("Analysts")),
        "T6\tCue {} {}\twarned".format(*span("warned")),
        "T7\tContent {} {}\tthat prices would rise".format(*span("that prices would rise")),
        "T8\tAttribution {} {}\twarned".format(*span("warned")),
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
        "T9\tSource {} {}\tSmith".format(*span("Smith")),
        "T10\tCue {} {}\tbelieves".format(*span("believes")),
        "T11\tContent {} {}\tthe vote is lost".format(*span("the vote is lost")),
        "T12\tAttribution {} {}\tbelieves".format(*span("believes")),
        "E3\tAttribution:T12 Content:T11 Cue:T10 Source:T9",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def split(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "a_x1.ann").write_text(brat(), encoding="utf-8")
    # A second annotator's file for the same text is ignored.
    (tmp_path / "attributions" / "a_x2.ann").write_text("", encoding="utf-8")
    return tmp_path


def test_only_speech_attributions_with_a_source_count() -> None:
    gold = read_brat(TEXT, brat())
    assert [g.cue_text for g in gold] == ["said", "warned"]
    assert [g.quoted for g in gold] == [False, False] or gold[0].content
    assert is_speech_cue("according to") and not is_speech_cue("wants")


def test_scores_on_a_tiny_split(split: Path) -> None:
    result = evaluate_quotes(split, textacy=False)
    assert set(result) == {"all", "quoted"}
    every = result["all"]
    assert every["gold"] == 2
    assert every["predicted"] == 2
    assert every["f1@0.3"] == every["f1@0.8"] == 1.0
    assert every["speaker_accuracy"] == every["cue_accuracy"] == 1.0
    assert result["quoted"]["predicted"] == 1


class _Tok:
    """Just what textacy_predictions reads of a spaCy token."""

    def __init__(self, i: int, start: int, end: int) -> None:
        self.i, self.idx, self._len = i, start, end - start

    def __len__(self) -> int:
        return self._len


def _toks(text: str, first_index: int = 0) -> list[_Tok]:
    a, b = span(text)
    return [_Tok(first_index, a, b)]


def test_textacy_triples_become_char_spans_merged_by_cue() -> None:
    def fake_direct_quotations(doc: object) -> list[tuple[list[_Tok], list[_Tok], list[_Tok]]]:
        said, varga = _toks("said", 5), _toks("Hugo Varga", 6)
        return [
            (varga, said, _toks("“We will not yield,”", 0)),
            (varga, said, _toks("“The talks are over.”", 9)),
        ]

    (pred,) = textacy_predictions(None, (), fake_direct_quotations)
    assert pred.content == (span("“We will not yield,”"), span("“The talks are over.”"))
    assert pred.speaker == (span("Hugo Varga"),)
    assert pred.cue == (span("said"),) and pred.quoted


def test_textacy_gives_up_on_unclosed_quotes() -> None:
    def refuse(doc: object) -> list[object]:
        raise ValueError("3 quotation marks found, indicating an unclosed quotation")

    assert textacy_predictions(None, (), refuse) == []


def test_textacy_is_scored_beside_storyline_when_installed(
    split: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fake_direct_quotations(doc: object) -> list[tuple[list[_Tok], list[_Tok], list[_Tok]]]:
        return [(_toks("Hugo Varga", 6), _toks("said", 5), _toks("“We will not yield,”", 0))]

    monkeypatch.setattr(eval_quotes, "_textacy", lambda: fake_direct_quotations)
    result = evaluate_quotes(split)
    assert result["all"]["f1@0.3"] == 1.0
    theirs = result["textacy"]
    assert theirs["all"]["predicted"] == theirs["quoted"]["predicted"] == 1
    assert theirs["all"]["recall@0.3"] == 0.5 and theirs["all"]["precision@0.3"] == 1.0
    assert theirs["all"]["recall@0.8"] == 0.0  # one fragment of two is under 0.8 of the gold
    assert theirs["all"]["speaker_accuracy"] == 1.0


def test_without_textacy_the_key_says_so(split: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "textacy.extract.triples", None)  # import fails
    assert eval_quotes._textacy() is None
    monkeypatch.setattr(eval_quotes, "_textacy", lambda: None)
    result = evaluate_quotes(split)
    assert isinstance(result["textacy"], str) and "not installed" in result["textacy"]
    assert result["all"]["f1@0.3"] == 1.0
