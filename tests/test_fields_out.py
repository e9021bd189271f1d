"""Every field read from an archive is checked and sanitised on the way out, whoever wrote it
(a shared or hand-edited archive): no crash, no escape sequence, in the CLI and the app.
Numbers and dates a user types are checked too."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from articles.bundled import bundled_files
from store import Store
from tests.hostile import FORBIDDEN_BYTES
from tui.cli import main

HOSTILE_DATE = "\x1b]52;c;SGFja2VkQ2xpcGJvYXJk\x07\x1b[2J2020-01-01\x1b]0;PWNED-TITLE\x07"


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, then edited by hand: escapes in every text field, a date that is not one,
    malformed JSON in byline and captions."""
    path = tmp_path_factory.mktemp("edited") / "edited.db"
    with Store.open(path) as store:
        store.ingest([str(seed) for seed in bundled_files()])
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE articles SET published = ?, byline = ?, captions = ?, title = title || ?, source = ?, url = ?",
            (HOSTILE_DATE, '["ok", {not json', "[1, {\"a\": 2}, \"\x1b]0;PWNED\x07 cap\"]",
             "\x1b]0;PWNED-TITLE\x07", "\x9b31mRED-SOURCE", "javascript:alert('\x1b]0;PWNED\x07')"),
        )  # fmt: skip
        connection.execute("UPDATE entities SET name = name || ?", ("\x1b]8;;https://evil.invalid/x\x1b\\",))
        connection.execute("UPDATE paths SET path = path || ?", ("\x1b]0;PWNED\x07",))
    connection.close()
    return path


def _cli(*argv: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "tui.cli", *argv], capture_output=True, timeout=120)


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "turkey"],
        ["search", "", "--sort", "date"],
        ["search", "turkey", "--json"],
        ["show", "1"],
        ["show", "2", "--json"],
        ["entities"],
        ["export", "--format", "jsonl"],
        ["export", "--format", "json"],
        ["export", "--format", "markdown"],
        ["export", "--format", "csv"],
    ],
)
def test_hand_edited_fields_never_crash_or_escape_piped(edited: Path, argv: list[str]) -> None:
    done = _cli(*argv, "--db", str(edited))
    assert done.returncode == 0, done.stderr
    assert b"\x1b" not in done.stdout and b"\x07" not in done.stdout
    for forbidden in FORBIDDEN_BYTES:
        assert forbidden not in done.stdout + done.stderr


def test_a_date_that_is_not_one_reads_as_undated(edited: Path) -> None:
    with Store.open(edited) as store:
        hit = store.search("turkey").hits[0]
        stored = store.article(hit.id)
    assert hit.date is None and stored is not None and stored.article.published is None
    assert stored.article.byline is None or all("{" not in name for name in stored.article.byline)
    assert all("\x1b" not in caption for caption in stored.article.captions)
    assert "\x1b" not in stored.article.title and "\x1b" not in (stored.path or "")


async def test_the_timeline_shows_no_raw_date(edited: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.apptools import settle
    from tui.app import make_app
    from tui.config import Config
    from tui.widgets.timeline import Timeline

    monkeypatch.setenv("NEWSDESK_CONFIG", str(tmp_path / "none.toml"))
    app = make_app(edited, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        timeline = app.query_one(Timeline)
        lines = [timeline.render_line(y).text for y in range(10)]
    assert all("\x1b" not in line and "PWNED" not in line for line in lines)
    assert any("Undated" in line for line in lines)


BIG = str(2**70)


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["search", "turkey", "--limit", BIG], 2),
        (["search", "turkey", "--offset", BIG], 2),
        (["entities", "--limit", BIG], 2),
        (["show", BIG], 2),
        (["mark", BIG, "--read"], 2),
        (["mark", "1", BIG, "--star"], 2),
        (["search", 'date:"9999 years ago"..'], 2),
        (["search", "date:..9999-12-31"], 0),
        (["ingest", str(bundled_files()[0]), "--workers", BIG], 2),
    ],
)
def test_numbers_past_64_bits_and_far_dates_give_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], code: int
) -> None:
    database = str(tmp_path / "numbers.db")
    main(["ingest", *map(str, bundled_files()), "--db", database, "--json"])
    capsys.readouterr()
    returned: object
    try:
        returned = main([*argv, "--db", database])
    except SystemExit as exit_:  # argparse refuses a number it cannot take
        returned = exit_.code
    assert returned == code
    err = capsys.readouterr().err
    assert err.count("\n") == (1 if code else 0) and "Traceback" not in err


def test_export_reads_a_hand_edited_archive_as_json(edited: Path) -> None:
    done = _cli("export", "--format", "jsonl", "--db", str(edited))
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == 5 and all(row["date"] is None for row in rows)


async def test_a_hand_edited_session_never_stops_the_app(edited: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.apptools import settle
    from tui.app import make_app
    from tui.config import Config

    monkeypatch.setenv("NEWSDESK_CONFIG", str(tmp_path / "none.toml"))
    copy = tmp_path / "session.db"
    copy.write_bytes(edited.read_bytes())
    with Store.open(copy) as store:
        store.set_meta("ui_state", json.dumps({"query": "turkey", "entities": [2**70, -1], "article": 2**70}))
    app = make_app(copy, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert app.is_running
