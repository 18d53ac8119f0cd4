"""Parse evaluation on a small hand-written CoNLL-U file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from conftest import write_maybe_gzipped
from storyline.cli import main
from storyline.eval.parse import GoldSentence, evaluate_parse, read_conllu, score_parse

# Two documents; the second sentence has a multi-word token ("don't" = do + n't).
CONLLU = """\
# newdoc id = one
# sent_id = 1
# text = Prices rose sharply.
1\tPrices\tprice\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_
2\trose\trise\tVERB\tVBD\tTense=Past\t0\troot\t_\t_
3\tsharply\tsharply\tADV\tRB\t_\t2\tadvmod\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# sent_id = 2
# text = We don't know.
1\tWe\twe\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# newdoc id = two
# sent_id = 3
# text = Smith's house burned.
1\tSmith\tSmith\tPROPN\tNNP\t_\t3\tnmod:poss\t_\tSpaceAfter=No
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_
3\thouse\thouse\tNOUN\tNN\t_\t4\tnsubj\t_\t_
4\tburned\tburn\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

"""


def test_read_conllu_skips_ranges_and_reads_spaces() -> None:
    sentences = read_conllu(CONLLU.splitlines())
    assert [s.words for s in sentences][1] == ("We", "do", "n't", "know", ".")
    assert sentences[1].heads == (3, 3, 3, -1, 3)
    assert sentences[0].spaces == (True, True, False, True)
    assert [s.new_doc for s in sentences] == [True, False, True]


def _gold_docs() -> tuple[list[list[GoldSentence]], list[Doc]]:
    sentences = read_conllu(CONLLU.splitlines())
    documents = [sentences[:2], sentences[2:]]
    docs = []
    for group in documents:
        words: list[str] = []
        heads: list[int] = []
        deps: list[str] = []
        pos: list[str] = []
        for sentence in group:
            offset = len(words)
            for i, word in enumerate(sentence.words):
                head = sentence.heads[i]
                words.append(word)
                heads.append(offset + (i if head < 0 else head))
                deps.append("ROOT" if head < 0 else sentence.deprels[i])
                pos.append(sentence.upos[i])
        docs.append(Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos))
    return documents, docs


def test_perfect_prediction_scores_one() -> None:
    documents, docs = _gold_docs()
    assert score_parse(documents, docs) == {
        "upos": 1.0, "uas": 1.0, "las": 1.0, "sentence_f1": 1.0,
    }  # fmt: skip


def test_subtypes_are_ignored_and_errors_counted() -> None:
    documents, docs = _gold_docs()
    second = docs[1]
    second[0].dep_ = "nmod"  # gold nmod:poss: main relation matches
    second[2].pos_ = "PROPN"  # one UPOS error out of 14 words
    assert score_parse(documents, docs)["las"] == 1.0
    assert score_parse(documents, docs)["upos"] == pytest.approx(13 / 14)


def test_wrong_head_and_merged_sentences() -> None:
    documents, _ = _gold_docs()
    words = [w for s in documents[0] for w in s.words]
    # One tree over both sentences: "know" hangs off "rose"; every label is right.
    heads = [1, 1, 1, 1, 7, 7, 7, 1, 7]
    deps = ["nsubj", "ROOT", "advmod", "punct", "nsubj", "aux", "advmod", "root", "punct"]
    pos = [u for s in documents[0] for u in s.upos]
    merged = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    _, perfect = _gold_docs()
    scores = score_parse(documents, [merged, perfect[1]])
    assert scores["uas"] == pytest.approx(13 / 14)
    assert scores["las"] == pytest.approx(13 / 14)
    # gold: 3 sentences; predicted: 2 (one wrong) -> P = 1/2, R = 1/3
    assert scores["sentence_f1"] == pytest.approx(2 * (1 / 2) * (1 / 3) / (1 / 2 + 1 / 3))


@pytest.mark.parametrize("packed", [False, True])
def test_evaluate_parse_runs_the_pipeline(tmp_path: Path, packed: bool) -> None:
    path = write_maybe_gzipped(tmp_path / ("tiny.conllu.gz" if packed else "tiny.conllu"), CONLLU)
    scores = evaluate_parse(path)
    assert set(scores) == {"upos", "uas", "las", "sentence_f1", "words_per_second"}
    for key in ("upos", "uas", "las", "sentence_f1"):
        assert 0.0 <= scores[key] <= 1.0
    assert scores["upos"] > 0.7
    assert scores["words_per_second"] > 0


@Language.component("_test_flat_parse")
def _flat_parse(doc: Doc) -> Doc:
    """Every word a noun hanging on the first word: a deliberately poor parser."""
    for token in doc:
        token.pos_ = "NOUN"
        token.head = doc[0]
        token.dep_ = "ROOT" if token.i == 0 else "dep"
    return doc


def test_evaluate_parse_and_the_cli_load_a_model_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A training run's model-best is scored in place of the packaged pipeline
    nlp = spacy.blank("en")
    nlp.add_pipe("_test_flat_parse")
    nlp.to_disk(tmp_path / "model-best")
    path = write_maybe_gzipped(tmp_path / "tiny.conllu", CONLLU)
    scores = evaluate_parse(path, model=tmp_path / "model-best")
    assert scores["upos"] < evaluate_parse(path)["upos"]
    assert main(["eval", "parse", str(path), "--model", str(tmp_path / "model-best")]) == 0
    assert json.loads(capsys.readouterr().out)["upos"] == scores["upos"]
