"""The command line: JSON shapes, exit codes, one-line errors on stderr."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from articles.bundled import bundled_files
from store import Store
from tests.terminal import run_in_pty
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


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    captured = capsys.readouterr()
    assert exit_.value.code == 0 and captured.err == ""
    assert re.fullmatch(r"newsdesk \d+\.\d+\.\d+\S*\n", captured.out)


@pytest.mark.parametrize("argv", [["--db", "{db}"], ["tui", "--db", "{db}"], []])
def test_the_bare_db_option_opens_the_app_on_that_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str]
) -> None:
    import tui.app

    opened: list[str] = []

    class FakeApp:
        def __init__(self, path: str) -> None:
            opened.append(path)

        def run(self) -> None:
            pass

    monkeypatch.setattr(tui.app, "make_app", FakeApp)
    monkeypatch.setenv("NEWSDESK_DB", str(tmp_path / "default.db"))
    database = tmp_path / "given.db"
    assert main([part.format(db=database) for part in argv]) == 0
    assert opened == [str(database if argv else tmp_path / "default.db")]


def test_parse_writes_each_files_error_to_stderr(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, out, err = run(capsys, "parse", str(bundled_files()[0]), str(empty))
    assert code == 1
    assert err == f"{empty}: error: empty file\n"
    assert out.startswith("== ") and "error" not in out


def test_unknown_ids_are_named_plainly(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = run(capsys, "mark", "1", "900", "901", "--read", "--db", db)
    assert (code, out, err) == (2, "1 article marked\n", "error: no articles have ids 900 and 901\n")
    code, out, err = run(capsys, "mark", "900", "--star", "--db", db)
    assert (code, out, err) == (2, "", "error: no article has id 900\n")
    assert run(capsys, "show", "900", "--db", db)[2] == "error: no article has id 900\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["search", "x", "--limit", "abc"], "argument --limit: 'abc' is not a whole number"),
        (["search", "x", "--limit", "0"], "argument --limit: must be 1 or more, not 0"),
        (["entities", "--limit", "-3"], "argument --limit: must be 1 or more, not -3"),
        (["show", "seven"], "argument id: 'seven' is not a whole number"),
        (["mark", "1", "x", "--read"], "argument ID: 'x' is not a whole number"),
        (["show", str(2**64)], f"argument id: {2**64} is too large"),
    ],
)
def test_bad_numbers_are_refused_in_plain_words(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert err.splitlines()[-1].endswith(f"error: {message}")
    assert "_positive" not in err and "invalid" not in err


def _longest_paragraph(db: str) -> tuple[int, str]:
    """The id of the article with the longest paragraph, and that paragraph."""
    with Store.open(db) as store:
        return max(((a.id, p) for a in store.export() for p in a.article.body), key=lambda found: len(found[1]))


def test_show_piped_prints_every_paragraph_whole_and_unpadded(capsys: pytest.CaptureFixture[str], db: str) -> None:
    article_id, paragraph = _longest_paragraph(db)
    code, out, _ = run(capsys, "show", str(article_id), "--db", db)
    assert code == 0 and len(paragraph) > 200
    assert paragraph in out.splitlines()
    assert all(line == line.rstrip() for line in out.splitlines())


def test_show_on_a_terminal_wraps_whole_paragraphs_at_its_width(db: str) -> None:
    article_id, paragraph = _longest_paragraph(db)
    raw = run_in_pty(["-m", "tui.cli", "show", str(article_id), "--db", db], seconds=10, size=(40, 60))
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line).rstrip() for line in raw.decode().split("\r\n")]
    assert max(len(line) for line in lines) <= 60
    assert " ".join(" ".join(lines).split()).count(" ".join(paragraph.split())) == 1


def test_search_notes_lower_case_operators_on_stderr(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = run(capsys, "search", "idlib or sochi", "--db", db)
    assert code == 0 and re.search(r"^\d+ matching articles?$", out, re.MULTILINE)
    assert err == "note: 'or' is searched as a word; for the operator write OR\n"
