"""Checks several tests make of a database after writing to it."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
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


def stored_articles(database: Path) -> int:
    """How many articles another process has committed so far (0 while there is no archive)."""
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=0.1) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def as_unprivileged(work: Callable[[], object]) -> object:
    """Run `work` where file permissions hold: as root, in a child that drops to 'nobody'.
    What it returns comes back through JSON."""
    if os.geteuid() != 0:
        return json.loads(json.dumps(work()))
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            os.setgid(65534)
            os.setuid(65534)
            result = {"returned": work()}
        except BaseException as error:  # the parent reports it
            result = {"raised": f"{error.__class__.__name__}: {error}"}
        os.write(write, json.dumps(result).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as handle:
        data = handle.read()
    os.waitpid(pid, 0)
    outcome = json.loads(data)
    assert "raised" not in outcome, outcome["raised"]
    return outcome["returned"]
