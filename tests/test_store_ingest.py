"""Ingest is idempotent, updates in place keeping reading state, and survives a kill."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from articles.bundled import bundled_files
from store import Store
from tests.checks import assert_consistent, stored_articles

ARTICLE = "Harbour plan approved\n\nMay 5, 2021\n\nThe council in Bergen voted to expand the harbour on {day}.\n"


def copy_seeds(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    copies = []
    for path in bundled_files():
        target = folder / path.name
        target.write_bytes(path.read_bytes())
        copies.append(target)
    return copies


def test_reingesting_the_seeds_changes_nothing(tmp_path: Path) -> None:
    copy_seeds(tmp_path / "seeds")
    with Store.open(tmp_path / "a.db") as store:
        first = store.ingest([str(tmp_path / "seeds")])
        again = store.ingest([str(tmp_path / "seeds")])
        assert (first.added, first.updated, first.unchanged) == (5, 0, 0)
        assert (again.added, again.updated, again.unchanged) == (0, 0, 5)
        assert store.stats().articles == 5


def test_editing_a_file_updates_its_article_and_keeps_its_star(tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path / "seeds")
    with Store.open(tmp_path / "a.db") as store:
        store.ingest([str(path) for path in seeds])
        article_id = store.search("title:rejoins").hits[0].id
        store.mark([article_id], starred=True)
        seeds[0].write_text(seeds[0].read_text(encoding="utf-8").replace("Hasakah", "Hasaka"), encoding="utf-8")
        report = store.ingest([str(seeds[0])])
        assert (report.added, report.updated, report.unchanged) == (0, 1, 0)
        stored = store.article(article_id)
        assert stored is not None and stored.starred and "Hasaka " in stored.article.body_text
        assert store.search("hasaka").hits[0].id == article_id
        assert store.stats().articles == 5
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert_consistent(tmp_path / "a.db")


def test_an_article_added_and_changed_in_one_batch_is_indexed_once(tmp_path: Path) -> None:
    """New articles are indexed when their batch is written; changing one before that must
    not take text out of the index that was never put in."""
    from articles import parse_text
    from store.batches import write_batch
    from store.models import IngestReport
    from store.parsing import Parsed
    from store.writer import Writer

    database = tmp_path / "batch.db"
    versions = [ARTICLE.format(day=day) for day in ("Monday", "Friday")]
    parsed = [Parsed.of("a.txt", f"hash-{n}", parse_text(text)) for n, text in enumerate(versions)]
    report = IngestReport()
    with Store.open(database, seed=False) as store:
        write_batch(store.db, Writer(store.db.conn), parsed, report)
        assert (report.added, report.updated) == (1, 1)
        assert store.search("friday").total == 1 and store.search("monday").total == 0
    assert_consistent(database)


def test_identical_content_at_two_paths_is_one_article(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    first = write("a/one.txt", ARTICLE.format(day="Monday"))
    second = write("b/two.txt", ARTICLE.format(day="Monday"))
    with Store.open(tmp_path / "a.db") as store:
        report = store.ingest([str(first), str(second)])
        assert (report.added, report.unchanged) == (1, 1)


def test_folders_globs_and_failures(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    write("in/one.txt", ARTICLE.format(day="Monday"))
    write("in/deep/two.md", ARTICLE.format(day="Tuesday"))
    write("in/empty.txt", "")
    write("in/image.png", b"\x89PNG\r\n\x1a\n" + bytes(64))
    write("other/three.txt", ARTICLE.format(day="Friday"))
    write("in/.git/objects/ab", b"x\x9c\x01\x02")
    write("in/.notes.txt", ARTICLE.format(day="Sunday"))
    with Store.open(tmp_path / "a.db") as store:
        report = store.ingest([str(tmp_path / "in"), str(tmp_path / "other" / "*.txt"), str(tmp_path / "missing")])
    assert report.added == 3
    reasons = dict(report.failed)
    assert reasons[str(tmp_path / "in" / "empty.txt")] == "empty file"
    assert "binary" in reasons[str(tmp_path / "in" / "image.png")]
    assert "no such file" in reasons[str(tmp_path / "missing")]
    assert len(reasons) == 3  # hidden files and folders are not read


def test_a_folder_is_read_in_path_order(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    from discover import collect_files

    for name in ("b.txt", "a.txt", "a/x/1.txt", "a/2.txt", "a.d/3.txt"):
        write(f"in/{name}", ARTICLE.format(day=name))
    (tmp_path / "in" / "link").symlink_to(tmp_path / "in" / "a")
    files, failed = collect_files([str(tmp_path / "in")])
    names = [str(Path(file).relative_to(tmp_path / "in")) for file in files]
    assert names == ["a/2.txt", "a/x/1.txt", "a.d/3.txt", "a.txt", "b.txt"] and failed == []


def test_entities_are_one_per_real_thing_across_the_archive(seeded) -> None:  # type: ignore[no-untyped-def]
    store, _ = seeded
    names = {item.name for item in store.entities(limit=100)}
    assert {"Turkey", "Recep Tayyip Erdogan", "Turkish Defence Ministry"} <= names
    assert not names & {"Türkiye", "Turkiye", "Tayyip Erdogan", "Erdogan", "Turkish Defense Ministry"}


def _harbour_votes(write, folder: str, lines: list[str], first: int = 0) -> None:  # type: ignore[no-untyped-def]
    for number, line in enumerate(lines, start=first):
        write(f"{folder}/{number}.txt", f"Harbour vote {number}\n\nMay {number + 1}, 2021\n\n{line}\n")


def test_a_surname_alone_joins_the_full_name_the_archive_supports(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    """Before the full name is named, the surname is its own entity; once the archive names the
    full name enough, the surname's articles (earlier ones too) and later ones of the next ingest
    join it."""
    _harbour_votes(
        write,
        "in",
        [
            "Kowalczyk said the harbour plan in Bergen would go ahead.",
            "Council leader Marta Kowalczyk said the harbour plan in Bergen would go ahead.",
            "Marta Kowalczyk said the vote in Bergen was close.",
            "Kowalczyk said the vote in Bergen was close.",
        ],
    )
    with Store.open(tmp_path / "n.db", seed=False) as store:
        store.ingest([str(tmp_path / "in")], workers=1)
        _harbour_votes(write, "more", ["Kowalczyk said work in Bergen starts soon."], first=4)
        store.ingest([str(tmp_path / "more")], workers=1)
        people = [(item.name, item.articles) for item in store.entities(kind="person")]
        places = [(item.name, item.articles) for item in store.entities(kind="place")]
    assert people == [("Marta Kowalczyk", 5)] and places == [("Bergen", 5)]
    assert_consistent(tmp_path / "n.db")


def test_a_full_name_named_once_does_not_capture_a_surname(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    lines = ["Kowalczyk said the plan would go ahead.", "Marta Kowalczyk said so too.", "Kowalczyk said no more."]
    _harbour_votes(write, "in", lines)
    with Store.open(tmp_path / "n.db", seed=False) as store:
        store.ingest([str(tmp_path / "in")], workers=1)
        people = [(item.name, item.articles) for item in store.entities(kind="person")]
    assert people == [("Kowalczyk", 2), ("Marta Kowalczyk", 1)]


def test_a_killed_ingest_leaves_the_database_consistent(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for index in range(3000):
        (folder / f"{index:05}.txt").write_text(
            f"Story {index}\n\nMarch 3, 2021\n\nThe mayor of Town{index} met Anna Berg in Oslo about plan {index}.\n",
            encoding="utf-8",
        )
    database = tmp_path / "killed.db"
    command = [sys.executable, "-m", "tui.cli", "ingest", str(folder), "--db", str(database), "--workers", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not _has_articles(database):
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        indexed = connection.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        assert 0 < articles < 3000 and articles % 500 == 0 and indexed == articles
    with Store.open(database) as store:
        report = store.ingest([str(folder)], workers=1)
        assert report.unchanged == articles and report.added == 3000 - articles
        assert store.search("oslo").total == 3000
    assert_consistent(database)


def _has_articles(database: Path) -> bool:
    return stored_articles(database) > 0


def test_the_default_database_imports_the_bundled_corpus_once(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSDESK_DB", str(tmp_path / "default.db"))
    with Store.open() as store:
        assert store.stats().articles == 5
        store.db.execute("DELETE FROM article_entities")
        store.db.execute("DELETE FROM paths")
        store.db.execute("DELETE FROM articles")
    with Store.open() as store:
        assert store.stats().articles == 0


def test_an_acronym_named_first_joins_its_full_name_at_the_end_of_the_ingest(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    lines = [
        "The NFPA said the quotas in Bergen would hold.",
        "The Nordic Fisheries Protection Agency said the quotas in Bergen would hold.",
        "The Nordic Fisheries Protection Agency said so again in Bergen.",
    ]
    _harbour_votes(write, "in", lines)
    with Store.open(tmp_path / "n.db", seed=False) as store:
        store.ingest([str(tmp_path / "in")], workers=1)
        orgs = [(item.name, item.articles) for item in store.entities(kind="organization")]
        found = store.search('org:"Nordic Fisheries Protection Agency"', limit=10)
    assert orgs == [("Nordic Fisheries Protection Agency", 3)] and found.total == 3
    assert_consistent(tmp_path / "n.db")


def test_a_batch_whose_commit_returns_into_ctrl_c_is_counted_as_kept(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The batch is visible to readers before its commit returns (the checkpoint after it can
    take a while): a Ctrl+C that lands then must still count it as kept."""
    import pytest

    from store.errors import IngestInterrupted

    with Store.open(tmp_path / "a.db", seed=False) as opened:
        commit = opened.db.commit

        def commit_then_ctrl_c() -> None:
            commit()
            raise KeyboardInterrupt

        monkeypatch.setattr(opened.db, "commit", commit_then_ctrl_c)
        with pytest.raises(IngestInterrupted) as stopped:
            opened.ingest([str(path) for path in bundled_files()])
        stored = opened.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert stored == stopped.value.report.added == len(bundled_files())
    assert f"{stored:,} articles kept" in str(stopped.value)
