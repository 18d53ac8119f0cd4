"""``storyline brief`` end to end on the bundled sample: stories, schema, citations, conflicts,
--since, and stable story ids across runs on one store."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

import jsonschema
import pytest

from storyline import sample as sample_corpus
from storyline.cli import main
from storyline.extract.annotate import Annotator, default_annotator
from storyline.render.contract import brief_json, schema
from storyline.settings import Settings
from storyline.store import Store
from storyline.stories.brief import brief


@pytest.fixture(scope="module")
def sample_brief(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("brief") / "store.db"
    settings = Settings(db=db, progress=False)
    with Store.open(db) as store:
        result = brief(
            sample_corpus.sources(), store, settings, since=datetime(2025, 2, 15, tzinfo=UTC)
        )
    return brief_json(result.dossiers, result.rejected, datetime(2025, 2, 15, tzinfo=UTC))


def _ids_by_key() -> dict[str, str]:
    return {a["key"]: a["id"] for a in sample_corpus.expected()["articles"]}


def test_the_sample_makes_its_two_stories_though_they_share_an_actor(
    sample_brief: dict[str, Any],
) -> None:
    expected = sample_corpus.expected()
    titles = {a["key"]: a["title"] for a in expected["articles"]}
    got = sorted(sorted(a["title"] for a in s["articles"]) for s in sample_brief["stories"])
    want = sorted(
        sorted(titles[k] for k in story["articles"]) for story in expected["stories"].values()
    )
    assert got == want
    for story in sample_brief["stories"]:  # Jonas Albrecht is an actor of both stories
        assert any(e["name"] == "Jonas Albrecht" for e in story["entities"])


def test_the_output_follows_the_schema_and_every_span_points_into_its_article(
    sample_brief: dict[str, Any],
) -> None:
    jsonschema.validate(sample_brief, schema())
    for story in sample_brief["stories"]:
        texts = {a["id"]: a["text"] for a in story["articles"]}
        for line in story["summary"]:
            (src,) = line["sources"]
            assert texts[src["article_id"]][src["start"] : src["end"]] == line["text"]
            for other in line["corroborated_by"]:
                assert other["article_id"] != src["article_id"]
        for q in story["quotes"]:
            assert (
                q["text"] in texts[q["article_id"]][q["start"] : q["end"]] or q["kind"] != "direct"
            )
        for f in story["figures"]:
            assert texts[f["article_id"]][f["start"] : f["end"]] == f["text"]
        for e in story["entities"]:
            for m in e["mentions"]:
                assert texts[m["article_id"]][m["start"] : m["end"]] == m["text"]
        for entry in story["timeline"]:
            assert entry["sources"] and all(s["article_id"] in texts for s in entry["sources"])


def test_a_syndicated_copy_is_listed_but_cited_once(sample_brief: dict[str, Any]) -> None:
    copy = _ids_by_key()["A1b"]
    (story,) = [s for s in sample_brief["stories"] if any(a["id"] == copy for a in s["articles"])]
    (listed,) = [a for a in story["articles"] if a["id"] == copy]
    assert listed["duplicate_of"] == _ids_by_key()["A1"]
    cited = [s["article_id"] for line in story["summary"] for s in line["sources"]]
    assert copy not in cited


def test_the_detained_reporters_figure_conflict_is_found(sample_brief: dict[str, Any]) -> None:
    ids = _ids_by_key()
    (story,) = [
        s for s in sample_brief["stories"] if any(a["id"] == ids["A6"] for a in s["articles"])
    ]
    conflicts = [c for c in story["comparison"]["conflicts"] if c["kind"] == "figure"]
    values = [{cl["value"].split()[0] for cl in c["claims"]} for c in conflicts]
    assert {"5", "7"} in values


def test_since_marks_what_is_new(sample_brief: dict[str, Any]) -> None:
    for story in sample_brief["stories"]:
        for a in story["articles"]:
            assert a["new"] == (a["published"] is not None and a["published"] > "2025-02-15")
        assert story["new"] == any(a["new"] for a in story["articles"])
        new_ids = {a["id"] for a in story["articles"] if a["new"]}
        for line in story["summary"]:
            assert line["new"] == (line["sources"][0]["article_id"] in new_ids)


def test_a_later_run_on_the_same_store_continues_the_same_stories(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    sources = [str(p) for p in sample_corpus.sources()]
    first_sources = [s for s in sources if s.endswith("articles.jsonl")]
    later_sources = [s for s in sources if not s.endswith("articles.jsonl")]
    settings = Settings(db=db, progress=False)
    with Store.open(db) as store:
        first = brief(first_sources, store, settings)
        before = {a.id: d.id for d in first.dossiers for a in d.articles}
        later = brief(later_sources, store, settings)
        after = {a.id: d.id for d in later.dossiers for a in d.articles}
        again = brief(sources, store, settings)  # re-running changes nothing
        rerun = {a.id: d.id for d in again.dossiers for a in d.articles}
    assert all(after[i] == sid for i, sid in before.items() if i in after)
    assert set(after) > set(before) & set(after)
    assert rerun == {**before, **after}


def test_a_later_run_reads_earlier_analyses_instead_of_parsing_again(tmp_path: Path) -> None:
    class Counting(Annotator):
        seen: ClassVar[list[str]] = []

        def annotate_all(self, articles, batch_size=32):  # type: ignore[no-untyped-def]
            articles = list(articles)
            Counting.seen.extend(a.id for a in articles)
            return super().annotate_all(articles, batch_size=batch_size)

    base = default_annotator()
    annotator = Counting(base.stages, base.nlp)
    db = tmp_path / "store.db"
    sources = [str(p) for p in sample_corpus.sources()]
    first_sources = [s for s in sources if s.endswith("articles.jsonl")]
    later_sources = [s for s in sources if not s.endswith("articles.jsonl")]
    settings = Settings(db=db, progress=False)
    when = datetime(2025, 2, 15, tzinfo=UTC)
    with Store.open(db) as store:
        first = brief(first_sources, store, settings, annotator=annotator)
        earlier = {a.id for d in first.dossiers for a in d.articles}
        Counting.seen.clear()
        brief(later_sources, store, settings, annotator=annotator)
        assert Counting.seen and not earlier & set(Counting.seen)  # only the new ones
        stored = brief_json(brief([], store, settings, everything=True).dossiers, (), when)
        store._conn.execute("DELETE FROM analyses")  # as if nothing had been kept
        Counting.seen.clear()
        fresh = brief_json(
            brief([], store, settings, everything=True, annotator=annotator).dossiers, (), when
        )
        assert earlier <= set(Counting.seen)
    assert stored == fresh


def test_brief_command_writes_json_and_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "brief.json"
    sources = [str(p) for p in sample_corpus.sources()]
    assert main(["brief", *sources, "--format", "json", "-o", str(out), "-q"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema())
    assert len(data["stories"]) == 2 and data["rejected"] == []
    assert main(["brief", *sources, "-q", "--words", "60"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# storyline brief: 2 stories") and "### Summary" in text
    # the legend of the source numbers is given once, not once per story
    assert text.count("is the story's article n") == 1
    # the ledger shows each demand as the article words it, not its normalised key
    assert "Orlesia: reopen the Tessel border crossing — **" in text
    assert "reopen tessel border crossing" not in text


def test_bad_input_is_reported_and_the_rest_still_briefed(tmp_path: Path) -> None:
    out = tmp_path / "brief.json"
    sources = [str(p) for p in sample_corpus.sources()] + [str(tmp_path / "missing.txt")]
    assert main(["brief", *sources, "--format", "json", "-o", str(out), "-q"]) == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["stories"]) == 2
    (rejected,) = data["rejected"]
    assert rejected["source"].endswith("missing.txt") and "no such file" in rejected["reason"]


def test_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief"]) == 2
    assert main(["brief", "--all"]) == 2
    assert "--all needs --db" in capsys.readouterr().err
    assert main(["brief", "x.txt", "--words", "0"]) == 2
    with pytest.raises(SystemExit) as raised:
        main(["brief", "x.txt", "--since", "soon"])
    assert raised.value.code == 2


def test_all_writes_every_story_of_a_store(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    sources = [str(p) for p in sample_corpus.sources()]
    out = tmp_path / "all.json"
    assert (
        main(["brief", sources[0], "--db", str(db), "-q", "--format", "json", "-o", str(out)]) == 0
    )
    first = json.loads(out.read_text(encoding="utf-8"))
    assert main(["brief", "--all", "--db", str(db), "-q", "--format", "json", "-o", str(out)]) == 0
    everything = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(s["id"] for s in everything["stories"]) == sorted(
        s["id"] for s in first["stories"]
    )


def test_show_json_reads_the_analysis_a_brief_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline.cli import articles

    db = tmp_path / "store.db"
    with Store.open(db) as store:
        brief([str(sample_corpus.folder() / "saltreve-deal.txt")], store, Settings(db=db))
        (listed,) = store.articles()
        article = store.get(listed.id)
        assert article is not None
        fresh = articles.article_json(article, store, annotator=default_annotator())

        def refuse() -> Annotator:
            raise AssertionError("the stored analysis should have been used")

        monkeypatch.setattr(articles, "default_annotator", refuse)
        stored = articles.article_json(article, store)
    assert stored == fresh and stored["quotes"] and stored["figures"]


def test_markdown_counts_agree_and_cut_lists_say_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from storyline.render.markdown import _line, _more

    (one,) = [str(s) for s in sample_corpus.sources() if str(s).endswith(".txt")]
    assert main(["brief", one, "-q", "--db", str(tmp_path / "one.db")]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# storyline brief: 1 story\n") and " · 1 article · " in text
    # a paragraph break inside a quote or sentence must not end the Markdown list item
    assert _line("“A.\n\nB,” she said.") == "“A. B,” she said."
    assert _more(12, 15, "quotes") == ["- … and 3 more quotes (all are in the JSON output)"]
    assert _more(12, 12, "quotes") == []


@pytest.mark.parametrize(
    ("words", "shown"),
    [
        ("We are done,", "“We are done”"),  # the comma before the source's closing mark
        ('the deal was "dead" and “buried”', "“the deal was ‘dead’ and ‘buried’”"),
        ("Kovar “wanted the crossing shut for good", "“Kovar wanted the crossing shut for good”"),
        ("shut for good” and said no more", "“shut for good and said no more”"),
    ],
)
def test_quotes_show_between_marks_that_balance(words: str, shown: str) -> None:
    from storyline.render.markdown import _quoted

    assert _quoted(words) == shown


def test_summary_sentences_that_follow_each_other_share_one_bullet() -> None:
    from types import SimpleNamespace
    from typing import cast

    from storyline.render.markdown import _runs
    from storyline.stories.dossier import Dossier
    from storyline.stories.records import SourceSpan
    from storyline.stories.summary import SummarySentence

    text = (
        '"I told him my agenda is not against anyone. It\'s for the people," Biden said. Rain fell.'
    )
    a = SimpleNamespace(id="a", text=text)
    cut = text.index("It's")
    rain = text.index("Rain")
    lines = [
        SummarySentence(text[:cut].strip(), SourceSpan("a", 0, cut - 1), (), None),
        SummarySentence(text[cut : rain - 1], SourceSpan("a", cut, rain - 1), (), None),
        SummarySentence("Rain fell.", SourceSpan("a", rain, len(text)), (), None),
    ]
    d = SimpleNamespace(summary=lines, article=lambda i: a if i == "a" else None)
    runs = _runs(cast(Dossier, d))
    # the quotation's two sentences are one bullet; a sentence after them is one too
    # (only whitespace lies between): the article's text, read on
    assert [len(r) for r in runs] == [3]
    d2 = SimpleNamespace(summary=[lines[0], lines[2]], article=d.article)
    assert [len(r) for r in _runs(cast(Dossier, d2))] == [1, 1]


def test_progress_starts_before_the_work_and_ends_at_the_total(tmp_path: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    with Store.open(tmp_path / "store.db") as store:
        brief(
            [str(p) for p in sample_corpus.sources()],
            store,
            Settings(db=tmp_path / "store.db", progress=False),
            progress=lambda stage, done, total: calls.append((stage, done, total)),
        )
    # a bar made at the first call measures its rate from there: it must come before any
    # article is analysed, or the first batch shows as done in no time
    assert calls[0][1] == 0 and calls[-1][1] == calls[-1][2] > 0


def test_who_said_what_lists_named_speakers_of_things_said_with_telling_cues() -> None:
    from types import SimpleNamespace
    from typing import cast

    from storyline.extract.quotes import Quote, Speaker
    from storyline.render.markdown import _shown
    from storyline.stories.dossier import Dossier, StoryQuote

    text = "The agency denied he was a target. The network has not commented on the claim."

    def said(words: str, cue: str, speaker: str, entity: str | None) -> StoryQuote:
        at, cue_at = text.index(words), text.index(cue)
        who = Speaker(speaker, entity, None, 0, 3)
        quote = Quote(words, "indirect", cue, cue_at, cue_at + len(cue), who, at, at + len(words))
        return StoryQuote("a", quote, None)

    d = cast(Dossier, SimpleNamespace(article=lambda i: SimpleNamespace(text=text)))
    assert _shown(d, said("he was a target", "denied", "The agency", "e1"))
    assert not _shown(d, said("on the claim", "commented", "The network", "e2"))  # negated
    assert not _shown(d, said("he was a target", "denied", "it", None))  # no one named
    assert not _shown(d, said("he was a", "denied", "The agency", "e1"))  # a fragment
