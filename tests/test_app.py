"""The app from the keyboard: searching, filtering by entity, opening, starring, moving, the
panes, help, the order and the palette, driven by Pilot on a database of the seeds."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from store import Store
from tests.apptools import settle, titles, wait_until
from tui.app import NewsdeskApp, make_app
from tui.widgets.entities import EntityPane
from tui.widgets.reader import Reader
from tui.widgets.timeline import Timeline

pytestmark = pytest.mark.usefixtures("quiet_config")


async def test_launch_shows_the_bundled_articles_newest_first(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        shown = titles(app)
        assert len(shown) == 5
        assert shown[0].startswith("Turkiye and Russia resume")  # 2024, the newest
        assert shown[-1].startswith("Türkiye, Russia resume")  # undated, last


async def test_typing_a_search_narrows_the_timeline(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("slash", *"idlib")
        await settle(pilot, app)
        assert len(titles(app)) == 3
        await pilot.press("enter")
        assert app.focused is app.query_one(Timeline)
        assert app.query_one("#query").value == "idlib"  # type: ignore[attr-defined]


async def test_an_invalid_query_shows_its_error_and_keeps_the_results(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("slash", *"idlib")
        await settle(pilot, app)
        assert len(titles(app)) == 3
        app.query_one("#query").value = "idlib date:2020-13"  # type: ignore[attr-defined]
        await settle(pilot, app)
        error = app.query_one("#query-error")
        assert error.has_class("-shown") and "2020-13" in str(error.render())
        assert len(titles(app)) == 3
        await pilot.press("escape")
        assert app.focused is app.query_one(Timeline)


async def test_choosing_an_entity_filters_and_c_clears(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("e")
        await pilot.press("down", "space")  # the first person: Recep Tayyip Erdogan
        await settle(pilot, app)
        assert [facet.name for facet in app.main.chosen.values()] == ["Recep Tayyip Erdogan"]
        assert len(titles(app)) == 4
        await pilot.press("escape", "c")  # in the entity pane, c would narrow the list
        await settle(pilot, app)
        assert not app.main.chosen and len(titles(app)) == 5


async def test_narrowing_the_entity_list(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        app.query_one("#entity-filter").focus()
        await pilot.press(*"idl")
        assert [facet.name for facet in app.query_one(EntityPane).listed] == ["Idlib"]


async def test_enter_opens_an_article_and_marks_it_read(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("j", "enter")
        await settle(pilot, app)
        reader = app.query_one(Reader)
        shown = str(reader.query_one("#page").render())
        assert "Turkey, Russia Discuss Joint Patrol Option" in shown and "The Moscow Times" in shown
        assert app.focused is reader
        hit = app.query_one(Timeline).results.hit(1)  # type: ignore[union-attr]
        assert hit is not None and hit.read


async def test_star_and_read_keys_persist(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("s", "m")
        await settle(pilot, app)
    with Store.open(db) as store:
        assert store.search("is:starred").total == 1
        assert store.search("is:read").total == 1


async def test_movement_keys(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        timeline = app.query_one(Timeline)
        await pilot.press("G")
        assert timeline.cursor == 4
        await pilot.press("k", "up")
        assert timeline.cursor == 2
        await pilot.press("g")
        assert timeline.cursor == 0
        await pilot.press("down", "j")
        assert timeline.cursor == 2


async def test_pane_keys(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("2")
        assert app.focused is app.query_one(Timeline)  # no article open: no reader to go to
        await pilot.press("enter", "1")
        await settle(pilot, app)
        await pilot.press("2")
        assert isinstance(app.focused, Reader)
        await pilot.press("3")
        assert app.focused is app.query_one("#entity-list")
        await pilot.press("escape")  # typed there, 1 would narrow the list
        assert app.focused is app.query_one(Timeline)
        await pilot.press("2", "1")
        assert app.focused is app.query_one(Timeline)
        await pilot.press("tab")
        assert isinstance(app.focused, Reader)


async def test_help_screen_lists_every_binding_and_escape_closes_it(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HelpScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ != "HelpScreen"


async def test_relevance_toggle(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("slash", *"idlib", "enter")
        await settle(pilot, app)
        results = app.query_one(Timeline).results
        assert results is not None and results.sort == "rank" and results.total == 3  # best matches first
        assert [group.label for group in results.groups] == [None]
        await pilot.press("r")
        await settle(pilot, app)
        results = app.query_one(Timeline).results
        assert results is not None and results.sort == "date" and results.total == 3
        assert [group.label for group in results.groups] == ["2020-02-20", "2020-02-18", "2019-04-09"]


async def test_palette_opens_an_article_by_title(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+p", *"rejoins")
        await wait_until(pilot, lambda: any("Rejoins" in hit for hit in _palette_hits(app)))
        await pilot.press("enter")
        await settle(pilot, app)
        assert "Rejoins" in str(app.query_one(Reader).query_one("#page").render())


def _palette_hits(app: NewsdeskApp) -> list[str]:
    """What the open command palette lists."""
    listing = app.screen.query_one(OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
