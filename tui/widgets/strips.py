"""The timeline's lines as strips, cached: an article's title and snippet lines, the lines
of an unfolded story, day headings, and placeholders for rows not read yet (or that could
not be read), in the widget's component styles."""

from __future__ import annotations

from collections import OrderedDict

from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

from store import SearchHit
from tui.unfolding import Unfolded
from tui.widgets.cells import day_label
from tui.widgets.rows import RowPainter

_KEPT = 400
UNREADABLE = "Could not read this article — R retries"


class TimelineStrips:
    """Draws `widget`'s lines; a line already drawn the same way comes from the cache."""

    def __init__(self, widget: Widget) -> None:
        self.widget = widget
        self._kept: OrderedDict[tuple[object, ...], Strip] = OrderedDict()

    def clear(self) -> None:
        self._kept.clear()

    def article(self, hit: SearchHit, part: int, selected: bool, width: int, rank: bool) -> Strip:
        """Line `part` of an article's row (0 its title, 1 its snippet)."""
        key = (hit, part, selected, width, self.widget.has_focus, rank)
        strip = self._kept.get(key)
        if strip is None:
            painter = self._painter()
            text = painter.title_row(hit, width, rank) if part == 0 else painter.snippet_row(hit, width)
            strip = self._keep(key, text, selected, width)
        return strip

    def unfolded(self, opened: Unfolded, member: int, selected: bool, width: int, story: int | None) -> Strip:
        """A line under an unfolded story's row: one of its other articles, or how many more."""
        if member >= len(opened.hits):
            text = self._painter().more_row(len(opened.hits), opened.total, story, width)
            return self._keep(("more", opened, width), text, False, width)
        hit, last = opened.hits[member], member == opened.lines - 1
        key = ("member", hit, last, selected, width, self.widget.has_focus)
        strip = self._kept.get(key)
        return strip or self._keep(key, self._painter().member_row(hit, width, last), selected, width)

    def placeholder(self, part: int, selected: bool, width: int) -> Strip:
        """A row whose page a worker is fetching."""
        return self._marker("…", "timeline--empty", part, selected, width)

    def unreadable(self, part: int, selected: bool, width: int) -> Strip:
        """A row whose page could not be read: said on its first line, the way to retry included."""
        return self._marker(UNREADABLE, "timeline--failed", part, selected, width)

    def _marker(self, said: str, component: str, part: int, selected: bool, width: int) -> Strip:
        """A row standing for an article not shown: `said` on its first line, in `component`."""
        style = self.style("timeline--cursor") if selected else self.style(component)
        text = Text(f"   {said}" if part == 0 else "", style=style, end="")
        text.truncate(width)
        return Strip(list(text.render(self.widget.app.console))).extend_cell_length(width, style)

    def heading(self, label: str, width: int) -> Strip:
        text = Text(f" {day_label(label)} ", style=self.style("timeline--heading"))
        text.truncate(width)
        return Strip(list(text.render(self.widget.app.console))).extend_cell_length(width, self.widget.rich_style)

    def style(self, name: str) -> Style:
        """A component style over the widget's own background, so rows sit flush."""
        return self.widget.rich_style + self.widget.get_component_rich_style(name, partial=True)

    def _keep(self, key: tuple[object, ...], text: Text, selected: bool, width: int) -> Strip:
        """A row as a strip, highlighted across its width when selected, and cached."""
        fill = self.widget.rich_style
        if selected:
            fill = self.style("timeline--cursor")
            text.stylize(fill)
        strip = Strip(list(text.render(self.widget.app.console))).crop(0, width).extend_cell_length(width, fill)
        self._kept[key] = strip
        if len(self._kept) > _KEPT:
            self._kept.popitem(last=False)
        return strip

    def _painter(self) -> RowPainter:
        return RowPainter(self.widget.rich_style, self.style)
