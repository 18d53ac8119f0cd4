"""Figures: every form the issue names, the things that are not figures,
approximation words, ranges, what a figure measures and when."""

from __future__ import annotations

from datetime import datetime

import pytest

from storyline.extract import figures as figures_module
from storyline.extract.figures import Figure, extract_figures
from storyline.extract.figures_units import fraction_value, parse_number

PUBLISHED = datetime(2021, 11, 6)


def one(text: str, published: datetime | None = PUBLISHED) -> Figure:
    found = extract_figures(text, published)
    assert len(found) == 1, found
    return found[0]


def test_public_api_is_pinned() -> None:
    assert sorted(figures_module.__all__) == ["Figure", "extract_figures"]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Congress passed a $1.2 trillion bill.", "$1.2 trillion", 1.2e12, "USD"),
        ("The plan costs £35m.", "£35m", 3.5e7, "GBP"),
        ("Sales were 5.44 billion euros.", "5.44 billion euros", 5.44e9, "EUR"),
        ("The firm paid $5bn for it.", "$5bn", 5e9, "USD"),
        ("The firm paid US$3 million for it.", "US$3 million", 3e6, "USD"),
        ("The prize is €200,000.", "€200,000", 2e5, "EUR"),
        ("The club paid 35 million pounds for him.", "35 million pounds", 3.5e7, "GBP"),
        ("Inflation hit 12% in the region.", "12%", 12.0, "percent"),
        ("Inflation hit 7.4 per cent in the region.", "7.4 per cent", 7.4, "percent"),
        ("Rates rose 0.25 percentage points.", "0.25 percentage points", 0.25, "pp"),
        ("Half of the staff left.", "Half", 0.5, "fraction"),
        ("Two-thirds of members agreed.", "Two-thirds", 0.6667, "fraction"),
        ("Three in four adults agreed.", "Three in four", 0.75, "fraction"),
        ("The strike involved 1,800 workers.", "1,800 workers", 1800.0, "worker"),
        ("The strike involved 1,800 striking workers.", "1,800 striking workers", 1800.0, "worker"),
        ("Police arrested three people.", "three people", 3.0, "person"),
        ("A dozen states sued.", "A dozen states", 12.0, "state"),
        ("They built a 40-mile rail link.", "40-mile", 40.0, "mi"),
        ("The ship carried 3,000 tonnes of grain.", "3,000 tonnes", 3000.0, "t"),
        ("Output is 5.2 million barrels a day.", "5.2 million barrels a day", 5.2e6, "bbl/d"),
        ("The border is 20 km away.", "20 km", 20.0, "km"),
        ("The fund gets about $200m a year.", "about $200m a year", 2e8, "USD/yr"),
    ],
)
def test_forms(text: str, span: str, value: float, unit: str) -> None:
    f = one(text)
    assert (f.text, f.unit) == (span, unit)
    assert f.value == pytest.approx(value)
    assert f.low == f.high == f.value
    assert text[f.start : f.end] == f.text


@pytest.mark.parametrize(
    ("text", "approx"),
    [
        ("It buys about 70 percent of its wheat abroad.", "about"),
        ("It buys roughly a third of its wheat abroad.", "roughly"),
        ("It hired nearly 500 workers.", "nearly"),
        ("More than 100 people died.", "more than"),
        ("It could cost up to $5bn.", "up to"),
        ("It hired 500 workers.", None),
    ],
)
def test_approximation_word_is_kept_as_written(text: str, approx: str | None) -> None:
    f = one(text)
    assert f.approx == approx
    assert f.text.lower().startswith(approx or "")


def test_fraction_words() -> None:
    f = one("It buys roughly a third of its wheat abroad.")
    assert (f.text, f.value, f.unit) == ("roughly a third", 0.3333, "fraction")


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Hundreds of thousands of refugees fled.", 200_000, 999_999, "refugee"),
        ("Dozens of ships waited.", 24, 99, "ship"),
        ("Thousands of people marched.", 2000, 9999, "person"),
        ("Between 5% and 7% of voters agreed.", 5, 7, "percent"),
        ("Police saw 10-15 people.", 10, 15, "person"),
        ("Prices rose 5-7% last month.", 5, 7, "percent"),
    ],
)
def test_ranges(text: str, low: float, high: float, unit: str) -> None:
    f = one(text)
    assert f.value is None
    assert (f.low, f.high, f.unit) == (low, high, unit)


def test_vague_plural_span_includes_the_counted_noun() -> None:
    f = one("Hundreds of thousands of refugees fled.")
    assert f.text == "Hundreds of thousands of refugees"
    # with what its clause says of them, as for any subject ("players injured")
    assert f.about == "number of refugees fled"


@pytest.mark.parametrize(
    "text",
    [
        "The 69-year-old resigned.",
        "He was aged 43 when he died.",
        "She finished third in 2019.",
        "They won 3-2 at home.",
        "It passed by a 19-0 vote.",
        "He left at 7pm on 12 March 2020.",
        "Call 020 7946 0000 for help.",
        "The deal lasts 90 days.",
        "He lives at 10 Downing Street.",
        "The FTSE 100 closed higher.",
        "It was the first time.",
    ],
)
def test_not_figures(text: str) -> None:
    assert extract_figures(text, PUBLISHED) == ()


@pytest.mark.parametrize(
    ("text", "about"),
    [
        (
            "Congress passed a $1.2 trillion infrastructure bill.",
            "cost of the infrastructure bill",
        ),
        (
            "Egypt buys about 70 percent of the country's wheat imports.",
            # a share of a group with what the clause says of it, as "share of the staff
            # Nurses make" (the old tagger read "buys" as a plural noun: no clause)
            "share of the country's wheat imports Egypt buys",
        ),
        ("They will build a 40-mile rail link.", "length of the rail link"),
    ],
)
def test_what_it_measures(text: str, about: str) -> None:
    assert one(text).about == about


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("Some 1,800 workers went on strike.", "number of workers went on strike"),
        ("Adriano has scored 14 goals this season.", "number of goals Adriano scored"),
        ("He met 40 leaders of the unions.", "number of leaders of the unions"),
    ],
)
def test_what_a_count_measures(text: str, about: str) -> None:
    assert one(text).about == about


def test_when_from_last_year() -> None:
    f = one("Congress passed a $1.2 trillion infrastructure bill last year.")
    assert f.when == "2020"


def test_when_needs_a_publication_date() -> None:
    f = one("Congress passed a $1.2 trillion infrastructure bill last year.", None)
    assert f.when is None


def test_when_from_an_explicit_year() -> None:
    assert one("Profits were £35m in 2004.", None).when == "2004"


def test_offsets_point_into_the_text() -> None:
    text = "Officials said 1,800 workers lost jobs.\n\nThe plan costs £35m, or 12%."
    found = extract_figures(text, PUBLISHED)
    assert [f.text for f in found] == ["1,800 workers", "£35m", "12%"]
    for f in found:
        assert text[f.start : f.end] == f.text


def test_number_helpers() -> None:
    assert parse_number("1,800") == 1800.0
    assert parse_number("twenty-five") == 25.0
    assert parse_number("a dozen") == 12.0
    assert parse_number("many") is None
    assert fraction_value("two-thirds") == 0.6667
    assert fraction_value("one in five") == 0.2


def test_from_to_is_two_figures() -> None:
    found = extract_figures("Its value fell from $120bn to $4.6bn.", PUBLISHED)
    assert [(f.text, f.value) for f in found] == [("$120bn", 1.2e11), ("$4.6bn", 4.6e9)]


def test_fused_scale_on_a_count() -> None:
    f = one("It runs on about 1m websites.")
    assert (f.text, f.value, f.unit, f.approx) == ("about 1m websites", 1e6, "website", "about")


@pytest.mark.parametrize(
    ("text", "abouts"),
    [
        # a change verb: the change is "<change> in <subject>", the level it reached the subject
        ("Its budget rose 8% to £14bn.", ["rise in budget", "budget"]),
        # "up N% from …" after an amount: a change in what the amount measures
        (
            "The retailer posted a profit of £40m, up 12% from a year ago.",
            ["retailer profit", "rise in profit from a year ago"],
        ),
        # "down from N a year earlier": the earlier level (and "a year earlier" is no rate)
        (
            "Revenue was £2.1bn, down from £2.4bn a year earlier.",
            ["Revenue", "Revenue a year earlier"],
        ),
        # a bracketed conversion measures what the amount it converts measures
        (
            "The council spent £3m ($5.5m) on new roads.",
            ["council spending on new roads", "council spending on new roads"],
        ),
        # "N of X" after a conversion, with the named subject as owner
        (
            "Acme Corp announced £2bn ($3.7bn) of acquisitions.",
            ["cost of Acme Corp's acquisitions", "cost of Acme Corp's acquisitions"],
        ),
        # money "in" a thing right after the amount
        (
            "The senator demanded $40 billion in school repairs be approved.",
            ["cost of school repairs"],
        ),
        # "by N" with a transitive change verb: the change in its object
        ("The firm wants to reduce its debt by £500m.", ["cut in debt"]),
        # "for N": the price of the object, or of the passive subject
        ("The firm bought the rival chain for £260m.", ["price of rival chain"]),
        ("The new model will be sold for $399.", ["price of new model"]),
        # a relative clause whose object is the relative pronoun: its antecedent
        ("The deal, which the firm valued at £90m, was signed.", ["value of deal"]),
        ("Reserves, which it set at £5m, were raised.", ["Reserves set"]),
        # "priced at", "costs": the price or cost of the subject
        ("All tickets are priced at £35.", ["price of tickets"]),
        ("The new bridge will cost £2bn.", ["cost of new bridge"]),
    ],
)
def test_what_money_and_shares_measure(text: str, abouts: list[str]) -> None:
    assert [f.about for f in extract_figures(text, PUBLISHED)] == abouts


@pytest.mark.parametrize(
    ("text", "about"),
    [
        # the object of a verb complementing a noun: "plans to close"
        (
            "Plans to close 30 branches have been unveiled by the bank.",
            "number of branches Plans to close",
        ),
        # the passive agent of a relative clause: the clause's antecedent and verb
        ("The march was supported by more than 500 nurses.", "number of nurses supporting march"),
        # a vague plural that is the subject: the verb and its agent
        ("Thousands of homes have been flooded by the storm.", "number of homes flooded by storm"),
        # a bare number taking part of a plural noun: the noun
        ("Twenty of the players were injured.", "number of players injured"),
    ],
)
def test_what_a_count_measures_in_its_clause(text: str, about: str) -> None:
    assert one(text).about == about


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Twenty of the players were injured.", "Twenty", 20.0, "player"),
        ("Italy have recorded three wins this season.", "three wins", 3.0, "win"),
        ("Four government agencies will be merged.", "Four government agencies", 4.0, "agency"),
        ("The drug was given in a 30-microgram dose.", "30-microgram", 30.0, "µg"),
        ("Thirty per cent of voters said no.", "Thirty per cent", 30.0, "percent"),
        (
            "The march was supported by more than 500 nurses.",
            "more than 500 nurses",
            500.0,
            "nurse",
        ),
        ("They hope to register more than one victory.", "more than one victory", 1.0, "victory"),
    ],
)
def test_more_count_forms(text: str, span: str, value: float, unit: str) -> None:
    f = one(text)
    assert (f.text, f.value, f.unit) == (span, value, unit)


def test_trillions_of_is_a_vague_plural() -> None:
    f = one("Trillions of emails are sent every year.")
    assert (f.text, f.low, f.high, f.unit) == ("Trillions of emails", 2e12, 9.99e14, "email")


def test_a_year_earlier_is_not_a_rate() -> None:
    found = extract_figures("Revenue was £2.1bn, down from £2.4bn a year earlier.", PUBLISHED)
    assert [(f.text, f.unit) for f in found] == [("£2.1bn", "GBP"), ("£2.4bn", "GBP")]


@pytest.mark.parametrize(
    "text",
    [
        "The Six Nations starts next week.",  # a name
        "The team won nine consecutive points.",  # an in-match count
        "One day he left.",  # "one" not contrasted
    ],
)
def test_more_non_figures(text: str) -> None:
    assert extract_figures(text, PUBLISHED) == ()


@pytest.mark.parametrize(
    ("text", "about"),
    [
        # vague money: what the money is of and the clause, not "number of dollars"
        (
            "The city spends millions of dollars of public money on parks.",
            "public money city spends",
        ),
        ("Thousands of pounds were stolen.", "money stolen"),
        # the figure's own qualifier is kept with the change
        (
            "The charity could raise its spending by an extra £4bn over ten years.",
            "extra increase in spending",
        ),
    ],
)
def test_what_vague_money_and_qualified_changes_measure(text: str, about: str) -> None:
    assert one(text).about == about


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "about"),
    [
        ("A 36-member panel met.", "36-member", 36.0, "member", "number of members in the panel"),
        ("The 25-man squad flew out.", "25-man", 25.0, "man", "number of men in the squad"),
        ("He told the 300-strong audience.", "300-strong", 300.0, "person", "size of the audience"),
        (
            "It is part of a five-point plan.",
            "five-point",
            5.0,
            "point",
            "number of points in the plan",
        ),
    ],
)
def test_group_sizes_written_as_compounds(
    text: str, span: str, value: float, unit: str, about: str
) -> None:
    f = one(text)
    assert (f.text, f.value, f.unit, f.about) == (span, value, unit, about)


@pytest.mark.parametrize(
    "text",
    [
        "The four-star general spoke.",
        "A two-way street.",
        "A three-year deal.",
        "It was a one-off.",
        "He won a five-set thriller.",
    ],
)
def test_compounds_that_are_not_group_sizes(text: str) -> None:
    assert extract_figures(text, PUBLISHED) == ()


def test_a_hyphenated_number_word_is_one_number() -> None:
    f = one("Twenty-five people died.")
    assert (f.text, f.value, f.unit, f.about) == (
        "Twenty-five people",
        25.0,
        "person",
        "number of people died",
    )


@pytest.mark.parametrize(
    ("text", "about"),
    [
        # the verb right before the amount, whatever the parse hangs it under
        ("Sales of electric cars jumped 35% last year.", "rise in Sales of electric cars"),
        ("Turnover at the business rose by 15%.", "rise in Turnover at the business"),
        # a transitive change verb whose object is the amount: the amount raised, no rise
        ("The charity raised £2.4m for flood victims.", "charity raised for flood victims"),
        # the amount's own complement of purpose joins its verb's
        (
            "The minister announced an extra £300m for schools.",
            "minister announced extra for schools",
        ),
        # "worth N": the value of the subject, or of the object it describes
        ("Exports to China were worth $18bn in 2003.", "value of Exports to China"),
        ("The merger will create a company worth $30bn.", "value of company"),
        # an amount that is the subject: what it did
        ("About £5m was spent on the new stadium.", "money spent on new stadium"),
        ("Nearly 30% voted for the opposition.", "share voted for opposition"),
        # "in" + a determined noun is a place, not what the money is in
        ("The game costs £40 in the shops.", "cost of game"),
    ],
)
def test_what_an_amount_measures_in_its_clause(text: str, about: str) -> None:
    assert one(text).about == about


def test_up_after_an_amount_with_a_time_skips_the_time() -> None:
    found = extract_figures("The airline carried 45 million passengers last year, up 6% from 2003.")
    assert [f.about for f in found][-1] == "rise in passengers from 2003"


def test_a_comparative_after_the_amount_is_not_what_it_measures() -> None:
    about = extract_figures("The index closed 45 points lower at 4,820.")[0].about
    assert about is not None and "lower" not in about


@pytest.mark.parametrize(
    ("text", "about"),
    [
        # the counted noun before a verb is its subject, whatever the parse says
        (
            "The law lets 2 million workers claim extra holiday.",
            "number of workers claim extra holiday",
        ),
        # the object of a verb with a complement clause: what the counted things do
        (
            "The scheme allowed 40,000 families to buy their homes.",
            "number of families buy their homes",
        ),
        # a predicate "at risk"
        ("Nearly 3,000 jobs are at risk after the carmaker closed.", "number of jobs at risk"),
        # another figure's number is left out of the phrase
        (
            "Five of the 12 judges disagreed with the ruling.",
            "number of judges disagreed with the ruling",
        ),
    ],
)
def test_what_a_count_measures_in_its_clause_more(text: str, about: str) -> None:
    assert extract_figures(text, PUBLISHED)[0].about == about


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit"),
    [
        ("He owns two or three phones.", "two or three phones", 2.0, 3.0, "phone"),
        (
            "There were four, five or maybe six bidders.",
            "four, five or maybe six bidders",
            4.0,
            6.0,
            "bidder",
        ),
        ("It is a multi-billion pound business.", "multi-billion pound", 2e9, 9.99e9, "GBP"),
        ("It is a multimillion-dollar business.", "multimillion-dollar", 2e6, 9.99e6, "USD"),
    ],
)
def test_alternatives_and_multi_amounts_are_ranges(
    text: str, span: str, low: float, high: float, unit: str
) -> None:
    f = one(text)
    assert (f.text, f.value, f.low, f.high, f.unit) == (span, None, low, high, unit)


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("The cheaper model has one gigabyte of memory.", "one gigabyte", 1.0, "GB"),
        ("The 256mb card sold out.", "256mb", 256.0, "MB"),
        ("They walked twenty-five miles.", "twenty-five miles", 25.0, "mi"),
    ],
)
def test_storage_units_and_number_words_with_units(
    text: str, span: str, value: float, unit: str
) -> None:
    f = one(text)
    assert (f.text, f.value, f.unit) == (span, value, unit)


def test_a_number_word_with_points_stays_score_like() -> None:
    assert extract_figures("The team lost by two points.", PUBLISHED) == ()


@pytest.mark.parametrize(
    ("text", "span", "value", "about"),
    [
        (
            "About one child in five is poor.",
            "About one child in five",
            0.2,
            "share of children poor",
        ),
        ("Three voters in 10 said yes.", "Three voters in 10", 0.3, "share of voters said yes"),
    ],
)
def test_one_noun_in_n_is_a_share(text: str, span: str, value: float, about: str) -> None:
    f = one(text)
    assert (f.text, f.value, f.unit, f.about) == (span, value, "fraction", about)


def test_one_noun_in_n_before_a_noun_is_a_count() -> None:
    f = extract_figures("She scored 14 goals in 20 league games.", PUBLISHED)[0]
    assert (f.text, f.unit) == ("14 goals", "goal")


def test_a_misplaced_sentence_split_does_not_hide_the_verb() -> None:
    found = extract_figures("Profits before tax rose 14% to £562m in the year to March.")
    assert [f.about for f in found] == ["rise in Profits before tax", "Profits"]


@pytest.mark.parametrize(
    ("text", "about"),
    [
        # a percentage modifying a noun: the noun is the measure, with its owner
        ("The bank bought a 20% stake in the insurer.", "bank stake in the insurer"),
        # a share "of" a thing takes no owner from the verb's subject
        ("Broadband now reaches 85% of UK homes.", "share of UK homes Broadband reaches"),
        # "its" names the company the text is about
        (
            "Acme Corp had a bad year. It lost a third of its customers.",
            "share of Acme Corp's customers lost",
        ),
        (
            "Zenith Motors is in trouble. It cut 300 jobs in Ohio.",
            "number of jobs Zenith Motors cut in Ohio",
        ),
    ],
)
def test_owners_of_what_is_measured(text: str, about: str) -> None:
    assert one(text).about == about


def test_people_counted_by_their_nation() -> None:
    f = one("Some 40 million Americans have no health insurance.")
    assert (f.text, f.unit, f.about) == (
        "Some 40 million Americans",
        "american",
        "number of Americans have no health insurance",
    )


@pytest.mark.parametrize(
    ("text", "abouts"),
    [
        # a noun that names a sum of money is the measure itself
        ("Regulators imposed a £35m fine on the bank.", ["fine"]),
        # a dealing has a value
        ("The brewer agreed a $2bn takeover of its rival.", ["value of the takeover of its rival"]),
        # other things have a cost
        (
            "Congress passed a $1.2 trillion infrastructure bill.",
            ["cost of the infrastructure bill"],
        ),
        # the noun after a bracketed conversion, for both amounts
        (
            "The scandal landed the broadcaster with a $550,000 (£293,264) fine.",
            ["fine", "fine"],
        ),
        ("He joined for a £5m ($9m) transfer fee.", ["transfer fee", "transfer fee"]),
    ],
)
def test_what_money_modifying_a_noun_measures(text: str, abouts: list[str]) -> None:
    assert [f.about for f in extract_figures(text, PUBLISHED)] == abouts


@pytest.mark.parametrize(
    ("text", "about"),
    [
        # a verb of spending or giving money is named by its noun
        (
            "The government will spend £1.5bn on new hospitals.",
            "government spending on new hospitals",
        ),
        ("Microsoft said it would invest $100m in the project.", "Microsoft investment in project"),
        # an infinitive of purpose keeps its "to"
        (
            "The firm agreed to pay $75m to settle the lawsuit.",
            "firm payment to settle the lawsuit",
        ),
    ],
)
def test_money_verbs_are_named_by_their_nouns(text: str, about: str) -> None:
    assert one(text).about == about


@pytest.mark.parametrize(
    ("text", "about"),
    [
        # "N% higher/lower": a change in the subject
        ("Exports were 8% higher than last spring.", "rise in Exports"),
        # a subject whose head noun needs its "of" complement
        ("The price of a tonne of copper hit $3,000.", "price of a tonne of copper"),
        # a period after the counted noun says when, not what
        ("The band sold 90,000 tickets in two hours.", "number of tickets band sold"),
    ],
)
def test_comparisons_complements_and_periods(text: str, about: str) -> None:
    assert one(text).about == about


def test_a_number_glued_to_letters_is_a_code() -> None:
    found = extract_figures("Operators paid £22.5bn for 3G licences.", PUBLISHED)
    assert [f.text for f in found] == ["£22.5bn"]


def test_an_amount_joined_to_a_counted_noun_is_not_part_of_it() -> None:
    # parsed with "m." as a noun joined to "posts"
    found = extract_figures("The council will axe 120 posts to save £4m.", PUBLISHED)
    assert found[0].about == "number of posts council axe"


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("Some 45% of those polled said they would vote Labour.", "share of those polled"),
        ("About 3% of customers hit by the rise complained.", "share of customers hit by the rise"),
    ],
)
def test_a_participle_after_the_share_qualifies_it(text: str, about: str) -> None:
    assert one(text).about == about


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        # Indian scales and the rupee sign
        ("The state will spend Rs 500 crore on roads.", "Rs 500 crore", 5e9, "INR"),
        ("The budget is ₹45 lakh crore.", "₹45 lakh crore", 4.5e13, "INR"),
        ("The project costs 3 lakh rupees.", "3 lakh rupees", 3e5, "INR"),
        # ISO codes before the amount, and a scale after a space
        ("They raised EUR 3 million.", "EUR 3 million", 3e6, "EUR"),
        ("It cost CHF 2m.", "CHF 2m", 2e6, "CHF"),
        ("It invested £2.3 mln.", "£2.3 mln", 2.3e6, "GBP"),
        ("It cost R$200.", "R$200", 200.0, "BRL"),
        # dollars named by their country are not US dollars
        ("It cost 100 Canadian dollars.", "100 Canadian dollars", 100.0, "CAD"),
        ("It cost 500 Hong Kong dollars.", "500 Hong Kong dollars", 500.0, "HKD"),
        ("It cost 100 US dollars.", "100 US dollars", 100.0, "USD"),
        # number words and articles before a scale
        ("It costs five billion dollars.", "five billion dollars", 5e9, "USD"),
        ("The firm paid a billion dollars for it.", "a billion dollars", 1e9, "USD"),
        ("They lost half a million pounds.", "half a million pounds", 5e5, "GBP"),
    ],
)
def test_money_in_more_currencies_and_scales(text: str, span: str, value: float, unit: str) -> None:
    f = one(text)
    assert (f.text, f.unit) == (span, unit)
    assert f.value == f.low == f.high == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Fuel prices hit £1.50 a litre.", "£1.50 a litre", 1.5, "GBP/l"),
        ("Gold rose to $1,800 an ounce.", "$1,800 an ounce", 1800.0, "USD/oz"),
        ("Workers earn $15 an hour.", "$15 an hour", 15.0, "USD/h"),
        ("Wheat sold at $250 a tonne.", "$250 a tonne", 250.0, "USD/t"),
        ("He earns £100,000 per annum.", "£100,000 per annum", 1e5, "GBP/yr"),
        ("He earns £100,000 annually.", "£100,000 annually", 1e5, "GBP/yr"),
        ("The scheme costs $200m every year.", "$200m every year", 2e8, "USD/yr"),
        ("The council spends £5m each year on it.", "£5m each year", 5e6, "GBP/yr"),
        # a period later in the amount's clause
        ("The NHS spends £2bn on drugs every year.", "£2bn", 2e9, "GBP/yr"),
        # … but not a period after "in", nor a time ago
        ("The firm earned £5m in a year.", "£5m", 5e6, "GBP"),
        ("He won £5m in the lottery a year ago.", "£5m", 5e6, "GBP"),
        ("He was paid £5m a year after the crash.", "£5m", 5e6, "GBP"),
        # quantities per period
        ("Winds of 75 miles per hour were recorded.", "75 miles per hour", 75.0, "mph"),
        ("Winds of 120km/h were recorded.", "120km/h", 120.0, "km/h"),
        ("The pipeline carries 1m b/d.", "1m b/d", 1e6, "bbl/d"),
        ("The mine yields 2 million tonnes a year.", "2 million tonnes a year", 2e6, "t/yr"),
    ],
)
def test_rates(text: str, span: str, value: float, unit: str) -> None:
    f = one(text)
    assert (f.text, f.unit) == (span, unit)
    assert f.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("The Fed cut rates by a quarter point.", "a quarter point", 0.25, "pp"),
        ("Unemployment fell by half a percentage point.", "half a percentage point", 0.5, "pp"),
        ("Support for Labour rose two percentage points.", "two percentage points", 2.0, "pp"),
        ("The Fed raised rates by 50 basis points.", "50 basis points", 0.5, "pp"),
        ("Yields rose 25bp.", "25bp", 0.25, "pp"),
        ("Prices rose 3.5pc last year.", "3.5pc", 3.5, "percent"),
        ("Inflation hit twenty percent.", "twenty percent", 20.0, "percent"),
        (
            "It cut the forecast by one full percentage point.",
            "one full percentage point",
            1.0,
            "pp",
        ),
    ],
)
def test_percentage_points_and_percent_forms(text: str, span: str, value: float, unit: str) -> None:
    f = one(text)
    assert (f.text, f.unit) == (span, unit)
    assert f.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit"),
    [
        (
            "Between 10 and 20 percent of homes were damaged.",
            "Between 10 and 20 percent",
            10,
            20,
            "percent",
        ),
        ("Between 10 and 15 people were hurt.", "Between 10 and 15 people", 10, 15, "person"),
        (
            "Between two and three million people fled.",
            "Between two and three million people",
            2e6,
            3e6,
            "person",
        ),
        (
            "It will cost between 5 and 7 billion dollars.",
            "between 5 and 7 billion dollars",
            5e9,
            7e9,
            "USD",
        ),
    ],
)
def test_between_a_bare_number_and_a_figure_is_one_range(
    text: str, span: str, low: float, high: float, unit: str
) -> None:
    f = one(text)
    assert (f.text, f.value, f.unit) == (span, None, unit)
    assert (f.low, f.high) == (pytest.approx(low), pytest.approx(high))


def test_between_two_years_is_no_range() -> None:
    f = one("Between 2000 and 2005, 300 people left.")
    assert (f.text, f.value, f.unit) == ("300 people", 300.0, "person")


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Some 3.2m people watched the show.", "Some 3.2m people", 3.2e6, "person"),
        ("A million people marched.", "A million people", 1e6, "person"),
        ("Half a million people marched.", "Half a million people", 5e5, "person"),
        ("Two dozen states sued.", "Two dozen states", 24.0, "state"),
        ("Some 300 retirees were hit.", "Some 300 retirees", 300.0, "retiree"),
        ("They hired two part-time workers.", "two part-time workers", 2.0, "worker"),
        ("Almost a quarter of a million jobs would go.", "Almost a quarter of a million jobs",
         2.5e5, "job"),
        ("One hundred people died.", "One hundred people", 100.0, "person"),
        ("Three hundred and fifty people died.", "Three hundred and fifty people", 350.0, "person"),
        ("A 20,000-strong crowd watched.", "20,000-strong", 2e4, "person"),
        ("The bill needs 60 votes to pass.", "60 votes", 60.0, "vote"),
        # a noun that is one word with its modifier
        ("The government will cut 100,000 civil servants.", "100,000 civil servants", 1e5,
         "civil servant"),
        ("Moderna asked for a half dose of its vaccine.", "a half", 0.5, "fraction"),
    ],
)  # fmt: skip
def test_counts_in_words_and_compounds(text: str, span: str, value: float, unit: str) -> None:
    f = one(text)
    assert (f.text, f.unit) == (span, unit)
    assert f.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "Several dozen people were hurt.",
        "The motion passed by 220 votes to 212.",
        "Regulators backed a third dose for the elderly.",
        "The 200m champion won gold.",
        # "won" the verb after a number in a name; an ordinal compound; a title; a chapter
        "Michael Moore's Fahrenheit 9/11 won the best documentary award.",
        "Now in its twenty-first year, Sundance continues to grow.",
        "Eternal Sunshine and 21 Grams are vying for the prize.",
        "Yukos filed for Chapter 11 protection in Houston.",
        # the noun after the number has its own article
        "That brought to 49 the number of banks he has sued.",
        # a distance on a pitch; a duration before the counted noun; a duration with "half";
        # a part of a table
        "They kicked penalties from our 10m line.",
        "They always seem to have two or three days' rest.",
        "He has been terrific for the last two and a half years.",
        "Newcastle are in the bottom half of the table.",
        "They led at the end of the second-half.",
        # ages written without hyphens
        "It is the image of a 12 year-old girl.",
        "Polls of 14-16 year olds are rare.",
    ],
)
def test_vague_or_ordinal_numbers_and_event_names_are_not_figures(text: str) -> None:
    assert extract_figures(text, PUBLISHED) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Italy have only recorded three wins since 2000, but two of those came at home.",
            [("three wins", 3.0, "win"), ("two", 2.0, "win")],
        ),
        (
            "An extra five million lives could be saved by 2015 and five million thereafter.",
            [("five million lives", 5e6, "life"), ("five million", 5e6, "life")],
        ),
        (
            "Ratings fell from a peak of seven million viewers to 1.5 million.",
            [("seven million viewers", 7e6, "viewer"), ("1.5 million", 1.5e6, "viewer")],
        ),
    ],
)
def test_an_elided_noun_is_the_one_counted_before(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    found = extract_figures(text, PUBLISHED)
    assert [(f.text, f.value, f.unit) for f in found] == expected


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit"),
    [
        ("They spent tens of billions of dollars.", "tens of billions of dollars", 2e10,
         99_999_999_999, "USD"),
        ("They spent hundreds of billions of dollars.", "hundreds of billions of dollars", 2e11,
         999_999_999_999, "USD"),
        ("About 10 to 15 people were hurt.", "About 10 to 15 people", 10, 15, "person"),
    ],
)  # fmt: skip
def test_more_ranges(text: str, span: str, low: float, high: float, unit: str) -> None:
    f = one(text)
    assert (f.text, f.value, f.low, f.high, f.unit) == (span, None, low, high, unit)


def test_from_to_counts_are_two_figures_of_one_noun() -> None:
    found = extract_figures("Deaths rose from 10 to 15 people.", PUBLISHED)
    assert [(f.text, f.value, f.unit) for f in found] == [
        ("10", 10.0, "person"),
        ("15 people", 15.0, "person"),
    ]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("The area covers 500 sq km.", "500 sq km", 500.0, "sq km"),
        ("The temperature was 40°C.", "40°C", 40.0, "°C"),
        ("Temperatures hit 40 degrees Celsius.", "40 degrees Celsius", 40.0, "°C"),
        ("He weighed 16 stone.", "16 stone", 16.0, "st"),
        ("The lifts reach 17m/s at top speed.", "17m/s", 17.0, "m/s"),
        ("Homes enjoy speeds of 15Mb.", "15Mb", 15.0, "Mbit"),
        ("It offers 512MB of storage.", "512MB", 512.0, "MB"),
    ],
)
def test_more_quantity_units(text: str, span: str, value: float, unit: str) -> None:
    f = one(text)
    assert (f.text, f.value, f.unit) == (span, value, unit)


def test_korean_won_is_money_in_hundreds_and_up() -> None:
    f = one("The coffee cost 4,500 won.")
    assert (f.text, f.value, f.unit) == ("4,500 won", 4500.0, "KRW")


def test_a_rate_after_the_high_end_covers_the_range() -> None:
    f = one("The firm aims to save between £190m and £265m annually from 2009.")
    assert (f.text, f.value, f.low, f.high, f.unit) == (
        "between £190m and £265m annually",
        None,
        1.9e8,
        2.65e8,
        "GBP/yr",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # GUIDELINES: after a bracketed conversion both spans are the amounts, both rates
        (
            "The deal will cost $10bn (£5.38bn) a year.",
            [("$10bn", "USD/yr"), ("£5.38bn", "GBP/yr")],
        ),
        (
            "It pays 400m pesos ($136m; £72.3m) a year.",
            [("400m pesos", "MXN/yr"), ("$136m", "USD/yr"), ("£72.3m", "GBP/yr")],
        ),
        (
            "It will cost $10bn a year (£5.38bn).",
            [("$10bn a year", "USD/yr"), ("£5.38bn", "GBP/yr")],
        ),
        # a time "a year earlier" is no rate
        (
            "Revenue was £2.1bn, down from £2.4bn ($4.5bn) a year earlier.",
            [("£2.1bn", "GBP"), ("£2.4bn", "GBP"), ("$4.5bn", "USD")],
        ),
    ],
)
def test_a_rate_after_a_bracketed_conversion_covers_both_amounts(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(f.text, f.unit) for f in extract_figures(text, PUBLISHED)] == expected


def test_a_figure_the_source_cut_off_is_not_taken() -> None:
    # "$10..." at the end of a crawled teaser may have been "$10 billion"
    text = "The state wants $14 billion now and another $10..."
    assert [f.text for f in extract_figures(text)] == ["$14 billion"]
    assert [f.text for f in extract_figures(text.replace("...", " later."))][-1] == "$10"
    assert [f.text for f in extract_figures("Its poll rating is 49.2%...")] == ["49.2%"]


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Shares fell 3% on Tuesday.", "2005-02-01"),
        # the day it was said dates the report, not the figure
        ("Sales rose 4% in 2004, the firm said on Tuesday.", "2004"),
        ("Next year's increase will be 5.9%, the agency said on Wednesday.", "2006"),
        ("Employers added 194,000 jobs in September.", "2004-09"),  # "added" says nothing
        # a point of comparison is not the figure's time
        ("Output was up 10% on 2003, the firm said on Monday.", None),
        ("The fund has grown 40% since it was set up in 2000.", None),
        ("Sales fell 2% last week.", "2005-01"),  # a week is given as its month
    ],
)
def test_the_time_a_figure_refers_to(text: str, when: str | None) -> None:
    (figure,) = extract_figures(text, datetime(2005, 2, 3))
    assert figure.when == when
