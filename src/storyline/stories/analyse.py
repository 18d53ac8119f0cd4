"""Analyse articles for the story stages: extraction, sentence ranges and MiniLM vectors.

One pass per article: the annotator parses the clean text once (in batches)
and runs every extraction stage; the sentences are embedded in one batch per
group of articles, and each article gets a lead vector (title and opening)
for story clustering.

Analyses are stored (:meth:`storyline.store.Store.save_analyses`) under
:func:`analysis_version`, so a story that grows over later runs reads its earlier
articles' analyses instead of parsing them again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from importlib.metadata import version
from pathlib import Path

import numpy as np

from storyline.extract.annotate import AnnotatedArticle, Annotator
from storyline.nlp.embeddings import SentenceEncoder
from storyline.records import Article
from storyline.store.codec import fingerprint
from storyline.stories.cluster import lead_text
from storyline.stories.records import AnalysedArticle

__all__ = ["analyse_articles", "analysis_version", "recall_vectors"]

_MAX_SENTENCE_CHARS = 2000

_PACKAGE = Path(__file__).resolve().parents[1]
# What an analysis depends on: the extraction and model code, and this module.
_ANALYSIS_CODE = ("extract", "nlp", "stories/analyse.py", "stories/cluster.py")


@cache
def analysis_version() -> str:
    """What made an analysis: storyline's release, the records' shapes, and a hash of the
    extraction code and model files (names, sizes, settings), so any change to them makes
    stored analyses stale and they are made again.

    >>> analysis_version() == analysis_version()
    True
    """
    digest = hashlib.sha1(f"{version('storyline')}/{fingerprint(AnnotatedArticle)}".encode())
    for part in _ANALYSIS_CODE:
        root = _PACKAGE / part
        for path in sorted(root.rglob("*") if root.is_dir() else [root]):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            digest.update(str(path.relative_to(_PACKAGE)).encode())
            if path.suffix in (".py", ".json", ".cfg"):
                digest.update(path.read_bytes())
            else:  # weights: their size stands for them (reading them all would be slow)
                digest.update(str(path.stat().st_size).encode())
    return digest.hexdigest()[:16]


def analyse_articles(
    articles: Iterable[Article],
    annotator: Annotator,
    encoder: SentenceEncoder,
    *,
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
) -> Iterator[AnalysedArticle]:
    """Analyse ``articles`` in order; ``progress(n)`` is called after every ``n`` done."""
    batch: list[AnnotatedArticle] = []
    for annotated in annotator.annotate_all(articles, batch_size=batch_size):
        batch.append(annotated)
        if len(batch) >= batch_size:
            yield from _embed(batch, encoder)
            if progress:
                progress(len(batch))
            batch = []
    if batch:
        yield from _embed(batch, encoder)
        if progress:
            progress(len(batch))


def recall_vectors(analysed: Iterable[AnalysedArticle], encoder: SentenceEncoder) -> None:
    """Give ``encoder`` the stored sentence vectors of ``analysed`` (read back from the
    store), so the story stages, which embed the same sentences, do not encode them again."""
    for a in analysed:
        encoder.recall(_sentence_texts(a.text, a.sentences), a.sentence_vectors)


def _sentence_texts(text: str, sentences: Sequence[tuple[int, int]]) -> list[str]:
    return [text[s:e][:_MAX_SENTENCE_CHARS] for s, e in sentences]


def _embed(
    batch: Sequence[AnnotatedArticle], encoder: SentenceEncoder
) -> Iterator[AnalysedArticle]:
    texts: list[str] = []
    for ann in batch:
        text = ann.article.text
        texts.extend(_sentence_texts(text, ann.sentences))
        texts.append(lead_text(ann.article.title, text))
    vectors = encoder.encode(texts)
    row = 0
    for ann in batch:
        n = len(ann.sentences)
        sentence_vectors = np.ascontiguousarray(vectors[row : row + n])
        lead = vectors[row + n]
        row += n + 1
        yield AnalysedArticle(ann, ann.sentences, sentence_vectors, lead)
