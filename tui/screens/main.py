"""The main screen: the search bar over three panes (entities, timeline, reader), driven from
the keyboard. Every search and every read runs in a worker; the screen shows what came back."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Input, Static

from articles.sanitize import sanitize_line
from store import EntityFacet, Search, Sort, StorePool
from store.query.parser import query_terms
from tui.article_actions import ArticleActions
from tui.article_insights import ArticleInsights
from tui.bulk import MarkAllRead
from tui.data import ResultSet
from tui.feedfilter import FeedFilter
from tui.fetching import FeedFetcher
from tui.layout import Panes
from tui.removing import ArticleRemoval
from tui.searching import Searching, status_text
from tui.session import Session, save_session
from tui.watching import ArchiveWatch
from tui.widgets.entities import EntityPane
from tui.widgets.footer import KeyFooter
from tui.widgets.reader import Reader
from tui.widgets.related import RelatedList
from tui.widgets.searchbar import SearchBar
from tui.widgets.timeline import Timeline
from tui.work import in_worker


class MainScreen(Screen[None]):
    """Read, search and slice the archive in `pool`, starting where `session` left off."""

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
        Binding("z", "toggle_folding", "One row per story / per article", show=False, id="fold_stories"),
        Binding("R,f5", "refresh", "Refresh", show=False, id="refresh"),
        Binding("d,delete", "delete_article", "Delete", id="delete"),
        Binding("u", "undo", "Undo a delete, then mark all read", show=False, id="undo"),
        Binding("f", "fetch", "Fetch", id="fetch"),
        Binding("F", "feeds", "Feeds: filter by one", show=False, id="feeds"),
        Binding("S", "stories", "Stories among the results", show=False, id="stories"),
        Binding("w", "why", "Why is this article listed", show=False, id="why"),
    ]

    def __init__(self, pool: StorePool, session: Session, folders: Sequence[str] = ()) -> None:
        """`folders`: ingested at start and watched while the screen is up (the config's)."""
        super().__init__()
        self.pool = pool
        self.session = session
        # Searches show best matches first ('r' switches to the timeline); no text means the timeline.
        self.sort: Sort = session.sort
        self.folded = session.folded
        self.chosen: dict[int, EntityFacet] = dict(session.chosen)
        self.pending_select: int | None = session.article
        self.panes = Panes(self)
        self.searching = Searching(self, pool, self._results_shown)
        self.articles = ArticleActions(self, pool, self._article_opened)
        self.insights = ArticleInsights(self, pool, self.set_query, self.toggle_entity)
        self.bulk = MarkAllRead(self, pool, self.refresh_results)
        self.removal = ArticleRemoval(self, pool, self.refresh_results)
        self.archive_watch = ArchiveWatch(self, pool, folders, self.refresh_results)
        self.fetcher = FeedFetcher(self, pool, self.show_status, self.refresh_results)
        self.feed_filter = FeedFilter(self, pool, lambda: (self.last_query, tuple(self.chosen)), self.set_query)

    def compose(self) -> ComposeResult:
        yield SearchBar(self.session.query, id="search-bar")
        with Horizontal(id="panes"):
            yield EntityPane(id="entities")
            with Container(id="main"):
                yield Timeline(id="timeline")
                yield Reader(id="reader")
        yield Static("", id="status", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.panes.fit(self.app.size.width)
        session = self.session
        reading = session.article is not None and session.reading
        self.set_class(not reading, "-no-article")
        self.query_one(Timeline).focus()
        self.archive_watch.start()
        if session.results is None:
            self.run_search(open_selected=reading)
            return
        # The first page was read before the first frame: show it now, the rest follows.
        self.searching.show_ready(session.results, self.chosen, session.row or self.pending_select)
        if reading and self.pending_select is not None:
            self.articles.load(self.pending_select, focus=False, restored=True)
        self.pending_select = None

    def on_unmount(self) -> None:
        self.searching.stop()
        self.archive_watch.close()

    def on_resize(self, event: Resize) -> None:
        self.panes.fit(event.size.width)

    @property
    def last_query(self) -> str:
        return self.query_one(SearchBar).value

    # -- searching -------------------------------------------------------------------------

    @on(SearchBar.Changed)
    def _query_changed(self) -> None:
        self.run_search()

    @on(Input.Submitted, "#query")
    def _query_submitted(self) -> None:
        self.query_one(Timeline).focus()

    def run_search(self, open_selected: bool = False, reorder: Search | None = None, near: int | None = None) -> None:
        """Search for what the bar and the filters say; `reorder` is the search on screen when
        only the order changes; `near` is where the cursor goes when the article to select is
        not among the results; `open_selected`: the article selected opens in the reader."""
        select, self.pending_select = self.pending_select, None
        opened = (
            (lambda: self.articles.load(select, focus=False, restored=True))
            if open_selected and select is not None
            else None
        )
        self.searching.run(self.last_query, self.sort, self.chosen, select, near, reorder, opened, self.folded)

    def _results_shown(self, results: ResultSet) -> None:
        self.show_status(status_text(results, len(self.chosen)))
        self._save_state()

    @property
    def idle(self) -> bool:
        """No search pending and the entities of the last one shown (what tests wait for)."""
        return self.searching.idle(self.last_query)

    def search_failed(self, text: str) -> None:
        """A search could not run: say why under the search bar, keeping the results shown."""
        self.searching.failed(text)

    def show_status(self, text: str) -> None:
        self.query_one("#status", Static).update(Text(sanitize_line(text)))

    def set_query(self, text: str) -> None:
        self.query_one(SearchBar).set_query(text)

    # -- articles --------------------------------------------------------------------------

    @on(Timeline.Chosen, "#timeline")
    def _chosen(self, message: Timeline.Chosen) -> None:
        self.articles.load(message.article_id, focus=True)

    def open_article(self, article_id: int) -> None:
        self.articles.load(article_id, focus=True)

    def _article_opened(self) -> None:
        """An article is shown: the session remembers it, and its related articles are found."""
        self._save_state()
        article_id = self.query_one(Reader).article_id
        if article_id is not None:
            self.insights.find_related(article_id)

    @on(RelatedList.Opened)
    def _related_opened(self, message: RelatedList.Opened) -> None:
        self.open_article(message.article_id)

    def action_why(self) -> None:
        article_id = self.articles.target()
        if article_id is not None:
            self.insights.why(article_id, self.last_query, tuple(self.chosen))

    def action_stories(self) -> None:
        self.insights.stories(self.last_query, tuple(self.chosen))

    def action_star(self) -> None:
        self.articles.toggle("starred")

    def action_toggle_read(self) -> None:
        self.articles.toggle("read")

    def action_open_url(self) -> None:
        self.articles.open_link()

    # -- filters and order -----------------------------------------------------------------

    @on(EntityPane.Toggled, "#entities")
    def _toggled(self, message: EntityPane.Toggled) -> None:
        self.toggle_entity(message.facet)

    @on(EntityPane.Trend, "#entities")
    def _trend(self, message: EntityPane.Trend) -> None:
        self.insights.trend(message.facet, lambda: self.chosen)

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
        results = self.query_one(Timeline).results
        same = results is not None and (results.query, results.entity_ids) == (self.last_query, tuple(self.chosen))
        self.run_search(reorder=results.search if same and results is not None else None)

    def action_toggle_folding(self) -> None:
        self.folded = not self.folded
        timeline = self.query_one(Timeline)
        results, hit = timeline.results, timeline.current()
        same = results is not None and (results.query, results.entity_ids) == (self.last_query, tuple(self.chosen))
        self.pending_select = hit.id if hit else None
        self.run_search(reorder=results.search if same and results else None, near=timeline.cursor)

    def action_refresh(self) -> None:
        self.refresh_results()
        self.notify("refreshed", timeout=1.5, markup=False)

    def refresh_results(self, select: int | None = None) -> None:
        """Search again and keep the highlighted article (after a change made elsewhere), or
        put the cursor on `select`; where neither is found, it stays at its place."""
        self.pending_select = select if select is not None else self.articles.target()
        self.run_search(near=self.query_one(Timeline).cursor)

    def action_delete_article(self) -> None:
        self.removal.ask(self.query_one(Timeline).current())

    def action_mark_all_read(self) -> None:
        results = self.query_one(Timeline).results
        if results is not None:
            self.bulk.ask(results.articles, results.query, results.entity_ids)

    def action_undo(self) -> None:
        if self.removal.can_undo:
            self.removal.undo()
        else:
            self.bulk.undo()

    def action_fetch(self) -> None:
        self.fetcher.start()

    def action_feeds(self) -> None:
        self.feed_filter.open()

    # -- panes -----------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.panes.focus_search()

    def action_focus_pane(self, pane: str) -> None:
        self.panes.focus(pane)

    def action_go_back(self) -> None:
        self.panes.back()

    def action_toggle_entities(self) -> None:
        self.panes.toggle_entities()

    def action_toggle_reader(self) -> None:
        self.panes.toggle_reader()

    # -- state -----------------------------------------------------------------------------

    def _save_state(self) -> None:
        """The article in the reader, or else the highlighted one (restored as highlighted only)."""
        open_id = self.query_one(Reader).article_id
        target = open_id or self.articles.target()
        session = Session(self.last_query, self.sort, dict(self.chosen), target, open_id is not None, self.folded)
        in_worker(self, self.pool, lambda store: save_session(store, session), group="save", exclusive=True)
