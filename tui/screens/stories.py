"""The stories screen (S): the current results as stories, one row each (its first title, date,
and "+N more from K sources"); Enter shows that story's articles in the timeline (story:ID)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from articles.sanitize import sanitize_line
from store import StorePool
from store.story_list import StorySummary
from tui.work import in_worker

SHOWN = 200


class StoriesScreen(ModalScreen[int | None]):
    """Stories of two or more articles among the results; Enter picks one, Esc closes."""

    BINDINGS = [Binding("escape,q", "dismiss", "Close", id="stories.close")]

    def __init__(self, pool: StorePool, query: str, entity_ids: tuple[int, ...]) -> None:
        super().__init__()
        self.pool = pool
        self.search = query
        self.entity_ids = entity_ids
        self.found: list[StorySummary] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="stories-box"):
            yield Static(Text("Stories", style="bold"), id="stories-title", markup=False)
            yield OptionList(id="story-list")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self._load()

    def _load(self) -> None:
        in_worker(
            self,
            self.pool,
            lambda store: store.stories(self.search, limit=SHOWN, entity_ids=self.entity_ids),
            self._loaded,
            group="stories",
            exclusive=True,
        )

    def _loaded(self, found: list[StorySummary]) -> None:
        if self.is_attached:  # not closed while the stories were read
            self.show(found)

    def show(self, found: list[StorySummary]) -> None:
        self.found = found
        listing = self.query_one(OptionList)
        listing.set_options([Option(story_row(story), id=str(story.story)) for story in found])
        if found:
            listing.highlighted = 0
        title = f"Stories among the results: {len(found)}" if found else "No story of two or more articles here"
        self.query_one("#stories-title", Static).update(Text(title, style="bold"))

    @on(OptionList.OptionSelected, "#story-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id or 0) or None)


def story_row(story: StorySummary) -> Text:
    """'2024-08-24  Title' over '+3 more · from Reuters, AP' (untrusted text as plain Text)."""
    row = Text(f"{story.date or 'undated':<10}  ", style="dim")
    row.append(sanitize_line(story.title), style="bold")
    more = len(story.articles) - 1
    sources = len(story.sources)
    detail = f"+{more} more" + (f" · {sources} source{'s' if sources != 1 else ''}: " if sources else "")
    row.append("\n            " + detail + ", ".join(sanitize_line(name) for name in story.sources[:4]), style="dim")
    return row
