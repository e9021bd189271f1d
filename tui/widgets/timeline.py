"""The timeline: matching articles under date headings (or in relevance order), drawn one
line at a time from a ResultSet so that only what is on screen is ever rendered."""

from __future__ import annotations

from collections import OrderedDict
from functools import partial

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from articles.sanitize import sanitize_line
from store import SearchHit
from tui.data import ResultSet
from tui.widgets.cells import day_label, fit, window, wrapped


class Timeline(ScrollView, can_focus=True):
    """Articles of the current search; j/k move, Enter opens."""

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="timeline.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="timeline.up"),
        Binding("g,home", "first", "Top", show=False, id="timeline.top"),
        Binding("G,end", "last", "Bottom", show=False, id="timeline.bottom"),
        Binding("pagedown", "page_down", "Page down", show=False, id="timeline.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="timeline.page_up"),
        Binding("enter", "open", "Open", id="timeline.open"),
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
    }

    cursor: reactive[int] = reactive(0, always_update=True)
    """Index of the highlighted article in the result set."""

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

    class PageLoaded(Message):
        """A worker read a page of the results on screen (or of ones since replaced)."""

        def __init__(self, results: ResultSet, page_number: int, hits: tuple[SearchHit, ...]) -> None:
            super().__init__()
            self.results = results
            self.page_number = page_number
            self.hits = hits

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.results: ResultSet | None = None
        self.empty_lines: list[str] = ["Loading…"]
        self._strips: OrderedDict[tuple[object, ...], Strip] = OrderedDict()
        self._wanted: set[int] = set()
        self._asked: set[int] = set()

    def show(self, results: ResultSet, select: int = 0, empty: list[str] | None = None) -> None:
        """Display a new result set with the cursor on article `select`; `empty` is what to
        say when it holds nothing."""
        self.results = results
        self._strips.clear()
        self._wanted.clear()
        self._asked.clear()
        self.virtual_size = Size(0, results.line_count)
        self.empty_lines = (empty or ["No articles match."]) if not results.total else []
        self.cursor = max(0, min(select, results.total - 1))
        self.refresh()

    def watch_cursor(self, previous: int, cursor: int) -> None:
        results = self.results
        if results is None or not results.total:
            return
        top = results.line_of(cursor)
        bottom = top + results.article_height
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
            # Only the two rows whose highlight changed need drawing again.
            for index in (previous, cursor):
                if 0 <= index < results.total:
                    self.refresh_lines(results.line_of(index), results.article_height)

    def action_cursor_down(self) -> None:
        if self.results and self.cursor < self.results.total - 1:
            self.cursor += 1

    def action_cursor_up(self) -> None:
        if self.cursor > 0:
            self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        if self.results and self.results.total:
            self.cursor = self.results.total - 1

    def action_page_down(self) -> None:
        if self.results and self.results.total:
            step = max(1, self.scrollable_content_region.height // self.results.article_height - 1)
            self.cursor = min(self.results.total - 1, self.cursor + step)

    def action_page_up(self) -> None:
        if self.results:
            step = max(1, self.scrollable_content_region.height // self.results.article_height - 1)
            self.cursor = max(0, self.cursor - step)

    def action_open(self) -> None:
        hit = self.current()
        if hit is not None:
            self.post_message(self.Chosen(self, hit.id, self.cursor))

    def current(self) -> SearchHit | None:
        """The highlighted article, once its page has arrived."""
        return self.results.hit(self.cursor) if self.results else None

    def _want(self, page_number: int) -> None:
        """Ask for a page a row needs (drawn as a placeholder until it comes)."""
        if page_number in self._asked or page_number in self._wanted:
            return
        if not self._wanted:
            self.call_later(self._ask)
        self._wanted.add(page_number)

    def _ask(self) -> None:
        if self.results is None or not self._wanted:
            return
        pages, self._wanted = sorted(self._wanted), set()
        self._asked.update(pages)
        # The app's worker, so that a failure is reported where every other one is.
        fetch = partial(self._fetch_pages, self.results, pages)
        self.app.run_worker(fetch, thread=True, group="timeline-pages", exit_on_error=False)

    def _fetch_pages(self, results: ResultSet, pages: list[int]) -> None:
        """On a worker's thread: read the pages, post each back."""
        for page_number in pages:
            self.post_message(self.PageLoaded(results, page_number, results.fetch_page(page_number)))

    @on(PageLoaded)
    def _page_loaded(self, message: PageLoaded) -> None:
        message.stop()
        if message.results is not self.results:
            return
        self.results.keep_page(message.page_number, message.hits)
        self._asked.discard(message.page_number)
        self.refresh()

    def on_click(self, event: object) -> None:
        line = getattr(event, "y", 0) + int(self.scroll_y)
        if self.results and self.results.total and line < self.results.line_count:
            _, index, _ = self.results.at_line(line)
            if index is not None:
                self.cursor = index
                self.action_open()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = y + int(self.scroll_y)
        results = self.results
        if results is None or not results.total:
            said = wrapped(self.empty_lines, width - 2)
            if 1 <= y <= len(said):
                return Strip([Segment(f"  {said[y - 1]}", self._style("timeline--empty"))])
            return Strip.blank(width, self.rich_style)
        if line >= results.line_count:
            return Strip.blank(width, self.rich_style)
        group, index, part = results.at_line(line)
        if index is None:
            return self._heading(group.label or "", width)
        hit = results.hit(index)
        selected = index == self.cursor
        if hit is None:
            self._want(results.page_of(index))
            return self._placeholder(part, selected, width)
        key = (hit, part, selected, width, self.has_focus, results.sort)
        strip = self._strips.get(key)
        if strip is None:
            text = self._title_row(hit, width, results.sort == "rank") if part == 0 else self._snippet_row(hit, width)
            fill = self.rich_style
            if selected:
                fill = self._style("timeline--cursor")
                text.stylize(fill)
            # The highlight spans the row, wherever its text ends.
            strip = Strip(list(text.render(self.app.console))).crop(0, width).extend_cell_length(width, fill)
            self._strips[key] = strip
            if len(self._strips) > 400:
                self._strips.popitem(last=False)
        return strip

    def _placeholder(self, part: int, selected: bool, width: int) -> Strip:
        """A row whose page a worker is fetching."""
        style = self._style("timeline--cursor") if selected else self._style("timeline--empty")
        text = Text("   …" if part == 0 else "", style=style, end="")
        return Strip(list(text.render(self.app.console))).extend_cell_length(width, style)

    def _style(self, name: str) -> Style:
        """A component style over the widget's own background, so rows sit flush."""
        return self.rich_style + self.get_component_rich_style(name, partial=True)

    def _heading(self, label: str, width: int) -> Strip:
        text = Text(f" {day_label(label)} ", style=self._style("timeline--heading"))
        text.truncate(width)
        return Strip(list(text.render(self.app.console))).extend_cell_length(width, self.rich_style)

    def _title_row(self, hit: SearchHit, width: int, with_date: bool) -> Text:
        row = Text(no_wrap=True, overflow="ellipsis", end="", style=self.rich_style)
        row.append("●" if not hit.read else " ", self._style("timeline--unread"))
        row.append("★" if hit.starred else " ", self._style("timeline--star"))
        row.append(" ")
        if with_date:  # in date order the day headings say it
            row.append(f"{hit.date or '':<10} ", self._style("timeline--date"))
        source = sanitize_line(hit.source or "")
        room = width - row.cell_len - (len(source) + 2 if source and width >= 70 else 0)
        title = fit(sanitize_line(hit.title), max(8, room))
        row.append(title, self.rich_style + Style(bold=not hit.read))
        if source and width >= 70:
            row.append(" " * max(1, room - len(title) + 2), self.rich_style)
            row.append(fit(source, 24), self._style("timeline--source"))
        row.truncate(width)
        return row

    def _snippet_row(self, hit: SearchHit, width: int) -> Text:
        row = Text("     ", no_wrap=True, end="", style=self._style("timeline--snippet"))
        match_style = self._style("timeline--match")
        shown, spans = window(hit.snippet, hit.matches, width - 5)
        at = row.cell_len
        row.append(shown)
        for start, end in spans:
            row.stylize(match_style, at + start, at + end)
        if row.cell_len > width:
            cut = fit(row.plain, width)
            row.truncate(len(cut) - 1 if cut.endswith("…") else len(cut))
            if cut.endswith("…"):
                row.append("…")
        return row
