"""Which panes show and which has focus (the CSS classes on the screen say which): three side
by side on a wide terminal; the entities beside the timeline over the reader on a middling one
(titles and text both get the width: at 120 columns, side by side, each got 45); one at a time
on a narrow one. The reader takes room only once an article is open."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Input

from tui.widgets.entities import EntityList
from tui.widgets.footer import KeyFooter
from tui.widgets.reader import Reader
from tui.widgets.timeline import Timeline

NARROW = 100
SIDE_BY_SIDE = 160


class Panes:
    """The focus and layout of a screen holding the three panes and the query box."""

    def __init__(self, screen: Screen[None]) -> None:
        self.screen = screen

    def focus_search(self) -> None:
        self.screen.remove_class("-reading")
        self.screen.query_one("#query", Input).focus()

    def focus(self, pane: str) -> None:
        screen = self.screen
        if pane == "entities":
            screen.add_class("-show-entities")
            screen.remove_class("-reading", "-hide-entities")
            screen.query_one(EntityList).focus()
        elif pane == "reader":
            if screen.has_class("-no-article"):
                screen.notify("no article is open: press Enter on one in the timeline", markup=False)
                return
            screen.add_class("-reading")
            screen.remove_class("-hide-reader")
            screen.query_one(Reader).focus()
        else:
            screen.remove_class("-reading", "-show-entities")
            screen.query_one(Timeline).focus()

    def back(self) -> None:
        screen = self.screen
        if (
            screen.focused is screen.query_one("#query", Input)
            or screen.has_class("-reading", "-show-entities")
            or screen.focused is not screen.query_one(Timeline)
        ):
            self.focus("timeline")

    def toggle_entities(self) -> None:
        self.screen.toggle_class("-hide-entities" if self.screen.size.width >= NARROW else "-show-entities")

    def toggle_reader(self) -> None:
        self.screen.toggle_class("-hide-reader" if self.screen.size.width >= NARROW else "-reading")

    def fit(self, width: int) -> None:
        self.screen.set_class(width < NARROW, "narrow")
        self.screen.set_class(NARROW <= width < SIDE_BY_SIDE, "stacked")
        # Narrow, the keys sit closer together, and only as many as fit are shown.
        for footer in self.screen.query(KeyFooter):
            footer.compact = width < NARROW
            footer.refresh(recompose=True)
