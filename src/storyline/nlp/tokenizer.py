"""News-text tokenizer rules and the sentence guard that corrects the sentence splitter.

spaCy's English tokenizer is the base. :func:`customize_tokenizer` changes it
for news copy:

* hyphenated words stay whole ("Jean-Claude", "10-year-old", "e-mail"), as in
  CoNLL-2003, which the entity recogniser is trained on;
* number ranges stay whole: "1939-45" and "2010–11" are one token each, as EWT
  keeps "571-9571" (so a date extractor reads the range from one token);
* em and en dashes between words, and curly double quotes glued to a word
  ("said:“no”—then"), are split off as tokens of their own;
* abbreviations common in news ("Gov.", "Sept.", "U.S.", "a.m.") stay one
  token, plus a few spaCy lacks ("Lt.", "Sgt.", "Supt.", "U.K.", "U.N.").

The rules are stored in the saved pipeline's ``tokenizer`` file, so loading
needs no code from here; the registered callback
``storyline.news_tokenizer.v1`` applies them in ``[initialize.before_init]``
and ``training/nlp/assemble.py`` applies them to the shipped pipeline.

:func:`sentence_guard` (factory ``storyline_sentence_guard``), after the
sentence splitter, undoes starts that cannot be (after "Gov.", after a
comma-closing quote as in “We will go,” he said), moves a break that falls
before a closing quote to after it, and breaks at line ends. The parser keeps
these boundaries.

>>> import spacy
>>> nlp = customize_tokenizer(spacy.blank("en"))
>>> [t.text for t in nlp("Jean-Claude Juncker said—“no.”")]
['Jean-Claude', 'Juncker', 'said', '—', '“', 'no', '.', '”']
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import ORTH
from spacy.lang.char_classes import ALPHA, HYPHENS
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, registry

__all__ = [
    "NEWS_ABBREVIATIONS",
    "customize_tokenizer",
    "news_tokenizer_callback",
    "sentence_guard",
]

#: Abbreviations added as tokenizer special cases (spaCy has most others).
NEWS_ABBREVIATIONS: tuple[str, ...] = (
    "Lt.", "Sgt.", "Cpl.", "Capt.", "Col.", "Maj.", "Cmdr.", "Supt.", "Insp.",
    "Gov.", "Sen.", "Rep.", "Rt.", "Hon.", "Pres.", "Amb.", "Atty.", "Det.",
    "Fr.", "Sr.", "Jr.", "Vol.", "Ave.", "Blvd.", "Rd.", "Ft.",
    "U.K.", "U.N.", "U.S.A.", "E.U.", "a.m.", "p.m.", "A.M.", "P.M.", "approx.",
    "est.", "vs.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Oct.",
    "Nov.", "Dec.", "Sens.", "Reps.", "Govs.", "Gens.", "Res.", "Con.",
)  # fmt: skip

# Titles and month abbreviations: the next word is never a new sentence.
_NEVER_FINAL = frozenset(
    {
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gov.", "Sen.", "Rep.", "Gen.",
        "Lt.", "Sgt.", "Cpl.", "Capt.", "Col.", "Maj.", "Cmdr.", "Adm.", "Supt.",
        "Insp.", "Rev.", "Rt.", "Hon.", "Pres.", "Amb.", "Atty.", "Det.", "Fr.",
        "St.", "Mt.", "Vol.", "Messrs.", "Jan.", "Feb.", "Mar.",
        "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
        "vs.", "approx.", "est.", "Sens.", "Reps.", "Govs.", "Gens.", "Con.",
    }
)  # fmt: skip

_OPENING_QUOTES = frozenset({"“", "‘", '"', "'", "«"})
_CLOSING_QUOTES = frozenset({"”", "’", '"', "'", "»"})
_FINAL_PUNCT = frozenset({".", "!", "?", "…"})
_CLOSING_BRACKETS = frozenset({")", "]"})
# A text whose splitter starts follow a final mark this often punctuates its sentences.
_PUNCTUATED = 0.9

# Dashes between words and curly double quotes are split wherever they are;
# an en dash between digits is a range ("2010–11") and stays.
_EXTRA_INFIXES = (
    r"—|―",
    r"(?<![0-9])–|–(?![0-9])",
    r"[“”]",
    r"(?<=[^\s:]):(?=[“‘])",
)


def customize_tokenizer(nlp: Language) -> Language:
    """Apply storyline's news rules to ``nlp.tokenizer`` in place; return ``nlp``.

    >>> import spacy
    >>> nlp = customize_tokenizer(spacy.blank("en"))
    >>> [t.text for t in nlp("The 1939-45 war cost $1.2 trillion.")]
    ['The', '1939-45', 'war', 'cost', '$', '1.2', 'trillion', '.']
    """
    hyphen_between_letters = rf"(?<=[{ALPHA}0-9])(?:{HYPHENS})(?=[{ALPHA}])"
    digit_operator = r"(?<=[0-9])[+\-\*^](?=[0-9-])"
    infixes = [
        pattern
        for pattern in nlp.Defaults.infixes or ()
        if pattern not in (hyphen_between_letters, digit_operator)
    ]
    # Keep "+" and "*" between digits as operators; only the hyphen range stays whole.
    infixes.append(r"(?<=[0-9])[+\*^](?=[0-9])")
    infixes.extend(_EXTRA_INFIXES)
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        raise TypeError(f"expected a spaCy Tokenizer, got {type(tokenizer).__name__}")
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    add_news_abbreviations(tokenizer)
    return nlp


def add_news_abbreviations(tokenizer: Tokenizer) -> None:
    """Keep :data:`NEWS_ABBREVIATIONS` whole ("Sens.", not "Sens" "."). Run when the
    pipeline is built and again when it is loaded, so abbreviations added since the
    shipped pipeline was built apply too (a special case that exists is kept as is)."""
    for abbreviation in NEWS_ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def news_tokenizer_callback() -> Callable[[Language], Language]:
    """Config hook: ``[initialize.before_init] @callbacks = "storyline.news_tokenizer.v1"``."""
    return customize_tokenizer


registry.callbacks.register("storyline.news_tokenizer.v1", func=news_tokenizer_callback)


@Language.component("storyline_sentence_guard")
def sentence_guard(doc: Doc) -> Doc:
    """Correct the sentence starts the sentence splitter set, for news copy.

    * a line break starts a sentence at the next word unless that word is in
      lower case (a headline or a paragraph ends there; "said\nthat" runs on),
      and the break itself stays with the sentence before it;
    * a capitalised word after a full stop, question or exclamation mark
      standing alone (not ending an abbreviation) starts a sentence;
    * no sentence starts after a comma or semicolon (“… our products,” | Mr
      Eddington said), at a lower-case word after a bracket ("Sen. Joe
      Manchin (D-W.Va.) | on Thursday") or between two capitalised words
      ("Recep | Tayyip Erdogan");
    * in a text that punctuates its sentences (at least 90 % of the
      splitter's starts follow a sentence-final mark), a sentence starts only
      after such a mark, alone or closing a word ("U.S."), maybe followed by
      closing quotes or brackets: the splitter, trained on web text, sometimes
      breaks inside a name ("Viktor | Yushchenko"). Web text that leaves its
      sentences unpunctuated keeps the splitter's starts;
    * after a title or month abbreviation ("Gov. Smith", "Sept. 4"), and after
      an abbreviation such as "U.S." followed by a lower-case word or a digit,
      no sentence starts before the next sentence-final mark;
    * a closing quote after sentence-final punctuation belongs to that
      sentence, and the capitalised word after it starts the next one;
    * after a comma or other non-final mark inside quotes (“We will go,” he
      said), the sentence runs on to the next sentence-final mark.

    A whole run of tokens is marked, not just the first, so the splitter's
    starts inside it are undone too.
    """
    punctuated = _punctuated(doc)
    for i in range(1, len(doc)):
        token, previous = doc[i], doc[i - 1]
        if token.is_space:
            token.is_sent_start = False
        elif previous.is_space and "\n" in previous.text:
            token.is_sent_start = not token.is_lower
            continue
        elif token.is_sent_start and (
            _before(doc, i, _CLOSING_QUOTES) in {",", ";"}
            or (token.is_lower and previous.text in _CLOSING_BRACKETS)
            or (previous.is_title and previous.is_alpha and token.is_title)
            or (punctuated and not _after_final(doc, i))
        ):
            token.is_sent_start = False
        elif token.is_title and _after_lone_final(doc, i):
            token.is_sent_start = True
        if previous.text in _NEVER_FINAL or (
            previous.text.endswith(".")
            and len(previous.text) > 1
            and (token.is_lower or token.like_num)
        ):
            _hold(doc, i)
        elif token.text in _CLOSING_QUOTES and _is_closing(doc, i):
            token.is_sent_start = False
            if i + 1 < len(doc):
                following = doc[i + 1]
                if previous.text in _FINAL_PUNCT and following.is_title:
                    following.is_sent_start = True
                elif previous.text not in _FINAL_PUNCT and following.is_lower:
                    _hold(doc, i + 1)
    return doc


def _before(doc: Doc, i: int, skip: frozenset[str]) -> str:
    """The text of the token before ``doc[i]``, past whitespace and ``skip`` tokens."""
    j = i - 1
    while j >= 0 and (doc[j].is_space or doc[j].text in skip):
        j -= 1
    return doc[j].text if j >= 0 else ""


def _punctuated(doc: Doc) -> bool:
    """Does the text end its sentences with punctuation, as edited copy does? True when
    at least ``_PUNCTUATED`` of the splitter's starts (line starts aside) follow a
    sentence-final mark."""
    starts = [
        k
        for k in range(1, len(doc))
        if doc[k].is_sent_start
        and not doc[k].is_space
        and not (doc[k - 1].is_space and "\n" in doc[k - 1].text)
    ]
    return not starts or sum(_after_final(doc, k) for k in starts) >= _PUNCTUATED * len(starts)


def _after_lone_final(doc: Doc, i: int) -> bool:
    """Does ``doc[i]`` follow a full stop, question or exclamation mark standing alone and
    a space (past whitespace tokens)?"""
    j = i - 1
    while j > 0 and doc[j].is_space:
        j -= 1
    return doc[j].text in _FINAL_PUNCT and (j < i - 1 or bool(doc[j].whitespace_))


def _after_final(doc: Doc, i: int) -> bool:
    """Does ``doc[i]`` follow a sentence-final mark (past closing quotes and brackets)?"""
    return _before(doc, i, _CLOSING_QUOTES | _CLOSING_BRACKETS)[-1:] in _FINAL_PUNCT


def _hold(doc: Doc, start: int, limit: int = 40) -> None:
    """Forbid sentence starts from ``doc[start]`` through the next final mark."""
    for token in doc[start : start + limit]:
        token.is_sent_start = False
        if token.text in _FINAL_PUNCT or "\n" in token.whitespace_ or token.is_space:
            return


def _is_closing(doc: Doc, i: int) -> bool:
    """Is the quote at ``doc[i]`` closing rather than opening a quotation?"""
    text = doc[i].text
    if text in {"”", "»"}:
        return True
    if text == "’" and i > 0 and not doc[i - 1].whitespace_:
        return doc[i - 1].text in _FINAL_PUNCT or doc[i - 1].is_punct
    if text in {'"', "'"}:
        # A straight quote closes when glued to the previous token.
        return i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].text not in _OPENING_QUOTES
    return False
