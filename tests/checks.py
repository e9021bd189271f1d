"""Checks several tests make of a database after writing to it."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def assert_consistent(database: Path) -> None:
    """Integrity, foreign keys (ingest writes without per-row key checks), entity counts, and
    a search index that holds exactly the stored articles (ingest indexes them per batch)."""
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # raises "database disk image is malformed" when the index and the articles differ
        connection.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        miscounted = connection.execute(
            "SELECT e.id FROM entities e LEFT JOIN "
            "(SELECT entity_id, count(*) AS n FROM article_entities GROUP BY entity_id) l ON l.entity_id = e.id "
            "WHERE e.articles != coalesce(l.n, 0)"
        ).fetchall()
        assert miscounted == []
