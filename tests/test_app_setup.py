"""What the app starts from and keeps, driven by Pilot on a database of the seeds: the session
restored at launch, the layout and footer of small terminals, the config file (keys, theme,
the quit key), the state kept in the database, and the pool that lends its connections."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

from store import Store, StorePool
from tests.apptools import notices, settle, titles
from tui.app import make_app
from tui.config import Config, load_config
from tui.widgets.reader import Reader
from tui.widgets.timeline import Timeline

pytestmark = pytest.mark.usefixtures("quiet_config")


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
