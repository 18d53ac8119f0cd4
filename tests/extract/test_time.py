"""Time expressions: every form the issue names, against publication dates on
different weekdays and across year boundaries."""

from __future__ import annotations

from datetime import datetime

import pytest

from storyline.extract import time as time_module
from storyline.extract.time import Timex, extract_timexes, publication_date_from_text

TUE = datetime(2024, 3, 5)  # a Tuesday
THU = datetime(2022, 10, 6)  # a Thursday in October


def one(text: str, published: datetime | None) -> Timex:
    found = extract_timexes(text, published)
    assert len(found) == 1, found
    return found[0]


def test_public_api_is_pinned() -> None:
    assert sorted(time_module.__all__) == [
        "Timex",
        "TimexType",
        "extract_timexes",
        "publication_date_from_text",
    ]


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("He resigned on Tuesday.", TUE, "2024-03-05"),  # written on a Tuesday: that day
        ("He resigned last Tuesday.", TUE, "2024-02-27"),
        ("He resigned today, Tuesday.", TUE, "2024-03-05"),
        ("She will speak on Tuesday.", TUE, "2024-03-05"),
        ("She will speak next Tuesday.", TUE, "2024-03-12"),
        ("The vote is due on Thursday.", TUE, "2024-03-07"),
        ("The vote was held on Thursday.", TUE, "2024-02-29"),
        ("They met on Monday.", THU, "2022-10-03"),
        ("They meet next Monday.", THU, "2022-10-10"),
    ],
)
def test_weekdays_resolve_by_tense(text: str, published: datetime, value: str) -> None:
    t = extract_timexes(text, published)[-1]
    assert t.text.endswith("day")
    assert (t.type, t.value, t.resolved) == ("DATE", value, True)


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Prices rose last March.", THU, "2022-03"),
        ("Prices rose last March.", datetime(2022, 2, 10), "2021-03"),
        ("Sales fell last December.", datetime(2023, 1, 4), "2022-12"),
        ("Talks resume next January.", datetime(2023, 12, 20), "2024-01"),
        ("In October he left the firm.", datetime(2022, 11, 2), "2022-10"),
        ("In October he will leave.", datetime(2022, 6, 2), "2022-10"),
        ("In October he left the firm.", datetime(2022, 6, 2), "2021-10"),
        ("Sales fell last month.", datetime(2023, 1, 4), "2022-12"),
        ("Elections are next year.", datetime(2023, 12, 31), "2024"),
        ("It opened this week.", TUE, "2024-W10"),
        ("It happened yesterday.", datetime(2024, 1, 1), "2023-12-31"),
        ("It happens today.", TUE, "2024-03-05"),
        ("It fell three days ago.", datetime(2024, 1, 2), "2023-12-30"),
        ("They flew in the 1990s.", TUE, "199"),
    ],
)
def test_relative_dates(text: str, published: datetime, value: str) -> None:
    t = one(text, published)
    assert (t.type, t.value) == ("DATE", value)


def test_late_february_carries_a_modifier() -> None:
    t = one("The bill must pass by late February.", datetime(2021, 11, 3))
    assert (t.text, t.value, t.mod) == ("late February", "2022-02", "END")


def test_year_range_becomes_two_dates() -> None:
    text = "He served in 1939-45."
    a, b = extract_timexes(text, TUE)
    assert (a.value, b.value) == ("1939", "1945")
    assert (text[a.start : a.end], text[b.start : b.end]) == ("1939", "45")


def test_tonight_duration_and_set() -> None:
    text = "Tonight they vote; the firm has 90 days to reply, within 90 days, every week."
    found = extract_timexes(text, TUE)
    assert [(t.type, t.value) for t in found] == [
        ("TIME", "2024-03-05TNI"),
        ("DURATION", "P90D"),
        ("DURATION", "P90D"),
        ("SET", "P1W"),
    ]


def test_vague_anchor_is_not_extracted() -> None:
    assert extract_timexes("It was early in her tenure.", TUE) == ()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He resigned on Tuesday.", "XXXX-XX-XX"),
        ("Prices rose last March.", "XXXX-03"),
        ("Sales fell last month.", "XXXX-XX"),
        ("It opened this week.", "XXXX-WXX"),
        ("It happened yesterday.", "XXXX-XX-XX"),
        ("Elections are next year.", "XXXX"),
        ("It fell three days ago.", "XXXX-XX-XX"),
    ],
)
def test_without_a_publication_date_nothing_is_guessed(text: str, value: str) -> None:
    t = one(text, None)
    assert (t.value, t.resolved) == (value, False)


def test_offsets_point_into_the_text() -> None:
    text = "On Monday, March 4, 2024, and again last week, officials met."
    for t in extract_timexes(text, TUE):
        assert text[t.start : t.end] == t.text
    assert [t.text for t in extract_timexes(text, TUE)] == ["Monday, March 4, 2024", "last week"]


def test_timex_is_frozen() -> None:
    t = one("It happened yesterday.", TUE)
    with pytest.raises(AttributeError):
        t.value = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KARVAS, Feb 3 (Wire) — The port reopened.", (None, "unknown")),
        ("LONDON, March 4, 2025 — Ministers met.", (datetime(2025, 3, 4), "dateline")),
        ("Updated 3:45 p.m. ET, Mon March 3, 2025\nText.", (datetime(2025, 3, 3), "updated")),
        ("Published: 2025-03-03\nText.", (datetime(2025, 3, 3), "published")),
        ("No date here at all.", (None, "unknown")),
    ],
)
def test_publication_date_from_text(text: str, expected: tuple[datetime | None, str]) -> None:
    assert publication_date_from_text(text) == expected


def test_a_year_ago_beside_a_quarter_is_that_quarter_a_year_before() -> None:
    found = extract_timexes(
        "Profit rose in the third quarter from $2m a year ago. Sales fell a year ago.",
        datetime(1989, 10, 26),
    )
    assert [(t.text, t.value) for t in found] == [
        ("the third quarter", "1989-Q3"),
        ("a year ago", "1988-Q3"),
        ("a year ago", "1988"),
    ]


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        (
            "Sales rose from the year-earlier quarter in the third quarter.",
            datetime(1989, 10, 26),
            "1988",
        ),
        ("They met on Thanksgiving Day.", datetime(1989, 12, 1), "1989-11-23"),
        ("He will return after New Year's Day.", datetime(1989, 12, 1), "1990-01-01"),
        ("Shops were busy before Christmas.", datetime(1990, 1, 8), "1989-12-25"),
        ("The shops will open on Christmas Eve, 2025.", None, "2025-12-24"),
    ],
)
def test_year_earlier_and_holidays(text: str, published: datetime | None, value: str) -> None:
    assert extract_timexes(text, published)[0].value == value


def test_weekday_with_part_of_day_and_durations_with_their_article() -> None:
    found = extract_timexes(
        "Rebels attacked on Wednesday night. Profit rose in the nine months to June.",
        datetime(2025, 2, 7),
    )
    assert [(t.text, t.type, t.value) for t in found] == [
        ("Wednesday night", "TIME", "2025-02-05TNI"),
        ("the nine months", "DURATION", "P9M"),
        ("June", "DATE", "2024-06"),
    ]
