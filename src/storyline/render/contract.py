"""The dossier JSON contract, version :data:`VERSION`; its JSON Schema is ``dossier.schema.json``.

Top level: ``{"version", "generated_by", "since", "stories": [...], "rejected":
[{"source", "reason"}]}``. Every offset (``start``/``end``) points into the
``text`` of the article named by ``article_id``, as listed in the story's
``articles``. Fields may be added within a version; none is renamed or removed
without a version bump.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from importlib import resources
from typing import Any

from storyline.records import Rejected
from storyline.stories.dossier import Dossier
from storyline.stories.ledger import ledger_json
from storyline.stories.records import SourceSpan

__all__ = ["VERSION", "brief_json", "dossier_json", "schema"]

VERSION = "1.1"
"""1.1: a ledger entry led by no demand (a commitment, action or refusal on its own) has
``status`` null; in 1.0 it carried a status that described nothing."""


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when is not None else None


def _spans(spans: Sequence[SourceSpan]) -> list[dict[str, Any]]:
    return [{"article_id": s.article_id, "start": s.start, "end": s.end} for s in spans]


def dossier_json(d: Dossier) -> dict[str, Any]:
    """One story as the contract's story object."""
    new = {a.id: d.is_new(a.id) for a in d.articles}
    return {
        "id": d.id,
        "title": d.title,
        "first_seen": _iso(d.first_seen),
        "last_seen": _iso(d.last_seen),
        "new": any(new.values()),
        "articles": [
            {
                "id": a.id,
                "title": a.annotated.article.title,
                "outlet": a.annotated.article.outlet,
                "url": a.annotated.article.url,
                "published": _iso(a.annotated.article.published),
                "text": a.text,
                "duplicate_of": a.annotated.article.duplicate_of,
                "new": new[a.id],
            }
            for a in d.articles
        ],
        "summary": [
            {
                "text": s.text,
                "sources": _spans([s.source]),
                "corroborated_by": _spans(s.corroborated_by),
                "new": new.get(s.source.article_id, False),
            }
            for s in d.summary
        ],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "roles": [{"text": r.text, "sources": _spans(r.sources)} for r in e.roles],
                "mentions": [
                    {
                        "article_id": m.article_id,
                        "text": m.text,
                        "start": m.start,
                        "end": m.end,
                        "kind": m.kind,
                    }
                    for m in e.mentions
                ],
            }
            for e in d.actors.actors
        ],
        "quotes": [
            {
                "text": q.quote.text,
                "kind": q.quote.kind,
                "cue": q.quote.cue,
                "speaker": None
                if q.quote.speaker is None
                else {
                    "name": q.quote.speaker.name,
                    "entity_id": q.actor_id,
                    "description": q.quote.speaker.description,
                },
                "article_id": q.article_id,
                "start": q.quote.start,
                "end": q.quote.end,
                "new": new[q.article_id],
            }
            for q in d.quotes
        ],
        "figures": [
            {
                "text": f.figure.text,
                "value": f.figure.value,
                "low": f.figure.low,
                "high": f.figure.high,
                "unit": f.figure.unit,
                "approx": f.figure.approx,
                "about": f.figure.about,
                "when": f.figure.when,
                "article_id": f.article_id,
                "start": f.figure.start,
                "end": f.figure.end,
                "new": new[f.article_id],
            }
            for f in d.figures
        ],
        "timexes": [
            {
                "text": t.timex.text,
                "type": t.timex.type,
                "value": t.timex.value,
                "mod": t.timex.mod,
                "resolved": t.timex.resolved,
                "article_id": t.article_id,
                "start": t.timex.start,
                "end": t.timex.end,
            }
            for t in d.timexes
        ],
        "timeline": [
            {
                "date": e.date,
                "text": e.text,
                "sources": _spans(e.sources),
                "basis": e.basis,
                "new": any(new.get(s.article_id, False) for s in e.sources),
            }
            for e in d.timeline
        ],
        "comparison": {
            "shared": [_fact(f) for f in d.comparison.shared],
            "unique": [_fact(f) for f in d.comparison.unique],
            "conflicts": [
                {
                    "kind": c.kind,
                    "about": c.about,
                    "claims": [
                        {
                            "value": cl.value,
                            "text": cl.text,
                            "sources": _spans(cl.sources),
                            "outlets": list(cl.outlets),
                        }
                        for cl in c.claims
                    ],
                }
                for c in d.comparison.conflicts
            ],
        },
        "ledger": ledger_json(d.ledger),
    }


def _fact(f: Any) -> dict[str, Any]:
    return {"text": f.text, "sources": _spans(f.sources), "outlets": list(f.outlets)}


def brief_json(
    dossiers: Sequence[Dossier], rejected: Sequence[Rejected], since: datetime | None = None
) -> dict[str, Any]:
    """The whole ``storyline brief`` output."""
    from storyline import __version__

    return {
        "version": VERSION,
        "generated_by": f"storyline {__version__}",
        "since": _iso(since),
        "stories": [dossier_json(d) for d in dossiers],
        "rejected": [{"source": r.source, "reason": f"{r.stage}: {r.reason}"} for r in rejected],
    }


def schema() -> dict[str, Any]:
    """The JSON Schema of the contract, as shipped."""
    text = resources.files("storyline.render").joinpath("dossier.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded
