"""The analysis runner: one small loop that runs extraction stages over an article.

Each :class:`Stage` declares what it ``needs`` (``article``, ``doc`` — the spaCy
parse — or what an earlier stage ``adds``) and the one field of
:class:`AnnotatedArticle` it ``adds``. :class:`Annotator` checks the order when
it is built, so a stage that reads something no earlier stage makes fails at
construction, not halfway through a corpus.

>>> from storyline.records import Article
>>> article = Article(id="a", source="s", kind="text", content_hash="h",
...     text="The talks ended on Tuesday.", raw_text="The talks ended on Tuesday.")
>>> Annotator([TimexStage()], nlp=None).annotate(article).timexes[0].value
'XXXX-XX-XX'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, Protocol

from storyline.extract.asks import Ask, extract_asks
from storyline.extract.entities import Entity, group_entities
from storyline.extract.figures import Figure, extract_figures
from storyline.extract.quotes import Quote, extract_quotes
from storyline.extract.time import Timex, extract_timexes
from storyline.records import Article

__all__ = [
    "AnnotatedArticle",
    "Annotator",
    "AskStage",
    "EntityStage",
    "FigureStage",
    "QuoteStage",
    "Stage",
    "TimexStage",
    "default_annotator",
    "mend_sentences",
]


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    """An article with what the extraction stages found in its clean text.

    Every record's ``start``/``end`` are offsets into ``article.text``;
    ``sentences`` are the parse's sentence ranges (empty when nothing was parsed).
    """

    article: Article
    sentences: tuple[tuple[int, int], ...] = ()
    timexes: tuple[Timex, ...] = ()
    figures: tuple[Figure, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    asks: tuple[Ask, ...] = ()


_FIELDS = frozenset(f.name for f in fields(AnnotatedArticle)) - {"article", "sentences"}


class Stage(Protocol):
    """One extraction stage."""

    name: str
    needs: frozenset[str]
    adds: str

    def __call__(self, article: Article, found: Mapping[str, Any]) -> tuple[Any, ...]:
        """The records this stage finds; ``found`` holds ``doc`` and earlier stages' output."""
        ...


class TimexStage:
    """Time expressions, normalised against the publication date."""

    name = "timexes"
    needs = frozenset({"article"})
    adds = "timexes"

    def __call__(self, article: Article, found: Mapping[str, Any]) -> tuple[Timex, ...]:
        return extract_timexes(article.text, article.published, found.get("doc"))


class EntityStage:
    """The article's entities: names, pronouns and descriptions grouped."""

    name = "entities"
    needs = frozenset({"doc"})
    adds = "entities"

    def __call__(self, article: Article, found: Mapping[str, Any]) -> tuple[Entity, ...]:
        return group_entities(found["doc"])


class QuoteStage:
    """Direct, partial and indirect quotes with speakers resolved through the entities."""

    name = "quotes"
    needs = frozenset({"doc", "entities"})
    adds = "quotes"

    def __call__(self, article: Article, found: Mapping[str, Any]) -> tuple[Quote, ...]:
        return extract_quotes(found["doc"], found["entities"])


class FigureStage:
    """Money, percentages, counts and quantities, with what they measure and when."""

    name = "figures"
    needs = frozenset({"doc", "timexes"})
    adds = "figures"

    def __call__(self, article: Article, found: Mapping[str, Any]) -> tuple[Figure, ...]:
        return extract_figures(
            article.text, article.published, doc=found["doc"], timexes=found["timexes"]
        )


class AskStage:
    """Demands, commitments, actions and refusals, with actor, target and the quote they sit in."""

    name = "asks"
    needs = frozenset({"doc", "entities", "quotes", "timexes"})
    adds = "asks"

    def __call__(self, article: Article, found: Mapping[str, Any]) -> tuple[Ask, ...]:
        return extract_asks(found["doc"], found["entities"], found["quotes"], found["timexes"])


class Annotator:
    """Runs stages in order over articles, parsing each text once when a stage needs it."""

    def __init__(self, stages: Sequence[Stage], nlp: Any = None) -> None:
        available = {"article", "doc"} if nlp is not None else {"article"}
        for stage in stages:
            missing = stage.needs - available
            if missing:
                raise ValueError(
                    f"stage {stage.name!r} needs {sorted(missing)}, made by no earlier stage"
                )
            if stage.adds not in _FIELDS:
                raise ValueError(f"stage {stage.name!r} adds unknown field {stage.adds!r}")
            available.add(stage.adds)
        self.stages = tuple(stages)
        self.nlp = nlp
        self._wants_doc = any("doc" in s.needs for s in stages)

    def annotate(self, article: Article, doc: Any = None) -> AnnotatedArticle:
        """Run every stage over one article (``doc``: its parse, when already made)."""
        found: dict[str, Any] = {}
        if self._wants_doc and self.nlp is not None:
            found["doc"] = doc if doc is not None else self.nlp(article.text)
        for stage in self.stages:
            found[stage.adds] = stage(article, found)
        sentences: tuple[tuple[int, int], ...] = ()
        if "doc" in found:  # a spaCy Doc; test doubles may have no sentences
            sents = getattr(found["doc"], "sents", ())
            sentences = mend_sentences(
                article.text,
                [_trimmed(s.start_char, s.end_char, s.text) for s in sents if s.text.strip()],
            )
        return AnnotatedArticle(
            article, sentences, **{k: v for k, v in found.items() if k in _FIELDS}
        )

    def annotate_all(
        self, articles: Iterable[Article], batch_size: int = 32
    ) -> Iterator[AnnotatedArticle]:
        """Annotate many articles, in order, parsing them in batches."""
        if not (self._wants_doc and self.nlp is not None):
            for article in articles:
                yield self.annotate(article)
            return
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        yield from self._batch(batch)

    def _batch(self, batch: list[Article]) -> Iterator[AnnotatedArticle]:
        docs = self.nlp.pipe([a.text for a in batch], batch_size=len(batch) or 1)
        for article, doc in zip(batch, docs, strict=True):
            yield self.annotate(article, doc)


def _trimmed(start: int, end: int, text: str) -> tuple[int, int]:
    """The range without the whitespace a parser sentence may begin or end with."""
    return start + len(text) - len(text.lstrip()), end - len(text) + len(text.rstrip())


_CONTINUES = re.compile(r"[,;:]\s*[\"”’']?\s*$")
_CONTINUATION = re.compile(r"^\s*[,;:)\]]")
_OPENERS = frozenset("\"“‘'")
# A mark after a space at a sentence's end opens a quotation (a closing one touches the
# word or punctuation before it).
_TRAILING_OPENER = re.compile(r"\s+([\"“‘'])\s*$")


def mend_sentences(text: str, sentences: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Mend parser sentence breaks that cannot be right.

    A sentence does not end on a comma or semicolon (``“…, ” she said`` split
    after the closing quote) and does not start with one; a quotation mark
    that opens the next sentence belongs to it, not to the end of the one before
    (``… said. “We …`` split after the mark, or the mark alone as a sentence);
    and a section label it opens with ("Why it matters: ") is left out.

    >>> t = '“We will talk,” Kovar said. Talks began.'
    >>> [t[s:e] for s, e in mend_sentences(t, [(0, 15), (16, 27), (28, 40)])]
    ['“We will talk,” Kovar said.', 'Talks began.']
    >>> t = 'He left. "We will go," she said.'
    >>> [t[s:e] for s, e in mend_sentences(t, [(0, 10), (10, 32)])]
    ['He left.', '"We will go," she said.']
    """
    out: list[tuple[int, int]] = []
    for start, end in _openers_moved(text, sentences):
        if out and (
            _CONTINUES.search(text[out[-1][0] : out[-1][1]]) or _CONTINUATION.match(text[start:end])
        ):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return tuple(_after_label(text, start, end) for start, end in out)


# A section label some outlets open paragraphs with ("Why it matters:", "The big
# picture:", "Driving the news:"): a question word's short phrase or one of the
# labels of such formats. Other short openers before a colon introduce what
# someone said ("But he argued:", "A club spokesman confirmed:") and stay.
_LABEL = re.compile(
    r"(?:(?:Why|What|What’s|What's|How|Where|When|Who)(?: [a-z’']+){1,4}"
    r"|The big picture|Driving the news|Between the lines|The bottom line|Bottom line"
    r"|Go deeper|Yes, but|At a glance|Catch up quick|Flashback|Of note|Zoom in|Zoom out"
    r"|Reality check|State of play|The backstory|The latest|By the numbers|Context"
    r"|The other side|Be smart|Our thought bubble|Worth noting|Key quote):\s+(?=[“\"A-Z])"
)


def _after_label(text: str, start: int, end: int) -> tuple[int, int]:
    """A sentence without the section label it opens with: the label is the outlet's
    layout, not part of what the sentence says.

    >>> t = "Why it matters: The ruling could reach other states."
    >>> s, e = _after_label(t, 0, len(t)); t[s:e]
    'The ruling could reach other states.'
    >>> _after_label("But he argued: It is off.", 0, 25)
    (0, 25)
    """
    m = _LABEL.match(text, start, end)
    return (m.end(), end) if m is not None and m.end() < end else (start, end)


def _openers_moved(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences with an opening quotation mark at the end of one moved to the next."""
    out: list[tuple[int, int]] = []
    carried: int | None = None  # where a mark cut from the previous sentence starts
    for k, (start, end) in enumerate(sentences):
        if carried is not None:
            start, carried = min(start, carried), None
        last = k == len(sentences) - 1
        if not last and text[start:end].strip() in _OPENERS:
            carried = start  # a mark alone: it opens the next sentence
            continue
        opener = None if last else _TRAILING_OPENER.search(text, start, end)
        if opener is not None and opener.start() > start:
            carried = opener.start(1)
            end = opener.start()
        out.append((start, end))
    return out


def default_annotator() -> Annotator:
    """Every stage storyline has, with its own English pipeline."""
    from storyline.nlp.pipeline import load_nlp

    return Annotator(
        [TimexStage(), FigureStage(), EntityStage(), QuoteStage(), AskStage()], nlp=load_nlp()
    )
