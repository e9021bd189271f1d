"""Which archives newsdesk opens, creates or refuses: nothing is created in a folder that does
not exist or by a read command; a read-only archive can be read; a newer one is refused."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from articles.bundled import bundled_files
from store import Store, StoreError
from tests.checks import as_unprivileged
from tui.cli import main

SEEDS = [str(path) for path in bundled_files()]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("archive") / "seeds.db"
    with Store.open(path) as store:
        store.ingest(SEEDS)
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "turkey"],
        ["show", "1"],
        ["entities"],
        ["mark", "1", "--read"],
        ["export", "--format", "json"],
        ["stats"],
        ["ingest", SEEDS[0]],
        ["tui"],
    ],
)
def test_a_db_in_a_missing_folder_is_an_error_and_nothing_is_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    assert main([*argv, "--db", str(missing / "x.db")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "does not exist" in err
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("argv", [["search", "turkey"], ["show", "1"], ["entities"], ["stats"], ["export"]])
def test_read_commands_never_create_an_archive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert main([*argv, "--db", str(tmp_path / "new.db")]) == 2
    assert "no newsdesk archive" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_ingest_creates_an_archive_in_a_folder_that_exists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", SEEDS[0], "--db", str(tmp_path / "new.db")]) == 0
    assert (tmp_path / "new.db").stat().st_size > 0


def _read_everything(database: str) -> object:
    with Store.open(database, seed=False, create=False) as store:
        found = store.search("turkey").total
        first = store.article(store.search("").hits[0].id)
        exported = len(list(store.export("")))
        try:
            store.mark([1], starred=True)
            marked = "written"
        except StoreError as error:
            marked = error.message
        return [found, first is not None, exported, store.stats().articles, marked]


def _listed(returned: object) -> list[Any]:
    """What a child returned through JSON: a list."""
    assert isinstance(returned, list)
    return returned


def test_a_read_only_archive_file_can_be_read(archive: Path, shared_folder: Path) -> None:
    copy = shared_folder / "read-only.db"
    shutil.copy(archive, copy)
    copy.chmod(0o444)
    found, opened, exported, count, marked = _listed(as_unprivileged(lambda: _read_everything(str(copy))))
    assert found > 0 and opened and exported == count == 5
    assert "read-only" in marked


def test_an_archive_in_a_read_only_folder_can_be_read(archive: Path, shared_folder: Path) -> None:
    """Without its -wal and -shm files and no right to make them, SQLite cannot open a WAL archive."""
    folder = shared_folder / "locked"
    folder.mkdir()
    shutil.copy(archive, folder / "seeds.db")
    folder.chmod(0o555)
    found, opened, exported, count, marked = _listed(
        as_unprivileged(lambda: _read_everything(str(folder / "seeds.db")))
    )
    assert found > 0 and opened and exported == count == 5
    assert "read-only" in marked


@pytest.mark.skipif(sys.platform != "linux" or shutil.which("unshare") is None, reason="needs Linux mount namespaces")
def test_read_commands_work_on_a_read_only_filesystem(archive: Path, tmp_path: Path) -> None:
    mount = tmp_path / "ro"
    mount.mkdir()
    cli = f"{sys.executable} -m tui.cli"
    script = (
        f"mount -t tmpfs tmpfs {mount} && cp {archive} {mount}/a.db && mount -o remount,ro {mount} && "
        f"{cli} search turkey --db {mount}/a.db && {cli} show 1 --db {mount}/a.db && {cli} stats --db {mount}/a.db; "
        f"{cli} mark 1 --star --db {mount}/a.db"
    )
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=120)
    if "mount" in done.stderr and "permission" in done.stderr.lower():
        pytest.skip("mounting needs privileges here")
    assert "matching article" in done.stdout and "articles  5" in done.stdout, done.stderr
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "read-only" in done.stderr


def test_an_archive_from_a_newer_newsdesk_is_refused_untouched(archive: Path, tmp_path: Path) -> None:
    for change in ("PRAGMA user_version = 999", "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                   "VALUES ('newsdesk', 'from_the_future', '2099-01-01')"):  # fmt: skip
        copy = tmp_path / "newer.db"
        shutil.copy(archive, copy)
        with sqlite3.connect(copy) as connection:
            connection.execute(change)
        connection.close()
        before = copy.read_bytes()
        with pytest.raises(StoreError, match="upgrade newsdesk"):
            Store.open(copy)
        assert copy.read_bytes() == before


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE bookmarks (url TEXT)")
    connection.close()
    before = other.read_bytes()
    with pytest.raises(StoreError, match="not a newsdesk archive"):
        Store.open(other)
    assert other.read_bytes() == before
