"""The ? screen: every key, what it does, and the id to remap it by in the config file."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.config import config_path

KEY_NAMES = {
    "slash": "/",
    "question_mark": "?",
    "escape": "Esc",
    "enter": "Enter",
    "space": "Space",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "home": "Home",
    "end": "End",
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "tab": "Tab",
    "ctrl+p": "Ctrl+P",
    "f5": "F5",
}


def help_sections(app_bindings: list[BindingType]) -> list[tuple[str, list[BindingType]]]:
    """Every binding the app has, grouped by where it works."""
    from tui.widgets.entities import EntityList
    from tui.widgets.reader import Reader
    from tui.widgets.timeline import Timeline

    palette = Binding("ctrl+p", "command_palette", "Open an article, filter, toggle panes", id="command_palette")
    return [
        ("Everywhere", app_bindings),
        ("Timeline", list(Timeline.BINDINGS)),
        ("Reader", list(Reader.BINDINGS)),
        ("Entities", list(EntityList.BINDINGS)),
        ("Command palette", [palette]),
    ]


class HelpScreen(ModalScreen[None]):
    """Keys and the query language at a glance; Esc closes."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help.close")]

    def __init__(self, sections: list[tuple[str, list[BindingType]]], keymap: dict[str, str]) -> None:
        super().__init__()
        self.sections = sections
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(self.table(), markup=False)
            yield Static(_query_help(), markup=False)

    def _key_style(self) -> str:
        """Keys in the theme's accent colour (no colour of its own here)."""
        accent = self.app.current_theme.accent if self.is_attached else None
        return f"bold {accent}" if accent else "bold"

    def table(self) -> Table:
        """Every key, by where it works, with what it does (as the screen shows them)."""
        table = Table(title=Text("newsdesk keys"), expand=True, show_edge=False, title_style="bold")
        table.add_column(Text("keys"), style=self._key_style(), no_wrap=True)
        table.add_column(Text("does"))
        table.add_column(Text("id (for [keys] in the config file)"), style="dim", no_wrap=True)
        for title, bindings in self.sections:
            table.add_row(Text(title, style="bold underline"), Text(""), Text(""))
            for binding in bindings:
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                keys = self.keymap.get(binding.id or "", binding.key)
                shown = "  ".join(KEY_NAMES.get(key.strip(), key.strip()) for key in keys.split(","))
                table.add_row(Text(shown), Text(binding.description), Text(binding.id or ""))
        return table


def _query_help() -> Text:
    text = Text("\nQuery language\n", style="bold")
    text.append(
        '  words are ANDed · "exact phrase" · prefix* · OR · NOT or -word · ( )\n'
        '  title: source: person: place: org: entity:   date:2020  date:2020-02..  date:"last week"..\n'
        "  is:unread  is:read  is:starred\n"
    )
    text.append(f"\nConfig file: {config_path()}\n", style="dim")
    return text
