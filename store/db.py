"""Open the SQLite database safely: refuse a file that is not one, never overwrite it, use
WAL and a busy timeout, apply migrations, and turn sqlite errors into one-line StoreErrors."""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from sqlite_utils import Database

from store.errors import Cancelled, QueryError, StoreError
from store.story_schema import migrations  # the whole schema's: the story tables' come last

_S = TypeVar("_S", bound="_Named")
_P = ParamSpec("_P")
_R = TypeVar("_R")
_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
BULK_CACHE_KIB = -65536
# SQLITE_READONLY (the -shm file cannot be made: READONLY_DIRECTORY) and SQLITE_CANTOPEN.
_CANNOT_OPEN_READ_ONLY = (8, 14)


def open_database(
    path: Path | str, any_thread: bool = False, create: bool = True, make_folder: bool = False
) -> Database:
    """A ready database at `path` (':memory:' for a private one). `any_thread` lets a pool
    hand the connection from thread to thread (one user at a time). A new archive is made
    only when `create` and its folder exists (`make_folder` makes the folder too). An
    archive newsdesk may not write (a read-only file, folder or filesystem) opens read-only."""
    memory = str(path) == ":memory:"
    read_only = False if memory else _check_file(Path(path), create, make_folder)
    with translate_errors(str(path)):
        db = Database(_connect(Path(path) if not memory else None, read_only, any_thread))
        read_only = read_only or is_read_only(db)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _schema_readable(db, str(path))
        pending = check_schema(db, str(path), read_only)
        if not memory and not read_only:
            with db.ensure_autocommit_on():
                db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA temp_store = MEMORY")
        if pending:
            _migrate(db, str(path))
    return db


def _migrate(db: Database, where: str) -> None:
    """Apply the pending migrations in one IMMEDIATE transaction, after checking again under
    its lock: two processes opening a new archive at once must not both create its tables."""
    db.execute("BEGIN IMMEDIATE")
    try:
        if check_schema(db, where, read_only=False):
            migrations.apply(db)
            db.execute(f"PRAGMA user_version = {len(_known_migrations())}")
    except BaseException:
        db.conn.rollback()
        raise
    db.conn.commit()


def is_read_only(db: Database) -> bool:
    return bool(db.execute("PRAGMA query_only").fetchone()[0])


def _connect(path: Path | None, read_only: bool, any_thread: bool) -> sqlite3.Connection:
    """A connection, read-only when asked: through `mode=ro`, or (when SQLite cannot make the
    -shm file a WAL archive needs to be read, in a folder it may not write) as immutable,
    which is safe there because no one can write that folder's archive either."""
    timeout = BUSY_TIMEOUT_MS / 1000
    if path is None or not read_only:
        return sqlite3.connect(str(path or ":memory:"), timeout=timeout, check_same_thread=not any_thread)
    uri = path.absolute().as_uri()
    for mode in ("mode=ro", "immutable=1"):
        connection = sqlite3.connect(f"{uri}?{mode}", uri=True, timeout=timeout, check_same_thread=not any_thread)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as error:
            connection.close()
            if getattr(error, "sqlite_errorcode", 0) & 0xFF not in _CANNOT_OPEN_READ_ONLY:
                raise
            continue
        connection.execute("PRAGMA query_only = ON")
        return connection
    raise StoreError(f"cannot open {path}: it is read-only and SQLite cannot read it there")


@contextlib.contextmanager
def immediate(db: Database) -> Iterator[None]:
    """One IMMEDIATE write transaction for the block: all of it is kept or none of it."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.conn.rollback()
        raise
    db.conn.commit()


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


def _check_file(path: Path, create: bool, make_folder: bool) -> bool:
    """Whether the archive must be opened read-only; refuses what cannot be an archive."""
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise StoreError(f"cannot open {path}: {error.strerror}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise StoreError(f"{path} is a folder, not a database file")
    if info is None or info.st_size == 0:
        _may_create(path, create, make_folder)
        return False
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_HEADER))
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror}") from None
    if header != _HEADER:
        raise StoreError(_corrupt_message(str(path)))
    return not _writable(path)


def _may_create(path: Path, create: bool, make_folder: bool) -> None:
    if make_folder and create:
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not path.parent.is_dir():
        raise StoreError(f"there is no archive at {path}: the folder {path.parent} does not exist")
    if not create:
        raise StoreError(f"no newsdesk archive at {path}: add articles with: newsdesk ingest PATH --db '{path}'")


def _writable(path: Path) -> bool:
    """The file and its folder may be written (SQLite makes -wal and -shm files beside it),
    on a filesystem that is not mounted read-only."""
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
        return False
    flags = os.statvfs(path).f_flag if hasattr(os, "statvfs") else 0
    return not flags & getattr(os, "ST_RDONLY", 0)


def _schema_readable(db: Database, where: str) -> None:
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        raise StoreError(_corrupt_message(where)) from None


def check_schema(db: Database, where: str, read_only: bool) -> bool:
    """Whether the schema needs bringing up to date; refuses, before anything is written, a
    newer newsdesk's archive (a higher user_version, or a migration this version does not
    know), another program's SQLite file, and an old archive that is read-only."""
    known = _known_migrations()
    with db.atomic():  # one snapshot: another process may be creating this archive's tables now
        applied = [migration.name for migration in migrations.applied(db)]
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        tables = db.execute("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchone()[0]
    if version > len(known) or any(name not in known for name in applied):
        raise StoreError(
            f"{where} was written by a newer version of newsdesk; upgrade newsdesk to open it "
            "(the archive was left untouched)"
        )
    if not applied and tables:
        raise StoreError(f"{where} is an SQLite file but not a newsdesk archive; it was left untouched")
    if len(applied) == len(known) and version == len(known):
        return False
    if read_only and len(applied) < len(known):
        raise StoreError(f"{where} needs an upgrade to this version of newsdesk, and it is read-only")
    return not read_only


@functools.cache
def _known_migrations() -> tuple[str, ...]:
    """The names of this version's migrations, in order (all of them pend on an empty database)."""
    return tuple(migration.name for migration in migrations.pending(Database(memory=True)))


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


class _Named(Protocol):
    path: str


def translated(method: Callable[Concatenate[_S, _P], _R]) -> Callable[Concatenate[_S, _P], _R]:
    """A method of an object with a `path` whose sqlite3 errors become StoreErrors naming it:
    the one place the store's methods translate errors."""

    def wrapper(self: _S, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with translate_errors(self.path):
            return method(self, *args, **kwargs)

    functools.update_wrapper(wrapper, method)
    return wrapper


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
