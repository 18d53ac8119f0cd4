"""Timelines: dating sentences, merging outlets' reports of one event, precision, order, spans."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from storyline.extract.time import extract_timexes
from storyline.nlp.embeddings import load_encoder
from storyline.stories.records import SourceDocument, SourceSpan
from storyline.stories.timeline import TimelineEntry, TimelineSettings, build_timeline
from storyline.stories.timeline_dates import date_sentences, rank_dates, spread_dates


def article(
    doc_id: str,
    sentences: list[str],
    published: datetime | None,
    outlet: str | None = None,
) -> SourceDocument:
    """A SourceDocument with sentences joined by spaces and regex timexes, as ingest makes them."""
    spans, pos = [], 0
    for s in sentences:
        spans.append((pos, pos + len(s)))
        pos += len(s) + 1
    text = " ".join(sentences)
    return SourceDocument(
        doc_id,
        text,
        tuple(spans),
        published=published,
        outlet=outlet,
        timexes=extract_timexes(text, published),
    )


QUAKE_A = "A magnitude 7.0 earthquake struck Haiti on January 12, killing thousands of people."
QUAKE_B = "On January 12 a powerful 7.0-magnitude earthquake hit Haiti and killed thousands."
BUDGET = "The finance minister presented the annual budget to parliament on January 12."


@pytest.fixture(scope="module")
def two_outlets() -> list[SourceDocument]:
    return [
        article("wire-1", [QUAKE_A, BUDGET], datetime(2010, 1, 14), "Meridian Wire"),
        article("post-7", ["Aid began to arrive in the capital.", QUAKE_B], datetime(2010, 1, 15)),
    ]


def test_two_outlets_reporting_one_event_merge_into_one_entry(
    two_outlets: list[SourceDocument],
) -> None:
    entries = build_timeline(two_outlets, encoder=load_encoder(), max_dates=1, sentences_per_date=2)
    quake = [e for e in entries if "earthquake" in e.text]
    assert len(quake) == 1, entries
    entry = quake[0]
    assert entry.date == "2010-01-12"
    assert entry.basis == "text"
    assert {s.article_id for s in entry.sources} == {"wire-1", "post-7"}
    # The budget is another event on the same day: its own entry, not merged into the quake.
    budget = [e for e in entries if "budget" in e.text]
    assert len(budget) == 1
    assert [s.article_id for s in budget[0].sources] == ["wire-1"]


def test_source_spans_point_at_the_sentences(two_outlets: list[SourceDocument]) -> None:
    texts = {d.id: d.text for d in two_outlets}
    entries = build_timeline(two_outlets, max_dates=3, sentences_per_date=2)
    assert entries
    for entry in entries:
        head = entry.sources[0]
        assert texts[head.article_id][head.start : head.end] == entry.text
        for span in entry.sources:
            piece = texts[span.article_id][span.start : span.end]
            assert piece and piece == piece.strip()
    quake = next(e for e in entries if "earthquake" in e.text)
    assert {texts[s.article_id][s.start : s.end] for s in quake.sources} == {QUAKE_A, QUAKE_B}


def test_undated_sentence_is_placed_on_the_publication_day() -> None:
    doc = article(
        "a1",
        ["Rescue teams pulled a woman alive from the ruins of a hotel."],
        datetime(2010, 1, 20),
    )
    (entry,) = build_timeline([doc])
    assert entry == TimelineEntry(
        "2010-01-20", doc.text, (SourceSpan("a1", 0, len(doc.text)),), "published"
    )


def test_month_only_timex_keeps_month_precision() -> None:
    doc = article(
        "a1", ["Fuel prices rose sharply across the region in March 2009, officials said."], None
    )
    (entry,) = build_timeline([doc])
    assert (entry.date, entry.basis) == ("2009-03", "text")


def test_article_without_any_date_contributes_nothing() -> None:
    doc = article("a1", ["Officials said the talks would go on for as long as needed."], None)
    assert date_sentences([doc]) == []
    assert build_timeline([doc]) == ()


def test_entries_are_ordered_by_date_then_source() -> None:
    docs = [
        article(
            "c", ["Negotiators met again in Geneva on 3 March 2021 to discuss the deal."], None
        ),
        article("b", ["The two delegations first met in Geneva on 1 March 2021 for talks."], None),
        article("a", ["Both sides signed the final ceasefire agreement on 3 March 2021."], None),
        article("d", ["Talks were first proposed by the mediators in February 2021."], None),
    ]
    entries = build_timeline(docs, max_dates=3, sentences_per_date=2)
    assert [e.date for e in entries] == ["2021-02", "2021-03-01", "2021-03-03", "2021-03-03"]
    assert [e.sources[0].article_id for e in entries] == ["d", "b", "a", "c"]


def test_max_dates_keeps_the_most_reported_dates() -> None:
    days = {1: 3, 2: 1, 3: 2, 4: 1, 5: 4}  # day of June 2022 → how many articles name it
    docs = []
    for day, count in days.items():
        for i in range(count):
            docs.append(
                article(
                    f"d{day}-{i}",
                    [f"Report {i}: the river rose above the flood wall on June {day}, 2022."],
                    None,
                )
            )
    entries = build_timeline(docs, max_dates=2)
    assert sorted({e.date for e in entries}) == ["2022-06-01", "2022-06-05"]
    assert len(build_timeline(docs, max_dates=4)) == 4


def test_window_keeps_only_dates_inside() -> None:
    docs = [
        article("a", ["The new bridge over the river opened to traffic on 4 May 2023."], None),
        article(
            "b", ["The old bridge over the river was closed for repairs on 9 June 2023."], None
        ),
    ]
    entries = build_timeline(docs, window=(date(2023, 6, 1), date(2023, 6, 30)))
    assert [e.date for e in entries] == ["2023-06-09"]


def test_rank_dates_counts_sentences_articles_and_publications() -> None:
    docs = [
        article(
            "a", ["The vote took place on 2 May 2024 in the capital city."], datetime(2024, 5, 3)
        ),
        article(
            "b", ["Lawmakers held a vote on 2 May 2024 after a long debate."], datetime(2024, 5, 3)
        ),
    ]
    ranked = dict(rank_dates(date_sentences(docs), docs))
    assert ranked["2024-05-02"] == 5.0  # two sentences, two articles, one later day naming it
    assert ranked["2024-05-03"] == 1.0  # two publications


def test_rank_dates_counts_each_later_day_that_names_the_date_once() -> None:
    vote = "Lawmakers held the decisive vote on 2 May 2024 after a long debate."
    docs = [
        article("same-day", [vote], datetime(2024, 5, 2)),
        article("next-day", [vote], datetime(2024, 5, 3)),
        article("next-day-2", [vote], datetime(2024, 5, 3)),
        article("week-on", [vote], datetime(2024, 5, 9)),
    ]
    ranked = dict(rank_dates(date_sentences(docs), docs))
    # 4 sentences + 4 articles + 2 later days (May 3, May 9) + 0.5 for May 2's publication.
    assert ranked["2024-05-02"] == 10.5
    # A month named in May's coverage is not referred to by a later month.
    month = article("m", ["Prices rose in May 2024, the agency said later."], datetime(2024, 5, 20))
    assert dict(rank_dates(date_sentences([month]), [month]))["2024-05"] == 0.25 * 2


def test_spread_dates_discounts_a_day_next_to_a_chosen_one() -> None:
    ranked = [("2024-05-02", 4.0), ("2024-05-03", 3.0), ("2024-05-09", 2.0), ("2024-05", 1.0)]
    # 05-03 is worth 3.0 alone but only 1.5 beside 05-02, less than 05-09's 2.0.
    assert spread_dates(ranked, 2) == ["2024-05-02", "2024-05-09"]
    assert spread_dates(ranked, 3) == ["2024-05-02", "2024-05-09", "2024-05-03"]
    # Months have no neighbours; wanting more than there are returns them all.
    assert spread_dates(ranked, 10) == ["2024-05-02", "2024-05-09", "2024-05-03", "2024-05"]
    assert spread_dates([], 3) == []


def test_a_day_between_two_chosen_days_counts_a_quarter() -> None:
    ranked = [("2024-05-02", 4.0), ("2024-05-04", 3.9), ("2024-05-03", 3.8), ("2024-05-20", 1.0)]
    assert spread_dates(ranked, 3) == ["2024-05-02", "2024-05-04", "2024-05-20"]


def test_timeline_spends_its_dates_on_distinct_events() -> None:
    docs = [
        article(
            f"s{i}",
            [f"Report {i}: the storm flooded the harbour district on June {day}, 2022."],
            None,
        )
        for i, day in enumerate([1, 1, 1, 2, 2, 9, 9])
    ]
    # June 2 and 9 are named equally often; June 2 is the day after June 1's event.
    entries = build_timeline(docs, max_dates=2)
    assert [e.date for e in entries] == ["2022-06-01", "2022-06-09"]


# Settings (TimelineSettings): each knob the tuning script chooses among.


def test_month_weight_zero_ranks_every_named_day_above_the_months() -> None:
    docs = [
        article(f"m{i}", [f"Report {i}: exports fell sharply in March 2021, traders said."], None)
        for i in range(6)
    ] + [article("d", ["The port reopened to cargo ships on 9 March 2021."], None)]
    assert rank_dates(date_sentences(docs), docs)[0][0] == "2021-03"
    ranked = rank_dates(date_sentences(docs), docs, month_weight=0.0)
    assert [d for d, _ in ranked] == ["2021-03-09", "2021-03"]
    days_first = TimelineSettings(month_weight=0.0)
    assert [e.date for e in build_timeline(docs, max_dates=1, settings=days_first)] == [
        "2021-03-09"
    ]
    # A month still fills a timeline that has too few named days.
    assert [e.date for e in build_timeline(docs, max_dates=2, settings=days_first)] == [
        "2021-03",
        "2021-03-09",
    ]


def test_max_words_prefers_shorter_sentences_but_keeps_a_date_with_only_long_ones() -> None:
    short = "The city council approved the new tram line on 5 October 2022 after a vote."
    long = (
        "On 5 October 2022 the city council, after a debate that ran late into the evening "
        "and drew protesters from three neighbourhoods along the planned route, approved the "
        "new tram line by a narrow margin of two votes."
    )
    both = [article("s", [short], None), article("l", [long], None)]
    picked = build_timeline(both, settings=TimelineSettings(max_words=20))
    assert [e.text for e in picked] == [short]
    only_long = build_timeline([both[1]], settings=TimelineSettings(max_words=20))
    assert [e.text for e in only_long] == [long]


def test_lead_weight_favours_a_sentence_from_an_article_lead() -> None:
    fillers = [f"Background paragraph {i} recalls how the harbour was built." for i in range(6)]
    deep = "The harbour authority confirmed on 2 June 2022 that the new pier was finished."
    lead = "Builders finished the new pier at the harbour on 2 June 2022, the authority said."
    docs = [article("deep", [*fillers, deep], None), article("lead", [lead], None)]
    (entry,) = build_timeline(docs, max_dates=1, settings=TimelineSettings(lead_weight=10.0))
    assert entry.text == lead


def test_distinct_dates_keeps_a_retold_event_off_a_later_date() -> None:
    fire = "A fire destroyed the old town market on 3 April 2023, leaving traders without stalls."
    docs = [
        article(
            f"f{i}", [f"Report {i}: a fire destroyed the old town market on 3 April 2023."], None
        )
        for i in range(4)
    ] + [
        article(
            "r1",
            ["On 4 April 2023 the fire that destroyed the old town market was still smouldering."],
            None,
        ),
        article(
            "r2",
            ["A fire destroyed the old town market and on 4 April 2023 it was still smouldering."],
            None,
        ),
        article(
            "n",
            ["The mayor promised on 4 April 2023 to pay for temporary stalls for traders."],
            None,
        ),
        article("x", [fire], None),
    ]
    plain = build_timeline(docs, max_dates=2, settings=TimelineSettings(distinct_dates=False))
    distinct = build_timeline(docs, max_dates=2)
    day_after = [e.text for e in plain if e.date == "2023-04-04"]
    assert "smouldering" in day_after[0]  # without the setting, the day after retells the fire
    assert [e.text for e in distinct if e.date == "2023-04-04"] == [
        "The mayor promised on 4 April 2023 to pay for temporary stalls for traders."
    ]
    # The better-ranked date is untouched.
    assert [e for e in plain if e.date == "2023-04-03"] == [
        e for e in distinct if e.date == "2023-04-03"
    ]


def test_shared_centroid_prefers_what_the_days_reports_and_later_mentions_both_say() -> None:
    later, same_day = datetime(2024, 3, 9), datetime(2024, 3, 5)
    snow = [
        "Heavy snow closed the mountain pass on 5 March 2024, stranding lorries.",
        "Drivers spent the night in their cabs after snow shut the pass on 5 March 2024.",
        "On 5 March 2024 ploughs could not reach the pass as snow kept falling.",
        "Snow drifts two metres deep blocked the pass road on 5 March 2024.",
        "The pass stayed shut by snow on 5 March 2024 for the first time in a decade.",
    ]
    floods = "The governor declared a state of emergency over river floods on 5 March 2024."
    docs = [article(f"m{i}", [text], later) for i, text in enumerate(snow)] + [
        article("m9", [floods], later),
        article(
            "p1", ["The city orchestra opened its spring season with a sold-out concert."], same_day
        ),
        article(
            "p2",
            ["Critics praised the orchestra's new conductor after the opening concert."],
            same_day,
        ),
        article(
            "p3", ["The governor declared a state of emergency as river floods rose."], same_day
        ),
    ]
    # Pooled, the snow is what most sentences dated to the day say.
    (pooled,) = build_timeline(docs, max_dates=1)
    assert pooled.text == snow[0]
    # Balanced, the floods are what both the day's own reports and later mentions say.
    shared = TimelineSettings(shared_centroid=True)
    (entry,) = build_timeline(docs, max_dates=1, settings=shared)
    assert (entry.date, entry.text) == ("2024-03-05", floods)


def test_distinct_dates_still_fills_a_date_that_only_retells() -> None:
    docs = [
        article(
            f"f{i}", [f"Report {i}: a fire destroyed the old town market on 3 April 2023."], None
        )
        for i in range(3)
    ] + [
        article(
            "r",
            ["On 4 April 2023 the fire that destroyed the old town market still smouldered."],
            None,
        )
    ]
    entries = build_timeline(docs, max_dates=2)
    assert [e.date for e in entries] == ["2023-04-03", "2023-04-04"]


def test_a_teaser_the_source_cut_short_is_not_an_event() -> None:
    doc = article(
        "a1",
        [
            "Rescue teams pulled a woman alive from the ruins of a hotel on Monday.",
            "The judge said in a ruling on Tuesday that...",
        ],
        datetime(2010, 1, 20),
    )
    assert [e.date for e in build_timeline([doc])] == ["2010-01-18"]


def test_lead_sentences_after_one_dated_by_its_words_do_not_take_the_publication_day() -> None:
    # "on Tuesday" dates the vote; the sentence after it tells the same vote, not news of
    # the publication day (Wednesday)
    doc = article(
        "a1",
        [
            "House Democrats on Tuesday approved a budget plan after days of talks.",
            "In a 220-212 party-line vote, the chamber passed the budget resolution.",
        ],
        datetime(2021, 8, 25),
    )
    assert [(s.date, s.basis) for s in date_sentences([doc])] == [("2021-08-24", "text")]
