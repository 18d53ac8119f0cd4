"""``storyline eval asks FILE --data DIR``: asks found against hand labels.

``FILE`` is ``evaldata/asks/labels.jsonl`` (see its ``GUIDELINES.md``): document
rows ``{"corpus", "key", "document": true, "asks", "split"}`` and ask rows with
``kind``, ``cue``/``content``/``actor``/``target`` character spans (``[start,
end]`` or null) into one shared-corpus document, ``content_sha1`` (a prefix of
the sha1 of the content text, to catch a changed text), ``actor_name``,
``actor_country``, ``target_name``, ``certainty``, ``polarity`` and
``in_quote``. Corpora: ``allsides`` and ``bbc`` (:mod:`storyline.eval.corpora`)
and ``polnear`` (texts of ``quotes/polnear_train_dev.tar.gz``, keyed by their
path in the archive or file name).

Matching. A prediction matches a gold ask of the same kind when the word
tokens the two content spans share cover at least half of the gold content's
tokens; each is used once, best overlap first. The headline precision/recall/F1
count a match only when the **actor** fits too: the predicted actor span
overlaps the gold one, or the predicted actor's name, one of its entity's
mentions or its country equals the gold ``actor_name`` or ``actor_country``
(case ignored); a gold ask with no actor accepts any. ``actor_accuracy`` and
``target_accuracy`` are shares of the kind+content matches (the latter over
those whose gold ask has a target). ``baseline`` scores a verb-list extractor
on the same documents: a lexicon of cue verbs per kind, the nearest preceding
named entity (else the verb's subject) as actor, the words after the verb to
the clause end as content.

``agreement`` (``--agreement OTHER``) scores a second, independent labelling of
the same documents against the first with the same matching, so the headline
figures can be read against how far two people following the guidelines agree.

storyline keeps actions that did not happen ("has yet to announce an
extension": polarity ``negative``) as records, for the ledger; the guidelines
label no non-events, so those are not scored as predictions.
"""

from __future__ import annotations

import hashlib
import json
import re
import tarfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.eval.corpora import CorpusDoc, corpus_date, load_corpus

__all__ = [
    "GoldAsk",
    "PredictedAsk",
    "agreement",
    "baseline_asks",
    "evaluate_asks",
    "read_gold",
    "score_asks",
]

_TOKEN = re.compile(r"\w+")
_KINDS = ("demand", "commitment", "action", "refusal")
_BASELINE_VERBS = {
    "demand": {"ask", "urge", "call", "demand", "press", "push", "want", "request", "seek"},
    "commitment": {"agree", "promise", "pledge", "vow", "plan", "commit"},
    "action": {
        "order",
        "approve",
        "close",
        "shut",
        "cut",
        "impose",
        "restore",
        "reopen",
        "release",
        "lift",
        "ban",
        "sign",
        "suspend",
        "launch",
    },
    "refusal": {"refuse", "reject", "resist", "decline", "oppose"},
}
_BASELINE_ENTS = {"PER", "ORG", "LOC", "NORP", "MISC"}

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldAsk:
    """A labelled ask as the scorer reads it."""

    kind: str
    content: Span
    actor: Span | None
    actor_names: frozenset[str]
    target: Span | None
    target_names: frozenset[str]


@dataclass(frozen=True, slots=True)
class PredictedAsk:
    """A prediction as the scorer sees it; ``*_names`` hold names, mentions and country."""

    kind: str
    content: Span
    actor: tuple[Span, ...]
    actor_names: frozenset[str]
    target: tuple[Span, ...]
    target_names: frozenset[str]


def _tokens(text: str, span: Span) -> set[int]:
    return {m.start() for m in _TOKEN.finditer(text, span[0], span[1])}


def _fits(
    spans: Sequence[Span], names: frozenset[str], gold: Span | None, gnames: frozenset[str]
) -> bool:
    if gold is not None and any(a < gold[1] and gold[0] < b for a, b in spans):
        return True
    return bool(names & gnames)


def _actor_ok(p: PredictedAsk, g: GoldAsk) -> bool:
    if g.actor is None and not g.actor_names:
        return True
    return _fits(p.actor, p.actor_names, g.actor, g.actor_names)


def _target_ok(p: PredictedAsk, g: GoldAsk) -> bool:
    return _fits(p.target, p.target_names, g.target, g.target_names)


def _match(
    text: str, pred: Sequence[PredictedAsk], gold: Sequence[GoldAsk], with_actor: bool
) -> list[tuple[PredictedAsk, GoldAsk]]:
    gold_toks = [_tokens(text, g.content) for g in gold]
    options = []
    for i, p in enumerate(pred):
        ptoks = _tokens(text, p.content)
        for j, g in enumerate(gold):
            if p.kind != g.kind or not gold_toks[j]:
                continue
            cover = len(ptoks & gold_toks[j]) / len(gold_toks[j])
            if cover >= 0.5 and (not with_actor or _actor_ok(p, g)):
                options.append((cover, -i, -j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, mi, mj in sorted(options, reverse=True):
        i, j = -mi, -mj
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((pred[i], gold[j]))
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score_asks(
    docs: Iterable[tuple[str, Sequence[PredictedAsk], Sequence[GoldAsk]]],
) -> dict[str, Any]:
    """Headline and per-kind scores over ``(text, predicted, gold)`` per document.

    >>> g = GoldAsk("demand", (10, 20), (0, 4), frozenset({"kovar"}), None, frozenset())
    >>> p = PredictedAsk("demand", (10, 18), ((0, 4),), frozenset(), (), frozenset())
    >>> score_asks([("Kovar wants to reopen it", [p], [g])])["f1"]
    1.0
    """
    n_gold = n_pred = tp = n_content = n_actor = n_target = n_with_target = 0
    kinds = {k: [0, 0, 0] for k in _KINDS}  # tp, predicted, gold
    for text, pred, gold in docs:
        n_gold += len(gold)
        n_pred += len(pred)
        content = _match(text, pred, gold, with_actor=False)
        n_content += len(content)
        n_actor += sum(_actor_ok(p, g) for p, g in content)
        targeted = [(p, g) for p, g in content if g.target is not None or g.target_names]
        n_with_target += len(targeted)
        n_target += sum(_target_ok(p, g) for p, g in targeted)
        full = _match(text, pred, gold, with_actor=True)
        tp += len(full)
        for p, _ in full:
            kinds[p.kind][0] += 1
        for p in pred:
            kinds.setdefault(p.kind, [0, 0, 0])[1] += 1
        for g in gold:
            kinds.setdefault(g.kind, [0, 0, 0])[2] += 1
    out: dict[str, Any] = _prf(tp, n_pred, n_gold)
    out["actor_accuracy"] = round(n_actor / n_content, 4) if n_content else 0.0
    out["target_accuracy"] = round(n_target / n_with_target, 4) if n_with_target else 0.0
    out["kind_content"] = _prf(n_content, n_pred, n_gold)
    out["gold"], out["predicted"] = n_gold, n_pred
    out["per_kind"] = {
        k: {**_prf(v[0], v[1], v[2]), "predicted": v[1], "gold": v[2]} for k, v in kinds.items()
    }
    return out


def _names(*values: Any) -> frozenset[str]:
    return frozenset(str(v).strip().lower() for v in values if v)


def _span(value: Any) -> Span | None:
    return (int(value[0]), int(value[1])) if value else None


def read_gold(row: dict[str, Any], text: str) -> GoldAsk:
    """One label row, checked against the document text."""
    content = _span(row["content"])
    if content is None:
        raise ValueError(f"{row['corpus']}:{row['key']}: an ask without a content span")
    want = row.get("content_sha1")
    got = hashlib.sha1(text[content[0] : content[1]].encode("utf-8")).hexdigest()
    if want and not got.startswith(want):
        raise ValueError(f"{row['corpus']}:{row['key']} {content}: text changed (sha1)")
    return GoldAsk(
        row["kind"],
        content,
        _span(row.get("actor")),
        _names(row.get("actor_name"), row.get("actor_country")),
        _span(row.get("target")),
        _names(row.get("target_name"), row.get("target_country")),
    )


def _predicted(asks: Iterable[Any], entities: Sequence[Any]) -> list[PredictedAsk]:
    mentions = {e.id: e.mentions for e in entities}
    out = []
    for a in asks:
        if a.kind == "action" and a.polarity == "negative":
            continue  # a deed that did not happen: the guidelines label no non-events
        sides: list[tuple[tuple[Span, ...], frozenset[str]]] = []
        for party in (a.actor, a.target):
            if party is None:
                sides.append(((), frozenset()))
                continue
            ms = mentions.get(party.entity_id, ()) if party.entity_id else ()
            spans = ((party.start, party.end), *((m.start, m.end) for m in ms))
            sides.append((spans, _names(party.name, party.country, *(m.text for m in ms))))
        out.append(PredictedAsk(a.kind, (a.content_start, a.content_end), *sides[0], *sides[1]))
    return out


def baseline_asks(doc: Any) -> list[PredictedAsk]:
    """The verb-list baseline over a parsed document."""
    out = []
    for sent in doc.sents:
        for tok in sent:
            kind = next((k for k, v in _BASELINE_VERBS.items() if tok.lemma_.lower() in v), None)
            if kind is None or tok.pos_ != "VERB":
                continue
            before = [e for e in sent.ents if e.end <= tok.i and e.label_ in _BASELINE_ENTS]
            actor: tuple[Span, ...] = ()
            names: frozenset[str] = frozenset()
            if before:
                actor = ((before[-1].start_char, before[-1].end_char),)
                names = _names(before[-1].text)
            else:
                subj = next((c for c in tok.children if c.dep_.startswith("nsubj")), None)
                if subj is not None:
                    actor = ((subj.idx, subj.idx + len(subj)),)
                    names = _names(subj.text)
            end = tok.i + 1
            while end < sent.end and doc[end].text not in {",", ";", ".", ":", "—", "?", "!"}:
                end += 1
            if end == tok.i + 1:
                continue
            content = (doc[tok.i + 1].idx, doc[end - 1].idx + len(doc[end - 1]))
            after = [e for e in sent.ents if e.start > tok.i and e.end <= end]
            target = ((after[0].start_char, after[0].end_char),) if after else ()
            tnames = _names(after[0].text) if after else frozenset()
            out.append(PredictedAsk(kind, content, actor, names, target, tnames))
    return out


def _polnear(data: Path) -> dict[str, CorpusDoc]:
    docs: dict[str, CorpusDoc] = {}
    with tarfile.open(data / "quotes" / "polnear_train_dev.tar.gz") as tar:
        for member in tar.getmembers():
            if not (member.isfile() and "/text/" in member.name and member.name.endswith(".txt")):
                continue
            fh = tar.extractfile(member)
            if fh is None:
                continue
            name = member.name.rsplit("/", 1)[-1]
            date = re.search(r"_(\d{4}-\d{2}-\d{2})_", name)
            doc = CorpusDoc(
                "polnear",
                member.name,
                fh.read().decode("utf-8"),
                published=date.group(1) if date else None,
            )
            parts = member.name.split("/")
            for key in (member.name, "/".join(parts[1:]), name, name.removesuffix(".txt")):
                docs.setdefault(key, doc)
    return docs


def evaluate_asks(labels: Path, data: Path, split: str = "test") -> dict[str, Any]:
    """Scores of storyline's asks and of the verb-list baseline on one split of the labels.

    ``data`` is the shared data folder (the one holding ``news/`` and ``quotes/``).
    """
    from storyline.extract.asks import extract_asks
    from storyline.extract.entities import group_entities
    from storyline.extract.quotes import extract_quotes
    from storyline.extract.time import extract_timexes
    from storyline.nlp.pipeline import load_nlp

    rows = [json.loads(x) for x in labels.read_text(encoding="utf-8").splitlines() if x.strip()]
    wanted = sorted(
        {
            (r["corpus"], r["key"])
            for r in rows
            if r.get("document") and split in ("all", r["split"])
        }
    )
    corpora: dict[str, dict[str, CorpusDoc]] = {}
    for corpus in sorted({c for c, _ in wanted}):
        corpora[corpus] = _polnear(data) if corpus == "polnear" else load_corpus(corpus, data)
    nlp = load_nlp()
    ours: list[tuple[str, list[PredictedAsk], list[GoldAsk]]] = []
    base: list[tuple[str, list[PredictedAsk], list[GoldAsk]]] = []
    seconds = 0.0
    for corpus, key in wanted:
        doc_row = corpora[corpus][key]
        text = doc_row.text
        gold = _labelled(rows, corpus, key, text)
        doc = nlp(text)
        started = time.perf_counter()
        entities = group_entities(doc)
        quotes = extract_quotes(doc, entities)
        timexes = extract_timexes(text, corpus_date(doc_row.published), doc)
        asks = extract_asks(doc, entities, quotes, timexes)
        seconds += time.perf_counter() - started
        ours.append((text, _predicted(asks, entities), gold))
        base.append((text, baseline_asks(doc), gold))
    result = score_asks(ours)
    result["documents"] = len(wanted)
    result["split"] = split
    result["seconds_after_parse"] = round(seconds, 2)
    result["baseline"] = score_asks(base)
    return result


def _labelled(rows: list[dict[str, Any]], corpus: str, key: str, text: str) -> list[GoldAsk]:
    """The ask rows of one document."""
    return [
        read_gold(r, text)
        for r in rows
        if not r.get("document") and (r["corpus"], r["key"]) == (corpus, key)
    ]


def _as_predicted(gold: GoldAsk) -> PredictedAsk:
    """A second labeller's ask as the scorer reads a prediction."""
    return PredictedAsk(
        gold.kind,
        gold.content,
        (gold.actor,) if gold.actor else (),
        gold.actor_names,
        (gold.target,) if gold.target else (),
        gold.target_names,
    )


def agreement(labels: Path, other: Path, data: Path) -> dict[str, Any]:
    """How far ``other`` (a second labelling) agrees with ``labels`` on the documents both
    label: the scores of :func:`score_asks` with ``labels`` as gold and ``other`` as the
    prediction (precision and recall swap when the two are swapped; F1 does not).
    """
    first, second = (
        [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        for path in (labels, other)
    )
    both = sorted(
        {(r["corpus"], r["key"]) for r in first if r.get("document")}
        & {(r["corpus"], r["key"]) for r in second if r.get("document")}
    )
    corpora = {
        c: _polnear(data) if c == "polnear" else load_corpus(c, data) for c in {c for c, _ in both}
    }
    docs = []
    for corpus, key in both:
        text = corpora[corpus][key].text
        theirs = [_as_predicted(g) for g in _labelled(second, corpus, key, text)]
        docs.append((text, theirs, _labelled(first, corpus, key, text)))
    result = score_asks(docs)
    result["documents"] = len(both)
    return result
