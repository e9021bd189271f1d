"""The command line: JSON shapes, exit codes, one-line errors on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articles.bundled import bundled_files
from tui.cli import main

PARSE_KEYS = {"path", "title", "subtitle", "date", "source", "url", "byline", "body", "entities"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "cli.db")
    assert main(["ingest", *map(str, bundled_files()), "--db", path, "--json"]) == 0
    capsys.readouterr()
    return path


def test_parse_json_has_exactly_the_documented_keys(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, out, _ = run(capsys, "parse", "--json", str(bundled_files()[0]), str(empty))
    parsed = json.loads(out)
    assert code == 1
    assert set(parsed[0]) == PARSE_KEYS
    assert parsed[1] == {"path": str(empty), "error": "empty file"}
    assert all(set(entity) == {"name", "type", "aliases", "mentions"} for entity in parsed[0]["entities"])


def test_ingest_json_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(
        capsys, "ingest", str(bundled_files()[0]), str(tmp_path / "nope.txt"), "--db", str(tmp_path / "x.db"), "--json"
    )
    assert code == 1
    assert json.loads(out) == {
        "added": 1,
        "updated": 0,
        "unchanged": 0,
        "failed": [{"path": str(tmp_path / "nope.txt"), "error": "no such file or folder"}],
    }


def test_search_json(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "search", "idlib", "--limit", "2", "--sort", "date", "--json", "--db", db)
    hits = json.loads(out)
    assert code == 0 and len(hits) == 2
    assert {"id", "title", "date", "source", "snippet"} <= set(hits[0])
    assert hits[0]["date"] >= hits[1]["date"]


def test_show_json_is_parse_json_plus_state(capsys: pytest.CaptureFixture[str], db: str) -> None:
    _, out, _ = run(capsys, "search", "title:rejoins", "--json", "--db", db)
    article_id = json.loads(out)[0]["id"]
    run(capsys, "mark", str(article_id), "--star", "--db", db)
    code, out, _ = run(capsys, "show", str(article_id), "--json", "--db", db)
    shown = json.loads(out)
    assert code == 0
    assert PARSE_KEYS | {"id", "read", "starred"} <= set(shown)
    assert shown["starred"] is True and shown["read"] is False


def test_entities_json(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "entities", "--type", "person", "--query", "idlib", "--json", "--db", db)
    items = json.loads(out)
    assert code == 0 and items[0] == {"name": "Recep Tayyip Erdogan", "type": "person", "articles": 2}
    assert [item["articles"] for item in items] == sorted((item["articles"] for item in items), reverse=True)


def test_stats_and_export(capsys: pytest.CaptureFixture[str], db: str) -> None:
    _, out, _ = run(capsys, "stats", "--json", "--db", db)
    stats = json.loads(out)
    assert stats["articles"] == 5 and stats["undated"] == 1 and stats["database_bytes"] > 0
    _, out, _ = run(capsys, "export", "idlib", "--format", "jsonl", "--db", db)
    assert len(out.strip().splitlines()) == 3
    _, out, _ = run(capsys, "export", "--format", "markdown", "--db", db)
    assert out.count("\n# ") + out.startswith("# ") == 5
    _, out, _ = run(capsys, "export", "--format", "json", "--db", db)
    assert len(json.loads(out)) == 5


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "date:2020-13"],
        ["search", "(idlib"],
        ["search", "nosuchfield:x"],
        ["show", "999"],
        ["mark", "999", "--read"],
    ],
)
def test_bad_input_exits_2_with_one_line_error(capsys: pytest.CaptureFixture[str], db: str, argv: list[str]) -> None:
    code, _, err = run(capsys, *argv, "--db", db)
    assert code == 2
    assert err.startswith("error: ") and err.count("\n") == 1
