"""Timings of the store against the floor: raw SQLite FTS5 on the same data and schema."""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from store import Store
from store.db import open_database
from store.models import SNIPPET_CLOSE, SNIPPET_OPEN


def log(text: str) -> None:
    """A bench's progress, on stderr (its figures go to stdout)."""
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(values: list[float]) -> tuple[float, float]:
    return (statistics.median(values) if values else float("nan")), percentile(values, 0.95)


def ingest(folder: Path, database: Path) -> tuple[float, int]:
    """End to end: decode, parse, entities, index; returns (seconds, articles stored)."""
    start = time.perf_counter()
    with Store.open(database) as store:
        report = store.ingest([str(folder)])
    return time.perf_counter() - start, report.added


def ingest_floor(files: list[Path], database: Path) -> float:
    """The same texts into the same schema and FTS5 index, with no parsing at all: the rows
    in one go, then the index in one statement, as the store's writer indexes each batch."""
    now = dt.datetime.now(dt.UTC).isoformat()
    start = time.perf_counter()
    db = open_database(database)
    rows = []
    for number, path in enumerate(files):
        text = path.read_text(encoding="utf-8")
        title, _, body = text.partition("\n")
        rows.append((str(number), title, body, now, now))
    db.execute("BEGIN")
    db.conn.executemany(
        "INSERT INTO articles (content_hash, title, body, added_at, updated_at) VALUES (?, ?, ?, ?, ?)", rows
    )
    db.execute(
        "INSERT INTO articles_fts (rowid, title, body, entity_text) SELECT id, title, body, entity_text FROM articles"
    )
    db.execute("COMMIT")
    db.close()
    return time.perf_counter() - start


def search_times(database: Path, queries: list[str]) -> tuple[list[float], list[float], list[float]]:
    """Milliseconds per query: through the store (rank order, 50 results), facets, and the floor.
    A first pass warms the page cache for both sides alike; the second pass is timed."""
    ours, facets, floor = [], [], []
    with Store.open(database) as store:
        raw = sqlite3.connect(database)
        floor_sql = (
            f"SELECT rowid, snippet(articles_fts, 1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 14) "
            "FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT 50"
        )
        matches = [store.compile(query).match for query in queries]
        for timed in (False, True):
            for query, match in zip(queries, matches, strict=True):
                start = time.perf_counter()
                store.search(query, "rank", 50)
                elapsed = (time.perf_counter() - start) * 1000
                if timed:
                    ours.append(elapsed)
                if match is not None:
                    start = time.perf_counter()
                    raw.execute(floor_sql, (match,)).fetchall()
                    if timed:
                        floor.append((time.perf_counter() - start) * 1000)
        for query in [*queries, ""]:
            start = time.perf_counter()
            store.facets(query)
            facets.append((time.perf_counter() - start) * 1000)
        raw.close()
    return ours, facets, floor
