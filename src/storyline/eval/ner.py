"""``storyline eval ner FILE``: exact-span NER scores on gold tokens.

Reads CoNLL-style IOB2 (``token ... TAG`` per line, plain or gzipped) and the
Universal NER ``.iob2`` format (``# comments``; tab-separated ``index token
tag ...``), runs the pipeline's named-entity recogniser on the gold words and
scores spans exactly as seqeval/conlleval do: a span counts only when its type
and both boundaries match; scores are micro-averaged.

Universal NER files carry only PER, ORG and LOC (plus OTHER or OTH, scored as MISC):
their overall figure is over PER/ORG/LOC and MISC is reported in ``per_type``
alone. Only the CoNLL types are scored; the rule-based types that
``storyline_entities`` adds (MONEY, DATE, NORP, …) are never run here.
"""

from __future__ import annotations

import gzip
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "CONLL_TYPES",
    "UNER_TYPES",
    "Sentence",
    "evaluate_ner",
    "read_iob2",
    "score_spans",
    "spans_from_tags",
]

CONLL_TYPES = ("PER", "ORG", "LOC", "MISC")
UNER_TYPES = ("PER", "ORG", "LOC")

Format = Literal["conll", "uner"]
# Universal NER spells its fourth type both ways across releases and tools
_UNER_OTHER = frozenset({"OTHER", "OTH"})
Span = tuple[str, int, int]  # (type, first token, last token inclusive)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One gold sentence: its words and one IOB tag per word."""

    words: tuple[str, ...]
    tags: tuple[str, ...]


def _open_lines(path: Path) -> list[str]:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return fh.read().splitlines()
    return path.read_text(encoding="utf-8").splitlines()


def _detect_format(lines: Sequence[str]) -> Format:
    """UNER rows are tab-separated and start with a token index; CoNLL rows do not."""
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        return "uner" if len(cols) >= 3 and cols[0].isdigit() else "conll"
    return "conll"


def read_iob2(path: Path) -> tuple[list[Sentence], Format]:
    """Read gold sentences from a CoNLL-style or Universal NER IOB2 file.

    Universal NER ``OTHER`` (also spelt ``OTH``) is renamed ``MISC``;
    ``-DOCSTART-`` lines end a sentence and are dropped.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "a.iob2"
    >>> _ = p.write_text("EU NNP B-NP B-ORG\\nrejects VBZ B-VP O\\n\\n")
    >>> read_iob2(p)
    ([Sentence(words=('EU', 'rejects'), tags=('B-ORG', 'O'))], 'conll')
    """
    lines = _open_lines(path)
    fmt = _detect_format(lines)
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if words:
            sentences.append(Sentence(tuple(words), tuple(tags)))
        words.clear()
        tags.clear()

    for line in lines:
        if not line.strip():
            flush()
            continue
        if fmt == "uner":
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            word, tag = cols[1], cols[2]
            prefix, sep, label = tag.partition("-")
            if sep and label in _UNER_OTHER:
                tag = f"{prefix}-MISC"
        else:
            cols = line.split()
            word, tag = cols[0], cols[-1]
            if word == "-DOCSTART-":
                flush()
                continue
        words.append(word)
        tags.append(tag)
    flush()
    return sentences, fmt


def _split(tag: str) -> tuple[str, str]:
    if tag == "O" or "-" not in tag:
        return "O", ""
    prefix, _, label = tag.partition("-")
    return prefix, label


def _end_of_chunk(prev_tag: str, tag: str, prev_type: str, type_: str) -> bool:
    # conlleval's endOfChunk, as seqeval ports it (default, non-strict mode)
    if prev_tag in ("E", "S"):
        return True
    if prev_tag in ("B", "I") and tag in ("B", "S", "O"):
        return True
    return prev_tag not in ("O", ".") and prev_type != type_


def _start_of_chunk(prev_tag: str, tag: str, prev_type: str, type_: str) -> bool:
    # conlleval's startOfChunk
    if tag in ("B", "S"):
        return True
    if prev_tag in ("E", "S", "O") and tag in ("E", "I"):
        return True
    return tag not in ("O", ".") and prev_type != type_


def spans_from_tags(tags: Sequence[str]) -> list[Span]:
    """Entity spans in a tag sequence, with conlleval's chunk rules.

    An ``I-`` after ``O`` or after another type opens a new span, as in
    conlleval and seqeval's default mode.

    >>> spans_from_tags(["B-PER", "I-PER", "O", "I-LOC", "B-LOC"])
    [('PER', 0, 1), ('LOC', 3, 3), ('LOC', 4, 4)]
    """
    spans: list[Span] = []
    prev_tag, prev_type, begin = "O", "", 0
    for i, raw in enumerate([*tags, "O"]):
        tag, type_ = _split(raw)
        if _end_of_chunk(prev_tag, tag, prev_type, type_):
            spans.append((prev_type, begin, i - 1))
        if _start_of_chunk(prev_tag, tag, prev_type, type_):
            begin = i
        prev_tag, prev_type = tag, type_
    return spans


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def score_spans(
    gold: Iterable[Sequence[Span]],
    predicted: Iterable[Sequence[Span]],
    overall_types: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Micro-averaged exact-span P/R/F1, overall and per type.

    ``gold`` and ``predicted`` are per-sentence span lists. ``overall_types``
    limits the overall figure to those types (all types when ``None``); every
    type seen in gold or predictions still appears in ``per_type``.

    >>> s = score_spans([[("PER", 0, 1)]], [[("PER", 0, 0)]])
    >>> s["overall"]["f1"], s["per_type"]["PER"]["support"]
    (0.0, 1)
    """
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_ok: Counter[str] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        gset, pset = set(g), set(p)
        n_gold.update(s[0] for s in gset)
        n_pred.update(s[0] for s in pset)
        n_ok.update(s[0] for s in gset & pset)
    types = sorted(set(n_gold) | set(n_pred))
    keep = types if overall_types is None else [t for t in types if t in overall_types]
    per_type = {t: {**_prf(n_ok[t], n_pred[t], n_gold[t]), "support": n_gold[t]} for t in types}
    overall = _prf(
        sum(n_ok[t] for t in keep), sum(n_pred[t] for t in keep), sum(n_gold[t] for t in keep)
    )
    return {"overall": overall, "per_type": per_type}


def _ner_only(nlp: Any) -> list[str]:
    """The pipes that set the CoNLL entities: a ``ner`` component and any tok2vec it
    listens to (a spaCy training run's pipeline), else ``storyline_parser``, whose
    MiniLM pass tags them in the shipped pipeline (each gold sentence is one doc,
    read as one sentence)."""
    if "ner" not in nlp.pipe_names:
        return ["storyline_parser"]
    needed = {"ner"}
    for name, pipe in nlp.pipeline:
        if "ner" in getattr(pipe, "listening_components", ()):
            needed.add(name)
    return [name for name in nlp.pipe_names if name in needed]


def evaluate_ner(path: Path, nlp: Any = None, model: Path | None = None) -> dict[str, Any]:
    """Score the pipeline's NER on a gold IOB2 file.

    ``nlp`` is a loaded pipeline; ``model`` a trained pipeline folder to load
    instead (e.g. a training run's ``model-best``); neither: the packaged one.

    Returns ``{"overall": {precision, recall, f1}, "per_type": {TYPE:
    {precision, recall, f1, support}}, "words_per_second",
    "words_per_cpu_second", "sentences", "words", "format"}``; scores are fractions.

    Example: ``evaluate_ner(Path("eng.testa.gz"))["overall"]["f1"]``.
    """
    from spacy.tokens import Doc

    sentences, fmt = read_iob2(path)
    if nlp is None:
        from storyline.nlp.pipeline import load_pipeline

        nlp = load_pipeline(model)
    types = CONLL_TYPES
    docs = [Doc(nlp.vocab, words=list(s.words)) for s in sentences]
    n_words = sum(len(s.words) for s in sentences)
    with nlp.select_pipes(enable=_ner_only(nlp)):
        start, cpu_start = time.perf_counter(), time.process_time()
        docs = list(nlp.pipe(docs, batch_size=256))
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    gold = [[s for s in spans_from_tags(x.tags) if s[0] in types] for x in sentences]
    pred = [[(e.label_, e.start, e.end - 1) for e in d.ents if e.label_ in types] for d in docs]
    scores = score_spans(gold, pred, UNER_TYPES if fmt == "uner" else CONLL_TYPES)
    scores["words_per_second"] = n_words / elapsed if elapsed else 0.0
    # On a shared machine wall time includes waiting for a core; CPU time does not
    scores["words_per_cpu_second"] = n_words / cpu if cpu else 0.0
    scores.update(sentences=len(sentences), words=n_words, format=fmt)
    return scores
