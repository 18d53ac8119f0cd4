"""``storyline articles``, ``search``, ``show`` and ``rejected``: read the store."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from typing import Any

from storyline.cli.common import add_db_option, emit_json, open_store, settings_from
from storyline.extract.annotate import Annotator, default_annotator
from storyline.records import Article
from storyline.store import Store

__all__ = ["article_json", "register"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the store-reading commands."""
    p = commands.add_parser("articles", help="list stored articles, newest first")
    add_db_option(p)
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--outlet", help="only this outlet")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=run_articles)

    p = commands.add_parser("search", help="full-text search of titles and text")
    p.add_argument("query", metavar="QUERY", help='words, "a phrase", or FTS5 syntax')
    add_db_option(p)
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=run_search)

    p = commands.add_parser("show", help="one article: metadata, clean text, what was removed")
    p.add_argument("article_id", metavar="ARTICLE_ID")
    add_db_option(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=run_show)

    p = commands.add_parser("rejected", help="inputs that could not be used, and why")
    add_db_option(p)
    p.add_argument("--batch", type=int, help="only this batch")
    p.add_argument("--last", action="store_true", help="only the newest batch")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=run_rejected)


def run_articles(args: argparse.Namespace) -> int:
    """List articles."""
    with open_store(settings_from(args)) as store:
        rows = store.articles(limit=args.limit, offset=args.offset, outlet=args.outlet)
        total = store.count()
    if args.json:
        emit_json({"total": total, "articles": [asdict(r) for r in rows]})
        return 0
    for r in rows:
        dup = f"  (copy of {r.duplicate_of})" if r.duplicate_of else ""
        when = (r.published or "undated")[:10]
        print(f"{r.id:<24} {when:<10} {(r.outlet or '-')[:22]:<22} {r.title or '(untitled)'}{dup}")
    print(f"{len(rows)} of {total} article(s)", file=sys.stderr)
    return 0


def run_search(args: argparse.Namespace) -> int:
    """Search articles."""
    with open_store(settings_from(args)) as store:
        hits = store.search(args.query, limit=args.limit)
    if args.json:
        emit_json({"query": args.query, "hits": [asdict(h) for h in hits]})
        return 0
    for h in hits:
        print(f"{h.id}  {(h.published or 'undated')[:10]}  {h.outlet or '-'}  {h.title or ''}")
        print(f"    {h.snippet}")
    if not hits:
        print("no matches", file=sys.stderr)
    return 0


def article_json(
    article: Article, store: Store, annotator: Annotator | None = None
) -> dict[str, Any]:
    """The ``show --json`` shape of an article, with what extraction finds in it: the
    analysis ``storyline brief`` stored, when there is one from the same extraction code
    (and no other ``annotator`` is asked for), else a fresh one."""
    from storyline.stories.analyse import analysis_version

    stored = None if annotator else store.analyses([article.id], analysis_version())
    if stored and article.id in stored:
        annotated = stored[article.id].annotated
    else:
        annotated = (annotator or default_annotator()).annotate(article)
    data = asdict(article)
    data["removals"] = [asdict(r) for r in article.removals]
    data["metadata"] = dict(article.metadata)
    data["sources"] = store.sources_of(article.id)
    data["near_duplicates"] = store.copies_of(article.id)
    data["timexes"] = [asdict(t) for t in annotated.timexes]
    data["figures"] = [asdict(f) for f in annotated.figures]
    data["entities"] = [asdict(e) for e in annotated.entities]
    data["quotes"] = [asdict(q) for q in annotated.quotes]
    data["asks"] = [asdict(a) for a in annotated.asks]
    return data


def run_show(args: argparse.Namespace) -> int:
    """Show one article."""
    with open_store(settings_from(args)) as store:
        article = store.get(args.article_id)
        if article is None:
            print(f"storyline: no article {args.article_id!r}", file=sys.stderr)
            return 1
        if args.json:
            emit_json(article_json(article, store))
            return 0
        sources = store.sources_of(article.id)
        copies = store.copies_of(article.id)
    print(f"id:        {article.id}")
    for label, value in (
        ("title", article.title),
        ("outlet", article.outlet),
        ("author", article.author),
        ("published", article.published.isoformat() if article.published else None),
        ("url", article.url),
        ("canonical", article.canonical_url),
        ("language", article.language),
    ):
        if value:
            print(f"{label + ':':<10} {value}")
    print(f"{'sources:':<10} {', '.join(sources)}")
    if article.duplicate_of:
        print(f"{'copy of:':<10} {article.duplicate_of} (similarity {article.similarity})")
    if copies:
        print(f"{'copies:':<10} {', '.join(copies)}")
    print()
    print(article.text)
    if article.removals:
        print(f"\nremoved {len(article.removals)} junk span(s):")
        for r in article.removals:
            print(f"  [{r.start}:{r.end}] {r.kind}: {r.text[:70]!r}")
    return 0


def run_rejected(args: argparse.Namespace) -> int:
    """List rejections."""
    with open_store(settings_from(args)) as store:
        batch = store.last_batch_id() if args.last else args.batch
        rows = store.rejections(batch_id=batch)
    if args.json:
        emit_json({"rejected": [asdict(r) for r in rows]})
        return 0
    for r in rows:
        print(f"batch {r.batch_id}  {r.source}: [{r.stage}] {r.reason}")
    if not rows:
        print("nothing rejected", file=sys.stderr)
    return 0
