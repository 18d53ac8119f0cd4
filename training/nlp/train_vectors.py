"""Train small static word vectors on raw news text for the en_news tok2vec.

Run from the repository root (one worker thread, fixed seed)::

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \\
        python training/nlp/train_vectors.py ../shared/data \\
        --output training/output/vectors

Reads BBC News (``news/bbc_greene2006.tar.gz``), AllSides
(``news/allsides_506_stories.jsonl.gz``) and the Multi-News sources
(``mds/multinews_dev600.jsonl.gz``) through ``storyline.eval.corpora``; never
UD English-EWT. The text is cut into tokens by storyline's news tokenizer and
keyed by spaCy's ``NORM`` (lower case plus norm exceptions), so "The" and
"the" share a row. The ``--rows`` most frequent norms get a vector, made by
one of two methods:

* ``word2vec`` (default): gensim's skip-gram word2vec trained on that text;
* ``minilm``: each word alone through the shipped all-MiniLM-L6-v2 encoder
  (``storyline.nlp.embeddings``), then PCA down to ``--dims`` (model2vec's
  distillation, without its re-weighting).

The table is saved as a spaCy pipeline with only a vocabulary, for
``train_parser.py --vectors``. It is ``rows x dims`` float32 plus the keys: the
shipped models must stay under 40 MB.
"""

from __future__ import annotations

import argparse
import logging
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import spacy
from gensim.models import Word2Vec  # type: ignore[import-untyped]
from spacy.language import Language
from spacy.vectors import Vectors

from storyline.eval.corpora import iter_allsides, iter_bbc, iter_multinews
from storyline.nlp.tokenizer import customize_tokenizer

SEED = 20240611


def stable_hash(text: str) -> int:
    """gensim seeds each word's start vector with this; Python's ``hash`` varies per run."""
    return zlib.crc32(text.encode("utf-8"))


def news_paragraphs(data_dir: Path) -> Iterator[str]:
    """Paragraphs of every BBC, AllSides and Multi-News article, in a fixed order."""
    for reader in (iter_bbc, iter_allsides, iter_multinews):
        for doc in reader(data_dir):
            for paragraph in doc.text.split("\n"):
                if paragraph.strip():
                    yield paragraph


def tokenize(nlp: Language, data_dir: Path) -> list[list[str]]:
    """One list of ``NORM`` strings per paragraph (``nlp`` is blank: it only tokenizes)."""
    return [
        [token.norm_ for token in doc if not token.is_space]
        for doc in nlp.pipe(news_paragraphs(data_dir), batch_size=1000)
    ]


def train(sentences: list[list[str]], dims: int, epochs: int) -> Word2Vec:
    """Skip-gram word2vec on one thread; the same input gives the same vectors."""
    return Word2Vec(
        sentences=sentences,
        vector_size=dims,
        window=5,
        min_count=3,
        sg=1,
        negative=10,
        sample=1e-4,
        epochs=epochs,
        workers=1,
        seed=SEED,
        hashfxn=stable_hash,
    )


def most_frequent(sentences: list[list[str]], rows: int) -> list[str]:
    """The ``rows`` most frequent norms; ties keep first-seen order, as in gensim."""
    return [word for word, _ in Counter(w for s in sentences for w in s).most_common(rows)]


def word2vec_vectors(
    sentences: list[list[str]], rows: int, dims: int, epochs: int
) -> tuple[list[str], np.ndarray]:
    """Skip-gram vectors of the ``rows`` most frequent norms, in gensim's ranking.

    gensim breaks ties in count in its own order, so the last few words can
    differ from ``most_frequent``; its ranking is kept so the table repeats exactly.
    """
    model = train(sentences, dims, epochs)
    words = list(model.wv.index_to_key[:rows])
    return words, np.asarray(model.wv[words], dtype=np.float32)


def minilm_vectors(words: Sequence[str], dims: int) -> np.ndarray:
    """Each word encoded alone by MiniLM (384 dims), projected on its top ``dims`` PCs."""
    from storyline.nlp.embeddings import SentenceEncoder

    encoder = SentenceEncoder(threads=1)
    # The table follows the shipped export: a re-quantized MiniLM gives other vectors.
    logging.info("MiniLM export onnx_sha256 %s", encoder.manifest.get("onnx_sha256"))
    encoded = encoder.encode(list(words), batch_size=256)
    centred = encoded - encoded.mean(axis=0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    projected = centred @ components[:dims].T
    # One scale for the whole table, so typical rows have unit length like word2vec's.
    scale = float(np.sqrt((projected**2).sum(axis=1).mean()))
    return np.asarray(projected / scale, dtype=np.float32)


def to_spacy(words: Sequence[str], data: np.ndarray, name: str) -> Language:
    """A blank English pipeline whose vocabulary holds ``words`` with rows of ``data``."""
    data = np.ascontiguousarray(data, dtype=np.float32)
    nlp = spacy.blank("en")
    for word in words:
        nlp.vocab.strings.add(word)
    nlp.vocab.vectors = Vectors(
        strings=nlp.vocab.strings,
        data=data,
        keys=[nlp.vocab.strings[word] for word in words],
        name=name,
        attr="NORM",
    )
    return nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path, help="folder holding news/ and mds/")
    parser.add_argument("--output", type=Path, default=Path("training/output/vectors"))
    parser.add_argument("--rows", type=int, default=10_000, help="most frequent norms kept")
    parser.add_argument("--dims", type=int, default=24, help="vector width")
    parser.add_argument("--epochs", type=int, default=10, help="word2vec passes")
    parser.add_argument("--method", choices=("word2vec", "minilm"), default="word2vec")
    args = parser.parse_args()

    logging.basicConfig(format="%(asctime)s %(message)s", level=logging.INFO)
    sentences = tokenize(customize_tokenizer(spacy.blank("en")), args.data_dir)
    n_tokens = sum(len(sentence) for sentence in sentences)
    logging.info("%d paragraphs, %d tokens", len(sentences), n_tokens)
    if args.method == "word2vec":
        words, data = word2vec_vectors(sentences, args.rows, args.dims, args.epochs)
    else:
        words = most_frequent(sentences, args.rows)
        data = minilm_vectors(words, args.dims)
    nlp = to_spacy(words, data, f"storyline_news_{args.method}")
    nlp.to_disk(args.output)
    kept = set(words)
    covered = sum(word in kept for sentence in sentences for word in sentence)
    logging.info(
        "%d x %d vectors (%.2f MB) cover %.1f%% of the training tokens; saved to %s",
        *nlp.vocab.vectors.shape,
        nlp.vocab.vectors.data.nbytes / 1e6,
        100 * covered / n_tokens,
        args.output,
    )


if __name__ == "__main__":
    main()
