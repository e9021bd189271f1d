"""Nothing the app does on its event loop's thread reaches the database: the timeline draws
placeholders while a worker fetches its pages, and the palette and `o` read in workers. Every
connection is made to refuse work on the loop's thread while a Pilot session types, scrolls,
opens an article (and its related ones are looked for), asks why it is listed, opens the stories and
an entity's trend, and searches the palette."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from store import Store
from tests.apptools import settle
from tui.app import make_app
from tui.screens.stories import StoriesScreen
from tui.screens.trend import TrendScreen
from tui.widgets.reader import Reader
from tui.widgets.timeline import Timeline

pytestmark = pytest.mark.usefixtures("quiet_config")
ARTICLES = 260


class LoopGuard:
    """Connections that record (and refuse) every statement run on `thread` once armed."""

    def __init__(self) -> None:
        self.thread: int | None = None
        self.refused: list[str] = []

    def check(self, sql: object) -> None:
        if self.thread is not None and threading.get_ident() == self.thread:
            self.refused.append(str(sql)[:80])
            raise sqlite3.ProgrammingError("SQL on the event loop's thread")


@pytest.fixture
def guard(monkeypatch: pytest.MonkeyPatch) -> LoopGuard:
    found = LoopGuard()

    class Guarded(sqlite3.Connection):
        def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
            found.check(sql)
            return super().execute(sql, *args)

        def executemany(self, sql: str, *args: Any) -> sqlite3.Cursor:
            found.check(sql)
            return super().executemany(sql, *args)

        def cursor(self, *args: Any, **kwargs: Any) -> Any:
            found.check("cursor")
            return super().cursor(*args, **kwargs)

    connect = sqlite3.connect

    def guarded(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        found.check("connect")
        return connect(*args, factory=Guarded, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", guarded)
    return found


@pytest.fixture
def many(tmp_path: Path) -> Iterator[str]:
    """An archive of ARTICLES dated articles that all name the harbour: pages beyond the first."""
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(ARTICLES):
        day = f"2021-{number % 12 + 1:02d}-{number % 28 + 1:02d}"
        text = f"Harbour report {number}\n\n{day}\n\nThe harbour in Lisbon saw {number} ships today.\n"
        (folder / f"{number:03d}.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "many.db"
    with Store.open(path, seed=False) as store:
        store.ingest([str(folder)])
    yield str(path)


async def test_no_sql_runs_on_the_event_loop(many: str, guard: LoopGuard) -> None:
    app = make_app(many)  # the last session is read before the loop starts
    async with app.run_test(size=(120, 40)) as pilot:
        guard.thread = threading.get_ident()
        await settle(pilot, app)
        timeline = app.query_one(Timeline)
        assert timeline.results is not None and timeline.results.total == ARTICLES
        await pilot.press("slash", *"harbour", "enter")
        await settle(pilot, app)
        await pilot.press("G")  # the last page: drawn as placeholders, then fetched
        await settle(pilot, app)
        await pilot.press("pageup", "pageup", "enter")
        await settle(pilot, app)
        assert app.query_one(Reader).article_id is not None
        await pilot.press("escape", "o", "w", "S")
        await settle(pilot, app)
        assert isinstance(app.screen, StoriesScreen)
        await pilot.press("escape", "e", "down", "right")
        await settle(pilot, app)
        assert isinstance(app.screen, TrendScreen) and app.screen.trend is not None
        await pilot.press("escape")
        await settle(pilot, app)
        await pilot.press("ctrl+p", *"harbour report 1")
        await settle(pilot, app)
        await pilot.press("escape")
        await settle(pilot, app)
        guard.thread = None
    assert guard.refused == []


async def test_a_page_not_yet_fetched_is_drawn_as_a_placeholder_then_filled(many: str) -> None:
    app = make_app(many)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        timeline = app.query_one(Timeline)
        results = timeline.results
        assert results is not None and results.hit(ARTICLES - 1) is None
        await pilot.press("G")
        await settle(pilot, app)
        last = results.hit(ARTICLES - 1)
        assert last is not None and timeline.current() == last
        assert any(last.title in timeline.render_line(y).text for y in range(40))
