"""``storyline eval timex DIR``: TempEval-3 timex scores on TimeML files.

For each gold ``.tml`` file the raw text (the TEXT element with its tags
stripped, character positions kept) and the document creation time (the
TIMEX3 with ``functionInDocument="CREATION_TIME"``) are fed to
:func:`storyline.extract.time.extract_timexes`, and the result is scored the
way TempEval-3's ``TE3-evaluation.py`` scores timexes.

The official scorer is Python 2 and shells out to a Perl tokenizer and a Java
normaliser, so its timex logic is ported here (``score_documents``): texts are
split into tokens; a system timex *relaxed*-matches a gold one when their
tokens overlap (each used once, as the normaliser's id alignment does) and
*strict*-matches when the token sets are equal; precision counts matched
system timexes, recall matched gold ones; type and value are compared on
relaxed matches, and ``value_f1``/``type`` performance is accuracy × relaxed
F1 exactly as ``get_performance`` computes it. The DCT lives outside TEXT, so
it is never scored.

The baseline is ``dateparser.search.search_dates`` with the DCT as
``RELATIVE_BASE``: every hit is a DATE (TIME when it carries a clock time)
valued at day precision.
"""

from __future__ import annotations

import re
import tarfile
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from storyline.extract.time import extract_timexes

__all__ = [
    "GoldTimex",
    "TimeMLDoc",
    "baseline_timexes",
    "evaluate_timex",
    "read_timeml",
    "score_documents",
]


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """A timex as the scorer sees it: offsets into the raw text, type, value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    """One TimeML document: raw text, its creation time and gold timexes."""

    name: str
    text: str
    dct: datetime | None
    timexes: tuple[GoldTimex, ...]


_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}


def _unescape(s: str) -> str:
    for k, v in _ENTITIES.items():
        s = s.replace(k, v)
    return s


def read_timeml(source: str, name: str = "") -> TimeMLDoc:
    """Parse TimeML markup into raw text, DCT and gold timexes.

    >>> doc = read_timeml('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" '
    ...   'functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>Sold <TIMEX3 tid="t1" '
    ...   'type="DATE" value="1997-10">October</TIMEX3>.</TEXT></TimeML>')
    >>> doc.text, doc.timexes[0].value, doc.text[doc.timexes[0].start:doc.timexes[0].end]
    ('Sold October.', '1997-10', 'October')
    """
    dct = None
    for m in re.finditer(r"<TIMEX3([^>]*)>", source):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = _parse_dct(attrs.get("value", ""))
            break
    body = re.search(r"<TEXT>(.*)</TEXT>", source, re.DOTALL)
    raw = body.group(1) if body else ""
    parts: list[str] = []
    pos = 0
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    for m in _TAG.finditer(raw):
        chunk = _unescape(raw[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if not m.group(1):
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            timexes.append(GoldTimex(start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    parts.append(_unescape(raw[pos:]))
    return TimeMLDoc(name, "".join(parts), dct, tuple(timexes))


def _parse_dct(value: str) -> datetime | None:
    m = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", value)
    return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


_TOKEN = re.compile(r"\w+|[^\w\s]")


def _token_ids(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for i, (s, e) in enumerate(spans) if s < end and e > start)


def score_documents(
    pairs: Iterable[tuple[str, Sequence[GoldTimex], Sequence[GoldTimex]]],
) -> dict[str, float]:
    """TE3 timex scores over (text, gold, system) triples, as fractions.

    >>> g = [GoldTimex(0, 9, "DATE", "1998-01-08")]
    >>> s = [GoldTimex(0, 5, "DATE", "1998-01-08")]
    >>> score_documents([("Yesterday morning", g, s)])["relaxed_f1"]
    1.0
    """
    n_gold = n_sys = strict = relaxed = type_ok = value_ok = 0
    for text, gold, system in pairs:
        spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        gtoks = [_token_ids(text, t.start, t.end, spans) for t in gold]
        stoks = [_token_ids(text, t.start, t.end, spans) for t in system]
        gold_ix = [i for i, t in enumerate(gtoks) if t]
        sys_ix = [i for i, t in enumerate(stoks) if t]
        n_gold += len(gold_ix)
        n_sys += len(sys_ix)
        used: set[int] = set()
        for gi in gold_ix:
            match = next((si for si in sys_ix if si not in used and gtoks[gi] & stoks[si]), None)
            if match is None:
                continue
            used.add(match)
            relaxed += 1
            strict += gtoks[gi] == stoks[match]
            type_ok += gold[gi].type == system[match].type
            value_ok += gold[gi].value == system[match].value
    return _figures(n_gold, n_sys, strict, relaxed, type_ok, value_ok)


def _f1(match: int, n_gold: int, n_sys: int) -> float:
    p = match / n_sys if n_sys else 0.0
    r = match / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _figures(
    n_gold: int, n_sys: int, strict: int, relaxed: int, type_ok: int, value_ok: int
) -> dict[str, float]:
    relaxed_f1 = _f1(relaxed, n_gold, n_sys)
    return {
        "strict_f1": _f1(strict, n_gold, n_sys),
        "relaxed_f1": relaxed_f1,
        "type_accuracy": type_ok / relaxed if relaxed else 0.0,
        "value_f1": (value_ok / relaxed) * relaxed_f1 if relaxed else 0.0,
        "value_accuracy": value_ok / relaxed if relaxed else 0.0,
        "gold": n_gold,
        "system": n_sys,
    }


def storyline_timexes(doc: TimeMLDoc, parsed: Any = None) -> list[GoldTimex]:
    """storyline's timexes for one document, in scorer form (``parsed``: its spaCy parse,
    as the product has it)."""
    found = extract_timexes(doc.text, doc.dct, parsed)
    return [GoldTimex(t.start, t.end, t.type, t.value) for t in found]


def baseline_timexes(doc: TimeMLDoc) -> list[GoldTimex]:
    """dateparser's ``search_dates`` hits, placed in order in the text."""
    from dateparser.search import search_dates  # type: ignore[import-untyped]

    settings: dict[str, Any] = {"RELATIVE_BASE": doc.dct} if doc.dct else {}
    hits = search_dates(doc.text, languages=["en"], settings=settings) or []
    out: list[GoldTimex] = []
    pos = 0
    for surface, when in hits:
        start = doc.text.find(surface, pos)
        if start < 0:
            continue
        pos = start + len(surface)
        timed = bool(re.search(r"\d:\d|[ap]\.?m\b", surface, re.IGNORECASE))
        value = when.strftime("%Y-%m-%dT%H:%M") if timed else when.date().isoformat()
        out.append(GoldTimex(start, pos, "TIME" if timed else "DATE", value))
    return out


def _documents(folder: Path, corpus: str | None) -> list[TimeMLDoc]:
    files = sorted(p for p in folder.rglob("*.tml") if corpus is None or corpus in p.parts)
    return [read_timeml(p.read_text(encoding="utf-8"), p.stem) for p in files]


def evaluate_timex(
    folder: Path, corpus: str | None = None, baseline: bool = True
) -> dict[str, Any]:
    """Score storyline (and dateparser) on a folder of gold TimeML files.

    ``folder`` may be the TempEval-3 tarball itself; ``corpus`` ("TimeBank",
    "AQUAINT") keeps only files under a folder of that name.
    """
    if folder.is_file() and tarfile.is_tarfile(folder):
        with tempfile.TemporaryDirectory() as tmp, tarfile.open(folder) as tar:
            members = [m for m in tar.getmembers() if m.isfile() and m.name.endswith(".tml")]
            members = [m for m in members if "Tools" not in Path(m.name).parts]
            tar.extractall(tmp, members=members, filter="data")
            docs = _documents(Path(tmp), corpus)
    else:
        docs = _documents(folder, corpus)
    from storyline.nlp.pipeline import load_nlp

    # the product reads time expressions with the article's parse at hand
    parses = load_nlp().pipe(d.text for d in docs)
    found = [storyline_timexes(d, parsed) for d, parsed in zip(docs, parses, strict=True)]
    result: dict[str, Any] = _score(docs, found)
    if baseline:
        result["baseline"] = _score(docs, [baseline_timexes(d) for d in docs])
    return result


def _score(docs: Sequence[TimeMLDoc], found: Sequence[list[GoldTimex]]) -> dict[str, Any]:
    """The scorer's figures for one system's timexes, ``found[i]`` for ``docs[i]``."""
    pairs = zip(docs, found, strict=True)
    figures: dict[str, Any] = dict(score_documents((d.text, d.timexes, f) for d, f in pairs))
    figures["documents"] = len(docs)
    return figures
