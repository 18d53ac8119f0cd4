"""The multi-document summary: sources, corroboration, redundancy, budget, order, quotes."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from storyline.nlp.embeddings import SentenceEncoder, load_encoder
from storyline.stories import summary
from storyline.stories.records import SourceDocument
from storyline.stories.summary import SummarySentence, summarize
from storyline.stories.summary_features import sentence_features

BRIDGE = [
    "The Harbour Bridge reopened to traffic on Monday after six weeks of repairs.",
    "Engineers replaced two corroded steel cables that had forced the closure in March.",
    "The repairs cost the city about 4 million euros, the transport office said.",
    "Local shop owners said the closure had cut their sales by half.",
]
BRIDGE_PARAPHRASE = [
    "After six weeks of repair work, the Harbour Bridge opened again to cars on Monday.",
    "A new ferry timetable will start in the summer, the port authority said.",
    "Cyclists will have a separate lane on the bridge from next year.",
]
BRIDGE_LATER = [
    "The Harbour Bridge was closed again on Friday after inspectors found a crack in a pier.",
    "Inspectors said the crack was not related to the cables replaced in the spring.",
]


def _document(
    article_id: str,
    sentences: list[str],
    published: datetime | None = None,
) -> SourceDocument:
    text = " ".join(sentences)
    spans = []
    start = 0
    for sentence in sentences:
        spans.append((start, start + len(sentence)))
        start += len(sentence) + 1
    return SourceDocument(article_id, text, tuple(spans), published=published)


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return load_encoder()


def _words(lines: tuple[SummarySentence, ...]) -> int:
    return sum(len(line.text.split()) for line in lines)


def test_every_line_is_its_source_span(encoder: SentenceEncoder) -> None:
    docs = [_document("a", BRIDGE), _document("b", BRIDGE_PARAPHRASE)]
    by_id = {d.id: d for d in docs}
    lines = summarize(docs, max_words=200, encoder=encoder)
    assert lines
    for line in lines:
        doc = by_id[line.source.article_id]
        assert doc.text[line.source.start : line.source.end] == line.text
        assert (line.source.start, line.source.end) in doc.sentences
        for span in line.corroborated_by:
            assert span.article_id != line.source.article_id
            other = by_id[span.article_id]
            assert (span.start, span.end) in other.sentences


def test_corroboration_finds_the_paraphrase_and_not_an_unrelated_sentence(
    encoder: SentenceEncoder,
) -> None:
    docs = [_document("a", BRIDGE), _document("b", BRIDGE_PARAPHRASE)]
    lines = summarize(docs, max_words=200, encoder=encoder)
    texts = {line.text: line for line in lines}
    reopened = texts.get(BRIDGE[0]) or texts[BRIDGE_PARAPHRASE[0]]
    corroborating = [
        docs[0 if s.article_id == "a" else 1].text[s.start : s.end]
        for s in reopened.corroborated_by
    ]
    expected = BRIDGE_PARAPHRASE[0] if reopened.text == BRIDGE[0] else BRIDGE[0]
    assert corroborating == [expected]
    ferry = texts.get(BRIDGE_PARAPHRASE[1])
    if ferry is not None:
        assert ferry.corroborated_by == ()


def test_near_identical_sentences_are_told_once(encoder: SentenceEncoder) -> None:
    copy = [
        BRIDGE[0].replace("on Monday", "on Monday morning"),
        "The mayor thanked the engineers for finishing the work ahead of schedule.",
    ]
    docs = [_document("a", BRIDGE), _document("b", copy)]
    lines = summarize(docs, max_words=200, encoder=encoder)
    chosen = [line.text for line in lines]
    assert (BRIDGE[0] in chosen) != (copy[0] in chosen)
    kept = next(line for line in lines if line.text in (BRIDGE[0], copy[0]))
    assert len(kept.corroborated_by) == 1


@pytest.mark.parametrize("budget", [12, 25, 40, 200])
def test_word_budget_is_respected(encoder: SentenceEncoder, budget: int) -> None:
    docs = [_document("a", BRIDGE), _document("b", BRIDGE_PARAPHRASE)]
    lines = summarize(docs, max_words=budget, encoder=encoder)
    assert _words(lines) <= budget
    total = sum(len(s.split()) for s in BRIDGE + BRIDGE_PARAPHRASE)
    if budget >= total:
        assert _words(lines) >= total - 20  # only repeats are left out
    else:
        assert _words(lines) >= budget - 15  # the budget is filled


def test_summary_is_deterministic(encoder: SentenceEncoder) -> None:
    docs = [
        _document("a", BRIDGE),
        _document("b", BRIDGE_PARAPHRASE),
        _document("c", BRIDGE_LATER),
    ]
    first = summarize(docs, max_words=60, encoder=encoder)
    assert first == summarize(docs, max_words=60, encoder=encoder)


def test_undated_documents_keep_the_order_given(encoder: SentenceEncoder) -> None:
    docs = [_document("a", BRIDGE), _document("b", BRIDGE_LATER)]
    lines = summarize(docs, max_words=200, encoder=encoder)
    assert all(line.published is None for line in lines)
    keys = [(line.source.article_id, line.source.start) for line in lines]
    assert keys == sorted(keys)


def test_newest_developments_come_last(encoder: SentenceEncoder) -> None:
    monday = datetime(2025, 5, 5, 9, tzinfo=UTC)
    friday = datetime(2025, 5, 9, 18, tzinfo=UTC)
    docs = [
        _document("later", BRIDGE_LATER, friday),  # given first, told last
        _document("undated", BRIDGE_PARAPHRASE[1:]),
        _document("early", BRIDGE, monday),
    ]
    lines = summarize(docs, max_words=200, encoder=encoder)
    order = [line.source.article_id for line in lines]
    assert order[0] == "early"
    assert order[-1] == "later"
    assert order.index("undated") > order.index("early")
    assert max(i for i, a in enumerate(order) if a != "later") < order.index("later")
    assert {line.published for line in lines if line.source.article_id == "later"} == {friday}


def test_same_day_articles_are_told_in_time_order(encoder: SentenceEncoder) -> None:
    morning = datetime(2025, 5, 5, 8, tzinfo=UTC)
    evening = datetime(2025, 5, 5, 20)  # no zone: read as UTC, still comparable
    docs = [_document("evening", BRIDGE_LATER, evening), _document("morning", BRIDGE, morning)]
    lines = summarize(docs, max_words=200, encoder=encoder)
    order = [line.source.article_id for line in lines]
    assert order == sorted(order, key=["morning", "evening"].index)


def test_a_quote_is_never_cut_from_its_speaker(encoder: SentenceEncoder) -> None:
    quote = [
        "The council met on Tuesday to discuss the flooded harbour district.",
        '"We will rebuild every house on the harbour front before winter.',
        'Nobody will be left without a home," Mayor Ana Ruiz said after the meeting.',
        "The council approved 12 million euros for the rebuilding work.",
    ]
    docs = [_document("q", quote)]
    for budget in (15, 25, 40, 80):
        chosen = [line.text for line in summarize(docs, max_words=budget, encoder=encoder)]
        if quote[1] in chosen:
            assert quote[2] in chosen
            assert chosen.index(quote[1]) + 1 == chosen.index(quote[2])
    units = summary._units(quote, [0, 0, 0, 0])
    assert (1,) not in units
    assert (1, 2) in units


def test_a_quotation_over_several_sentences_is_one_unit() -> None:
    texts = [
        "The mayor spoke to reporters after the vote on Tuesday evening.",
        '"This is a great day for the harbour district.',
        "We have waited ten years for this money.",
        'Now the work can begin," Ruiz said.',
        '"We won," a resident told the crowd outside.',
        "Rebuilding starts in June.",
    ]
    units = summary._units(texts, [0] * len(texts))
    assert (1, 2, 3) in units
    # no unit starts inside the quotation, even from its attributed last sentence
    assert not any(u in units for u in [(1,), (2,), (1, 2), (2, 3), (3,)])
    assert (4,) in units  # attributed inside the sentence
    assert len(units) == len(set(units))


def test_quotes_fill_at_most_a_third_of_the_budget(encoder: SentenceEncoder) -> None:
    quotes = [
        f'"{line}," {speaker} said.'
        for line, speaker in [
            ("We will rebuild every house on the harbour front before winter", "the mayor"),
            ("Nobody in this district will be left without a roof", "a councillor"),
            ("The money is there and the builders are ready to start", "the treasurer"),
            ("This is the best news the harbour has had in ten years", "a shop owner"),
        ]
    ]
    docs = [_document("q", quotes), _document("b", BRIDGE)]
    lines = summarize(docs, max_words=60, encoder=encoder)
    quoted = sum(len(line.text.split()) for line in lines if line.text in quotes)
    assert quoted <= 60 / 3
    assert any(line.source.article_id == "b" for line in lines)


def test_a_bare_quote_without_a_speaker_is_left_out(encoder: SentenceEncoder) -> None:
    docs = [
        _document("a", ['"This is the best harbour bridge in the whole of Europe."']),
        _document("b", BRIDGE[:2]),
    ]
    chosen = [line.text for line in summarize(docs, max_words=200, encoder=encoder)]
    assert chosen and not any(text.startswith('"') for text in chosen)


def test_nothing_to_summarise() -> None:
    assert summarize([], max_words=50, encoder=None) == ()
    assert summarize([SourceDocument("a", "", ())], max_words=50) == ()


def test_lines_are_source_words_only(encoder: SentenceEncoder) -> None:
    docs = [_document("a", BRIDGE), _document("b", BRIDGE_LATER)]
    source_words = set(re.findall(r"\S+", " ".join(d.text for d in docs)))
    for line in summarize(docs, max_words=50, encoder=encoder):
        assert set(line.text.split()) <= source_words


def test_public_api() -> None:
    assert sorted(summary.__all__) == [
        "CORROBORATION_COSINE",
        "MODEL_PATH",
        "REDUNDANCY_COSINE",
        "SentenceScorer",
        "SummarySentence",
        "choose_sentences",
        "cut_off",
        "points_back",
        "summarize",
        "with_lead_bonus",
    ]


def test_a_line_standing_alone_without_final_punctuation_is_never_a_summary_line() -> None:
    headline = "Orlesia orders Estmark consulate closed over the detained reporters"
    body = "The Harbour Bridge reopened to traffic on Monday after six weeks of repairs."
    text = f"{body}\n\n{headline}\n\nEngineers replaced two corroded steel cables on the bridge."
    sentences = []
    for part in (body, headline, "Engineers replaced two corroded steel cables on the bridge."):
        start = text.index(part)
        sentences.append((start, start + len(part)))
    doc = SourceDocument("a1", text, tuple(sentences))
    chosen = [line.text for line in summarize([doc], max_words=200)]
    assert headline not in chosen and body in chosen


def test_each_article_lead_is_favoured_and_a_short_first_line_is_not() -> None:
    import numpy as np

    from storyline.stories.summary_features import FEATURE_NAMES

    features = np.zeros((4, len(FEATURE_NAMES)))
    first, words = FEATURE_NAMES.index("is_first"), FEATURE_NAMES.index("words")
    features[[0, 2], first] = 1  # two articles' first sentences
    features[:, words] = [14, 20, 5, 9]  # the second article's first line is a 5-word stub
    scores = np.array([0.2, 0.5, 0.2, 0.1])
    boosted = summary.with_lead_bonus(scores, features)
    bonus = summary.LEAD_BONUS * float(np.std(scores))
    assert bonus > 0 and boosted[0] == scores[0] + bonus
    assert list(boosted[1:]) == list(scores[1:])


def test_a_sentence_pointing_back_is_offered_only_where_it_opens_its_article() -> None:
    texts = [
        "The grain corridor runs from Varn to the border town of Lisk.",
        "It carries most of the wheat the country buys abroad each year.",
        "They expect the line to reopen next week, officials in Lisk said.",
        "This is the third closure of the line since the spring floods.",
    ]
    units = summary._units(texts, [0, 0, 1, 1])
    assert (1,) not in units and (3,) not in units
    assert (0,) in units and (2,) in units  # "They" opens its own article


def test_the_selection_training_cross_validates_is_the_one_summarize_runs(
    encoder: SentenceEncoder,
) -> None:
    # training/summary/train_summary.py chooses its settings through summary.choose_sentences
    docs = [_document("a", BRIDGE), _document("b", BRIDGE_PARAPHRASE), _document("c", BRIDGE_LATER)]
    texts = [d.text[s:e] for d in docs for s, e in d.sentences]
    doc_of = [k for k, d in enumerate(docs) for _ in d.sentences]
    vectors = encoder.encode(texts)
    features = sentence_features([[d.text[s:e] for s, e in d.sentences] for d in docs], vectors)
    scores = summary.SentenceScorer.load().score(features, vectors)
    chosen, _ = summary.choose_sentences(texts, doc_of, scores, features, vectors, 40)
    lines = summarize(docs, max_words=40, encoder=encoder)
    assert sorted(texts[i] for i in chosen) == sorted(line.text for line in lines)


def test_a_sentence_the_source_cut_short_is_not_summarised(encoder: SentenceEncoder) -> None:
    cut = "The Harbour Bridge reopened to cars on Monday after six weeks of repairs, and..."
    doc = _document("a1", [*BRIDGE[:2], cut])
    lines = summarize([doc], max_words=200, encoder=encoder)
    assert lines and all("and..." not in s.text for s in lines)


@pytest.mark.parametrize(
    ("sentence", "back"),
    [
        ("They left early.", True),
        ("The move comes after two weeks of talks.", True),
        ("The decision was criticised by the union.", True),
        ("The decision to close the plant was criticised.", False),  # says what it was
        ("The movers left early.", False),
        ("Theirs was the last offer.", False),
    ],
)
def test_a_sentence_opening_on_a_word_that_only_names_what_came_before_points_back(
    sentence: str, back: bool
) -> None:
    assert summary.points_back(sentence) is back
