"""The feeds facet: every subscription with how many of the current results came from it;
choosing one filters the timeline to it (a `feed:` term in the search bar), and "All feeds"
takes that filter away."""

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
from store.feed_models import FeedFacet

ALL_FEEDS = "-all"


class FeedsScreen(ModalScreen[FeedFacet | str | None]):
    """Enter chooses a feed (or all of them); Esc leaves the filter as it is."""

    BINDINGS = [Binding("escape,q", "dismiss_none", "Close", id="feeds.close")]

    def __init__(self, facets: list[FeedFacet]) -> None:
        super().__init__()
        self.facets = {str(facet.id): facet for facet in facets}

    def compose(self) -> ComposeResult:
        with Vertical(id="feeds-box"):
            yield Static(Text("Feeds: articles among the results", style="bold"), markup=False)
            yield OptionList(*self._options(), id="feed-list")
            yield Static(
                Text("Enter: only this feed    Esc: close"),
                id="feeds-keys",
                markup=False,
            )

    def _options(self) -> list[Option]:
        options = [Option(Text("All feeds", style="bold"), id=ALL_FEEDS)]
        for key, facet in self.facets.items():
            line = Text(f"{facet.articles:>6,}  ", style="dim")
            line.append(sanitize_line(facet.label)[:70])
            options.append(Option(line, id=key))
        return options

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#feed-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id or ALL_FEEDS
        self.dismiss(ALL_FEEDS if key == ALL_FEEDS else self.facets[key])

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
