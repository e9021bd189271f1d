"""Removing articles (rm by id, rm --query, ingest --prune) leaves an archive that SQLite and
FTS5 find intact, entity counts that match the links, and no entity that no article names."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from store import Store
from tests.checks import assert_consistent
from tests.terminal import run_in_pty
from tui.cli import main

ARTICLE = (
    "{title}\n\nMay 5, 2021\n\nThe council in {place} voted on Tuesday. Maria Lindqvist of Harbour Bank said {rest}\n"
)


def only_theirs(database: Path, ids: list[int]) -> set[int]:
    """The entities that these articles, and no other, name."""
    marks = ", ".join("?" * len(ids))
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            f"SELECT entity_id FROM article_entities GROUP BY entity_id HAVING sum(article_id NOT IN ({marks})) = 0",
            ids,
        )
        return {row[0] for row in rows}


def assert_gone(database: Path, entity_ids: set[int]) -> None:
    marks = ", ".join("?" * len(entity_ids))
    with sqlite3.connect(database) as connection:
        for table, column in [("entities", "id"), ("entity_keys", "entity_id"), ("entity_words", "entity_id")]:
            left = connection.execute(f"SELECT count(*) FROM {table} WHERE {column} IN ({marks})", list(entity_ids))
            assert left.fetchone()[0] == 0, table
        aliases = connection.execute(
            f"SELECT count(*) FROM entity_aliases WHERE entity_id IN ({marks})", list(entity_ids)
        )
        assert aliases.fetchone()[0] == 0


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_rm_by_id_removes_the_article_its_index_rows_and_entities_only_it_named(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store, ids = seeded
    database = tmp_path / "seeded.db"
    victim = next(iter(ids.values()))
    stored = store.article(victim)
    assert stored is not None
    word = stored.article.title.split()[-1]
    lonely = only_theirs(database, [victim])
    shared = {e.name for e in stored.article.entities} - {
        store.db.execute("SELECT name FROM entities WHERE id = ?", (i,)).fetchone()[0] for i in lonely
    }
    store.mark([victim], starred=True)
    before = store.stats()
    assert store.remove([victim, 999_999]) == [victim]
    assert store.article(victim) is None
    assert victim not in [hit.id for hit in store.search(word).hits]
    after = store.stats()
    assert (after.articles, after.starred) == (before.articles - 1, before.starred - 1)
    assert lonely and after.entities == before.entities - len(lonely)
    assert all(store.entities_like(name) for name in shared)
    assert_gone(database, lonely)
    assert_consistent(database)


def test_rm_query_with_yes_removes_every_match(capsys: pytest.CaptureFixture[str], tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    for place, rest in [("Bergen", "prices rose."), ("Lisbon", "prices fell."), ("Osaka", "talks ended.")]:
        write(f"news/{place}.txt", ARTICLE.format(title=f"Vote in {place}", place=place, rest=rest))
    database = tmp_path / "a.db"
    assert main(["ingest", str(tmp_path / "news"), "--db", str(database), "--json"]) == 0
    capsys.readouterr()
    with Store.open(database) as store:
        matched = store.matching_ids("prices")
        lonely = only_theirs(database, matched)
    code, out, _ = run(capsys, "rm", "--query", "prices", "--yes", "--json", "--db", str(database))
    assert (code, json.loads(out)) == (0, {"removed": 2, "missing": 0})
    with Store.open(database) as store:
        assert store.search("").total == 1 and store.search("prices").total == 0
        assert store.entities_like("Harbour Bank")  # still named by the Osaka article
        assert not store.entities_like("Lisbon")
    assert_gone(database, lonely)
    assert_consistent(database)


def test_rm_refuses_without_yes_when_stdin_is_not_a_terminal(
    capsys: pytest.CaptureFixture[str], seeded: tuple[Store, dict[str, int]], tmp_path: Path
) -> None:
    store, ids = seeded
    code, out, err = run(capsys, "rm", *map(str, ids.values()), "--db", str(tmp_path / "seeded.db"))
    assert (code, out) == (2, "")
    assert err == "error: not removing 5 articles without --yes (stdin is not a terminal to ask on)\n"
    assert store.stats().articles == 5


def test_rm_says_which_ids_name_no_article(capsys: pytest.CaptureFixture[str], seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _store, ids = seeded
    code, out, err = run(capsys, "rm", str(min(ids.values())), "900", "--yes", "--db", str(tmp_path / "seeded.db"))
    assert (code, out, err) == (2, "1 article removed\n", "error: no article has id 900\n")
    code, _, err = run(capsys, "rm", "--db", str(tmp_path / "seeded.db"))
    assert code == 2 and "one of the two" in err


def test_rm_asks_on_a_terminal_and_says_how_many(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store, _ids = seeded
    database = str(tmp_path / "seeded.db")
    output = run_in_pty(["-m", "tui.cli", "rm", "--query", "", "--db", database], [b"y\r"], seconds=6)
    assert b"Remove 5 articles? This cannot be undone. [y/N]" in output
    assert b"5 articles removed" in output
    assert store.stats().articles == 0 and store.stats().entities == 0
    assert_consistent(tmp_path / "seeded.db")


def test_prune_removes_the_articles_of_files_that_are_gone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, write: Callable[[str, str | bytes], Path]
) -> None:
    files = [
        write(f"news/{place}.txt", ARTICLE.format(title=f"Vote in {place}", place=place, rest=f"{place} waits."))
        for place in ("Bergen", "Lisbon", "Osaka")
    ]
    copy = write("elsewhere/copy.txt", files[2].read_text(encoding="utf-8"))
    database = tmp_path / "a.db"
    for target in ("news", "elsewhere"):
        assert main(["ingest", str(tmp_path / target), "--db", str(database), "--json"]) == 0
    capsys.readouterr()
    with Store.open(database) as store:
        lonely = only_theirs(database, store.matching_ids("lisbon"))
    files[1].unlink()
    files[2].unlink()  # its article stays: the same text is at elsewhere/copy.txt
    code, out, _ = run(capsys, "ingest", "--prune", str(tmp_path / "news"), "--json", "--db", str(database))
    assert (code, json.loads(out)) == (0, {"added": 0, "updated": 0, "unchanged": 1, "failed": [], "removed": 1})
    with Store.open(database) as store:
        assert store.search("lisbon").total == 0
        (osaka,) = store.search("osaka").hits
        stored = store.article(osaka.id)
        assert stored is not None and stored.path == str(copy)
    assert_gone(database, lonely)
    assert_consistent(database)


def test_prune_of_a_folder_that_is_gone_removes_all_it_held(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, write: Callable[[str, str | bytes], Path]
) -> None:
    import shutil

    write("news/a.txt", ARTICLE.format(title="Vote in Bergen", place="Bergen", rest="fine."))
    database = tmp_path / "a.db"
    assert main(["ingest", str(tmp_path / "news"), "--db", str(database)]) == 0
    shutil.rmtree(tmp_path / "news")
    capsys.readouterr()
    code, out, _ = run(capsys, "ingest", "--prune", str(tmp_path / "news"), "--db", str(database))
    assert (code, out) == (0, "0 added, 0 updated, 0 unchanged, 1 removed, 0 failed\n")
    with Store.open(database) as store:
        assert store.stats().articles == 0 and store.stats().entities == 0
    assert_consistent(database)
    code, _, err = run(capsys, "ingest", "--prune", str(tmp_path / "*.txt"), "--db", str(database))
    assert code == 2 and "not patterns" in err


def test_a_writer_kept_across_a_removal_links_to_no_entity_that_is_gone(tmp_path: Path) -> None:
    """A fetch keeps its writer (and its entities in memory) between batches; an rm between
    two of them removes entities that writer knew."""
    from articles import parse_text
    from store.batches import write_batch
    from store.models import IngestReport
    from store.parsing import Parsed
    from store.writer import Writer

    database = tmp_path / "a.db"
    text = ARTICLE.format(title="Vote in Tbilisi", place="Tbilisi", rest="{}")
    with Store.open(database, seed=False) as store:
        writer = Writer(store.db.conn)
        write_batch(store.db, writer, [Parsed.of("one", "h1", parse_text(text.format("one")))], IngestReport())
        store.remove(store.matching_ids(""))
        assert store.stats().entities == 0
        write_batch(store.db, writer, [Parsed.of("two", "h2", parse_text(text.format("two")))], IngestReport())
        assert store.entities_like("Tbilisi")
    assert_consistent(database)
