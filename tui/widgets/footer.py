"""The footer of keys, fitted to the terminal's width: when they do not all fit on its one
line, the keys a reader needs least leave it first (they still work, and ? lists them all)."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer

LEAST_NEEDED = ("fetch", "delete_article", "focus_pane('entities')", "star", "related", "focus_search")
"""The actions whose keys leave a footer too narrow for them all, first to last (never Help, Quit)."""


class KeyFooter(Footer):
    """A footer that shows only as many keys as the width holds (composed again when the width
    changes: see tui/layout.py)."""

    def compose(self) -> ComposeResult:
        shown = list(super().compose())
        room = self.app.size.width
        for action in LEAST_NEEDED:
            if _cells(shown, self.compact) <= room:
                break
            shown = [widget for widget in shown if getattr(widget, "action", None) != action]
        yield from shown


def _cells(widgets: list[Widget], compact: bool) -> int:
    """How many columns the keys take, as Footer and FooterKey lay them out: compact, the key,
    a space, the description and a margin; otherwise a space either side of the key and one
    after the description. The command palette's key also has a border to its left."""
    total = 0
    for widget in widgets:
        # A key of the footer (Textual's FooterKey, which it does not export: known by its parts).
        key, description = getattr(widget, "key_display", None), getattr(widget, "description", None)
        if isinstance(key, str) and isinstance(description, str):
            total += cell_len(key) + cell_len(description) + (2 if compact else 3)
            total += 1 if widget.has_class("-command-palette") else 0
    return total
