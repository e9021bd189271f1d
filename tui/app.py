"""The newsdesk app: a search bar over three panes (entities, timeline, reader), driven
from the keyboard. Every query runs in a worker; the UI only ever shows what came back."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer, Input, Static
from textual.worker import Worker, WorkerState, get_current_worker

from articles.errors import NewsdeskError
from articles.sanitize import sanitize_line
from store import Cancelled, EntityFacet, Sort
from store.query.notes import query_notes
from store.query.parser import query_terms
from tui.browse import follow, open_link
from tui.bulk import MarkAllRead
from tui.config import Config, apply_config, load_config
from tui.data import borrowed, close_stores, load_facets, load_results
from tui.feedfilter import FeedFilter
from tui.fetching import FeedFetcher
from tui.hints import empty_results
from tui.layout import PaneLayout
from tui.messages import ArticleLoaded, FacetsLoaded, Problem, ResultsLoaded, SearchFailed, StateChanged
from tui.related import RelatedFinder, RelatedLoaded
from tui.screens.help import HelpScreen, help_sections
from tui.screens.stories import StoriesScreen
from tui.screens.trend import TrendScreen
from tui.session import STATE_KEY, Session, restore_session
from tui.why import WhyListed
from tui.widgets.entities import EntityPane
from tui.widgets.reader import Reader
from tui.widgets.related import RelatedList
from tui.widgets.timeline import Timeline

if TYPE_CHECKING:
    from textual.command import Provider

# Long enough to skip the keys of a paste or a key repeat; a search typed past is stopped.
DEBOUNCE = 0.04


class NewsdeskApp(PaneLayout):
    """Read, search and slice a news archive offline."""

    CSS_PATH = "app.tcss"
    TITLE = "newsdesk"
    COMMANDS = App.COMMANDS | {lambda: _palette()}
    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="search"),
        Binding("escape", "go_back", "Back", show=False, id="back"),
        Binding("1", "focus_pane('timeline')", "Timeline", show=False, id="pane.timeline"),
        Binding("2", "focus_pane('reader')", "Reader", show=False, id="pane.reader"),
        Binding("3,e", "focus_pane('entities')", "Entities", id="pane.entities"),
        Binding("s", "star", "Star", id="star"),
        Binding("m", "toggle_read", "Read/unread", show=False, id="toggle_read"),
        Binding("o", "open_url", "Open URL", show=False, id="open_url"),
        Binding("c", "clear_filters", "Clear filters", show=False, id="clear_filters"),
        Binding("r", "toggle_sort", "Date/relevance", show=False, id="toggle_sort"),
        Binding("R,f5", "refresh", "Refresh", show=False, id="refresh"),
        Binding("u", "undo", "Undo mark all read", show=False, id="undo"),
        Binding("f", "fetch", "Fetch", id="fetch"),
        Binding("F", "feeds", "Feeds: filter by one", show=False, id="feeds"),
        Binding("S", "stories", "Stories among the results", show=False, id="stories"),
        Binding("w", "why", "Why is this article listed", show=False, id="why"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, db_path: str, config: Config | None = None, session: Session | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.config = config or Config()
        self.session = session
        # Searches show best matches first ('r' switches to the timeline); no text means the timeline.
        self.sort: Sort = "rank"
        self.chosen: dict[int, EntityFacet] = {}
        self.generation = 0
        self.pending_select: int | None = None
        self.debounce: Timer | None = None
        self.last_query = ""
        self.bulk = MarkAllRead(self, self.db_path, self.refresh_results)
        self.fetcher = FeedFetcher(self, self.db_path, self._status, self.refresh_results)
        self.related_finder = RelatedFinder(self, self.db_path)
        self.why = WhyListed(self, self.db_path)
        self.feed_filter = FeedFilter(
            self, self.db_path, lambda: (self.last_query, tuple(self.chosen)), self._set_query
        )

    def compose(self) -> ComposeResult:
        with Vertical(id="search-bar"):
            yield Input(placeholder='Search: words, "phrases", person:erdogan, date:2020.., is:unread', id="query")
            yield Static("", id="query-error", markup=False)
        with Horizontal(id="panes"):
            yield EntityPane(id="entities")
            with Container(id="main"):
                yield Timeline(id="timeline")
                yield Reader(id="reader")
        yield Static("", id="status", markup=False)
        yield Footer()

    def on_unmount(self) -> None:
        self.generation += 1  # a search still running sees it is no longer wanted, and stops
        close_stores()

    def on_mount(self) -> None:
        for problem in apply_config(self, self.config):
            self.notify(problem, severity="warning", timeout=8, markup=False)
        self._apply_width(self.size.width)
        self._restore()
        self.query_one(Timeline).focus()
        self.call_after_refresh(gc.freeze)

    # -- searching -------------------------------------------------------------------------

    def _restore(self) -> None:
        session = self.session or restore_session(self.db_path, preload=False)
        self.sort = session.sort
        self.chosen = dict(session.chosen)
        self.pending_select = session.article
        reading = session.article is not None and session.reading
        self.screen.set_class(not reading, "-no-article")
        self.query_one("#query", Input).value = session.query
        self.last_query = session.query
        if session.results is None:
            self.run_search(open_selected=reading)
            return
        # The first page was read before the first frame: show it now, the rest follows.
        self.generation += 1
        self._show_results(ResultsLoaded(session.results, self.generation, self.pending_select))
        if reading and self.pending_select is not None:
            self._load_article(self.pending_select, None, focus=False, restored=True)
        self.pending_select = None

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        if event.value == self.last_query:
            return
        self.last_query = event.value
        if self.debounce is not None:
            self.debounce.stop()
        self.debounce = self.set_timer(DEBOUNCE, self.run_search)

    @on(Input.Submitted, "#query")
    def _query_submitted(self) -> None:
        self.query_one(Timeline).focus()

    def run_search(self, open_selected: bool = False) -> None:
        self.generation += 1
        select = self.pending_select
        self.pending_select = None
        self._search(self.last_query, self.sort, tuple(self.chosen), self.generation, select, open_selected)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(
        self, query: str, sort: Sort, ids: tuple[int, ...], generation: int, select: int | None, open_it: bool
    ) -> None:
        worker = get_current_worker()
        try:
            results = load_results(self.db_path, query, sort, ids, lambda: generation != self.generation)
        except Cancelled:
            return
        except NewsdeskError as error:
            self.post_message(SearchFailed(error.message, generation))
            return
        if worker.is_cancelled:
            return
        self.post_message(ResultsLoaded(results, generation, select))
        if open_it and select is not None:
            self._load_article(select, None, focus=False, restored=True)

    @work(thread=True, exclusive=True, group="facets", exit_on_error=False)
    def _facets(self, query: str, ids: tuple[int, ...], generation: int) -> None:
        if generation != self.generation:
            return
        try:
            facets = load_facets(self.db_path, query, ids)
        except NewsdeskError as error:
            self.post_message(Problem(error.message))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(FacetsLoaded(facets, generation))

    @on(ResultsLoaded)
    def _show_results(self, message: ResultsLoaded) -> None:
        if message.generation != self.generation:
            return
        results = message.results
        index = results.index_of(message.select_id) if message.select_id is not None else None
        self.query_one(Timeline).show(results, index or 0, empty_results(results.query, len(self.chosen), self.db_path))
        self._show_error(" · ".join(query_notes(results.query)), note=True)
        order = "relevance" if results.sort == "rank" else "date"
        filters = f" · {len(self.chosen)} filter{'s' if len(self.chosen) != 1 else ''}" if self.chosen else ""
        self._status(f"{results.total:,} article{'s' if results.total != 1 else ''} · by {order}{filters}")
        self._save_state()
        # Counted once the results are on screen: counting alongside held up their frame.
        self.call_after_refresh(self._facets, results.query, results.entity_ids, message.generation)

    @on(FacetsLoaded)
    def _show_facets(self, message: FacetsLoaded) -> None:
        # After the next frame: the results it shows must not wait for the entity list to rebuild.
        self.call_after_refresh(self._apply_facets, message)

    def _apply_facets(self, message: FacetsLoaded) -> None:
        if message.generation == self.generation:
            self.query_one(EntityPane).show(message.facets, self.chosen)

    @on(SearchFailed)
    def _search_failed(self, message: SearchFailed) -> None:
        if message.generation == self.generation:
            self._show_error(message.error)

    def _show_error(self, text: str, note: bool = False) -> None:
        """The line under the search bar: an error in the query, or a note on how it is read."""
        error = self.query_one("#query-error", Static)
        error.update(Text(sanitize_line(text)))
        error.set_class(bool(text), "-shown")
        error.set_class(note, "-note")

    def _status(self, text: str) -> None:
        self.query_one("#status", Static).update(Text(sanitize_line(text)))

    # -- articles --------------------------------------------------------------------------

    @on(Timeline.Chosen)
    def _chosen(self, message: Timeline.Chosen) -> None:
        self._load_article(message.article_id, message.index, focus=True)

    def open_article(self, article_id: int) -> None:
        self._load_article(article_id, None, focus=True)

    @work(thread=True, group="article", exit_on_error=False)
    def _load_article(self, article_id: int, index: int | None, focus: bool, restored: bool = False) -> None:
        """Show an article; opening one marks it read, restoring the last session's does not."""
        try:
            with borrowed(self.db_path) as store:
                if not restored:
                    store.opened(article_id)
                stored = store.article(article_id)
        except NewsdeskError as error:
            self.post_message(Problem(error.message))
            return
        if stored is not None:
            self.post_message(ArticleLoaded(stored, index, focus))

    @on(ArticleLoaded)
    def _article_loaded(self, message: ArticleLoaded) -> None:
        reader = self.query_one(Reader)
        reader.show(message.stored, query_terms(self.last_query))
        self.screen.remove_class("-no-article")
        self._follow_state(message.stored.id, message.stored.read, message.stored.starred)
        self.related_finder.find(message.stored.id)
        if message.focus:
            self.screen.add_class("-reading")
            reader.focus()
        self._save_state()

    @on(RelatedLoaded)
    def _related_loaded(self, message: RelatedLoaded) -> None:
        self.query_one(Reader).show_related(message.article_id, message.found)

    @on(RelatedList.Opened)
    def _related_opened(self, message: RelatedList.Opened) -> None:
        self.open_article(message.article_id)

    def _target(self) -> int | None:
        """The article a state key acts on: the open one when reading, else the highlighted one."""
        reader = self.query_one(Reader)
        if reader.has_focus and reader.article_id is not None:
            return reader.article_id
        hit = self.query_one(Timeline).current()
        return hit.id if hit else reader.article_id

    def action_star(self) -> None:
        self._change_state("starred")

    def action_toggle_read(self) -> None:
        self._change_state("read")

    def _change_state(self, field: Literal["read", "starred"]) -> None:
        article_id = self._target()
        if article_id is not None:
            self._write_state(article_id, field)

    @work(thread=True, group="state", exit_on_error=False)
    def _write_state(self, article_id: int, field: Literal["read", "starred"]) -> None:
        try:
            with borrowed(self.db_path) as store:
                stored = store.toggle(article_id, field)
        except NewsdeskError as error:
            self.post_message(Problem(error.message))
            return
        if stored is not None:
            self.post_message(StateChanged(stored))

    @on(StateChanged)
    def _state_changed(self, message: StateChanged) -> None:
        stored = message.stored
        self._follow_state(stored.id, stored.read, stored.starred)
        reader = self.query_one(Reader)
        if reader.article_id == stored.id:
            reader.show(stored, query_terms(self.last_query))

    def _follow_state(self, article_id: int, read: bool, starred: bool) -> None:
        timeline = self.query_one(Timeline)
        results = timeline.results
        if results is None:
            return
        index = results.index_of(article_id)
        if index is not None:
            results.update(index, read=read, starred=starred)
            timeline.refresh()

    @on(Problem)
    def _problem(self, message: Problem) -> None:
        self.notify(sanitize_line(message.text), severity="error", markup=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.notify(f"unexpected error: {event.worker.error}", severity="error", markup=False)

    def action_open_url(self) -> None:
        self._open_link(self._target())

    @work(thread=True, group="link", exit_on_error=False)
    def _open_link(self, article_id: int | None) -> None:
        try:
            with borrowed(self.db_path) as store:
                stored = store.article(article_id) if article_id is not None else None
        except NewsdeskError as error:
            self.post_message(Problem(error.message))
            return
        self.call_from_thread(follow, self, open_link(stored.article.url if stored else None))

    # -- entities --------------------------------------------------------------------------

    @on(EntityPane.Toggled)
    def _toggled(self, message: EntityPane.Toggled) -> None:
        self.toggle_entity(message.facet)

    @on(EntityPane.Trend)
    def _trend(self, message: EntityPane.Trend) -> None:
        self.show_trend(message.facet)

    def show_trend(self, facet: EntityFacet) -> None:
        """The entity's trend screen; a companion chosen there becomes a filter."""

        def chosen(companion: EntityFacet | None) -> None:
            if companion is not None and companion.id not in self.chosen:
                self.toggle_entity(companion)

        self.push_screen(TrendScreen(self.db_path, facet), chosen)

    def toggle_entity(self, facet: EntityFacet) -> None:
        if facet.id in self.chosen:
            del self.chosen[facet.id]
        else:
            self.chosen[facet.id] = facet
        self.run_search()

    def action_clear_filters(self) -> None:
        if self.chosen:
            self.chosen.clear()
            self.run_search()

    def action_toggle_sort(self) -> None:
        if not query_terms(self.last_query):
            # Left as it is: the next search with words keeps the order the user chose.
            self.notify("r switches a search with words between relevance and date order", markup=False)
            return
        self.sort = "rank" if self.sort == "date" else "date"
        self.run_search()

    def action_refresh(self) -> None:
        self.refresh_results()
        self.notify("refreshed", timeout=1.5, markup=False)

    def refresh_results(self) -> None:
        """Search again and keep the highlighted article (after a change made elsewhere)."""
        self.pending_select = self._target()
        self.run_search()

    def action_mark_all_read(self) -> None:
        results = self.query_one(Timeline).results
        if results is None:
            return
        self.bulk.ask(results.total, results.query, results.entity_ids)

    def action_undo(self) -> None:
        self.bulk.undo()

    def action_fetch(self) -> None:
        self.fetcher.start()

    def action_feeds(self) -> None:
        self.feed_filter.open()

    def action_why(self) -> None:
        article_id = self._target()
        if article_id is not None:
            self.why.explain(article_id, self.last_query, tuple(self.chosen))

    def action_stories(self) -> None:
        def chosen(story_id: int | None) -> None:
            if story_id is not None:
                self._set_query(f"story:{story_id}")

        self.push_screen(StoriesScreen(self.db_path, self.last_query, tuple(self.chosen)), chosen)

    def _set_query(self, text: str) -> None:
        self.query_one("#query", Input).value = text

    def action_help(self) -> None:
        self.push_screen(HelpScreen(help_sections(list(self.BINDINGS)), dict(self.config.keys)))

    # -- state -----------------------------------------------------------------------------

    def _save_state(self) -> None:
        """The article in the reader, or else the highlighted one (restored as highlighted only)."""
        open_id = self.query_one(Reader).article_id
        session = Session(self.last_query, self.sort, dict(self.chosen), open_id or self._target(), open_id is not None)
        self._write_meta(session.to_json())

    @work(thread=True, group="save", exclusive=True, exit_on_error=False)
    def _write_meta(self, value: str) -> None:
        try:
            with borrowed(self.db_path) as store:
                store.set_meta(STATE_KEY, value)
        except NewsdeskError as error:
            self.post_message(Problem(error.message))


def _palette() -> type[Provider]:
    """The command palette's provider, imported when the palette first opens."""
    from tui.palette import NewsdeskCommands

    return NewsdeskCommands


def make_app(db_path: str | Path, config: Config | None = None, preload: bool = True) -> NewsdeskApp:
    """The app on the database at `db_path` (the console script and the tests both call this).
    The last session and its first page are read here, before the first frame."""
    session = restore_session(str(db_path), preload) if preload else None
    return NewsdeskApp(str(db_path), config if config is not None else load_config(), session)
