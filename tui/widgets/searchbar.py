"""The search bar: the query box, and under it the line that says what is wrong with a query
or how it was read. It posts `SearchBar.Changed` once typing pauses."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static

from articles.sanitize import sanitize_line

# Long enough to skip the keys of a paste or a key repeat; a search typed past is stopped.
DEBOUNCE = 0.04
PLACEHOLDER = 'Search: words, "phrases", person:erdogan, date:2020.., is:unread'


class SearchBar(Vertical):
    """The query being typed; `value` is what was last searched for."""

    class Changed(Message):
        """The query changed and typing paused."""

        def __init__(self, search_bar: SearchBar, value: str) -> None:
            super().__init__()
            self.search_bar = search_bar
            self.value = value

        @property
        def control(self) -> SearchBar:
            return self.search_bar

    def __init__(self, value: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.value = value
        self._debounce: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Input(self.value, placeholder=PLACEHOLDER, id="query")
        yield Static("", id="query-error", markup=False)

    @on(Input.Changed, "#query")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value == self.value:
            return
        self.value = event.value
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE, lambda: self.post_message(self.Changed(self, self.value)))

    def set_query(self, text: str) -> None:
        """Put `text` in the box (it is searched for like typed text)."""
        self.query_one("#query", Input).value = text

    def say(self, text: str, note: bool = False) -> None:
        """An error in the query, or (`note`) how it was read; '' says nothing."""
        line = self.query_one("#query-error", Static)
        line.update(Text(sanitize_line(text)))
        line.set_class(bool(text), "-shown")
        line.set_class(note, "-note")
