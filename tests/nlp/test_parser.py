"""The MiniLM tagger and parser (storyline.nlp.parser) and its place in the pipeline."""

from __future__ import annotations

import json

import numpy as np
import pytest

from storyline.nlp.parser import (
    MAX_PIECES,
    PARSER_DIR,
    ROOT_SCORE_PENALTY,
    MiniLMParser,
    Parse,
    _chu_liu_edmonds,
    _find_cycle,
    _join,
    decode_tree,
    load_parser,
)
from storyline.nlp.pipeline import load_nlp


@pytest.fixture(scope="module")
def parser() -> MiniLMParser:
    return load_parser()


def _one_root(parse: Parse) -> bool:
    return sum(h < 0 for h in parse.heads) == 1 and parse.deprels.count("ROOT") == 1


def test_a_sentence_gets_tags_a_tree_and_relations(parser: MiniLMParser) -> None:
    words = ["The", "minister", "urged", "Ankara", "to", "reopen", "the", "border", "."]
    parse = parser.parse([words])[0]
    assert len(parse.upos) == len(parse.heads) == len(parse.deprels) == len(words)
    assert _one_root(parse)
    assert parse.upos[:4] == ("DET", "NOUN", "VERB", "PROPN")
    root = parse.heads.index(-1)
    assert words[root] == "urged"
    assert parse.deprels[1] == "nsubj" and parse.heads[1] == root
    assert parse.deprels[3] in ("obj", "iobj") and parse.heads[3] == root
    assert parse.deprels[5] == "xcomp" and parse.heads[5] == root
    assert parse.deprels[7] == "obj" and parse.heads[7] == 5


def test_every_head_is_in_the_sentence_and_the_tree_has_no_cycle(parser: MiniLMParser) -> None:
    words = [
        "Asked",
        "whether",
        "she",
        "would",
        "run",
        "again",
        ",",
        "the",
        "senator",
        ",",
        "who",
        "was",
        "first",
        "elected",
        "in",
        "1992",
        ",",
        "said",
        "she",
        "had",
        "not",
        "decided",
        ".",
    ]
    parse = parser.parse([words])[0]
    assert _one_root(parse)
    for i in range(len(words)):
        seen = set()
        node = i
        while parse.heads[node] >= 0:
            assert 0 <= parse.heads[node] < len(words)
            assert node not in seen
            seen.add(node)
            node = parse.heads[node]


def test_a_parse_does_not_depend_on_its_batch(parser: MiniLMParser) -> None:
    sentence = ["Officials", "said", "the", "plant", "would", "close", "in", "March", "."]
    alone = parser.parse([sentence])[0]
    others = [["Rates", "rose", "."], ["A"] * 60, sentence, ["No", "."]]
    assert parser.parse(others)[2] == alone
    assert parser.parse(others, batch_size=1)[2] == alone


def test_empty_input_and_empty_sentences(parser: MiniLMParser) -> None:
    assert parser.parse([]) == []
    assert parser.parse([[]]) == [Parse((), (), (), (), (), (), ())]


def test_a_sentence_longer_than_the_encoder_is_parsed_in_pieces(parser: MiniLMParser) -> None:
    words = (
        ["The", "committee", "met", "and", "the", "members", "voted", ";"]
    ) * 70  # > 510 pieces
    assert len(words) > MAX_PIECES
    parse = parser.parse([words])[0]
    assert len(parse.heads) == len(words)
    assert _one_root(parse)
    assert "parataxis" in parse.deprels
    assert all(-1 <= h < len(words) for h in parse.heads)


def test_pieces_join_on_the_first_root() -> None:
    first = Parse(
        ("VERB", "PUNCT"),
        (-1, 0),
        ("ROOT", "punct"),
        ("VB", "."),
        ("Mood=Imp", "_"),
        ("go", "."),
        ("O", "O"),
    )
    second = Parse(
        ("NOUN", "VERB"),
        (1, -1),
        ("nsubj", "ROOT"),
        ("NNS", "VBD"),
        ("Number=Plur", "Tense=Past"),
        ("price", "rise"),
        ("O", "O"),
    )
    assert _join([first, second]) == Parse(
        ("VERB", "PUNCT", "NOUN", "VERB"),
        (-1, 0, 3, 0),
        ("ROOT", "punct", "nsubj", "parataxis"),
        ("VB", ".", "NNS", "VBD"),
        ("Mood=Imp", "_", "Number=Plur", "Tense=Past"),
        ("go", ".", "price", "rise"),
        ("O", "O", "O", "O"),
    )


def test_ptb_tags_features_and_lemmas_come_from_the_same_pass() -> None:
    doc = load_nlp()("The ministers were running late and Merkel's aides cancelled two meetings.")
    rows = {t.text: (t.tag_, str(t.morph), t.lemma_) for t in doc}
    assert rows["ministers"] == ("NNS", "Number=Plur", "minister")
    assert rows["were"][0] == "VBD" and rows["were"][2] == "be"
    assert rows["running"][0] == "VBG" and rows["running"][2] == "run"
    assert rows["cancelled"][0] == "VBD" and rows["cancelled"][2] == "cancel"
    assert rows["Merkel"][0] == "NNP" and rows["Merkel"][2] == "Merkel"
    assert rows["meetings"][2] == "meeting"
    assert "Tense=Past" in rows["cancelled"][1]


def test_the_pipeline_has_no_second_token_network() -> None:
    # tags, features and lemmas ride on the parser's MiniLM pass: no CNN tok2vec left
    names = load_nlp().pipe_names
    assert not {"tok2vec", "tagger", "morphologizer", "trainable_lemmatizer"} & set(names)
    assert names.index("storyline_parser") < names.index("storyline_lemma_lookup")


def test_the_labels_ship_with_the_head() -> None:
    labels = json.loads((PARSER_DIR / "labels.json").read_text(encoding="utf-8"))
    assert {"NOUN", "VERB", "PROPN", "PUNCT"} <= set(labels["upos"])
    assert {"nsubj", "nsubj:pass", "obj", "ccomp", "root"} <= set(labels["deprels"])
    assert {"NNS", "VBD", "VBN", "MD"} <= set(labels["xpos"])
    assert "Number=Plur" in labels["feats"]
    assert [True, 0, ""] in labels["lemma_rules"]
    assert {"O", "B-PER", "I-PER", "B-MISC"} <= set(labels["entity_tags"])


def test_the_pipeline_keeps_its_sentences_and_hangs_whitespace_on_a_word() -> None:
    doc = load_nlp()("Talks resumed on Monday.\n\nThe union said it would strike.")
    sentences = list(doc.sents)
    assert [s.text for s in sentences] == [
        "Talks resumed on Monday.\n\n",
        "The union said it would strike.",
    ]
    space = next(t for t in doc if t.is_space)
    assert space.pos_ == "SPACE" and space.dep_ == "dep"
    assert space.head.sent == space.sent and not space.head.is_space
    for sentence in sentences:
        roots = [t for t in sentence if t.dep_ == "ROOT"]
        assert len(roots) == 1 and roots[0].pos_ == "VERB"
    said = next(t for t in doc if t.text == "said")
    assert said.dep_ == "ROOT" and any(c.dep_ == "ccomp" for c in said.children)


def test_a_text_of_whitespace_only_is_its_own_root() -> None:
    doc = load_nlp()("   ")
    assert [t.dep_ for t in doc] == ["ROOT"]


def test_text_words_split_inside_a_wordpiece_each_get_a_state(parser: MiniLMParser) -> None:
    text = "They wouldn't sign, and cannot pay."
    spans = [(0, 4), (5, 10), (10, 13), (14, 18), (18, 19), (20, 23), (24, 27), (27, 30)]
    spans += [(31, 34), (34, 35)]
    (parse,), (vector,) = parser.parse_text([(text, spans)])
    assert len(parse.heads) == len(spans) and _one_root(parse)
    assert parse.upos[1:3] == ("AUX", "PART") and parse.deprels[2] == "advmod"
    assert vector is not None and vector.shape == (384,)


def test_the_parse_pass_gives_the_sentence_vectors_the_encoder_would() -> None:
    from storyline.nlp.embeddings import load_encoder

    encoder = load_encoder()
    text = "The minister said he wouldn't go.  Talks resumed on Monday.\n\nPrices rose 3%."
    encoder.remember(100)
    try:
        doc = load_nlp()(text)
        sentences = [s.text.strip() for s in doc.sents]
        assert sentences == [
            "The minister said he wouldn't go.",
            "Talks resumed on Monday.",
            "Prices rose 3%.",
        ]
        assert all(s in encoder._memo for s in sentences)  # made by the parser
        shared = encoder.encode(sentences)
    finally:
        encoder.remember(0)
    fresh = encoder.encode(sentences)
    assert (shared * fresh).sum(axis=1).min() > 0.9999


def test_long_sentences_go_in_smaller_batches() -> None:
    from storyline.nlp.parser import _batches

    # 16 sentences of 100 pieces fit the budget (16 x 128²); of 200 pieces, 6 do
    assert [len(b) for b in _batches([100] * 20, list(range(20)), 16)] == [16, 4]
    assert [len(b) for b in _batches([200] * 10, list(range(10)), 16)] == [6, 4]
    assert _batches([10, 500, 500], [0, 1, 2], 16) == [[0], [1], [2]]  # 500 pieces: alone


def test_tags_are_mended_only_where_there_is_a_parse() -> None:
    doc = load_nlp(disable=["storyline_parser"])("The council will axe 120 posts.")
    assert not doc.has_annotation("DEP")
    assert load_nlp()("The council will axe 120 posts.")[3].tag_ == "VB"


def test_named_entities_come_from_the_same_pass() -> None:
    doc = load_nlp()(
        "Angela Merkel met Recep Tayyip Erdogan in Ankara on Monday. "
        "The European Union said talks would resume."
    )
    ents = {(e.text, e.label_) for e in doc.ents}
    assert {("Angela Merkel", "PER"), ("Ankara", "LOC"), ("European Union", "ORG")} <= ents
    # the recogniser may leave a rare first name out; the entity grouping joins it back
    assert any(e.text.endswith("Tayyip Erdogan") and e.label_ == "PER" for e in doc.ents)
    assert ("Monday", "DATE") in ents  # the rule-based types still join them
    assert "ner" not in load_nlp().pipe_names  # no second network for entities


def test_entity_tags_decode_as_valid_bio() -> None:
    parse = load_parser().parse([["Talks", "in", "New", "York", "ended", "."]])[0]
    assert len(parse.entities) == 6
    for prev, tag in zip(("O", *parse.entities), parse.entities, strict=False):
        if tag.startswith("I-"):
            assert prev[2:] == tag[2:] and prev != "O"
    assert parse.entities[2:4] == ("B-LOC", "I-LOC")


def test_the_greedy_shortcut_gives_the_tree_the_full_search_gives() -> None:
    rng = np.random.default_rng(0)
    shortcuts = 0
    for _ in range(300):
        n = int(rng.integers(2, 30))
        scores = rng.normal(size=(n + 1, n + 1))
        for word in range(1, n + 1):  # often a clear tree, sometimes not
            scores[word, int(rng.integers(0, word))] += float(rng.choice([0.0, 8.0]))
        full = scores.copy()
        np.fill_diagonal(full, -np.inf)
        greedy = full.argmax(axis=1)
        greedy[0] = -1
        shortcuts += int(np.count_nonzero(greedy[1:] == 0) == 1 and _find_cycle(greedy) is None)
        full[:, 0] -= ROOT_SCORE_PENALTY
        assert decode_tree(scores).tolist() == _chu_liu_edmonds(full).tolist()
    assert 0 < shortcuts < 300  # both paths were taken
