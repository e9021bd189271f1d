"""Hostile filesystems: links, pipes, devices, special filesystems, names that are not UTF-8
or too long, folders that cannot be read. Each bad entry is named with its reason; the rest
is stored, and the run goes on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from discover import collect_files
from store import Store
from tests.checks import as_unprivileged
from tests.hostile import article, write_filesystem_corpus

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="links to /proc and /dev are Linux paths")


def test_links_pipes_and_devices_in_a_folder_are_each_named_with_a_reason(tmp_path: Path) -> None:
    good, bad = write_filesystem_corpus(tmp_path / "files")
    with Store.open(tmp_path / "fs.db") as store:
        report = store.ingest([str(tmp_path / "files")], workers=1)
        paths = {row[0] for row in store.db.execute("SELECT path FROM paths")}
    failed = dict(report.failed)
    assert set(failed) == set(bad)
    for path, reason in bad.items():
        assert reason in failed[path], (path, failed[path])
    assert report.added == len(good) and paths == set(good)


def test_a_file_name_that_is_not_utf8_is_stored_and_reported(tmp_path: Path) -> None:
    """caf\\xe9.txt (Latin-1 bytes in a name) stopped every ingest with UnicodeEncodeError."""
    folder = os.fsencode(tmp_path / "names")
    os.mkdir(folder)
    for number in range(3):
        with open(os.path.join(folder, b"caf\xe9-%d.txt" % number), "wb") as handle:
            handle.write(article(f"Harbour cafe number {number}").encode())
    with open(os.path.join(folder, b"bad-\xff.txt"), "wb") as handle:
        handle.write(b"")
    database = tmp_path / "names.db"
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", "ingest", os.fsdecode(folder), "--db", str(database), "--json"],
        capture_output=True,
        timeout=120,
    )
    report = json.loads(done.stdout)
    assert report["added"] == 3, done.stderr
    assert [item["path"] for item in report["failed"]] == [f"{tmp_path}/names/bad-\\xff.txt"]
    shown = subprocess.run(
        [sys.executable, "-m", "tui.cli", "show", "1", "--json", "--db", str(database)], capture_output=True, timeout=60
    )
    assert json.loads(shown.stdout)["path"] == f"{tmp_path}/names/caf\\xe9-0.txt"


def test_a_name_over_255_bytes_is_named_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "fine.txt").write_text(article("Harbour fine"), encoding="utf-8")
    long_name = str(tmp_path / ("x" * 300 + ".txt"))
    files, failed = collect_files([long_name, str(tmp_path / "fine.txt")])
    assert files == [str(tmp_path / "fine.txt")]
    assert [path for path, _ in failed] == [long_name] and "name too long" in failed[0][1]


def test_special_files_given_by_name_are_refused(tmp_path: Path) -> None:
    with Store.open(tmp_path / "special.db") as store:
        report = store.ingest(["/proc/self/status", "/dev/zero"])
    failed = dict(report.failed)
    assert report.added == 0
    assert "special filesystem" in failed["/proc/self/status"]
    assert "not a regular file" in failed["/dev/zero"] or "special filesystem" in failed["/dev/zero"]


def test_a_file_that_vanishes_while_the_folder_is_walked_is_named(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import store.batches as batches
    from discover import collect_files as listed

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / "walk").mkdir(exist_ok=True)
        (tmp_path / "walk" / name).write_text(article(f"Harbour {name}"), encoding="utf-8")

    def list_then_delete(targets):  # type: ignore[no-untyped-def]
        found = listed(targets)
        (tmp_path / "walk" / "b.txt").unlink()
        return found

    monkeypatch.setattr(batches, "collect_files", list_then_delete)
    with Store.open(tmp_path / "vanish.db") as store:
        report = store.ingest([str(tmp_path / "walk")], workers=1)
    assert report.added == 2
    assert report.failed == [(str(tmp_path / "walk" / "b.txt"), "no such file")]


def test_files_inside_unreadable_folders_are_named_and_the_run_goes_on(shared_folder: Path) -> None:
    """A file argument inside a folder that cannot be entered raised PermissionError from is_dir."""
    locked = shared_folder / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(article("Harbour locked"), encoding="utf-8")
    (shared_folder / "open").mkdir()
    (shared_folder / "open" / "ok.txt").write_text(article("Harbour open"), encoding="utf-8")
    (shared_folder / "open" / "secret.txt").write_text(article("Harbour secret"), encoding="utf-8")
    (shared_folder / "open" / "secret.txt").chmod(0o000)
    (shared_folder / "open" / "shut").mkdir()
    (shared_folder / "open" / "shut").chmod(0o000)
    locked.chmod(0o000)

    def discover_and_read() -> object:
        from store.parsing import parse_one

        files, failed = collect_files([str(locked / "inside.txt"), str(shared_folder / "open")])
        errors = [
            [parsed.path, parsed.error] for path in files for parsed in parse_one((path, None, None)) if parsed.error
        ]
        return [files, failed, errors]

    returned = as_unprivileged(discover_and_read)
    assert isinstance(returned, list)
    files, failed, errors = returned
    assert [path for path, _ in failed] == [str(locked / "inside.txt"), str(shared_folder / "open" / "shut")]
    assert "permission denied" in failed[0][1]
    assert str(shared_folder / "open" / "ok.txt") in files
    assert errors == [[str(shared_folder / "open" / "secret.txt"), "permission denied"]]


def test_parse_shows_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    """On a strict UTF-8 terminal, printing the name raised UnicodeEncodeError."""
    name = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(name, "wb") as handle:
        handle.write(article("Harbour cafe").encode())
    runs = [
        subprocess.run(
            [sys.executable, "-m", "tui.cli", *argv],
            capture_output=True,
            timeout=60,
            env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
        )
        for argv in (["parse", os.fsdecode(name)], ["parse", "--json", os.fsdecode(name)])
    ]
    assert [done.returncode for done in runs] == [0, 0], [done.stderr for done in runs]
    assert b"caf\\xe9.txt" in runs[0].stdout
    assert json.loads(runs[1].stdout)[0]["path"] == f"{tmp_path}/caf\\xe9.txt"
