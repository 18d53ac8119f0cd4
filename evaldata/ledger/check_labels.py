"""Check the ledger labels: every quoted passage occurs exactly once in its article.

    python evaldata/ledger/check_labels.py

Prints each story's demand and status counts and every problem; exits 1 if any.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIELDS = {"id", "url", "outlet", "title", "published", "author", "text", "fictional"}
STATUSES = {"open", "promised", "partly met", "met", "refused"}


def check_story(folder: Path) -> list[str]:
    """Problems in one story folder's labels (empty when all is well)."""
    problems: list[str] = []
    articles: dict[str, str] = {}
    with (folder / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            article = json.loads(line)
            if set(article) != FIELDS or article["fictional"] is not True:
                problems.append(f"{folder.name}: article fields {sorted(article)}")
            articles[article["id"]] = article["text"]
    labels = json.loads((folder / "expected.json").read_text(encoding="utf-8"))

    def once(article_id: str, text: str, what: str) -> None:
        if article_id not in articles:
            problems.append(f"{folder.name}: no article {article_id}")
            return
        n = articles[article_id].count(text)
        if n != 1:
            problems.append(f"{folder.name} {what} occurs {n} times: {text!r}")

    statuses: Counter[str] = Counter()
    for demand in labels["demands"]:
        once(demand["article_id"], demand["content"], "content")
        statuses[demand["status"]] += 1
        if demand["status"] not in STATUSES:
            problems.append(f"{folder.name}: status {demand['status']!r}")
        for answer in demand["answers"]:
            once(answer["article_id"], answer["text"], f"answer {answer['kind']}")
        for again in demand.get("restated", []):
            once(again["article_id"], again["text"], "restated")
    for passage in labels["not_done"]:
        once(passage["article_id"], passage["text"], "not_done")
    print(
        f"{folder.name}: {len(articles)} articles, {len(labels['demands'])} demands "
        f"{dict(statuses)}, {len(labels['not_done'])} not done"
    )
    return problems


def main() -> int:
    problems = [p for d in sorted(HERE.iterdir()) if d.is_dir() for p in check_story(d)]
    for problem in problems:
        print(problem)
    print(f"problems: {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
