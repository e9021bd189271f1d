"""Run work on a process pool started only when it is needed, results in order and only a
bounded number in flight, so that a stream of work (the records of a 100,000-line file) never
sits in memory whole: `Executor.map` would submit all of it at once. Its workers die with the
process that started them."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from itertools import islice
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
IN_FLIGHT_PER_WORKER = 4
# At least this many in flight whatever the number of workers (24 chunks of 32 files): two
# workers go on parsing for most of the time the writer writes a batch, rather than waiting.
IN_FLIGHT_AT_LEAST = 24
_PR_SET_PDEATHSIG = 1
_PARENT_POLL_SECONDS = 1.0


class Fanout:
    """Maps functions over items in this process or on `workers` processes."""

    def __init__(self, workers: int, before_start: Callable[[], None], initializer: Callable[[], None]) -> None:
        self.workers = workers
        self.before_start = before_start
        self.initializer = initializer
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Fanout:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def map(self, function: Callable[[Item], Result], items: Iterable[Item], parallel: bool) -> Iterator[Result]:
        """function(item) for each item, in order; on the pool when `parallel` and there are workers."""
        if not parallel or self.workers <= 1:
            yield from map(function, items)
            return
        pool = self._pool()
        pending: deque[Future[Result]] = deque()
        for item in items:
            pending.append(pool.submit(function, item))
            if len(pending) >= max(self.workers * IN_FLIGHT_PER_WORKER, IN_FLIGHT_AT_LEAST):
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def _pool(self) -> ProcessPoolExecutor:
        if self.pool is None:
            self.before_start()
            self.pool = ProcessPoolExecutor(max_workers=self.workers, initializer=self.initializer)
        return self.pool


def chunked(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Lists of `size` items in order (the last may be shorter), read lazily."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def last_marked(parsed: Iterable[Any]) -> Iterator[Any]:
    """The items as they are, except the last, which gets `ends_file` True."""
    previous = None
    for item in parsed:
        if previous is not None:
            yield previous
        previous = item
    if previous is not None:
        yield replace(previous, ends_file=True)


def die_with(parent: int) -> None:
    """End this worker when the ingest process `parent` ends, even by kill -9 (the pool's
    queue never tells a worker then: the other workers hold it open too, and workers lived
    on forever). On Linux the kernel sends SIGKILL (prctl PR_SET_PDEATHSIG); elsewhere a
    thread watches for the worker being handed to another parent."""
    if sys.platform.startswith("linux") and _kill_on_parent_death():
        if os.getppid() != parent:  # the parent was gone before the request took effect
            os._exit(1)
        return
    threading.Thread(target=_watch_parent, args=(parent,), name="parent-watch", daemon=True).start()


def _kill_on_parent_death() -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL_SECONDS)
    os._exit(1)
