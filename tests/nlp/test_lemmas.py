"""The lemma lookup component saves and loads its table."""

from __future__ import annotations

from pathlib import Path

import spacy

from storyline.nlp.lemmas import LemmaLookup, build_table


def test_table_round_trip(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    lookup = nlp.add_pipe("storyline_lemma_lookup")
    assert isinstance(lookup, LemmaLookup)
    lookup.table = build_table(
        [
            "1\tmice\tmouse\tNOUN\tNNS\t_\t0\troot\t_\t_",
            "1\tmice\tmice\tNOUN\tNNS\t_\t0\troot\t_\t_",
            "1\tmice\tmouse\tNOUN\tNNS\t_\t0\troot\t_\t_",
        ]
    )
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    doc = loaded.make_doc("mice")
    doc[0].pos_ = "NOUN"
    assert loaded.get_pipe("storyline_lemma_lookup")(doc)[0].lemma_ == "mouse"


def _tagged(
    nlp: spacy.language.Language, words: list[tuple[str, str, str, str]]
) -> spacy.tokens.Doc:
    doc = nlp.make_doc(" ".join(w for w, _, _, _ in words))
    for token, (_, lemma, pos, tag) in zip(doc, words, strict=True):
        token.lemma_, token.pos_, token.tag_ = lemma, pos, tag
    return doc


def test_a_guessed_lemma_that_is_no_word_is_mended(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    lookup = nlp.add_pipe("storyline_lemma_lookup")
    assert isinstance(lookup, LemmaLookup)
    lookup.words = frozenset({"blame", "trim", "sue", "policy", "climb", "climbed", "spark"})
    doc = _tagged(
        nlp,
        [
            ("blamed", "blam", "VERB", "VBD"),  # no word: "blam" + "e"
            ("trimmed", "trimm", "VERB", "VBD"),  # undoubled
            ("suing", "su", "VERB", "VBG"),
            ("policies", "policie", "NOUN", "NNS"),  # "-ies" → "-y"
            ("climbed", "climbed", "VERB", "VBD"),  # a known word, but left inflected
            ("sparked", "spark", "VERB", "VBD"),  # a known word: kept
            ("Zorvex", "Zorvex", "PROPN", "NNP"),  # names are never touched
        ],
    )
    assert [t.lemma_ for t in lookup(doc)] == [
        "blame", "trim", "sue", "policy", "climb", "spark", "Zorvex"
    ]  # fmt: skip
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p").get_pipe("storyline_lemma_lookup")
    assert isinstance(loaded, LemmaLookup) and loaded.words == lookup.words


def test_an_unseen_past_of_an_irregular_verb_takes_its_base() -> None:
    nlp = spacy.blank("en")
    lookup = nlp.add_pipe("storyline_lemma_lookup")
    assert isinstance(lookup, LemmaLookup)
    doc = _tagged(
        nlp,
        [
            ("froze", "froze", "VERB", "VBD"),
            ("fled", "fl", "VERB", "VBN"),
            ("froze", "froze", "VERB", "VBZ"),  # a past misread as "-s" present
            ("found", "found", "VERB", "VB"),  # "to found a firm": its own base
            ("sank", "sank", "VERB", "VBP"),  # a verb to the parser, no base form
            ("shrunk", "shrunk", "VERB", "NN"),  # the tagger saw no verb at all
            ("lay", "lay", "VERB", "VBP"),  # "they lay bricks": a base of its own
        ],
    )
    assert [t.lemma_ for t in lookup(doc)] == [
        "freeze", "flee", "freeze", "found", "sink", "shrink", "lay"
    ]  # fmt: skip
