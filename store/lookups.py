"""Small reads by name and by id: entity names for saved filters, titles and entities for the
command palette, and the archive's counts."""

from __future__ import annotations

import os

from sqlite_utils import Database

from articles import EntityType
from articles.entities.normalize import name_key
from store.models import EntityFacet, Stats
from store.reading import bounded, in_ids, valid_id
from store.removal import CHANGE_KEYS
from store.rows import facet, line


def entity_names(db: Database, ids: list[int]) -> dict[int, tuple[str, EntityType]]:
    ids = [entity_id for entity_id in ids if valid_id(entity_id)]
    rows = db.execute(in_ids("SELECT id, name, type FROM entities WHERE id IN", ids), list(ids))
    found = (facet((*row, 0)) for row in rows)
    return {item.id: (item.name, item.type) for item in found if item is not None}


def titles_like(db: Database, text: str, limit: int) -> list[tuple[int, str]]:
    """Articles whose title contains `text`, newest first."""
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = db.execute(
        "SELECT id, title FROM articles WHERE title LIKE ? ESCAPE '\\' "
        "ORDER BY published IS NULL, published DESC LIMIT ?",
        (pattern, bounded(limit)),
    )
    return [(row[0], line(row[1])) for row in rows]


def entities_like(db: Database, text: str, limit: int) -> list[EntityFacet]:
    """Entities whose name starts a word with `text`, most articles first."""
    key = name_key(text)
    if not key:
        return []
    rows = db.execute(
        """SELECT DISTINCT e.id, e.name, e.type, e.articles FROM entity_words w JOIN entities e ON e.id = w.entity_id
           WHERE w.word >= ? AND w.word < ? AND e.articles > 0 ORDER BY e.articles DESC LIMIT ?""",
        (key.split()[0], key.split()[0] + "\uffff", bounded(limit)),
    )
    return [item for item in map(facet, rows) if item is not None]


def stats(db: Database, path: str) -> Stats:
    one = db.execute
    articles = one("SELECT count(*) FROM articles").fetchone()[0]
    entities = one("SELECT count(*) FROM entities WHERE articles > 0").fetchone()[0]
    undated = one("SELECT count(*) FROM articles WHERE published IS NULL").fetchone()[0]
    read = one("SELECT count(*) FROM reading_state WHERE read = 1").fetchone()[0]
    starred = one("SELECT count(*) FROM reading_state WHERE starred = 1").fetchone()[0]
    size = sum(_size(path + suffix) for suffix in ("", "-wal", "-shm")) if path != ":memory:" else 0
    return Stats(articles, entities, undated, read, starred, size, path)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def existing(db: Database, ids: list[int]) -> list[int]:
    """Which of these ids name articles."""
    return [row[0] for row in db.execute(in_ids("SELECT id FROM articles WHERE id IN", ids), ids)]


def change_marks(db: Database) -> tuple[str, ...]:
    rows = dict(db.execute("SELECT key, value FROM meta WHERE key IN (?, ?)", CHANGE_KEYS))
    return tuple(str(rows.get(key, "0")) for key in CHANGE_KEYS)
