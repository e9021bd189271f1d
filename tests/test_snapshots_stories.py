"""Snapshots of the views of stories and trends: the related articles under the open one, and
an entity's trend screen (look at the SVG before accepting)."""

from __future__ import annotations

from pathlib import Path

import pytest

from articles.bundled import bundled_files
from store import Store
from tests.apptools import settle
from tui.app import make_app
from tui.config import Config


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSDESK_CONFIG", "/etc/newsdesk-tests/config.toml")
    path = tmp_path / "snap.db"
    with Store.open(path) as store:
        store.ingest([str(p) for p in bundled_files()])
    yield make_app(path, Config())


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot, pilot.app)


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
