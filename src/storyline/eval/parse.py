"""Score the English pipeline's tags, dependency parse and sentences on CoNLL-U.

``storyline eval parse FILE.conllu`` (plain or ``.gz``) calls
:func:`evaluate_parse`. The pipeline runs on the gold words (the tokenizer is
skipped: each document is built from the gold ``FORM`` column and
``SpaceAfter=No``), so the scores measure tagging and parsing, not
tokenization. Multi-word token ranges (``3-4``) and empty nodes (``8.1``) are
skipped; their syntactic words are scored.

Sentences are grouped into documents by ``# newdoc`` comments (or in runs of
:data:`SENTENCES_PER_DOC` when a file has none), so the pipeline has to find
the sentence boundaries itself.

Conventions follow the CoNLL 2018 shared task: UPOS, UAS and LAS are computed
over **all** words, punctuation included; LAS compares the main relation only
(``nmod:poss`` counts as ``nmod``); a word attached to the root must be
predicted as a root. ``sentence_f1`` is the F1 of exact sentence spans.
Every score is a fraction in [0, 1].
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

__all__ = [
    "SENTENCES_PER_DOC",
    "GoldSentence",
    "evaluate_parse",
    "read_conllu",
    "score_parse",
]

SENTENCES_PER_DOC = 10


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """One sentence of a CoNLL-U file: its syntactic words and their annotation."""

    words: tuple[str, ...]
    spaces: tuple[bool, ...]
    upos: tuple[str, ...]
    heads: tuple[int, ...]  # 0-based index in the sentence; -1 for the root
    deprels: tuple[str, ...]
    new_doc: bool = False


def _open(path: Path) -> Iterator[str]:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            yield from fh
    else:
        with path.open(encoding="utf-8") as fh:
            yield from fh


def read_conllu(lines: Iterable[str]) -> list[GoldSentence]:
    """Parse CoNLL-U lines into sentences.

    >>> text = "# newdoc id = d\\n1\\tHi\\thi\\tINTJ\\tUH\\t_\\t0\\troot\\t_\\tSpaceAfter=No\\n"
    >>> text += "2\\t!\\t!\\tPUNCT\\t.\\t_\\t1\\tpunct\\t_\\t_\\n\\n"
    >>> sentence = read_conllu(text.splitlines())[0]
    >>> sentence.words, sentence.heads, sentence.spaces, sentence.new_doc
    (('Hi', '!'), (-1, 0), (False, True), True)
    """
    sentences: list[GoldSentence] = []
    rows: list[list[str]] = []
    new_doc = False
    for raw in [*lines, ""]:
        line = raw.rstrip("\n")
        if not line.strip():
            if rows:
                sentences.append(_sentence(rows, new_doc))
                rows, new_doc = [], False
        elif line.startswith("#"):
            new_doc = new_doc or line.startswith("# newdoc")
        else:
            columns = line.split("\t")
            if columns[0].isdigit():
                rows.append(columns)
    return sentences


def _sentence(rows: Sequence[Sequence[str]], new_doc: bool) -> GoldSentence:
    return GoldSentence(
        words=tuple(row[1] for row in rows),
        spaces=tuple("SpaceAfter=No" not in row[9].split("|") for row in rows),
        upos=tuple(row[3] for row in rows),
        heads=tuple(int(row[6]) - 1 for row in rows),
        deprels=tuple(row[7] for row in rows),
        new_doc=new_doc,
    )


def _documents(sentences: Sequence[GoldSentence]) -> list[list[GoldSentence]]:
    use_markers = any(sentence.new_doc for sentence in sentences)
    documents: list[list[GoldSentence]] = []
    for sentence in sentences:
        if not documents:
            starts = True
        elif use_markers:
            starts = sentence.new_doc
        else:
            starts = len(documents[-1]) >= SENTENCES_PER_DOC
        if starts:
            documents.append([])
        documents[-1].append(sentence)
    return documents


def _main_relation(label: str) -> str:
    return label.split(":")[0].lower()


def _spans(starts: Sequence[bool]) -> set[tuple[int, int]]:
    edges = [i for i, start in enumerate(starts) if start or i == 0] + [len(starts)]
    return set(pairwise(edges))


def score_parse(
    documents: Sequence[Sequence[GoldSentence]], docs: Sequence[Doc]
) -> dict[str, float]:
    """UPOS, UAS, LAS and sentence F1 of predicted ``docs`` against gold documents.

    >>> from spacy.vocab import Vocab
    >>> gold = GoldSentence(("Hi", "!"), (True, False), ("INTJ", "PUNCT"), (-1, 0),
    ...                     ("root", "punct"))
    >>> doc = Doc(Vocab(), words=["Hi", "!"], pos=["INTJ", "PUNCT"], heads=[0, 0],
    ...           deps=["ROOT", "dep"])
    >>> score_parse([[gold]], [doc])
    {'upos': 1.0, 'uas': 1.0, 'las': 0.5, 'sentence_f1': 1.0}
    """
    words = upos = heads = labelled = 0
    true_sentences = predicted_sentences = gold_sentences = 0
    for sentences, doc in zip(documents, docs, strict=True):
        offset = 0
        gold_starts: list[bool] = []
        for sentence in sentences:
            for i, (pos, head, rel) in enumerate(
                zip(sentence.upos, sentence.heads, sentence.deprels, strict=True)
            ):
                token = doc[offset + i]
                predicted_head = -1 if token.head.i == token.i else token.head.i - offset
                words += 1
                upos += token.pos_ == pos
                if predicted_head == head:
                    heads += 1
                    labelled += _main_relation(token.dep_) == _main_relation(rel)
                gold_starts.append(i == 0)
            offset += len(sentence.words)
        gold = _spans(gold_starts)
        predicted = _spans([bool(token.is_sent_start) for token in doc])
        true_sentences += len(gold & predicted)
        gold_sentences += len(gold)
        predicted_sentences += len(predicted)
    total = max(words, 1)
    precision = true_sentences / max(predicted_sentences, 1)
    recall = true_sentences / max(gold_sentences, 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "upos": upos / total,
        "uas": heads / total,
        "las": labelled / total,
        "sentence_f1": f1,
    }


def evaluate_parse(
    path: Path, nlp: Language | None = None, batch_size: int = 32, model: Path | None = None
) -> dict[str, float]:
    """Run the pipeline over the gold words of ``path`` and score it.

    ``nlp`` is a loaded pipeline; ``model`` a trained pipeline folder to load
    instead (e.g. a training run's ``model-best``); neither: the packaged one.

    Returns ``{"upos", "uas", "las", "sentence_f1", "words_per_second"}``;
    ``words_per_second`` times the pipeline components only (no file reading).
    Example: ``evaluate_parse(Path("en_ewt-ud-dev.conllu.gz"))["las"]`` → 0.8…
    """
    if nlp is None:
        from storyline.nlp.pipeline import load_pipeline

        nlp = load_pipeline(model)
    documents = _documents(read_conllu(_open(path)))
    inputs = [
        Doc(
            nlp.vocab,
            words=[word for sentence in sentences for word in sentence.words],
            spaces=[space for sentence in sentences for space in sentence.spaces],
        )
        for sentences in documents
    ]
    n_words = sum(len(doc) for doc in inputs)
    started = time.perf_counter()
    docs = list(nlp.pipe(inputs, batch_size=batch_size))
    elapsed = time.perf_counter() - started
    scores = score_parse(documents, docs)
    scores["words_per_second"] = n_words / elapsed if elapsed > 0 else 0.0
    return scores
