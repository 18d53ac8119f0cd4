from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from storyline.extract.asks import extract_asks
from storyline.extract.entities import group_entities
from storyline.extract.quotes import extract_quotes
from storyline.extract.time import extract_timexes
from storyline.nlp.pipeline import load_nlp
from storyline.stories.ledger import ArticleAsks, build_ledger, ledger_json

DAY = datetime(2025, 2, 3, 9, tzinfo=UTC)


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_nlp()


def article(nlp: Any, article_id: str, days: int, text: str) -> ArticleAsks:
    published = DAY + timedelta(days=days)
    doc = nlp(text)
    entities = group_entities(doc)
    asks = extract_asks(
        doc, entities, extract_quotes(doc, entities), extract_timexes(text, published, doc)
    )
    return ArticleAsks(article_id, published, text, asks)


def test_a_demand_met_by_an_action_in_a_later_article(nlp: Any) -> None:
    later = article(nlp, "a2", 9, "Orlesia reopened the Tessel border crossing on Tuesday.")
    first = article(
        nlp,
        "a1",
        0,
        "Estmark's Foreign Minister Adela Kovar will press Orlesia to reopen the Tessel "
        "border crossing.",
    )
    (entry,) = build_ledger([later, first])  # input order does not matter: time does
    assert entry.status == "met"
    assert [s.kind for s in entry.steps] == ["demand", "action"]
    assert [s.article_id for s in entry.steps] == ["a1", "a2"]
    assert entry.steps[0].published is not None and entry.steps[1].published is not None
    assert entry.steps[0].published < entry.steps[1].published
    assert (entry.actor, entry.target) == ("Adela Kovar", "Orlesia")
    assert entry.sources == ("a1", "a2")
    action = entry.steps[1]
    assert later.text[action.span.start : action.span.end].startswith("Orlesia reopened")
    assert ledger_json([entry])[0]["status"] == "met"


def test_a_refusal_by_the_one_asked(nlp: Any) -> None:
    items = [
        article(nlp, "a1", 0, "Kovar urged Orlesia to release the five journalists held in Varn."),
        article(nlp, "a2", 5, "Orlesia refused to release the journalists."),
    ]
    (entry,) = build_ledger(items)
    assert entry.status == "refused"
    assert [s.kind for s in entry.steps] == ["demand", "refusal"]


def test_a_commitment_is_a_promise_and_other_sides_do_not_answer(nlp: Any) -> None:
    items = [
        article(nlp, "a1", 0, "The union urged the Saltreve Harbour Company to raise pay."),
        article(nlp, "a2", 2, "The Saltreve Harbour Company agreed to raise pay by 4 percent."),
        article(nlp, "a3", 3, "Kovar urged Orlesia to extend the grain corridor."),
        article(nlp, "a4", 4, "Estmark extended the grain corridor on Friday."),
    ]
    entries = build_ledger(items)
    by_content = {e.content: e for e in entries}
    assert by_content["raise pay"].status == "promised"
    assert [s.kind for s in by_content["raise pay"].steps] == ["demand", "commitment"]
    # Estmark was not the side asked, so its deed stays an entry of its own, which
    # meets nothing: it has no status.
    corridor = {e.first.kind: e.status for e in entries if "corridor" in e.content}
    assert corridor == {"demand": "open", "action": None}
    assert ledger_json([e for e in entries if e.first.kind == "action"])[0]["status"] is None


def test_a_claimed_action_leaves_the_demand_open_and_no_encoder_needs_shared_words(
    nlp: Any,
) -> None:
    items = [
        article(nlp, "a1", 0, "Kovar pressed Dunmere to extend the grain corridor."),
        article(nlp, "a2", 6, "Halloran claimed that Orlesia had extended the grain corridor."),
    ]
    (entry,) = build_ledger(items)  # "Dunmere" and "Orlesia": one side
    assert [s.kind for s in entry.steps] == ["demand", "action"]
    assert entry.status == "open"  # only claimed: nothing done yet


def test_an_action_done_in_part_partly_meets(nlp: Any) -> None:
    items = [
        article(nlp, "a1", 0, "Kovar pressed Orlesia to extend the grain corridor."),
        article(nlp, "a2", 6, "Orlesia partly extended the grain corridor on Monday."),
    ]
    (entry,) = build_ledger(items)
    assert entry.status == "partly met"


def test_a_deed_done_and_a_deed_withheld_partly_meet(nlp: Any) -> None:
    items = [
        article(nlp, "a1", 0, "The Authority asked Ferrin to hand over its editorial logs."),
        article(nlp, "a2", 6, "Ferrin delivered the editorial logs for February to the Authority."),
        article(nlp, "a3", 9, "Ferrin has not handed the Authority the March editorial logs."),
    ]
    (entry,) = build_ledger(items)
    assert [s.kind for s in entry.steps] == ["demand", "action", "action"]
    assert entry.status == "partly met"


class _FakeEncoder:
    """Vectors that make "pardon" and "release" the same deed."""

    def encode(self, texts: Any, batch_size: int = 64) -> Any:
        import numpy as np

        rows = [[1.0, 0.0] if ("pardon" in t or "release" in t) else [0.0, 1.0] for t in texts]
        return np.asarray(rows, dtype=np.float32)


def test_an_encoder_matches_contents_by_meaning(nlp: Any) -> None:
    items = [
        article(nlp, "a1", 0, "Kovar urged Orlesia to pardon the reporters."),
        article(nlp, "a2", 5, "Orlesia released the journalists on Friday."),
    ]
    assert [e.status for e in build_ledger(items)] == ["open", None]  # no shared words
    (entry,) = build_ledger(items, encoder=_FakeEncoder())
    assert entry.status == "met"


def test_a_deed_that_undoes_the_demand_or_comes_before_it_does_not_answer_it(nlp: Any) -> None:
    items = [
        article(
            nlp,
            "a1",
            0,
            "Orlesia closed the Tessel border crossing in March. "
            "Kovar urged Orlesia to reopen the Tessel border crossing.",
        ),
        article(nlp, "a2", 4, "Orlesia closed the Tessel border crossing again."),
    ]
    entries = build_ledger(items, encoder=_FakeEncoder())
    (demand,) = [e for e in entries if e.first.kind == "demand"]
    assert demand.status == "open" and len(demand.steps) == 1


def test_an_official_of_unstated_country_answers_when_the_sentence_names_the_party_asked(
    nlp: Any,
) -> None:
    items = [
        article(nlp, "a1", 0, "Kovar urged Orlesia to release the five journalists held in Varn."),
        article(
            nlp,
            "a2",
            5,
            "Stefan Orlov refused to release the journalists, saying Orlesia would not be "
            "lectured.",
        ),
    ]
    (entry,) = build_ledger(items)
    assert entry.status == "refused" and [s.article_id for s in entry.steps] == ["a1", "a2"]
    # without the party named, an unknown official's refusal answers nobody's demand
    items[1] = article(nlp, "a2", 5, "Stefan Orlov refused to release the journalists.")
    assert len(build_ledger(items)) == 2


def test_one_deed_done_to_the_same_thing_in_other_words_answers_the_demand(nlp: Any) -> None:
    from storyline.nlp.embeddings import load_encoder

    items = [
        article(nlp, "a1", 0, "Kovar will press Orlesia to free seven detained reporters."),
        article(nlp, "a2", 5, "Orlesia refused to release the five journalists held in Varn."),
        article(nlp, "a3", 6, "Orlesia refused to extend the grain corridor."),
    ]
    entries = build_ledger(items, encoder=load_encoder())
    (reporters,) = [e for e in entries if e.first.kind == "demand"]
    assert reporters.status == "refused"
    assert [s.article_id for s in reporters.steps] == ["a1", "a2"]  # not the corridor


def test_a_dispute_at_home_the_other_side_of_one_country_answers(nlp: Any) -> None:
    items = [
        article(nlp, "a1", 0, "The Estmark Dockworkers' Union demanded a 9 percent pay rise."),
        article(
            nlp,
            "a2",
            2,
            "The operator of Estmark's Port of Saltreve on Thursday rejected the dockworkers' "
            "union's demand for a 9 percent pay rise, and the union said it would extend its "
            "strike indefinitely.",
        ),
    ]
    first = build_ledger(items)[0]
    assert first.status == "refused" and first.sources == ("a1", "a2")


def test_a_demand_reported_inside_its_refusal_is_refused(nlp: Any) -> None:
    items = [
        article(
            nlp,
            "a1",
            0,
            "Pitman rejected the state's request to pause his ruling.",
        )
    ]
    demands = [e for e in build_ledger(items) if e.first.kind == "demand"]
    assert demands and demands[0].status == "refused"


def test_a_demand_told_again_inside_its_refusal_is_the_earlier_demand(nlp: Any) -> None:
    items = [
        article(nlp, "a1", 0, "Kovar urged Orlesia to keep the Tessel border crossing open."),
        article(
            nlp,
            "a2",
            9,
            "Orlesia rejected the union's call to keep the Tessel border crossing open.",
        ),
    ]
    demands = [e for e in build_ledger(items) if e.first.kind == "demand"]
    assert len(demands) == 1  # the union's call is Kovar's demand told again
    assert demands[0].status == "refused"
    assert [s.kind for s in demands[0].steps] == ["demand", "demand", "refusal"]


def test_a_refusal_followed_by_the_deed_is_met(nlp: Any) -> None:
    items = [
        article(nlp, "a1", 0, "Kovar urged Orlesia to reopen the Tessel border crossing."),
        article(nlp, "a2", 3, "Orlesia refused to reopen the Tessel border crossing."),
        article(nlp, "a3", 8, "Orlesia reopened the Tessel border crossing on Tuesday."),
    ]
    (entry,) = build_ledger(items)
    assert entry.status == "met"


def test_an_official_named_as_the_firms_answers_for_it(nlp: Any) -> None:
    items = [
        article(nlp, "a1", 0, "The union urged Vessen Polymers to reopen the staff canteen."),
        article(
            nlp,
            "a2",
            6,
            "Vessen's chief executive, Julian Farrant, met the union on Monday. "
            "Farrant reopened the staff canteen on Tuesday.",
        ),
    ]
    (entry,) = [e for e in build_ledger(items) if e.first.kind == "demand"]
    assert entry.status == "met"


def test_a_short_name_and_a_minister_answer_for_the_body_asked(nlp: Any) -> None:
    items = [
        article(nlp, "a1", 0, "The council urged the ministry to fund the new ferry."),
        article(nlp, "a2", 6, "Transport Minister Ida Borg agreed to fund the new ferry."),
        article(nlp, "b1", 0, "The union urged Vessen Polymers to reopen the staff canteen."),
        article(nlp, "b2", 6, "Vessen reopened the staff canteen on Tuesday."),
    ]
    statuses = {e.content: e.status for e in build_ledger(items) if e.first.kind == "demand"}
    assert statuses == {"fund new ferry": "promised", "reopen staff canteen": "met"}


def test_contents_naming_the_same_things_in_other_words_match(nlp: Any) -> None:
    items = [
        article(
            nlp,
            "a1",
            0,
            "The union urged Vessen Polymers to let independent inspectors examine the store.",
        ),
        article(nlp, "a2", 6, "Vessen agreed to open the store to independent inspection."),
    ]
    (entry,) = [e for e in build_ledger(items) if e.first.kind == "demand"]
    assert entry.status == "promised"


def test_going_on_does_not_meet_a_demand_to_stop(nlp: Any) -> None:
    items = [
        article(nlp, "a1", 0, "Kovar urged Orlesia to halt the filling of the Drava reservoir."),
        article(nlp, "a2", 6, "Orlesia continued filling the Drava reservoir on Monday."),
    ]
    (demand,) = [e for e in build_ledger(items) if e.first.kind == "demand"]
    assert demand.status == "open" and len(demand.steps) == 1


def test_background_dated_before_the_demand_or_a_deed_not_done_answers_nothing(
    nlp: Any,
) -> None:
    items = [
        article(
            nlp,
            "a1",
            30,
            "Kovar urged Orlesia to reopen the Tessel border crossing. "
            "Orlesia reopened the Tessel border crossing in January for a week.",
        ),
        article(nlp, "a2", 36, "Orlesia has not reopened the Tessel border crossing."),
    ]
    (demand,) = [e for e in build_ledger(items) if e.first.kind == "demand"]
    assert demand.status == "open"


class _RiseEncoder:
    """Vectors that make every phrase about the rise one meaning."""

    def encode(self, texts: Any, batch_size: int = 64) -> Any:
        import numpy as np

        rows = [[1.0, 0.0] if "rise" in t else [0.0, 1.0] for t in texts]
        return np.asarray(rows, dtype=np.float32)


def test_a_deed_whose_doer_goes_unnamed_answers_and_a_part_done_partly_meets(nlp: Any) -> None:
    items = [
        article(nlp, "a1", 0, "The union urged Vessen Polymers to pay the rise agreed in May."),
        article(nlp, "a2", 6, "Dock workers received half of the rise agreed in May."),
    ]
    (entry,) = [e for e in build_ledger(items, encoder=_RiseEncoder()) if e.first.kind == "demand"]
    assert [s.kind for s in entry.steps] == ["demand", "action"]  # by meaning, not by words
    assert entry.status == "partly met"


def test_a_deed_done_to_the_same_thing_by_no_one_named_must_be_the_same_deed(nlp: Any) -> None:
    items = [
        article(nlp, "a1", 0, "Kovar urged Orlesia to extend the grain corridor to Lisk."),
        article(nlp, "a2", 6, "The grain corridor to Lisk was opened under a one-year deal."),
    ]
    (entry,) = [e for e in build_ledger(items) if e.first.kind == "demand"]
    assert entry.status == "open" and len(entry.steps) == 1


def test_demands_listed_in_one_sentence_stay_apart(nlp: Any) -> None:
    text = "Kovar urged Orlesia to reopen the border crossing and reopen the border market."
    demands = [e for e in build_ledger([article(nlp, "a1", 0, text)]) if e.first.kind == "demand"]
    assert [e.content for e in demands] == ["reopen border crossing", "reopen border market"]


def test_halting_and_suspending_are_one_deed(nlp: Any) -> None:
    items = [
        article(nlp, "a1", 0, "Kovar urged Orlesia to halt the Drava project."),
        article(nlp, "a2", 6, "Orlesia suspended the Drava project on Monday."),
    ]
    (demand,) = [e for e in build_ledger(items) if e.first.kind == "demand"]
    assert demand.status == "met"


def test_an_order_to_a_party_is_a_demand_its_deed_answers(nlp: Any) -> None:
    items = [
        article(
            nlp, "a1", 0, "The regulator ordered Norline Transit to withdraw the old carriages."
        ),
        article(nlp, "a2", 8, "Norline Transit withdrew the old carriages on Monday."),
    ]
    (entry,) = build_ledger(items)
    assert [s.kind for s in entry.steps] == ["demand", "action"]
    assert entry.steps[0].ask.kind == "action"  # the extractor's record is the order given
    assert (entry.target, entry.status) == ("Norline Transit", "met")


def test_a_demand_told_again_by_the_sides_official_is_one_entry(nlp: Any) -> None:
    items = [
        article(
            nlp,
            "a1",
            0,
            "Karsia wants Menorra to withdraw its complaint to the tribunal. "
            "Karsia's Energy Minister Tomas Orel spoke in Lanz.",
        ),
        article(nlp, "a2", 7, "Orel urged Menorra again to withdraw the complaint."),
    ]
    demands = [e for e in build_ledger(items) if e.first.kind == "demand"]
    assert len(demands) == 1
    assert [s.article_id for s in demands[0].steps] == ["a1", "a2"]


def test_a_bare_refusal_right_after_a_demand_refuses_it(nlp: Any) -> None:
    items = [
        article(
            nlp,
            "a1",
            0,
            "Velorin's managing director, Conrad Ilves, asked the council for a larger "
            "subsidy. The deputy mayor, Ruth Kanagawa, turned him down on the spot.",
        )
    ]
    (entry,) = build_ledger(items)
    assert (entry.content, entry.target, entry.status) == (
        "large subsidy",
        "the council",
        "refused",
    )
    assert [s.kind for s in entry.steps] == ["demand", "refusal"]


def test_a_pledge_not_to_do_what_was_asked_refuses_it(nlp: Any) -> None:
    items = [
        article(
            nlp, "a1", 0, "The regulator ordered Ferrow Media to pay a fine of 2 million dalers."
        ),
        article(nlp, "a2", 4, "Ferrow Media said it would not pay the fine."),
    ]
    (entry,) = [e for e in build_ledger(items) if e.first.kind == "demand"]
    assert entry.status == "refused"
    assert [s.kind for s in entry.steps] == ["demand", "refusal"]


def test_a_deed_told_in_the_passive_answers_the_demand_it_does(nlp: Any) -> None:
    items = [
        article(
            nlp,
            "a1",
            0,
            "The mayor asked the Transit Standards Board to open a formal review of tram safety.",
        ),
        article(
            nlp,
            "a2",
            6,
            "A formal review of tram safety was opened by the Transit Standards Board.",
        ),
    ]
    (entry,) = [e for e in build_ledger(items) if e.first.kind == "demand"]
    assert (entry.status, [s.article_id for s in entry.steps]) == ("met", ["a1", "a2"])
    assert entry.steps[1].ask.content.startswith("open formal review")


def test_a_service_running_again_meets_a_demand_to_restore_it(nlp: Any) -> None:
    items = [
        article(
            nlp, "a1", 0, "The mayor urged Norline Transit to restore the night buses on route 4."
        ),
        article(nlp, "a2", 20, "Night services on route 4 ran again from Monday."),
    ]
    (entry,) = [e for e in build_ledger(items) if e.first.kind == "demand"]
    assert (entry.status, [s.article_id for s in entry.steps]) == ("met", ["a1", "a2"])


def test_a_time_clause_does_not_make_two_demands_one(nlp: Any) -> None:
    items = [
        article(
            nlp,
            "a1",
            0,
            "Ferrow Media asked the court to waive the fine until the appeal is decided. "
            "Ferrow Media also asked the regulator to renew its licence until the appeal "
            "is decided.",
        ),
    ]
    demands = [e for e in build_ledger(items) if e.first.kind == "demand"]
    assert sorted(len(e.steps) for e in demands) == [1, 1]


def test_a_bare_refusal_refuses_the_demand_just_told(nlp: Any) -> None:
    items = [
        article(
            nlp, "a1", 0, "Lanz asked Palo to publish the letters. Palo refused. Talks went on."
        ),
    ]
    (entry,) = [e for e in build_ledger(items) if e.first.kind == "demand"]
    assert (entry.status, [s.kind for s in entry.steps]) == ("refused", ["demand", "refusal"])


# Refusals that word what they refuse in other words, and things kept back by a deed.


def test_withholding_what_was_asked_refuses_it(nlp: Any) -> None:
    items = [
        article(nlp, "a1", 0, "The Authority asked Ferrin to hand over its editorial logs."),
        article(nlp, "a2", 9, "Ferrin has withheld the editorial logs."),
    ]
    (entry,) = build_ledger(items)
    assert [s.kind for s in entry.steps] == ["demand", "refusal"]
    assert entry.status == "refused"


def test_a_part_done_and_a_part_withheld_partly_meet_the_demand(nlp: Any) -> None:
    items = [
        article(nlp, "a1", 0, "The Authority asked Ferrin to hand over its editorial logs."),
        article(nlp, "a2", 6, "Ferrin delivered the editorial logs for February to the Authority."),
        article(nlp, "a3", 9, "Ferrin has withheld the March editorial logs."),
    ]
    (entry,) = build_ledger(items)
    assert [s.kind for s in entry.steps] == ["demand", "action", "refusal"]
    assert entry.status == "partly met"


class _ThingEncoder:
    """Paying a fine and handing over money are far apart as wholes, but what they are
    done to ("fine … daler", "single daler") is one thing."""

    def encode(self, texts: Any, batch_size: int = 64) -> Any:
        import numpy as np

        def row(t: str) -> list[float]:
            if t.startswith(("fine", "single")):
                return [1.0, 0.0, 0.0]
            return [0.0, 1.0, 0.0] if "pay" in t else [0.0, 0.0, 1.0]

        return np.asarray([row(t) for t in texts], dtype=np.float32)


def test_a_refusal_of_the_thing_asked_in_other_words_answers_the_demand(nlp: Any) -> None:
    items = [
        article(nlp, "a1", 0, "The Authority ordered Ferrin to pay a fine of 1.2 million dalers."),
        article(nlp, "a2", 5, "Ferrin said it would not hand over a single daler."),
    ]
    (entry,) = [e for e in build_ledger(items, encoder=_ThingEncoder()) if e.first.kind == "demand"]
    assert [s.kind for s in entry.steps] == ["demand", "refusal"]
    assert entry.status == "refused"
