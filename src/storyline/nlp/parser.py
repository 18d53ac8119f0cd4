"""UPOS tags and dependency trees from MiniLM token states (component ``storyline_parser``).

The shipped sentence encoder (all-MiniLM-L6-v2, int8, ``models/minilm``) reads
each sentence once; its graph also returns the states of the embedding layer
and of every encoder layer. A word's state in each of those 7 layers is the
mean of its wordpieces; the sentence's ``[CLS]`` state stands for the root.
A small head trained on UD English-EWT (``training/nlp/train_minilm_parser.py``;
exported by ``training/nlp/swap_parser.py``) mixes the layers, adds a
letter-case class (the encoder is uncased), runs a two-layer BiLSTM and scores
UPOS, arcs (biaffine) and relation labels (biaffine, full UD relations). Trees
are the maximum spanning arborescence with exactly one root word
(Chu-Liu-Edmonds). Three more heads on the BiLSTM and the word's ending
(``training/nlp/train_minilm_taggers.py``) give the PTB tag, the UD features and
a lemma edit rule (:mod:`storyline.nlp.lemma_rules`); the treebank lookup
(:mod:`storyline.nlp.lemmas`) corrects the lemmas after. A named-entity head
with its own BiLSTM on the same layer states (``training/ner/train_minilm_ner.py``;
CoNLL-2003 and Universal NER web text) tags PER, ORG, LOC and MISC in BIO,
decoded as valid BIO (:func:`storyline.nlp.minilm_ner.bio_viterbi`): the
component sets ``doc.ents``. onnxruntime and numpy only: no torch at run time.

Sentence boundaries come first (``senter`` and the sentence guard) and are kept:
each sentence is parsed on its own. The pipeline component gives the encoder
the sentence's text, as the sentence embeddings do (a word's state is the mean
of the wordpieces overlapping it), so the same pass yields each sentence's
embedding: it is offered to the shared encoder (:func:`offer_vectors`), which
keeps it while remembering (``storyline brief`` does), and the sentences are
not encoded twice. Whitespace tokens are not shown to the
model; each hangs on the nearest word of its sentence (``dep``, POS ``SPACE``).
A sentence longer than the encoder's 512 positions is parsed in pieces whose
roots hang on the first piece's root (``parataxis``).

EWT dev, gold sentences (``training/nlp/README.md`` §1c): UPOS .968, UAS .905,
LAS .879, against .941 / .853 / .820 for the spaCy parser it replaced.

>>> parser = load_parser()
>>> parse = parser.parse([["Rates", "rose", "again", "."]])[0]
>>> parse.upos, parse.heads, parse.deprels
(('NOUN', 'VERB', 'ADV', 'PUNCT'), (1, -1, 1, 1), ('nsubj', 'ROOT', 'advmod', 'punct'))
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from storyline.nlp.embeddings import MODEL_DIR as ENCODER_DIR
from storyline.nlp.embeddings import cores, load_encoder, offer_vectors
from storyline.nlp.lemma_rules import LemmaRule, apply_rule, suffix_ids
from storyline.nlp.minilm_ner import bio_spans, bio_viterbi

__all__ = [
    "LAYER_OUTPUTS",
    "N_LAYERS",
    "PARSER_DIR",
    "WIDTH",
    "MiniLMParser",
    "Parse",
    "ParserComponent",
    "case_class",
    "decode_tree",
    "layer_states",
    "load_parser",
    "pooling",
]

PARSER_DIR = Path(__file__).resolve().parent / "models" / "minilm_parser"
N_LAYERS = 7  # embedding output + 6 encoder layers
WIDTH = 384
MAX_PIECES = 510  # 512 positions less [CLS] and [SEP]
ROOT_SCORE_PENALTY = 1e6  # subtracted from every root arc: the MST then keeps exactly one
LAYER_OUTPUTS = [
    "/bert/embeddings/LayerNorm/LayerNormalization_output_0",
    *(f"/bert/encoder/layer.{i}/output/LayerNorm/LayerNormalization_output_0" for i in range(5)),
    "token_embeddings",
]
N_CASES = 8

FloatArray = npt.NDArray[np.float32]


def case_class(word: str) -> int:
    """Letter case and character class of a word (1-7; 0 is the root and padding).

    >>> [case_class(w) for w in (",", "1990s", "rates", "NATO", "I", "Paris", "iPhone")]
    [1, 2, 3, 4, 5, 6, 7]
    """
    if not any(c.isalnum() for c in word):
        return 1
    if any(c.isdigit() for c in word):
        return 2
    if word.islower():
        return 3
    if word.isupper():
        return 4 if len(word) > 1 else 5
    if word[0].isupper():
        return 6
    return 7


def pooling(word_ids: Sequence[int | None], n_words: int, width: int) -> FloatArray:
    """Rows: root (the [CLS] piece) then each word (mean of its pieces); columns: pieces.

    >>> pooling([None, 0, 0, 1, None], 2, 5).tolist()
    [[1.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.5, 0.5, 0.0, 0.0], [0.0, 0.0, 0.0, 1.0, 0.0]]
    """
    return _pool([[] if w is None else [w] for w in word_ids], n_words, width)


def layer_states(session: Any, id_lists: Sequence[Sequence[int]]) -> FloatArray:
    """The encoder's :data:`LAYER_OUTPUTS` for wordpiece id lists, padded to the longest:
    an array of batch x pieces x layers x width."""
    pieces = max(len(ids) for ids in id_lists)
    ids = np.zeros((len(id_lists), pieces), dtype=np.int64)
    mask = np.zeros((len(id_lists), pieces), dtype=np.int64)
    for i, row in enumerate(id_lists):
        ids[i, : len(row)] = row
        mask[i, : len(row)] = 1
    states: FloatArray = np.stack(
        session.run(LAYER_OUTPUTS, {"input_ids": ids, "attention_mask": mask}), axis=2
    )
    return states


# ----------------------------------------------------------------------- decoding


def _find_cycle(heads: npt.NDArray[np.int64]) -> list[int] | None:
    state = np.zeros(len(heads), dtype=np.int8)  # 0 new, 1 on the current path, 2 done
    state[0] = 2
    for start in range(1, len(heads)):
        path = []
        node = start
        while state[node] == 0:
            state[node] = 1
            path.append(node)
            node = int(heads[node])
        if state[node] == 1:
            return path[path.index(node) :]
        state[path] = 2
    return None


def _chu_liu_edmonds(scores: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """Maximum spanning arborescence from node 0; ``scores[dependent, head]``."""
    heads: npt.NDArray[np.int64] = scores.argmax(axis=1)
    heads[0] = -1
    cycle = _find_cycle(heads)
    if cycle is None:
        return heads
    in_cycle = np.zeros(len(scores), dtype=bool)
    in_cycle[cycle] = True
    rest = np.flatnonzero(~in_cycle)  # node 0 is never in a cycle: it has no head
    cyc = np.array(cycle)
    m = len(rest)
    contracted = np.full((m + 1, m + 1), -np.inf)
    contracted[:m, :m] = scores[np.ix_(rest, rest)]
    # Entering the cycle at c from h breaks c's cycle arc.
    entering = scores[np.ix_(cyc, rest)] - scores[cyc, heads[cyc]][:, None]
    enter_at = entering.argmax(axis=0)
    contracted[m, :m] = entering.max(axis=0)
    leaving = scores[np.ix_(rest, cyc)]
    leave_from = leaving.argmax(axis=1)
    contracted[:m, m] = leaving.max(axis=1)
    sub = _chu_liu_edmonds(contracted)
    result = heads.copy()
    for k in range(1, m):
        result[rest[k]] = cyc[leave_from[k]] if sub[k] == m else rest[sub[k]]
    result[cyc[enter_at[sub[m]]]] = rest[sub[m]]
    result[0] = -1
    return result


def decode_tree(arc_scores: npt.NDArray[Any]) -> npt.NDArray[np.int64]:
    """Heads (0 = root) of the best tree with a single root word; ``arc_scores[dep, head]``.

    >>> decode_tree(np.log(np.array([[1, 1, 1], [.9, 0, .1], [.8, .2, 0]]) + 1e-9))
    array([-1,  0,  1])
    """
    scores = arc_scores.astype(np.float64)
    np.fill_diagonal(scores, -np.inf)
    # Each word's best head is the best tree when it is one with a single root word (most
    # sentences): the search below then finds nothing better, so it is skipped.
    heads: npt.NDArray[np.int64] = scores.argmax(axis=1)
    heads[0] = -1
    if np.count_nonzero(heads[1:] == 0) == 1 and _find_cycle(heads) is None:
        return heads
    scores[:, 0] -= ROOT_SCORE_PENALTY
    return _chu_liu_edmonds(scores)


# ------------------------------------------------------------------------ parser


@dataclass(frozen=True, slots=True)
class Parse:
    """One sentence's analysis: per word its UPOS, head (index in the sentence, -1 for
    the root word), relation (``ROOT`` for the root word), PTB tag, UD features
    (``_`` for none), lemma and named-entity tag (BIO: ``B-PER``, ``I-PER``, ``O`` …)."""

    upos: tuple[str, ...]
    heads: tuple[int, ...]
    deprels: tuple[str, ...]
    tags: tuple[str, ...]
    feats: tuple[str, ...]
    lemmas: tuple[str, ...]
    entities: tuple[str, ...]


class MiniLMParser:
    """Tagger and parser over the shipped MiniLM (see the module doc).

    ``parser_dir`` holds ``head.onnx`` and ``labels.json``; ``encoder_dir`` the
    MiniLM export with its layer outputs. Each onnxruntime session runs on one
    thread; ``threads`` batches (the usable cores by default) run side by side,
    as the sentence embeddings do. A parse does not depend on its batch.
    """

    def __init__(
        self,
        parser_dir: Path | None = None,
        encoder_dir: Path | None = None,
        *,
        threads: int | None = None,
    ) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.parser_dir = PARSER_DIR if parser_dir is None else Path(parser_dir)
        self.threads = threads or cores()
        encoder_dir = ENCODER_DIR if encoder_dir is None else Path(encoder_dir)
        labels = json.loads((self.parser_dir / "labels.json").read_text(encoding="utf-8"))
        self.upos: list[str] = labels["upos"]
        self.deprels: list[str] = ["ROOT" if r == "root" else r for r in labels["deprels"]]
        self.xpos: list[str] = labels["xpos"]
        self.feats: list[str] = labels["feats"]
        self.entity_tags: tuple[str, ...] = tuple(labels["entity_tags"])
        self.lemma_rules: list[LemmaRule] = [
            (bool(a), int(b), str(c)) for a, b, c in labels["lemma_rules"]
        ]
        self._tokenizer = Tokenizer.from_file(str(encoder_dir / "tokenizer.json"))
        self._tokenizer.no_padding()
        self._tokenizer.no_truncation()
        manifest = json.loads((encoder_dir / "manifest.json").read_text(encoding="utf-8"))
        self.max_length = int(manifest.get("max_seq_length", 256))
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        providers = ["CPUExecutionProvider"]
        # The shipped encoder's session is the sentence embeddings' own: one copy of the
        # weights and one arena for both (the graph's outputs include every layer).
        self._encoder = (
            load_encoder().session
            if encoder_dir == ENCODER_DIR
            else onnxruntime.InferenceSession(
                str(encoder_dir / "model.onnx"), options, providers=providers
            )
        )
        missing = set(LAYER_OUTPUTS) - {o.name for o in self._encoder.get_outputs()}
        if missing:
            raise ValueError(
                f"the MiniLM export in {encoder_dir} lacks the layer outputs the parser reads "
                f"({len(missing)} missing); rebuild it with training/nlp/swap_parser.py"
            )
        # The heads store their weights as int8 with a scale per row, restored by
        # DequantizeLinear. Left as a quantised pattern, that restoring runs on every
        # call; treated as plain float arithmetic it is folded into fp32 constants
        # once, at load (so the heads' 5.6 M weights take four times the memory).
        # The activations were fp32 all along, so the scores are the same. (The encoder
        # session above is already built and keeps its own settings.)
        options.add_session_config_entry("session.disable_quant_qdq", "1")
        self._head = onnxruntime.InferenceSession(
            str(self.parser_dir / "head.onnx"), options, providers=providers
        )
        self._ner = onnxruntime.InferenceSession(
            str(self.parser_dir / "ner.onnx"), options, providers=providers
        )

    def parse(self, sentences: Sequence[Sequence[str]], batch_size: int = 16) -> list[Parse]:
        """One :class:`Parse` per sentence (a list of words), in input order; sentences of
        similar length are batched together."""
        items = [self._item_of_words(words) for words in sentences]
        return self._run(items, batch_size)[0]

    def parse_text(
        self, sentences: Sequence[tuple[str, Sequence[tuple[int, int]]]], batch_size: int = 16
    ) -> tuple[list[Parse], list[FloatArray | None]]:
        """Parse sentences given as their text and their words' character spans in it.

        The encoder reads the text as the sentence embeddings do (a word's state is
        the mean of the wordpieces overlapping it), so the same pass also gives each
        sentence's embedding: the L2-normalised mean of its last-layer token states,
        exactly what :class:`~storyline.nlp.embeddings.SentenceEncoder` returns for the
        text. Returns the parses and those vectors (None for a sentence longer than the
        embeddings read, ``max_seq_length`` wordpieces)."""
        items = [self._item_of_text(text, spans) for text, spans in sentences]
        return self._run(items, batch_size)

    def _item_of_words(self, words: Sequence[str]) -> _Item:
        encoding = self._tokenizer.encode(list(words), is_pretokenized=True)
        pieces = [[] if w is None else [w] for w in encoding.word_ids]
        return _Item(tuple(words), list(encoding.ids), pieces, None)

    def _item_of_text(self, text: str, spans: Sequence[tuple[int, int]]) -> _Item:
        encoding = self._tokenizer.encode(text)
        pieces: list[list[int]] = []
        k = 0  # spans are in order: the first word a piece may overlap
        for special, (start, end) in zip(
            encoding.special_tokens_mask, encoding.offsets, strict=True
        ):
            if special:
                pieces.append([])
                continue
            while k < len(spans) and spans[k][1] <= start:
                k += 1
            j, overlapping = k, []
            while j < len(spans) and spans[j][0] < end:
                overlapping.append(j)
                j += 1
            pieces.append(overlapping)
        words = tuple(text[a:b] for a, b in spans)
        return _Item(words, list(encoding.ids), pieces, text)

    def _run(
        self, items: Sequence[_Item], batch_size: int
    ) -> tuple[list[Parse], list[FloatArray | None]]:
        groups = [
            [] if not item.words else [item] if len(item.ids) - 2 <= MAX_PIECES else self._cut(item)
            for item in items
        ]
        flat = [part for group in groups for part in group]
        order = sorted(range(len(flat)), key=lambda i: len(flat[i].ids))
        results: list[tuple[Parse, FloatArray | None] | None] = [None] * len(flat)

        def work(rows: list[int]) -> None:
            for i, result in zip(rows, self._parse_batch([flat[i] for i in rows]), strict=True):
                results[i] = result

        batches = _batches([len(flat[i].ids) for i in order], order, batch_size)
        workers = min(self.threads, len(batches))
        if workers <= 1:
            for rows in batches:
                work(rows)
        else:  # onnxruntime releases the GIL while it runs, so batches overlap
            with ThreadPoolExecutor(workers) as pool:
                for _ in pool.map(work, batches):  # re-raises a batch's error
                    pass
        parses: list[Parse] = []
        vectors: list[FloatArray | None] = []
        k = 0
        for group in groups:
            parts = [r for r in results[k : k + len(group)] if r is not None]
            k += len(group)
            parses.append(_join([parse for parse, _ in parts]))
            vectors.append(parts[0][1] if len(parts) == 1 else None)
        return parses, vectors

    def _cut(self, item: _Item) -> list[_Item]:
        """A sentence too long for the encoder, cut into runs of words it can read."""
        counts = [0] * len(item.words)
        for words in item.pieces:
            for w in words[:1]:
                counts[w] += 1
        runs: list[tuple[int, int]] = []
        start, total = 0, 0
        for i, count in enumerate(counts):
            if total + count > MAX_PIECES and i > start:
                runs.append((start, i))
                start, total = i, 0
            total += count
        runs.append((start, len(counts)))
        return [self._item_of_words(item.words[a:b]) for a, b in runs]

    def _parse_batch(self, items: Sequence[_Item]) -> list[tuple[Parse, FloatArray | None]]:
        states = layer_states(self._encoder, [item.ids for item in items])
        pieces = states.shape[1]
        width = max(len(item.words) for item in items) + 1
        layers = np.zeros((len(items), width, N_LAYERS, WIDTH), dtype=np.float32)
        cases = np.zeros((len(items), width), dtype=np.int64)
        suffixes = np.zeros((len(items), width, 4), dtype=np.int64)
        vectors: list[FloatArray | None] = []
        for row, item in enumerate(items):
            n = len(item.words)
            pool = _pool(item.pieces, n, pieces)
            layers[row, : n + 1] = np.einsum("wp,pld->wld", pool, states[row])
            cases[row, 1 : n + 1] = [case_class(w) for w in item.words]
            if n:
                suffixes[row, 1 : n + 1] = [suffix_ids(w) for w in item.words]
            vectors.append(
                _unit(states[row, : len(item.ids), -1].mean(axis=0))
                if item.text is not None and len(item.ids) <= self.max_length
                else None
            )
        lengths = np.array([len(item.words) + 1 for item in items], dtype=np.int32)
        upos, arcs, labels, xpos, feats, rules = self._head.run(
            None, {"layers": layers, "cases": cases, "suffixes": suffixes, "lengths": lengths}
        )
        (entities,) = self._ner.run(None, {"layers": layers, "cases": cases, "lengths": lengths})
        out = []
        for row, item in enumerate(items):
            n = len(item.words)
            a = arcs[row, : n + 1, : n + 1].astype(np.float64)
            a = a - a.max(axis=1, keepdims=True)
            a = a - np.log(np.exp(a).sum(axis=1, keepdims=True))
            heads = decode_tree(a)
            rels = labels[row][:, np.arange(1, n + 1), heads[1:]].argmax(axis=0)
            tags = upos[row, 1 : n + 1].argmax(axis=1)
            parse = Parse(
                upos=tuple(self.upos[int(t)] for t in tags),
                heads=tuple(int(h) - 1 for h in heads[1:]),
                deprels=tuple(
                    "ROOT" if h == 0 else self.deprels[int(r)]
                    for h, r in zip(heads[1:], rels, strict=True)
                ),
                tags=tuple(self.xpos[int(t)] for t in xpos[row, 1 : n + 1].argmax(axis=1)),
                feats=tuple(self.feats[int(t)] for t in feats[row, 1 : n + 1].argmax(axis=1)),
                lemmas=tuple(
                    apply_rule(word, self.lemma_rules[int(r)])
                    for word, r in zip(
                        item.words, rules[row, 1 : n + 1].argmax(axis=1), strict=True
                    )
                ),
                entities=tuple(
                    self.entity_tags[t]
                    for t in bio_viterbi(entities[row, 1 : n + 1], self.entity_tags)
                ),
            )
            out.append((parse, vectors[row]))
        return out


# Attention holds batch x heads x pieces² scores: a batch of long sentences is kept to
# what 16 sentences of 128 pieces need (a 500-piece one goes alone), so memory stays
# flat (16 of them at once took 200 MB per attention layer).
_ATTENTION_BUDGET = 16 * 128 * 128


def _batches(lengths: Sequence[int], order: Sequence[int], size: int) -> list[list[int]]:
    """``order`` (sorted by ``lengths``, its items' lengths) cut into batches of at most
    ``size`` items whose count times the longest length squared stays in budget."""
    batches: list[list[int]] = []
    for length, i in zip(lengths, order, strict=True):
        if (
            batches
            and len(batches[-1]) < size
            and ((len(batches[-1]) + 1) * length * length <= _ATTENTION_BUDGET)
        ):
            batches[-1].append(i)
        else:
            batches.append([i])
    return batches


@dataclass(frozen=True, slots=True)
class _Item:
    """A sentence as the encoder reads it: its words, wordpiece ids, the words each
    piece belongs to, and the text it was read from (None: read as given words)."""

    words: tuple[str, ...]
    ids: list[int]
    pieces: list[list[int]]
    text: str | None


def _pool(pieces: Sequence[Sequence[int]], n_words: int, width: int) -> FloatArray:
    """Rows: root (the [CLS] piece) then each word (mean of its pieces); columns: pieces."""
    matrix = np.zeros((n_words + 1, width), dtype=np.float32)
    matrix[0, 0] = 1.0
    for piece, words in enumerate(pieces):
        for word in words:
            matrix[word + 1, piece] = 1.0
    matrix /= np.maximum(matrix.sum(axis=1, keepdims=True), 1.0)
    return matrix


def _unit(vector: FloatArray) -> FloatArray:
    """``vector`` scaled to unit length (as the sentence embeddings are)."""
    unit: FloatArray = (vector / max(float(np.linalg.norm(vector)), 1e-12)).astype(np.float32)
    return unit


def _join(parts: Sequence[Parse]) -> Parse:
    """One parse from the parses of a sentence's consecutive pieces."""
    if not parts:
        return Parse((), (), (), (), (), (), ())
    if len(parts) == 1:
        return parts[0]
    upos: list[str] = []
    heads: list[int] = []
    deprels: list[str] = []
    first_root = -1
    for part in parts:
        offset = len(upos)
        for head, rel in zip(part.heads, part.deprels, strict=True):
            if head >= 0:
                heads.append(head + offset)
                deprels.append(rel)
            elif first_root < 0:
                first_root = len(heads)
                heads.append(-1)
                deprels.append("ROOT")
            else:
                heads.append(first_root)
                deprels.append("parataxis")
        upos.extend(part.upos)
    return Parse(
        tuple(upos),
        tuple(heads),
        tuple(deprels),
        tuple(t for part in parts for t in part.tags),
        tuple(f for part in parts for f in part.feats),
        tuple(lemma for part in parts for lemma in part.lemmas),
        tuple(e for part in parts for e in part.entities),
    )


@cache
def load_parser() -> MiniLMParser:
    """The shipped parser, loaded once per process."""
    return MiniLMParser()


# -------------------------------------------------------------- spaCy component


class ParserComponent:
    """Sets ``pos``, ``tag``, ``morph``, ``lemma``, ``head`` and ``dep`` of every token
    and the named entities (``doc.ents``) from :class:`MiniLMParser`,
    sentence by sentence (the boundaries already set are kept). The parser is
    loaded with the pipeline, so loading the pipeline loads every model."""

    def __init__(self, nlp: Language, name: str, batch_size: int = 16) -> None:
        self.name = name
        self.batch_size = batch_size
        self.parser = load_parser()

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._annotate(batch)
                batch = []
        if batch:
            yield from self._annotate(batch)

    def _annotate(self, docs: list[Doc]) -> list[Doc]:
        plans = [_plan(doc) for doc in docs]
        sentences = [
            _sentence(doc, text, words)
            for doc, plan in zip(docs, plans, strict=True)
            for text in (doc.text,)  # spaCy joins the tokens' text on every call: once per doc
            for words in plan
        ]
        parses, vectors = self.parser.parse_text(sentences, self.batch_size)
        offer_vectors(
            [text for (text, _), v in zip(sentences, vectors, strict=True) if v is not None],
            [v for v in vectors if v is not None],
        )
        k = 0
        for doc, plan in zip(docs, plans, strict=True):
            _apply(doc, plan, parses[k : k + len(plan)])
            k += len(plan)
        return docs

    # spaCy calls these when saving and loading a pipeline; the weights live in the
    # package (models/minilm_parser), not in the pipeline folder.
    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> ParserComponent:
        return self


@Language.factory("storyline_parser", default_config={"batch_size": 16})
def make_parser(nlp: Language, name: str, batch_size: int) -> ParserComponent:
    return ParserComponent(nlp, name, batch_size)


def _bounds(doc: Doc) -> list[tuple[int, int]]:
    """Each sentence's first token and end (the boundaries already set)."""
    starts = [i for i in range(len(doc)) if i == 0 or doc[i].is_sent_start]
    return list(zip(starts, [*starts[1:], len(doc)][: len(starts)], strict=True))


def _plan(doc: Doc) -> list[list[int]]:
    """The token indices of each sentence's words (whitespace tokens left out)."""
    return [[i for i in range(a, b) if not doc[i].is_space] for a, b in _bounds(doc)]


def _sentence(doc: Doc, text: str, words: list[int]) -> tuple[str, list[tuple[int, int]]]:
    """A sentence's text (``text`` is the doc's) from its first word to its last, and its
    words' spans in it."""
    if not words:
        return "", []
    start = doc[words[0]].idx
    end = doc[words[-1]].idx + len(doc[words[-1]])
    return text[start:end], [(doc[i].idx - start, doc[i].idx - start + len(doc[i])) for i in words]


def _apply(doc: Doc, plan: list[list[int]], parses: list[Parse]) -> None:
    n = len(doc)
    heads = np.arange(n, dtype=np.int64)
    deps = ["dep"] * n
    pos = ["SPACE"] * n
    tags = ["_SP"] * n
    feats = ["_"] * n
    lemmas = [t.text for t in doc]
    entities: list[Span] = []
    if not n:
        return
    for (a, b), words, parse in zip(_bounds(doc), plan, parses, strict=True):
        for k, i in enumerate(words):
            head = parse.heads[k]
            heads[i] = i if head < 0 else words[head]
            deps[i] = parse.deprels[k]
            pos[i] = parse.upos[k]
            tags[i] = parse.tags[k]
            feats[i] = parse.feats[k]
            lemmas[i] = parse.lemmas[k]
        entities += [
            Span(doc, words[first], words[end - 1] + 1, label=label)
            for label, first, end in bio_spans(parse.entities)
        ]
        for i in range(a, b):  # whitespace: on the word before it, else the one after
            if doc[i].is_space:
                k = bisect_left(words, i)
                if words:
                    heads[i] = words[k - 1] if k else words[0]
                else:
                    deps[i] = "ROOT"
    strings = doc.vocab.strings
    morphology = doc.vocab.morphology
    array = np.zeros((n, 6), dtype=np.uint64)
    array[:, 0] = (heads - np.arange(n)).astype(np.uint64)
    array[:, 1] = [strings.add(d) for d in deps]
    array[:, 2] = [strings.add(p) for p in pos]
    array[:, 3] = [strings.add(t) for t in tags]
    array[:, 4] = [morphology.add(f) for f in feats]
    array[:, 5] = [strings.add(lemma) for lemma in lemmas]
    doc.from_array([HEAD, DEP, POS, TAG, MORPH, LEMMA], array)  # type: ignore[arg-type]
    doc.set_ents(entities, default="outside")
