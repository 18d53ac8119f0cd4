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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, Protocol

from storyline.extract.entities import Entity, group_entities
from storyline.extract.figures import Figure, extract_figures
from storyline.extract.quotes import Quote, extract_quotes
from storyline.extract.time import Timex, extract_timexes
from storyline.records import Article

__all__ = [
    "AnnotatedArticle",
    "Annotator",
    "EntityStage",
    "FigureStage",
    "QuoteStage",
    "Stage",
    "TimexStage",
    "default_annotator",
]


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    """An article with what the extraction stages found in its clean text.

    Every record's ``start``/``end`` are offsets into ``article.text``.
    """

    article: Article
    timexes: tuple[Timex, ...] = ()
    figures: tuple[Figure, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()


_FIELDS = frozenset(f.name for f in fields(AnnotatedArticle)) - {"article"}


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

    def annotate(self, article: Article) -> AnnotatedArticle:
        """Run every stage over one article."""
        found: dict[str, Any] = {}
        if self._wants_doc and self.nlp is not None:
            found["doc"] = self.nlp(article.text)
        for stage in self.stages:
            found[stage.adds] = stage(article, found)
        return AnnotatedArticle(article, **{k: v for k, v in found.items() if k in _FIELDS})

    def annotate_all(self, articles: Iterable[Article]) -> Iterable[AnnotatedArticle]:
        """Annotate many articles, in order."""
        for article in articles:
            yield self.annotate(article)


def default_annotator() -> Annotator:
    """Every stage storyline has, with its own English pipeline."""
    from storyline.nlp.pipeline import load_nlp

    return Annotator([TimexStage(), FigureStage(), EntityStage(), QuoteStage()], nlp=load_nlp())
