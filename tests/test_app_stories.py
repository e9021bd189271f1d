"""The stories screen (S): the results as one row per story; Enter shows a story's articles."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from tests.apptools import settle, titles
from tui.app import make_app
from tui.screens.stories import StoriesScreen

pytestmark = pytest.mark.usefixtures("quiet_config")


async def test_s_lists_stories_and_enter_shows_one_storys_articles(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("S")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, StoriesScreen) and screen.found
        first = screen.found[0]
        assert "+1 more" in str(screen.query_one(OptionList).get_option_at_index(0).prompt)
        await pilot.press("enter")
        await settle(pilot, app, 0.4)
        assert app.query_one("#query").value == f"story:{first.story}"  # type: ignore[attr-defined]
        assert len(titles(app)) == len(first.articles)
        assert first.title in titles(app)
