"""Under the open article: the articles most related to it, each with why (the words and
entities they share). Enter opens one."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from articles.sanitize import sanitize_line
from store import RelatedArticle
from tui.explain import explain_related


class RelatedList(OptionList):
    """The related articles of the open one; Enter opens the highlighted one."""

    BINDINGS = [Binding("enter", "select", "Open related", id="related.open")]

    class Opened(Message):
        """The user chose a related article to read."""

        def __init__(self, control: RelatedList, article_id: int) -> None:
            super().__init__()
            self._control = control
            self.article_id = article_id

        @property
        def control(self) -> RelatedList:
            return self._control

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ids: list[int] = []

    def show(self, found: Sequence[RelatedArticle]) -> None:
        self.clear_options()
        self.ids = [item.id for item in found]
        self.add_options([Option(related_prompt(item)) for item in found])
        self.display = bool(found)

    def wipe(self) -> None:
        self.clear_options()
        self.ids = []
        self.display = False

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.ids):
            self.post_message(self.Opened(self, self.ids[event.option_index]))


def related_prompt(item: RelatedArticle) -> Text:
    """Title, then date and source, then why: untrusted text as plain Text, never markup."""
    prompt = Text(sanitize_line(item.title), style="bold", no_wrap=True, overflow="ellipsis")
    meta = "  ·  ".join(part for part in (item.date or "undated", sanitize_line(item.source or "")) if part)
    prompt.append("\n" + meta, style="dim")
    why = explain_related(item)
    if why:
        prompt.append("\n" + why, style="dim italic")
    return prompt
