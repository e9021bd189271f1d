"""Which panes show and which has focus (the CSS classes on the screen say which): three side
by side on a wide terminal; the entities beside the timeline over the reader on a middling one
(titles and text both get the width: at 120 columns, side by side, each got 45); one at a time
on a narrow one. The reader takes room only once an article is open."""

from __future__ import annotations

from textual.app import App
from textual.events import Resize
from textual.widgets import Input

from tui.widgets.entities import EntityList
from tui.widgets.reader import Reader
from tui.widgets.timeline import Timeline

NARROW = 100
SIDE_BY_SIDE = 160


class PaneLayout(App[None]):
    """The focus and layout actions of the app."""

    def action_focus_search(self) -> None:
        self.screen.remove_class("-reading")
        self.query_one("#query", Input).focus()

    def action_focus_pane(self, pane: str) -> None:
        if pane == "entities":
            self.screen.add_class("-show-entities")
            self.screen.remove_class("-reading", "-hide-entities")
            self.query_one(EntityList).focus()
        elif pane == "reader":
            if self.screen.has_class("-no-article"):
                self.notify("no article is open: press Enter on one in the timeline", markup=False)
                return
            self.screen.add_class("-reading")
            self.screen.remove_class("-hide-reader")
            self.query_one(Reader).focus()
        else:
            self.screen.remove_class("-reading", "-show-entities")
            self.query_one(Timeline).focus()

    def action_go_back(self) -> None:
        if (
            self.focused is self.query_one("#query", Input)
            or self.screen.has_class("-reading", "-show-entities")
            or self.focused is not self.query_one(Timeline)
        ):
            self.action_focus_pane("timeline")

    def action_toggle_entities(self) -> None:
        self.screen.toggle_class("-hide-entities" if self.size.width >= NARROW else "-show-entities")

    def action_toggle_reader(self) -> None:
        self.screen.toggle_class("-hide-reader" if self.size.width >= NARROW else "-reading")

    def on_resize(self, event: Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        self.screen.set_class(width < NARROW, "narrow")
        self.screen.set_class(NARROW <= width < SIDE_BY_SIDE, "stacked")
