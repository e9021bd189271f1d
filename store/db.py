"""Open the SQLite database safely: refuse a file that is not one, never overwrite it, use
WAL and a busy timeout, apply migrations, and turn sqlite errors into one-line StoreErrors."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlite_utils import Database

from store.errors import Cancelled, QueryError, StoreError
from store.schema import migrations

_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
BULK_CACHE_KIB = -65536


def open_database(path: Path | str, any_thread: bool = False) -> Database:
    """A ready database at `path` (':memory:' for a private one). `any_thread` lets a pool
    hand the connection from thread to thread (one user at a time)."""
    memory = str(path) == ":memory:"
    if not memory:
        _check_file(Path(path))
    with translate_errors(str(path)):
        connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=not any_thread)
        db = Database(connection)
        if not memory:
            with db.ensure_autocommit_on():
                db.execute("PRAGMA journal_mode = WAL")
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA temp_store = MEMORY")
        _schema_readable(db, str(path))
        if migrations.pending(db):
            migrations.apply(db)
    return db


@contextlib.contextmanager
def bulk_writes(db: Database) -> Iterator[None]:
    """For an ingest: a larger page cache, and no per-row foreign key lookups (the writer
    links only rows it has just read or written; the tests check the keys afterwards)."""
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
    try:
        yield
    finally:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute(f"PRAGMA cache_size = {int(cache)}")


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    if not path.exists() or path.stat().st_size == 0:
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_HEADER))
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror}") from None
    if header != _HEADER:
        raise StoreError(_corrupt_message(str(path)))


def _schema_readable(db: Database, where: str) -> None:
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        raise StoreError(_corrupt_message(where)) from None


def _corrupt_message(where: str) -> str:
    return (
        f"{where} is not a readable newsdesk database (corrupt, or another kind of file); "
        f"it was left untouched: move it aside (mv '{where}' '{where}.broken') and run newsdesk again, "
        f"or try: sqlite3 '{where}' '.recover' | sqlite3 recovered.db"
    )


@contextlib.contextmanager
def time_limit(
    connection: sqlite3.Connection, seconds: float, cancelled: Callable[[], bool] | None = None
) -> Iterator[None]:
    """Stop a statement that runs longer than `seconds`: a pathological query must never
    freeze the app. The interruption surfaces as a QueryError. `cancelled` stops it early
    too (a search the user has typed past), as a Cancelled error."""
    deadline = time.monotonic() + seconds

    def stop() -> int:
        return int(time.monotonic() > deadline or (cancelled is not None and cancelled()))

    connection.set_progress_handler(stop, 10_000)
    try:
        yield
    except sqlite3.OperationalError as error:
        if "interrupted" not in str(error):
            raise
        if cancelled is not None and cancelled():
            raise Cancelled("the search was replaced by a newer one") from None
        raise QueryError(f"the query took longer than {seconds:g} s and was stopped; make it narrower") from None
    finally:
        connection.set_progress_handler(None, 0)


@contextlib.contextmanager
def translate_errors(where: str = "the database") -> Iterator[None]:
    """sqlite3 errors become StoreErrors with a sentence a user can act on."""
    try:
        yield
    except sqlite3.Error as error:
        raise StoreError(describe(error, where)) from error


def describe(error: sqlite3.Error, where: str = "the database") -> str:
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return f"{where} is busy: another newsdesk process is writing to it; try again in a moment"
    if "readonly" in text or "read-only" in text:
        return f"{where} is read-only: nothing was changed"
    if "disk is full" in text or "full" in text:
        return f"the disk holding {where} is full: nothing from this batch was written"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return _corrupt_message(where)
    if "unable to open" in text:
        return f"cannot open {where}: check that its folder exists and is writable"
    return f"database error in {where}: {error}"
