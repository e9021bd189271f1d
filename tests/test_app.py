"""The app from the keyboard: every key path, driven by Pilot on a database of the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import OptionList
from textual.widgets._footer import FooterKey

from store import Store, StorePool
from tests.apptools import notices, settle, titles, wait_until
from tui.app import NewsdeskApp, make_app
from tui.config import Config, load_config
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


async def test_relaunching_restores_query_filters_and_article(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("slash", *"patrols", "enter")
        await settle(pilot, app)
        await pilot.press("e", "down", "space")
        await settle(pilot, app)
        await pilot.press("escape", "j", "enter")
        await settle(pilot, app)
        opened = app.query_one(Reader).article_id
        assert opened is not None
    again = make_app(db)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot, again)
        assert again.query_one("#query").value == "patrols"  # type: ignore[attr-defined]
        assert [f.name for f in again.main.chosen.values()] == ["Recep Tayyip Erdogan"]
        assert again.query_one(Reader).article_id == opened


async def test_narrow_terminal_reader_takes_the_screen(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert not app.query_one("#entities").display or not app.query_one("#entities").region.width
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.query_one(Reader).region.width >= 70
        assert app.query_one(Timeline).region.width == 0
        await pilot.press("escape")
        await pilot.pause()
        assert app.query_one(Timeline).region.width >= 70


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)])
async def test_the_footer_keys_fit_beside_the_palette_key_with_the_reader_open(db: str, size: tuple[int, int]) -> None:
    app = make_app(db)
    async with app.run_test(size=size) as pilot:
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        keys = list(app.screen.query(FooterKey))
        palette = next(key for key in keys if key.has_class("-command-palette"))
        shown = [key for key in keys if key is not palette]
        assert {"help", "quit", "page_down"} <= {key.action for key in shown}  # what a reader needs first
        assert all(key.region.right <= palette.region.x for key in shown), [str(key.render()) for key in shown]


@pytest.mark.parametrize(("keys", "quits"), [({}, True), ({"quit": "ctrl+q"}, False)])
async def test_the_quit_key_quits(db: str, keys: dict[str, str], quits: bool) -> None:
    app = make_app(db, Config(keys=keys))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert app.return_code is None
        await pilot.press("q")
        await pilot.pause()
        # The exit code is set when the app is asked to quit, not when the test harness closes it.
        assert app.return_code == (0 if quits else None)


async def test_keys_can_be_remapped_by_id(db: str) -> None:
    app = make_app(db, Config(keys={"star": "f"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("f")
        await settle(pilot, app)
    with Store.open(db) as store:
        assert store.search("is:starred").total == 1


def test_a_bad_config_file_gives_a_message_and_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("theme = [unclosed\n", encoding="utf-8")
    config = load_config(path)
    assert config.problem and "not used" in config.problem and config.keys == {}
    path.write_text("[keys]\nstar = 5\n", encoding="utf-8")
    assert "defaults used" in (load_config(path).problem or "")


async def test_a_bad_config_does_not_stop_the_app(db: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("this is = not toml = at all", encoding="utf-8")
    app = make_app(db, load_config(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert len(titles(app)) == 5


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


def test_state_is_kept_in_the_database(db: str) -> None:
    with Store.open(db) as store:
        store.set_meta("ui_state", json.dumps({"query": "x"}))
        assert json.loads(store.meta("ui_state") or "{}") == {"query": "x"}


async def test_an_unknown_theme_is_reported_and_the_default_kept(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(db, Config(theme="no-such-theme", path="config.toml"))
    said = notices(app, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert any("no-such-theme" in note for note in said)
        assert len(titles(app)) == 5


def test_connections_are_lent_one_user_at_a_time_and_reused(tmp_path: Path) -> None:
    import threading

    path = str(tmp_path / "lend.db")
    Store.open(path, seed=False).close()
    with StorePool(path) as pool:
        with pool.borrow() as first, pool.borrow() as second:
            assert first is not second
        seen = []
        thread = threading.Thread(target=lambda: seen.append(_count_with(pool)))
        thread.start()
        thread.join()
        with pool.borrow() as again:
            assert again in (first, second)
        assert seen == [0]


def test_a_store_given_back_after_the_pool_closed_is_closed_not_kept(tmp_path: Path) -> None:
    path = str(tmp_path / "late.db")
    Store.open(path, seed=False).close()
    pool = StorePool(path)
    with pool.borrow() as late:
        pool.close()
        assert late.stats().articles == 0  # still usable until given back
    with pytest.raises(Exception, match="closed"):
        late.stats()


def _count_with(pool: StorePool) -> int:
    with pool.borrow() as store:
        return store.stats().articles
