"""Checks several tests make of a database after writing to it."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def assert_consistent(database: Path) -> None:
    """Integrity, foreign keys (ingest writes without per-row key checks) and entity counts."""
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        miscounted = connection.execute(
            "SELECT e.id FROM entities e LEFT JOIN "
            "(SELECT entity_id, count(*) AS n FROM article_entities GROUP BY entity_id) l ON l.entity_id = e.id "
            "WHERE e.articles != coalesce(l.n, 0)"
        ).fetchall()
        assert miscounted == []
