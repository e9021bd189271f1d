"""The one way the app does store work: on a worker's thread with a borrowed connection,
the result handed back on the app's thread. A failure is not caught here: the worker ends in
ERROR and the app's one handler (NewsdeskApp.on_worker_failed) says what went wrong."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TypeVar

from textual.dom import DOMNode
from textual.worker import Worker, get_current_worker

from store import Store, StorePool

T = TypeVar("T")


def in_worker(
    node: DOMNode,
    pool: StorePool,
    job: Callable[[Store], T],
    done: Callable[[T], object] | None = None,
    *,
    group: str,
    exclusive: bool = False,
) -> Worker[None]:
    """Run `job(store)` in a thread worker for `node`; then `done(result)` on the app's thread,
    unless the worker was cancelled meanwhile. The worker belongs to the app, where its
    failure is reported (Worker.StateChanged does not bubble)."""

    def run() -> None:
        with pool.borrow() as store:
            result = job(store)
        if done is not None and not get_current_worker().is_cancelled:
            with contextlib.suppress(RuntimeError):  # the app has stopped: nobody is left to tell
                node.app.call_from_thread(done, result)

    return node.app.run_worker(run, thread=True, group=group, exclusive=exclusive, exit_on_error=False)
