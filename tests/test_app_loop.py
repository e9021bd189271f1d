"""Nothing the app does on its event loop's thread reaches the database: the timeline draws
placeholders while a worker fetches its pages (and says so of a page it could not read), and
the palette and `o` read in workers. Every connection is made to refuse work on the loop's
thread while a Pilot session types, scrolls, opens an article (and its related ones are looked
for), asks why it is listed, opens the stories and an entity's trend, and searches the palette."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from store import Store, prepared
from store.search import search as run_search
from tests.apptools import notices, settle
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


async def test_a_page_that_cannot_be_read_says_so_and_is_read_again_when_scrolled_back_to(
    many: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(many)
    said = notices(app, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        timeline = app.query_one(Timeline)
        results = timeline.results
        assert results is not None and results.hit(ARTICLES - 1) is None
        locked = LockedPages(monkeypatch)
        await pilot.press("G")
        await settle(pilot, app)
        shown = [timeline.render_line(y).text for y in range(timeline.size.height)]
        assert any("Could not read this article — R retries" in line for line in shown)
        assert results.hit(ARTICLES - 1) is None and locked.refused == 1
        assert len([note for note in said if "is busy" in note]) == 1  # said once, the app's one way
        await settle(pilot, app)  # drawn again, a failed page is not asked for again on its own
        assert locked.refused == 1
        locked.lift()
        await pilot.press("g")  # off screen: forgotten
        await settle(pilot, app)
        await pilot.press("G")  # back: read again
        await settle(pilot, app)
        last = results.hit(ARTICLES - 1)
        assert last is not None and timeline.current() == last
        shown = [timeline.render_line(y).text for y in range(timeline.size.height)]
        assert any(last.title in line for line in shown)
        assert not any("Could not read" in line for line in shown)


class LockedPages:
    """Every read of a page beyond the first fails as SQLite does under a writer's lock,
    until `lift()`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.refused = 0
        self.locked = True

        def locked_read(
            conn: sqlite3.Connection, compiled: Any, order: Any, limit: int, offset: int, *rest: Any
        ) -> Any:
            if self.locked and offset > 0:
                self.refused += 1
                raise sqlite3.OperationalError("database is locked")
            return run_search(conn, compiled, order, limit, offset, *rest)

        monkeypatch.setattr(prepared, "run_search", locked_read)

    def lift(self) -> None:
        self.locked = False
