"""What a re-ingest has to read: each file's size and modification time against what the
archive stored when it last read it. A file found as it was is not opened at all (nor is the
parser imported when no file needs it)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from sqlite3 import Connection

from discover import shown_path


@dataclass(frozen=True)
class FileSeen:
    """An ingested file as it was found: its absolute path (as shown), its size and modification
    time taken before it was read, and a hash of its bytes (None when they could not be read)."""

    path: str
    size: int
    mtime_ns: int
    digest: str | None


# What a worker is given: the file (as the system names it), what it was found as, and the
# hash of its bytes when the archive has read it before (same hash: it is not parsed again).
Job = tuple[str, FileSeen | None, str | None]


@dataclass
class Plan:
    """The files to read (as worker jobs), and what the skipped ones hold."""

    jobs: list[Job] = field(default_factory=list)
    skipped: int = 0
    unchanged_articles: int = 0


def plan_ingest(conn: Connection, files: list[str]) -> Plan:
    """Skip each file whose path, size and modification time are those stored (and whose
    last read stored all of it); the others are read, with the stored hash of their bytes
    so that a file only touched is hashed but not parsed."""
    known = known_files(conn)
    plan = Plan()
    for path in files:
        key = file_key(path)
        seen = _stat(path, key)
        stored = known.get(key)
        if stored is not None and seen is not None and stored[:2] == (seen.size, seen.mtime_ns) and stored[2]:
            plan.skipped += 1
            plan.unchanged_articles += stored[3]
        else:
            plan.jobs.append((path, seen, stored[2] if stored is not None else None))
    return plan


def file_key(path: str) -> str:
    """How the files table names a file: its absolute path, as newsdesk shows it."""
    return shown_path(os.path.abspath(path))


def known_files(conn: Connection) -> dict[str, tuple[int, int, str | None, int]]:
    """path -> (size, mtime_ns, digest, articles stored from it), for every file read before."""
    rows = conn.execute(
        "SELECT f.path, f.size, f.mtime_ns, f.digest, (SELECT count(*) FROM paths p WHERE p.file_id = f.id) "
        "FROM files f"
    )
    return {path: (size, mtime, digest, articles) for path, size, mtime, digest, articles in rows}


def _stat(path: str, key: str) -> FileSeen | None:
    try:
        info = os.stat(path)
    except OSError:
        return None  # reading it will say why
    return FileSeen(key, info.st_size, info.st_mtime_ns, None)
