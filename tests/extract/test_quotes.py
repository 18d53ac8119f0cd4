from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from spacy.tokens import Doc

from storyline.extract.entities import group_entities
from storyline.extract.quotes import (
    Quote,
    Speaker,
    _cue_speakers,
    _Extractor,
    _inside_reports,
    _nearer_report,
    _reported_in,
    _title,
    extract_quotes,
)
from storyline.extract.quotes_cues import quote_spans
from storyline.extract.quotes_flow import _lead_in, in_paragraph, to_sentence_end
from storyline.extract.quotes_grammar import (
    _aside,
    _before_aside,
    _left_subject,
    _naming,
    _reports,
    _speaker_after,
    _subject,
)
from storyline.nlp.pipeline import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_nlp()


def quotes(nlp: Any, text: str) -> tuple[Quote, ...]:
    doc = nlp(text)
    found = extract_quotes(doc, group_entities(doc))
    for q in found:
        assert text[q.start : q.end] == q.text
        if q.cue_start is not None and q.cue_end is not None:
            assert text[q.cue_start : q.cue_end] == q.cue
    return found


def test_split_quote_gives_two_parts_with_one_speaker_and_an_apposition(nlp: Any) -> None:
    text = (
        "“We will not yield,” said Hugo Varga, a former Treasury negotiator. “The talks are over.”"
    )
    first, second = quotes(nlp, text)
    assert (first.text, second.text) == ("We will not yield,", "The talks are over.")
    assert first.kind == second.kind == "direct"
    assert first.speaker == second.speaker
    assert first.speaker is not None and first.speaker.name == "Hugo Varga"
    assert first.speaker.description == "a former Treasury negotiator"
    assert first.cue == "said"


def test_multi_paragraph_quote_and_description_from_an_earlier_apposition(nlp: Any) -> None:
    text = (
        "Hugo Varga, a former Treasury negotiator on the debt accord, said the talks had failed.\n"
        "“We tried everything. The other side did not move.\n"
        "“Now we wait for the court,” he said."
    )
    found = quotes(nlp, text)
    indirect = [q for q in found if q.kind == "indirect"]
    (direct,) = [q for q in found if q.kind == "direct"]
    assert direct.text.startswith("We tried everything.") and direct.text.endswith("court,")
    assert direct.speaker is not None and direct.speaker.name == "Hugo Varga"
    assert direct.speaker.description == "a former Treasury negotiator on the debt accord"
    assert indirect[0].text == "the talks had failed"


def test_he_said_after_another_name_goes_to_the_quoted_person(nlp: Any) -> None:
    text = (
        "“We are done,” Angela Merkel said. She met Jean-Claude Juncker on Monday. "
        "“It is finished,” she said."
    )
    first, second = quotes(nlp, text)
    assert first.speaker is not None and second.speaker is not None
    assert first.speaker.name == second.speaker.name == "Angela Merkel"
    assert second.speaker.entity_id == first.speaker.entity_id


def test_unnamed_sources_are_kept_as_written(nlp: Any) -> None:
    text = "A European diplomat said the plan was dead. Analysts warned that prices would rise."
    first, second = quotes(nlp, text)
    assert first.kind == "indirect" and first.text == "the plan was dead"
    assert first.speaker is not None and first.speaker.name == "A European diplomat"
    assert first.speaker.entity_id is None
    assert second.speaker is not None and second.speaker.name == "Analysts"
    assert second.cue == "warned"


def test_according_to_and_told_reporters(nlp: Any) -> None:
    text = (
        "The tax cut will cost billions, according to the treasury. "
        "Foreign Secretary Jane Smith told reporters that the EU would wait."
    )
    found = quotes(nlp, text)
    assert [q.kind for q in found] == ["indirect", "indirect"]
    assert found[0].text.startswith("The tax cut will cost billions")
    assert found[0].speaker is not None and found[0].speaker.name == "the treasury"
    assert found[1].text == "that the EU would wait"
    assert found[1].speaker is not None and found[1].speaker.name == "Jane Smith"
    assert found[1].speaker.description == "Foreign Secretary"


def test_partial_quotes_are_attributed_only_when_someone_said_them(nlp: Any) -> None:
    text = (
        "Smith said the talks would tackle “the harder questions first.” "
        "Protesters outside held signs reading “Lock her up.” "
        "The so-called “war on drugs” continued."
    )
    partial = [q for q in quotes(nlp, text) if q.kind == "partial"]
    by_text = {q.text: q for q in partial}
    said = by_text["the harder questions first."]
    assert said.speaker is not None and said.speaker.name == "Smith" and said.cue == "said"
    assert by_text["war on drugs"].speaker is None
    assert by_text["Lock her up."].speaker is None


def test_straight_quotes_and_surname_only_speakers(nlp: Any) -> None:
    text = 'Jane Smith arrived late. "We need more time," Smith said.'
    (q,) = quotes(nlp, text)
    assert q.kind == "direct" and q.text == "We need more time,"
    assert q.speaker is not None and q.speaker.name == "Jane Smith"


def test_two_people_sharing_a_surname_are_not_confused(nlp: Any) -> None:
    text = (
        "Hillary Clinton spoke in Ohio. Bill Clinton spoke in Iowa. "
        "“It was a long day,” Bill Clinton said."
    )
    (q,) = quotes(nlp, text)
    doc_entities = group_entities(nlp(text))
    hillary = next(e for e in doc_entities if e.name == "Hillary Clinton")
    assert q.speaker is not None and q.speaker.name == "Bill Clinton"
    assert q.speaker.entity_id != hillary.id


def test_newswire_apostrophe_marks_and_mixed_marks(nlp: Any) -> None:
    text = "''We won,'' Mr. Smith said. “Our roads are crumbling,\" Ms. Jones said."
    first, second = quotes(nlp, text)
    assert (first.text, second.text) == ("We won,", "Our roads are crumbling,")
    assert first.speaker is not None and first.speaker.name == "Smith"
    assert second.speaker is not None and second.speaker.name == "Jones"


def test_parenthetical_attribution_and_reported_objects(nlp: Any) -> None:
    text = (
        "The senator, Rubio said, had been in office for years. "
        "On Monday, Ted Cruz accused the governor of lying about the deal."
    )
    first, second = quotes(nlp, text)
    assert first.text.startswith("The senator") and first.cue == "said"
    assert first.speaker is not None and first.speaker.name == "Rubio"
    assert second.text == "the governor of lying about the deal" and second.cue == "accused"
    assert second.speaker is not None and second.speaker.name == "Ted Cruz"


def test_reported_clause_the_parser_hangs_on_the_verb(nlp: Any) -> None:
    text = (
        "Adelson said on Friday much of his discussion with Trump was about Israel. "
        "Clinton says many doubted her in Nevada but that she never doubted her supporters."
    )
    first, second = quotes(nlp, text)
    assert "much of his discussion" in first.text and first.text.endswith("was about Israel")
    assert first.speaker is not None and first.speaker.name == "Adelson"
    assert second.text.startswith("many doubted her") and second.text.endswith("supporters")


def test_clause_before_an_unnamed_source_at_the_end(nlp: Any) -> None:
    text = (
        "A request to interview her would have to be reviewed by officials at the FBI, "
        "a former official said."
    )
    (q,) = quotes(nlp, text)
    assert q.text.startswith("A request to interview her") and q.text.endswith("the FBI")
    assert q.speaker is not None and q.speaker.name == "a former official"


def test_attribution_read_off_the_words_when_the_parse_fails(nlp: Any) -> None:
    text = (
        "“We won,” Trump tweeted Wednesday morning.\n"
        "Issa said, “Well, this is where her judgment is in question.”"
    )
    first, second = quotes(nlp, text)
    assert first.cue == "tweeted" and first.speaker is not None
    assert first.speaker.name == "Trump"
    assert second.cue == "said" and second.speaker is not None
    assert second.speaker.name == "Issa"


def test_quote_opening_the_next_paragraph_continues_the_attribution(nlp: Any) -> None:
    text = (
        "“This is a rallying point,” said Penny Nance, president of Concerned Women for America.\n"
        "“It brings the issue into focus.”"
    )
    first, second = quotes(nlp, text)
    assert second.text == "It brings the issue into focus."
    assert second.speaker == first.speaker and second.cue_start == first.cue_start


def test_a_cue_in_another_paragraph_does_not_claim_a_quote(nlp: Any) -> None:
    text = (
        "“We are saddened,” said Matthew Soerens, a spokesman. "
        "“But we do not think the response should be to close our doors.”\n\n"
        "Soerens argued that:\n\nl Only 2,200 Syrians have been admitted in the past four years."
    )
    direct = [q for q in quotes(nlp, text) if q.kind == "direct"]
    assert [q.cue for q in direct] == ["said", "said"]


def test_according_to_names_the_source_without_the_cue(nlp: Any) -> None:
    text = (
        "The firm collected a relatively piddling $36,000 in fees from GOP campaigns, "
        "according to Federal Election Commission filings."
    )
    (q,) = quotes(nlp, text)
    assert q.speaker is not None
    assert q.speaker.name == "Federal Election Commission filings"
    assert text[q.speaker.start : q.speaker.end] == q.speaker.name
    assert q.text.startswith("The firm collected a relatively piddling")


def test_accused_x_of_when_the_parser_takes_the_verb_for_a_modifier(nlp: Any) -> None:
    (q,) = quotes(nlp, "Trump accused Clinton of lying about her emails.")
    assert q.text == "Clinton of lying about her emails" and q.cue == "accused"
    assert q.speaker is not None and q.speaker.name == "Trump"


def test_other_senses_of_speech_verbs_and_datelines_are_not_quotes(nlp: Any) -> None:
    text = (
        "The candidate will continue to do so. Barden now leads a program called Sandy. "
        "WASHINGTON (AP) — Officials said the plan was dead."
    )
    (q,) = quotes(nlp, text)
    assert q.text == "the plan was dead"
    assert q.speaker is not None and q.speaker.name == "Officials"


def test_cue_forms_the_tagger_and_lemmatizer_miss(nlp: Any) -> None:
    text = (
        "“If you guys ask one more question, I may have to leave the stage,” Cruz quipped.\n"
        "He yelled at them.\n\n"
        "Trump defended the incident,\u00a0calling the protester “a very obnoxious guy.”"
    )
    found = quotes(nlp, text)
    quip = found[0]
    assert quip.cue == "quipped" and quip.speaker is not None and quip.speaker.name == "Cruz"
    calling = [q for q in found if q.cue == "calling"]
    assert calling and all(q.speaker is not None and q.speaker.name == "Trump" for q in calling)


def test_a_quote_left_open_runs_to_the_end_of_its_paragraph(nlp: Any) -> None:
    text = (
        "Issa said, “Well, this is where her judgment is in question.\n"
        "Maria, let us go back to the start."
    )
    (q,) = quotes(nlp, text)
    assert q.kind == "direct" and q.text == "Well, this is where her judgment is in question."
    assert q.speaker is not None and q.speaker.name == "Issa"


def test_those_who_said_is_an_unnamed_group(nlp: Any) -> None:
    (q,) = quotes(nlp, "Among those who said they cared most about honesty, most backed Sanders.")
    assert q.text == "they cared most about honesty"
    assert q.speaker is not None and q.speaker.name == "those" and q.speaker.entity_id is None


def test_name_before_a_bracketed_party_label_speaks(nlp: Any) -> None:
    (q,) = quotes(nlp, "Sen. John Kasich (R-OH) said the party must unite.")
    assert q.speaker is not None and q.speaker.name == "John Kasich"
    assert q.text == "the party must unite"


def test_of_two_subjects_the_one_beside_the_cue_speaks(nlp: Any) -> None:
    (q,) = quotes(nlp, "“It’s straight from the heart,” he said.")
    assert q.speaker is not None and q.speaker.name == "he"


def test_reported_clause_runs_past_a_sentence_split_at_a_closing_mark(nlp: Any) -> None:
    text = "Ted Cruz says his “friend and colleague” Marco Rubio ran “an optimistic campaign.”"
    found = quotes(nlp, text)
    cruz = [q for q in found if q.kind == "indirect"]
    assert [q.text for q in cruz] == [text[14:-2]]  # from "his" to "campaign"


def test_when_and_where_it_was_said_is_not_what_was_said(nlp: Any) -> None:
    assert quotes(nlp, "Jeff Sessions said as he launched the process.") == ()
    assert quotes(nlp, "Cruz said on Glenn Beck’s radio program on Monday.") == ()


def test_a_partial_quote_brings_the_clause_its_cue_reports(nlp: Any) -> None:
    found = quotes(nlp, "On Twitter, Jeb Bush called Trump “unhinged.”")
    assert [q.text for q in found if q.kind == "indirect"] == ["Trump “unhinged"]
    text = "Patrick says “regardless of what the pundits say, it’s a two-man race” between them."
    found = quotes(nlp, text)
    patrick = [q for q in found if q.kind == "indirect" and q.cue == "says"]
    assert [q.text for q in patrick] == [text[14:-1]]  # from “regardless” to “them”


def test_words_outside_the_marks_in_the_quoted_sentence_are_reported_too(nlp: Any) -> None:
    found = quotes(nlp, "No name change, he said, “hides what it really is.”")
    assert [(q.kind, q.text, q.cue) for q in found] == [
        ("indirect", "No name change", "said"),
        ("direct", "hides what it really is.", "said"),
    ]


def test_speech_nouns_with_their_source(nlp: Any) -> None:
    text = "Donald Trump spoke in Ohio. Trump renewed his call for a ban on Muslims entering."
    (q,) = quotes(nlp, text)
    assert (q.cue, q.text) == ("call", "a ban on Muslims entering")
    assert q.speaker is not None and q.speaker.name == "Donald Trump"
    assert quotes(nlp, "Biden rejected the call for unity.") == ()


def test_title_case_headline_with_a_speaker(nlp: Any) -> None:
    text = "Chris Christie Says He Would Issue A Quarantine Over Zika Virus\nHe spoke on Monday."
    (q,) = quotes(nlp, text)
    assert (q.cue, q.text) == ("Says", "He Would Issue A Quarantine Over Zika Virus")
    assert q.speaker is not None and q.speaker.name == "Chris Christie"
    assert quotes(nlp, "Says Immigration Reform Was A Sign Of Leadership\nRubio spoke.") == ()


def by_cue(found: tuple[Quote, ...], cue: str) -> list[Quote]:
    return [q for q in found if q.cue == cue]


def test_a_name_the_tagger_takes_for_a_pronoun_still_speaks(nlp: Any) -> None:
    text = (
        "“Last night you said the mayor was the founder of the scheme. I know what you meant,” "
        "Hewitt said. “You meant that he created the mess.”"
    )
    first, second = (q for q in quotes(nlp, text) if q.kind == "direct")
    assert first.speaker is not None and first.speaker.name == "Hewitt"
    assert second.speaker == first.speaker and second.cue == "said"


def test_cue_split_from_its_quote_by_the_sentence_splitter(nlp: Any) -> None:
    text = (
        "James B. Miller, a former federal prosecutor who now teaches at the law school of "
        "Georgetown University, said, ''If he used it in Russia or China, they almost certainly "
        "read it.''"
    )
    found = quotes(nlp, text)
    (q,) = [q for q in found if q.kind == "direct"]
    assert q.speaker is not None and q.speaker.name == "James B. Miller"
    # the speaker and her apposition are not a clause she reported
    assert not any(q.text.startswith("James") for q in found)


def test_a_participle_cue_claims_the_quote_after_it(nlp: Any) -> None:
    text = (
        "“We have had a city drinking lead-contaminated water,” she said, adding, "
        "“I’ll tell you what — there would’ve been action.”"
    )
    found = quotes(nlp, text)
    later = [q for q in found if q.text.startswith("I’ll tell you what")]
    assert later and all(q.cue == "adding" for q in later)
    assert later[0].speaker is not None and later[0].speaker.name == "she"


def test_a_coordinated_speech_verb_starts_a_report_of_its_own(nlp: Any) -> None:
    text = (
        "On Thursday, Ryan said he was not ready to support the plan, and suggested that the "
        "party needs to take the first steps to show it will unify."
    )
    found = quotes(nlp, text)
    (said,) = by_cue(found, "said")
    assert said.text == "he was not ready to support the plan"
    (suggested,) = by_cue(found, "suggested")
    assert suggested.text.startswith("that the party needs")
    assert suggested.speaker is not None and suggested.speaker.name == "Ryan"


def test_adding_after_the_listeners_is_its_own_report(nlp: Any) -> None:
    text = (
        "''I wish him well - he's a nice person, he fought really hard,'' Mr. Trump told the "
        "MSNBC hosts of ''Morning Joe,'' adding that his son Eric is friendly with one of "
        "Mr. Bush's sons."
    )
    found = quotes(nlp, text)
    (added,) = [q for q in found if q.text.startswith("that his son Eric")]
    assert added.cue == "adding"
    assert added.speaker is not None and added.speaker.name == "Trump"


def test_a_time_before_the_reported_clause_is_left_out(nlp: Any) -> None:
    text = (
        'Smith said last week that the mayor represents "old city values," stating during '
        'the debate that they are "out of date."'
    )
    (said,) = [q for q in by_cue(quotes(nlp, text), "said") if q.kind == "indirect"]
    assert said.text.startswith("that the mayor represents")
    assert "stating" not in said.text  # a speech verb of its own ends the report


def test_quotes_in_the_next_paragraph_keep_their_own_cue(nlp: Any) -> None:
    text = (
        '"This has taken us aback," said Linda Hudson, the mayor of Fort Pierce. '
        '"This could be Anywhere U.S.A."\n\n'
        '"This is little Fort Pierce!" said Donna Lages, a waitress at the diner.'
    )
    first, second, third = quotes(nlp, text)
    assert first.speaker is not None and first.speaker.name == "Linda Hudson"
    assert second.speaker == first.speaker
    assert third.kind == "direct"
    assert third.speaker is not None and third.speaker.name == "Donna Lages"


def test_a_quote_right_after_a_report_goes_on_from_it(nlp: Any) -> None:
    text = (
        "Bolton said he would be willing to bring his expertise to the administration if asked. "
        "“I’m going to support him, and support him enthusiastically.”"
    )
    (direct,) = [q for q in quotes(nlp, text) if q.kind == "direct"]
    assert direct.cue == "said"
    assert direct.speaker is not None and direct.speaker.name == "Bolton"


def test_words_before_an_attribution_opening_a_partial_quote_are_not_reported(
    nlp: Any,
) -> None:
    text = (
        "In Raleigh on Wednesday, she also promised to reject ''bad trade deals and unfair "
        "trade practices.''"
    )
    found = quotes(nlp, text)
    assert found and not any(q.text.startswith("In Raleigh") for q in found)


def test_poll_shares_and_groups_say_things(nlp: Any) -> None:
    (share,) = quotes(nlp, "About 4 in 10 say they want the next president to be more liberal.")
    assert share.speaker is not None and share.speaker.name == "About 4 in 10"
    assert share.text == "they want the next president to be more liberal"
    (group,) = quotes(nlp, "Those surveyed said the mayor was best able to handle the issue.")
    assert group.speaker is not None and group.speaker.name == "Those surveyed"
    text = (
        "Executives for Mondelez, which generated more than $30 billion in revenue last year, "
        "say the company will save $46 million annually."
    )
    (firm,) = quotes(nlp, text)
    assert firm.speaker is not None and firm.speaker.name == "Executives for Mondelez"


def test_a_second_speaker_in_the_clause_ends_the_report(nlp: Any) -> None:
    text = "Cook said the secretary stopped the practice, but Cook did not say when."
    (said,) = by_cue(quotes(nlp, text), "said")
    assert said.text == "the secretary stopped the practice"
    text = (
        "A full 79 percent of Democrats say they would be satisfied with Clinton as the "
        "nominee, while only 49 percent of Republicans say the same of Trump."
    )
    first = quotes(nlp, text)[0]
    assert first.text == "they would be satisfied with Clinton as the nominee"


def test_speaker_after_the_cue_when_the_parse_lost_it(nlp: Any) -> None:
    text = (
        "His endorsement could matter more for the purposes of identity politics than for his "
        "clout in Boston, said Democratic strategist Hank Sheinkopf."
    )
    (q,) = quotes(nlp, text)
    assert q.speaker is not None and q.speaker.name == "Hank Sheinkopf"
    assert q.text.startswith("His endorsement could matter more")


def test_according_to_a_transcript_of_a_quote_is_not_a_report_of_its_own(nlp: Any) -> None:
    text = "“He hates them. He is trying to beat them,” Hewitt said, according to a transcript."
    found = quotes(nlp, text)
    assert [q.text for q in found] == ["He hates them. He is trying to beat them,"]
    text = "Six in 10 say he is at least somewhat decisive, after half said so in the earlier poll."
    assert not any(q.cue == "said" and q.text.startswith("Six") for q in quotes(nlp, text))


def test_a_sentence_quoted_after_a_comma_is_direct(nlp: Any) -> None:
    text = (
        "Weaver seemed unimpressed with the senator's comments on Tuesday, telling reporters, "
        "“A lot of people said the governor should step down.”"
    )
    found = quotes(nlp, text)
    assert any(q.kind == "direct" and q.text.startswith("A lot of people") for q in found)


def test_a_participle_naming_a_thing_does_not_claim_a_quote(nlp: Any) -> None:
    text = '"Sons of Trump" is an adaptation of a show called "Brokers," written by a troupe.'
    assert all(q.speaker is None for q in quotes(nlp, text))


def test_a_scene_before_the_speaker_is_not_reported_with_a_later_quote(nlp: Any) -> None:
    text = (
        "In an AP interview Monday, Sanders said the process of crafting the platform could be "
        "“messy,” adding, “Democracy is messy.”"
    )
    found = quotes(nlp, text)
    assert not any(q.text.startswith("In an AP interview") for q in found)


def test_a_quote_after_the_attribution_of_a_partial_quote_goes_on_from_it(nlp: Any) -> None:
    text = (
        "Trump and his team are “rapidly learning the general election is a much bigger "
        "system,” Gingrich said. “The general election is like a gigantic football team.”"
    )
    (last,) = [q for q in quotes(nlp, text) if q.text.startswith("The general election")]
    assert last.cue == "said"
    assert last.speaker is not None and last.speaker.name == "Gingrich"


def test_the_next_paragraph_does_not_name_the_speaker_of_a_quote(nlp: Any) -> None:
    text = (
        '"For every person you vote for, you leave open the chance to reevaluate," Ayotte said. '
        '"How could I not say that?"\n\nThe Republican incumbent said her position is genuine.'
    )
    found = quotes(nlp, text)
    (second,) = [q for q in found if q.text == "How could I not say that?"]
    assert second.speaker is not None and second.speaker.name == "Ayotte"


def test_a_relative_pronoun_names_the_speaker_before_its_comma(nlp: Any) -> None:
    text = (
        "CNN President Jeff Zucker isn’t kowtowing to Republican presidential candidate Donald "
        "Trump, who has threatened not to show up to the next debate unless he is paid $5 million."
    )
    (q,) = quotes(nlp, text)
    assert q.cue == "threatened" and q.speaker is not None
    assert q.speaker.name == "Donald Trump"
    # the speaker is mentioned here by "who", as a pronoun speaker is by "he"
    assert text[q.speaker.start : q.speaker.end] == "who"


def test_a_subject_the_parser_found_inside_the_quote_does_not_hide_the_cue(nlp: Any) -> None:
    text = (
        '"It reminds us of this - how important this election is," Sen. Marco Rubio (R-Fla.) '
        "said Saturday night  at the GOP presidential debate, which was sponsored by CBS News."
    )
    found = quotes(nlp, text)
    assert [q.text for q in found] == ["It reminds us of this - how important this election is,"]
    assert found[0].speaker is not None and found[0].speaker.name == "Marco Rubio"


def test_words_before_an_attribution_in_commas_are_reported(nlp: Any) -> None:
    (q,) = quotes(nlp, "A new campaign manager, he said, could set a new tone for the campaign.")
    assert q.text == "A new campaign manager, he said, could set a new tone for the campaign"
    assert q.cue == "said" and q.speaker is not None and q.speaker.name == "he"


def test_called_on_someone_to_act_reports_who_and_what(nlp: Any) -> None:
    (q,) = quotes(nlp, "Clinton called on Sanders and Donald Trump to do the same.")
    assert q.text == "Sanders and Donald Trump to do the same"
    assert q.speaker is not None and q.speaker.name == "Clinton"


def test_a_clause_saying_when_it_was_said_is_not_reported(nlp: Any) -> None:
    text = (
        "“Where I sit right now, I think it would make things worse, not better,” Clinton said, "
        "while arguing the U.S. should increase its special operations forces against ISIL."
    )
    assert [q.text for q in quotes(nlp, text)] == [
        "Where I sit right now, I think it would make things worse, not better,"
    ]


def test_a_speech_noun_reports_a_that_clause_the_parser_hung_on_the_verb(nlp: Any) -> None:
    text = "Republicans shunned his suggestion that a federal judge can't be fair."
    (q,) = quotes(nlp, text)
    assert q.cue == "suggestion" and q.kind == "indirect"
    assert q.text == "that a federal judge can't be fair"
    assert q.speaker is not None and q.speaker.name == "his"


def test_a_speech_noun_delivered_by_a_subject_takes_it_as_speaker(nlp: Any) -> None:
    text = (
        "Democratic leaders are putting out a warning that any future leaks might contain "
        "fake information."
    )
    (q,) = quotes(nlp, text)
    assert q.cue == "warning"
    assert q.text == "that any future leaks might contain fake information"
    assert q.speaker is not None and q.speaker.name == "Democratic leaders"


def test_a_speech_noun_keeps_the_to_of_its_clause(nlp: Any) -> None:
    (q,) = quotes(nlp, "Clinton's proposal to make firms stay or pay is good policy.")
    assert q.cue == "proposal" and q.text == "to make firms stay or pay"
    assert q.speaker is not None and q.speaker.name == "Clinton"


def test_a_speech_noun_with_only_a_topic_reports_nothing(nlp: Any) -> None:
    assert not quotes(nlp, "Netanyahu rejects Trump's remarks about Muslims but will meet him.")


def test_say_with_nothing_hung_on_it_reports_the_rest_of_its_sentence(nlp: Any) -> None:
    text = (
        "Trump's adult children have emerged as his closest advisers, and aides say the open "
        "affection they express toward their father gives voters a more flattering view of him."
    )
    (q,) = quotes(nlp, text)
    assert q.cue == "say" and q.speaker is not None and q.speaker.name.endswith("aides")
    assert q.text == (
        "the open affection they express toward their father gives voters a more flattering "
        "view of him"
    )


def test_a_speaker_the_parser_hung_on_an_aside_before_the_cue(nlp: Any) -> None:
    text = (
        "He spoke on Monday.\n\nSen. Chuck Grassley, facing a spirited Democratic challenge in "
        "Iowa, a swing state, said he would welcome Cruz."
    )
    (q,) = quotes(nlp, text)
    assert q.cue == "said" and q.text == "he would welcome Cruz"
    assert q.speaker is not None and q.speaker.name == "Chuck Grassley"


def test_counter_without_a_clause_and_declining_to_comment_report_nothing(nlp: Any) -> None:
    assert not quotes(nlp, "They will discuss a new security agreement and ways to counter Iran.")
    text = "Adelson has not endorsed anyone in the race, and his spokesman declined to comment."
    assert not quotes(nlp, text)


def test_the_question_put_to_a_speaker_is_not_their_report(nlp: Any) -> None:
    (q,) = quotes(nlp, "When asked whether he would run again, Smith said he was not sure.")
    assert q.cue == "said" and q.text == "he was not sure"
    assert q.speaker is not None and q.speaker.name == "Smith"


def test_a_report_ends_at_a_semicolon_before_another_speakers_report(nlp: Any) -> None:
    text = (
        "A strong majority of Democratic primary voters say they are paying at least some "
        "attention to the presidential campaign; 26 percent of Democrats say they have not been "
        "paying much attention, compared with 11 percent of Republican primary voters."
    )
    first, second = quotes(nlp, text)
    assert first.text == "they are paying at least some attention to the presidential campaign"
    assert second.text == "they have not been paying much attention"
    assert second.speaker is not None and second.speaker.name == "26 percent of Democrats"


def test_told_with_only_listeners_after_it_reports_the_clause_before(nlp: Any) -> None:
    text = "Shoukair was kind and responsible, a Cairo airport official told The New York Times."
    (q,) = quotes(nlp, text)
    assert q.cue == "told" and q.text == "Shoukair was kind and responsible"
    assert q.speaker is not None and q.speaker.name == "a Cairo airport official"


def test_a_sentence_of_bare_attribution_before_a_quote_gives_its_speaker(nlp: Any) -> None:
    text = (
        "Iowa State University's Dianne Bystrom agreed. \"Mainstream Republicans are running "
        'out of time to find an alternative to Trump or Cruz."'
    )
    (q,) = quotes(nlp, text)
    assert q.kind == "direct" and q.cue == "agreed"
    assert q.speaker is not None and q.speaker.name.endswith("Bystrom")


def test_a_that_clause_cut_at_a_comma_before_its_verb_runs_on(nlp: Any) -> None:
    text = (
        "Donald Trump often takes full credit for the idea of building a border wall between "
        "the U.S. and Mexico, and has promised that as president, he would build a beautiful one."
    )
    (q,) = quotes(nlp, text)
    assert q.cue == "promised" and q.text == "that as president, he would build a beautiful one"
    assert q.speaker is not None and q.speaker.name == "Donald Trump"


def test_a_partial_quote_inside_a_report_takes_its_speaker(nlp: Any) -> None:
    text = (
        "Albright fanned controversy over her remark that “there’s a special place in hell "
        "for women who don’t help each other.”"
    )
    found = quotes(nlp, text)
    partial = next(q for q in found if q.kind == "partial")
    assert partial.cue == "remark" and partial.speaker is not None
    # "her" stands for Albright, whom the recogniser now knows as a person
    assert partial.speaker.name == "Albright"
    assert text[partial.speaker.start : partial.speaker.end] == "her"
    assert any(q.kind == "indirect" and q.cue == "remark" for q in found)


def test_a_subject_hung_on_the_auxiliary_still_speaks(nlp: Any) -> None:
    (q,) = quotes(nlp, "Clinton has repeatedly accused Trump of using divisive rhetoric.")
    assert q.cue == "accused" and q.text == "Trump of using divisive rhetoric"
    assert q.speaker is not None and q.speaker.name == "Clinton"


def test_those_surveyed_and_a_share_of_them_speak(nlp: Any) -> None:
    (q,) = quotes(
        nlp, "By double digits, those surveyed say stricter gun laws would help prevent violence."
    )
    assert q.speaker is not None and q.speaker.name == "those surveyed"
    (q,) = quotes(nlp, "Just over a quarter, 26 percent, say they will vote for someone else.")
    assert q.text == "they will vote for someone else"
    assert q.speaker is not None and q.speaker.name == "26 percent"
    (q,) = quotes(nlp, "Nearly a third say they don't know.")
    assert q.speaker is not None and q.speaker.name == "Nearly a third"


def test_called_to_mind_is_no_report(nlp: Any) -> None:
    text = "His speech inevitably called to mind the promise of reconciliation and unity."
    assert not [q for q in quotes(nlp, text) if q.cue == "called"]


def test_pledged_delegates_after_a_number_are_no_report(nlp: Any) -> None:
    text = "Clinton leads Sanders by roughly 270 pledged delegates as the primary season ends."
    assert not [q for q in quotes(nlp, text) if q.cue == "pledged"]


def test_an_opening_mark_typed_for_a_closing_one_ends_the_quote(nlp: Any) -> None:
    text = "“The reality is, that could create new problems for her here,“ said Jim Clyburn."
    (q,) = quotes(nlp, text)
    assert (
        q.kind == "direct"
        and q.text == "The reality is, that could create new problems for her here,"
    )
    assert q.speaker is not None and q.speaker.name == "Jim Clyburn"


def test_told_a_listener_that_reports_from_that_on(nlp: Any) -> None:
    text = (
        "Carson seems to recognize his problem on national security — he told the AP that "
        "his task is to prove to voters that he’s tough."
    )
    found = [q for q in quotes(nlp, text) if q.cue == "told"]
    assert [q.text for q in found] == ["that his task is to prove to voters that he’s tough"]


def _parsed(
    nlp: Any,
    rows: list[tuple[str, int, str, str, str, str]],
    ents: list[str],
    glued: tuple[int, ...] = (),
    starts: tuple[int, ...] = (),
) -> Any:
    """A Doc with the parse given row by row (word, head, dep, pos, tag, lemma): the
    parser's mistakes these fallbacks are for do not come on demand. The words at
    ``glued`` have no space after them; sentences start after a full stop and at
    ``starts``."""
    return Doc(
        nlp.vocab,
        words=[r[0] for r in rows],
        spaces=[not r[0].isspace() and i not in glued for i, r in enumerate(rows)],
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
        sent_starts=[i == 0 or rows[i - 1][0] == "." or i in starts for i in range(len(rows))],
        ents=ents,
    )


def test_a_name_read_as_an_adverb_after_an_auxiliary_read_as_a_verb_speaks(nlp: Any) -> None:
    rows = [
        ("Varga", 2, "advmod", "ADV", "RB", "varga"),
        ("had", 2, "aux", "VERB", "VBD", "have"),
        ("said", 2, "ROOT", "VERB", "VBN", "say"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("talks", 5, "nsubj", "NOUN", "NNS", "talk"),
        ("failed", 2, "ccomp", "VERB", "VBD", "fail"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    doc = _parsed(nlp, rows, ["B-PER"] + ["O"] * 6)
    subject = _subject(doc[2])
    assert subject is not None and subject.text == "Varga"


def test_a_participle_on_a_statement_takes_the_subject_of_its_clause(nlp: Any) -> None:
    (q,) = quotes(nlp, "The council released a statement saying the vote was fair.")
    assert (q.cue, q.text) == ("saying", "the vote was fair")
    assert q.speaker is not None and q.speaker.name == "The council"


def test_a_report_takes_the_speaker_of_the_quote_its_cue_introduces() -> None:
    reed = Speaker("Harry Reid", "e1", None, 0, 2)
    pronoun = Speaker("He", None, None, 0, 2)
    partial = Quote("a good man,", "partial", "said", 3, 7, reed, 30, 41)
    report = Quote("Sanders is a good man", "indirect", "said", 3, 7, pronoun, 8, 45)
    other = Quote("it rained", "indirect", "said", 60, 64, pronoun, 65, 74)
    assert _cue_speakers([partial], [report, other]) == [replace(report, speaker=reed), other]


def test_the_that_before_a_quote_of_several_sentences_is_reported_too(nlp: Any) -> None:
    text = "Berg told the paper that “we do not need a clerk as mayor. We need a leader.”"
    found = quotes(nlp, text)
    assert ("indirect", "told") in {(q.kind, q.cue) for q in found if q.text.startswith("that")}
    assert [q.text for q in found if q.kind == "direct"] == [
        "we do not need a clerk as mayor. We need a leader."
    ]


def test_a_report_stays_in_its_paragraph_bar_one_ending_in_a_colon(nlp: Any) -> None:
    doc = nlp("Varga said the deal is done.\n\nHis aides left.")
    assert [t.text for t in in_paragraph(list(doc), doc[1])] == [
        "Varga",
        "said",
        "the",
        "deal",
        "is",
        "done",
        ".",
    ]
    doc = nlp("Varga said:\n\nThe deal is done.\n\nHis aides left.")
    assert doc[-2].text == "left" and doc[-2] not in in_paragraph(list(doc), doc[1])
    assert "done" in [t.text for t in in_paragraph(list(doc), doc[1])]


def test_a_subject_after_the_cue_is_the_speaker_only_with_none_before(nlp: Any) -> None:
    rows = [
        ("Berg", 1, "nsubj", "PROPN", "NNP", "Berg"),
        ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("budget", 1, "nsubj", "NOUN", "NN", "budget"),
        ("is", 5, "cop", "AUX", "VBZ", "be"),
        ("small", 3, "amod", "ADJ", "JJ", "small"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc = _parsed(nlp, rows, ["B-PER"] + ["O"] * 6)
    assert not _speaker_after(doc[1], doc[3])
    rows = [
        ("Done", 1, "ccomp", "ADJ", "JJ", "done"),
        ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("Berg", 1, "nsubj", "PROPN", "NNP", "Berg"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc = _parsed(nlp, rows, ["O", "O", "B-PER", "O"])
    assert _speaker_after(doc[1], doc[2])


def test_it_as_the_subject_of_said_speaks_for_a_text_or_body(nlp: Any) -> None:
    text = "The ministry issued a report on Monday. “We will not cut the budget,” it said."
    (q,) = quotes(nlp, text)
    assert q.kind == "direct" and q.speaker is not None and q.speaker.name == "it"


def test_it_as_the_subject_of_signals_speaks_for_nobody(nlp: Any) -> None:
    assert not quotes(nlp, "The vote was close. To many, it signals that the party is split.")


def test_a_paragraph_break_hung_on_the_cue_is_not_its_clause(nlp: Any) -> None:
    rows = [
        ("Plans", 1, "nsubj", "NOUN", "NNS", "plan"),
        ("failed", 1, "ROOT", "VERB", "VBD", "fail"),
        (".", 1, "punct", "PUNCT", ".", "."),
        ("\n\n", 9, "ccomp", "SPACE", "_SP", "\n\n"),
        ("Efforts", 6, "nsubj", "NOUN", "NNS", "effort"),
        ("will", 6, "aux", "AUX", "MD", "will"),
        ("grow", 9, "ccomp", "VERB", "VB", "grow"),
        (",", 6, "punct", "PUNCT", ",", ","),
        ("officials", 9, "nsubj", "NOUN", "NNS", "official"),
        ("said", 9, "ROOT", "VERB", "VBD", "say"),
        (".", 9, "punct", "PUNCT", ".", "."),
    ]
    doc = _parsed(nlp, rows, ["O"] * len(rows))
    (q,) = extract_quotes(doc, ())
    assert (q.text, q.cue) == ("Efforts will grow", "said")
    assert q.speaker is not None and q.speaker.name == "officials"


def test_told_a_listener_with_a_that_clause_hung_on_it_reports_from_that(nlp: Any) -> None:
    found = quotes(nlp, "Hugo Varga tells supporters that “he loves you.”")
    assert [q.text for q in found if q.kind == "indirect"] == ["that “he loves you"]


def test_a_report_runs_to_its_sentence_end_past_words_hung_elsewhere(nlp: Any) -> None:
    rows = [
        ("Unions", 0, "ROOT", "NOUN", "NNS", "union"),
        ("and", 3, "cc", "CCONJ", "CC", "and"),
        ("lawmakers", 3, "nsubj", "NOUN", "NNS", "lawmaker"),
        ("claim", 0, "conj", "VERB", "VBP", "claim"),
        ("it", 6, "nsubj", "PRON", "PRP", "it"),
        ("will", 6, "aux", "AUX", "MD", "will"),
        ("cause", 3, "ccomp", "VERB", "VB", "cause"),
        ("losses", 6, "obj", "NOUN", "NNS", "loss"),
        (",", 10, "punct", "PUNCT", ",", ","),
        ("more", 10, "amod", "ADJ", "JJR", "more"),
        ("harm", 0, "conj", "NOUN", "NN", "harm"),
        (".", 0, "punct", "PUNCT", ".", "."),
    ]
    doc = _parsed(nlp, rows, ["O"] * len(rows), glued=(7, 10))
    (q,) = extract_quotes(doc, ())
    assert (q.text, q.cue) == ("it will cause losses, more harm", "claim")


def test_a_report_in_a_relative_clause_stops_before_the_main_verb(nlp: Any) -> None:
    (q,) = quotes(nlp, "Anna Berg, who said she would run again, did not appear at the rally.")
    assert q.text == "she would run again"


def test_a_cue_in_commas_inside_a_sentence_is_an_aside(nlp: Any) -> None:
    rows = [
        ("Biden", 6, "nsubj", "PROPN", "NNP", "Biden"),
        (",", 3, "punct", "PUNCT", ",", ","),
        ("Rubio", 3, "nsubj", "PROPN", "NNP", "Rubio"),
        ("said", 6, "parataxis", "VERB", "VBD", "say"),
        (",", 3, "punct", "PUNCT", ",", ","),
        ("had", 6, "aux", "AUX", "VBD", "have"),
        ("served", 6, "ROOT", "VERB", "VBN", "serve"),
        ("“", 8, "punct", "PUNCT", "``", "“"),
        ("forever", 6, "advmod", "ADV", "RB", "forever"),
        ("”", 8, "punct", "PUNCT", "''", "”"),
        (".", 6, "punct", "PUNCT", ".", "."),
    ]
    doc = _parsed(nlp, rows, ["B-PER", "O", "B-PER"] + ["O"] * 8, glued=(0, 3, 7, 8, 9))
    assert _aside(doc[3])
    (q,) = [q for q in extract_quotes(doc, ()) if q.kind == "partial"]
    assert (q.text, q.cue) == ("forever", "said")
    assert q.speaker is not None and q.speaker.name == "Rubio"
    assert not _aside(nlp("Rubio said Biden had served forever.")[1])


def test_one_reader_and_a_name_read_as_an_adverb_speak_after_a_quote(nlp: Any) -> None:
    (q,) = quotes(nlp, "“The deal is dead,” wrote one reader.")
    assert (q.cue, q.speaker.name if q.speaker else None) == ("wrote", "one reader")
    text = "“Having the file is valuable,” said Skelly, explaining he worked with them."
    q = quotes(nlp, text)[0]
    assert (q.cue, q.speaker.name if q.speaker else None) == ("said", "Skelly")


def test_a_quote_the_splitter_cut_from_its_sentence_keeps_the_cue_before(nlp: Any) -> None:
    rows = [
        ("Berg", 1, "nsubj", "PROPN", "NNP", "Berg"),
        ("told", 1, "ROOT", "VERB", "VBD", "tell"),
        ("them", 1, "obj", "PRON", "PRP", "they"),
        ("that", 5, "mark", "SCONJ", "IN", "that"),
        ("Cruz", 5, "nsubj", "PROPN", "NNP", "Cruz"),
        ("has", 1, "ccomp", "VERB", "VBZ", "have"),
        ("“", 7, "punct", "PUNCT", "``", "“"),
        ("taken", 7, "ROOT", "VERB", "VBN", "take"),
        ("every", 9, "det", "DET", "DT", "every"),
        ("punch", 7, "obj", "NOUN", "NN", "punch"),
        (".", 7, "punct", "PUNCT", ".", "."),
        ("”", 7, "punct", "PUNCT", "''", "”"),
    ]
    ents = ["B-PER", "O", "O", "O", "B-PER"] + ["O"] * 7
    doc = _parsed(nlp, rows, ents, glued=(6, 9, 10), starts=(6,))
    (q,) = [q for q in extract_quotes(doc, ()) if q.text == "taken every punch."]
    assert q.cue == "told" and q.speaker is not None and q.speaker.name == "Berg"


def test_a_long_aside_after_a_name_is_passed_over_to_the_name(nlp: Any) -> None:
    for text in (
        "Anna Berg, a local consultant whose firm was hired last year by the campaign of the "
        "governor, said the plan would fail.",
        "Anna Berg (D-Iowa), who backs the plan, said it would pass.",
    ):
        doc = nlp(text)
        said = next(t for t in doc if t.text == "said")
        found = _before_aside(said, said.i - 1)
        assert found is not None and doc[found].text == "Berg"


def test_a_speech_verb_read_as_a_noun_after_its_subject_reports(nlp: Any) -> None:
    text = (
        "The lawsuit contends that “the deaths were caused by the negligent actions” of the agency."
    )
    found = quotes(nlp, text)
    assert {(q.kind, q.cue) for q in found} == {("indirect", "contends"), ("partial", "contends")}
    assert not quotes(nlp, "The police reports that were filed last year show nothing.")


def test_according_to_a_source_whose_first_word_was_read_as_a_verb(nlp: Any) -> None:
    text = "Berg registered the firm in New Jersey in 2010, according to state corporate records."
    (q,) = quotes(nlp, text)
    assert (q.cue, q.text) == ("according", "Berg registered the firm in New Jersey in 2010")
    assert q.speaker is not None and q.speaker.name.endswith("records")


def test_a_title_case_headline_report_runs_to_the_end_of_its_line(nlp: Any) -> None:
    text = "Anna Berg Says Varga, ‘Old Guard’ Pose A Threat To The Deal.\n\nBerg spoke on Monday."
    (q,) = quotes(nlp, text)
    assert (q.cue, q.text) == ("Says", "Varga, ‘Old Guard’ Pose A Threat To The Deal")


def test_so_called_and_called_off_name_or_cancel_and_report_nothing(nlp: Any) -> None:
    for text, word in (
        ("The so called “Freedom Plan” seeks to cut taxes.", "called"),
        ("Several firms have called off projects with him.", "called"),
    ):
        doc = nlp(text)
        assert _naming(next(t for t in doc if t.text == word))
        assert not [q for q in extract_quotes(doc, ()) if q.cue == word]


def test_a_connective_before_an_aside_attribution_is_reported_but_a_place_is_not(
    nlp: Any,
) -> None:
    found = quotes(nlp, "In other words, he said, “the era of cheap money is over.”")
    assert [(q.kind, q.text) for q in found] == [
        ("indirect", "In other words"),
        ("direct", "the era of cheap money is over."),
    ]
    found = quotes(nlp, "In Iowa, he said, “the era of cheap money is over.”")
    assert [q.kind for q in found] == ["direct"]


def test_the_object_of_with_before_a_participle_is_the_one_saying(nlp: Any) -> None:
    rows = [
        ("Voters", 1, "nsubj", "NOUN", "NNS", "voter"),
        ("split", 1, "ROOT", "VERB", "VBD", "split"),
        (",", 4, "punct", "PUNCT", ",", ","),
        ("with", 4, "case", "ADP", "IN", "with"),
        ("farmers", 1, "obl", "NOUN", "NNS", "farmer"),
        ("saying", 1, "advcl", "VERB", "VBG", "say"),
        ("they", 8, "nsubj", "PRON", "PRP", "they"),
        ("would", 8, "aux", "AUX", "MD", "would"),
        ("quit", 5, "ccomp", "VERB", "VB", "quit"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc = _parsed(nlp, rows, ["O"] * len(rows), glued=(1, 8))
    found = _left_subject(doc[5])
    assert found is not None and found.text == "farmers"
    rows[5] = ("said", 1, "advcl", "VERB", "VBD", "say")  # "with farmers said": no subject
    assert _left_subject(_parsed(nlp, rows, ["O"] * len(rows), glued=(1, 8))[5]) is None


def test_a_second_that_clause_is_reported_with_the_first_past_a_partial_quote(
    nlp: Any,
) -> None:
    text = (
        "The league said the players’ conduct was “completely unacceptable” and that it "
        "would continue to review the matter."
    )
    (report,) = [q for q in quotes(nlp, text) if q.kind == "indirect"]
    assert report.cue == "said"
    assert report.text.startswith("the players’ conduct")
    assert report.text.endswith("and that it would continue to review the matter")


def test_a_report_runs_on_past_the_closing_mark_of_a_partial_quote(nlp: Any) -> None:
    rows = [
        ("Smith", 1, "nsubj", "PROPN", "NNP", "Smith"),
        ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("plan", 6, "nsubj", "NOUN", "NN", "plan"),
        ("was", 6, "cop", "AUX", "VBD", "be"),
        ("“", 6, "punct", "PUNCT", "``", "“"),
        ("costly", 1, "ccomp", "ADJ", "JJ", "costly"),
        ("”", 6, "punct", "PUNCT", "''", "”"),
        ("for", 9, "case", "ADP", "IN", "for"),
        ("farmers", 1, "obl", "NOUN", "NNS", "farmer"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc = _parsed(nlp, rows, ["O"] * len(rows), glued=(5, 6, 9))
    content = [doc[i] for i in (2, 3, 4, 6)]
    ran = to_sentence_end(content, doc[1])
    assert [t.text for t in ran] == ["the", "plan", "was", "costly", "for", "farmers"]


def test_a_speech_verb_a_few_words_before_a_quote_introduces_it(nlp: Any) -> None:
    (quote,) = quotes(nlp, "Said Comey, “The thought is very painful to us.”")
    assert quote.cue == "Said"
    assert quote.speaker is not None and quote.speaker.name.endswith("Comey")
    (quote,) = quotes(
        nlp, "Stated Stone:\n\n“I think the stakes are so high that they would do anything.”"
    )
    assert quote.cue == "Stated"
    assert quote.speaker is not None and quote.speaker.name.endswith("Stone")


def test_a_lead_in_is_not_a_verb_that_reports_a_clause_of_its_own(nlp: Any) -> None:
    doc = nlp("The mayor said the deal was dead, “and we will not revive it.”")
    mark = next(t.i for t in doc if t.text == "“")
    assert _lead_in(doc, mark) == (None, None)


def test_a_partial_quote_ending_in_a_comma_takes_the_attribution_after_it(nlp: Any) -> None:
    rows = [
        ("Teachers", 3, "nsubj", "NOUN", "NNS", "teacher"),
        ("are", 3, "aux", "AUX", "VBP", "be"),
        ("“", 3, "punct", "PUNCT", "``", "“"),
        ("looking", 3, "ROOT", "VERB", "VBG", "look"),
        ("to", 5, "mark", "PART", "TO", "to"),
        ("see", 3, "xcomp", "VERB", "VB", "see"),
        ("it", 5, "obj", "PRON", "PRP", "it"),
        (",", 3, "punct", "PUNCT", ",", ","),
        ("”", 3, "punct", "PUNCT", "''", "”"),
        ("García", 10, "nsubj", "PROPN", "NNP", "García"),
        ("said", 10, "ROOT", "VERB", "VBD", "say"),
        (".", 10, "punct", "PUNCT", ".", "."),
    ]
    # the splitter cut the sentence at the closing mark
    doc = _parsed(nlp, rows, ["O"] * len(rows), glued=(2, 6, 7, 10), starts=(9,))
    found = extract_quotes(doc, group_entities(doc))
    (partial,) = [q for q in found if q.kind == "partial"]
    assert partial.cue == "said"
    assert partial.speaker is not None and partial.speaker.name == "García"
    # the words before the marks are said too, with the same cue
    assert [q.text for q in found if q.kind == "indirect"] == ["Teachers are"]
    assert all(q.cue_start == partial.cue_start for q in found)


def test_a_quote_resumed_after_its_attribution_goes_on_from_the_first_part(nlp: Any) -> None:
    text = (
        '"The risk," said Edward Leamer, an economist who is the director of the UCLA '
        'Anderson Forecast, "is that we are going to be attracting workers and repelling jobs."'
    )
    first, second = quotes(nlp, text)
    assert second.text.startswith("is that we are going")
    assert second.kind == "direct"
    assert (second.cue_start, second.speaker) == (first.cue_start, first.speaker)


def test_words_before_an_aside_attribution_are_said_when_the_quote_goes_on_in_lower_case(
    nlp: Any,
) -> None:
    found = quotes(nlp, 'Sooner or later, the governor told reporters, "it starts to pay off."')
    lead = [q for q in found if q.text == "Sooner or later"]
    assert lead and lead[0].kind == "indirect" and lead[0].cue == "told"
    # a quote that opens a sentence of its own leaves the scene out
    found = quotes(nlp, 'Sooner or later, the governor told reporters, "It starts to pay off."')
    assert not any(q.text == "Sooner or later" for q in found)


def test_a_quote_goes_on_from_an_attributed_partial_quote_before_it(nlp: Any) -> None:
    text = (
        "Because of her weak support among young voters, “she does need him,” Kunin said of "
        "Sanders. “The great achievement is, he has gotten them out to vote.”"
    )
    found = quotes(nlp, text)
    (partial,) = [q for q in found if q.kind == "partial"]
    (last,) = [q for q in found if q.text.startswith("The great achievement")]
    assert partial.cue == last.cue == "said"
    assert last.speaker is not None and last.speaker.name == "Kunin"


def test_a_participle_hung_in_the_reported_clause_has_the_speakers_subject(nlp: Any) -> None:
    text = "Sanders said the process could be “messy,” adding, “Democracy is messy.”"
    (last,) = [q for q in quotes(nlp, text) if q.text == "Democracy is messy."]
    assert last.cue == "adding"
    assert last.speaker is not None and last.speaker.name == "Sanders"


def test_the_words_before_an_aside_speaker_with_the_comma_hung_on_the_name_are_said(
    nlp: Any,
) -> None:
    text = (
        "The club's heavy investment in its facilities, Ms. Tanzer said, ''is a perfect "
        "example of adapting'' to the changing economics of golf."
    )
    found = quotes(nlp, text)
    lead = [q for q in found if q.text == "The club's heavy investment in its facilities"]
    assert lead and lead[0].cue == "said"


def test_words_between_a_quote_and_its_attribution_go_on_with_the_quote(nlp: Any) -> None:
    text = (
        '"Many would consider that an embarrassment for Hillary Clinton" if she did not win '
        "by a larger margin, Smith said."
    )
    found = quotes(nlp, text)
    rest = [q for q in found if q.text == "if she did not win by a larger margin"]
    assert rest and rest[0].cue == "said"
    assert rest[0].speaker is not None and rest[0].speaker.name == "Smith"


def test_a_report_around_a_partial_quote_keeps_its_that_clause_after_the_listener(
    nlp: Any,
) -> None:
    text = (
        "Djokovic told a TV interviewer that he is feeling “a lot of emotion” before the "
        "“very important match.”"
    )
    (report,) = [q for q in quotes(nlp, text) if q.kind == "indirect"]
    assert report.text.startswith("that he is feeling")
    assert report.text.endswith("very important match")


def test_the_owner_named_in_a_speaker_s_phrase_is_not_the_speaker(nlp: Any) -> None:
    text = "Veyra's broadcasting regulator said the report was unfair to the port company."
    (quote,) = quotes(nlp, text)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.entity_id) == ("Veyra's broadcasting regulator", None)


def test_a_quoted_show_title_is_no_quote(nlp: Any) -> None:
    text = "Pence said on “Fox News Sunday” that the tweet was only meant as a joke."
    found = quotes(nlp, text)
    (title,) = [q for q in found if q.text == "Fox News Sunday"]
    assert title.speaker is None and title.cue is None
    (report,) = [q for q in found if q.kind == "indirect"]
    assert report.text == "that the tweet was only meant as a joke"


def test_what_someone_called_names_a_thing_and_reports_nothing(nlp: Any) -> None:
    text = "Secretary General Ban Ki-moon condemned what he called a “brazen breach” of U.N. rules."
    (q,) = quotes(nlp, text)
    assert q.text == "brazen breach" and q.cue is None and q.speaker is None


def test_a_partial_quote_in_a_reported_clause_with_its_own_cue_is_the_reporters(
    nlp: Any,
) -> None:
    text = (
        "In an interview, House Speaker Paul Ryan said the recent protests demand that all "
        "Americans engage in “more listening.”"
    )
    (partial,) = [q for q in quotes(nlp, text) if q.kind == "partial"]
    assert partial.cue == "said" and partial.speaker is not None
    assert partial.speaker.name == "Paul Ryan"


def test_two_cues_of_one_speaker_give_the_clause_to_the_nearer(nlp: Any) -> None:
    text = (
        "His ex-wife agreed and also contended that she should not have to sacrifice her privacy."
    )
    (q,) = quotes(nlp, text)
    assert q.cue == "contended" and q.text.startswith("that she should not")


def test_a_speaker_hung_with_the_quotes_comma_still_speaks(nlp: Any) -> None:
    text = (
        "“There is a severe disconnect between this White House and our military,” Flynn, "
        "a top Trump surrogate, said Thursday morning on Fox News’s “Fox and Friends.”"
    )
    first = quotes(nlp, text)[0]
    assert first.kind == "direct" and first.cue == "said"
    assert first.speaker is not None and first.speaker.name == "Flynn"


def test_a_reason_after_the_attribution_is_still_reported(nlp: Any) -> None:
    text = (
        "Trump’s skepticism on climate change has hurt the nominee with young voters, Graham "
        "said, since most of them accept that human activity is changing the climate."
    )
    (q,) = quotes(nlp, text)
    assert q.text.endswith("changing the climate") and q.cue == "said"


def test_a_speech_verb_in_a_relative_clause_does_not_end_the_report(nlp: Any) -> None:
    text = (
        "Cyril explained how important it is to combat this narrative by pushing a new "
        "conversation that humanizes black people and demands respect and accountability."
    )
    (q,) = [q for q in quotes(nlp, text) if q.cue == "explained"]
    assert q.text.endswith("demands respect and accountability")


def test_a_partial_quote_after_a_progressive_verb_in_a_report_is_the_reporters(
    nlp: Any,
) -> None:
    text = "At one point, Mayor Ruiz said county officials were calling “every ten minutes.”"
    found = quotes(nlp, text)
    (partial,) = [q for q in found if q.kind == "partial"]
    assert partial.text == "every ten minutes." and partial.cue == "said"
    assert partial.speaker is not None and partial.speaker.name == "Ruiz"
    assert not [q for q in found if q.cue == "calling"]


def test_a_subject_with_a_relative_clause_before_a_partial_quote_is_said(nlp: Any) -> None:
    text = (
        "Parents who meet online with the local reading club are “very, very keen on the "
        "plan,” Doyle said."
    )
    found = quotes(nlp, text)
    lead = [q for q in found if q.text == "Parents who meet online with the local reading club are"]
    assert len(lead) == 1 and lead[0].kind == "indirect" and lead[0].cue == "said"
    assert lead[0].speaker is not None and lead[0].speaker.name == "Doyle"


def test_words_running_into_a_quote_with_no_comma_are_said_not_a_scene(nlp: Any) -> None:
    text = "Closing the library would “send the wrong signal about our values,” Mayor Ruiz added."
    found = quotes(nlp, text)
    (lead,) = [q for q in found if q.text == "Closing the library would"]
    assert lead.kind == "indirect" and lead.cue == "added"
    assert lead.speaker is not None and lead.speaker.name == "Ruiz"


def test_a_that_clause_with_a_copula_runs_past_a_quoted_subject(nlp: Any) -> None:
    text = (
        'It started when the mayor tweeted that the council\'s "appetite for new debt" '
        "was a mistake."
    )
    found = quotes(nlp, text)
    (report,) = [q for q in found if q.kind == "indirect"]
    assert report.text == 'that the council\'s "appetite for new debt" was a mistake'
    assert report.cue == "tweeted"
    (partial,) = [q for q in found if q.kind == "partial"]
    assert partial.cue == "tweeted" and partial.speaker is not None
    assert partial.speaker.name == "the mayor"


def test_a_speech_noun_keeps_the_words_the_parser_hung_on_it(nlp: Any) -> None:
    text = (
        'Yet while Ruiz\'s old statements, including his promise to be "fair" in disputes '
        "between landlords and tenants, have drawn fire, he won."
    )
    (report,) = [q for q in quotes(nlp, text) if q.kind == "indirect"]
    assert report.text == 'to be "fair" in disputes between landlords and tenants'
    assert report.cue == "promise"
    assert report.speaker is not None and report.speaker.name == "Ruiz"


def test_a_participle_after_a_passive_has_the_passive_subject_as_speaker(nlp: Any) -> None:
    text = "The senator was jeered by the crowd after telling them that the plan was “a disgrace.”"
    found = quotes(nlp, text)
    (report,) = [q for q in found if q.kind == "indirect"]
    assert report.text == "that the plan was “a disgrace" and report.cue == "telling"
    assert report.speaker is not None and report.speaker.name == "The senator"
    (partial,) = [q for q in found if q.kind == "partial"]
    assert partial.cue == "telling" and partial.speaker == report.speaker


def test_a_report_stops_before_the_writers_source_after_a_quote(nlp: Any) -> None:
    text = "Smith said Jones “would have no chance to win,” the aide recalled."
    (report,) = [q for q in quotes(nlp, text) if q.kind == "indirect"]
    assert report.text == "Jones “would have no chance to win" and report.cue == "said"
    assert report.speaker is not None and report.speaker.name == "Smith"


def test_an_attributive_continued_does_not_end_a_report_as_a_cue(nlp: Any) -> None:
    text = (
        "Gordon Hale said he doubts the effort needs a settled plan. Rather, he said, "
        "continued struggles by the campaign will coalesce support around stopping him."
    )
    second = quotes(nlp, text)[1]
    assert second.kind == "indirect" and second.cue == "said"
    assert second.text.endswith("will coalesce support around stopping him")
    assert second.speaker is not None and second.speaker.name == "Gordon Hale"


def test_a_postposed_speaker_with_a_prepositional_phrase_speaks(nlp: Any) -> None:
    text = (
        "“They know the mayor is the only one strong enough to fix the roads,” a voice-over "
        "in the ad states. “She will stand up to the developers.”"
    )
    found = quotes(nlp, text)
    assert [q.kind for q in found] == ["direct", "direct"]
    assert {q.cue for q in found} == {"states"}
    assert found[0].speaker is not None and found[0].speaker.name.startswith("a voice-over")
    assert found[1].speaker == found[0].speaker


def test_a_quote_over_paragraphs_is_cut_before_a_last_paragraph_with_its_own_attribution(
    nlp: Any,
) -> None:
    text = (
        "“The old rules are gone,” Mayor Ruiz said. “People call us every day and we cannot "
        "keep up.\n\n“And they still ask for the paper forms,” Ruiz said with a grin."
    )
    first, second, third = quotes(nlp, text)
    assert second.text == "People call us every day and we cannot keep up."
    assert third.text == "And they still ask for the paper forms,"
    assert first.cue_start == second.cue_start != third.cue_start
    assert {q.kind for q in (first, second, third)} == {"direct"}
    assert third.speaker is not None and third.speaker.name == "Ruiz"


def test_a_quote_over_paragraphs_stays_whole_when_its_last_attribution_names_another(
    nlp: Any,
) -> None:
    text = (
        "“The old rules are gone,” Mayor Ruiz said. “People call us every day and we cannot "
        "keep up.\n\n“And they still ask for the paper forms,” added Council Member Ana Soto."
    )
    second = quotes(nlp, text)[1]
    assert second.text.startswith("People call us") and second.text.endswith("paper forms,")
    assert second.cue == "added"


def test_a_curly_quote_nested_in_a_quote_does_not_close_it() -> None:
    from storyline.extract.quotes_cues import quote_spans

    text = (
        "He wrote: “If you care, show it even when “your team” needs to answer. "
        "Otherwise it is empty.” Then he left."
    )
    ((start, end, continued),) = quote_spans(text)
    assert text[start:end] == (
        "If you care, show it even when “your team” needs to answer. Otherwise it is empty."
    )
    assert not continued
    # an unbalanced opening mark inside a quote opens nothing of its own
    text = "He called it “a mess and she called it “a win.” The end."
    assert [text[a:b] for a, b, _ in quote_spans(text)] == ["a mess and she called it “a win."]


def test_an_opening_mark_typed_after_a_word_closes_the_quote() -> None:
    from storyline.extract.quotes_cues import quote_spans

    text = "She called for an “expedited review“ of the pipes and a “health monitoring plan” too."
    spans = [text[a:b] for a, b, _ in quote_spans(text)]
    assert spans == ["expedited review", "health monitoring plan"]


def test_according_to_after_a_conjunction_reports_the_clause_after_it(nlp: Any) -> None:
    text = (
        "Ruiz will skip the hearing, but, according to her aides, the council would call it "
        "a “stunt” if she came."
    )
    found = quotes(nlp, text)
    (report,) = [q for q in found if q.cue == "according" and q.kind == "indirect"]
    assert report.text == "the council would call it a “stunt” if she came"
    assert report.speaker is not None and report.speaker.name == "her aides"
    # the partial quote's own cue stands in what the aides report: theirs
    (partial,) = [q for q in found if q.kind == "partial"]
    assert partial.text == "stunt" and partial.cue == "according"
    assert partial.speaker == report.speaker


def _made_quote(text: str, part: str, kind: Any, cue: str, speaker: Speaker) -> Quote:
    start = text.index(part)
    cue_start = text.index(cue)
    return Quote(
        part, kind, cue, cue_start, cue_start + len(cue), speaker, start, start + len(part)
    )


def test_a_partial_quote_whose_cue_reports_no_clause_around_it_joins_the_report_around_it() -> None:
    text = "Rivera said in her remarks that the city backs its “steadfast friends,” naming Lyon."
    rivera = Speaker("Rivera", "e1", None, 0, 6)
    city = Speaker("the city", None, None, 32, 40)
    report = _made_quote(
        text,
        "in her remarks that the city backs its “steadfast friends,” naming Lyon",
        "indirect",
        "said",
        rivera,
    )
    naming = _made_quote(text, "Lyon", "indirect", "naming", city)
    partial = _made_quote(text, "steadfast friends,", "partial", "naming", city)
    (moved,) = _inside_reports(text, [partial], [report, naming])
    assert (moved.cue, moved.cue_start, moved.speaker) == ("said", 7, rivera)
    assert moved.text == "steadfast friends," and moved.kind == "partial"
    # a report in another sentence claims nothing
    text2 = "Rivera said so. The city backs its “steadfast friends,” naming Lyon."
    far = _made_quote(
        text2, "so. The city backs its “steadfast friends,” naming Lyon", "indirect", "said", rivera
    )
    partial2 = _made_quote(text2, "steadfast friends,", "partial", "naming", city)
    assert _inside_reports(text2, [partial2], [far]) == [partial2]


def test_an_unattributed_partial_quote_a_few_words_after_a_cut_report_joins_it() -> None:
    text = "When Rivera pointed out that Soto refers to it as “Metro for all,” Ruiz smiled."
    rivera = Speaker("Rivera", "e1", None, 5, 11)
    report = _made_quote(text, "that Soto refers to it", "indirect", "pointed", rivera)
    partial = Quote("Metro for all,", "partial", None, None, None, None, 51, 65)
    assert text[51:65] == "Metro for all,"
    (joined,) = _inside_reports(text, [partial], [report])
    assert (joined.cue, joined.speaker) == ("pointed", rivera)
    # not past a comma: "…, Ruiz said “…”" is another clause
    text2 = "Rivera pointed out that Soto left, and Ruiz wrote “Metro for all” on a card."
    report2 = _made_quote(text2, "that Soto left", "indirect", "pointed", rivera)
    start = text2.index("Metro")
    partial2 = Quote("Metro for all", "partial", None, None, None, None, start, start + 13)
    assert _inside_reports(text2, [partial2], [report2]) == [partial2]


def test_a_cue_inside_the_quotes_own_marks_does_not_claim_it() -> None:
    text = "The firm “lists 90 offices abroad, according to its own website.”"
    website = Speaker("its own website", None, None, 48, 63)
    according = _made_quote(
        text,
        "The firm “lists 90 offices abroad, according to its own website",
        "indirect",
        "according",
        website,
    )
    start = text.index("lists")
    partial = Quote(text[start:-1], "partial", None, None, None, None, start, len(text) - 1)
    assert _inside_reports(text, [partial], [according]) == [partial]


def test_a_quote_goes_with_the_attribution_next_to_it_not_a_later_one(nlp: Any) -> None:
    text = (
        "“We are ready,” Ruiz said, but when pressed on the date, “It could be June,” "
        "said Tom Hale."
    )
    first = next(q for q in quotes(nlp, text) if q.text == "We are ready,")
    assert (first.kind, first.cue, first.cue_start) == ("direct", "said", text.index("said"))
    assert first.speaker is not None and first.speaker.name == "Ruiz"


def test_a_speech_participle_between_a_cue_and_a_quote_reports_the_quote(nlp: Any) -> None:
    # the parser hung the quote on "said": "noting" stands nearer the quote
    rows = [
        ("Ortiz", 1, "nsubj", "PROPN", "NNP", "Ortiz"),
        ("said", 1, "ROOT", "VERB", "VBD", "say"),
        (",", 3, "punct", "PUNCT", ",", ","),
        ("noting", 1, "advcl", "VERB", "VBG", "note"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("bridge", 8, "nsubj", "NOUN", "NN", "bridge"),
        ("is", 8, "cop", "AUX", "VBZ", "be"),
        ("“", 8, "punct", "PUNCT", "``", "“"),
        ("done", 1, "ccomp", "ADJ", "JJ", "done"),
        (".", 8, "punct", "PUNCT", ".", "."),
        ("”", 8, "punct", "PUNCT", "''", "”"),
    ]
    doc = _parsed(nlp, rows, ["B-PER"] + ["O"] * 10, glued=(0, 7, 8, 9))
    start = doc.text.index("done")
    assert _nearer_report(doc.text, doc[1], start, start + len("done.")).text == "noting"


def test_a_relative_clause_the_parser_hung_as_a_report_still_reports_its_quote(nlp: Any) -> None:
    rows = [
        ("Ruiz", 1, "nsubj", "PROPN", "NNP", "Ruiz"),
        ("tells", 1, "ROOT", "VERB", "VBZ", "tell"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("crowd", 1, "obj", "NOUN", "NN", "crowd"),
        (",", 6, "punct", "PUNCT", ",", ","),
        ("who", 6, "nsubj", "PRON", "WP", "who"),
        ("responds", 1, "ccomp", "VERB", "VBZ", "respond"),
        (":", 9, "punct", "PUNCT", ":", ":"),
        ("“", 9, "punct", "PUNCT", "``", "“"),
        ("Yes", 6, "parataxis", "INTJ", "UH", "yes"),
        ("!", 9, "punct", "PUNCT", ".", "!"),
        ("”", 9, "punct", "PUNCT", "''", "”"),
    ]
    doc = _parsed(nlp, rows, ["B-PER"] + ["O"] * 11, glued=(3, 6, 8, 9, 10))
    start = doc.text.index("Yes")
    assert _nearer_report(doc.text, doc[1], start, start + len("Yes!")).text == "responds"


def test_a_partial_quote_after_a_relative_cue_is_not_the_outer_speakers(nlp: Any) -> None:
    text = 'The mayor praised the plan, and Dana Ruiz, who says it is "reckless," voted against it.'
    (q,) = [q for q in quotes(nlp, text) if q.kind == "partial"]
    assert (q.text, q.cue) == ("reckless,", "says")
    assert q.speaker is not None and q.speaker.name == "Dana Ruiz"


def test_a_quotes_own_subject_does_not_write_it(nlp: Any) -> None:
    # "wrote" hung on the quote's verb with no subject of its own
    rows = [
        ("“", 5, "punct", "PUNCT", "``", "“"),
        ("Big", 2, "amod", "ADJ", "JJ", "big"),
        ("cuts", 5, "nsubj", "NOUN", "NNS", "cut"),
        ("do", 5, "aux", "AUX", "VBP", "do"),
        ("not", 5, "advmod", "PART", "RB", "not"),
        ("work", 5, "ROOT", "VERB", "VB", "work"),
        (",", 5, "punct", "PUNCT", ",", ","),
        ("”", 5, "punct", "PUNCT", "''", "”"),
        ("Ana", 5, "nsubj", "PROPN", "NNP", "Ana"),
        ("Reyes", 8, "flat", "PROPN", "NNP", "Reyes"),
        ("wrote", 5, "advcl", "VERB", "VBD", "write"),
        (".", 5, "punct", "PUNCT", ".", "."),
    ]
    doc = _parsed(nlp, rows, ["O"] * 8 + ["B-PER", "I-PER", "O", "O"], glued=(0, 5, 6, 10))
    subject = _subject(doc[10])
    assert subject is not None and subject.text == "Ana"


def test_quotation_marks_in_embedded_markup_quote_no_one() -> None:
    text = '<tweet author="@ruiz" id="17">We will "win" this</tweet> and more.'
    assert [text[a:b] for a, b, _ in quote_spans(text)] == ["win"]


def test_a_speech_noun_reports_a_that_clause_past_a_phrase_between(nlp: Any) -> None:
    text = "Critics seized on her remarks before the council that “the budget is fine” as it grew."
    found = quotes(nlp, text)
    (partial,) = [q for q in found if q.kind == "partial"]
    assert (partial.text, partial.cue) == ("the budget is fine", "remarks")
    assert partial.speaker is not None and partial.speaker.name == "her"
    assert ("indirect", "that “the budget is fine” as it grew") in {(q.kind, q.text) for q in found}


def test_a_quote_opening_a_speech_nouns_that_clause_is_its_words(nlp: Any) -> None:
    text = 'Miners were angry after her comment that, "We will close every pit."'
    (direct,) = [q for q in quotes(nlp, text) if q.kind == "direct"]
    assert (direct.text, direct.cue) == ("We will close every pit.", "comment")
    assert direct.speaker is not None and direct.speaker.name == "her"


def test_a_verb_after_the_comma_closing_an_apposition_reports(nlp: Any) -> None:
    # "called" hung on the apposition as a participle, as in "a group called …"
    rows = [
        ("Okafor", 0, "ROOT", "PROPN", "NNP", "Okafor"),
        (",", 3, "punct", "PUNCT", ",", ","),
        ("a", 3, "det", "DET", "DT", "a"),
        ("banker", 0, "appos", "NOUN", "NN", "banker"),
        (",", 5, "punct", "PUNCT", ",", ","),
        ("called", 3, "acl", "VERB", "VBN", "call"),
        ("the", 7, "det", "DET", "DT", "the"),
        ("rules", 5, "obj", "NOUN", "NNS", "rule"),
        ("strict", 7, "amod", "ADJ", "JJ", "strict"),
        (".", 0, "punct", "PUNCT", ".", "."),
    ]
    doc = _parsed(nlp, rows, ["B-PER"] + ["O"] * 9, glued=(0, 3, 8))
    assert _reports(doc[5])
    named = [(w, h, d, p, "VBN" if w == "called" else t, lem) for w, h, d, p, t, lem in rows]
    named[7] = ("Sandy", 5, "xcomp", "PROPN", "NNP", "Sandy")  # "a charity, called Sandy"
    assert not _reports(_parsed(nlp, named, ["B-PER"] + ["O"] * 9, glued=(0, 3, 8))[5])


def test_a_quote_ending_in_a_comma_prefers_the_attribution_after_it(nlp: Any) -> None:
    doc = nlp("Ruiz said the plan was “a good start,” an aide recalled.")
    (q,) = _Extractor(doc, group_entities(doc)).quoted()
    assert (q.text, q.kind, q.cue) == ("a good start,", "partial", "recalled")
    assert q.speaker is not None and q.speaker.name == "an aide"


def test_a_quote_answered_yes_or_no_is_the_question_not_the_answer(nlp: Any) -> None:
    text = "Asked whether the mayor is “fit to serve,” 60 percent of voters said yes."
    found = quotes(nlp, text)
    assert [(q.text, q.kind, q.speaker) for q in found] == [("fit to serve,", "partial", None)]


def test_a_quoted_title_before_its_author_or_kind_of_work_names_it(nlp: Any) -> None:
    text = (
        "Later that month, Scribner will publish “The Long Game,” a biography written by Tom Hale."
    )
    assert [(q.text, q.cue, q.speaker) for q in quotes(nlp, text)] == [
        ("The Long Game,", None, None)
    ]
    text = "A collection from the cartoonist Ann Lee is called “Yuge!: 30 Years of Cartoons.”"
    assert _title(text, text.index("Yuge"), text.index("”"))
    text = "The aide called the plan “dead on arrival,” and left."
    assert not _title(text, text.index("dead"), text.index("”"))


def test_a_closing_mark_where_none_is_open_opens_a_quote(nlp: Any) -> None:
    text = "He says,” there are people who never get heard.”\n”We are done,” said Ann Lee."
    assert [text[a:b] for a, b, _ in quote_spans(text)] == [
        "there are people who never get heard.",
        "We are done,",
    ]
    height = "A 6’2” man said “hi.”"
    assert [height[a:b] for a, b, _ in quote_spans(height)] == ["hi."]
    (q,) = quotes(nlp, "”We are done,” said Ann Lee.")
    assert (q.text, q.kind, q.cue) == ("We are done,", "direct", "said")
    assert q.speaker is not None and q.speaker.name == "Ann Lee"


def test_a_curly_quote_inside_a_straight_one_does_not_close_it() -> None:
    text = 'Ward stated: "The office is not about “Equal Justice” anymore. It is bad."'
    assert [text[a:b] for a, b, _ in quote_spans(text)] == [
        "The office is not about “Equal Justice” anymore. It is bad."
    ]


def test_a_quote_left_open_is_cut_before_the_paragraph_its_introducer_attributes(
    nlp: Any,
) -> None:
    text = (
        "Obama said: “There is no magic to the phrase. It is not a strategy.\n"
        "“Calling a threat by another name does not make it go away,” Obama said."
    )
    found = [q for q in quotes(nlp, text) if q.kind == "direct"]
    assert [(q.text, q.cue) for q in found] == [
        ("There is no magic to the phrase. It is not a strategy.", "said"),
        ("Calling a threat by another name does not make it go away,", "said"),
    ]
    assert [q.cue_start for q in found] == [text.index("said"), text.rindex("said")]


def test_what_a_quote_is_said_of_is_part_of_what_was_said(nlp: Any) -> None:
    text = "“This is a real mess,” he said of the budget plan. “We must fix it.”"
    found = quotes(nlp, text)
    assert [(q.text, q.kind, q.cue) for q in found] == [
        ("This is a real mess,", "direct", "said"),
        ("the budget plan", "indirect", "said"),
        ("We must fix it.", "direct", "said"),
    ]
    assert len({q.speaker for q in found}) == 1


def test_the_point_of_a_title_before_a_name_ends_no_sentence(nlp: Any) -> None:
    text = "“Perpetual motion!” Rep. Ann Lee, R-Pa., said of the swirl of events."
    found = quotes(nlp, text)
    assert [(q.text, q.kind, q.cue) for q in found] == [
        ("Perpetual motion!", "direct", "said"),
        ("the swirl of events", "indirect", "said"),
    ]
    assert found[0].speaker is not None and found[0].speaker.name == "Ann Lee"


def test_the_one_told_is_never_the_speaker(nlp: Any) -> None:
    text = (
        "“That is a legitimate concern, because they are very passionate,” Sarandon, 69, "
        "told MSNBC Monday when asked about it."
    )
    (q,) = [q for q in quotes(nlp, text) if q.kind == "direct"]
    assert (q.cue, q.speaker is not None and q.speaker.name) == ("told", "Sarandon")


def test_a_second_said_hung_in_the_first_ones_clause_has_its_subject(nlp: Any) -> None:
    text = (
        "Ruiz said the new rules on housing have given her office a boost and said that "
        "the council was “moving fast.”"
    )
    doc = nlp(text)
    assert [str(_subject(t)) for t in doc if t.text == "said"] == ["Ruiz", "Ruiz"]
    (q,) = [q for q in quotes(nlp, text) if q.kind == "partial"]
    assert q.speaker is not None and q.speaker.name == "Ruiz"


def test_the_name_between_as_and_its_cue_is_the_speaker(nlp: Any) -> None:
    doc = nlp("Of course, as Tom Hale of the Daily Ledger observed, the biggest winner was absent.")
    (cue,) = [t for t in doc if t.text == "observed"]
    subject = _subject(cue)
    assert subject is not None and subject.text == "Tom"


@pytest.mark.parametrize(
    "text",
    [
        "The landslide win led Ruiz to declare that the nomination was “in sight.”",
        "The debate was so calm that Ruiz was prompted to say, “I cannot believe it.”",
    ],
)
def test_the_one_led_or_prompted_to_say_it_speaks(nlp: Any, text: str) -> None:
    (q,) = [q for q in quotes(nlp, text) if q.kind != "indirect"]
    assert q.speaker is not None and q.speaker.name == "Ruiz"


def test_the_name_after_a_postposed_cue_speaks_whatever_the_parse(nlp: Any) -> None:
    # "wrote" hung on the quote's verb, "magazine" read as its object
    rows = [
        ("“", 4, "punct", "PUNCT", "``", "“"),
        ("The", 2, "det", "DET", "DT", "the"),
        ("train", 4, "nsubj", "NOUN", "NN", "train"),
        ("has", 4, "aux", "AUX", "VBZ", "have"),
        ("left", 4, "ROOT", "VERB", "VBN", "leave"),
        (",", 4, "punct", "PUNCT", ",", ","),
        ("”", 4, "punct", "PUNCT", "''", "”"),
        ("wrote", 4, "parataxis", "VERB", "VBD", "write"),
        ("Time", 9, "compound", "PROPN", "NNP", "Time"),
        ("magazine", 7, "obj", "NOUN", "NN", "magazine"),
        (".", 4, "punct", "PUNCT", ".", "."),
    ]
    doc = _parsed(nlp, rows, ["O"] * 8 + ["B-ORG", "I-ORG", "O"], glued=(0, 4, 5, 9))
    (q,) = _Extractor(doc, group_entities(doc)).quoted()
    assert (q.text, q.cue) == ("The train has left,", "wrote")
    assert q.speaker is not None and q.speaker.name == "Time magazine"


def test_the_name_after_a_subordinator_speaks_for_its_cue(nlp: Any) -> None:
    # "after Ruiz had said …" with "Ruiz" hung on the main clause's verb
    rows = [
        ("It", 1, "nsubj", "PRON", "PRP", "it"),
        ("began", 1, "ROOT", "VERB", "VBD", "begin"),
        ("after", 5, "mark", "SCONJ", "IN", "after"),
        ("Ruiz", 1, "nsubj", "PROPN", "NNP", "Ruiz"),
        ("had", 5, "aux", "AUX", "VBD", "have"),
        ("said", 1, "advcl", "VERB", "VBN", "say"),
        ("the", 7, "det", "DET", "DT", "the"),
        ("plan", 9, "nsubj", "NOUN", "NN", "plan"),
        ("was", 9, "cop", "AUX", "VBD", "be"),
        ("dead", 5, "ccomp", "ADJ", "JJ", "dead"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc = _parsed(nlp, rows, ["O", "O", "O", "B-PER"] + ["O"] * 7, glued=(9,))
    subject = _subject(doc[5])
    assert subject is not None and subject.text == "Ruiz"


def test_a_sentence_of_nothing_but_an_attribution_and_its_occasion_introduces_a_quote(
    nlp: Any,
) -> None:
    text = (
        "Sam Lau, the communications director for the state party said in a statement. "
        "“There are no paper ballots to recount.”"
    )
    (q,) = quotes(nlp, text)
    assert (q.text, q.kind, q.cue) == ("There are no paper ballots to recount.", "direct", "said")
    assert q.speaker is not None and q.speaker.name == "Sam Lau"


def test_a_phrase_quoted_inside_a_clause_does_not_run_into_the_next_paragraph() -> None:
    text = (
        "Grayson said the idea is “really an amorphous position to have.\n\n"
        "“What we do here is legislate,” he said."
    )
    assert [(text[a:b], cont) for a, b, cont in quote_spans(text)] == [
        ("really an amorphous position to have.", False),
        ("What we do here is legislate,", False),
    ]
    text = "Obama said: “There is no magic here at all.\n“Calling it names is a distraction.”"
    assert [cont for _, _, cont in quote_spans(text)] == [True]


def test_a_that_clause_is_reported_however_the_parser_labelled_it(nlp: Any) -> None:
    # "demand" hung on "declared" as an adverbial clause, "that" its mark
    rows = [
        ("Ruiz", 1, "nsubj", "PROPN", "NNP", "Ruiz"),
        ("declared", 1, "ROOT", "VERB", "VBD", "declare"),
        ("that", 6, "mark", "SCONJ", "IN", "that"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("deal", 6, "nsubj", "NOUN", "NN", "deal"),
        ("would", 6, "aux", "AUX", "MD", "would"),
        ("demand", 1, "advcl", "VERB", "VB", "demand"),
        ("“", 9, "punct", "PUNCT", "``", "“"),
        ("absolute", 9, "amod", "ADJ", "JJ", "absolute"),
        ("secrecy", 6, "obj", "NOUN", "NN", "secrecy"),
        (".", 9, "punct", "PUNCT", ".", "."),
        ("”", 9, "punct", "PUNCT", "''", "”"),
    ]
    doc = _parsed(nlp, rows, ["B-PER"] + ["O"] * 11, glued=(7, 9, 10))
    assert _reported_in(doc[6], doc[1])
    (q,) = [q for q in _Extractor(doc, group_entities(doc)).quoted() if q.kind == "partial"]
    assert (q.text, q.cue) == ("absolute secrecy.", "declared")


def test_a_participle_after_an_attribution_is_no_parenthetical_attribution(nlp: Any) -> None:
    text = "“I do not want a long fight,” she said, adding, “We want this settled early.”"
    found = quotes(nlp, text)
    assert [(q.text, q.kind, q.cue) for q in found] == [
        ("I do not want a long fight,", "direct", "said"),
        ("We want this settled early.", "direct", "adding"),
    ]


def test_a_relative_pronoun_speaks_for_its_antecedent_not_the_quote_before(nlp: Any) -> None:
    text = '"Stay calm," Ruiz tells the crowd, who responds: "We will!"'
    first, second = quotes(nlp, text)
    assert first.speaker is not None and first.speaker.name == "Ruiz"
    assert (second.text, second.cue) == ("We will!", "responds")
    assert second.speaker is not None and second.speaker.name == "the crowd"


def test_a_name_right_before_a_speech_participle_on_a_noun_speaks(nlp: Any) -> None:
    text = "The ad uses footage of Hillary Clinton asking, “Why am I not ahead?”"
    (q,) = quotes(nlp, text)
    assert (q.text, q.kind, q.cue) == ("Why am I not ahead?", "direct", "asking")
    assert q.speaker is not None and q.speaker.name == "Hillary Clinton"
