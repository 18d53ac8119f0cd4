"""``storyline eval ledger DIR``: the asks ledger against hand-labelled stories.

``DIR`` holds one folder per story (``evaldata/ledger``): ``articles.jsonl`` (the
articles, read and cleaned as ``storyline brief`` reads them) and ``expected.json``
(labelled demands with their answers, restatements and status, and ``not_done``
passages; see the folder's ``README.md``). A story's split (tune or test) comes from
``DIR/splits.json`` (``{"slug": "tune"}``), else from ``expected.json``.

Every article of a story is annotated and the ledger is built over all of them as
**one story**: story clustering is not measured here (``eval clustering`` does that).

Labelled passages are exact substrings of the raw ``text``; storyline's offsets point
into the cleaned text (datelines and bylines removed), so each passage is looked up
in the cleaned text. Matching:

- a labelled **demand** matches a ledger entry headed by a demand when one of the
  entry's demand steps has a content span overlapping the labelled content (or one of
  its ``restated`` passages) in the same article; each entry is used once, best
  overlap first. ``demand_recall`` is over labelled demands, ``demand_precision``
  over entries headed by a demand (one that restates a labelled demand as an entry of
  its own is a duplicate, so false);
- ``actor_accuracy`` / ``target_accuracy``: on matched demands, the entry's party
  (its name or country) equals the label or one of its aliases, case and a leading
  "the" ignored;
- ``answer_recall``: labelled answers whose passage overlaps a non-demand step of the
  entry matched to their demand;
- ``status_accuracy``: matched demands whose entry has the labelled status;
- ``not_done_counted``: ``not_done`` passages that overlap an action step of an entry
  headed by a demand that the ledger calls met or partly met, when that step is told
  as done (a step reported as not done, "has not handed over the logs", is listed in
  the entry but meets nothing).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.extract.annotate import Annotator, default_annotator
from storyline.extract.asks_parties import Party
from storyline.extract.entities import name_key
from storyline.ingest.clean import Cleaner
from storyline.ingest.pipeline import build_article
from storyline.ingest.readers import read_blob
from storyline.records import Article, RawArticle, SourceBlob
from storyline.stories.ledger import ArticleAsks, Encoder, LedgerEntry, build_ledger

__all__ = ["LabelledDemand", "LabelledStory", "evaluate_ledger", "read_story", "score_story"]

Span = tuple[str, int, int]  # article id, start, end in the cleaned text
_COUNTS = (
    "demands",
    "entries",
    "matched",
    "actor_right",
    "target_right",
    "answers",
    "answers_linked",
    "status_right",
    "not_done",
    "not_done_counted",
    "missing_passages",
)


@dataclass(frozen=True, slots=True)
class LabelledDemand:
    """One labelled demand, its passages located in the cleaned texts."""

    actor_names: frozenset[str]
    target_names: frozenset[str]
    places: tuple[Span, ...]  # the first mention, then the restatements
    answers: tuple[Span, ...]
    status: str


@dataclass(frozen=True, slots=True)
class LabelledStory:
    """A story's cleaned articles, its labels and how many passages were not found."""

    slug: str
    split: str
    articles: tuple[Article, ...]
    demands: tuple[LabelledDemand, ...]
    not_done: tuple[Span, ...]
    missing: int


def _names(label: dict[str, Any], key: str) -> frozenset[str]:
    """A label's ``actor`` or ``target`` and its aliases, as compared."""
    return frozenset(name_key(n) for n in [label[key], *label.get(f"{key}_aliases", [])] if n)


def _read_articles(path: Path, cleaner: Cleaner) -> tuple[Article, ...]:
    """The articles of a JSONL file, read and cleaned as ``storyline brief`` does."""
    blob = SourceBlob(str(path), path.read_bytes())
    raws = [r for r in read_blob(blob, kind="jsonl") if isinstance(r, RawArticle)]
    return tuple(build_article(r, cleaner) for r in raws)


class _Locator:
    """Finds labelled passages in the cleaned texts and counts those it cannot find."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.texts = {a.id: a.text for a in articles}
        self.missing = 0

    def find(self, article_id: str, passage: str) -> Span | None:
        """Where ``passage`` is in the cleaned text of ``article_id``."""
        start = self.texts.get(article_id, "").find(passage)
        if start < 0:
            self.missing += 1
            return None
        return (article_id, start, start + len(passage))

    def spans(self, rows: Iterable[dict[str, Any]], key: str = "text") -> tuple[Span, ...]:
        """The spans of ``rows`` (``article_id`` and ``key``) that were found."""
        spans = (self.find(r["article_id"], r[key]) for r in rows)
        return tuple(s for s in spans if s is not None)


def read_story(
    folder: Path, split: str | None = None, cleaner: Cleaner | None = None
) -> LabelledStory:
    """A story folder's articles (cleaned) and labels; ``split`` overrides the label's."""
    articles = _read_articles(folder / "articles.jsonl", cleaner or Cleaner())
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    locate = _Locator(articles)
    demands = tuple(
        LabelledDemand(
            _names(d, "actor"),
            _names(d, "target"),
            locate.spans([d], "content") + locate.spans(d.get("restated", [])),
            locate.spans(d.get("answers", [])),
            d["status"],
        )
        for d in expected["demands"]
    )
    not_done = locate.spans(expected.get("not_done", []))
    return LabelledStory(
        expected.get("story", folder.name),
        split or expected.get("split", "test"),
        articles,
        demands,
        not_done,
        locate.missing,
    )


def _overlap(a: Span, b: Span) -> int:
    """Characters two spans share (none in different articles)."""
    if a[0] != b[0]:
        return 0
    return max(0, min(a[2], b[2]) - max(a[1], b[1]))


def _demand_spans(entry: LedgerEntry) -> list[Span]:
    """The content spans of an entry's demand steps (its first mention and repeats)."""
    return [
        (s.article_id, s.ask.content_start, s.ask.content_end)
        for s in entry.steps
        if s.kind == "demand"
    ]


def _answer_spans(entry: LedgerEntry) -> list[Span]:
    """The whole spans of an entry's commitments, actions and refusals."""
    return [(s.article_id, s.span.start, s.span.end) for s in entry.steps if s.kind != "demand"]


def _party_fits(party: Party | None, names: frozenset[str]) -> bool:
    """Whether a party (by name or country) is the labelled one; none fits no label."""
    if party is None:
        return not names
    return any(name_key(n) in names for n in (party.name, party.country) if n)


def _match(
    demands: Sequence[LabelledDemand], entries: Sequence[LedgerEntry]
) -> dict[int, LedgerEntry]:
    """Labelled demand index → its entry: greatest overlap first, each used once."""
    pairs = []
    for d, demand in enumerate(demands):
        for e, entry in enumerate(entries):
            best = max(
                (_overlap(p, s) for p in demand.places for s in _demand_spans(entry)), default=0
            )
            if best > 0:
                pairs.append((best, d, e))
    matched: dict[int, LedgerEntry] = {}
    used: set[int] = set()
    for _, d, e in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if d not in matched and e not in used:
            matched[d] = entries[e]
            used.add(e)
    return matched


def _done_spans(entries: Sequence[LedgerEntry]) -> list[Span]:
    """Action steps told as done in demand entries the ledger counts as met or partly met."""
    return [
        (s.article_id, s.span.start, s.span.end)
        for e in entries
        if e.status in ("met", "partly met")
        for s in e.steps[1:]
        if s.kind == "action" and s.ask.polarity == "positive"
    ]


def score_story(story: LabelledStory, ledger: Sequence[LedgerEntry]) -> dict[str, int]:
    """Counts for one story (see the module docstring); fractions come from them."""
    entries = [e for e in ledger if e.first.kind == "demand"]
    matched = _match(story.demands, entries)
    counts = dict.fromkeys(_COUNTS, 0)
    counts.update(
        demands=len(story.demands),
        entries=len(entries),
        matched=len(matched),
        not_done=len(story.not_done),
        missing_passages=story.missing,
    )
    for d, demand in enumerate(story.demands):
        counts["answers"] += len(demand.answers)
        entry = matched.get(d)
        if entry is None:
            continue
        head = entry.first.ask
        counts["actor_right"] += _party_fits(head.actor, demand.actor_names)
        counts["target_right"] += _party_fits(head.target, demand.target_names)
        counts["status_right"] += entry.status == demand.status
        linked = _answer_spans(entry)
        counts["answers_linked"] += sum(
            any(_overlap(a, s) > 0 for s in linked) for a in demand.answers
        )
    done = _done_spans(entries)
    counts["not_done_counted"] = sum(any(_overlap(n, s) > 0 for s in done) for n in story.not_done)
    return counts


def _fraction(num: int, den: int) -> float | None:
    """``num / den`` to three places, None when there is nothing to count."""
    return round(num / den, 3) if den else None


def _scores(counts: dict[str, int]) -> dict[str, Any]:
    """The fractions of :func:`score_story` counts, with the counts."""
    matched = counts["matched"]
    return {
        "demand_recall": _fraction(matched, counts["demands"]),
        "demand_precision": _fraction(matched, counts["entries"]),
        "actor_accuracy": _fraction(counts["actor_right"], matched),
        "target_accuracy": _fraction(counts["target_right"], matched),
        "answer_recall": _fraction(counts["answers_linked"], counts["answers"]),
        "status_accuracy": _fraction(counts["status_right"], matched),
        "not_done_counted": counts["not_done_counted"],
        "counts": counts,
    }


def _splits(root: Path) -> dict[str, str]:
    """Story folder → split, from ``root/splits.json`` when there is one."""
    path = root / "splits.json"
    if not path.is_file():
        return {}
    loaded: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def _ledger(
    story: LabelledStory, annotator: Annotator, encoder: Encoder | None
) -> tuple[LedgerEntry, ...]:
    """The ledger of all the story's articles taken as one story."""
    items = [
        ArticleAsks(a.article.id, a.article.published, a.article.text, a.asks)
        for a in annotator.annotate_all(story.articles)
    ]
    return build_ledger(items, encoder=encoder)


def evaluate_ledger(
    root: Path,
    *,
    split: str = "test",
    annotator: Annotator | None = None,
    encoder: Encoder | None = None,
    use_encoder: bool = True,
) -> dict[str, Any]:
    """Score the ledger on every story folder under ``root`` of ``split`` (tune, test, all).

    ``encoder`` defaults to the shipped sentence encoder (as ``storyline brief`` uses);
    ``use_encoder=False`` matches contents by shared words only.
    """
    splits = _splits(root)
    folders = sorted(p.parent for p in root.glob("*/expected.json"))
    stories = [read_story(f, splits.get(f.name)) for f in folders]
    stories = [s for s in stories if split == "all" or s.split == split]
    if stories and annotator is None:
        annotator = default_annotator()
    if stories and encoder is None and use_encoder:
        from storyline.nlp.embeddings import load_encoder

        encoder = load_encoder()
    total = dict.fromkeys(_COUNTS, 0)
    per_story: dict[str, Any] = {}
    for story in stories:
        counts = score_story(story, _ledger(story, annotator or default_annotator(), encoder))
        per_story[story.slug] = {"split": story.split, **_scores(counts)}
        for key, value in counts.items():
            total[key] += value
    return {"split": split, "stories": per_story, "overall": _scores(total)}
