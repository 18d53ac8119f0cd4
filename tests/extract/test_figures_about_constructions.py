"""What a figure measures, for news constructions a first reading got wrong: actions
done to a counted group, changes stated "by" a count, infinitive chains, shares of a
group named earlier, end points and gaps of a change, sums told by what they go to.

Every sentence here is invented; each asserts the whole phrase."""

from __future__ import annotations

import pytest

from storyline.extract.figures import extract_figures


def about(text: str, figure: str) -> str | None:
    hits = [f for f in extract_figures(text) if f.text == figure]
    assert len(hits) == 1, extract_figures(text)
    return hits[0].about


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # a noun of an action done to what it is "of" → the things it was done to
        (
            "Police confirmed the arrest of dozens of protesters.",
            "dozens of protesters",
            "number of protesters arrested",
        ),
        (
            "The strike led to the cancellation of 40% of the airline's flights.",
            "40%",
            "share of the airline's flights cancelled",
        ),
        # ... and foreseen, not done, when it is what someone expects
        (
            "Analysts were expecting the creation of 200,000 jobs.",
            "200,000 jobs",
            "number of jobs expected to be created",
        ),
        # "an aggregate of" only says how the share is taken
        (
            "An aggregate of 55% of voters surveyed opposed the plan.",
            "55%",
            "share of voters surveyed",
        ),
        # a count after "by" under a change verb is the size of the change
        (
            "Factory payrolls rose by 12,000 workers in May.",
            "12,000 workers",
            "rise in Factory payrolls",
        ),
        # the state the counted things are left in
        (
            "The storm closed the airport, leaving hundreds of passengers stranded.",
            "hundreds of passengers",
            "number of passengers left stranded",
        ),
        # an infinitive chain: who strives for it, and the verbs as written
        (
            "Hospitals are struggling to fill thousands of nursing posts.",
            "thousands of nursing posts",
            "number of nursing posts Hospitals struggling to fill",
        ),
        (
            "Officials backed a scheme that would help feed 3,000 children.",
            "3,000 children",
            "number of children the scheme would help feed",
        ),
        # another figure's number modifying a noun is left out with its sign
        (
            "Thousands of nurses got a 3% rise in pay.",
            "Thousands of nurses",
            "number of nurses got a rise in pay",
        ),
        # the verb keeps its particle and its negation
        (
            "At least 40 of the new schools had been set up since 2010.",
            "At least 40",
            "number of new schools set up",
        ),
        (
            "A survey found that 60% of shops were no worse off after the floods.",
            "60%",
            "share of shops no worse off after the floods",
        ),
        # a causative verb: what it brought the counted things to do
        (
            "The broadcast led 30 viewers to complain.",
            "30 viewers",
            "number of viewers led to complain",
        ),
        # a "who" clause says which ones, when the verb says little
        (
            "The party went to court to unseat two councillors who defected to the Greens.",
            "two councillors",
            "number of councillors who defected to the Greens",
        ),
        # a phrase cut at a possessive "'s" keeps the noun it belongs to
        (
            "Five of the recent surveys showed support for the city's new mayor among voters.",
            "Five",
            "number of recent surveys showed support for the city's new mayor",
        ),
        # the clause a counted subject does ends at a comma
        (
            "More than 2,000 people in the region had surgery last year, of which 5% were"
            " emergencies.",
            "More than 2,000 people",
            "number of people had surgery last year",
        ),
        # ", who" after a name: the name is the subject
        (
            '"It was a joy," said Keller, who, as Sinatra, sings all 14 songs in the film.',
            "14 songs",
            "number of songs Keller sings in film",
        ),
        # two verbs side by side share the object: who does both
        (
            "Acme will buy or lease 30 aircraft next year.",
            "30 aircraft",
            "number of aircraft Acme buy or lease",
        ),
    ],
)
def test_counts_and_shares(text: str, figure: str, expected: str) -> None:
    assert about(text, figure) == expected


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # "down from" after a reporting clause ending in a weekday: the level before it
        (
            "The jobless rate fell to 4.1% in May, the agency said Friday, down from 4.3%"
            " in April.",
            "4.3%",
            "jobless rate in April",
        ),
        # the end point after "by" the size of a change is a level, not a restatement
        ("Average rents would rise by $120 to $1,890 a month.", "$1,890 a month", "Average rents"),
        (
            "A barrel of Brent crude ended Tuesday down $2.10 to $80.45.",
            "$80.45",
            "barrel of Brent crude",
        ),
        # "down" after a weekday: what the subject is
        (
            "A barrel of Brent crude ended Tuesday down $2.10 to $80.45.",
            "$2.10",
            "fall in barrel of Brent crude",
        ),
        # a figure after a dash, "lower than" something: the gap, not the growth
        (
            "The bank expects the economy to grow by 2.1% this year – 0.3 percentage point lower"
            " than its spring estimate.",
            "0.3 percentage point",
            "fall from its spring estimate",
        ),
        (
            "The bank expects the economy to grow by 2.1% this year – 0.3 percentage point lower"
            " than its spring estimate.",
            "2.1%",
            "growth in economy",
        ),
        # a quantity with its material ("of steel") still has a level
        (
            "Acme put output for the year at 2.5 million tonnes of steel.",
            "2.5 million tonnes",
            "output",
        ),
        # "N or M%": the same change in other terms
        (
            "Acme's share price rose 6p or nearly 2% to 310p.",
            "nearly 2%",
            "rise in Acme's share price",
        ),
        # "up from N a year ago but …": the time, not what follows the conjunction
        (
            "Sales were £4m for the three months to June 2004 - up from £3m a year ago but"
            " below forecasts.",
            "£3m",
            "Sales a year ago",
        ),
        # "cost N% more than": the extra cost, not a rise
        (
            "City flats can cost up to 40% more than houses in the suburbs.",
            "up to 40%",
            "extra cost of City flats",
        ),
        # "up N%" after a level a verb put something at: a rise in that something
        (
            "Acme put output for the year at 2.5 million tonnes of steel, up 8% on 2003.",
            "8%",
            "rise in output",
        ),
        # "it" after a semicolon: the subject of the clause before
        (
            "The bond market was in a slump for months; it rose by 12% after the election.",
            "12%",
            "rise in bond market",
        ),
    ],
)
def test_changes_levels_and_gaps(text: str, figure: str, expected: str) -> None:
    assert about(text, figure) == expected


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # who is left holding a share
        (
            "The poll gave Labour 40%, leaving the Greens with about 8%.",
            "about 8%",
            "Greens' share",
        ),
        # a later share with no group of its own is of the group an earlier one named
        (
            "Some 62% of members backed the deal, while 30% opposed it.",
            "30%",
            "share of members opposed",
        ),
        # ", of which/whom N%": a share of the noun before
        (
            "Doctors saw 400 patients, of whom 15% were later admitted to hospital.",
            "15%",
            "share of patients admitted to hospital",
        ),
        # vague money a verb of reckoning puts on its subject
        (
            "Damage costs are estimated in the hundreds of millions of dollars.",
            "hundreds of millions of dollars",
            "Damage costs",
        ),
        # what a sum is added to says what it is
        (
            "The change means an addition of £12 to the average weekly payment.",
            "£12",
            "addition to the average weekly payment",
        ),
        # "bringing the amount to": the amount stands for what the change was made to
        (
            "The rise will mean an addition of £12 to the weekly pension, bringing the amount"
            " to £190.",
            "£190",
            "weekly pension",
        ),
        # a change that "included" profits is no owner of them; its possessor is
        (
            "Acme reported its results. Its profit rise for the year included profits of £2bn"
            " for the final quarter.",
            "£2bn",
            "Acme's profits",
        ),
        # an amount set beside a noun after a dash is that noun's size
        (
            "Even a big fine is dwarfed by the bond market - currently $40 trillion and growing.",
            "$40 trillion",
            "size of the bond market",
        ),
    ],
)
def test_money_and_shares_in_context(text: str, figure: str, expected: str) -> None:
    assert about(text, figure) == expected


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit", "expected"),
    [
        # a bare number of thousands a change verb says of its plural subject counts it;
        # "dropped N to M" is a change and a level, not a range
        (
            "Unemployment claims dropped 36,000 to 293,000 last week.",
            "36,000",
            36000.0,
            "claim",
            "drop in Unemployment claims",
        ),
        (
            "Unemployment claims dropped 36,000 to 293,000 last week.",
            "293,000",
            293000.0,
            "claim",
            "number of Unemployment claims",
        ),
        (
            "Continuing claims dropped to 2.59 million, another low.",
            "2.59 million",
            2590000.0,
            "claim",
            "number of Continuing claims",
        ),
        # "below N": a threshold
        (
            "Weekly jobless claims dropped below 300,000 for the first time this year.",
            "300,000",
            300000.0,
            "claim",
            "threshold Weekly jobless claims dropped below",
        ),
        # "revised up to N from M": the new and the old figure
        (
            "Job gains in May were revised up to 210,000 from 180,000.",
            "180,000",
            180000.0,
            "gain",
            "previously reported number of Job gains in May",
        ),
        # "the first time claims have dipped": "time" is no modifier of the claims
        (
            "It was the first time claims have dipped below 250,000 since 2019.",
            "250,000",
            250000.0,
            "claim",
            "threshold claims dipped below",
        ),
    ],
)
def test_bare_numbers_counting_the_subject(
    text: str, figure: str, value: float, unit: str, expected: str
) -> None:
    hits = [f for f in extract_figures(text) if f.text == figure]
    assert len(hits) == 1, extract_figures(text)
    assert (hits[0].value, hits[0].unit, hits[0].about) == (value, unit, expected)


def test_a_bare_number_with_its_own_noun_or_sign_is_not_implied() -> None:
    texts = [f.text for f in extract_figures("Sales rose to $293,000 as 1,200 stores opened.")]
    assert texts == ["$293,000", "1,200 stores"]


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # a relative pronoun after a comma stands for the name or noun before the comma
        ("The mayor thanked Acme, which donated $2m to the fund.", "$2m", "Acme donation to fund"),
        # money "in" a noun of money is that money, also with an owner
        ("Acme withdrew $2bn in assets from its banks.", "$2bn", "Acme's assets"),
        # a share a subject holds is its share, not "Acme has"
        ("Acme, analysts say, has 30%.", "30%", "Acme's share"),
        ("Labour holds 35%, the poll found.", "35%", "Labour's share"),
        # the verb of a share keeps its negation
        ("Some 62% did not vote.", "Some 62%", "share not vote"),
        # "at most", "at least" bound the figure; they are no modifier of the group
        (
            "Only one-quarter of that group at most will have bought shares.",
            "one-quarter",
            "share of that group bought shares",
        ),
        # an adjective said of the group keeps its complement, and is kept beside the
        # group's own modifier
        (
            "Half of the members were wealthy enough to retire.",
            "Half",
            "share of the members wealthy enough to retire",
        ),
        (
            "Some 2,000 of the workers at the plant were unhappy.",
            "Some 2,000",
            "number of workers at plant unhappy",
        ),
        # a length that says how far or how big
        ("The village lies 5km from the border.", "5km", "distance from the border"),
        (
            "The storm made landfall 40 miles south of the city.",
            "40 miles",
            "distance south of the city",
        ),
        (
            "The striker curled his shot wide from 25 yards.",
            "25 yards",
            "distance from which his shot was curled",
        ),
        ("The new runway is 3km long.", "3km", "length of new runway"),
        # ... but a length modifying a noun is still that noun's length
        ("The company built a 40-mile pipeline.", "40-mile", "length of the pipeline"),
        # "the N mark" stands where the amount would: no "cost of the mark"
        ("Shares in Acme topped the 500p mark on Friday.", "500p", "Acme share price"),
    ],
)
def test_general_kinds(text: str, figure: str, expected: str) -> None:
    assert about(text, figure) == expected
