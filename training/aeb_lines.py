"""Distant-supervision junk/article *lines* from the Zyte/Scrapinghub article-extraction benchmark.

Training-time helper for the junk-line classifier (not part of the package).
Each benchmark page is turned into the plain-text lines a person's copy-paste or
a naive scraper would produce (:func:`html_lines`), and each line is labelled
against the page's ground-truth ``articleBody`` (:func:`label_lines`):

- ``"article"``: its normalised text occurs in the normalised body, at word
  boundaries, and it has at least :data:`MIN_WORDS` words;
- ``None`` (ambiguous, leave out of training): it occurs but is shorter
  ("Share" can occur inside body text), it has no word characters at all, or
  it does not occur as a whole but most of its word 4-grams do (article text
  glued to junk, or the body and the page differ in a detail);
- ``"junk"``: everything else.

Only the article region plus :data:`CONTEXT` lines either side is kept, to look
like pasted article text rather than whole-page navigation; pages without any
article line are skipped.

Usage::

    python training/aeb_lines.py --bench ../shared/data/boilerplate
"""

from __future__ import annotations

import argparse
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from lxml import etree

from storyline.eval.extraction import _iter_pages
from storyline.ingest.decode import decode_bytes
from storyline.ingest.readers.html import sniff_charset

__all__ = [
    "CONTEXT",
    "MIN_WORDS",
    "PageLines",
    "html_lines",
    "iter_page_lines",
    "label_lines",
    "normalise",
    "split_stats",
]

#: Lines kept before the first and after the last article line.
CONTEXT = 8
#: A line found in the body needs this many words to count as ``"article"``.
MIN_WORDS = 4
#: A line not found whole but with at least this share of its word 4-grams in
#: the body is ambiguous rather than junk.
_GLUED_SHARE = 0.5
_PAGE_SUFFIX = ".html.gz"
# Scores for choosing the article region (see ``_region``).
_REGION_CAP = 20
_REGION_JUNK = -2.0

# Elements whose content a reader never sees as text.
_DROP = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "head", "title", "meta",
        "link", "iframe", "object", "embed", "canvas", "math", "video", "audio",
        "map", "source", "track", "img", "picture",
    }
)  # fmt: skip
# Elements that start (and end) a line of their own.
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "button", "caption",
        "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "input", "label", "legend", "li", "main",
        "menu", "nav", "ol", "optgroup", "option", "p", "pre", "section", "select",
        "summary", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# Marks where a link starts or ends; two in a row between word characters
# (``<a>Edit Profile</a><a>Sign Out</a>``) become a space, any others vanish.
_SOFT = "\x00"
_LINK_GAP = re.compile(f"(?<=\\w){_SOFT}{_SOFT}(?=\\w)")
_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_WORD = re.compile(r"\w+")
# Scripts written without spaces between words: Han, kana, Thai, Lao, Khmer, Myanmar.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)
_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class PageLines:
    """One benchmark page as labelled text lines (the article region plus context).

    ``labels[i]`` is ``"article"``, ``"junk"`` or ``None`` (ambiguous) for ``lines[i]``.
    """

    page_id: str
    lines: tuple[str, ...]
    labels: tuple[str | None, ...]


def html_lines(html: str) -> list[str]:
    """Plain-text lines of an HTML page, as a copy-paste or naive scraper gives them.

    Scripts, styles, ``<head>``, SVG, media and the like are dropped; block-level
    elements (paragraphs, divs, list items, headings, captions, table cells,
    buttons, ``<br>`` …) start new lines; inline text runs together as in the
    source; whitespace is collapsed and empty lines dropped. Link and button
    text is kept; ``alt`` and ``title`` attributes are not.

    >>> html_lines("<p>Hello <b>big</b> world.</p><button>Share</button><div>Tweet</div>")
    ['Hello big world.', 'Share', 'Tweet']
    """
    data = html.encode("utf-8", errors="replace")
    if not data.strip():
        return []
    try:
        root = lxml.html.document_fromstring(data, parser=_PARSER)
    except etree.ParserError:
        return []
    lines: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        text = _LINK_GAP.sub(" ", _INVISIBLE.sub("", "".join(parts))).replace(_SOFT, "")
        text = _SPACE.sub(" ", text).strip()
        if text:
            lines.append(text)
        parts.clear()

    # Explicit stack instead of recursion: some pages nest thousands deep.
    # Each entry is (element, entering); on leaving, the element's tail follows.
    stack: list[tuple[etree._Element, bool]] = [(root, True)]
    while stack:
        el, entering = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""  # comments, PIs: no tag
        name = tag.rsplit("}", 1)[-1].lower()
        block = name in _BLOCK
        if entering:
            if not tag or name in _DROP:
                parts.append(el.tail or "")
                continue
            if block:
                flush()
            if name == "input" and (el.get("type") or "").lower() in {"submit", "button"}:
                parts.append(el.get("value") or "")
            if name == "a":
                parts.append(_SOFT)
            parts.append(el.text or "")
            stack.append((el, False))
            stack.extend((child, True) for child in reversed(el))
        else:
            if block:
                flush()
            elif name == "a":
                parts.append(_SOFT)
            parts.append(el.tail or "")
    flush()
    return lines


def normalise(text: str) -> str:
    """Lowercase, NFKC, collapse whitespace, drop invisible characters, strip edge punctuation.

    >>> normalise("  “Hello,   World!” ")
    'hello, world'
    """
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).lower()
    return _EDGE_PUNCT.sub("", _SPACE.sub(" ", text).strip())


def _occurs(needle: str, hay: str) -> bool:
    """Whether ``needle`` occurs in ``hay`` with no word character just before or after."""
    start = hay.find(needle)
    while start >= 0:
        end = start + len(needle)
        before_ok = start == 0 or not (hay[start - 1].isalnum() or hay[start - 1] == "_")
        after_ok = end == len(hay) or not (hay[end].isalnum() or hay[end] == "_")
        if before_ok and after_ok:
            return True
        start = hay.find(needle, start + 1)
    return False


def _word_count(text: str) -> int:
    """Words in ``text``; in scripts without spaces, every two characters count as one.

    >>> _word_count("Share this story"), _word_count("商標法違反の疑い")
    (3, 4)
    """
    unspaced = len(_UNSPACED.findall(text))
    return len(_UNSPACED.sub(" ", text).split()) + unspaced // 2


def _grams(words: Sequence[str], n: int = 4) -> list[tuple[str, ...]]:
    return [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]


def label_lines(lines: Sequence[str], body: str) -> list[str | None]:
    """Label every line ``"article"``, ``"junk"`` or ``None`` against the true body text.

    >>> label_lines(["The river rose all night.", "Share", "the", "Sign up now"],
    ...             "The river rose all night. Share the news.")
    ['article', None, None, 'junk']
    """
    hay = normalise(body)
    body_words = _WORD.findall(hay)
    body_grams = set(_grams(body_words))
    # Word sequence only: the truth often has spaces the page lacks ("“ Fargo ”").
    body_seq = f" {' '.join(body_words)} "
    labels: list[str | None] = []
    for line in lines:
        needle = normalise(line)
        if not needle:
            labels.append(None)  # punctuation or symbols only: "|", "•", "* * *"
            continue
        words = _WORD.findall(needle)
        if _occurs(needle, hay) or f" {' '.join(words)} " in body_seq:
            labels.append("article" if _word_count(needle) >= MIN_WORDS else None)
            continue
        grams = _grams(words)
        found = sum(gram in body_grams for gram in grams)
        labels.append(None if grams and found / len(grams) >= _GLUED_SHARE else "junk")
    return labels


def _region(lines: Sequence[str], labels: Sequence[str | None]) -> tuple[int, int] | None:
    """``[start, stop)`` of the article region plus :data:`CONTEXT`, or ``None`` if none.

    The region is the span with the best score, an article line scoring its word
    count (at most :data:`_REGION_CAP`) and a junk line :data:`_REGION_JUNK`, so a
    menu item that happens to repeat a few body words ("Dare to Play 3") far
    above the story does not stretch the region over the whole navigation.
    """
    best = (0.0, 0, 0)
    run, run_start = 0.0, 0
    for i, (line, lab) in enumerate(zip(lines, labels, strict=True)):
        if lab == "article":
            gain = float(min(_REGION_CAP, _word_count(normalise(line))))
        else:
            gain = _REGION_JUNK if lab == "junk" else 0.0
        if run <= 0:
            run, run_start = 0.0, i
        run += gain
        if lab == "article" and run > best[0]:
            best = (run, run_start, i + 1)
    if best[0] <= 0:
        return None
    # Trim to the first article line of the span (it may start on ambiguous lines).
    start = next(i for i in range(best[1], best[2]) if labels[i] == "article")
    return max(0, start - CONTEXT), min(len(labels), best[2] + CONTEXT)


def _page_text(blob_data: bytes, charset: str | None) -> str:
    return decode_bytes(blob_data, charset or sniff_charset(blob_data))


def _iter_raw(bench: Path) -> Iterator[tuple[str, str, list[str]]]:
    """``(page id, true body, all page lines)`` for every benchmark page."""
    for body, blob in _iter_pages(bench):
        page_id = blob.source.removesuffix(_PAGE_SUFFIX)
        yield page_id, body, html_lines(_page_text(blob.data, blob.charset))


def iter_page_lines(bench: Path) -> Iterator[PageLines]:
    """Labelled lines of every benchmark page in ``bench`` that has an article line.

    ``bench`` is what :func:`storyline.eval.extraction.evaluate_extraction` takes:
    a folder holding ``scrapinghub_aeb.tar.gz``, the archive itself, or an
    extracted folder with ``ground-truth.json`` and ``html/<id>.html.gz``.
    """
    for page_id, body, lines in _iter_raw(bench):
        labels = label_lines(lines, body)
        span = _region(lines, labels)
        if span is None:
            continue
        start, stop = span
        yield PageLines(page_id, tuple(lines[start:stop]), tuple(labels[start:stop]))


def _body_sentences(body: str) -> list[str]:
    out: list[str] = []
    for para in body.splitlines():
        out.extend(s for s in _SENTENCE_END.split(para.strip()) if len(s.split()) >= MIN_WORDS)
    return out


def split_stats(bench: Path) -> dict[str, int]:
    """How ground-truth body sentences map onto page lines.

    ``whole``: inside one line; ``split``: not inside any line but inside the
    page's lines joined by spaces (so a line break cut it: a converter bug or an
    inline element rendered as a block); ``missing``: not on the page as text.
    """
    counts: Counter[str] = Counter()
    for _page_id, body, lines in _iter_raw(bench):
        norm_lines = [normalise(line) for line in lines]
        joined = " ".join(norm_lines)
        for sentence in _body_sentences(body):
            needle = normalise(sentence)
            if any(needle in line for line in norm_lines):
                counts["whole"] += 1
            elif needle in joined:
                counts["split"] += 1
            else:
                counts["missing"] += 1
    return dict(counts)


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, required=True, help="folder with the benchmark")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()

    pages = list(iter_page_lines(args.bench))
    labels = Counter(lab for page in pages for lab in page.labels)
    n_lines = sum(len(page.lines) for page in pages)
    print(f"pages: {len(pages)}  lines: {n_lines}")
    for lab in ("article", "junk", None):
        print(f"  {lab!s:8} {labels[lab]:7d}  ({labels[lab] / max(1, n_lines):.1%})")

    rng = random.Random(args.seed)
    by_label: dict[str | None, list[tuple[str, str]]] = {"junk": [], "article": []}
    for page in pages:
        for line, lab in zip(page.lines, page.labels, strict=True):
            if lab in by_label:
                by_label[lab].append((page.page_id[:8], line))
    for lab, k in (("junk", 40), ("article", 20)):
        print(f"\n--- {k} random {lab} lines ---")
        for page_id, line in rng.sample(by_label[lab], min(k, len(by_label[lab]))):
            print(f"[{page_id}] {line[:160]}")

    stats = split_stats(args.bench)
    total = max(1, sum(stats.values()))
    found = max(1, stats.get("whole", 0) + stats.get("split", 0))
    print("\nground-truth body sentences (>= 4 words):")
    for key in ("whole", "split", "missing"):
        print(f"  {key:8} {stats.get(key, 0):6d}  ({stats.get(key, 0) / total:.1%})")
    print(f"  split among those on the page: {stats.get('split', 0) / found:.1%}")


if __name__ == "__main__":
    _main()
