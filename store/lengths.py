"""How long articles are as the search index counts them (tokens of title and body), read from
FTS5's own tables: `articles_fts_docsize` holds each article's tokens per column, the record
with id 1 of `articles_fts_data` the article count and the tokens of each column over all
(both as SQLite varints, the format FTS5 has kept since it first shipped)."""

from __future__ import annotations

import json
import sqlite3

# Columns counted: title and body (the entity text repeats names the body already holds).
COUNTED = 2
_AVERAGES = 1


def varints(blob: bytes) -> list[int]:
    """The SQLite varints packed in `blob`: seven bits a byte, high bit set while more follow,
    and a ninth byte that gives all eight of its bits."""
    values, at = [], 0
    while at < len(blob):
        value = 0
        for place in range(9):
            byte = blob[at]
            at += 1
            if place == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        values.append(value)
    return values


def average_length(conn: sqlite3.Connection) -> float:
    """The archive's mean article length in tokens (0.0 for an empty index)."""
    row = conn.execute("SELECT block FROM articles_fts_data WHERE id = ?", (_AVERAGES,)).fetchone()
    counts = varints(bytes(row[0])) if row and row[0] else []
    if len(counts) < 1 + COUNTED or counts[0] <= 0:
        return 0.0
    return sum(counts[1 : 1 + COUNTED]) / counts[0]


def lengths(conn: sqlite3.Connection, article_ids: list[int]) -> dict[int, int]:
    """Each indexed article's length in tokens (an article not indexed yet is left out)."""
    rows = conn.execute(
        "SELECT id, sz FROM articles_fts_docsize WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(article_ids),),
    )
    return {article_id: sum(varints(bytes(size))[:COUNTED]) for article_id, size in rows}
