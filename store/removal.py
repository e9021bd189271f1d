"""Removing articles: their rows, index entries, links, paths, reading state, feed items and
story memberships, and every entity no article names any more. The caller holds the ingest lock (an ingest's
entity registry must not link to an entity removed under it) and a write transaction."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from sqlite3 import Connection

_BY_ARTICLE = ("article_entities", "paths", "reading_state", "feed_items")
REMOVALS_KEY = "removals"
WRITES_KEY = "article_writes"  # batches that added or updated articles (store/batches.py)
CHANGE_KEYS = [WRITES_KEY, REMOVALS_KEY]


def removal_count(conn: Connection) -> str:
    """How many removals the archive has seen (each rm and prune adds one): a writer whose
    entities were read before the last one reads them again."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (REMOVALS_KEY,)).fetchone()
    return str(row[0]) if row else "0"


def remove_articles(conn: Connection, ids: Iterable[int]) -> list[int]:
    """Remove the articles with these ids; returns the ids that named articles."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS removing (id INTEGER PRIMARY KEY)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS touched (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM removing")
    conn.execute("DELETE FROM touched")
    conn.executemany(
        "INSERT OR IGNORE INTO removing (id) SELECT id FROM articles WHERE id = ?", ((int(i),) for i in ids)
    )
    removed = [row[0] for row in conn.execute("SELECT id FROM removing")]
    if not removed:
        return []
    conn.execute(
        "INSERT OR IGNORE INTO touched (id) SELECT entity_id FROM article_entities "
        "WHERE article_id IN (SELECT id FROM removing)"
    )
    _leave_stories(conn, removed)
    for table in _BY_ARTICLE:
        conn.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM removing)")
    conn.execute("DELETE FROM articles WHERE id IN (SELECT id FROM removing)")  # its trigger unindexes them
    _recount_entities(conn)
    count_change(conn, REMOVALS_KEY)
    return removed


def _leave_stories(conn: Connection, removed: list[int]) -> None:
    """The removed articles leave their stories (a story's count is what lists it)."""
    from store.stories import StoryAssigner

    stories = StoryAssigner(conn)
    for article_id in removed:
        stories.leave(article_id)


def count_change(conn: Connection, key: str) -> None:
    """One more change of this kind (a reader that saw the last count knows to look again)."""
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, '1') "
        "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
        (key,),
    )


def _recount_entities(conn: Connection) -> None:
    """The entities the removed articles named: counted again, and removed when none is left."""
    conn.execute(
        "UPDATE entities SET articles = (SELECT count(*) FROM article_entities WHERE entity_id = entities.id) "
        "WHERE id IN (SELECT id FROM touched)"
    )
    conn.execute("DELETE FROM touched WHERE id IN (SELECT id FROM entities WHERE articles > 0)")
    for table in ("entity_keys", "entity_words", "entity_aliases"):
        conn.execute(f"DELETE FROM {table} WHERE entity_id IN (SELECT id FROM touched)")
    conn.execute("DELETE FROM entities WHERE id IN (SELECT id FROM touched)")


def prune_scopes(targets: Sequence[str]) -> list[str]:
    """Where `ingest --prune` looks for files that are gone: under each folder or file named.
    A pattern is refused: what it matched before cannot be told from what it matches now."""
    import glob

    from store.changes import file_key
    from store.errors import StoreError

    patterns = [target for target in targets if glob.has_magic(target)]
    if patterns:
        raise StoreError(f"--prune takes files and folders, not patterns like {patterns[0]!r}")
    return [file_key(target) for target in targets]


def prune_files(conn: Connection, scopes: Sequence[str], present: set[str]) -> int:
    """Forget the files under `scopes` (absolute paths, as the files table names them) that are
    neither `present` (found by the ingest) nor on disk; remove the articles that only they
    held (an article also at a file still there keeps that path). Returns how many."""
    gone: list[int] = []
    for scope in scopes:
        prefix = scope if scope.endswith("/") else scope + "/"
        rows = conn.execute(
            "SELECT id, path FROM files WHERE path = ? OR (path >= ? AND path < ?)",
            (scope, prefix, prefix[:-1] + "0"),
        )
        gone += [file_id for file_id, path in rows if path not in present and not os.path.lexists(path)]
    if not gone:
        return 0
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS gone_files (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM gone_files")
    conn.executemany("INSERT OR IGNORE INTO gone_files (id) VALUES (?)", ((file_id,) for file_id in gone))
    held = [
        row[0]
        for row in conn.execute("SELECT DISTINCT article_id FROM paths WHERE file_id IN (SELECT id FROM gone_files)")
    ]
    conn.execute("DELETE FROM paths WHERE file_id IN (SELECT id FROM gone_files)")
    conn.execute("DELETE FROM files WHERE id IN (SELECT id FROM gone_files)")
    left = {article_id: _first_path(conn, article_id) for article_id in held}
    conn.executemany(
        "UPDATE articles SET path = ? WHERE id = ?", [(path, article_id) for article_id, path in left.items() if path]
    )
    return len(remove_articles(conn, [article_id for article_id, path in left.items() if path is None]))


def _first_path(conn: Connection, article_id: int) -> str | None:
    row = conn.execute("SELECT min(path) FROM paths WHERE article_id = ?", (article_id,)).fetchone()
    return str(row[0]) if row[0] is not None else None
