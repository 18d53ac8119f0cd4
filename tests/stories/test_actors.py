"""Canonical actors across outlets: one person under several names, a name clash kept apart."""

from __future__ import annotations

from storyline.extract.entities import Entity, Mention
from storyline.stories.actors import normalise_name, resolve_actors


def ent(
    eid: str,
    name: str,
    kind: str,
    *mentions: tuple[str, int],
    roles: tuple[str, ...] = (),
    aliases: tuple[str, ...] = (),
) -> Entity:
    return Entity(
        eid,
        name,
        kind,
        aliases,
        roles,
        tuple(Mention(t, s, s + len(t), "name") for t, s in mentions),
    )


def test_one_person_across_outlets_with_roles_and_their_sources() -> None:
    t1 = "Chancellor Angela Merkel arrived in Paris."
    t2 = "Merkel said the talks went well."
    t3 = "German leader Angela Merkel left on Friday."
    actors = resolve_actors(
        [
            (
                "a1",
                t1,
                (
                    ent(
                        "e1",
                        "Angela Merkel",
                        "PER",
                        ("Chancellor Angela Merkel", 0),
                        roles=("Chancellor",),
                    ),
                ),
            ),
            ("a2", t2, (ent("e1", "Merkel", "PER", ("Merkel", 0)),)),
            (
                "a3",
                t3,
                (
                    ent(
                        "e9",
                        "Angela Merkel",
                        "PER",
                        ("Angela Merkel", 14),
                        roles=("German leader",),
                    ),
                ),
            ),
        ]
    )
    (merkel,) = actors.actors
    assert merkel.name == "Angela Merkel" and merkel.articles == ("a1", "a2", "a3")
    assert {(m.article_id, m.text) for m in merkel.mentions} == {
        ("a1", "Chancellor Angela Merkel"),
        ("a2", "Merkel"),
        ("a3", "Angela Merkel"),
    }
    roles = {r.text: r.sources for r in merkel.roles}
    assert set(roles) == {"Chancellor", "German leader"}
    (src,) = roles["German leader"]
    assert t3[src.start : src.end] == "German leader" and src.article_id == "a3"
    assert actors.of("a2", "e1") == actors.of("a3", "e9") == merkel.id


def test_a_bare_surname_shared_by_two_people_joins_neither() -> None:
    actors = resolve_actors(
        [
            (
                "a1",
                "Adela Kovar met Milan Kovar.",
                (
                    ent("e1", "Adela Kovar", "PER", ("Adela Kovar", 0)),
                    ent("e2", "Milan Kovar", "PER", ("Milan Kovar", 15)),
                ),
            ),
            ("a2", "Kovar spoke.", (ent("e1", "Kovar", "PER", ("Kovar", 0)),)),
        ]
    )
    names = sorted(a.name for a in actors.actors)
    assert names == ["Adela Kovar", "Kovar", "Milan Kovar"]
    assert len({a.id for a in actors.actors}) == 3


def test_organisations_join_on_an_alias_but_not_on_a_name_inside_another() -> None:
    actors = resolve_actors(
        [
            (
                "a1",
                "The European Union (EU) and Sudan.",
                (
                    ent("e1", "European Union", "ORG", ("The European Union", 0), aliases=("EU",)),
                    ent("e2", "Sudan", "LOC", ("Sudan", 28)),
                ),
            ),
            (
                "a2",
                "The EU and South Sudan.",
                (
                    ent("e1", "EU", "ORG", ("EU", 4)),
                    ent("e2", "South Sudan", "LOC", ("South Sudan", 11)),
                ),
            ),
        ]
    )
    by = {a.name: a for a in actors.actors}
    assert set(by) == {"European Union", "Sudan", "South Sudan"}
    assert by["European Union"].articles == ("a1", "a2")


def test_a_person_never_merges_with_a_place_of_the_same_name() -> None:
    actors = resolve_actors(
        [
            (
                "a1",
                "Jordan Peters visited Jordan.",
                (
                    ent("e1", "Jordan Peters", "PER", ("Jordan Peters", 0)),
                    ent("e2", "Jordan", "LOC", ("Jordan", 22)),
                ),
            )
        ]
    )
    assert len(actors.actors) == 2


def test_names_compare_without_case_accents_dots_or_a_leading_the() -> None:
    assert normalise_name("The U.S. Senate") == normalise_name("the US senate")


def test_a_middle_initial_does_not_split_a_person_across_outlets() -> None:
    t1 = "Treasury Secretary Janet L. Yellen wrote to Congress."
    t2 = "Janet Yellen warned of a default."
    actors = resolve_actors(
        [
            ("a1", t1, (ent("e1", "Janet L. Yellen", "PER", ("Janet L. Yellen", 19)),)),
            ("a2", t2, (ent("e1", "Janet Yellen", "PER", ("Janet Yellen", 0)),)),
        ]
    )
    (actor,) = actors.actors
    assert actor.name == "Janet L. Yellen" and actor.aliases == ("Janet Yellen",)


def test_two_middle_initials_keep_father_and_son_apart() -> None:
    texts = ["George W. Bush spoke.", "George H. W. Bush spoke.", "George Bush spoke."]
    names = ["George W. Bush", "George H. W. Bush", "George Bush"]
    actors = resolve_actors(
        [
            (f"a{i}", t, (ent("e1", n, "PER", (n, 0)),))
            for i, (t, n) in enumerate(zip(texts, names, strict=True))
        ]
    )
    assert sorted(a.name for a in actors.actors) == sorted(names)


def test_forms_of_address_and_party_tags_are_not_roles() -> None:
    t1 = "Ms. Yellen, Treasury Secretary, spoke. Sen. Mitt Romney, R-Utah, agreed."
    t2 = "Treasury\u00a0Secretary Janet Yellen spoke."
    actors = resolve_actors(
        [
            (
                "a1",
                t1,
                (
                    ent(
                        "e1",
                        "Janet Yellen",
                        "PER",
                        ("Yellen", 4),
                        roles=("Ms.", "Treasury Secretary"),
                    ),
                    ent("e2", "Mitt Romney", "PER", ("Mitt Romney", 44), roles=("Sen.", "R-Utah")),
                ),
            ),
            ("a2", t2, (ent("e1", "Janet Yellen", "PER", ("Janet Yellen", 19)),)),
        ],
        [("a2", "e1", "Treasury\u00a0Secretary")],
    )
    roles = {a.name: [(r.text, len(r.sources)) for r in a.roles] for a in actors.actors}
    # one role, however it is spaced, with the span of each outlet's wording
    assert roles == {"Janet Yellen": [("Treasury Secretary", 2)], "Mitt Romney": [("Sen.", 1)]}


def test_a_generational_suffix_does_not_split_a_person_across_outlets() -> None:
    t1 = "Thomas J. Barrack Jr. was charged on Tuesday."
    t2 = "Thomas Barrack pleaded not guilty."
    actors = resolve_actors(
        [
            ("a1", t1, (ent("e1", "Thomas J. Barrack Jr.", "PER", ("Thomas J. Barrack Jr.", 0)),)),
            ("a2", t2, (ent("e1", "Thomas Barrack", "PER", ("Thomas Barrack", 0)),)),
        ]
    )
    assert [a.name for a in actors.actors] == ["Thomas J. Barrack Jr."]


def test_father_and_son_named_alike_stay_apart() -> None:
    names = ["John F. Kennedy", "John F. Kennedy Jr."]
    actors = resolve_actors(
        [(f"a{i}", f"{n} spoke.", (ent("e1", n, "PER", (n, 0)),)) for i, n in enumerate(names)]
    )
    assert sorted(a.name for a in actors.actors) == names


def bodies(*articles: tuple[str, tuple[Entity, ...]]) -> list[tuple[str, int]]:
    """(actor name, number of articles) per actor, for articles given as (text, entities)."""
    actors = resolve_actors([(f"a{n}", text, ents) for n, (text, ents) in enumerate(articles)])
    return [(a.name, len(a.articles)) for a in actors.actors]


def test_two_orders_of_a_name_and_initials_that_fit_one_body_join() -> None:
    assert bodies(
        ("x", (ent("e1", "Department of Justice", "ORG"),)),
        ("x", (ent("e1", "Justice Department", "ORG"),)),
        ("x", (ent("e1", "DOJ", "ORG"),)),
    ) == [("Department of Justice", 3)]


def test_initials_two_bodies_fit_join_neither() -> None:
    assert bodies(
        ("x", (ent("e1", "International Criminal Court", "ORG"),)),
        ("x", (ent("e1", "International Cricket Council", "ORG"),)),
        ("x", (ent("e1", "ICC", "ORG"),)),
    ) == [("International Criminal Court", 1), ("International Cricket Council", 1), ("ICC", 1)]


def test_a_name_qualified_by_place_or_party_joins_the_body_it_names() -> None:
    assert bodies(
        ("x", (ent("e1", "U.S. Capitol Police", "ORG"),)),
        ("x", (ent("e1", "Capitol Police", "LOC"),)),
        ("x", (ent("e1", "Democratic-led House Ways and Means Committee", "ORG"),)),
        ("x", (ent("e1", "House Ways and Means Committee", "ORG"),)),
        ("x", (ent("e1", "Justice Department's Office of Legal Counsel", "ORG"),)),
        ("x", (ent("e1", "Office of Legal Counsel", "ORG"),)),
    ) == [
        ("Capitol Police", 2),
        ("House Ways and Means Committee", 2),
        ("Office of Legal Counsel", 2),
    ]


def test_a_rest_two_bodies_share_joins_neither() -> None:
    assert bodies(
        ("x", (ent("e1", "House Intelligence Committee", "ORG"),)),
        ("x", (ent("e1", "Senate Intelligence Committee", "ORG"),)),
        ("x", (ent("e1", "Intelligence Committee", "ORG"),)),
    ) == [
        ("House Intelligence Committee", 1),
        ("Senate Intelligence Committee", 1),
        ("Intelligence Committee", 1),
    ]
    # and a name that merely contains another is another place
    assert bodies(
        ("x", (ent("e1", "South Sudan", "LOC"),)), ("x", (ent("e1", "Sudan", "LOC"),))
    ) == [("South Sudan", 1), ("Sudan", 1)]


def test_a_groups_singular_plural_and_adjective_are_one_actor() -> None:
    assert bodies(
        ("x", (ent("e1", "Democrats", "NORP"),)),
        ("x", (ent("e1", "Democrat", "NORP"),)),
        ("x", (ent("e1", "Democratic", "NORP"),)),
        ("x", (ent("e1", "Republicans", "NORP"),)),
    ) == [("Democrat", 3), ("Republicans", 1)]


def test_a_surname_no_outlet_gives_in_full_is_one_person() -> None:
    assert bodies(("x", (ent("e1", "Casey", "PER"),)), ("x", (ent("e1", "Casey", "PER"),))) == [
        ("Casey", 2)
    ]


def test_a_title_shared_by_several_names_is_shown_as_each_holds_it() -> None:
    actors = resolve_actors(
        [("a1", "Justices Ada Vell spoke.", (ent("e1", "Ada Vell", "PER", roles=("Justices",)),))]
    )
    assert [r.text for r in actors.actors[0].roles] == ["Justice"]


def test_a_single_name_one_outlet_tags_a_person_and_another_a_place_is_the_place() -> None:
    assert bodies(
        ("x", (ent("e1", "Orlesia", "LOC"),)),
        ("x", (ent("e1", "Orlesia", "PER"),)),
        ("x", (ent("e1", "Orlesia", "LOC"),)),
    ) == [("Orlesia", 3)]
    actors = resolve_actors(
        [("a1", "x", (ent("e1", "Orlesia", "PER"),)), ("a2", "x", (ent("e1", "Orlesia", "LOC"),))]
    )
    assert actors.actors[0].type == "LOC"


def test_a_countrys_common_names_are_one_actor() -> None:
    assert bodies(
        ("x", (ent("e1", "United States", "LOC"),)),
        ("x", (ent("e1", "U.S.", "LOC"),)),
        ("x", (ent("e1", "America", "LOC"),)),
    ) == [("United States", 3)]


def test_a_persons_name_typed_as_a_body_is_the_person() -> None:
    actors = resolve_actors(
        [
            ("a1", "x", (ent("e1", "Joe Biden", "PER"),)),
            ("a2", "x", (ent("e1", "Biden", "MISC"),)),  # "the Biden administration"
            ("a3", "x", (ent("e1", "Joe Biden", "ORG"),)),
        ]
    )
    assert [(a.name, a.type, len(a.articles)) for a in actors.actors] == [("Joe Biden", "PER", 3)]
