"""The wheel that `pip install .` builds holds every file the packages open at run time."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("articles", "discover", "store", "feeds", "tui")


def package_files() -> set[str]:
    """Every file under the packages in the source tree (code and data), as wheel paths."""
    return {
        path.relative_to(ROOT).as_posix()
        for package in PACKAGES
        for path in (ROOT / package).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The names in a wheel built from a clean copy of the tree (a stale build/ folder in the
    checkout would hide a file the package data leaves out), offline, with the pinned backend."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for package in PACKAGES:
        shutil.copytree(ROOT / package, source / package, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    dist = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(dist)]
    built = subprocess.run([*command, str(source)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    (built_wheel,) = dist.glob("newsdesk-*.whl")
    return built_wheel


def test_every_file_under_the_packages_is_in_the_wheel(wheel: Path) -> None:
    expected = package_files()
    assert {"articles/data/known_people.txt", "articles/corpus/000_49297075e834615b.txt", "tui/app.tcss"} <= expected
    with zipfile.ZipFile(wheel) as archive:
        assert sorted(expected - set(archive.namelist())) == []


def test_the_wheel_installs_the_newsdesk_command(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (entry_points,) = (name for name in archive.namelist() if name.endswith(".dist-info/entry_points.txt"))
        assert "newsdesk = tui.cli:entry_point" in archive.read(entry_points).decode()
