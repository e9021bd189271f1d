"""One ingest at a time per archive. The entity registry resolves each new name against every
entity the archive holds (keys, surnames, renames), kept in memory for speed; a second
writer's changes to existing entities would go unseen and split them. So ingests are
serialised with an exclusive lock on a file beside the archive, and a second one waits.
Readers, and the app's reading-state writes, never take it."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator

from store.errors import StoreError

SUFFIX = ".ingest-lock"
_POLL_SECONDS = 0.2

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


@contextlib.contextmanager
def ingest_lock(database: str, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the archive's ingest lock for the block; `on_wait()` is called once if another
    process holds it (this one then waits for it, and Ctrl+C stops the wait)."""
    if database == ":memory:":
        yield
        return
    path = database + SUFFIX
    try:
        descriptor = _acquire(path, on_wait)
    except OSError as error:
        raise StoreError(f"cannot lock {database} for an ingest ({path}: {error.strerror})") from None
    try:
        yield
    finally:
        _release(path, descriptor)


def _acquire(path: str, on_wait: Callable[[], None] | None) -> int:
    told = False
    while True:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            if not _try_lock(descriptor):
                if not told and on_wait is not None:
                    on_wait()
                told = True
                _wait_lock(descriptor)
            if _still_there(path, descriptor):
                return descriptor
        except BaseException:
            os.close(descriptor)
            raise
        os.close(descriptor)  # the holder removed the file as it finished: lock the new one


def _still_there(path: str, descriptor: int) -> bool:
    try:
        return os.path.samestat(os.fstat(descriptor), os.stat(path))
    except FileNotFoundError:
        return False


def _release(path: str, descriptor: int) -> None:
    """Remove the file while still holding it (a waiter then sees it is gone and retries),
    then let go. On Windows an open file cannot be removed, so it stays."""
    if fcntl is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)
    os.close(descriptor)


def _try_lock(descriptor: int) -> bool:
    if fcntl is not None:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
    import msvcrt

    try:
        msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


def _wait_lock(descriptor: int) -> None:
    if fcntl is not None:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        return
    while not _try_lock(descriptor):
        time.sleep(_POLL_SECONDS)
