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
