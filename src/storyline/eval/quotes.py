"""``storyline eval quotes DIR``: quote, speaker and cue scores on PolNeAR.

DIR holds one PolNeAR split as brat standoff: ``text/NAME.txt`` and
``attributions/NAME_ANNOTATOR.ann`` (or is the PolNeAR tarball, with ``split``
naming the split inside it). Some texts were annotated by several annotators;
the first annotation file by name is used, so no text counts twice.

Which attributions count. PolNeAR annotates every attribution: speech, but
also beliefs, intentions and evidence ("Trump *wants* …", "polls *show* …"),
and it has no label that tells them apart, only the cue. storyline extracts
what people *said*, so the gold set is the attributions that have a ``Source``
(``Attribution-no-source``, ``Discuss`` and ``Discard`` are left out: there is
no speaker to find) and whose cue contains a verb of speech or writing (the
lemmas of :data:`storyline.extract.quotes_cues.SPEECH_VERBS`, matched on word
forms) or "according to". ``quoted`` is the subset whose content holds or is
framed by a quotation mark, scored against storyline's direct and partial quotes.

Scoring follows the Gender Gap Tracker's quote evaluation: a predicted content
matches a gold content when the tokens they share cover at least 0.3 (or 0.8)
of the **gold** span's tokens; each gold and each prediction is used once
(greedy, best overlap first). Gold contents made of several fragments ("“A,”
he said. “B.”") are one token set; predicted quotes sharing one cue are merged
the same way, a prediction nested inside another is dropped, and quotes with
no speaker (scare quotes, slogans) are not predictions of attributions. On matched
pairs, the speaker is right when the predicted speaker span, or any mention
of its entity, overlaps the gold Source span; the cue is right when the spans
overlap.

Beside storyline, the run scores textacy's ``direct_quotations`` on the same
parsed ``Doc`` of each article (storyline's own pipeline), under ``textacy``:
its (speaker, cue, content) token spans become character spans, triples
sharing one cue are merged as storyline's are, and the speaker span goes to
its entity's mentions by the same rule; the scorer is the one above. textacy
only finds direct quotations, so its ``all`` recall is bounded by the quoted
share. Without textacy installed the key says so and the run goes on.
"""

from __future__ import annotations

import re
import tarfile
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.extract.entities import entity_at, group_entities
from storyline.extract.quotes import Quote, extract_quotes
from storyline.extract.quotes_cues import SPEECH_VERBS

__all__ = [
    "GoldAttribution",
    "PredictedQuote",
    "evaluate_quotes",
    "read_brat",
    "score",
    "textacy_predictions",
]

_TOKEN = re.compile(r"\w+")
_QUOTE_MARKS = ("“", "”", '"', "''")
_IRREGULAR = {"said", "says", "told", "tells", "wrote", "writes", "according"}


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One PolNeAR attribution: content fragments, source and cue spans."""

    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    cue_text: str
    quoted: bool


@dataclass(frozen=True, slots=True)
class PredictedQuote:
    """A prediction as the scorer sees it: content, speaker and cue spans."""

    content: tuple[tuple[int, int], ...]
    speaker: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    quoted: bool


def _spans(field: str) -> tuple[tuple[int, int], ...]:
    return tuple((int(a), int(b)) for a, b in (p.split() for p in field.split(";")))


def is_speech_cue(cue: str) -> bool:
    """Whether a PolNeAR cue reports speech or writing.

    >>> is_speech_cue("has said"), is_speech_cue("believes"), is_speech_cue("replied")
    (True, False, True)
    """
    for word in re.findall(r"[a-z]+", cue.lower()):
        if word in _IRREGULAR:
            return True
        stems = (word, word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-2] + "e")
        for stem in (*stems, word[:-3] + "y"):  # replied, denies
            if stem in SPEECH_VERBS:
                return True
    return False


def read_brat(text: str, ann: str) -> list[GoldAttribution]:
    """The speech attributions with a source in one brat ``.ann`` file."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    out: list[GoldAttribution] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, where = parts[1].partition(" ")
            spans[parts[0]] = (label, _spans(where))
    for line in ann.splitlines():
        if not line.startswith("E"):
            continue
        args = dict(a.split(":", 1) for a in line.split("\t")[1].split())
        if "Attribution" not in args or not {"Source", "Content", "Cue"} <= args.keys():
            continue
        content = spans[args["Content"]][1]
        cue = spans[args["Cue"]][1]
        cue_text = " ".join(text[a:b] for a, b in cue)
        if not is_speech_cue(cue_text):
            continue
        quoted = any(m in text[max(0, a - 1) : b + 1] for a, b in content for m in _QUOTE_MARKS)
        out.append(GoldAttribution(content, spans[args["Source"]][1], cue, cue_text, quoted))
    return out


def _tokens(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for a, b in spans:
        out |= {m.start() for m in _TOKEN.finditer(text, a, b)}
    return out


def _overlaps(xs: Iterable[tuple[int, int]], ys: Iterable[tuple[int, int]]) -> bool:
    ys = list(ys)
    return any(a < d and c < b for a, b in xs for c, d in ys)


def predictions(quotes: Iterable[Quote], entities: Any) -> list[PredictedQuote]:
    """Scorer view of storyline's quotes: split parts with one cue merged, nested dropped."""
    by_cue: dict[Any, list[Quote]] = {}
    for q in quotes:
        if q.speaker is None:
            continue  # a scare quote or slogan claims no attribution
        key = (q.cue_start, q.speaker.entity_id if q.speaker else None) if q.cue_start else id(q)
        by_cue.setdefault(key, []).append(q)
    mentions = {e.id: tuple((m.start, m.end) for m in e.mentions) for e in entities}
    out = []
    for group in by_cue.values():
        q = group[0]
        speaker: tuple[tuple[int, int], ...] = ()
        if q.speaker is not None:
            speaker = ((q.speaker.start, q.speaker.end),)
            speaker += mentions.get(q.speaker.entity_id or "", ())
        cue = ((q.cue_start, q.cue_end),) if q.cue_start is not None and q.cue_end else ()
        out.append(
            PredictedQuote(
                _outermost([(g.start, g.end) for g in group]),
                speaker,
                cue,
                any(g.kind != "indirect" for g in group),
            )
        )
    keep = []
    for p in out:
        a, b = min(s for s, _ in p.content), max(e for _, e in p.content)
        nested = any(
            o is not p
            and len(o.content) == 1
            and o.content[0][0] <= a
            and b <= o.content[0][1]
            and (o.content[0][1] - o.content[0][0]) > b - a
            for o in out
        )
        if not nested:
            keep.append(p)
    return keep


def textacy_predictions(doc: Any, entities: Any, direct_quotations: Any) -> list[PredictedQuote]:
    """Scorer view of textacy's ``direct_quotations(doc)`` triples on ``doc``.

    Token spans become character spans; triples sharing one cue are merged and
    the speaker span takes its entity's mentions, as for storyline's quotes.
    textacy refuses a text with an odd number of quotation marks: no triples.
    """
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # "… quotation marks found, indicating an unclosed quotation"
        return []
    mentions = {e.id: tuple((m.start, m.end) for m in e.mentions) for e in entities}

    def chars(toks: Any) -> tuple[int, int]:
        toks = sorted(toks, key=lambda t: t.i)
        return toks[0].idx, toks[-1].idx + len(toks[-1])

    by_cue: dict[tuple[int, int], list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    for speaker_toks, cue_toks, content in triples:
        if not speaker_toks or not cue_toks or not len(content):
            continue
        by_cue.setdefault(chars(cue_toks), []).append((chars(speaker_toks), chars(content)))
    out = []
    for cue, group in by_cue.items():
        speaker = group[0][0]
        ent = entity_at(entities, *speaker)
        spans = (speaker,) + (mentions.get(ent.id, ()) if ent is not None else ())
        out.append(PredictedQuote(_outermost([c for _, c in group]), spans, (cue,), True))
    return out


def _textacy() -> Any | None:
    """textacy's ``direct_quotations``, or None when textacy is not installed."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    return direct_quotations


def _outermost(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The spans not nested in another (a partial quote inside its reported clause)."""
    return tuple(
        sorted(
            {
                (a, b)
                for a, b in spans
                if not any((c, d) != (a, b) and c <= a and b <= d for c, d in spans)
            }
        )
    )


def score(
    docs: Iterable[tuple[str, list[GoldAttribution], list[PredictedQuote]]],
) -> dict[str, dict[str, float]]:
    """The result object from gold and predictions per document (see the module doc)."""
    counts: dict[str, dict[str, float]] = {
        part: {k: 0 for k in ("gold", "pred", "m3", "m8", "speaker", "cue")}
        for part in ("all", "quoted")
    }
    for text, gold, pred in docs:
        for part in ("all", "quoted"):
            g = [x for x in gold if part == "all" or x.quoted]
            p = [x for x in pred if part == "all" or x.quoted]
            c = counts[part]
            c["gold"] += len(g)
            c["pred"] += len(p)
            gtok = [_tokens(text, x.content) for x in g]
            ptok = [_tokens(text, x.content) for x in p]
            for threshold, key in ((0.3, "m3"), (0.8, "m8")):
                pairs = sorted(
                    (
                        (len(gt & pt) / len(gt), i, j)
                        for i, gt in enumerate(gtok)
                        if gt
                        for j, pt in enumerate(ptok)
                        if gt & pt
                    ),
                    reverse=True,
                )
                used_g: set[int] = set()
                used_p: set[int] = set()
                for overlap, i, j in pairs:
                    if overlap < threshold or i in used_g or j in used_p:
                        continue
                    used_g.add(i)
                    used_p.add(j)
                    c[key] += 1
                    if threshold == 0.3:
                        c["speaker"] += _overlaps(p[j].speaker, g[i].source)
                        c["cue"] += _overlaps(p[j].cue, g[i].cue)
    result: dict[str, dict[str, float]] = {}
    for part, c in counts.items():
        r: dict[str, float] = {}
        for label, key in (("0.3", "m3"), ("0.8", "m8")):
            prec = c[key] / c["pred"] if c["pred"] else 0.0
            rec = c[key] / c["gold"] if c["gold"] else 0.0
            r[f"precision@{label}"] = round(prec, 4)
            r[f"recall@{label}"] = round(rec, 4)
            r[f"f1@{label}"] = round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0
        r["speaker_accuracy"] = round(c["speaker"] / c["m3"], 4) if c["m3"] else 0.0
        r["cue_accuracy"] = round(c["cue"] / c["m3"], 4) if c["m3"] else 0.0
        r["gold"] = int(c["gold"])
        r["predicted"] = int(c["pred"])
        result[part] = r
    return result


def _split_folder(folder: Path, split: str | None, tmp: str) -> Path:
    if folder.is_file():
        with tarfile.open(folder) as tar:
            tar.extractall(tmp, filter="data")
        found = [p.parent for p in Path(tmp).rglob("attributions") if p.is_dir()]
        if split is not None:
            found = [p for p in found if p.name == split]
        if len(found) != 1:
            raise ValueError(f"name one split of {folder}: {sorted(p.name for p in found)}")
        return found[0]
    return folder


def evaluate_quotes(
    folder: Path,
    split: str | None = None,
    nlp: Callable[[str], Any] | None = None,
    textacy: bool = True,
) -> dict[str, Any]:
    """Score storyline's quotes on one PolNeAR split (see the module doc).

    ``nlp`` defaults to storyline's pipeline; tests pass a smaller one. With
    ``textacy`` (the default) textacy's direct quotations are scored beside
    them on the same docs when textacy is installed.
    """
    direct_quotations = _textacy() if textacy else None
    if nlp is None:
        from storyline.nlp.pipeline import load_nlp

        nlp = load_nlp()
    with tempfile.TemporaryDirectory() as tmp:
        root = _split_folder(folder, split, tmp)
        anns: dict[str, Path] = {}
        for ann in sorted((root / "attributions").glob("*.ann")):
            name = ann.stem.rsplit("_", 1)[0]
            anns.setdefault(name, ann)
        docs = []
        theirs = []
        for name, ann in sorted(anns.items()):
            text_path = root / "text" / f"{name}.txt"
            if not text_path.exists():
                continue
            text = text_path.read_text(encoding="utf-8")
            gold = read_brat(text, ann.read_text(encoding="utf-8"))
            doc = nlp(text)
            entities = group_entities(doc)
            docs.append((text, gold, predictions(extract_quotes(doc, entities), entities)))
            if direct_quotations is not None:
                theirs.append((text, gold, textacy_predictions(doc, entities, direct_quotations)))
    result: dict[str, Any] = dict(score(docs))
    if direct_quotations is not None:
        result["textacy"] = score(theirs)
    elif textacy:
        result["textacy"] = "not installed (pip install textacy): not compared"
    return result
