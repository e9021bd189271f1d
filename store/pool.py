"""Connections to one archive kept and lent to one thread at a time: workers run on a new
thread each time, and opening a connection per search cost 10-40 ms."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Sequence

from store.prepared import Search, Sort
from store.query.ast import Node
from store.store import Store


class StorePool:
    """The open connections to the archive at `path`; whoever opens the pool closes it.
    A store given back after `close()` is closed, not kept (a worker may outlive the app)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._free: list[Store] = []
        self._lock = threading.Lock()
        self._closed = False

    @contextlib.contextmanager
    def borrow(self) -> Iterator[Store]:
        """A store for this thread's use until the block ends."""
        with self._lock:
            store = self._free.pop() if self._free else None
        if store is None:
            store = Store.open(self.path, seed=False, any_thread=True)
        try:
            yield store
        finally:
            with self._lock:
                keep = not self._closed
                if keep:
                    self._free.append(store)
            if not keep:
                store.close()

    def prepare(
        self,
        query: str | Node = "",
        entity_ids: Sequence[int] = (),
        order: Sort = "rank",
    ) -> Search:
        """A search compiled once on a borrowed store, read later through this pool from any thread."""
        with self.borrow() as store:
            return store.prepare(query, entity_ids, order).lent_by(self.borrow)

    def close(self) -> None:
        """Close the connections not in use; those in use close when they are given back."""
        with self._lock:
            self._closed = True
            stores, self._free = self._free, []
        for store in stores:
            store.close()

    def __enter__(self) -> StorePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
