"""Taking articles out so that they can be put back (the app's undo of a removal): what an
article was, read before it is removed, and written again through the ingest's writer, which
links its entities as an ingest does (an entity removed with it is made again)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from articles import Entity
from store.parsing import COLUMNS
from store.reading import read_article

_SELECT = f"SELECT {', '.join(COLUMNS)}, added_at FROM articles WHERE id = ?"


@dataclass(frozen=True)
class RemovedArticle:
    """An article as it was stored: its columns, entities, paths, reading state and feed items."""

    id: int
    columns: tuple[object, ...]
    added_at: str
    entities: tuple[Entity, ...]
    paths: tuple[tuple[str, int | None], ...]
    reading: tuple[int, int, str | None] | None
    feed_items: tuple[tuple[int, str, str, int], ...]


def snapshot(db: Database, article_id: int) -> RemovedArticle | None:
    """What `restore` needs to put the article back (read in the removal's transaction)."""
    row = db.execute(_SELECT, (article_id,)).fetchone()
    stored = read_article(db.conn, article_id)
    if row is None or stored is None:
        return None
    one = db.execute
    reading = one("SELECT read, starred, last_opened FROM reading_state WHERE article_id = ?", (article_id,)).fetchone()
    return RemovedArticle(
        article_id,
        tuple(row[:-1]),
        str(row[-1]),
        stored.article.entities,
        tuple(one("SELECT path, file_id FROM paths WHERE article_id = ? ORDER BY path", (article_id,)).fetchall()),
        tuple(reading) if reading is not None else None,
        tuple(
            one(
                "SELECT feed_id, key, fingerprint, full_text FROM feed_items WHERE article_id = ?", (article_id,)
            ).fetchall()
        ),
    )


def take_out(db: Database, ids: Sequence[int]) -> list[RemovedArticle]:
    """Remove the articles, returning what `restore` needs to put them back (inside the
    removal's write transaction)."""
    from store.removal import remove_articles

    kept = [item for item in (snapshot(db, article_id) for article_id in ids) if item is not None]
    remove_articles(db.conn, [item.id for item in kept])
    return kept


def restore(db: Database, removed: Sequence[RemovedArticle]) -> list[int]:
    """Write the articles again; returns their new ids, in order. The caller holds the ingest lock."""
    from articles.entities.record import record_of
    from store.batches import finish, write_batch
    from store.db import immediate
    from store.models import IngestReport
    from store.parsing import Parsed
    from store.writer import Writer

    writer = Writer(db.conn)
    parsed = [
        Parsed(str(item.columns[1] or item.paths[0][0]), str(item.columns[0]), item.columns, _records(item, record_of))
        for item in removed
    ]
    write_batch(db, writer, parsed, IngestReport())
    finish(db, writer)
    with immediate(db):
        return [_put_back(db, item) for item in removed]


def _records(item: RemovedArticle, record_of):  # type: ignore[no-untyped-def]
    return tuple(record_of(entity) for entity in item.entities)


def _put_back(db: Database, item: RemovedArticle) -> int:
    """The article's paths (with their files, if still known), reading state and feed items."""
    article_id = int(db.execute("SELECT id FROM articles WHERE content_hash = ?", (item.columns[0],)).fetchone()[0])
    db.execute("UPDATE articles SET added_at = ? WHERE id = ?", (item.added_at, article_id))
    for path, file_id in item.paths:
        known = file_id is not None and db.execute("SELECT 1 FROM files WHERE id = ?", (file_id,)).fetchone()
        db.execute(
            "INSERT INTO paths (path, article_id, file_id) VALUES (?, ?, ?) ON CONFLICT (path) DO UPDATE "
            "SET article_id = excluded.article_id, file_id = excluded.file_id",
            (path, article_id, file_id if known else None),
        )
    if item.reading is not None:
        db.execute(
            "INSERT OR REPLACE INTO reading_state (article_id, read, starred, last_opened) VALUES (?, ?, ?, ?)",
            (article_id, *item.reading),
        )
    db.conn.executemany(
        "INSERT OR IGNORE INTO feed_items (feed_id, key, fingerprint, article_id, full_text) "
        "SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM feeds WHERE id = ?)",
        [(feed_id, key, fingerprint, article_id, full, feed_id) for feed_id, key, fingerprint, full in item.feed_items],
    )
    return article_id
