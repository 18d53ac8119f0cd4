"""Time expressions: every form the issue names, against publication dates on
different weekdays and across year boundaries."""

from __future__ import annotations

from datetime import datetime
from typing import Any

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


def texts_values(text: str, published: datetime | None) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in extract_timexes(text, published)]


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # a day named without its year is the nearest such day ...
        ("The dividend is payable Dec. 7.", datetime(1989, 10, 27), "1989-12-07"),
        ("The plan took effect Aug. 9.", datetime(1989, 10, 26), "1989-08-09"),
        # ... unless the tense points the other way and that side is not far off
        ("Revenue rose in the period that ended March 31.", datetime(1989, 11, 1), "1989-03-31"),
        # "planned" looks ahead, and a "by" after the day is the agent, not a deadline
        ("The accession is planned for early March.", datetime(1999, 2, 10), "1999-03"),
        ("Castro attended a rally Thursday by media workers.", datetime(2000, 1, 7), "2000-01-06"),
    ],
)
def test_days_and_months_without_a_year(text: str, published: datetime, value: str) -> None:
    assert extract_timexes(text, published)[-1].value == value


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("It ended nearly four years ago.", datetime(1998, 2, 27),
         ("nearly four years ago", "DATE", "1994")),
        ("It was removed a few years ago.", datetime(1998, 2, 12),
         ("a few years ago", "DATE", "PAST_REF")),
        ("The firm, which just months ago was failing, is fine.", datetime(1989, 10, 30),
         ("months ago", "DATE", "PAST_REF")),
        ("They were Soviet allies a decade ago.", datetime(1999, 3, 12),
         ("a decade ago", "DATE", "1989")),
        # "later"/"before" leave a length of time; "ago"/"earlier" make a date
        ("Three days later, the index rose.", datetime(1989, 10, 30),
         ("Three days", "DURATION", "P3D")),
        ("The company earlier this year adopted a plan.", datetime(1989, 11, 2),
         ("earlier this year", "DATE", "1989")),
        ("Officials were unavailable late yesterday.", datetime(1989, 10, 27),
         ("late yesterday", "DATE", "1989-10-26")),
        ("In June last year the leaders fell out.", datetime(1998, 2, 19),
         ("June last year", "DATE", "1997-06")),
        ("Hate groups grew over the past year.", datetime(1998, 3, 3),
         ("the past year", "DATE", "1997")),
        ("Prices fell in the past three months.", datetime(1998, 3, 3),
         ("the past three months", "DURATION", "P3M")),
        ("Growth was strong in recent years.", datetime(1989, 10, 27),
         ("recent years", "DATE", "PAST_REF")),
        ("Funds sold bonds in recent weeks and months.", datetime(1989, 10, 27),
         ("recent weeks and months", "DATE", "PAST_REF")),
        ("Construction slowed in recent weeks.", datetime(1989, 10, 30),
         ("recent weeks", "DURATION", "PXW")),
        ("In the past, Russia made such claims.", datetime(1998, 2, 27),
         ("the past", "DATE", "PAST_REF")),
        ("It will sell the unit in the near future.", datetime(1989, 11, 1),
         ("the near future", "DATE", "FUTURE_REF")),
        ("The deal should close by year-end.", datetime(1989, 11, 2),
         ("year-end", "DATE", "1989")),
    ],
)  # fmt: skip
def test_relative_spans_and_values(
    text: str, published: datetime, expected: tuple[str, str, str]
) -> None:
    assert texts_values(text, published) == [expected]


def test_clock_times_with_their_day() -> None:
    text = (
        "He was seized at 10 p.m. Wednesday, police said. Talks broke off at noon Thursday. "
        "The offer runs until 5 p.m. EST Feb. 20."
    )
    assert texts_values(text, datetime(1998, 2, 13)) == [
        ("10 p.m. Wednesday", "TIME", "1998-02-11T22:00"),
        ("noon Thursday", "TIME", "1998-02-12T12:00"),
        ("5 p.m. EST Feb. 20", "TIME", "1998-02-20T17:00"),
    ]


def test_quarters_in_results_copy() -> None:
    text = (
        "Net rose in this year's third quarter. The third-quarter loss narrowed. "
        "It took a charge in the 1988 second quarter. Net fell in the fiscal first quarter."
    )
    assert texts_values(text, datetime(1989, 10, 26)) == [
        ("this year's third quarter", "DATE", "1989-Q3"),
        ("third-quarter", "DATE", "1989-Q3"),
        ("the 1988 second quarter", "DATE", "1988-Q2"),
        ("the fiscal first quarter", "DATE", "1989-Q1"),
    ]


def test_year_earlier_periods_take_the_reported_quarter() -> None:
    text = (
        "Profit rose in the third quarter. Sales were $5 million, up from $4 million "
        "a year earlier. In the year-earlier quarter, net was flat. The year-ago results "
        "were restated. Net for the year-earlier nine months rose. In the 1988 period, "
        "costs fell. Sales in the latest period rose."
    )
    assert texts_values(text, datetime(1989, 10, 26)) == [
        ("the third quarter", "DATE", "1989-Q3"),
        ("a year earlier", "DATE", "1988-Q3"),
        ("the year-earlier quarter", "DATE", "1988-Q3"),
        ("year-ago", "DATE", "1988-Q3"),
        ("the year-earlier nine months", "DURATION", "P9M"),
        ("the 1988 period", "DATE", "1988-Q3"),
        ("the latest period", "DATE", "1989-Q3"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They lived in camps for 2 1/2 years.", ("2 1/2 years", "DURATION", "P2Y6M")),
        ("But a minute and a half later, a pilot called.",
         ("a minute and a half", "DURATION", "PT1M30S")),
        ("Shipments resume within two to three weeks.",
         ("two to three weeks", "DURATION", "PXW")),
        ("Reservists serve for up to 180 days.", ("up to 180 days", "DURATION", "P180D")),
        ("The money can be used over three years.", ("three years", "DURATION", "P3Y")),
        ("The empire lasted seventy years.", ("seventy years", "DURATION", "P70Y")),
        ("Sales for the year ended March 31 rose.", ("the year", "DURATION", "P1Y")),
    ],
)  # fmt: skip
def test_durations(text: str, expected: tuple[str, str, str]) -> None:
    assert texts_values(text, datetime(1998, 2, 27))[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In nineteen ninety-one he was convicted.", [("nineteen ninety-one", "DATE", "1991")]),
        ("It pledged jobs by the year two thousand.", [("the year two thousand", "DATE", "2000")]),
        ("January nineteen ninety-seven. Atlanta again.",
         [("January nineteen ninety-seven", "DATE", "1997-01")]),
        ("He fled in June 1998 and returned later that year.",
         [("June 1998", "DATE", "1998-06"), ("later that year", "DATE", "1998")]),
        ("In 1995 he joined the bank. Later in the year he left.",
         [("1995", "DATE", "1995"), ("Later in the year", "DATE", "1995")]),
        ("Profit will rise in the year, the bank said.", [("the year", "DATE", "1998")]),
        ("He was promoted in 1995, and the following year he moved.",
         [("1995", "DATE", "1995"), ("the following year", "DATE", "1996")]),
        ("Talks should end by May.", [("May", "DATE", "1998-05")]),
        ("They said they may sell. Crowds joined the March for Life and this march.", []),
        ("Demand stays high well into the summer.", [("the summer", "DATE", "1997-SU")]),
        ("It shut the plant this past spring.", [("this past spring", "DATE", "1997-SP")]),
        ("It forecast higher earnings for the full year.", [("the full year", "DATE", "1998")]),
        ("Sales were $7 billion in the latest fiscal year.",
         [("the latest fiscal year", "DATE", "1997")]),
        ("Earnings will suffer in the last half of 1989.",
         [("the last half of 1989", "DATE", "1989-H2")]),
        ("Fans buy fifty thousand CDs a year.", [("a year", "SET", "P1Y")]),
        # a rate after an amount, and "a second" as an ordinal, are not times
        ("The cuts save $500 million a year. A second group bid.", []),
    ],
)  # fmt: skip
def test_more_calendar_expressions(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert texts_values(text, datetime(1998, 2, 27)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a weekday with "'s" reports what happened; "set to" looks ahead
        ("They would get around Wednesday's ruling.", datetime(2000, 1, 7),
         [("Wednesday", "DATE", "2000-01-05")]),
        ("Talks are set to resume Monday.", datetime(1998, 3, 22),
         [("Monday", "DATE", "1998-03-23")]),
        # "United" is a name, and a "said" after the day reports, it does not date
        ("He would be traveling to the United States Thursday.", datetime(2000, 4, 5),
         [("Thursday", "DATE", "2000-04-06")]),
        ("'He will leave Thursday,' Castro said.", datetime(2000, 4, 5),
         [("Thursday", "DATE", "2000-04-06")]),
        ("Firms will buy equipment in the coming years.", datetime(1999, 3, 12),
         [("the coming years", "DURATION", "PXY")]),
        ("It had losses in the past two quarters.", datetime(1989, 10, 27),
         [("the past two quarters", "DURATION", "P2Q")]),
        ("It sought buyers in March. The following month, it sold itself.",
         datetime(1989, 10, 27),
         [("March", "DATE", "1989-03"), ("The following month", "DATE", "1989-04")]),
        ("Families kept the secret for two thousand years.", datetime(1998, 1, 21), []),
        # an "-ed" word after "the", "is", "still" ... is no past event
        ("It would be paid on a still unspecified date in January.", datetime(1989, 10, 26),
         [("January", "DATE", "1990-01")]),
        ("The shooting happened last Oct. 23 at his home.", datetime(1999, 4, 19),
         [("Oct. 23", "DATE", "1998-10-23")]),
    ],
)  # fmt: skip
def test_tense_and_anaphora_details(
    text: str, published: datetime, expected: list[tuple[str, str, str]]
) -> None:
    assert texts_values(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops will arrive within weeks.", [("weeks", "DURATION", "PXW")]),
        ("Moscow ruled Ukraine for centuries.", [("centuries", "DURATION", "PXY")]),
        ("They waited in vain for years.", [("years", "DURATION", "PXY")]),
        ("She is a 20th century democrat.", [("20th century", "DATE", "19")]),
        ("It was the worst disaster of this century.", [("this century", "DATE", "19")]),
    ],
)
def test_bare_plurals_and_centuries(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert texts_values(text, datetime(1998, 2, 13)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Orangemen march each July.", [("each July", "SET", "XXXX-07")]),
        ("Flights leave on Tuesday nights.", [("Tuesday nights", "SET", "XXXX-WXX-2TNI")]),
        ("The shop closes on Mondays.", [("Mondays", "SET", "XXXX-WXX-1")]),
        ("It plans deals in the next 12 to 18 months.",
         [("the next 12 to 18 months", "DURATION", "PXM")]),
        ("The base stays for at least 20 more years.",
         [("at least 20 more years", "DURATION", "P20Y")]),
        ("Rates may fall in coming weeks.", [("coming weeks", "DURATION", "PXW")]),
        ("He made the late-November trip.", [("late-November", "DATE", "1997-11")]),
        ("Sales in fiscal year 1997 rose.", [("fiscal year 1997", "DATE", "1997")]),
        ("A hearing is set for the week of March 6.",
         [("the week of March 6", "DATE", "1998-W10")]),
    ],
)  # fmt: skip
def test_sets_and_ranges(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert texts_values(text, datetime(1998, 3, 22)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a plan that "had been due" lay ahead then and is past now
        ("The offer had been due to expire Friday evening.", datetime(1989, 10, 30),
         [("Friday evening", "TIME", "1989-10-27TEV")]),
        ("It had been scheduled to expire at midnight Friday.", datetime(1989, 10, 30),
         [("midnight Friday", "TIME", "1989-10-27T24:00")]),
        # "by" far from the day is the agent, not a deadline
        ("He was cited by city traffic police in December.", datetime(1998, 4, 18),
         [("December", "DATE", "1997-12")]),
        # "until"/"by" with a past perfect close by: a deadline already gone
        ("Until Thursday, they had not called him a suspect.", datetime(1999, 5, 7),
         [("Thursday", "DATE", "1999-05-06")]),
        # the month just after publication is the coming one, whatever the tense
        ("Japan was told of a cutback in its oil supply in September.",
         datetime(1990, 8, 16), [("September", "DATE", "1990-09")]),
        ("He was appointed in November.", datetime(1999, 5, 6),
         [("November", "DATE", "1998-11")]),
        # without a tense marker, a day half a year ahead is the last one
        ("The index is 70 points off its record high set on Aug. 6.",
         datetime(1998, 2, 6), [("Aug. 6", "DATE", "1997-08-06")]),
        ("Shares are payable Dec. 7 to holders of record.", datetime(1989, 10, 27),
         [("Dec. 7", "DATE", "1989-12-07")]),
        # a period "ended" on a day: that day is past
        ("In the fiscal year ended Jan. 31, sales rose.", datetime(1989, 10, 31),
         [("the fiscal year", "DURATION", "P1Y"), ("Jan. 31", "DATE", "1989-01-31")]),
        # irregular past forms mark the past too
        ("He told reporters Thursday that he will resign.", datetime(2024, 3, 5),
         [("Thursday", "DATE", "2024-02-29")]),
        # "next to" is a place, not the coming week
        ("A bomb ripped a building next to the embassy on Friday.", datetime(1998, 8, 8),
         [("Friday", "DATE", "1998-08-07")]),
    ],
)  # fmt: skip
def test_tense_of_plans_deadlines_and_nearby_months(
    text: str, published: datetime, expected: list[tuple[str, str, str]]
) -> None:
    assert texts_values(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "over the weekend" is the one just gone; on a weekend, "the weekend" is this one
        ("Officials over the weekend became open in saying the war will end.",
         datetime(1991, 2, 25), [("the weekend", "DATE", "1991-W08-WE")]),
        ("Protesters gathered over the weekend.", datetime(2000, 4, 16),
         [("the weekend", "DATE", "2000-W15-WE")]),
        ("The change is measured since year-end.", datetime(1989, 10, 30),
         [("year-end", "DATE", "1988")]),
        ("In London at mid-afternoon yesterday, shares were up.", datetime(1989, 11, 2),
         [("mid-afternoon yesterday", "TIME", "1989-11-01TAF")]),
        # a clock time followed by its day, after a bracketed GMT time
        ("The blast came at 10:35 a.m. (0735 GMT) Friday.", datetime(1998, 8, 8),
         [("10:35 a.m.", "TIME", "1998-08-07T10:35"), ("Friday", "DATE", "1998-08-07")]),
        ("He meets the minister later this afternoon.", datetime(1998, 2, 22),
         [("later this afternoon", "TIME", "1998-02-22TAF")]),
        ('Baker said on ABC\'s "This Week" that talks failed last week.', datetime(1991, 2, 25),
         [("last week", "DATE", "1991-W08")]),
        # a day word that ends a name ("USA Today", "Newsnight Tonight") is no time
        ("Valley Today reported the deal on Monday.", datetime(2021, 6, 30),
         [("Monday", "DATE", "2021-06-28")]),
        ("Today the talks resume.", datetime(2021, 6, 30), [("Today", "DATE", "2021-06-30")]),
        ("Kellogg's current share is under 40%.", datetime(1989, 10, 30),
         [("current", "DATE", "PRESENT_REF")]),
        ("Islam will one day be the second religion.", datetime(1998, 3, 3),
         [("one day", "DATE", "FUTURE_REF")]),
        ("The current account deficit widened.", datetime(1989, 10, 30), []),
        ("Holders may buy shares at half the then-current price.", datetime(1989, 10, 26),
         [("then-current", "DATE", "PAST_REF")]),
    ],
)  # fmt: skip
def test_weekends_year_end_and_current(
    text: str, published: datetime, expected: list[tuple[str, str, str]]
) -> None:
    assert texts_values(text, published) == expected


def test_the_period_a_year_back_in_results_copy() -> None:
    text = (
        "Net income rose to $2 million in the third quarter from $1.8 million for the "
        "corresponding period last year. For the quarter a year ago, it earned $1 million."
    )
    assert texts_values(text, datetime(1989, 11, 1)) == [
        ("the third quarter", "DATE", "1989-Q3"),
        ("the corresponding period last year", "DATE", "1988-Q3"),
        ("the quarter a year ago", "DATE", "1988-Q3"),
    ]
    # without a reported quarter it is the year before
    assert texts_values("Sales fell from the same period last year.", datetime(1989, 11, 1)) == [
        ("the same period last year", "DATE", "1988")
    ]


def test_a_year_earlier_after_nine_months_is_the_year() -> None:
    text = (
        "Profit rose 5% in the third quarter. For the first nine months, net was "
        "$300 million, up from $250 million a year earlier."
    )
    values = [(t.text, t.value) for t in extract_timexes(text, datetime(1989, 10, 26))]
    assert values[-1] == ("a year earlier", "1988")
    assert ("the third quarter", "1989-Q3") in values


def test_year_earlier_period_takes_the_quarter_the_article_leads_with() -> None:
    text = (
        "Profit rose in the third quarter. Net rose from $9 million in the third quarter. "
        "After a weak second quarter, sales improved. "
        "Charges were taken in the year-earlier period. In the 1989 period, costs fell."
    )
    values = [(t.text, t.value) for t in extract_timexes(text, datetime(1989, 11, 1))]
    assert values == [
        ("the third quarter", "1989-Q3"),
        ("the third quarter", "1989-Q3"),
        ("second quarter", "1989-Q2"),
        ("the year-earlier period", "1988-Q3"),
        ("the 1989 period", "1989-Q3"),
    ]


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # the month just gone would be "last month": this one is a year back
        ("Two helicopters crashed last February.", datetime(1998, 3, 1), "1997-02"),
        ("The board approved the plan last April.", datetime(1989, 10, 27), "1989-04"),
    ],
)
def test_last_named_month(text: str, published: datetime, value: str) -> None:
    assert one(text, published).value == value


def test_spoken_decades() -> None:
    text = "Hate group numbers dropped through the nineties. Prices rose in the early seventies."
    assert [(t.text, t.value, t.mod) for t in extract_timexes(text, datetime(1998, 3, 3))] == [
        ("the nineties", "199", None),
        ("the early seventies", "197", "START"),
    ]


def test_today_of_the_present_era_is_no_date() -> None:
    text = "The case is for today's youth a symbol. The offer ran in today's editions."
    assert [(t.text, t.value) for t in extract_timexes(text, datetime(2000, 1, 7))] == [
        ("today", "2000-01-07"),
    ]
    assert extract_timexes("Mothers in today's world can prove it.", datetime(1998, 4, 24)) == ()


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("It will be our theme from now to Election Day.", datetime(1998, 10, 26), "1998-11-03"),
        ("Voters went to the polls on Election Day.", datetime(2000, 11, 20), "2000-11-07"),
    ],
)
def test_us_election_day(text: str, published: datetime, value: str) -> None:
    assert [t.value for t in extract_timexes(text, published) if t.text == "Election Day"] == [
        value
    ]


def test_noon_after_a_preposition() -> None:
    text = "He was due before a judge at midday, a statement said. For Poland, high noon comes."
    assert texts_values(text, datetime(1999, 10, 8)) == [("midday", "TIME", "1999-10-08T12:00")]


def test_two_quarters_of_a_year_are_its_half() -> None:
    text = (
        "Prices will fall through the first two quarters of 1990. The last two quarters were weak."
    )
    assert texts_values(text, datetime(1989, 10, 26)) == [
        ("the first two quarters of 1990", "DATE", "1990-H1"),
        ("The last two quarters", "DURATION", "P2Q"),
    ]


def test_the_future_of_something_is_its_fate() -> None:
    text = "That is important to the future of our peoples. Sales will grow in the future."
    assert texts_values(text, datetime(1998, 2, 13)) == [("the future", "DATE", "FUTURE_REF")]
    assert extract_timexes(text, datetime(1998, 2, 13))[0].start == text.index("in the") + 3


def test_this_quarters_results_are_the_reported_quarter() -> None:
    text = "Net fell in the third quarter. This quarter's loss includes charges."
    assert texts_values(text, datetime(1989, 11, 1)) == [
        ("the third quarter", "DATE", "1989-Q3"),
        ("This quarter", "DATE", "1989-Q3"),
    ]


def test_the_weeks_ahead() -> None:
    text = "Funds may have to sell bonds in the weeks ahead."
    assert texts_values(text, datetime(1989, 10, 27)) == [("the weeks ahead", "DURATION", "PXW")]


def test_every_quarter_is_a_set() -> None:
    text = "The company must pay $100 million in interest every quarter."
    assert texts_values(text, datetime(1989, 10, 30)) == [("every quarter", "SET", "P1Q")]


@pytest.fixture(scope="module")
def nlp() -> Any:
    from storyline.nlp.pipeline import load_nlp

    return load_nlp()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The summit opens on Thursday.", "2026-05-07"),  # a scheduled present looks ahead
        ("They are meeting on Friday.", "2026-05-08"),
        ("The two leaders meet at a summit here on Wednesday.", "2026-05-06"),
        ("The ministers met on Wednesday.", "2026-04-29"),
        ("He says on Thursday that the deal is off.", "2026-04-30"),  # a report, not a plan
        # a weekday before a noun goes as that noun's verb says
        ("The speaker is lining up a Saturday vote on the budget.", "2026-05-09"),
        ("A Saturday vote on the budget is planned.", "2026-05-09"),
        ("The speaker will hold a Saturday vote on the budget.", "2026-05-09"),
        ("The assembly held a Saturday vote on the budget.", "2026-05-02"),
        # a day right after a past verb is that verb's, whatever clause the parse gives it
        ("The drugmaker said Thursday it is seeing waning immunity.", "2026-04-30"),
        ("The minister said on Friday that 900 names will be removed.", "2026-05-01"),
    ],
)
def test_a_present_that_schedules_looks_ahead_with_the_parse(
    nlp: Any, text: str, value: str
) -> None:
    published = datetime(2026, 5, 4, 9)  # a Monday
    (timex,) = extract_timexes(text, published, nlp(text))
    assert timex.value == value


def test_a_figure_worth_something_in_a_month_is_not_a_schedule(nlp: Any) -> None:
    text = "Her flats, worth a hundred million dollars in October, are worth half that now."
    found = extract_timexes(text, datetime(2026, 5, 4), nlp(text))
    assert [t.value for t in found if t.text == "October"] == ["2025-10"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the meeting hangs on "signaled" (past), not on the that-clause's "would"
        (
            "President Biden signaled at a private meeting on Wednesday that he would be open "
            "to revisions.",
            datetime(2021, 6, 3),  # a Thursday
            ("Wednesday", "2021-06-02"),
        ),
        # "By" with a past state is no deadline ahead
        (
            "By Monday evening, 23 ships were waiting at anchor outside the harbour.",
            datetime(2025, 2, 18),  # a Tuesday
            ("Monday evening", "2025-02-17TEV"),
        ),
        # a date before a noun names an event: the nearest such day, whatever the tense
        (
            "The commission would investigate the Jan. 6 riot.",
            datetime(2021, 5, 19),
            ("Jan. 6", "2021-01-06"),
        ),
        (
            "Voters would go to the polls in the Nov. 3 election.",
            datetime(2020, 10, 20),
            ("Nov. 3", "2020-11-03"),
        ),
        # a past form the tagger may call a present ("spending rose") is still past
        (
            "Personal spending rose 0.2% in September, the smallest gain since March.",
            datetime(1989, 10, 30),
            ("September", "1989-09"),
        ),
        # a deadline from a perfect still lies ahead
        (
            "The agency has given the family until 9 a.m. Tuesday to sign the paper.",
            datetime(2000, 4, 3),  # a Monday
            ("9 a.m. Tuesday", "2000-04-04T09:00"),
        ),
    ],
)
def test_the_tense_is_the_verb_the_expression_hangs_on(
    text: str, published: datetime, expected: tuple[str, str]
) -> None:
    from storyline.nlp.pipeline import load_nlp

    found = extract_timexes(text, published, load_nlp()(text))
    assert (found[0].text, found[0].value) == expected
