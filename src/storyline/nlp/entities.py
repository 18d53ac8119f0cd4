"""The ``storyline_entities`` component: the entity types CoNLL-2003 lacks.

The trained recogniser knows PER, ORG, LOC and MISC. Later stages also need
money, percentages, quantities, dates, times and nationalities or groups;
this component adds them by rules over token attributes (spaCy's ``Matcher``):

- MONEY ("$1.2 trillion", "£35m", "5.44 billion euros"),
- PERCENT ("about 70 percent", "12%"),
- QUANTITY ("40-mile", "3,000 tonnes"),
- DATE ("last March", "Feb. 3", "1939-45", "the 1990s", "Thursday"),
- TIME ("7am", "3:45 p.m.", "last night"),
- NORP ("Turkish", "Europeans", "Republicans"), from a word list derived
  from the CoNLL training split and the raw news corpora
  (``training/ner/build_norp.py``),
- CARDINAL, when ``cardinal`` is set (off by default).

It never overwrites a trained PER/ORG/LOC/MISC span, with two exceptions: a
MISC span that is exactly one nationality word becomes NORP, and a name the
recogniser cut short of an organisation's head word ("Velorin" of "Velorin
Mobility") runs on to it and becomes an ORG; capitalised runs ending in such a
word that it missed ("the Transit Standards Board") are ORGs too.

Importing this module registers the factory:

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("storyline_entities")
>>> [(e.text, e.label_) for e in nlp("Sales rose 12% to $1.2 trillion last March.").ents]
[('12%', 'PERCENT'), ('$1.2 trillion', 'MONEY'), ('last March', 'DATE')]
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from storyline.nlp.norp_words import NORP_WORDS

__all__ = ["RULE_LABELS", "StorylineEntities"]

RULE_LABELS = ("MONEY", "PERCENT", "QUANTITY", "DATE", "TIME", "NORP", "CARDINAL")

_MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
]  # fmt: skip
_MONTH_ABBR = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
_MONTH = _MONTHS + _MONTH_ABBR + [m + "." for m in _MONTH_ABBR]
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_SEASONS = ["spring", "summer", "autumn", "fall", "winter"]
_PERIODS = ["day", "week", "month", "year", "decade", "century", "quarter", "weekend"]
_RELATIVE = ["last", "next", "this", "past", "previous", "coming", "same", "that"]
_APPROX = [
    "about", "around", "nearly", "almost", "roughly", "some", "approximately", "over",
    "under", "only", "just", "barely",
]  # fmt: skip
_SCALE = ["hundred", "thousand", "million", "billion", "trillion", "m", "bn", "mn", "k", "tn"]
_CURRENCY_WORD = [
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan",
    "renminbi", "rupee", "rupees", "franc", "francs", "cent", "cents", "pence", "peso",
    "pesos", "rouble", "roubles", "ruble", "rubles", "won", "krona", "kronor", "crowns",
    "marks", "lira", "real", "reais", "rand", "dinars", "shekels", "p",
]  # fmt: skip
_UNITS = [
    "mile", "miles", "km", "kilometre", "kilometres", "kilometer", "kilometers", "metre",
    "metres", "meter", "meters", "centimetre", "centimetres", "centimeter", "centimeters",
    "millimetre", "millimetres", "m", "cm", "mm", "foot", "feet", "ft", "inch", "inches",
    "yard", "yards", "acre", "acres", "hectare", "hectares", "tonne", "tonnes", "ton",
    "tons", "kg", "kilogram", "kilograms", "kilo", "kilos", "gram", "grams", "g", "pound",
    "lb", "lbs", "ounce", "ounces", "oz", "litre", "litres", "liter", "liters", "gallon",
    "gallons", "barrel", "barrels", "degree", "degrees", "mph", "kph", "km/h", "sq",
    "square", "cubic", "megawatt", "megawatts", "mw", "gigawatt", "gigawatts", "gw",
    "kilowatt", "kwh", "bpd", "calories", "storey", "storeys", "mile-long",
]  # fmt: skip
_TIME_WORDS = ["a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "bst", "est", "et", "pt", "utc"]
_NUMBER_WORDS = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred",
    "dozens", "hundreds", "thousands", "millions", "several", "a", "few",
]  # fmt: skip

_NUM: dict[str, Any] = {"LIKE_NUM": True}
_CURRENCY_SIGN = re.compile(r"^(US|C|A|HK|NZ|S)?[$£€¥]$")
# What may precede an amount inside its span: "about", "more than", "up to", "at least"
_LEADS: list[list[dict[str, Any]]] = [
    [],
    [{"LOWER": {"IN": _APPROX}}],
    [{"LOWER": {"IN": ["more", "less", "fewer"]}}, {"LOWER": "than"}],
    [{"LOWER": "up"}, {"LOWER": "to"}],
    [{"LOWER": "at"}, {"LOWER": {"IN": ["least", "most"]}}],
]
_OPT_SCALE: dict[str, Any] = {"LOWER": {"IN": _SCALE}, "OP": "*"}
_YEAR = {"TEXT": {"REGEX": r"^(1[5-9]|20)\d\d$"}}
_DAY = {"TEXT": {"REGEX": r"^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$"}}


_LEAD_MARK: dict[str, Any] = {}
_LEAD = [_LEAD_MARK]
#: Match keys of patterns that may take a lead: the label with this suffix.
_LEADED = "+lead"


def _patterns() -> dict[str, list[list[dict[str, Any]]]]:
    """The patterns by match key: ``LABEL`` for patterns that take no lead, ``LABEL+lead``
    for those marked with ``_LEAD``, without the mark: the component adds the lead
    before the match itself (:func:`_lead_length`), so the matcher tries one pattern per
    amount instead of one per lead."""
    out: dict[str, list[list[dict[str, Any]]]] = {}
    for label, patterns in _raw_patterns().items():
        for pattern in patterns:
            if pattern and pattern[0] is _LEAD_MARK:
                out.setdefault(label + _LEADED, []).append(pattern[1:])
            else:
                out.setdefault(label, []).append(pattern)
    return out


def _lead_words(lead: list[dict[str, Any]]) -> tuple[frozenset[str], ...]:
    """A lead's tokens as the sets of lower-case words each may be."""
    words = [spec["LOWER"] for spec in lead]
    return tuple(frozenset(w["IN"] if isinstance(w, dict) else [w]) for w in words)


# The leads as word sets, longest first (they never overlap: no word ends two of them)
_LEAD_WORDS = sorted((_lead_words(lead) for lead in _LEADS if lead), key=len, reverse=True)


def _lead_length(doc: Doc, start: int) -> int:
    """How many tokens before ``start`` form one of :data:`_LEADS` ("about", "more
    than", "up to", "at least"): 0 when none does."""
    for lead in _LEAD_WORDS:
        n = len(lead)
        if start >= n and all(doc[start - n + k].lower_ in w for k, w in enumerate(lead)):
            return n
    return 0


def _raw_patterns() -> dict[str, list[list[dict[str, Any]]]]:
    money_symbol = {"TEXT": {"REGEX": _CURRENCY_SIGN.pattern}}
    money_fused = {"TEXT": {"REGEX": r"^(US|C|A|HK|NZ|S)?[$£€¥]\d[\d,.]*(m|bn|k|mn|tn)?$"}}
    number_fused_scale = {"TEXT": {"REGEX": r"^\d[\d,.]*(m|bn|k|mn|tn)$"}}
    amount = [_NUM, _OPT_SCALE]
    return {
        "MONEY": [
            [*_LEAD, money_symbol, *amount],
            [*_LEAD, money_symbol, number_fused_scale],
            [*_LEAD, money_fused, _OPT_SCALE],
            [*_LEAD, *amount, {"LOWER": {"IN": _CURRENCY_WORD}}],
            [*_LEAD, number_fused_scale, {"LOWER": {"IN": _CURRENCY_WORD}}],
        ],
        "PERCENT": [
            [*_LEAD, {"TEXT": {"REGEX": r"^[+-]?\d[\d,.]*%$"}}],
            [*_LEAD, _NUM, {"LOWER": {"IN": ["%", "percent", "pct"]}}],
            [*_LEAD, _NUM, {"LOWER": "per"}, {"LOWER": "cent"}],
            [*_LEAD, _NUM, {"LOWER": "percentage"}, {"LOWER": {"IN": ["point", "points"]}}],
        ],
        "QUANTITY": [
            [{"TEXT": {"REGEX": r"^\d[\d,.]*-(" + "|".join(_UNITS) + r")$"}}],
            [_NUM, {"TEXT": "-"}, {"LOWER": {"IN": _UNITS}}],
            [*_LEAD, _NUM, _OPT_SCALE, {"LOWER": {"IN": _UNITS}}],
            [{"TEXT": {"REGEX": r"^\d[\d,.]*(km|kg|mm|cm|ft|lb|mph|mw|gw)$"}}],
        ],
        "DATE": [
            [{"LOWER": {"IN": _MONTH}, "IS_TITLE": True}, _DAY, {"TEXT": ",", "OP": "?"}, _YEAR],
            [{"LOWER": {"IN": _MONTH}, "IS_TITLE": True}, _DAY],
            [{"LOWER": {"IN": _MONTH[:12]}, "IS_TITLE": True, "ORTH": {"NOT_IN": ["May"]}}],
            [{"LOWER": {"IN": _MONTH}, "IS_TITLE": True}, _YEAR],
            [_DAY, {"LOWER": {"IN": _MONTH}, "IS_TITLE": True}, _YEAR],
            [_DAY, {"LOWER": {"IN": _MONTH}, "IS_TITLE": True}],
            [{"LOWER": {"IN": ["early", "mid", "late", "mid-"]}, "OP": "?"}, _YEAR],
            [{"TEXT": {"REGEX": r"^(early|mid|late)-(1[5-9]|20)\d\d$"}}],
            [_YEAR, {"TEXT": {"IN": ["-", "–", "/"]}}, {"TEXT": {"REGEX": r"^(\d\d|\d{4})$"}}],
            [{"TEXT": {"REGEX": r"^(1[5-9]|20)\d\d[-–/](\d\d|\d{4})$"}}],
            [{"TEXT": {"REGEX": r"^\d{4}-\d\d-\d\d$"}}],
            [{"LOWER": "the", "OP": "?"}, {"TEXT": {"REGEX": r"^((1[5-9]|20)\d0|'?\d0)s$"}}],
            [{"LOWER": {"IN": _RELATIVE}}, {"LOWER": {"IN": _MONTH[:12] + _WEEKDAYS + _SEASONS}}],
            [{"LOWER": {"IN": _RELATIVE}}, {"LOWER": {"IN": _PERIODS}}],
            [
                {"LOWER": {"IN": ["earlier", "later"]}},
                {"LOWER": "this"},
                {"LOWER": {"IN": _PERIODS}},
            ],
            [{"LOWER": {"IN": _WEEKDAYS}, "IS_TITLE": True}],
            [
                {"LOWER": {"IN": ["the", "this", "last", "next", "early", "late"]}},
                {"LOWER": {"IN": _SEASONS}},
            ],
            [
                {"LOWER": "the"},
                {"LOWER": {"IN": ["first", "second", "third", "fourth", "final", "last"]}},
                {"LOWER": {"IN": ["quarter", "half"]}},
            ],
            [{"LOWER": {"IN": ["yesterday", "today", "tomorrow"]}}],
            [
                {"LOWER": {"IN": ["the", "a"]}, "OP": "?"},
                {"LOWER": {"IN": ["past", "last", "next", "coming", "previous", "first"]}},
                {"LIKE_NUM": True, "OP": "?"},
                {"LOWER": {"IN": [p + "s" for p in _PERIODS] + _PERIODS}},
            ],
            [
                {"LOWER": {"IN": _NUMBER_WORDS}, "OP": "+"},
                {"LOWER": {"IN": [p + "s" for p in _PERIODS]}},
                {"LOWER": "ago", "OP": "?"},
            ],
            [_NUM, {"LOWER": {"IN": [p + "s" for p in _PERIODS] + _PERIODS}}],
            [_NUM, {"TEXT": "-"}, {"LOWER": {"IN": _PERIODS}}],
            [{"TEXT": {"REGEX": r"^\d+-(day|week|month|year|decade)$"}}],
        ],
        "TIME": [
            [
                *_LEAD,
                {"TEXT": {"REGEX": r"^([01]?\d|2[0-3])([:.][0-5]\d)?$"}},
                {"LOWER": {"IN": _TIME_WORDS}},
            ],
            [*_LEAD, {"TEXT": {"REGEX": r"^([01]?\d|2[0-3])(:[0-5]\d)?([ap]\.?m\.?)$"}}],
            [
                {"TEXT": {"REGEX": r"^([01]?\d|2[0-3]):[0-5]\d$"}},
                {"LOWER": {"IN": _TIME_WORDS}, "OP": "?"},
            ],
            [{"LOWER": {"IN": ["noon", "midnight", "tonight"]}}],
            [
                {"LOWER": {"IN": ["last", "this", "tomorrow", "yesterday"]}},
                {"LOWER": {"IN": ["night", "morning", "afternoon", "evening"]}},
            ],
            [_NUM, {"LOWER": {"IN": ["hours", "minutes", "seconds", "hour", "minute"]}}],
            [_NUM, {"LOWER": "o'clock"}],
        ],
        "CARDINAL": [
            [*_LEAD, _NUM, _OPT_SCALE],
        ],
    }


# Capitalised words that end an organisation's name ("Velorin Mobility", "the Transit
# Standards Board", "the Nessford Riders' Forum").
_ORG_HEAD_WORDS = """
    forum mobility broadcasting authority board council union group company corporation
    bank commission agency ministry party court association institute foundation holdings
    airlines airways motors energy transit federation league committee trust partners
    industries systems technologies polymers chemicals pharmaceuticals tribunal
"""
_ORG_HEADS = frozenset(_ORG_HEAD_WORDS.split())
_TRAINED = ("PER", "ORG", "LOC", "MISC")
_ARTICLES = ("the", "a", "an")


def _org_head(tok: Any) -> bool:
    return bool(tok.is_title and tok.lower_ in _ORG_HEADS)


def _organisations(doc: Doc, ents: list[Span]) -> list[Span]:
    """Names the recogniser trained on CoNLL-2003 cuts short or misses: a name followed by
    an organisation's head word is that organisation ("Velorin" + "Mobility", "Nessford
    Riders" + "' Forum"), and so is a run of two or more capitalised words ending in one
    that the recogniser left untagged ("Transit Standards Board"); a "person" ending in
    one is an ORG too ("Ferrin Broadcasting")."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out: list[Span] = []
    for ent in ents:
        if ent.label_ not in _TRAINED:
            out.append(ent)
            continue
        end = ent.end
        while end < len(doc) and end not in taken:
            if _org_head(doc[end]):
                end += 1
            elif (
                doc[end].text in ("'", "’")
                and doc[end - 1].lower_.endswith("s")
                and end + 1 < len(doc)
                and end + 1 not in taken
                and _org_head(doc[end + 1])
            ):
                end += 2  # "the Nessford Riders' Forum"
            else:
                break
        # a name run on to an organisation's head word, or a "person" ending in one, is
        # an ORG; the recogniser's own LOC or MISC ending in one stands ("West Bank",
        # "American League", "Russian Federation")
        org = _org_head(doc[end - 1]) and (end > ent.end or ent.label_ == "PER")
        label = "ORG" if org else ent.label_
        taken.update(range(ent.end, end))
        out.append(
            ent if (end, label) == (ent.end, ent.label_) else Span(doc, ent.start, end, label)
        )
    i = 0
    while i < len(doc):
        if i in taken or not (doc[i].is_title and doc[i].is_alpha):
            i += 1
            continue
        j = i
        while j < len(doc) and j not in taken and doc[j].is_title and doc[j].is_alpha:
            j += 1
        start = i + 1 if doc[i].lower_ in _ARTICLES else i  # "The Transit Standards Board"
        if j - start >= 2 and _org_head(doc[j - 1]):
            out.append(Span(doc, start, j, "ORG"))
        i = j
    return out


class StorylineEntities:
    """Add MONEY/PERCENT/QUANTITY/DATE/TIME/NORP (and optionally CARDINAL) spans."""

    def __init__(self, nlp: Language, name: str = "storyline_entities", cardinal: bool = False):
        self.name = name
        self.cardinal = cardinal
        self.matcher = Matcher(nlp.vocab)
        self.keys: dict[int, tuple[str, bool]] = {}  # match key -> (label, takes a lead)
        for key, patterns in _patterns().items():
            label = key.removesuffix(_LEADED)
            if label != "CARDINAL" or cardinal:
                self.matcher.add(key, patterns)
                self.keys[nlp.vocab.strings[key]] = (label, key != label)
        self.matcher.add("NORP", [[{"ORTH": {"IN": sorted(NORP_WORDS)}}]])
        self.keys[nlp.vocab.strings["NORP"]] = ("NORP", False)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for key, start, end in self.matcher(doc):
            label, leaded = self.keys[key]
            spans.append(Span(doc, start, end, label))
            lead = _lead_length(doc, start) if leaded else 0
            if lead:  # both, as one pattern per lead would have matched: the longest wins
                spans.append(Span(doc, start - lead, end, label))
        found = filter_spans(spans)
        money = {i for s in found if s.label_ == "MONEY" for i in range(s.start, s.end)}
        kept: list[Span] = []
        for ent in doc.ents:
            if ent.label_ == "MISC":
                # CoNLL tags a bare currency sign ("C$") MISC; the amount around it wins
                if _CURRENCY_SIGN.match(ent.text) and money.issuperset(range(ent.start, ent.end)):
                    continue
                # A lone nationality word the recogniser called MISC is a NORP
                if ent.text in NORP_WORDS:
                    ent = Span(doc, ent.start, ent.end, label="NORP")
            kept.append(ent)
        kept = _organisations(doc, kept)
        taken = {i for ent in kept for i in range(ent.start, ent.end)}
        found = [s for s in found if taken.isdisjoint(range(s.start, s.end))]
        doc.ents = sorted(kept + found, key=lambda s: s.start)
        return doc

    def to_disk(self, path: Any, *, exclude: Any = ()) -> None:
        """Nothing to save: the rules live in code."""

    def from_disk(self, path: Any, *, exclude: Any = ()) -> StorylineEntities:
        """Nothing to load: the rules live in code."""
        return self

    def to_bytes(self, *, exclude: Any = ()) -> bytes:
        """Nothing to save: the rules live in code."""
        return b""

    def from_bytes(self, data: bytes, *, exclude: Any = ()) -> StorylineEntities:
        """Nothing to load: the rules live in code."""
        return self


@Language.factory("storyline_entities", default_config={"cardinal": False})
def make_storyline_entities(nlp: Language, name: str, cardinal: bool) -> StorylineEntities:
    """Build the component; ``cardinal`` also labels bare numbers."""
    return StorylineEntities(nlp, name, cardinal=cardinal)
