"""What the app tests share: waiting for workers, what the timeline holds, what was said."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import pytest
from textual.worker import WorkerCancelled, WorkerFailed

from store import SearchHit
from tui.app import NewsdeskApp
from tui.widgets.timeline import Timeline


async def settle(pilot, app: NewsdeskApp, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """Wait until the app has searched for what the bar says, shown its entities, and
    finished every worker."""
    await wait_until(pilot, lambda: app.main.idle and not any(worker.is_running for worker in app.workers), timeout)


async def wait_until(pilot, condition: Callable[[], bool], timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    """Let the app run until `condition()` holds (workers done and the screen redrawn first)."""
    deadline = time.monotonic() + timeout
    while True:
        await workers_done(pilot.app)
        await pilot.pause()
        if condition():
            await pilot.pause()  # what the condition saw may have scheduled more work
            await workers_done(pilot.app)
            if condition():
                return
        assert time.monotonic() < deadline, "the condition never held"
        await pilot.pause(0.02)


async def workers_done(app: NewsdeskApp) -> None:
    """Every worker has finished. One that failed (or was cancelled by a newer one of its
    group) is not raised here: the app reports a failure (what a test looks at),
    whenever it lands while the test waits."""
    with contextlib.suppress(WorkerFailed, WorkerCancelled):
        await app.workers.wait_for_complete()


def hits(app: NewsdeskApp) -> list[SearchHit]:
    """Every article the timeline holds (all of its pages must have been fetched)."""
    results = app.query_one(Timeline).results
    assert results is not None
    found = [results.hit(index) for index in range(results.total)]
    assert all(hit is not None for hit in found), "a page of the results was not fetched"
    return [hit for hit in found if hit is not None]


def titles(app: NewsdeskApp) -> list[str]:
    return [hit.title for hit in hits(app)]


def notices(app: NewsdeskApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message the app will show as a notification from now on."""
    said: list[str] = []
    show = app.notify

    def notify(message: str, *args: object, **kwargs: object) -> None:
        said.append(str(message))
        show(message, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app, "notify", notify)
    return said
