"""IOB2 reading (CoNLL and Universal NER, plain and gzipped) and span scoring."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from conftest import write_maybe_gzipped
from storyline.eval.ner import Sentence, evaluate_ner, read_iob2, score_spans, spans_from_tags

CONLL = """-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
. . O O

Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER
"""

UNER = (
    "# newdoc id = x\n"
    "# sent_id = x-1\n"
    "# text = i live in tampa bay\n"
    "1\ti\tO\t-\t-\n"
    "2\tlive\tO\t-\t-\n"
    "3\tin\tO\t-\t-\n"
    "4\ttampa\tB-LOC\t-\tstephen\n"
    "5\tbay\tI-LOC\t-\tstephen\n"
    "\n"
    "# sent_id = x-2\n"
    "1\tWindows\tB-OTHER\t-\t-\n"
    "2\t#\tO\t-\t-\n"
    "\n"
)


@pytest.mark.parametrize("gz", [False, True])
def test_read_conll(tmp_path: Path, gz: bool) -> None:
    path = write_maybe_gzipped(tmp_path / ("eng.testa.gz" if gz else "eng.testa"), CONLL)
    sentences, fmt = read_iob2(path)
    assert fmt == "conll"
    assert sentences == [
        Sentence(("EU", "rejects", "German", "call", "."), ("B-ORG", "O", "B-MISC", "O", "O")),
        Sentence(("Peter", "Blackburn"), ("B-PER", "I-PER")),
    ]


@pytest.mark.parametrize("gz", [False, True])
def test_read_uner(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("dev.iob2.gz" if gz else "dev.iob2")
    if gz:
        path.write_bytes(gzip.compress(UNER.encode()))
    else:
        path.write_text(UNER, encoding="utf-8")
    sentences, fmt = read_iob2(path)
    assert fmt == "uner"
    assert sentences[0] == Sentence(
        ("i", "live", "in", "tampa", "bay"), ("O", "O", "O", "B-LOC", "I-LOC")
    )
    # OTHER is scored as MISC; a "#" token inside a sentence is a token, not a comment
    assert sentences[1] == Sentence(("Windows", "#"), ("B-MISC", "O"))


def test_spans_follow_conlleval() -> None:
    assert spans_from_tags(["O", "I-PER", "I-PER", "B-PER", "I-LOC", "O"]) == [
        ("PER", 1, 2),
        ("PER", 3, 3),
        ("LOC", 4, 4),
    ]
    assert spans_from_tags(["B-ORG", "I-ORG"]) == [("ORG", 0, 1)]
    assert spans_from_tags([]) == []


def test_scores_by_hand() -> None:
    gold = [
        [("PER", 0, 1), ("LOC", 3, 3)],
        [("ORG", 0, 2), ("MISC", 4, 4)],
    ]
    pred = [
        [("PER", 0, 1), ("LOC", 3, 4)],  # right; boundary error
        [("LOC", 0, 2), ("MISC", 4, 4), ("PER", 6, 6)],  # type error; right; spurious
    ]
    s = score_spans(gold, pred)
    # 2 correct of 5 predicted and 4 gold
    assert s["overall"]["precision"] == pytest.approx(2 / 5)
    assert s["overall"]["recall"] == pytest.approx(2 / 4)
    assert s["overall"]["f1"] == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    assert s["per_type"]["PER"] == {"precision": 0.5, "recall": 1.0, "f1": 2 / 3, "support": 1}
    assert s["per_type"]["LOC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert s["per_type"]["ORG"]["support"] == 1
    assert s["per_type"]["ORG"]["recall"] == 0.0
    assert s["per_type"]["MISC"]["f1"] == 1.0

    only = score_spans(gold, pred, overall_types=("PER", "ORG", "LOC"))
    # PER/ORG/LOC: 1 correct of 4 predicted and 3 gold
    assert only["overall"]["precision"] == pytest.approx(1 / 4)
    assert only["overall"]["recall"] == pytest.approx(1 / 3)
    assert "MISC" in only["per_type"]


@Language.component("_test_capital_ner")
def _capital_ner(doc: Doc) -> Doc:
    """Tags every title-case word as a one-word PER, and "Bay" as a LOC word."""
    doc.ents = [
        Span(doc, t.i, t.i + 1, label="LOC" if t.text == "Bay" else "PER")
        for t in doc
        if t.is_title
    ]
    return doc


def _fake_nlp() -> Any:
    nlp = spacy.blank("en")
    nlp.add_pipe("_test_capital_ner", name="ner")
    return nlp


def test_evaluate_ner_on_gold_tokens(tmp_path: Path) -> None:
    path = tmp_path / "eng.testa"
    path.write_text(CONLL, encoding="utf-8")
    s = evaluate_ner(path, nlp=_fake_nlp())
    # predicted: EU? no (upper); German PER (type error); Peter PER, Blackburn PER (split)
    assert s["overall"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert s["per_type"]["PER"]["support"] == 1
    assert s["words"] == 7 and s["sentences"] == 2 and s["format"] == "conll"
    assert s["words_per_second"] > 0


def test_evaluate_ner_uner_overall_excludes_misc(tmp_path: Path) -> None:
    path = tmp_path / "dev.iob2"
    path.write_text(UNER.replace("tampa\tB-LOC", "Tampa\tB-PER").replace("bay\tI-LOC", "x\tO"))
    s = evaluate_ner(path, nlp=_fake_nlp())
    # Tampa PER right; Windows predicted PER against gold MISC: PER P=1/2, MISC R=0
    assert s["format"] == "uner"
    assert s["overall"]["precision"] == pytest.approx(1 / 2)
    assert s["overall"]["recall"] == 1.0
    assert s["per_type"]["MISC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}


@Language.component("_test_misc_ner")
def _misc_ner(doc: Doc) -> Doc:
    """Tags "Windows XP" as one MISC span and "Tampa" as a LOC."""
    words = [t.text for t in doc]
    ents = []
    if "Windows" in words:
        i = words.index("Windows")
        ents.append(Span(doc, i, i + 2, label="MISC"))
    if "Tampa" in words:
        i = words.index("Tampa")
        ents.append(Span(doc, i, i + 1, label="LOC"))
    doc.ents = ents
    return doc


def test_uner_oth_spelling_is_scored_as_misc(tmp_path: Path) -> None:
    # Some Universal NER releases and tools write the fourth type as OTH, not OTHER
    path = tmp_path / "dev.iob2"
    path.write_text(
        "# sent_id = y-1\n"
        "1\tWindows\tB-OTH\t-\t-\n"
        "2\tXP\tI-OTH\t-\t-\n"
        "3\tin\tO\t-\t-\n"
        "4\tTampa\tB-LOC\t-\t-\n"
        "\n",
        encoding="utf-8",
    )
    sentences, _ = read_iob2(path)
    assert sentences[0].tags == ("B-MISC", "I-MISC", "O", "B-LOC")
    nlp = spacy.blank("en")
    nlp.add_pipe("_test_misc_ner", name="ner")
    s = evaluate_ner(path, nlp=nlp)
    # MISC is scored on its own and matches; overall is LOC alone
    assert s["per_type"]["MISC"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1}
    assert "OTH" not in s["per_type"]
    assert s["overall"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_evaluate_ner_loads_a_model_folder(tmp_path: Path) -> None:
    # A training run's model-best is scored in place of the packaged pipeline
    nlp = spacy.blank("en")
    nlp.add_pipe("_test_misc_ner", name="ner")
    nlp.to_disk(tmp_path / "model-best")
    path = tmp_path / "dev.iob2"
    path.write_text("# sent_id = z-1\n1\tin\tO\t-\t-\n2\tTampa\tB-LOC\t-\t-\n\n")
    s = evaluate_ner(path, model=tmp_path / "model-best")
    assert s["overall"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
