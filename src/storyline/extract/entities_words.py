"""Word lists for :mod:`storyline.extract.entities`: titles, honorifics, pronouns.

>>> "chancellor" in ROLE_HEADS and PRONOUNS["she"] == "f"
True
"""

from __future__ import annotations

import re

__all__ = [
    "GENDERED",
    "HONORIFICS",
    "NOT_A_ROLE",
    "PLURAL_ROLE_HEADS",
    "PRONOUNS",
    "ROLE_HEADS",
    "ROLE_MODIFIERS",
]

# Head words of titles and roles; a title is one of these with the capitalised or
# listed modifiers in front of it.
ROLE_HEADS = frozenset(
    [
        "president",
        "chancellor",
        "minister",
        "secretary",
        "senator",
        "sen.",
        "rep.",
        "representative",
        "governor",
        "gov.",
        "mayor",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "chief",
        "judge",
        "justice",
        "general",
        "gen.",
        "admiral",
        "commissioner",
        "king",
        "queen",
        "prince",
        "pope",
        "premier",
        "leader",
        "speaker",
        "congressman",
        "congresswoman",
        "candidate",
        "nominee",
        "adviser",
        "advisor",
        "negotiator",
        "envoy",
        "diplomat",
        "economist",
        "analyst",
        "professor",
        "prof.",
        "dr.",
        "lawyer",
        "attorney",
        "ceo",
        "executive",
        "manager",
        "deputy",
        "lt.",
        "col.",
        "capt.",
        "sgt.",
        "officer",
        "councillor",
        "councilman",
        "treasurer",
        "vice-president",
    ]
)
ROLE_MODIFIERS = frozenset(
    [
        "foreign",
        "trade",
        "press",
        "prime",
        "vice",
        "deputy",
        "former",
        "finance",
        "interior",
        "home",
        "health",
        "defense",
        "defence",
        "state",
        "economy",
        "economic",
        "justice",
        "labor",
        "labour",
        "energy",
        "chief",
        "general",
        "executive",
        "junior",
        "senior",
        "acting",
        "first",
        "assistant",
        "associate",
        "secretary",
        "attorney",
        "white",
        "house",
        "presidential",
        "campaign",
        "u.s.",
        "eu",
    ]
)
#: A title shared by the names after it ("Justices Clarence Thomas and Samuel Alito",
#: "Sens. Joe Manchin and Kyrsten Sinema"), and the title each of them holds.
PLURAL_ROLE_HEADS = {
    "justices": "Justice",
    "judges": "Judge",
    "senators": "Senator",
    "sens.": "Sen.",
    "representatives": "Representative",
    "reps.": "Rep.",
    "governors": "Governor",
    "govs.": "Gov.",
    "generals": "General",
    "gens.": "Gen.",
}
HONORIFICS = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f"}
GENDERED = {
    "spokesman": "m",
    "spokeswoman": "f",
    "chairman": "m",
    "chairwoman": "f",
    "congressman": "m",
    "congresswoman": "f",
    "king": "m",
    "queen": "f",
    "prince": "m",
    "princess": "f",
}
PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}

#: Words that describe nobody: a form of address ("Ms.") or a US legislator's party and
#: state ("R-Utah", "D-W.Va."), written where a role or description stands.
NOT_A_ROLE = re.compile(r"^(?:(?:mr|mrs|ms|miss|mx)\.?|[rdi]-[a-z][a-z.]{1,12})$", re.IGNORECASE)
