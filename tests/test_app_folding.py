"""The timeline folded to one row per story (z): a story's row with '+N', opened under it
with Enter (l, space), its articles one key from the reader, folded back with h."""

from __future__ import annotations

import pytest

from tests.apptools import hits, settle, wait_until
from tui.app import NewsdeskApp, make_app
from tui.widgets.reader import Reader
from tui.widgets.timeline import Timeline

pytestmark = pytest.mark.usefixtures("quiet_config")


def _timeline(app: NewsdeskApp) -> Timeline:
    return app.query_one(Timeline)


def _status(app: NewsdeskApp) -> str:
    return str(app.query_one("#status").render())


def _screen_text(app: NewsdeskApp) -> str:
    timeline = _timeline(app)
    return "\n".join(timeline.render_line(y).text for y in range(timeline.size.height))


async def _folded(pilot, app: NewsdeskApp) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot, app)
    await pilot.press("z")
    await settle(pilot, app)


async def test_z_shows_each_story_once_and_the_status_counts_both(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await _folded(pilot, app)
        rows = hits(app)
        # The seeds' two accounts of August 2024 are one row, the two of February 2020 another.
        assert [hit.more for hit in rows] == [1, 1, 0]
        assert rows[0].title.startswith("Turkiye and Russia resume")
        assert "5 articles in 3 stories" in _status(app)
        assert "+1 article" in _screen_text(app)
        await pilot.press("z")
        await settle(pilot, app)
        assert len(hits(app)) == 5 and "5 articles · by date" in _status(app)
        assert "+1 article" not in _screen_text(app)


async def test_enter_opens_a_story_under_its_row_and_enter_on_an_article_reads_it(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await _folded(pilot, app)
        timeline = _timeline(app)
        await pilot.press("enter")
        await settle(pilot, app)
        opened = timeline.results.unfolded if timeline.results else None
        assert opened is not None and opened.index == 0 and len(opened.hits) == 1
        assert app.query_one(Reader).article_id is None  # opening a story reads nothing yet
        assert "└" in _screen_text(app) and "Türkiye, Russia resume joint military" in _screen_text(app)
        await pilot.press("j")
        assert (timeline.cursor, timeline.member) == (0, 0)
        member = timeline.current()
        assert member is not None and member.id == opened.hits[0].id
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.query_one(Reader).article_id == member.id
        await wait_until(pilot, lambda: bool(timeline.results and timeline.results.unfolded.hits[0].read))  # type: ignore[union-attr]


async def test_j_and_k_walk_through_an_opened_story_and_h_folds_it_back(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await _folded(pilot, app)
        timeline = _timeline(app)
        await pilot.press("j", "l")  # the February 2020 story
        await settle(pilot, app)
        assert timeline.results is not None and timeline.results.unfolded is not None
        assert timeline.results.unfolded.index == 1
        await pilot.press("j", "j")
        assert (timeline.cursor, timeline.member) == (2, None)  # past the story's article, the next row
        await pilot.press("k")
        assert (timeline.cursor, timeline.member) == (1, 0)
        await pilot.press("h")
        assert timeline.results.unfolded is None
        assert (timeline.cursor, timeline.member) == (1, None)
        await pilot.press("space")
        await settle(pilot, app)
        assert timeline.results.unfolded is not None
        await pilot.press("space")
        assert timeline.results.unfolded is None


async def test_a_search_folds_too_and_relevance_order_keeps_the_folding(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await _folded(pilot, app)
        await pilot.press("slash", *"syria", "enter")
        await settle(pilot, app)
        assert _timeline(app).results is not None and _timeline(app).results.sort == "rank"  # type: ignore[union-attr]
        assert sorted(hit.more for hit in hits(app)) == [0, 1, 1]
        assert "5 articles in 3 stories · by relevance" in _status(app)
        await pilot.press("r")
        await settle(pilot, app)
        assert [hit.more for hit in hits(app)] == [1, 1, 0]
        assert "by date" in _status(app)


async def test_folding_is_remembered_and_keeps_the_highlighted_story(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("j", "j")  # Turkey Rejoins (February 18th), the February story's older account
        chosen = _timeline(app).current()
        await pilot.press("z")
        await settle(pilot, app)
        assert _timeline(app).cursor == 1  # its story's row
        lead = _timeline(app).current()
        assert chosen is not None and lead is not None and lead.more == 1 and lead.id != chosen.id
        await pilot.press("z")
        await settle(pilot, app)
        now = _timeline(app).current()
        assert now is not None and now.id == lead.id  # unfolded, on the row's article
        await pilot.press("z")
        await settle(pilot, app)
    again = make_app(db)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot, again)
        assert again.main.folded and "in 3 stories" in _status(again)


async def test_an_open_story_stays_open_when_the_results_are_searched_again(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await _folded(pilot, app)
        timeline = _timeline(app)
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.press("j", "s")  # starring the story's other article searches again
        await settle(pilot, app)
        await pilot.press("R")
        await settle(pilot, app)
        assert timeline.results is not None and timeline.results.unfolded is not None
        assert (timeline.cursor, timeline.member) == (0, 0)
        starred = timeline.current()
        assert starred is not None and starred.starred


async def test_relaunching_folded_highlights_the_row_of_the_article_read_last(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await _folded(pilot, app)
        await pilot.press("j", "enter")  # the February 2020 story
        await settle(pilot, app)
        await pilot.press("j", "enter")  # its older account
        await settle(pilot, app)
        read = app.query_one(Reader).article_id
        assert read is not None and read != hits(app)[1].id
    again = make_app(db)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot, again)
        assert again.query_one(Reader).article_id == read
        assert _timeline(again).cursor == 1


async def test_the_palette_folds_the_timeline_too(db: str) -> None:
    from textual.widgets import OptionList

    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+p", *"per story")

        def listed() -> list[str]:
            listing = app.screen.query_one(OptionList)
            return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]

        await wait_until(pilot, lambda: any("One row per story" in hit for hit in listed()))
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.main.folded and "in 3 stories" in _status(app)


async def test_folding_still_folds_when_finding_the_highlighted_article_takes_too_long(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from store import QueryError, Search

    def too_slow(self: Search, article_id: int) -> int | None:
        raise QueryError("the query took longer than 1 s and was stopped; make it narrower")

    monkeypatch.setattr(Search, "position", too_slow)
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("j", "j", "z")
        await settle(pilot, app)
        assert "in 3 stories" in _status(app)
        assert _timeline(app).cursor == 2  # where it was: its place could not be counted in time
