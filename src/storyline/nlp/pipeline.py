"""Load storyline's own English news pipeline (``en_news``) and run it over texts.

The pipeline ships inside the package (``storyline/nlp/models/en_news``) and is
loaded from there with no network access: tokenizer with news rules, sentence
splitter (``senter``) and sentence guard, UPOS, PTB tags, morphology, lemma
rules and dependency parse from MiniLM states (``storyline_parser``, see
:mod:`storyline.nlp.parser`), lemmas corrected by a lookup of forms seen in the
treebank, PTB tags mended to fit the parts of speech
(:mod:`storyline.nlp.tags`) and, when assembled with them, the CoNLL-2003 entity
recogniser and the rule-based ``storyline_entities`` component.

>>> nlp = load_nlp()
>>> doc = nlp("Gov. Smith met U.S. officials on Sept. 4. They agreed.")
>>> len(list(doc.sents))
2
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from storyline.errors import ModelMissing

# Register the factories the saved pipeline names.
from storyline.nlp import entities as _entities
from storyline.nlp import lemmas as _lemmas
from storyline.nlp import parser as _parser
from storyline.nlp import tags as _tags
from storyline.nlp import tokenizer as _tokenizer

__all__ = ["MODEL_NAME", "iter_docs", "load_nlp", "load_pipeline", "model_path"]

MODEL_NAME = "en_news"
_REGISTERED = (_entities, _lemmas, _parser, _tags, _tokenizer)


def model_path() -> Path:
    """The folder of the packaged pipeline.

    >>> model_path().name
    'en_news'
    """
    return Path(str(resources.files("storyline.nlp") / "models" / MODEL_NAME))


def load_nlp(disable: Iterable[str] = ()) -> Language:
    """The packaged pipeline, loaded once per distinct ``disable`` set.

    ``disable`` names components to switch off (they stay loaded, so the cached
    object is cheap to share); e.g. ``load_nlp(disable=["ner"])``.

    >>> "storyline_parser" in load_nlp().pipe_names
    True
    """
    return _load(tuple(sorted(set(disable))))


def load_pipeline(model: Path | None = None) -> Language:
    """The pipeline in the folder ``model`` (e.g. a training run's ``model-best``, which
    may use storyline's components: importing this module registers them), or the
    packaged one when ``model`` is None.

    >>> load_pipeline() is load_nlp()
    True
    """
    return load_nlp() if model is None else spacy.load(model)


@lru_cache(maxsize=8)
def _load(disable: tuple[str, ...]) -> Language:
    path = model_path()
    if not (path / "config.cfg").is_file():
        raise ModelMissing(
            f"storyline's English pipeline is missing at {path}; "
            "build it with training/nlp/assemble.py"
        )
    nlp = spacy.load(path, disable=list(disable))
    if isinstance(nlp.tokenizer, Tokenizer):
        _tokenizer.add_news_abbreviations(nlp.tokenizer)
    return nlp


def iter_docs(
    texts: Iterable[str],
    nlp: Language | None = None,
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[Doc]:
    """Run the pipeline over ``texts`` in batches, yielding one ``Doc`` each, in order.

    ``n_process=2`` uses both cores of a small machine (worker processes load
    their own copy of the pipeline, so it pays off only for long inputs).

    >>> [len(doc) for doc in iter_docs(["Prices rose 3%.", "No way."])]
    [5, 3]
    """
    pipeline = nlp if nlp is not None else load_nlp()
    yield from pipeline.pipe(texts, batch_size=batch_size, n_process=n_process)
