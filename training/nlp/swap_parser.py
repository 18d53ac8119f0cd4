"""Ship the MiniLM tagger and parser: replace the spaCy parser of ``en_news``.

Run from the repository root, after ``assemble.py``, in the training
environment of ``train_minilm_parser.py`` (it needs the ``onnx`` package)::

    python training/nlp/train_parser.py ../shared/data/ner/ud_english_ewt \\
        --config training/nlp/senter.cfg --output training/output/senter32
    python training/nlp/train_minilm_taggers.py ../shared/data \\
        training/output/minilm-parser-lstm training/output/minilm-taggers
    python training/ner/train_minilm_ner.py ../shared/data training/output/minilm-ner
    python training/nlp/swap_parser.py ../shared/data \\
        --head training/output/minilm-taggers/head-fp32.onnx \\
        --ner training/output/minilm-ner/ner-fp32.onnx \\
        --senter training/output/senter32/model-best

It does four things, each repeatable on the same inputs:

1. **Head.** The float32 head (the parser of ``train_minilm_parser.py`` with the
   tag, morphology and lemma heads of ``train_minilm_taggers.py``) gets its
   weights in int8, one symmetric scale per row, restored by
   ``DequantizeLinear`` nodes (13.0 MB become 3.3 MB); activations stay
   float32. Its BiLSTM is given the sentences' lengths (an input ``lengths``),
   so padding never reaches its backward pass. Together these make a sentence's
   parse independent of the batch it runs in (onnxruntime's dynamic
   quantisation, which the run exported as ``head-int8.onnx``, scales
   activations per batch, so it is not). It is written to
   ``storyline/nlp/models/minilm_parser/head.onnx`` with ``labels.json`` (the
   UPOS tags and relations of EWT train, in the order the head was trained on,
   and the PTB tags, features and lemma rules of ``taggers.json`` beside the head).
   The named-entity head (``train_minilm_ner.py``) is shipped the same way as
   ``ner.onnx``, its BIO tags (``ner.json``) added to ``labels.json``.
2. **Encoder.** The shipped MiniLM graph (``models/minilm/model.onnx``) gets
   the embedding layer's and the first five encoder layers' states as extra
   outputs (the weights and the ``token_embeddings`` output are unchanged, so
   the sentence vectors are the same); its manifest records the new hash.
3. **Pipeline.** In ``models/en_news`` the spaCy ``parser``, ``tagger``,
   ``morphologizer``, ``trainable_lemmatizer``, their shared ``tok2vec`` and the
   CNN ``ner`` are removed; a ``senter`` (trained by ``senter.cfg``, its own small tok2vec) sets
   the sentence boundaries, ``storyline_sentence_guard`` corrects them, then
   ``storyline_parser`` sets UPOS, PTB tags, features, lemmas, heads,
   relations and named entities; the lemma lookup (keyed by form and UPOS) corrects the lemmas, and
   ``storyline_tag_mender`` makes the PTB tags fit the UPOS.
4. Prints the sizes.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import shutil
from pathlib import Path

import numpy as np
import onnx
import spacy
from onnx import TensorProto, helper, numpy_helper

from storyline.eval.parse import read_conllu
from storyline.nlp.embeddings import MODEL_DIR as ENCODER_DIR
from storyline.nlp.parser import LAYER_OUTPUTS, PARSER_DIR, WIDTH
from storyline.nlp.pipeline import model_path


def ewt_train(data: Path) -> Path:
    for folder in (data, data / "ner" / "ud_english_ewt"):
        path = folder / "en_ewt-ud-train.conllu.gz"
        if path.is_file():
            return path
    raise SystemExit(f"no en_ewt-ud-train.conllu.gz in {data} or {data}/ner/ud_english_ewt")


def quantise_weights(model: onnx.ModelProto, min_size: int = 16384) -> None:
    """Store every large float32 weight as int8, one symmetric scale per row (the last
    axis is the row's length), restored to float32 in the graph by ``DequantizeLinear``
    (and ``Reshape`` for tensors of more than two axes) under the weight's own name.

    Weights only: activations stay float32, so a sentence's result does not depend on
    what it is batched with (onnxruntime's dynamic quantisation scales activations per
    batch, so it would)."""
    graph = model.graph
    before = after = 0
    for tensor in [t for t in graph.initializer if t.data_type == TensorProto.FLOAT]:
        weights = numpy_helper.to_array(tensor).astype(np.float32)
        if weights.size < min_size:
            continue
        rows = weights.reshape(-1, weights.shape[-1])
        scales = np.maximum(np.abs(rows).max(axis=1), 1e-12) / 127.0
        values = np.clip(np.round(rows / scales[:, None]), -127, 127).astype(np.int8)
        name = tensor.name
        graph.initializer.remove(tensor)
        graph.initializer.extend(
            [
                numpy_helper.from_array(values, f"{name}_int8"),
                numpy_helper.from_array(scales.astype(np.float32), f"{name}_scale"),
                numpy_helper.from_array(np.zeros(len(rows), np.int8), f"{name}_zero"),
            ]
        )
        flat = name if weights.ndim == 2 else f"{name}_rows"
        nodes = [
            helper.make_node(
                "DequantizeLinear",
                [f"{name}_int8", f"{name}_scale", f"{name}_zero"],
                [flat],
                axis=0,
                name=f"{name}_dequantize",
            )
        ]
        if weights.ndim != 2:
            shape = numpy_helper.from_array(np.array(weights.shape, np.int64), f"{name}_shape")
            graph.initializer.append(shape)
            nodes.append(
                helper.make_node("Reshape", [flat, f"{name}_shape"], [name], name=f"{name}_reshape")
            )
        for node in reversed(nodes):
            graph.node.insert(0, node)
        before += weights.nbytes
        after += values.nbytes + scales.nbytes
    print(f"weights: {before / 1e6:.2f} MB float32 -> {after / 1e6:.2f} MB int8")


def add_lengths(model: onnx.ModelProto) -> None:
    """Give the BiLSTM each sentence's length (``lengths``: words + 1 for the root, int32),
    so its backward pass starts at the sentence's end, not at the batch's padding: a
    sentence is then parsed the same whatever it is batched with."""
    graph = model.graph
    graph.input.append(helper.make_tensor_value_info("lengths", TensorProto.INT32, ["batch"]))
    lstms = [n for n in graph.node if n.op_type in ("LSTM", "DynamicQuantizeLSTM")]
    for node in lstms:
        node.input[4] = "lengths"  # sequence_lens
    print(f"lengths: fed to {len(lstms)} LSTM nodes")


def ship_onnx(source: Path, name: str) -> None:
    """``source`` with int8 weights and the BiLSTM fed the lengths, as ``PARSER_DIR/name``."""
    model = onnx.load(str(source))
    quantise_weights(model)
    add_lengths(model)
    onnx.checker.check_model(model)
    PARSER_DIR.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(PARSER_DIR / name))


def write_head(head: Path, ner: Path, data: Path) -> None:
    ship_onnx(head, "head.onnx")
    ship_onnx(ner, "ner.onnx")
    with gzip.open(ewt_train(data), "rt", encoding="utf-8") as fh:
        sentences = read_conllu(fh)
    labels = {
        "upos": sorted({t for s in sentences for t in s.upos}),
        "deprels": sorted({r for s in sentences for r in s.deprels}),
        **json.loads((head.parent / "taggers.json").read_text(encoding="utf-8")),
        "entity_tags": json.loads((ner.parent / "ner.json").read_text(encoding="utf-8"))["tags"],
    }
    (PARSER_DIR / "labels.json").write_text(json.dumps(labels, indent=1) + "\n", encoding="utf-8")
    size = (PARSER_DIR / "head.onnx").stat().st_size / 1e6
    print(f"head: {size:.2f} MB; {len(labels['deprels'])} relations")
    print(f"ner: {(PARSER_DIR / 'ner.onnx').stat().st_size / 1e6:.2f} MB")


def add_layer_outputs() -> None:
    path = ENCODER_DIR / "model.onnx"
    model = onnx.load(str(path))
    outputs = [o.name for o in model.graph.output]
    for name in LAYER_OUTPUTS:
        if name not in outputs:
            model.graph.output.append(
                helper.make_tensor_value_info(name, TensorProto.FLOAT, ["batch", "sequence", WIDTH])
            )
    onnx.save(model, str(path))
    manifest_path = ENCODER_DIR / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["onnx_sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest["layer_outputs"] = [n for n in LAYER_OUTPUTS if n != "token_embeddings"]
    manifest["layer_outputs_note"] = (
        "the embedding layer's and encoder layers 0-4's states, added as outputs by "
        "training/nlp/swap_parser.py for storyline's parser; weights unchanged"
    )
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"encoder: {len(model.graph.output)} outputs")


def swap_pipeline(senter: Path) -> None:
    # registers storyline_parser and storyline_tag_mender
    import storyline.nlp.parser
    import storyline.nlp.tags  # noqa: F401

    output = model_path()
    nlp = spacy.load(output)
    # The guard holds no weights: it is removed and added again at its new place.
    replaced = ("parser", "senter", "storyline_sentence_guard", "storyline_parser")
    by_minilm = ("tagger", "morphologizer", "trainable_lemmatizer", "tok2vec", "ner")
    for name in (*replaced, *by_minilm):
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    place = {"before": "storyline_lemma_lookup"}
    nlp.add_pipe("senter", source=spacy.load(senter), **place)  # type: ignore[arg-type]
    nlp.add_pipe("storyline_sentence_guard", **place)  # type: ignore[arg-type]
    nlp.add_pipe("storyline_parser", **place)  # type: ignore[arg-type]
    if "storyline_tag_mender" not in nlp.pipe_names:
        nlp.add_pipe("storyline_tag_mender", after="storyline_lemma_lookup")
    nlp.meta["description"] = (
        "storyline's English news pipeline: a sentence splitter (senter) trained on "
        "UD English-EWT; UPOS, PTB tags, features, lemma rules and dependency parse from "
        "MiniLM states (storyline_parser), trained on EWT, lemmas corrected by an EWT "
        "lookup; named entities from MiniLM states too, trained on CoNLL-2003 and "
        "Universal NER English-EWT (dev)."
    )
    tmp = output.with_name(output.name + ".new")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    shutil.rmtree(output)
    tmp.rename(output)
    print(f"pipeline: {spacy.load(output).pipe_names}")


def sizes() -> None:
    models = model_path().parent
    for folder in sorted(p for p in models.iterdir() if p.is_dir()):
        size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
        print(f"{folder.name}: {size / 1e6:.2f} MB")
    total = sum(f.stat().st_size for f in models.rglob("*") if f.is_file())
    print(f"all models: {total / 1e6:.2f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path, help="the shared data folder (or the EWT folder)")
    parser.add_argument("--head", type=Path, required=True, help="head-fp32.onnx of a frozen run")
    parser.add_argument("--ner", type=Path, required=True, help="ner-fp32.onnx of the NER run")
    parser.add_argument("--senter", type=Path, required=True, help="the senter's model-best")
    args = parser.parse_args()
    write_head(args.head, args.ner, args.data)
    add_layer_outputs()
    swap_pipeline(args.senter)
    sizes()


if __name__ == "__main__":
    main()
