"""Several processes on one archive: ingests are serialised per archive (the second waits and
says so), so two at once leave exactly what one leaves; an export reads one snapshot; the
parsing workers die with their ingest; Ctrl+C stops an ingest cleanly."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.concurrent_ingest import SHARED, differences, entity_view, ingest_command, run_together, write_corpus
from store import Store
from tests.checks import assert_consistent, stored_articles

SIZE = 3000
_GIVEN = ["Anna", "Tomas", "Aisha", "Kenji", "Elena", "David", "Lucia", "Peter", "Hana", "Omar"]
_FAMILY = ["Lindqvist", "Berger", "Rahman", "Sato", "Petrova", "Okafor", "Moreno", "Novak", "Kim", "Haddad"]
_ORGS = ["Northern Fisheries Agency", "Harbour Bank", "Valley Energy Group", "Coastal Rail Company"]
_PLACES = ["Bergen", "Lisbon", "Nairobi", "Osaka", "Quito", "Tbilisi"]


def _generated(folder: Path, count: int) -> None:
    """Stories where people appear by full name and by surname alone, and organisations by
    name and acronym: what makes entities join and rename across batches."""
    rng = random.Random(14)
    folder.mkdir(parents=True)
    for number in range(count):
        given, family = rng.choice(_GIVEN), rng.choice(_FAMILY)
        org = rng.choice(_ORGS)
        acronym = "".join(word[0] for word in org.split())
        who = f"{given} {family}" if rng.random() < 0.5 else f"Mr {family}"
        text = (
            f"Story {number} from {rng.choice(_PLACES)}\n\nMarch {1 + number % 28}, 2021\n\n"
            f"{who} said on Tuesday that the {org} ({acronym}) would expand in {rng.choice(_PLACES)}. "
            f"{family} added that the {acronym} had grown {number % 40} percent.\n"
        )
        (folder / f"{number:05d}.txt").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("concurrent") / "files"
    if (SHARED / "reuters21578.jsonl").exists():
        write_corpus(folder, SIZE)
    else:
        _generated(folder, SIZE)
    return folder


def test_two_ingests_at_once_leave_what_one_leaves(files: Path, tmp_path: Path) -> None:
    """One ingest reads the files forwards, the other backwards, so that (unserialised) their
    batches would interleave all along: each resolved names against an entity view that
    missed the keys and renames the other made, and entities split. Serialised, the archive
    holds what the first alone would have made; the second finds everything unchanged."""
    paths = [str(path) for path in sorted(files.iterdir())]
    orders = {"forward": paths, "backward": paths[::-1]}
    commands = {name: _ingest_files(order, tmp_path / "both.db") for name, order in orders.items()}
    both = run_together(list(commands.values()))
    assert [run.returncode for run in both] == [0, 0], [run.stderr for run in both]
    added = [json.loads(run.stdout)["added"] for run in both]
    assert sorted(added) == [0, len(paths)]
    assert any("waiting for another ingest" in run.stderr for run in both)
    first = list(orders)[added.index(len(paths))]
    (alone,) = run_together([_ingest_files(orders[first], tmp_path / "alone.db")])
    assert alone.returncode == 0
    assert differences(entity_view(tmp_path / "alone.db"), entity_view(tmp_path / "both.db")) == {
        "entities": 0, "keys": 0, "links": 0, "searches": 0,
    }  # fmt: skip
    assert_consistent(tmp_path / "both.db")


def _ingest_files(paths: list[str], database: Path) -> list[str]:
    return [sys.executable, "-m", "tui.cli", "ingest", *paths, "--db", str(database), "--json", "--workers", "1"]


def test_an_export_reads_one_snapshot_while_another_process_writes(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    """Paging with OFFSET over a growing table wrote thousands of duplicate rows."""
    old = [
        write(f"old/{n}.txt", f"Old story {n}\n\nMarch 3, 2001\n\nThe port of Bergen grew {n}.\n") for n in range(600)
    ]
    new = [write(f"new/{n}.txt", f"New story {n}\n\nMarch 3, 2030\n\nThe port of Oslo grew {n}.\n") for n in range(300)]
    database = tmp_path / "live.db"
    with Store.open(database) as reader, Store.open(database) as writer:
        reader.ingest([str(path) for path in old], workers=1)
        exported = reader.export("")
        ids = [next(exported).id for _ in range(250)]
        writer.ingest([str(path) for path in new], workers=1)
        ids += [stored.id for stored in exported]
        assert writer.stats().articles == 900
    assert len(ids) == len(set(ids)) == 600


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc to find the workers")
def test_parsing_workers_die_with_their_ingest(files: Path, tmp_path: Path) -> None:
    ingest = subprocess.Popen(ingest_command(files, tmp_path / "killed.db", workers=2), stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2:
        workers = _children(ingest.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the ingest never started its workers"
    os.kill(ingest.pid, signal.SIGKILL)
    ingest.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(map(_alive, workers)):
        time.sleep(0.1)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert survivors == []


@pytest.mark.parametrize("workers", [1, 2])
def test_ctrl_c_stops_an_ingest_and_says_what_was_kept(files: Path, tmp_path: Path, workers: int) -> None:
    database = tmp_path / "interrupted.db"
    ingest = subprocess.Popen(
        ingest_command(files, database, workers=workers), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not stored_articles(database):
        time.sleep(0.05)
    ingest.send_signal(signal.SIGINT)
    out, err = ingest.communicate(timeout=120)
    kept = stored_articles(database)
    assert ingest.returncode == 130 and out == ""
    assert "Traceback" not in err and err.strip().count("\n") == 0, err
    assert f"{kept:,} articles kept" in err
    assert_consistent(database)


def test_ingesting_again_changes_no_entity(files: Path, tmp_path: Path) -> None:
    """What an ingest's last reconciling moves (a surname's articles to a full name, an acronym
    into its expansion) is itself evidence; an archive loaded afresh weighs it, so a second
    ingest of the same files, which adds nothing, must find nothing more to move or merge:
    otherwise 'two ingests' and 'one ingest' leave different archives."""
    once = tmp_path / "once.db"
    (first,) = run_together([ingest_command(files, once, workers=1)])
    assert first.returncode == 0, first.stderr
    twice = tmp_path / "twice.db"
    twice.write_bytes(once.read_bytes())
    (second,) = run_together([ingest_command(files, twice, workers=1)])
    assert json.loads(second.stdout)["added"] == 0
    assert differences(entity_view(once), entity_view(twice)) == {"entities": 0, "keys": 0, "links": 0, "searches": 0}
    assert_consistent(twice)
