"""The plain-text and Markdown reader: one ``.txt`` / ``.md`` file, one article.

- **Title.** A first line that looks like a headline: at most 150 characters,
  not ending in sentence punctuation, with more text after it. In Markdown a
  first ``# Heading`` (or a setext heading, or ``title:`` in front matter) is the
  title whatever it ends with. The title line is not repeated in the text.
- **Paragraphs.** Blocks separated by blank lines; the lines of one block are
  joined with spaces (hard-wrapped text), except list items, table rows and
  code, which keep one line each. A file without any blank line is read as one
  paragraph per line.
- **Markdown** becomes plain text: emphasis, inline code and heading markers
  are dropped, ``[text](url)`` becomes ``text``, images and reference
  definitions disappear, list bullets stay as ``- item`` lines, fenced code is
  kept as text lines. Simple YAML front matter gives title, author and date;
  its other keys go into ``metadata``.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

from dateutil import parser as date_parser

from storyline.errors import EmptyArticle
from storyline.ingest.decode import decode_bytes
from storyline.records import RawArticle, Rejected, SourceBlob

__all__ = ["markdown_to_text", "read_text"]

_MAX_TITLE = 150
_SENTENCE_END = tuple(".!?…:;,-–—")
_CLOSING = "\"'”’»)]"
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")

# One line of the output: its text and whether it must stay on its own line.
_Line = tuple[str, bool]

_LIST_ITEM = re.compile(r"^\s*([-*+•]|\d{1,3}[.)])\s+(.*)$")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|<])")
_PROTECTED = re.compile("[\ue000-\ue07f]")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_INLINE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[[^\]]*\](?:\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)|\[[^\]]*\])"), ""),
    (re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
)


def read_text(blob: SourceBlob, *, markdown: bool | None = None) -> Iterator[RawArticle | Rejected]:
    """Read a plain-text or Markdown file as one article.

    ``markdown=None`` decides by the file extension (``.md``, ``.markdown``) or a
    ``text/markdown`` content type. Raises :class:`~storyline.errors.EmptyArticle`
    for a file without text, and the errors of ``decode_bytes``.

    >>> blob = SourceBlob("note.md", b"# Floods *close* roads\\n\\nSee [the map](http://x).")
    >>> [(a.title, a.text) for a in read_text(blob)]
    [('Floods close roads', 'See the map.')]
    """
    if markdown is None:
        markdown = _is_markdown(blob)
    text = decode_bytes(blob.data, blob.charset).replace("\r\n", "\n").replace("\r", "\n")
    fields: dict[str, Any] = {}
    title: str | None = None
    if markdown:
        fields, text = _front_matter(text)
        title = fields.pop("title", None)
        lines, heading = _markdown_lines(text)
        if heading is not None and title is None:
            title, lines = heading, _drop_first_content(lines)
    else:
        lines = [(line.rstrip(), bool(_LIST_ITEM.match(line))) for line in text.split("\n")]
    if title is None:
        title, lines = _plain_title(lines)
    body = _paragraphs(lines)
    if not body:
        raise EmptyArticle("no text in the file")
    published = fields.pop("published", None)
    return iter(
        [
            RawArticle(
                source=blob.source,
                text=body,
                kind="text",
                title=title,
                url=blob.url,
                author=fields.pop("author", None),
                published=published,
                published_from="input" if published is not None else None,
                metadata=MappingProxyType(fields),
            )
        ]
    )


def markdown_to_text(markdown: str) -> str:
    """Markdown source as plain text, paragraphs separated by blank lines.

    >>> markdown_to_text("Some **bold** and a ![pic](p.png)[link](http://x).\\n\\n* one\\n* two")
    'Some bold and a link.\\n\\n- one\\n- two'
    """
    lines, _ = _markdown_lines(markdown.replace("\r\n", "\n"))
    return _paragraphs(lines)


def _is_markdown(blob: SourceBlob) -> bool:
    name = blob.source.lower().removesuffix(".gz")
    content_type = (blob.content_type or "").split(";")[0].strip().lower()
    return name.endswith(_MARKDOWN_SUFFIXES) or content_type in {"text/markdown", "text/x-markdown"}


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Simple ``key: value`` YAML front matter: title, author, date/published, the rest."""
    stripped = text.lstrip("\ufeff")
    if not stripped.startswith("---\n"):
        return {}, text
    end = stripped.find("\n---", 3)
    if end < 0:
        return {}, text
    fields: dict[str, Any] = {}
    for line in stripped[4:end].split("\n"):
        key, sep, value = line.partition(":")
        value = value.strip().strip("\"'")
        if not sep or not key.strip() or not value or line[:1].isspace():
            continue
        name = key.strip().lower()
        if name in {"date", "published"}:
            published = _parse_date(value)
            if published is not None:
                fields["published"] = published
                continue
        fields[name if name in {"title", "author"} else key.strip()] = value
    rest = stripped[end + 4 :]
    return fields, rest.split("\n", 1)[1] if "\n" in rest else ""


def _parse_date(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            # Explicit UTC names: otherwise dateutil may answer tzlocal(), machine-dependent.
            return date_parser.parse(value, tzinfos={"UTC": UTC, "GMT": UTC, "Z": UTC})
        except (ValueError, OverflowError):
            return None


def _markdown_lines(text: str) -> tuple[list[_Line], str | None]:
    """Markdown as output lines, and the first heading if the document opens with one."""
    out: list[_Line] = []
    heading: str | None = None
    seen_content = False
    fence: str | None = None
    for raw in text.split("\n"):
        match = _FENCE.match(raw)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            else:
                out.append((raw.rstrip(), True))
            continue
        if match:
            fence = match.group(1)
            continue
        line = raw
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
        if not line.strip() or _REF_DEF.match(line) or (_TABLE_RULE.match(line) and "|" in line):
            if not line.strip():
                out.append(("", False))
            continue
        if (atx := _ATX.match(line)) is not None:
            title = _inline(atx.group(2) or "")
            if not seen_content and title:
                heading = title
            out.extend([("", False), (title, True), ("", False)])
        elif _SETEXT.match(line) and out and out[-1][0] and not out[-1][1]:
            if not any(text for text, _ in out[:-1]):
                heading = out[-1][0]
            out.append(("", False))
        elif _RULE.match(line):
            out.append(("", False))
        elif (item := _LIST_ITEM.match(line)) is not None:
            marker = item.group(1)
            bullet = "-" if marker in {"*", "+", "-", "•"} else marker
            out.append((f"{bullet} {_inline(item.group(2))}", True))
        elif line.lstrip().startswith("|"):
            out.append((_inline(line.strip().strip("|").strip()), True))
        else:
            out.append((_inline(line.strip()), False))
        seen_content = seen_content or any(text for text, _ in out)
    return out, heading


def _inline(text: str) -> str:
    """Markdown inline markup to plain text; code spans are left as they are."""
    text = _ESCAPE.sub(lambda m: chr(0xE000 + ord(m.group(1))), text)
    parts = _CODE_SPAN.split(text)
    # re.split with two groups yields [text, ticks, code, text, ticks, code, ...].
    pieces: list[str] = []
    for index, part in enumerate(parts):
        if index % 3 == 0:
            for pattern, replacement in _INLINE_RULES:
                part = pattern.sub(replacement, part)
            pieces.append(part)
        elif index % 3 == 2:
            pieces.append(part.strip())
    joined = " ".join("".join(pieces).split())
    return _PROTECTED.sub(lambda m: chr(ord(m.group(0)) - 0xE000), joined)


def _drop_first_content(lines: list[_Line]) -> list[_Line]:
    for index, (text, _) in enumerate(lines):
        if text:
            return lines[index + 1 :]
    return lines


def _plain_title(lines: list[_Line]) -> tuple[str | None, list[_Line]]:
    """The first line as title when it looks like a headline, and the lines after it."""
    index = next((i for i, (text, _) in enumerate(lines) if text.strip()), None)
    if index is None:
        return None, lines
    first, hard = lines[index]
    candidate = first.strip()
    rest = lines[index + 1 :]
    following = next((text.strip() for text, _ in rest if text.strip()), None)
    if (
        hard
        or following is None
        or len(candidate) > _MAX_TITLE
        or candidate.rstrip(_CLOSING).endswith(_SENTENCE_END)
    ):
        return None, lines
    directly_followed = bool(rest and rest[0][0].strip())
    if directly_followed and following[:1].islower():
        # A hard-wrapped sentence going on, not a headline.
        return None, lines
    return candidate, rest


def _paragraphs(lines: list[_Line]) -> str:
    """Join output lines into paragraphs separated by blank lines."""
    has_blank = any(not text.strip() for text, _ in lines)
    paragraphs: list[str] = []
    current: list[str] = []
    soft: list[str] = []

    def flush_soft() -> None:
        if soft:
            current.append(" ".join(soft))
            soft.clear()

    def flush() -> None:
        flush_soft()
        if current:
            paragraphs.append("\n".join(current))
            current.clear()

    for text, hard in lines:
        if not text.strip():
            flush()
        elif hard:
            flush_soft()
            current.append(text.rstrip())
        elif not has_blank:
            flush()
            soft.append(text.strip())
        else:
            soft.append(text.strip())
    flush()
    return "\n\n".join(paragraphs).strip()
