"""What the app tests share: waiting for workers, what the timeline holds, what was said."""

from __future__ import annotations

import pytest

from tui.app import NewsdeskApp
from tui.widgets.timeline import Timeline


async def settle(pilot, app: NewsdeskApp, wait: float = 0.05) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause(wait)
    await app.workers.wait_for_complete()
    await pilot.pause()


def titles(app: NewsdeskApp) -> list[str]:
    timeline = app.query_one(Timeline)
    results = timeline.results
    assert results is not None
    return [results.hit(index).title for index in range(results.total)]  # type: ignore[union-attr]


def notices(app: NewsdeskApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message the app will show as a notification from now on."""
    said: list[str] = []
    show = app.notify

    def notify(message: str, *args: object, **kwargs: object) -> None:
        said.append(str(message))
        show(message, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app, "notify", notify)
    return said
