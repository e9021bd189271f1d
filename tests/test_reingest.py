"""Re-ingest costs what changed: a file found as it was is not read, a touched one is hashed
but not parsed, a changed one is parsed; an archive made before files were recorded upgrades."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

import store.parsing
from store import Store
from tests.checks import assert_consistent

ARTICLE = "Harbour plan approved in {place}\n\nMay 5, 2021\n\nThe council in {place} voted to expand the harbour.\n"
PLACES = ("Bergen", "Lisbon", "Nairobi")


@pytest.fixture
def spied(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Which files were hashed and which were parsed (a small ingest parses in this process)."""
    calls: dict[str, list[str]] = {"hashed": [], "parsed": []}
    from articles.formats import read_entries

    hash_file = store.parsing.file_digest

    def hashed(path: str) -> str | None:
        calls["hashed"].append(Path(path).name)
        return hash_file(path)

    def parsed(path: str, **options: bool):  # type: ignore[no-untyped-def]
        calls["parsed"].append(Path(path).name)
        return read_entries(path, **options)

    monkeypatch.setattr(store.parsing, "file_digest", hashed)
    monkeypatch.setattr(store.parsing, "read_entries", parsed)
    return calls


def write_folder(folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    files = [folder / f"{place.lower()}.txt" for place in PLACES]
    for path, place in zip(files, PLACES, strict=True):
        path.write_text(ARTICLE.format(place=place), encoding="utf-8")
    return files


def counts(report) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    return report.added, report.updated, report.unchanged, len(report.failed)


def test_unchanged_files_are_not_read_again(tmp_path: Path, spied: dict[str, list[str]]) -> None:
    write_folder(tmp_path / "news")
    with Store.open(tmp_path / "a.db", seed=False) as archive:
        assert counts(archive.ingest([str(tmp_path / "news")])) == (3, 0, 0, 0)
        spied["hashed"].clear()
        spied["parsed"].clear()
        assert counts(archive.ingest([str(tmp_path / "news")])) == (0, 0, 3, 0)
    assert spied == {"hashed": [], "parsed": []}
    assert_consistent(tmp_path / "a.db")


def test_a_touched_file_is_hashed_but_not_parsed(tmp_path: Path, spied: dict[str, list[str]]) -> None:
    files = write_folder(tmp_path / "news")
    with Store.open(tmp_path / "a.db", seed=False) as archive:
        archive.ingest([str(tmp_path / "news")])
        spied["hashed"].clear()
        spied["parsed"].clear()
        os.utime(files[1], ns=(10**18, 10**18))
        assert counts(archive.ingest([str(tmp_path / "news")])) == (0, 0, 3, 0)
        assert spied == {"hashed": ["lisbon.txt"], "parsed": []}
        spied["hashed"].clear()
        assert counts(archive.ingest([str(tmp_path / "news")])) == (0, 0, 3, 0)  # its new time was kept
    assert spied["hashed"] == []


def test_a_changed_file_is_parsed_and_updated_in_place(tmp_path: Path, spied: dict[str, list[str]]) -> None:
    files = write_folder(tmp_path / "news")
    with Store.open(tmp_path / "a.db", seed=False) as archive:
        archive.ingest([str(tmp_path / "news")])
        article_id = archive.search("lisbon").hits[0].id
        archive.mark([article_id], starred=True)
        spied["parsed"].clear()
        files[1].write_text(ARTICLE.format(place="Lisbon") + "\nShips will dock from June.\n", encoding="utf-8")
        assert counts(archive.ingest([str(tmp_path / "news")])) == (0, 1, 2, 0)
        assert spied["parsed"] == ["lisbon.txt"]
        stored = archive.article(article_id)
        assert stored is not None and stored.starred and "June" in stored.article.body_text
    assert_consistent(tmp_path / "a.db")


def test_a_file_with_a_bad_record_is_read_every_time(tmp_path: Path, spied: dict[str, list[str]]) -> None:
    """Its failure is reported again rather than hidden behind a stored size and time."""
    records = tmp_path / "records.jsonl"
    good = '{"title": "Harbour plan approved", "body": "The council in Bergen voted to expand the harbour."}'
    records.write_text(good + "\n" + '{"title": ""}\n', encoding="utf-8")
    with Store.open(tmp_path / "a.db", seed=False) as archive:
        assert counts(archive.ingest([str(records)])) == (1, 0, 0, 1)
        assert counts(archive.ingest([str(records)])) == (0, 0, 1, 1)
    assert spied["hashed"] == ["records.jsonl", "records.jsonl"]


def test_the_same_file_named_another_way_is_not_read_again(
    tmp_path: Path, spied: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_folder(tmp_path / "news")
    with Store.open(tmp_path / "a.db", seed=False) as archive:
        archive.ingest([str(tmp_path / "news")])
        spied["hashed"].clear()
        monkeypatch.chdir(tmp_path)
        assert counts(archive.ingest(["news/"])) == (0, 0, 3, 0)
    assert spied["hashed"] == []


def test_an_archive_from_before_files_were_recorded_upgrades_in_place(
    tmp_path: Path, spied: dict[str, list[str]]
) -> None:
    from sqlite_utils import Database

    from store.schema import migrations

    files = write_folder(tmp_path / "news")
    old = tmp_path / "old.db"
    with Store.open(tmp_path / "new.db", seed=False) as archive:
        archive.ingest([str(path) for path in files])
    database = Database(old)
    migrations.apply(database, stop_before="create_files")
    database.execute(f"PRAGMA user_version = {len(list(migrations.applied(database)))}")
    columns = "id, content_hash, path, title, body, entity_text, words, added_at, updated_at"
    with sqlite3.connect(tmp_path / "new.db") as new:
        rows = new.execute(f"SELECT {columns} FROM articles").fetchall()
        paths = new.execute("SELECT path, article_id FROM paths").fetchall()
    database.conn.executemany(f"INSERT INTO articles ({columns}) VALUES ({', '.join('?' * 9)})", rows)
    database.conn.executemany("INSERT INTO paths (path, article_id) VALUES (?, ?)", paths)
    database.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    database.conn.commit()
    database.close()
    with Store.open(old, seed=False) as archive:
        assert counts(archive.ingest([str(tmp_path / "news")])) == (0, 0, 3, 0)  # read once more, to learn them
        spied["hashed"].clear()
        assert counts(archive.ingest([str(tmp_path / "news")])) == (0, 0, 3, 0)
        assert archive.stats().articles == 3
    assert spied["hashed"] == []
    assert_consistent(old)
