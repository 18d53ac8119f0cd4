"""What a figure measures: shares and their clause, levels a change reached, level
verbs, figures listed or compared with one before them, and money's measure words."""

from __future__ import annotations

import pytest

from storyline.extract.figures import Figure, extract_figures


def found(text: str) -> list[Figure]:
    return list(extract_figures(text))


def about(text: str, figure: str) -> str | None:
    hits = [f for f in found(text) if f.text == figure]
    assert len(hits) == 1, found(text)
    return hits[0].about


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # a share of a group is a share of those the clause says something about
        ("Only 16% of drivers wear seat belts.", "16%", "share of drivers wear seat belts"),
        # ... but not what a survey "found" or "showed"
        ("A poll found 40% of voters oppose the plan.", "40%", "share of voters oppose the plan"),
        # the owner named once: "its customers" is already Acme Corp's
        (
            "Acme Corp had a bad year. It lost a third of its customers.",
            "a third",
            "share of Acme Corp's customers lost",
        ),
        # a phrasal verb's particle is no change: "make up" is not "up 30%"
        ("Nurses make up a third of the staff.", "a third", "share of the staff Nurses make up"),
    ],
)
def test_shares_and_their_clause(text: str, figure: str, expected: str) -> None:
    assert about(text, figure) == expected


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # the level after a change noun is a level of what changed
        ("Acme announced a 12% rise in annual sales to $5bn.", "$5bn", "Acme annual sales"),
        (
            "Analysts expect a drop in annual profits to £170m from £194m.",
            "£194m",
            "annual profits",
        ),
        # "up N% to" a price: shares in a company have a share price
        ("Shares in Acme were up 3% to 120p.", "120p", "Acme share price"),
        ("Shares in Acme fell 2% to 340p.", "340p", "Acme share price"),
        # a change verb before the end point, whatever the parse hangs the amount on
        ("Interest rates were raised by a quarter point to 4.75%.", "4.75%", "Interest rates"),
        # a participle adjunct shares the main clause's subject
        ("Oil prices rebounded, rising to $42 a barrel.", "$42 a barrel", "Oil prices"),
        # "to a record": the article and adjective between the preposition and amount
        (
            "Sales climbed to 364.4m euros, lifting revenue for the year to a record 1.45bn euros.",
            "1.45bn euros",
            "revenue",  # what reached the record; "lifting" is the verb, no part of it
        ),
    ],
)
def test_levels_a_change_reached(text: str, figure: str, expected: str) -> None:
    assert about(text, figure) == expected


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # verbs that state a level as a copula does
        ("Inflation stood at 2.6% in January.", "2.6%", "Inflation"),
        # the antecedent of a relative pronoun, even inside a prepositional phrase
        (
            "He wants an inquiry into agencies which cost £1.8bn a year.",
            "£1.8bn a year",
            "cost of agencies",
        ),
        # a change verb with a time as its only object is no transitive change
        ("Petrol prices have risen by 10p.", "10p", "rise in Petrol prices"),
    ],
)
def test_level_verbs_and_subjects(text: str, figure: str, expected: str) -> None:
    assert about(text, figure) == expected


def test_listed_figures_measure_the_same_thing_in_their_own_place() -> None:
    figures = found("Jobless rates were 12.1% in Germany and 10.4% in Spain.")
    assert [f.about for f in figures] == ["Jobless rates in Germany", "Jobless rates in Spain"]


def test_a_compared_figure_measures_what_it_is_compared_with() -> None:
    figures = found("The UK jobless rate rose to 4.7%, compared with 12.1% in Germany.")
    assert [f.about for f in figures] == ["UK jobless rate", "UK jobless rate in Germany"]


def test_a_compared_figure_with_its_own_group_keeps_it() -> None:
    text = "Only 16% of women earn that much, compared with 30% of men."
    assert about(text, "30%") == "share of men"


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # money "in" a money noun is that money, not its "cost"
        ("Prosecutors want the firms to hand over $280bn in profits.", "over $280bn", "profits"),
        # a sum of money gives the size of an industry or market
        (
            "Critics say a multi-billion pound industry needs no subsidy.",
            "multi-billion pound",
            "size of the industry",
        ),
        # a conversion list in brackets: the noun after the closing bracket
        (
            "Fiat restructured after reaching a $2bn (1.53bn euros; £1.05bn) settlement with GM.",
            "£1.05bn",
            "settlement with GM",
        ),
        (
            "Fiat restructured after reaching a $2bn (1.53bn euros; £1.05bn) settlement with GM.",
            "$2bn",
            "settlement with GM",
        ),
    ],
)
def test_money_measures(text: str, figure: str, expected: str) -> None:
    assert about(text, figure) == expected


def test_a_named_company_is_its_whole_name() -> None:
    # "Time" is parsed as a compound of "Warner": "it" stands for both words
    text = "Time Warner said that it now owns 8% of Google."
    assert about(text, "8%") == "share of Google Time Warner owns"


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        ("Acme raised its dividend to 8.5 cents.", "8.5 cents", 0.085, "USD"),
        ("The bank lifted its dividend to 70 euro cents.", "70 euro cents", 0.7, "EUR"),
        ("Debts of 30 trillion rupiah were frozen.", "30 trillion rupiah", 3e13, "IDR"),
    ],
)
def test_hundredths_and_more_currencies(text: str, figure: str, value: float, unit: str) -> None:
    hit = next(f for f in found(text) if f.text == figure)
    assert hit.value == pytest.approx(value)
    assert hit.unit == unit


def test_a_year_is_no_denominator() -> None:
    # "46 states in 1998" is a count and a date, not 46/1998
    figures = found("The firm settled with 46 states in 1998.")
    assert [(f.text, f.unit) for f in figures] == [("46 states", "state")]
    assert found("The age limit was cut to 18 in 1970 but rules stayed.") == []


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # the object of "predict", "expect", "see" is the subject of the verb after it
        ("Acme is predicting profits to rise 50% next year.", "50%", "rise in profits"),
        # a relative pronoun stands for the noun right before it
        ("Investors bought shares which have advanced 4% this month.", "4%", "rise in shares"),
        # "up N%" after an amount in a currency word: the amount's noun, not the currency
        (
            "Acme made a record profit of 30.6bn yen, up 31.8% on the year.",
            "31.8%",
            "rise in record profit",
        ),
        # "X up just N%": an adverb between "up" and the figure
        (
            "Growth slowed, with private consumption up just 0.2% in the quarter.",
            "0.2%",
            "rise in private consumption",
        ),
        # a verb's object and its level: "kept rates at 4.75%"
        ("The bank kept interest rates on hold at 4.75% this month.", "4.75%", "interest rates"),
        # a change noun right after the figure, past a time word
        (
            "Analysts had been forecasting a 0.1% rise in month on month industrial output.",
            "0.1%",
            "rise in month industrial output",
        ),
        # "equal to" is no end point of a change: a share of its own
        (
            "The storm left damage equal to 6.5% of the economy.",
            "6.5%",
            "share of the economy equal",
        ),
    ],
)
def test_changes_read_off_the_word_order(text: str, figure: str, expected: str) -> None:
    assert about(text, figure) == expected


def test_a_bracketed_conversion_measures_what_its_amount_measures() -> None:
    figures = found("Profits for the year rose 20% to £4.6bn ($8.6bn).")
    assert [f.about for f in figures[1:]] == ["Profits", "Profits"]


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # the first "in" after a change noun is what changed, not where
        (
            "The bank reported a 1% fall in profits in its UK retail division to £1.13bn.",
            "£1.13bn",
            "profits",
        ),
        # an infinitive parsed as a modifier of its noun: "earnings to slide"
        (
            "The recall caused the firm's earnings to slide to $1.1bn, from $1.4bn a year earlier.",
            "$1.4bn",
            "firm's earnings",
        ),
        # a bracketed conversion of another amount is no part of a count's clause
        (
            "Acme runs 29 agencies financed with £4bn ($7.4bn; 5.2bn euros).",
            "29 agencies",
            "number of agencies financed with 4bn Acme runs",
        ),
    ],
)
def test_ends_of_changes_and_asides(text: str, figure: str, expected: str) -> None:
    assert about(text, figure) == expected


@pytest.mark.parametrize(
    ("text", "figure", "value", "expected"),
    [
        # "one in N" before an adjective and its noun, or after an approximation word
        (
            "One in 10 adult Britons owns a tablet.",
            "One in 10",
            0.1,
            "share of adult Britons owns a tablet",
        ),
        (
            "Almost one in five US voters backed the plan.",
            "Almost one in five",
            0.2,
            # what the group does, as for the two others (was "share of US voters", which
            # the old parse gave by leaving "voters" out of the clause)
            "share of US voters backed the plan",
        ),
        ("Three in 10 people said no.", "Three in 10", 0.3, "share of people said no"),
    ],
)
def test_one_in_n_is_a_share_of_the_group_after_it(
    text: str, figure: str, value: float, expected: str
) -> None:
    hit = next(f for f in found(text) if f.text == figure)
    assert hit.value == pytest.approx(value)
    assert (hit.unit, hit.about) == ("fraction", expected)


def test_latin_plurals_count_their_singular() -> None:
    units = [f.unit for f in found("Researchers logged 300 viruses and 12 bonuses.")]
    assert units == ["virus", "bonus"]


def test_one_in_n_of_a_group() -> None:
    text = "Only about one in 50 of those driving at night will need to stop."
    assert about(text, "about one in 50") == "share of those driving at night"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US crude is still 30% more expensive than at the start of 2004.", "rise in US crude"),
        ("Imports were 5% less than a year ago.", "fall in Imports"),
    ],
)
def test_a_percentage_before_a_comparative_is_a_difference(text: str, expected: str) -> None:
    assert [f.about for f in found(text)] == [expected]


def test_down_from_after_a_reporting_clause_is_the_amount_before_it() -> None:
    text = (
        "The unemployment rate declined to 4.8% in September, the bureau said on Friday,"
        " down from 5.2% in August."
    )
    assert about(text, "5.2%") == "unemployment rate in August"


def test_only_verbs_of_wanting_and_expecting_pass_their_object_on() -> None:
    # "wants Acme to make …": Acme makes it; "has the means to make …": the subject does
    text = "The regulator wants Acme to make an annual investment of £40m in its pipes."
    assert about(text, "£40m") == "Acme annual investment"


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # a name after its common noun, whether or not the parse splits them
        (
            "Acme has agreed to buy software company Zedco for $50m (£40m) in cash.",
            "£40m",
            "price of Zedco",
        ),
        # a time after the verb says when, not what
        (
            "An extra two million homes could be built by 2030, the minister said.",
            "two million homes",
            "number of extra homes built",
        ),
        # a name right after the amount, however attached
        (
            "The $299 Zephyr, sold for £250 in Britain, was praised by critics.",
            "$299",
            "price of the Zephyr",
        ),
    ],
)
def test_names_and_times_around_the_amount(text: str, figure: str, expected: str) -> None:
    assert about(text, figure) == expected


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # a sum taken is named by its noun even when the lemma is off; a pronoun that a
        # clause makes a group is who the sum is for
        (
            "Those who do not pay may be fined up to £500.",
            "up to £500",
            "fine for those who do not pay",
        ),
        ("Anyone caught speeding will be fined £100.", "£100", "fine for anyone caught speeding"),
        # a sum paid to do something keeps the "to"
        ("Chelsea paid £24m to sign the striker.", "£24m", "Chelsea payment to sign the striker"),
    ],
)
def test_sums_taken_and_paid(text: str, figure: str, expected: str) -> None:
    assert about(text, figure) == expected


def test_a_relative_after_a_comma_is_on_the_noun_before_it() -> None:
    text = (
        "The firm could not estimate the sum it needed to put aside for legal costs, "
        "which it previously set at $20m."
    )
    assert about(text, "$20m") == "legal costs set"


def test_a_relative_whose_thing_was_sold_for_the_amount_gives_its_price() -> None:
    text = "Acme kept only the printing business, which it sold for $80m in 2004."
    assert about(text, "$80m") == "price of printing business"


def test_a_share_due_to_something_keeps_what_it_is_due_to() -> None:
    text = "He said one job in four will be due to tourism."
    assert about(text, "one job in four") == "share of jobs due to tourism"


def test_a_second_conjunct_has_its_own_subject_and_complement() -> None:
    text = (
        '"There are many good teams and on any day the gap between one team and another '
        'is only about 2%."'
    )
    assert about(text, "about 2%") == "gap between one team and another"


def test_a_count_per_period_says_its_period() -> None:
    text = "More than 500 parcels are being sent abroad every hour."
    assert about(text, "More than 500 parcels") == "number of parcels sent every hour"


def test_a_noun_before_of_and_the_figure_is_what_it_measures_however_parsed() -> None:
    assert about("This equated to a yearly return of 6% Zedco said.", "6%") == "yearly return"


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # a noun the counted things are in is no part of what is counted
        (
            "There were no injuries in the three crashes, both of which happened at night.",
            "three crashes",
            "number of crashes",
        ),
        # "in front of", "on behalf of": a preposition, not a noun
        ("The band played in front of 40,000 fans.", "40,000 fans", "number of fans"),
        # the agent of a passive does what the verb says to its subject
        (
            "The march was attended by more than 5,000 people.",
            "more than 5,000 people",
            "number of people attending march",
        ),
    ],
)
def test_counts_in_prepositional_phrases(text: str, figure: str, expected: str) -> None:
    assert about(text, figure) == expected


def test_an_elided_count_measures_what_the_count_before_it_measures() -> None:
    text = "The scheme could create an extra two million jobs by 2010 and two million thereafter."
    figures = found(text)
    assert [f.about for f in figures] == ["number of extra jobs scheme create"] * 2


def test_a_price_for_a_counted_thing_keeps_the_count() -> None:
    text = (
        "The new player comes in two models, one with 20gb of memory for $299 and "
        "another with 40gb of memory for $399."
    )
    assert about(text, "$299") == "price of 20gb of memory"
    assert about(text, "$399") == "price of 40gb of memory"
    # a quantity told apart from the other by its price
    assert about(text, "20gb") == "amount of memory for $299"
    assert about("Acme sold 300 shares for $5,000.", "$5,000") == "price of 300 shares"


def test_worth_with_the_subject_hung_on_the_amount() -> None:
    assert about("The deal is worth $2.5bn, including debt.", "$2.5bn") == "value of deal"


def test_a_fraction_before_a_determiner_is_a_share_of_that_group() -> None:
    text = "Nearly half the staff work part-time."
    assert about(text, "Nearly half") == "share of the staff work part-time"


def test_an_expected_figure_is_not_the_expecting_subject_s() -> None:
    text = "The bank expects growth of 2.5% this year."
    assert about(text, "2.5%") == "growth bank expects"


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # the object of an infinitive: who wants, needs or plans to do it
        (
            "The party needs to win 60 seats to form a government.",
            "60 seats",
            "number of seats party needs to win",
        ),
        # "an average of", "a total of": the clause is on the amount noun
        (
            "The programme was watched by an average of 9 million people.",
            "9 million people",
            "number of people watching programme",
        ),
        # "100 or more employees": the bound is no modifier of the noun
        (
            "The rule applies to firms with 100 or more employees.",
            "100 or more employees",
            "number of employees",
        ),
        # the object of a participle with no subject of its own: what the action befalls
        (
            "The storm hit the coast on Monday, killing 30 people.",
            "30 people",
            "number of people killed",
        ),
        (
            "The rule applies to a mandate covering 80 million workers.",
            "80 million workers",
            "number of workers covered",
        ),
        ("The firm saved money by cutting 300 jobs.", "300 jobs", "number of jobs cut"),
    ],
)
def test_counts_as_objects_of_infinitives_and_participles(
    text: str, figure: str, expected: str
) -> None:
    assert about(text, figure) == expected


def test_up_before_a_percentage_with_the_subject_hung_on_up() -> None:
    assert about("Profits at the bank were up 20% at £3bn.", "20%") == "rise in Profits at the bank"


def test_a_name_on_a_share_after_another_share() -> None:
    text = "The Tories are on 33%, with Labour on 36% and the Lib Dems on 22%."
    assert about(text, "36%") == "Labour"


def test_a_compared_figure_in_its_own_place_drops_the_other_place() -> None:
    text = "The jobless rate in Germany is 12%, compared with 9% in France."
    assert about(text, "9%") == "jobless rate in France"


def test_a_sum_set_aside_for_a_purpose_by_the_one_who_said_so() -> None:
    text = "The company said it had set aside £200m to cover the cost of the restructuring."
    assert about(text, "£200m") == "company set aside to cover the cost"


def test_came_in_at_states_a_level() -> None:
    text = "Pre-tax profits for the year came in at £450m, beating forecasts."
    assert about(text, "£450m") == "Pre-tax profits"


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # "by an average of 5%": the change, as if "by 5%"
        (
            "Council tax bills will rise by an average of 5% in April.",
            "5%",
            "rise in Council tax bills",
        ),
        # the infinitive a count is the subject of keeps its "to"
        (
            "Around 500,000 people are expected to attend the rally.",
            "Around 500,000 people",
            "number of people expected to attend the rally",
        ),
        # a place after the verb of "plans to …"
        (
            "The minister announced plans to create 5,000 new jobs in the region.",
            "5,000 new jobs",
            "number of new jobs plans to create in region",
        ),
        # a clause is not cut inside a noun phrase
        (
            "The report said 40% of pupils left school without five good GCSEs.",
            "40%",
            "share of pupils left school without five good GCSEs",
        ),
    ],
)
def test_averages_infinitives_and_whole_phrases(text: str, figure: str, expected: str) -> None:
    assert about(text, figure) == expected


def test_a_bare_noun_keeps_the_complement_right_after_it() -> None:
    text = "Support for the euro has fallen to 25% among British voters."
    assert about(text, "25%") == "Support for the euro"


def test_a_level_stated_as_an_average_is_the_level_of_what_changed() -> None:
    text = "Gas prices have risen to an average of $3.40 a gallon."
    assert about(text, "$3.40 a gallon") == "Gas prices"


def test_a_place_outside_something_reads_after_the_verb() -> None:
    text = "Police arrested more than 300 protesters outside the Capitol."
    expected = "number of protesters Police arrested outside Capitol"
    assert about(text, "more than 300 protesters") == expected


def test_closed_at_states_a_level() -> None:
    text = "The shares, which were priced at 250p, closed at 275p on their first day."
    assert about(text, "275p") == "share price"


def test_an_opening_it_is_the_last_sentence_s_named_subject() -> None:
    # not the nearer company named inside that sentence; a sum offered is not yet paid
    text = (
        "Acme Corp is to cut costs after a probe into Zenith Inc by regulators. "
        "It has offered to pay $40m to end the dispute."
    )
    assert about(text, "$40m") == "Acme Corp payment offered to end the dispute"


def test_a_relative_after_a_place_is_on_the_noun_the_place_locates() -> None:
    text = "Protesters held a rally in the town that was attended by more than 2,000 people."
    assert about(text, "more than 2,000 people") == "number of people attending rally"
    text = "Police closed a road in Leeds which was used by 9,000 drivers a day."
    assert about(text, "9,000 drivers") == "number of drivers using road in Leeds"


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # the verb after the counted subject with its complement, not cut before it,
        # without the subject's own possessive and a coordinated object, and a scale
        # word split off the number
        (
            "Officials believe that about 3m homes heat their water and food with cheap gas "
            "boilers.",
            "about 3m homes",
            "number of homes heat water with cheap gas boilers",
        ),
    ],
)
def test_a_counted_subject_does_what_its_verb_says(text: str, figure: str, expected: str) -> None:
    assert about(text, figure) == expected


def test_a_number_word_opening_a_name_is_the_name_s_and_a_whole_has_no_clause() -> None:
    text = "Wales have won four of the last 12 Five Nations titles."
    assert about(text, "12 Five Nations titles") == "number of recent Five Nations titles"
    # the whole the seven are taken of: "won" is said of the seven, not of the 12
    text = (
        "Spain and Italy, who have won seven of the last 12 Five Nations titles between "
        "them, are favourites."
    )
    expected = "number of recent Five Nations titles between them"
    assert about(text, "12 Five Nations titles") == expected


def test_holders_of_a_share_or_more_of_something() -> None:
    text = "Owners of 10% or more of the company's stock must report their trades."
    assert about(text, "10%") == "share of the company's stock owned"


def test_a_group_of_counted_things_holds_them() -> None:
    assert about("A panel of nine judges will hear the appeal.", "nine judges") == (
        "number of judges in the panel"
    )
    # a group said to consist of them
    text = "The new board will consist of seven directors."
    assert about(text, "seven directors") == "number of directors in the new board"


def test_an_infinitive_on_a_noun_keeps_the_noun_however_parsed() -> None:
    text = "Proposals to close 40 libraries were dropped by the council."
    assert about(text, "40 libraries") == "number of libraries Proposals to close"
    # a finite verb the parse hangs on a noun has that noun as subject, no "to"
    text = "As a check made on Friday produced only 900 matches for the phrase, the alert ended."
    assert about(text, "900 matches") == "number of matches for phrase check produced"


def test_a_day_parsed_as_the_subject_gives_way_to_the_name_before_it() -> None:
    text = "The Senate Tuesday passed three new bills on farm subsidies."
    expected = "number of new bills Senate passed on farm subsidies"
    assert about(text, "three new bills") == expected


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # a goal of the subject's own: who needs it done
        (
            "The club hopes to sign 12 players this summer.",
            "12 players",
            "number of players club hopes to sign",
        ),
        # no goal: a refusal says nothing about what the count is
        (
            "The ministry refused to release the 40 detainees held in the camp.",
            "40 detainees",
            "number of detainees held in the camp",
        ),
    ],
)
def test_only_a_goal_verb_makes_its_subject_part_of_what_an_infinitive_object_counts(
    text: str, figure: str, expected: str
) -> None:
    assert about(text, figure) == expected
