"""`newsdesk export`'s read: every matching article, newest first, as one snapshot."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Generator

from sqlite_utils import Database

from store.db import time_limit, translate_errors
from store.models import StoredArticle
from store.query.compile import Compiled
from store.search import newest_first_ids_sql

# Listing what an export writes: once per export, over the whole archive.
EXPORT_SECONDS = 30.0


def export_articles(
    db: Database, path: str, compiled: Compiled, read: Callable[[int], StoredArticle | None]
) -> Generator[StoredArticle, None, None]:
    """The ids are listed and the articles read (by `read`) in one read transaction, so that an
    ingest meanwhile neither adds rows to nor shifts rows within the export (paging with OFFSET
    wrote thousands twice). A generator: its errors are translated here, not by `translated`."""
    with translate_errors(path):
        db.execute("BEGIN")
    try:
        with translate_errors(path), time_limit(db.conn, EXPORT_SECONDS):
            ids = [row[0] for row in db.execute(*newest_first_ids_sql(compiled))]
        for article_id in ids:
            stored = read(article_id)
            if stored is not None:
                yield stored
    finally:
        with contextlib.suppress(sqlite3.Error):  # closed already, if the export was abandoned
            db.conn.rollback()  # a read transaction: nothing to keep
