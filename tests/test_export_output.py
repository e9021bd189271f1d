"""`export -o`: the query is checked before any file is touched, the output appears whole or
not at all, an earlier export survives a failed one, and the archive itself is never the
output. Every failure is one line."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from articles.bundled import bundled_files
from store import Store, StoreError
from tests.checks import assert_consistent
from tui.cli import main


@pytest.fixture
def database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "archive.db"
    assert main(["ingest", *map(str, bundled_files()), "--db", str(path), "--json"]) == 0
    capsys.readouterr()
    return path


def _export(capsys: pytest.CaptureFixture[str], database: Path, *argv: str) -> tuple[int, str]:
    code = main(["export", *argv, "--db", str(database)])
    return code, capsys.readouterr().err


def _one_line_error(err: str) -> bool:
    return err.startswith("error: ") and err.count("\n") == 1


@pytest.mark.parametrize("alias", ["same", "symlink", "hardlink", "relative"])
def test_export_onto_the_archive_is_refused_and_the_archive_kept(
    database: Path, capsys: pytest.CaptureFixture[str], alias: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = {"same": database, "symlink": database.with_name("link.db"), "hardlink": database.with_name("hard.db"),
              "relative": Path("archive.db")}[alias]  # fmt: skip
    if alias == "symlink":
        target.symlink_to(database)
    elif alias == "hardlink":
        os.link(database, target)
    monkeypatch.chdir(database.parent)
    before = database.read_bytes()
    code, err = _export(capsys, database, "--format", "jsonl", "-o", str(target))
    assert code == 2 and _one_line_error(err) and "archive" in err
    assert database.read_bytes() == before
    with Store.open(database, create=False) as store:
        assert store.stats().articles == 5
    assert_consistent(database)


def test_a_bad_query_leaves_an_earlier_export_untouched(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = database.with_name("out.jsonl")
    assert _export(capsys, database, "-o", str(out))[0] == 0
    earlier = out.read_bytes()
    code, err = _export(capsys, database, "(idlib", "-o", str(out))
    assert code == 2 and _one_line_error(err)
    assert out.read_bytes() == earlier


def test_a_failure_part_way_leaves_no_partial_file(
    database: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = database.with_name("out.jsonl")
    assert _export(capsys, database, "-o", str(out))[0] == 0
    earlier = out.read_bytes()
    whole = Store.export

    def fail_after_two(self: Store, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        for number, stored in enumerate(whole(self, *args, **kwargs)):  # type: ignore[arg-type]
            if number == 2:
                raise StoreError("the disk went away")
            yield stored

    monkeypatch.setattr(Store, "export", fail_after_two)
    code, err = _export(capsys, database, "-o", str(out))
    assert code == 2 and _one_line_error(err)
    assert out.read_bytes() == earlier
    assert sorted(path.name for path in out.parent.iterdir()) == ["archive.db", "out.jsonl"]


def test_an_export_replaces_the_target_whole_keeping_its_link_and_mode(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = database.with_name("real.md")
    real.write_text("old")
    real.chmod(0o640)
    link = database.with_name("link.md")
    link.symlink_to(real)
    assert _export(capsys, database, "--format", "markdown", "-o", str(link))[0] == 0
    assert link.is_symlink() and real.read_text().count("\n# ") + real.read_text().startswith("# ") == 5
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    fresh = database.with_name("fresh.csv")
    assert _export(capsys, database, "--format", "csv", "-o", str(fresh))[0] == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask


@pytest.mark.parametrize("where", ["missing-folder", "directory", "/dev/full"])
def test_an_output_that_cannot_be_written_is_one_line(
    database: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    target = {"missing-folder": database.with_name("no") / "such" / "out.json", "directory": database.parent,
              "/dev/full": Path("/dev/full")}[where]  # fmt: skip
    if where == "/dev/full" and not target.exists():
        pytest.skip("no /dev/full here")
    code, err = _export(capsys, database, "--format", "json", "-o", str(target))
    assert code == 2 and _one_line_error(err), err
    assert not database.with_name("no").exists()
    assert sorted(path.name for path in database.parent.iterdir()) == ["archive.db"]


def test_export_to_a_full_standard_output_is_one_line(database: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "tui.cli", "export", "--format", "jsonl", "--db", str(database)],
            stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
        )  # fmt: skip
    assert done.returncode == 2 and _one_line_error(done.stderr), done.stderr


@pytest.mark.skipif(sys.platform != "linux" or shutil.which("unshare") is None, reason="needs Linux mount namespaces")
def test_export_onto_a_read_only_filesystem_is_one_line(database: Path, tmp_path: Path) -> None:
    mount = tmp_path / "ro"
    mount.mkdir()
    script = (
        f"mount -t tmpfs -o ro tmpfs {mount} && "
        f"{sys.executable} -m tui.cli export --format jsonl -o {mount}/out.jsonl --db {database}"
    )
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=120)
    if "mount" in done.stderr and "permission" in done.stderr.lower():
        pytest.skip("mounting needs privileges here")
    assert done.returncode == 2 and _one_line_error(done.stderr), done.stderr
    assert "read-only" in done.stderr.lower()
