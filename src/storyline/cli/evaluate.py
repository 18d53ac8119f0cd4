"""``storyline eval …``: measure storyline on public benchmarks; each prints one JSON object.

Scores are fractions in [0, 1].
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any

from storyline.cli.common import emit_json

__all__ = ["register"]


def _model_option(command: argparse.ArgumentParser) -> None:
    """``--model DIR``: score a training run's pipeline instead of the packaged one."""
    command.add_argument(
        "--model",
        type=Path,
        metavar="DIR",
        help="a trained spaCy pipeline folder to score instead of the packaged one",
    )


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``eval`` and its sub-commands."""
    p = commands.add_parser("eval", help="measure quality on benchmark data")
    sub = p.add_subparsers(dest="benchmark", metavar="BENCHMARK", required=True)

    e = sub.add_parser(
        "extraction",
        help="HTML article extraction on the Zyte/Scrapinghub benchmark",
        description="P/R/F1 of the HTML path as the benchmark's evaluate.py computes them. "
        "DIR holds scrapinghub_aeb.tar.gz, or the extracted benchmark.",
    )
    e.add_argument("dir", type=Path, metavar="DIR")
    e.set_defaults(
        run=_job("storyline.eval.extraction", "evaluate_extraction", lambda fn, a: fn(a.dir))
    )

    j = sub.add_parser(
        "junk",
        help="junk-segment removal on the hand-labelled set",
        description="Precision/recall of junk removal and the share of article segments "
        "dropped, on the held-apart split of the labelled segments.",
    )
    j.add_argument("data", type=Path, metavar="DATA", help="the shared data folder")
    j.add_argument("--labels", type=Path, default=Path("evaldata/junk"))
    j.add_argument("--split", choices=("test", "tune", "all"), default="test")
    j.set_defaults(
        run=_job(
            "storyline.eval.junk",
            "evaluate_junk",
            lambda fn, a: fn(a.labels, a.data, split=a.split),
        )
    )

    d = sub.add_parser(
        "duplicates",
        help="near-duplicate detection on the labelled pair set",
        description="Precision/recall of near-duplicate links on labelled article pairs "
        "built from the shared news corpora.",
    )
    d.add_argument("data", type=Path, metavar="DATA", help="the shared data folder")
    d.add_argument("--labels", type=Path, default=None)
    d.add_argument("--split", choices=("test", "tune", "all"), default="test")
    d.set_defaults(
        run=_job(
            "storyline.eval.duplicates",
            "evaluate_duplicates",
            lambda fn, a: fn(a.data, a.labels, split=a.split),
        )
    )

    n = sub.add_parser(
        "ner",
        help="named entities on a CoNLL-style IOB2 or Universal NER .iob2 file",
        description="Exact-span precision/recall/F1 as seqeval/conlleval compute them, per "
        "type and overall, and words per second. FILE may be gzipped.",
    )
    n.add_argument("file", type=Path, metavar="FILE")
    _model_option(n)
    n.set_defaults(
        run=_job("storyline.eval.ner", "evaluate_ner", lambda fn, a: fn(a.file, model=a.model))
    )

    pa = sub.add_parser(
        "parse",
        help="tags and dependencies on a CoNLL-U file",
        description="UPOS accuracy, UAS, LAS, sentence-boundary F1 and words per second on "
        "gold tokens. FILE may be gzipped.",
    )
    pa.add_argument("file", type=Path, metavar="FILE")
    _model_option(pa)
    pa.set_defaults(
        run=_job("storyline.eval.parse", "evaluate_parse", lambda fn, a: fn(a.file, model=a.model))
    )

    t = sub.add_parser(
        "timex",
        help="time expressions on TempEval-3 TimeML files",
        description="Strict/relaxed extent F1, type accuracy and value F1 of storyline's "
        "time expressions against TimeML gold (DIR: a folder of .tml files, or the "
        "TempEval-3 tarball), beside dateparser's search_dates run on the same texts.",
    )
    t.add_argument("dir", type=Path, metavar="DIR")
    t.add_argument("--corpus", help="only this sub-corpus of the tarball (TimeBank, AQUAINT)")
    t.set_defaults(
        run=_job("storyline.eval.timex", "evaluate_timex", lambda fn, a: fn(a.dir, corpus=a.corpus))
    )

    f = sub.add_parser(
        "figures",
        help="figures (money, percentages, counts, quantities) on the hand-labelled set",
        description="Detection precision/recall, value+unit accuracy and agreement on what "
        "each figure measures, on one split of the labelled figures (FILE: labels.jsonl).",
    )
    f.add_argument("file", type=Path, metavar="FILE")
    f.add_argument("--data", type=Path, required=True, help="the shared data folder")
    f.add_argument("--split", choices=("test", "tune", "all"), default="test")
    f.add_argument(
        "--judgements",
        type=Path,
        help="also score what each figure measures by a person's judgements "
        "(evaldata/figures/about_judgements.jsonl)",
    )
    f.set_defaults(
        run=_job(
            "storyline.eval.figures",
            "evaluate_figures",
            lambda fn, a: fn(a.file, a.data, split=a.split, judgements=a.judgements),
        )
    )

    q = sub.add_parser(
        "quotes",
        help="quotes, speakers and cues on PolNeAR",
        description="P/R/F1 of quote contents at token overlap 0.3 and 0.8 (over the gold "
        "span), speaker and cue accuracy, for all speech attributions and for those in "
        "quotation marks, beside textacy's direct_quotations on the same docs. DIR holds "
        "text/ and attributions/ of one PolNeAR split, or is the PolNeAR tarball with --split.",
    )
    q.add_argument("dir", type=Path, metavar="DIR")
    q.add_argument("--split", help="the split inside the tarball (train, dev)")
    q.add_argument(
        "--no-textacy",
        dest="textacy",
        action="store_false",
        help="do not score textacy's direct_quotations beside storyline (by default they "
        'are, on the same parsed docs, under "textacy", when textacy is installed)',
    )
    q.set_defaults(
        run=_job(
            "storyline.eval.quotes",
            "evaluate_quotes",
            lambda fn, a: fn(a.dir, split=a.split, textacy=a.textacy),
        )
    )

    a = sub.add_parser(
        "asks",
        help="asks (demands, commitments, actions, refusals) on the hand-labelled set",
        description="P/R/F1 of ask records (kind, actor and content matched by span "
        "overlap), actor and target accuracy, beside a verb-list baseline, on one split "
        "of the labelled asks (FILE: labels.jsonl).",
    )
    a.add_argument("file", type=Path, metavar="FILE")
    a.add_argument("--data", type=Path, required=True, help="the shared data folder")
    a.add_argument("--split", choices=("test", "tune", "all"), default="test")
    a.add_argument(
        "--agreement",
        type=Path,
        metavar="OTHER",
        help="instead, score OTHER (a second labelling of some of the documents) against FILE",
    )
    a.set_defaults(
        run=lambda a: (
            _job("storyline.eval.asks", "agreement", lambda fn, a: fn(a.file, a.agreement, a.data))
            if a.agreement
            else _job(
                "storyline.eval.asks",
                "evaluate_asks",
                lambda fn, a: fn(a.file, a.data, split=a.split),
            )
        )(a)
    )

    lg = sub.add_parser(
        "ledger",
        help="the asks ledger on hand-labelled stories",
        description="Demand recall/precision, actor and target accuracy, answer-link "
        "recall, status accuracy and not-done passages counted as done, per story and "
        "overall. DIR holds one folder per story (articles.jsonl, expected.json); each "
        "story's articles are taken as one story, so clustering is not measured.",
    )
    lg.add_argument("dir", type=Path, metavar="DIR")
    lg.add_argument("--split", choices=("test", "tune", "all"), default="test")
    lg.add_argument(
        "--no-encoder",
        dest="encoder",
        action="store_false",
        help="match contents by shared words only, without the sentence encoder",
    )
    lg.set_defaults(
        run=_job(
            "storyline.eval.ledger",
            "evaluate_ledger",
            lambda fn, a: fn(a.dir, split=a.split, use_encoder=a.encoder),
        )
    )

    s = sub.add_parser(
        "summaries",
        help="multi-document summaries on Multi-News-style JSONL",
        description="ROUGE-1/2/L F1 (rouge-score, stemming; summaries cut to 230 words) and "
        "seconds per cluster of storyline beside Lead, LexRank, TextRank and a MiniLM "
        "centroid+MMR baseline on the same clusters. FILE may be gzipped.",
    )
    s.add_argument("file", type=Path, metavar="FILE")
    s.add_argument("--limit", type=int, default=None, help="only the first N clusters")
    s.add_argument(
        "--split",
        choices=("test", "tune", "all"),
        default="all",
        help="clusters by sha1 of their id: tune (what the sentence scorer was trained on), "
        "test (held out) or all",
    )
    s.set_defaults(
        run=_job(
            "storyline.eval.summaries",
            "evaluate_summaries",
            lambda fn, a: fn(a.file, limit=a.limit, part="dev" if a.split == "test" else a.split),
        )
    )

    c = sub.add_parser(
        "clustering",
        help="story clustering on Multi-News-style JSONL or the AllSides stories file",
        description="Shuffles every document of every cluster in FILE, clusters them and "
        "prints B-cubed precision/recall/F1 and adjusted Rand index beside a TF-IDF + "
        "agglomerative baseline run on the same documents. FILE may be gzipped.",
    )
    c.add_argument("file", type=Path, metavar="FILE")
    c.add_argument("--limit", type=int, default=None, help="only the first N clusters")
    c.add_argument(
        "--split",
        choices=("test", "tune", "all"),
        default="all",
        help="clusters by sha1 of their id: tune (first hex digit 0-9), test (a-f) or all",
    )
    c.set_defaults(
        run=_job(
            "storyline.eval.clustering",
            "evaluate_clustering",
            lambda fn, a: fn(a.file, limit=a.limit, split=a.split),
        )
    )

    tl = sub.add_parser(
        "timelines",
        help="timelines on the Timeline17 layout",
        description="Alignment-based ROUGE-1/2 F (AR1-F, AR2-F) and date F1 as news-tls "
        "computes them, per topic and their mean. DIR is a Timeline17 folder or its tarball.",
    )
    tl.add_argument("dir", type=Path, metavar="DIR")
    tl.set_defaults(
        run=_job("storyline.eval.timelines", "evaluate_timelines", lambda fn, a: fn(a.dir))
    )


def _job(
    module: str, function: str, call: Callable[[Any, argparse.Namespace], Any]
) -> Callable[[argparse.Namespace], int]:
    """A command that imports ``module.function`` only when run (so ``eval extraction``
    does not load the language models) and prints what ``call`` returns as JSON."""

    def run(args: argparse.Namespace) -> int:
        emit_json(call(getattr(import_module(module), function), args))
        return 0

    return run
