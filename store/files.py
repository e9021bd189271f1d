"""The files table as an ingest writes it: each file's size, modification time and the hash of
its bytes, recorded whole only once every article of the file is stored (a file with a bad
part, or an ingest stopped inside one, leaves no hash, so the file is read again next time)."""

from __future__ import annotations

from sqlite3 import Connection

from store.changes import FileSeen


class FileRecords:
    """The file an ingest's writer is storing the articles of, and what it found of it."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.current: tuple[str, int] | None = None
        self.complete = True

    def reading(self, seen: FileSeen) -> int:
        """The file's id, its row made or reset (no hash until it is done) at its first article."""
        if self.current is not None and self.current[0] == seen.path:
            return self.current[1]
        row = self.conn.execute(
            "INSERT INTO files (path, size, mtime_ns, digest) VALUES (?, ?, ?, NULL) ON CONFLICT (path) "
            "DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, digest = NULL RETURNING id",
            (seen.path, seen.size, seen.mtime_ns),
        ).fetchone()
        self.current, self.complete = (seen.path, int(row[0])), True
        return self.current[1]

    def failed(self) -> None:
        """A part of the current file could not be stored."""
        self.complete = False

    def done(self, seen: FileSeen) -> None:
        """The file's last article is written: its hash says it is stored whole."""
        if self.current is not None and self.complete and seen.digest is not None:
            self.conn.execute("UPDATE files SET digest = ? WHERE id = ?", (seen.digest, self.current[1]))
        self.current, self.complete = None, True

    def seen_again(self, seen: FileSeen) -> int:
        """A file touched but holding the bytes it held: its new time is kept; how many
        articles it holds is returned."""
        row = self.conn.execute(
            "UPDATE files SET size = ?, mtime_ns = ? WHERE path = ? RETURNING id", (seen.size, seen.mtime_ns, seen.path)
        ).fetchone()
        if row is None:
            return 0
        return int(self.conn.execute("SELECT count(*) FROM paths WHERE file_id = ?", (row[0],)).fetchone()[0])
