"""The timeline: matching articles under date headings (or in relevance order), drawn one
line at a time from a ResultSet so that only what is on screen is ever rendered."""

from __future__ import annotations

from rich.segment import Segment
from textual import on
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store import SearchHit
from tui.data import ResultSet
from tui.unfolding import Unfolded, above, below
from tui.widgets.cells import wrapped
from tui.widgets.pages import PageFailed, PageLoaded, PageRequests
from tui.widgets.strips import TimelineStrips


class Timeline(ScrollView, can_focus=True):
    """Articles of the current search; j/k move, Enter opens. Folded to one row per story,
    Enter (or l, right, space) on a story's row lists its other articles under it, one story
    at a time, and h (left) folds it again."""

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="timeline.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="timeline.up"),
        Binding("g,home", "first", "Top", show=False, id="timeline.top"),
        Binding("G,end", "last", "Bottom", show=False, id="timeline.bottom"),
        Binding("pagedown", "page_down", "Page down", show=False, id="timeline.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="timeline.page_up"),
        Binding("enter", "open", "Open", id="timeline.open"),
        Binding("l,right", "unfold", "Open story", show=False, id="timeline.unfold"),
        Binding("h,left", "fold", "Close story", show=False, id="timeline.fold"),
        Binding("space", "toggle_story", "Open/close story", show=False, id="timeline.story"),
    ]
    COMPONENT_CLASSES = {
        "timeline--heading",
        "timeline--cursor",
        "timeline--unread",
        "timeline--star",
        "timeline--date",
        "timeline--source",
        "timeline--snippet",
        "timeline--match",
        "timeline--empty",
        "timeline--failed",
        "timeline--story",
    }

    cursor: reactive[int] = reactive(0, always_update=True)
    """Index of the highlighted row in the result set (with `member`, the unfolded article)."""

    class Chosen(Message):
        """The user opened an article."""

        def __init__(self, timeline: Timeline, article_id: int, index: int) -> None:
            super().__init__()
            self.timeline = timeline
            self.article_id = article_id
            self.index = index

        @property
        def control(self) -> Timeline:
            return self.timeline

    class StoryLoaded(Message):
        """A worker read the other matches of the story a folded row stands for."""

        def __init__(self, results: ResultSet, unfolded: Unfolded, member: int | None = None) -> None:
            super().__init__()
            self.results = results
            self.unfolded = unfolded
            self.member = member
            """The article to highlight among them, if any."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.results: ResultSet | None = None
        self.member: int | None = None
        """Which of the unfolded story's other articles is highlighted (None: the row itself)."""
        self.empty_lines: list[str] = ["Loading…"]
        self._strips = TimelineStrips(self)
        self._requests = PageRequests(self, lambda: self.results)

    def show(self, results: ResultSet, select: int = 0, empty: list[str] | None = None) -> None:
        """Display a new result set with the cursor on article `select`; `empty` is what to
        say when it holds nothing."""
        reopen = self.results.open_story(self.member) if self.results else None
        self.results = results
        self._strips.clear()
        self._requests.clear()
        self.member = None
        self.virtual_size = Size(0, results.line_count)
        self.empty_lines = (empty or ["No articles match."]) if not results.total else []
        self.cursor = max(0, min(select, results.total - 1))
        self.refresh()
        if reopen is not None:
            self._reopen(results, *reopen)

    def watch_cursor(self, previous: int, cursor: int) -> None:
        results = self.results
        if results is None or not results.total:
            return
        top = results.line_of(cursor)
        bottom = top + results.article_height
        if self.member is not None:
            top = bottom + self.member
            bottom = top + 1
        else:
            heading = results.groups[results.group_index(cursor)]
            if heading.label and cursor == heading.first_index:
                top -= 1
        height = self.scrollable_content_region.height
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
            self.refresh()
        elif bottom > self.scroll_y + height:
            self.scroll_to(y=bottom - height, animate=False)
            self.refresh()
        else:
            # Only the rows whose highlight changed need drawing again.
            for index in dict.fromkeys((previous, cursor)):
                if 0 <= index < results.total:
                    self.refresh_lines(results.line_of(index), results.article_height + results.lines_under(index))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Pages that could not be read and are now off screen are read again when back on it."""
        super().watch_scroll_y(old_value, new_value)
        results = self.results
        if results is not None and results.total:
            top, bottom = int(new_value), int(new_value) + self.scrollable_content_region.height - 1
            self._requests.keep_failures(range(results.page_at_line(top), results.page_at_line(bottom) + 1))

    def action_cursor_down(self) -> None:
        if self.results is not None and (position := below(self.results, (self.cursor, self.member))):
            self._highlight(*position)

    def action_cursor_up(self) -> None:
        if self.results is not None and (position := above(self.results, (self.cursor, self.member))):
            self._highlight(*position)

    def action_first(self) -> None:
        self._highlight(0, None)

    def action_last(self) -> None:
        if self.results and self.results.total:
            self._highlight(self.results.total - 1, None)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_open(self) -> None:
        hit = self.current()
        if hit is None:
            return
        if self.member is None and hit.more and self.results and not self.results.lines_under(self.cursor):
            self.action_unfold()
        else:
            self.post_message(self.Chosen(self, hit.id, self.cursor))

    def action_unfold(self) -> None:
        """List the other articles of the highlighted row's story under it."""
        results = self.results
        hit = results.hit(self.cursor) if results else None
        if results is not None and hit is not None and hit.more and not results.lines_under(self.cursor):
            self._open_story(results, self.cursor, hit)

    def action_fold(self) -> None:
        """Fold the open story back into its row (the row keeps the highlight)."""
        results = self.results
        if results is None or results.unfolded is None:
            return
        index, results.unfolded = results.unfolded.index, None
        self.virtual_size = Size(0, results.line_count)
        self._highlight(index, None)
        self.refresh()

    def action_toggle_story(self) -> None:
        if self.results is not None and self.results.lines_under(self.cursor):
            self.action_fold()
        else:
            self.action_unfold()

    def current(self) -> SearchHit | None:
        """The highlighted article, once its page has arrived."""
        return self.results.row(self.cursor, self.member) if self.results else None

    def _highlight(self, index: int, member: int | None) -> None:
        self.member = member
        self.cursor = index

    def _page(self, direction: int) -> None:
        if self.results and self.results.total:
            step = max(1, self.scrollable_content_region.height // self.results.article_height - 1)
            self._highlight(max(0, min(self.results.total - 1, self.cursor + direction * step)), None)

    def _open_story(self, results: ResultSet, index: int, lead: SearchHit, member: int | None = None) -> None:
        """Read a story's other matches in a worker (`member`: the one to highlight then)."""

        def read() -> None:
            self.post_message(self.StoryLoaded(results, results.fetch_story(index, lead), member))

        self.app.run_worker(read, thread=True, group="timeline-story", exclusive=True, exit_on_error=False)

    def _reopen(self, results: ResultSet, lead: int, member: int | None) -> None:
        """After a search again (a refresh, a change, new articles), the story that was open
        opens again if the cursor came back to its row."""
        hit = results.hit(self.cursor)
        if results.folded and hit is not None and hit.id == lead and hit.more:
            self._open_story(results, self.cursor, hit, member)

    @on(StoryLoaded)
    def _story_loaded(self, message: StoryLoaded) -> None:
        message.stop()
        results, opened = self.results, message.unfolded
        if message.results is not results or results is None or not opened.hits or self.cursor != opened.index:
            return
        results.unfolded = opened
        self.virtual_size = Size(0, results.line_count)
        self._strips.clear()
        ids = [hit.id for hit in opened.hits]
        self._highlight(opened.index, ids.index(message.member) if message.member in ids else None)
        self.refresh()

    @on(PageLoaded)
    def _page_loaded(self, message: PageLoaded) -> None:
        message.stop()
        if message.results is not self.results:
            return
        self.results.keep_page(message.page_number, message.hits)
        self._requests.loaded(message.page_number)
        self.refresh()

    @on(PageFailed)
    def _page_failed(self, message: PageFailed) -> None:
        message.stop()
        if message.results is self.results:
            self._requests.failed(message.page_numbers)
            self.refresh()

    def on_click(self, event: object) -> None:
        line = getattr(event, "y", 0) + int(self.scroll_y)
        position = self.results.position_at(line) if self.results else None
        if position is not None:
            self._highlight(*position)
            self.action_open()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = y + int(self.scroll_y)
        results = self.results
        if results is None or not results.total:
            said = wrapped(self.empty_lines, width - 2)
            if 1 <= y <= len(said):
                return Strip([Segment(f"  {said[y - 1]}", self._strips.style("timeline--empty"))])
            return Strip.blank(width, self.rich_style)
        if line >= results.line_count:
            return Strip.blank(width, self.rich_style)
        group, index, part = results.at_line(line)
        if index is None:
            return self._strips.heading(group.label or "", width)
        if part >= results.article_height and results.unfolded is not None:
            member = part - results.article_height
            lead = results.hit(index)
            selected = index == self.cursor and self.member == member
            return self._strips.unfolded(results.unfolded, member, selected, width, lead.story if lead else None)
        hit = results.hit(index)
        selected = index == self.cursor and self.member is None
        if hit is None and self._requests.unreadable(results.page_of(index)):
            return self._strips.unreadable(part, selected, width)
        if hit is None:
            self._requests.want(results.page_of(index))
            return self._strips.placeholder(part, selected, width)
        return self._strips.article(hit, part, selected, width, results.sort == "rank")
