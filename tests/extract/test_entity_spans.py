"""Which recogniser spans name an entity: cases, titles after a body, words naming nothing."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from storyline.extract.entities_spans import entity_spans


def doc_with(
    words: list[str], ents: list[tuple[int, int, str]], spaces: list[bool] | None = None
) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def spans(doc: Doc) -> list[tuple[str, str]]:
    return [(s.text, s.label_) for s in entity_spans(doc)]


def test_a_title_after_a_body_belongs_to_the_person_not_the_body() -> None:
    words = ["House", "Minority", "Leader", "Kevin", "McCarthy", "spoke", "."]
    assert spans(doc_with(words, [(0, 2, "ORG"), (3, 5, "PER")])) == [
        ("House", "ORG"),
        ("Kevin McCarthy", "PER"),
    ]
    assert spans(doc_with(words, [(0, 3, "ORG"), (3, 5, "PER")]))[0] == ("House", "ORG")
    # A title alone names no body; a body named "… of the Inspector General" keeps its name.
    assert spans(doc_with(["Attorney", "General", "spoke"], [(0, 2, "ORG")])) == []
    words = ["Office", "of", "the", "Inspector", "General", "said"]
    assert spans(doc_with(words, [(0, 5, "ORG")])) == [("Office of the Inspector General", "ORG")]


def test_a_court_case_is_one_span_whatever_its_parties_were_tagged() -> None:
    words = ["in", "Dobbs", "v.", "Jackson", "Women", "’s", "Health", "Organization", ","]
    spaces = [True, True, True, True, False, True, True, False, False]
    doc = doc_with(words, [(1, 2, "PER"), (3, 5, "ORG"), (6, 8, "ORG")], spaces)
    assert spans(doc) == [("Dobbs v. Jackson Women’s Health Organization", "MISC")]


def test_a_sports_fixture_is_two_teams() -> None:
    doc = doc_with(["Arsenal", "v", "Chelsea", "ended", "level"], [(0, 1, "ORG"), (2, 3, "ORG")])
    assert spans(doc) == [("Arsenal", "ORG"), ("Chelsea", "ORG")]
