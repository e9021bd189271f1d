"""Hostile input and faults: nothing crashes, nothing reaches the terminal, nothing is lost."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from articles.sanitize import sanitize
from store import IngestReport, QueryError, Store, StoreError
from tests.checks import assert_consistent
from tests.hostile import FORBIDDEN_BYTES, MARKUP, PAYLOADS, write_corpus
from tests.terminal import run_in_pty
from tui.commands.export import neutralise, write


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path], dict[Path, str], Path, IngestReport]:
    """The hostile corpus written and ingested once for the module: every test that reads its
    database gets it ingested, whichever tests run and in whatever order."""
    folder = tmp_path_factory.mktemp("hostile")
    good, bad = write_corpus(folder / "files")
    database = folder / "hostile.db"
    with Store.open(database) as store:
        report = store.ingest([str(folder / "files")], workers=1)
    return folder / "files", good, bad, database, report


@pytest.fixture(scope="module")
def corpus(ingested) -> tuple[Path, list[Path], dict[Path, str], Path]:  # type: ignore[no-untyped-def]
    files, good, bad, database, _ = ingested
    return files, good, bad, database


def test_the_hostile_corpus_ingests_with_every_bad_file_named(ingested) -> None:  # type: ignore[no-untyped-def]
    _, good, bad, database, report = ingested
    failed = dict(report.failed)
    assert set(failed) == {str(path) for path in bad}
    for path, reason in bad.items():
        assert reason in failed[str(path)] and "\n" not in failed[str(path)]
    assert report.added == len(good)
    with Store.open(database) as store:
        assert store.stats().articles == len(good)
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("a\x1b]52;c;SGk=\x07b", "ab"),
        ("a\x1b]0;title\x1b\\b", "ab"),
        ("a\x1b]0;unterminated\nnext", "a\nnext"),
        ("a\x1b[31;1mb\x1b[0m", "ab"),
        ("a\x1b[", "a"),
        ("a\u009b31mb", "ab"),
        ("a\u009d0;t\u009cb", "ab"),
        ("a\x1bPdcs\x1b\\b", "ab"),
        ("a\x1bcb", "ab"),
        ("a\x00b\x07c\x7fd\x08e", "abcde"),
        ("\u202eevil\u202c \u2066x\u2069 \u200fy", "evil x y"),
        ("line\r\nbreak\rx", "line\nbreak\nx"),
        ("tab\there\nnew", "tab\there\nnew"),
        ("👩\u200d👩\u200d👧 and ✊🏽", "👩\u200d👩\u200d👧 and ✊🏽"),
    ],
)
def test_the_sanitiser(dirty: str, clean: str) -> None:
    assert sanitize(dirty) == clean


def test_nothing_hostile_is_stored(corpus) -> None:  # type: ignore[no-untyped-def]
    *_, database = corpus
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT title || body || coalesce(source, '') || entity_text FROM articles")
        stored = "".join(row[0] for row in rows)
    assert "\x1b" not in stored and "\x07" not in stored and not any("\x80" <= c <= "\x9f" for c in stored)
    assert "\u202e" not in stored


def _assert_clean(raw: bytes) -> None:
    for forbidden in FORBIDDEN_BYTES:
        assert forbidden not in raw, forbidden


def test_the_cli_writes_no_hostile_bytes_to_a_terminal(corpus) -> None:  # type: ignore[no-untyped-def]
    *_, database = corpus
    with Store.open(database) as store:
        ids = [hit.id for hit in store.search("harbour", limit=40).hits]
    for argv in (
        ["-m", "tui.cli", "search", "harbour", "--limit", "40", "--db", str(database)],
        ["-m", "tui.cli", "show", str(ids[0]), "--db", str(database)],
        ["-m", "tui.cli", "entities", "--limit", "50", "--db", str(database)],
        ["-m", "tui.cli", "export", "harbour", "--format", "markdown", "--db", str(database)],
        ["-m", "tui.cli", "search", "harbour", "--json", "--db", str(database)],
    ):
        raw = run_in_pty(argv, seconds=15)
        assert b"Harbour" in raw or b"Bergen" in raw
        _assert_clean(raw)
    for article_id in ids:
        _assert_clean(run_in_pty(["-m", "tui.cli", "show", str(article_id), "--db", str(database)], seconds=8))


def test_the_app_writes_no_hostile_bytes_to_a_terminal(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    *_, database = corpus
    keys = [b"/", b"harbour", b"\r", b"\r", b"1", b"j", b"\r", b"1", b"j", b"\r", b"3", b"?", b"\x1b"]
    # One row per story, a story opened under its row, one of its articles read.
    keys += [b"1", b"z", b"g", b"\r", b"j", b"\r", b"1", b"q"]
    env_config = os.environ.get("NEWSDESK_CONFIG")
    os.environ["NEWSDESK_CONFIG"] = str(tmp_path / "none.toml")
    try:
        raw = run_in_pty(["-m", "tui.cli", "--db", str(database)], keys, seconds=20)  # the form the README shows
    finally:
        if env_config is None:
            os.environ.pop("NEWSDESK_CONFIG", None)
        else:
            os.environ["NEWSDESK_CONFIG"] = env_config
    assert b"Harbour" in raw
    _assert_clean(raw)


async def test_markup_in_articles_shows_literally_everywhere(corpus, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.apptools import settle
    from tui.app import make_app
    from tui.config import Config

    monkeypatch.setenv("NEWSDESK_CONFIG", str(tmp_path / "none.toml"))
    *_, database = corpus
    app = make_app(database, Config())
    async with app.run_test(size=(160, 60)) as pilot:
        await settle(pilot, app)
        await pilot.press("slash", *"markup", "enter")
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        screen = app.export_screenshot()
        app.notify("[bold]x")
        await pilot.pause()
        await pilot.click("#timeline", offset=(20, 1))
        await settle(pilot, app)
        assert app.is_running
    shown = screen.replace("&#160;", " ")
    assert any(markup.replace("&", "&amp;") in shown or markup in shown for markup in MARKUP[1:])


@pytest.mark.parametrize(
    "query",
    [" OR ".join(f"w{n}*" for n in range(60)), "(" * 30 + "a" + ")" * 30, "x" * 1999, '"' + "a " * 500 + '"'],
)
def test_pathological_queries_run_or_fail_fast(corpus, query: str) -> None:  # type: ignore[no-untyped-def]
    *_, database = corpus
    with Store.open(database) as store:
        try:
            store.search(query)
        except QueryError as error:
            assert "\n" not in str(error)


def test_csv_export_neutralises_formulas_and_escapes(corpus) -> None:  # type: ignore[no-untyped-def]
    *_, database = corpus
    assert neutralise('=HYPERLINK("http://evil")') == '\'=HYPERLINK("http://evil")'
    assert [neutralise(v)[:2] for v in ("+1", "-1", "@SUM(A1)", "\tx")] == ["'+", "'-", "'@", "'\t"]
    assert neutralise("plain") == "plain"
    out = io.StringIO()
    with Store.open(database) as store:
        write(store.export("harbour"), "csv", out)
    csv.field_size_limit(sys.maxsize)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert len(rows) > 20
    assert "\x1b" not in out.getvalue()
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows[1:] for cell in row)


def test_a_corrupt_database_is_refused_with_a_hint_and_never_touched(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not sqlite at all" * 100)
    before = garbage.read_bytes()
    with pytest.raises(StoreError, match="move it aside"):
        Store.open(garbage)
    assert garbage.read_bytes() == before
    damaged = tmp_path / "damaged.db"
    with Store.open(damaged) as store:
        store.ingest([str(p) for p in __import__("articles.bundled").bundled.bundled_files()])
    data = bytearray(damaged.read_bytes())
    data[100:4096] = bytes(len(data[100:4096]))
    damaged.write_bytes(bytes(data))
    before = damaged.read_bytes()
    with pytest.raises(StoreError), Store.open(damaged) as store:
        store.search("turkey")
    assert damaged.read_bytes() == before


def test_a_full_disk_gives_a_clear_error_and_keeps_what_was_committed(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    first = write("first.txt", "Harbour one\n\nMay 5, 2021\n\nThe council in Bergen voted.\n")
    with Store.open(tmp_path / "full.db") as store:
        store.ingest([str(first)])
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages + 2}")
        many = [write(f"many/{n}.txt", f"Harbour {n}\n\n" + f"Long body {n} " * 2000) for n in range(40)]
        with pytest.raises(StoreError, match="full"):
            store.ingest([str(path) for path in many])
        assert store.stats().articles == 1
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_read_only_database_gives_a_clear_error(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    first = write("first.txt", "Harbour one\n\nMay 5, 2021\n\nThe council in Bergen voted.\n")
    with Store.open(tmp_path / "ro.db") as store:
        store.ingest([str(first)])
        store.db.execute("PRAGMA query_only = ON")
        with pytest.raises(StoreError, match="read-only"):
            store.mark([1], starred=True)
        with pytest.raises(StoreError, match="read-only"):
            store.ingest([str(write("second.txt", "Harbour two\n\nThe mayor agreed.\n"))])
        assert store.stats().articles == 1


def test_two_ingests_at_once_both_finish(tmp_path: Path) -> None:
    folders = []
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        for n in range(1200):
            (folder / f"{n}.txt").write_text(f"Story {name}{n}\n\nMarch 3, 2021\n\nBergen port {name} {n} grew.\n")
        folders.append(folder)
    database = tmp_path / "both.db"
    Store.open(database).close()
    runs = [
        subprocess.Popen([sys.executable, "-m", "tui.cli", "ingest", str(f), "--db", str(database), "--json", "--workers", "1"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for f in folders
    ]  # fmt: skip
    outputs = [run.communicate(timeout=240) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in outputs]
    with Store.open(database) as store:
        assert store.stats().articles == 2400
    assert_consistent(database)


async def test_an_ingest_while_the_app_is_open_shows_on_refresh(tmp_path: Path, write, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.apptools import settle
    from tui.app import make_app
    from tui.config import Config
    from tui.widgets.timeline import Timeline

    monkeypatch.setenv("NEWSDESK_CONFIG", str(tmp_path / "none.toml"))
    database = tmp_path / "live.db"
    with Store.open(database) as store:
        store.ingest([str(write("one.txt", "Harbour one\n\nThe council voted.\n"))])
    app = make_app(database, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert app.query_one(Timeline).results.total == 1  # type: ignore[union-attr]
        done = subprocess.run(
            [sys.executable, "-m", "tui.cli", "ingest", str(write("two.txt", "Harbour two\n\nThe mayor agreed.\n")), "--db", str(database)],
            capture_output=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0
        await pilot.press("R")
        await settle(pilot, app)
        assert app.query_one(Timeline).results.total == 2  # type: ignore[union-attr]


def test_payload_names_cover_each_kind() -> None:
    assert {"osc52", "title", "hyperlink", "c1_csi", "bidi", "unterminated"} <= set(PAYLOADS)
