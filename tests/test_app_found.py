"""What new users found wrong in the app, each driven from the keyboard as they met it."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import pytest

from store import Store
from tests.apptools import hits, notices, settle, titles
from tui.app import make_app
from tui.screens.confirm import ConfirmScreen
from tui.widgets.entities import EntityList
from tui.widgets.reader import Reader
from tui.widgets.timeline import Timeline

pytestmark = pytest.mark.usefixtures("quiet_config")


def shown_lines(timeline: Timeline) -> list[str]:
    return [timeline.render_line(y).text.rstrip() for y in range(timeline.size.height)]


def reading_state(db: str) -> tuple[int, int]:
    with Store.open(db) as store:
        return store.search("is:read").total, store.search("is:starred").total


async def test_a_relaunch_shows_the_last_article_without_marking_it_read(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("j", "enter")
        await settle(pilot, app)
        opened = app.query_one(Reader).article_id
        await pilot.press("m")  # back to unread, by the key that says so
        await settle(pilot, app)
    assert reading_state(db) == (0, 0)
    again = make_app(db)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot, again)
        assert again.query_one(Reader).article_id == opened
        hit = again.query_one(Timeline).current()
        assert hit is not None and hit.id == opened and not hit.read
        assert "unread" in str(again.query_one(Reader).query_one("#page").render())
    assert reading_state(db) == (0, 0)


async def test_letters_typed_in_the_entity_pane_narrow_it_and_change_no_reading_state(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("e", "m", "s", "o", "q", "r", "c")
        await settle(pilot, app)
        assert app.is_running and app.return_code is None
        assert app.query_one("#entity-filter").value == "msoqrc"  # type: ignore[attr-defined]
        await pilot.press(*["backspace"] * 6, *"put")
        listing = app.query_one(EntityList)
        assert [str(listing.get_option_at_index(i).prompt).strip() for i in range(listing.option_count)][1:] == [
            "Vladimir Putin 2"
        ]
    assert reading_state(db) == (0, 0)


async def test_enter_in_the_entity_pane_filters_and_leaves_the_row_highlighted(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("e", *"putin", "enter")  # from the box to the list, on the first match
        listing = app.query_one(EntityList)
        assert app.focused is listing and listing.highlighted_option is not None
        await pilot.press("enter")
        await settle(pilot, app)
        assert [facet.name for facet in app.main.chosen.values()] == ["Vladimir Putin"]
        assert len(titles(app)) == 2
        chosen = listing.highlighted_option
        assert chosen is not None and "Vladimir Putin" in str(chosen.prompt)
        await pilot.press("enter")  # and again: the filter goes, the row stays highlighted
        await settle(pilot, app)
        assert not app.main.chosen and len(titles(app)) == 5
        assert listing.highlighted_option is not None and "Vladimir Putin" in str(listing.highlighted_option.prompt)
    assert reading_state(db) == (0, 0)


async def test_o_with_no_browser_says_so_and_shows_the_highlighted_articles_link(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_browser() -> webbrowser.BaseBrowser:
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", no_browser)
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        said = notices(app, monkeypatch)
        await settle(pilot, app)
        await pilot.press("enter", "1", "j")  # one article open, another highlighted
        await settle(pilot, app)
        highlighted = app.query_one(Timeline).current()
        assert highlighted is not None and highlighted.id != app.query_one(Reader).article_id
        await pilot.press("o")
        await settle(pilot, app)
    with Store.open(db) as store:
        url = store.article(highlighted.id).article.url  # type: ignore[union-attr]
    assert url and said == [f"no web browser found; the link is {url}"]


class Recorder(webbrowser.BackgroundBrowser):
    """A graphical browser that only notes what it was asked to open."""

    opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return True


async def test_o_opens_the_link_in_a_browser(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    Recorder.opened = []
    monkeypatch.setattr(webbrowser, "get", lambda: Recorder("recorder"))
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        said = notices(app, monkeypatch)
        await settle(pilot, app)
        await pilot.press("j", "o")
        await settle(pilot, app)
        highlighted = app.query_one(Timeline).current()
    with Store.open(db) as store:
        url = store.article(highlighted.id).article.url  # type: ignore[union-attr]
    assert said == [] and Recorder.opened == [url]


async def test_an_empty_archive_says_how_to_add_articles(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    Store.open(path, seed=False).close()
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        shown = "\n".join(shown_lines(app.query_one(Timeline)))
    assert "The archive is empty." in shown
    assert f"newsdesk ingest ~/news --db {path}" in " ".join(shown.split()) and "appear here as they land" in shown
    assert f"newsdesk feed add URL --db {path} then press f here" in " ".join(shown.split())


async def test_a_search_that_matches_nothing_says_how_to_widen_it(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("slash", *"zanzibar", "enter")
        await settle(pilot, app)
        shown = "\n".join(shown_lines(app.query_one(Timeline)))
    assert "No articles match." in shown and "Change the search (/)" in shown


async def test_at_120_columns_titles_get_the_width_and_the_reader_waits_for_an_article(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        timeline, reader = app.query_one(Timeline), app.query_one(Reader)
        assert not reader.display or reader.region.width == 0
        assert timeline.region.width >= 85
        assert "Turkey, Russia Discuss Joint Patrol Option in Syria's Idlib" in "\n".join(shown_lines(timeline))
        await pilot.press("enter")
        await settle(pilot, app)
        # Reading: the timeline over the reader, each the full width beside the entities.
        assert timeline.region.width >= 85 and reader.region.width >= 85
        assert reader.region.y > timeline.region.y and reader.region.height > timeline.region.height


async def test_at_160_columns_the_panes_stand_side_by_side(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        timeline, reader = app.query_one(Timeline), app.query_one(Reader)
        assert reader.region.x > timeline.region.x and reader.region.y == timeline.region.y
        assert min(timeline.region.width, reader.region.width) >= 60


async def test_r_without_words_leaves_the_next_search_in_relevance_order(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        said = notices(app, monkeypatch)
        await settle(pilot, app)
        await pilot.press("r")
        await settle(pilot, app)
        assert said == ["r switches a search with words between relevance and date order"]
        await pilot.press("slash", *"idlib", "enter")
        await settle(pilot, app)
        results = app.query_one(Timeline).results
        assert results is not None and results.query == "idlib" and results.sort == "rank"


async def test_lower_case_operators_are_explained_under_the_search_bar(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("slash", *"idlib or sochi", "enter")
        await settle(pilot, app)
        note = app.query_one("#query-error")
        assert note.has_class("-shown", "-note")
        assert str(note.render()) == "'or' is searched as a word; for the operator write OR"
        app.query_one("#query").value = "idlib OR sochi"  # type: ignore[attr-defined]
        await settle(pilot, app)
        assert not note.has_class("-shown")
        assert len(titles(app)) == 3


async def test_mark_all_read_asks_first_and_u_undoes_only_what_it_changed(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("j", "m")  # one already read by hand
        await settle(pilot, app)
        await app.main.run_action("mark_all_read")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot, app)
        assert not isinstance(app.screen, ConfirmScreen) and reading_state(db) == (1, 0)
        await app.main.run_action("mark_all_read")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot, app)
        assert reading_state(db) == (5, 0)
        assert all(hit.read for hit in hits(app))
        await pilot.press("u")
        await settle(pilot, app)
    with Store.open(db) as store:
        assert store.search("is:read").total == 1
        assert store.search("is:read").hits[0].title == titles_of(db)[1]


def titles_of(db: str) -> list[str]:
    with Store.open(db) as store:
        return [hit.title for hit in store.search("", sort="date").hits]


async def test_a_text_browser_that_cannot_have_the_terminal_is_reported(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    class TextBrowser(webbrowser.GenericBrowser):
        def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
            raise AssertionError("a text browser must not run while the app holds the terminal")

    monkeypatch.setattr(webbrowser, "get", lambda: TextBrowser("lynx"))
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:  # headless: the terminal cannot be lent
        said = notices(app, monkeypatch)
        await settle(pilot, app)
        await pilot.press("j", "o")
        await settle(pilot, app)
        assert app.is_running
    assert len(said) == 1 and said[0].startswith("this terminal cannot be lent to a text browser; the link is https://")


def test_the_empty_archive_hint_names_the_archive_only_when_it_is_not_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.hints import empty_results

    monkeypatch.setenv("NEWSDESK_DB", str(tmp_path / "default.db"))
    assert "newsdesk ingest ~/news" in empty_results("", 0, str(tmp_path / "default.db"))
    assert "newsdesk ingest ~/news --db '/my news/a.db'" in empty_results("", 0, "/my news/a.db")
    assert empty_results("x", 2, "a.db") == [
        "No articles match.",
        "Change the search (/) or clear the filters (c) to see more.",
    ]


async def test_a_relaunch_keeps_a_highlighted_article_highlighted_without_opening_it(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("j", "j")
        await settle(pilot, app)
        highlighted = app.query_one(Timeline).current()
        await pilot.press("R")  # a refresh saves the session
        await settle(pilot, app)
    again = make_app(db)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot, again)
        assert again.query_one(Reader).article_id is None
        assert again.screen.has_class("-no-article") and again.query_one(Timeline).region.width >= 85
        current = again.query_one(Timeline).current()
        assert highlighted is not None and current is not None and current.id == highlighted.id
