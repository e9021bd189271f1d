"""The entity trend screen: → on an entity opens it, Enter on a companion filters by it."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList, Sparkline

from tests.apptools import settle
from tui.app import make_app
from tui.screens.trend import TrendScreen, monthly_series

pytestmark = pytest.mark.usefixtures("quiet_config")


async def test_right_on_an_entity_opens_its_trend_and_enter_filters_by_a_companion(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("e", "down", "right")  # the most-named person
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, TrendScreen) and screen.trend is not None
        assert screen.trend.name == screen.entity.name
        assert len(screen.query_one(Sparkline).data or []) == len(monthly_series(screen.trend.months))
        companion = screen.trend.companions[0]
        assert screen.query_one("#trend-with", OptionList).highlighted == 0
        await pilot.press("enter")
        await settle(pilot, app)
        assert not isinstance(app.screen, TrendScreen)
        assert companion.id in app.main.chosen


async def test_escape_closes_the_trend_without_filtering(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("e", "down", "right")
        await settle(pilot, app)
        await pilot.press("escape")
        await settle(pilot, app)
        assert not isinstance(app.screen, TrendScreen) and not app.main.chosen


def test_the_monthly_series_fills_the_months_without_articles() -> None:
    series = monthly_series({"2019-11": 2, "2020-02": 1})
    assert series == [("2019-11", 2), ("2019-12", 0), ("2020-01", 0), ("2020-02", 1)]
