"""Validate evaldata/asks/labels.jsonl against the shared data and print counts.

Usage: python evaldata/asks/check_labels.py DATA_DIR [--show] [--labels=FILE]
DATA_DIR (required) is the shared data folder. --show prints every labelled span (to
the terminal only; article text is never written to this folder). --labels=FILE checks
another file in the same format (a new batch before it is appended).
Also importable: ``load_labels(data)`` returns (documents, asks, texts)
with each ask's ``text`` dict (cue/content/actor/target strings) filled in.

Documents: ``allsides`` and ``bbc`` keys are those of
``storyline.eval.corpora.iter_allsides`` / ``iter_bbc`` (text = ``doc.text``);
``polnear`` keys are member paths inside ``quotes/polnear_train_dev.tar.gz``
(text = the member's bytes decoded as UTF-8, nothing stripped).
"""

from __future__ import annotations

import hashlib
import json
import sys
import tarfile
from collections import Counter
from pathlib import Path

from storyline.eval.corpora import iter_allsides, iter_bbc

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels.jsonl"
DOC_FIELDS = ["corpus", "key", "document", "asks", "split"]
ASK_FIELDS = [
    "corpus",
    "key",
    "split",
    "kind",
    "cue",
    "content",
    "content_sha1",
    "actor",
    "actor_name",
    "actor_country",
    "target",
    "target_name",
    "certainty",
    "polarity",
    "in_quote",
]
KINDS = ("demand", "commitment", "action", "refusal")
CERTAINTY = ("reported", "planned", "doubted", "denied")
POLARITY = ("positive", "negative")
SPANS = ("cue", "content", "actor", "target")


def split_of(corpus: str, key: str) -> str:
    """``tune`` when the first hex digit of sha1('corpus:key') is 0-9, else ``test``."""
    return (
        "tune" if int(hashlib.sha1(f"{corpus}:{key}".encode()).hexdigest()[0], 16) < 10 else "test"
    )


def sha12(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def load_texts(want: set[tuple[str, str]], data: Path) -> dict[tuple[str, str], str]:
    """The texts of the wanted (corpus, key) documents."""
    texts: dict[tuple[str, str], str] = {}
    corpora = {c for c, _ in want}
    if "allsides" in corpora:
        texts.update(
            {(d.corpus, d.key): d.text for d in iter_allsides(data) if (d.corpus, d.key) in want}
        )
    if "bbc" in corpora:
        texts.update(
            {(d.corpus, d.key): d.text for d in iter_bbc(data) if (d.corpus, d.key) in want}
        )
    if "polnear" in corpora:
        keys = {k for c, k in want if c == "polnear"}
        with tarfile.open(data / "quotes" / "polnear_train_dev.tar.gz") as tar:
            for member in tar.getmembers():
                if member.isfile() and member.name in keys:
                    fh = tar.extractfile(member)
                    if fh is not None:
                        texts[("polnear", member.name)] = fh.read().decode("utf-8")
    return texts


def load_labels(data: Path, path: Path = LABELS):
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    docs = [r for r in rows if r.get("document")]
    asks = [r for r in rows if not r.get("document")]
    texts = load_texts({(r["corpus"], r["key"]) for r in rows}, data)
    for a in asks:
        text = texts.get((a["corpus"], a["key"]), "")
        a["text"] = {f: (text[a[f][0] : a[f][1]] if a.get(f) else None) for f in SPANS}
    return docs, asks, texts


def main(argv: list[str]) -> int:
    show = "--show" in argv
    args = [a for a in argv if not a.startswith("--")]
    if not args:
        print(__doc__)
        return 2
    data = Path(args[0])
    chosen = [a.split("=", 1)[1] for a in argv if a.startswith("--labels=")]
    docs, asks, texts = load_labels(data, Path(chosen[-1]) if chosen else LABELS)
    errors: list[str] = []
    seen_docs: set[tuple[str, str]] = set()
    for d in docs:
        k = (d["corpus"], d["key"])
        if sorted(d) != sorted(DOC_FIELDS):
            errors.append(f"document fields {sorted(d)} {k}")
        if k in seen_docs:
            errors.append(f"duplicate document row {k}")
        seen_docs.add(k)
        if k not in texts:
            errors.append(f"document not found {k}")
        if d["split"] != split_of(*k):
            errors.append(f"wrong split {k}")
        n = sum(1 for a in asks if (a["corpus"], a["key"]) == k)
        if n != d["asks"]:
            errors.append(f"{k}: document row says {d['asks']} asks, {n} rows")
    seen = set()
    for a in asks:
        k = (a["corpus"], a["key"])
        where = f"{k} content={a.get('content')}"
        if sorted(set(a) - {"text"}) != sorted(ASK_FIELDS):
            errors.append(f"fields {sorted(a)} {where}")
            continue
        if k not in seen_docs:
            errors.append(f"ask without document row {k}")
        text = texts.get(k, "")
        if (
            a["kind"] not in KINDS
            or a["certainty"] not in CERTAINTY
            or a["polarity"] not in POLARITY
        ):
            errors.append(f"bad kind/certainty/polarity {where}")
        if not isinstance(a["in_quote"], bool):
            errors.append(f"in_quote not a bool {where}")
        if a["split"] != split_of(*k):
            errors.append(f"wrong split on ask {where}")
        for f in SPANS:
            span = a[f]
            if span is None:
                if f in ("cue", "content"):
                    errors.append(f"{f} missing {where}")
                continue
            if (
                not isinstance(span, list)
                or len(span) != 2
                or not all(isinstance(x, int) for x in span)
                or not 0 <= span[0] < span[1] <= len(text)
            ):
                errors.append(f"bad {f} span {span} {where}")
                continue
            s = text[span[0] : span[1]]
            if s != s.strip():
                errors.append(f"{f} span has outer whitespace {span} {where}")
        if a["content"] and sha12(text[a["content"][0] : a["content"][1]]) != a["content_sha1"]:
            errors.append(f"content_sha1 mismatch {where}")
        if a["actor"] is None and (a["actor_name"] is not None or a["actor_country"] is not None):
            errors.append(f"actor_name/country without actor span {where}")
        if (a["target"] is None) != (a["target_name"] is None):
            errors.append(f"target span and target_name must both be set or both null {where}")
        key = (k, a["kind"], tuple(a["cue"]), tuple(a["content"]))
        if key in seen:
            errors.append(f"duplicate ask {where}")
        seen.add(key)
        if show:
            t = a["text"]
            print(
                f"{a['key'][-40:]:>40} {a['kind']:<10} {a['certainty']:<8} {a['polarity'][:3]} "
                f"q={int(a['in_quote'])} cue={t['cue']!r} content={t['content']!r} "
                f"actor={t['actor']!r}->{a['actor_name']} "
                f"target={t['target']!r}->{a['target_name']}"
            )
    for e in errors:
        print("ERROR", e)
    print(
        f"documents: {len(docs)} {dict(Counter(d['corpus'] for d in docs))}, "
        f"with asks: {sum(1 for d in docs if d['asks'])}, "
        f"by split: {dict(Counter(d['split'] for d in docs))}"
    )
    print(f"asks: {len(asks)}  by split: {dict(Counter(a['split'] for a in asks))}")
    for split in ("tune", "test"):
        print(f"  {split} by kind:", dict(Counter(a["kind"] for a in asks if a["split"] == split)))
    print("by kind:", dict(Counter(a["kind"] for a in asks)))
    print("by corpus:", dict(Counter(a["corpus"] for a in asks)))
    print(
        "by certainty:",
        dict(Counter(a["certainty"] for a in asks)),
        " polarity:",
        dict(Counter(a["polarity"] for a in asks)),
        " in_quote:",
        sum(a["in_quote"] for a in asks),
    )
    print(
        "with actor:",
        sum(a["actor"] is not None for a in asks),
        " with target:",
        sum(a["target"] is not None for a in asks),
        " with actor_country:",
        sum(a["actor_country"] is not None for a in asks),
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
