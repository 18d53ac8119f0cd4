"""Lemma lookup for words seen in the treebank, on top of the parser's lemma rules.

On UD English-EWT dev, "the lemma the treebank gives this (form, UPOS) most
often, else the trained model's guess" beats either alone (measured, for the
spaCy edit-tree lemmatizer this pipeline had before, by
``training/nlp/compare_lemmatizers.py``; for the MiniLM parser's lemma-rule head
that replaced it the guess alone scores .918 and the two together .973). The
component runs after ``storyline_parser`` and overwrites lemmas of (form, UPOS)
pairs in its table.

For a verb or noun the treebank never saw, the guess is sometimes no
word at all ("blamed" → "blam", "unveiled" → "unveile", "suing" → "su"). When
``words`` (English words seen in lower case in news text, with the treebank's
lemmas; ``training/nlp/build_lemma_words.py``) lacks the guess, the regular
English inflections are undone instead ("blam" + "e", "trimm" undoubled,
"-ies" → "-y") and the first candidate that is a known word is kept; an
unseen past form of an irregular verb takes its base from a list ("froze" →
"freeze", "fled" → "flee"). Table and word list are saved with the pipeline.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> lookup = nlp.add_pipe("storyline_lemma_lookup")
>>> lookup.table = {"went\\tVERB": "go"}
>>> doc = nlp.make_doc("He went")
>>> doc[1].pos_ = "VERB"
>>> lookup(doc)[1].lemma_
'go'
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["PAST_PARTICIPLES", "LemmaLookup", "base_forms", "build_table"]

_TABLE_FILE = "table.json"
_WORDS_FILE = "words.json"
_VOWELS = frozenset("aeiou")
_INFLECTED = frozenset({"VERB", "NOUN"})
_INFLECTED_VERB_TAGS = frozenset({"VBD", "VBN", "VBG", "VBZ"})
_PAST_TAGS = frozenset({"VBD", "VBN"})  # "found" past is "find"; "to found a firm" is not


# English irregular verbs: base, past, past participle (a closed class the lemma rules
# cannot learn from forms they never saw: "froze" → "froze").
_IRREGULAR = """
arise arose arisen; awake awoke awoken; bear bore borne; beat beat beaten;
become became become; begin began begun; bend bent bent; bet bet bet; bid bid bid;
bind bound bound; bite bit bitten; bleed bled bled; blow blew blown; break broke broken;
breed bred bred; bring brought brought; build built built; burn burnt burnt;
burst burst burst; buy bought bought; cast cast cast; catch caught caught;
choose chose chosen; cling clung clung; come came come; cost cost cost; creep crept crept;
cut cut cut; deal dealt dealt; dig dug dug; do did done; draw drew drawn; drink drank drunk;
drive drove driven; eat ate eaten; fall fell fallen; feed fed fed; feel felt felt;
fight fought fought; find found found; flee fled fled; fling flung flung; fly flew flown;
forbid forbade forbidden; forecast forecast forecast; foresee foresaw foreseen;
forget forgot forgotten; forgive forgave forgiven; freeze froze frozen; get got gotten;
give gave given; go went gone; grind ground ground; grow grew grown; hang hung hung;
have had had; hear heard heard; hide hid hidden; hit hit hit; hold held held; hurt hurt hurt;
keep kept kept; kneel knelt knelt; know knew known; lay laid laid; lead led led;
lean leant leant; leap leapt leapt; learn learnt learnt; leave left left; lend lent lent;
let let let; lie lay lain; light lit lit; lose lost lost; make made made; mean meant meant;
meet met met; mislead misled misled; mistake mistook mistaken; outdo outdid outdone;
overcome overcame overcome; overrun overran overrun; oversee oversaw overseen;
overtake overtook overtaken; overthrow overthrew overthrown; pay paid paid; prove proved proven;
put put put; quit quit quit; read read read; rebuild rebuilt rebuilt; redo redid redone;
repay repaid repaid; rewrite rewrote rewritten; ride rode ridden; ring rang rung; rise rose risen;
run ran run; say said said; see saw seen; seek sought sought; sell sold sold; send sent sent;
set set set; shake shook shaken; shed shed shed; shine shone shone; shoot shot shot;
show showed shown; shrink shrank shrunk; shut shut shut; sing sang sung; sink sank sunk;
sit sat sat; slay slew slain; sleep slept slept; slide slid slid; sling slung slung;
slit slit slit; speak spoke spoken; speed sped sped; spend spent spent; spin spun spun;
spit spat spat; split split split; spread spread spread; spring sprang sprung;
stand stood stood; steal stole stolen; stick stuck stuck; sting stung stung; stink stank stunk;
strike struck struck; string strung strung; strive strove striven; swear swore sworn;
sweep swept swept; swell swelled swollen; swim swam swum; swing swung swung; take took taken;
teach taught taught; tear tore torn; tell told told; think thought thought; throw threw thrown;
thrust thrust thrust; tread trod trodden; undergo underwent undergone;
understand understood understood; undertake undertook undertaken; undo undid undone;
uphold upheld upheld; upset upset upset; wake woke woken; wear wore worn; weave wove woven;
weep wept wept; win won won; wind wound wound; withdraw withdrew withdrawn;
withhold withheld withheld; withstand withstood withstood; wring wrung wrung;
write wrote written
"""
_IRREGULAR_BASE = {
    form: forms.split()[0] for forms in _IRREGULAR.split(";") for form in forms.split()[1:]
}
_IRREGULAR_BASES = frozenset(forms.split()[0] for forms in _IRREGULAR.split(";"))
# an irregular verb's past participle, by its base: "freeze" → "frozen"
PAST_PARTICIPLES = {
    forms.split()[0]: forms.split()[2] for forms in _IRREGULAR.split(";") if forms.strip()
}


def _undouble(stem: str) -> str | None:
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        return stem[:-1]
    return None


def base_forms(form: str) -> list[str]:
    """Candidate lemmas of an inflected verb or noun, most likely first.

    >>> base_forms("blamed"), base_forms("trimmed"), base_forms("suing")
    (['blam', 'blame'], ['trimm', 'trimme', 'trim'], ['su', 'sue'])
    >>> base_forms("policies"), base_forms("carried")
    (['policie', 'polici', 'policy'], ['carri', 'carrie', 'carry'])
    """
    out: list[str] = []
    for suffix in ("ing", "ed", "es", "s"):
        if not form.endswith(suffix) or len(form) - len(suffix) < 2:
            continue
        stem = form[: -len(suffix)]
        if suffix == "s":
            out.append(stem)
            continue
        if suffix == "es":
            out += [stem + "e", stem]
            if stem.endswith("i"):
                out.append(stem[:-1] + "y")
            continue
        out += [stem, stem + "e"]
        single = _undouble(stem)
        if single is not None:
            out.append(single)
        if suffix == "ed" and stem.endswith("i"):
            out.append(stem[:-1] + "y")
        if suffix == "ing" and stem.endswith("y"):
            out.append(stem[:-1] + "ie")  # "dying" → "die"
        break
    return list(dict.fromkeys(c for c in out if c != form))


def build_table(conllu_lines: Iterable[str]) -> dict[str, str]:
    """Most frequent lemma of each ``form\\tUPOS`` pair in CoNLL-U lines.

    >>> build_table(["1\\twent\\tgo\\tVERB\\tVBD\\t_\\t0\\troot\\t_\\t_"])
    {'went\\tVERB': 'go'}
    """
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for line in conllu_lines:
        columns = line.rstrip("\n").split("\t")
        if len(columns) == 10 and columns[0].isdigit():
            counts[f"{columns[1]}\t{columns[3]}"][columns[2]] += 1
    return {key: lemmas.most_common(1)[0][0] for key, lemmas in sorted(counts.items())}


def _guessed_wrong(token: Any, words: frozenset[str]) -> bool:
    """Whether a guessed lemma is no word, or an inflected verb left as it is written
    ("climbed" → "climbed"; the word list holds inflected forms too)."""
    guess = token.lemma_.lower()
    if guess not in words:
        return True
    return guess == token.lower_ and token.tag_ in _INFLECTED_VERB_TAGS


class LemmaLookup:
    """Overwrite ``token.lemma_`` for (form, UPOS) pairs with a known lemma, and mend
    a verb's or noun's guessed lemma that is no known word."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.table: dict[str, str] = {}
        self.words: frozenset[str] = frozenset()

    def __call__(self, doc: Doc) -> Doc:
        table, words = self.table, self.words
        for token in doc:
            lemma = table.get(f"{token.text}\t{token.pos_}")
            if lemma is not None:
                token.lemma_ = lemma
            elif token.lower_ in _IRREGULAR_BASE and (
                token.tag_ in _PAST_TAGS
                or (token.tag_ == "VBZ" and token.lower_[-1] != "s")
                or (
                    token.pos_ in ("VERB", "AUX")
                    and token.lower_ not in _IRREGULAR_BASES
                    and token.tag_ in ("VBP", "NN", "NNS", "JJ", "RB")
                )
            ):  # "froze" → "freeze"; tagged VBZ, which ends in "-s", it can only be a past;
                # so is a verb to the parser that is no verb's base form, tagged a present
                # or no verb at all ("sank" as VBP or a noun); a bare VB may be a base of
                # its own ("to found a firm")
                token.lemma_ = _IRREGULAR_BASE[token.lower_]
            elif words and token.pos_ in _INFLECTED and _guessed_wrong(token, words):
                known = next((c for c in base_forms(token.lower_) if c in words), None)
                if known is not None:
                    token.lemma_ = known
        return doc

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / _TABLE_FILE, self.table, indent=0)
        if self.words:
            srsly.write_json(path / _WORDS_FILE, sorted(self.words), indent=0)

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> LemmaLookup:
        path = Path(path)
        self.table = dict(srsly.read_json(path / _TABLE_FILE))
        if (path / _WORDS_FILE).exists():
            self.words = frozenset(srsly.read_json(path / _WORDS_FILE))
        return self


@Language.factory("storyline_lemma_lookup")
def make_lemma_lookup(nlp: Language, name: str) -> LemmaLookup:
    """spaCy factory for :class:`LemmaLookup` (table filled by assembly or from disk)."""
    return LemmaLookup(nlp, name)
