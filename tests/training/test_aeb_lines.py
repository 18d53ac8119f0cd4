"""Tests for ``training/aeb_lines.py`` on a tiny fake benchmark (no shared data)."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))

from aeb_lines import PageLines, html_lines, iter_page_lines, label_lines

PARAGRAPH_1 = "The river rose all night and flooded the lower town by dawn."
PARAGRAPH_2 = "Officials said the water would recede by Friday, but warned of more rain."

PAGE = """<!DOCTYPE html>
<html><head><title>Flood</title><style>p { color: red }</style></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li></ul></nav>
<script>var tracking = "Share";</script>
<article>
  <h1>River floods the town</h1>
  <button class="share">Share</button>
  <p>The river rose <b>all night</b> and flooded the lower town by dawn.</p>
  <figure><img src="x.jpg" alt="A flooded street">
    <figcaption>A flooded street in the lower town on Tuesday.</figcaption></figure>
  <p>Officials said the water would recede by Friday,<br>but warned of more rain.</p>
</article>
<footer><a href="/a">About us</a><a href="/c">Contact us</a></footer>
</body></html>
"""


def _bench(tmp_path: Path, pages: dict[str, tuple[str, str]]) -> Path:
    """Write an extracted-style benchmark folder: ``{id: (html, true body)}``."""
    root = tmp_path / "scrapinghub_aeb"
    (root / "html").mkdir(parents=True)
    truth = {}
    for key, (html, body) in pages.items():
        (root / "html" / f"{key}.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
        truth[key] = {"articleBody": body, "url": f"https://example.com/{key}"}
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return tmp_path


def test_fake_page_lines_and_labels(tmp_path: Path) -> None:
    bench = _bench(tmp_path, {"p1": (PAGE, f"{PARAGRAPH_1}\n\n{PARAGRAPH_2}")})

    pages = list(iter_page_lines(bench))

    assert pages == [
        PageLines(
            page_id="p1",
            lines=(
                "Home",
                "World news",
                "River floods the town",
                "Share",
                PARAGRAPH_1,
                "A flooded street in the lower town on Tuesday.",
                "Officials said the water would recede by Friday,",
                "but warned of more rain.",
                "About us Contact us",
            ),
            labels=(
                "junk",  # nav menu
                "junk",
                "junk",  # headline, not in the body
                "junk",  # share button
                "article",
                "junk",  # caption
                "article",
                "article",
                "junk",  # footer links, kept as context
            ),
        )
    ]


def test_page_without_article_line_is_skipped(tmp_path: Path) -> None:
    other = "<html><body><p>Nothing from the story is on this page at all.</p></body></html>"
    bench = _bench(tmp_path, {"p1": (PAGE, PARAGRAPH_1), "p2": (other, PARAGRAPH_1)})

    assert [page.page_id for page in iter_page_lines(bench)] == ["p1"]


def test_region_keeps_only_context_around_the_article(tmp_path: Path) -> None:
    menu = "".join(f"<li><a>Section number {i}</a></li>" for i in range(30))
    html = f"<body><ul>{menu}</ul><p>{PARAGRAPH_1}</p><ul>{menu}</ul></body>"
    bench = _bench(tmp_path, {"p1": (html, PARAGRAPH_1)})

    (page,) = iter_page_lines(bench)

    assert len(page.lines) == 8 + 1 + 8
    assert page.lines[8] == PARAGRAPH_1
    assert page.labels.count("article") == 1


def test_html_lines_drops_invisible_content_and_splits_blocks() -> None:
    html = (
        "<head><title>T</title></head><body><noscript>Enable JS</noscript>"
        "<template><p>hidden</p></template><svg><text>icon</text></svg>"
        "<div>One <a href='#'>link</a>, inline.<div>Two</div>tail</div>"
        "<ul><li>a</li><li>b</li></ul><table><tr><td>c1</td><td>c2</td></tr></table></body>"
    )
    assert html_lines(html) == ["One link, inline.", "Two", "tail", "a", "b", "c1", "c2"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The river rose all night.", "article"),
        ("“the river rose all night”", "article"),  # case and edge punctuation
        ("Share", None),  # occurs, but too short to trust
        ("river rose", None),
        ("•", None),  # no words at all
        ("Sign up for our newsletter", "junk"),
        ("hare the news with", "junk"),  # only inside "Share the news with"
        ("Photo: the river rose all night and more", None),  # mostly body text
    ],
)
def test_label_lines(line: str, expected: str | None) -> None:
    body = "The river rose all night and more. Share the news with friends."
    assert label_lines([line], body) == [expected]
