"""Run jobs on a few threads with at most `per_host` at once for any one host, so that a feed
of 200 items from one site never hammers it, nor holds up the other sites: a job for a busy
host waits while jobs for other hosts go ahead. Results come back in the order they finish."""

from __future__ import annotations

import queue
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Job:
    """Work for one host; `tag` is the caller's, handed back with the outcome."""

    host: str
    tag: Any
    run: Callable[[], Any]


@dataclass(frozen=True)
class Outcome:
    """A finished job: its value, or the exception it raised."""

    job: Job
    value: Any = None
    error: Exception | None = None


class HostPool:
    """Threads started as jobs arrive (up to `workers`); `next()` waits for the next outcome."""

    def __init__(self, workers: int, per_host: int) -> None:
        self.workers = max(1, workers)
        self.per_host = max(1, per_host)
        self._lock = threading.Condition()
        self._waiting: list[Job] = []
        self._active: Counter[str] = Counter()
        self._threads: list[threading.Thread] = []
        self._done: queue.Queue[Outcome] = queue.Queue()
        self._closed = False
        self.pending = 0  # submitted and not yet handed back by next()

    def submit(self, host: str, tag: Any, run: Callable[[], Any]) -> None:
        with self._lock:
            self._waiting.append(Job(host, tag, run))
            self.pending += 1
            if len(self._threads) < self.workers:
                thread = threading.Thread(target=self._work, name="newsdesk-fetch", daemon=True)
                self._threads.append(thread)
                thread.start()
            self._lock.notify_all()

    def next(self, timeout: float | None = None) -> Outcome | None:
        """The next finished job, or None when none finished within `timeout` seconds."""
        try:
            outcome = self._done.get(timeout=timeout)
        except queue.Empty:
            return None
        self.pending -= 1
        return outcome

    def close(self) -> None:
        """Start no more jobs; those running finish on their own (threads are daemons)."""
        with self._lock:
            self._closed = True
            self._waiting.clear()
            self._lock.notify_all()

    def _take(self) -> Job | None:
        with self._lock:
            while not self._closed:
                for index, job in enumerate(self._waiting):
                    if self._active[job.host] < self.per_host:
                        del self._waiting[index]
                        self._active[job.host] += 1
                        return job
                self._lock.wait()
            return None

    def _work(self) -> None:
        while (job := self._take()) is not None:
            try:
                outcome = Outcome(job, value=job.run())
            except Exception as error:  # handed to the caller, which reports it
                outcome = Outcome(job, error=error)
            with self._lock:
                self._active[job.host] -= 1
                self._lock.notify_all()
            self._done.put(outcome)
