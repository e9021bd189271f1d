"""Watching folders for article files that appear or change, through the kernel's file events
(inotify, FSEvents, ReadDirectoryChangesW, by watchfiles): nothing is scanned while nothing
changes. A burst of writes comes back as one list."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterable, Iterator

# How long a burst of changes is gathered before it is handed over, at most, and the quiet
# that ends one sooner (milliseconds): a file saved appears within about a second.
GATHER_MS = 400
QUIET_MS = 50


def watch_files(folders: Iterable[str], stop: threading.Event) -> Iterator[list[str]]:
    """Lists of files under `folders` that were added or changed, in path order, until `stop`
    is set. Hidden files and folders are left out, as an ingest of the folder leaves them."""
    import watchfiles

    roots = [os.path.abspath(folder) for folder in folders]
    changes = watchfiles.watch(
        *roots,
        watch_filter=lambda change, path: change != watchfiles.Change.deleted,
        debounce=GATHER_MS,
        step=QUIET_MS,
        stop_event=stop,
        yield_on_timeout=False,
        rust_timeout=500,
        raise_interrupt=False,
        ignore_permission_denied=True,
    )
    for batch in changes:
        files = sorted({path for _, path in batch if _article_file(path, roots)})
        if files:
            yield files


def _article_file(path: str, roots: list[str]) -> bool:
    """A regular file, not hidden (nor inside a hidden folder) below the folder watched."""
    root = next((root for root in roots if path.startswith(root.rstrip(os.sep) + os.sep)), None)
    if root is None or any(part.startswith(".") for part in os.path.relpath(path, root).split(os.sep)):
        return False
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False
