"""Screens as a user sees them, compared with accepted SVG snapshots (look before accepting):
the main screen and reader, help, and the views of stories and trends."""

from __future__ import annotations

from pathlib import Path

import pytest

from articles.bundled import bundled_files
from store import Store
from tests.apptools import settle, wait_until
from tui.app import make_app
from tui.config import Config
from tui.screens.help import HelpScreen
from tui.widgets.reader import Reader


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSDESK_CONFIG", "/etc/newsdesk-tests/config.toml")
    path = tmp_path / "snap.db"
    with Store.open(path) as store:
        store.ingest([str(p) for p in bundled_files()])
    yield make_app(path, Config())


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot, pilot.app)


def test_main_screen(snap_compare, app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=(120, 40), run_before=_settle)


def test_search_with_results(snap_compare, app) -> None:  # type: ignore[no-untyped-def]
    async def search(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settle(pilot)
        await pilot.press("slash", *"idlib", "enter")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=search)


def test_entity_filter_applied(snap_compare, app) -> None:  # type: ignore[no-untyped-def]
    async def choose(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settle(pilot)
        await pilot.press("e", "down", "space")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=choose)


def test_reader_scrolled(snap_compare, app) -> None:  # type: ignore[no-untyped-def]
    async def read(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settle(pilot)
        await pilot.press("j", "j", "enter")
        await _settle(pilot)
        await pilot.press("space")
        await wait_until(pilot, lambda: pilot.app.query_one(Reader).scroll_y > 0)

    assert snap_compare(app, terminal_size=(120, 40), run_before=read)


def test_help_screen(snap_compare, app) -> None:  # type: ignore[no-untyped-def]
    async def help_screen(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settle(pilot)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))

    assert snap_compare(app, terminal_size=(120, 40), run_before=help_screen)


def test_narrow_layout(snap_compare, app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settle)


def test_narrow_reader(snap_compare, app) -> None:  # type: ignore[no-untyped-def]
    async def read(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settle(pilot)
        await pilot.press("enter")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=read)


def test_related_articles_under_the_open_one(snap_compare, app) -> None:  # type: ignore[no-untyped-def]
    async def read(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settle(pilot)
        await pilot.press("enter")
        await _settle(pilot)
        await pilot.press("l")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=read)


def test_entity_trend_screen(snap_compare, app) -> None:  # type: ignore[no-untyped-def]
    async def trend(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settle(pilot)
        await pilot.press("e", "down", "right")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=trend)


def test_stories_screen(snap_compare, app) -> None:  # type: ignore[no-untyped-def]
    async def stories(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settle(pilot)
        await pilot.press("S")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=stories)


def test_timeline_folded_with_a_story_open(snap_compare, app) -> None:  # type: ignore[no-untyped-def]
    async def fold(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settle(pilot)
        await pilot.press("slash", *"patrols", "enter")
        await _settle(pilot)
        await pilot.press("z")
        await _settle(pilot)
        await pilot.press("j", "enter")
        await _settle(pilot)
        await pilot.press("j")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=fold)
