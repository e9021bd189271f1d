"""How newsdesk names a file it found: as it stores and prints it, whatever bytes the name holds."""

from __future__ import annotations

import os


def shown_path(path: str) -> str:
    """A path as newsdesk stores and prints it. File names are bytes: those that are not UTF-8
    ('caf\\xe9.txt' from a Latin-1 disk) arrive with surrogate escapes, which neither SQLite
    nor a terminal accepts, so each such byte is written as \\xNN, as `ls -b` does."""
    if path.isascii():
        return path
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return os.fsencode(path).decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a surrogate no file system byte gives
            return path.encode("utf-8", "backslashreplace").decode("ascii")
    return path
