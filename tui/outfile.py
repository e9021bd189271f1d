"""Output files that appear whole or not at all: written to a temporary file beside the
target and renamed into place only when everything was written, never onto the archive."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator, Sequence
from typing import TextIO

from articles.errors import NewsdeskError

# The archive's own files: SQLite reads a -wal or -journal it finds beside the archive.
_ARCHIVE_SUFFIXES = ("", "-wal", "-shm", "-journal")


class OutputError(NewsdeskError):
    """An output file cannot be written; nothing was changed."""


@contextlib.contextmanager
def written_whole(target: str, archives: Sequence[str] = ()) -> Iterator[TextIO]:
    """A text file that becomes `target` when the block ends without an error. A link is
    followed (the link stays, its file is replaced, keeping its mode); a device or a pipe
    (/dev/stdout) is written directly. An earlier file at `target` survives any failure."""
    path = os.path.realpath(target)
    _refuse_archive(path, archives)
    try:
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OutputError(f"cannot write {target}: {error.strerror}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write {target}: it is a folder; give a file name")
    with _translated(target):
        if info is not None and not stat.S_ISREG(info.st_mode):
            with open(path, "w", encoding="utf-8", newline="") as handle:
                yield handle
            return
        with _replacing(path, target, info) as handle:
            yield handle


@contextlib.contextmanager
def _replacing(path: str, target: str, info: os.stat_result | None) -> Iterator[TextIO]:
    folder, name = os.path.split(path)
    if not os.path.isdir(folder):
        raise OutputError(f"cannot write {target}: the folder {folder} does not exist")
    temporary = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        if info is not None:
            os.fchmod(descriptor, stat.S_IMODE(info.st_mode))
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def _translated(target: str) -> Iterator[None]:
    try:
        yield
    except OSError as error:
        raise OutputError(f"cannot write {target}: {error.strerror or error.__class__.__name__}") from None


def _refuse_archive(path: str, archives: Sequence[str]) -> None:
    """Compared by file identity (a link, a hard link, another spelling) and by name (the
    -wal or -shm file of an archive that is closed need not exist yet)."""
    for archive in archives:
        real = os.path.realpath(archive)
        named = path in {real + suffix for suffix in _ARCHIVE_SUFFIXES}
        if named or (os.path.exists(path) and os.path.exists(real) and os.path.samefile(path, real)):
            raise OutputError(f"will not write the export onto the archive itself ({archive}); choose another file")
