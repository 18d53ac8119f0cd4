from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from storyline import sample as sample_corpus
from storyline.cli import main

OTHER = (
    "Dockworkers at the port of Saltreve walked out on Monday after pay talks collapsed, "
    "leaving dozens of container ships waiting offshore. The union is demanding a rise of "
    "nine percent; the port operator has offered four."
)


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(list(argv))
    return code, json.loads(capsys.readouterr().out)


def test_ingest_then_list_search_show(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    db = ["--db", str(db_path)]
    code, report = run_json(capsys, "ingest", *sample_corpus.sources(), *db, "--json")
    assert code == 0 and report["rejected"] == []
    assert report["stored"] == len(sample_corpus.expected()["articles"])

    code, listing = run_json(capsys, "articles", *db, "--json")
    assert code == 0 and listing["total"] == report["stored"]

    code, found = run_json(capsys, "search", "grain corridor", *db, "--json")
    assert code == 0 and found["hits"]

    first = found["hits"][0]["id"]
    code, shown = run_json(capsys, "show", first, *db, "--json")
    assert code == 0 and shown["id"] == first
    assert {"text", "raw_text", "removals", "sources", "near_duplicates"} <= shown.keys()
    assert {"timexes", "figures", "entities", "quotes"} <= shown.keys()
    for record in shown["figures"] + shown["quotes"]:
        assert shown["text"][record["start"] : record["end"]] == record["text"]
    for timex in shown["timexes"]:
        assert shown["text"][timex["start"] : timex["end"]] == timex["text"]
    for removal in shown["removals"]:
        assert shown["raw_text"][removal["start"] : removal["end"]] == removal["text"]


def test_exit_status_tells_about_rejections(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Dockers walk out\n\n" + OTHER)
    db = ["--db", str(db_path)]
    assert main(["ingest", str(good), *db, "--quiet"]) == 0
    code, report = run_json(capsys, "ingest", str(tmp_path / "missing.txt"), *db, "--json")
    assert code == 1
    assert report["rejected"] == [
        {
            "source": str(tmp_path / "missing.txt"),
            "stage": "read",
            "reason": "no such file or directory",
        }
    ]
    code, listed = run_json(capsys, "rejected", "--last", *db, "--json")
    assert [r["reason"] for r in listed["rejected"]] == ["no such file or directory"]
    # what was stored before is still there
    code, listing = run_json(capsys, "articles", *db, "--json")
    assert listing["total"] == 1


def test_human_output_and_unknown_article(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    db = ["--db", str(db_path)]
    assert main(["ingest", *sample_corpus.sources(), *db]) == 0
    out = capsys.readouterr().out
    assert "stored" in out and "near-duplicate" in out
    assert main(["show", "no-such-id", *db]) == 1
    assert "no article" in capsys.readouterr().err


def test_db_from_environment(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("STORYLINE_DB", str(db))
    (tmp_path / "a.txt").write_text("Dockers walk out\n\n" + OTHER)
    assert main(["ingest", str(tmp_path / "a.txt"), "--quiet"]) == 0
    assert db.exists()


def test_bad_option_values_are_usage_errors(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    assert main(["ingest", "x.txt", "--db", str(db_path), "--tz", "Mars/Olympus"]) == 2
    assert "unknown time zone" in capsys.readouterr().err
    assert main(["ingest", "x.txt", "--db", str(db_path), "--published", "soon"]) == 2


def test_demo_json_is_the_brief_contract(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import jsonschema

    from storyline.render.contract import schema

    code, demo = run_json(capsys, "demo", "--db", str(tmp_path / "demo.db"), "--json")
    assert code == 0
    jsonschema.validate(demo, schema())
    articles = [a for story in demo["stories"] for a in story["articles"]]
    assert len(articles) == len(sample_corpus.expected()["articles"])
    assert any(a["duplicate_of"] for a in articles)
    assert len(demo["stories"]) == len(sample_corpus.expected()["stories"])


def test_console_script_runs_the_demo(tmp_path: Path) -> None:
    exe = shutil.which("storyline") or str(Path(sys.executable).with_name("storyline"))
    done = subprocess.run(
        [exe, "demo", "--db", str(tmp_path / "demo.db")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# storyline brief: 2 stories") and "copy of" in done.stdout
    assert "fictional" in done.stderr
