"""Deleting from the app: asked first, the cursor keeps its place, `u` puts the article back
(its star, entities and index rows with it), and the archive stays consistent throughout."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Store
from tests.apptools import settle, titles
from tests.checks import assert_consistent
from tui.app import make_app
from tui.screens.help import HelpScreen
from tui.widgets.timeline import Timeline

pytestmark = pytest.mark.usefixtures("quiet_config")


async def test_d_asks_then_deletes_the_highlighted_article_and_u_puts_it_back(db: str) -> None:
    with Store.open(db) as store:
        before = store.stats()
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("j")
        victim = app.query_one(Timeline).current()
        assert victim is not None
        following = titles(app)[2]
        await pilot.press("s")  # starred: undo must bring the star back too
        await settle(pilot, app)
        await pilot.press("d")
        await pilot.press("n")  # no: nothing happens
        await settle(pilot, app)
        assert victim.title in titles(app)
        await pilot.press("d", "y")
        await settle(pilot, app, 0.2)
        assert victim.title not in titles(app) and len(titles(app)) == 4
        current = app.query_one(Timeline).current()
        assert current is not None and current.title == following  # the cursor kept its place
        with Store.open(db) as store:
            assert store.stats().articles == before.articles - 1
        assert_consistent(Path(db))
        await pilot.press("u")
        await settle(pilot, app, 0.2)
        assert len(titles(app)) == 5
        current = app.query_one(Timeline).current()
        assert current is not None and current.title == victim.title and current.starred
    with Store.open(db) as store:
        after = store.stats()
        assert (after.articles, after.entities, after.starred) == (before.articles, before.entities, 1)
        assert store.search(victim.title.split()[0]).total >= 1
    assert_consistent(Path(db))


async def test_d_and_u_are_in_the_footer_and_help(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        footer = " ".join(str(key.render()) for key in app.query("FooterKey"))
        assert "Delete" in footer
        await pilot.press("question_mark")
        await settle(pilot, app)
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.table()
        shown = " ".join(str(cell) for column in table.columns for cell in column.cells)
        assert "Delete" in shown and "Undo a delete" in shown
