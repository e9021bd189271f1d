"""Feeds in the app: `f` fetches in a worker and the new articles appear without a restart;
`F` filters the timeline by a feed; both are on the ? screen."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, Static

from feeds.subscribe import add_feed
from store import Store
from store.query.edit import with_field
from tests.apptools import notices, settle, titles
from tests.feedserver import FeedServer
from tests.feedtexts import Item, page, rss
from tui.app import make_app
from tui.screens.feeds import FeedsScreen
from tui.screens.help import HelpScreen

pytestmark = pytest.mark.usefixtures("quiet_config")


def subscribe(db: str, server: FeedServer, path: str, title: str, count: int) -> None:
    items = [
        Item(f"{path}{n}", f"{title} story {n}", server.route(f"{path}/{n}", page(f"{title} {n}", f"{path[1:]}word")))
        for n in range(count)
    ]
    with Store.open(db) as store:
        add_feed(store, server.route(path, rss(title, items)))


async def test_f_fetches_in_a_worker_and_the_new_articles_appear(
    db: str, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    subscribe(db, feed_server, "/world", "World", 2)
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        said = notices(app, monkeypatch)
        statuses: list[str] = []
        status = app.main.fetcher.status

        def recorded(text: str) -> None:
            statuses.append(text)
            status(text)

        monkeypatch.setattr(app.main.fetcher, "status", recorded)
        before = len(titles(app))

        await pilot.press("f")
        await settle(pilot, app)
        await settle(pilot, app)

        assert len(titles(app)) == before + 2
        assert {"World story 0", "World story 1"} <= set(titles(app))
        assert statuses[0] == "fetching feeds…"
        assert "fetching feeds 1/1 · pages 2/2 · 2 new" in statuses
        assert said == ["1 feed: 2 new, 0 updated"]
        assert "article" in str(app.query_one("#status", Static).render())  # the count is back


async def test_f_with_no_subscriptions_says_how_to_add_one(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        said = notices(app, monkeypatch)
        await pilot.press("f")
        await settle(pilot, app)
        assert said == ["no subscriptions yet: newsdesk feed add URL"]


async def test_shift_f_filters_the_timeline_by_a_feed_and_all_feeds_lifts_it(db: str, feed_server: FeedServer) -> None:
    subscribe(db, feed_server, "/world", "World", 2)
    subscribe(db, feed_server, "/sport", "Sport", 3)
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("f")
        await settle(pilot, app)

        await pilot.press("F")
        await settle(pilot, app)
        assert isinstance(app.screen, FeedsScreen)
        listing = app.screen.query_one(OptionList)
        shown = [str(listing.get_option_at_index(i).prompt).split() for i in range(listing.option_count)]
        assert shown == [["All", "feeds"], ["3", "Sport"], ["2", "World"]]
        await pilot.press("down", "enter")
        await settle(pilot, app)

        assert app.query_one("#query", Input).value == 'feed:"Sport"'
        assert sorted(titles(app)) == ["Sport story 0", "Sport story 1", "Sport story 2"]
        await pilot.press("F")
        await settle(pilot, app)
        await pilot.press("enter")  # All feeds
        await settle(pilot, app)
        assert app.query_one("#query", Input).value == ""
        assert len(titles(app)) == 5 + 5


async def test_the_fetch_and_feeds_keys_are_on_the_help_screen(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("question_mark")
        await settle(pilot, app)
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.table()
        text = " ".join(str(cell) for column in table.columns for cell in column.cells)
        assert "Fetch" in text and "Feeds: filter by one" in text
    assert any(binding.id == "fetch" and binding.show for binding in app.main.BINDINGS)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("query", "value", "expected"),
    [
        ("", "World", 'feed:"World"'),
        ("idlib", "World", 'idlib feed:"World"'),
        ('idlib feed:"Sport" date:2020', "World", 'idlib date:2020 feed:"World"'),
        ("feed:sport -feed:world turkey", None, "turkey"),
        ('say "unclosed', "World", 'say "unclosed feed:"World"'),
        ("x", 'Has "quotes"', 'x feed:"Has quotes"'),
    ],
)
def test_a_feed_term_replaces_the_querys_feed_terms(query: str, value: str | None, expected: str) -> None:
    assert with_field(query, "feed", value) == expected
