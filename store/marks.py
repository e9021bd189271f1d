"""Reading state: read and starred marks, when an article was last opened, and marking a
whole result read (with what it changed, so that it can be undone)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from sqlite_utils import Database

from store.query.compile import Compiled
from store.reading import in_ids, valid_id
from store.search import matching_ids_sql

Mark = Literal["read", "starred"]


def mark(db: Database, ids: Sequence[int], read: bool | None, starred: bool | None) -> list[int]:
    """Set marks; returns the ids that name articles (the others name none)."""
    ids = [article_id for article_id in ids if valid_id(article_id)]
    with db.atomic():
        existing = [row[0] for row in db.execute(in_ids("SELECT id FROM articles WHERE id IN", ids), ids)]
        for article_id in existing:
            db.execute("INSERT OR IGNORE INTO reading_state (article_id) VALUES (?)", (article_id,))
            if read is not None:
                db.execute("UPDATE reading_state SET read = ? WHERE article_id = ?", (int(read), article_id))
            if starred is not None:
                db.execute("UPDATE reading_state SET starred = ? WHERE article_id = ?", (int(starred), article_id))
    return existing


def toggle(db: Database, article_id: int, field: Mark) -> bool:
    """Flip one mark; whether the article exists."""
    column = "starred" if field == "starred" else "read"
    if not valid_id(article_id):
        return False
    with db.atomic():
        if db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            return False
        db.execute("INSERT OR IGNORE INTO reading_state (article_id) VALUES (?)", (article_id,))
        db.execute(f"UPDATE reading_state SET {column} = 1 - {column} WHERE article_id = ?", (article_id,))
    return True


def opened(db: Database, article_id: int) -> None:
    """The reader opened an article: it is read now, and was last opened now."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with db.atomic():
        db.execute(
            "INSERT INTO reading_state (article_id, read, last_opened) VALUES (?, 1, ?) "
            "ON CONFLICT (article_id) DO UPDATE SET read = 1, last_opened = excluded.last_opened",
            (article_id, now),
        )


def mark_all_read(db: Database, compiled: Compiled) -> list[int]:
    """Mark every unread match read; the ids it changed."""
    ids_sql, params = matching_ids_sql(compiled)
    unread_sql = (
        f"SELECT m.id FROM ({ids_sql}) m LEFT JOIN reading_state r ON r.article_id = m.id WHERE coalesce(r.read, 0) = 0"
    )
    with db.atomic():
        ids = [row[0] for row in db.execute(unread_sql, params)]
        db.conn.executemany(
            "INSERT INTO reading_state (article_id, read) VALUES (?, 1) ON CONFLICT (article_id) DO UPDATE SET read = 1",
            [(article_id,) for article_id in ids],
        )
    return ids
