"""`F` in the app: the feeds facet, counted for the current results in a worker, and the
chosen feed put in the search bar as a `feed:` term (so that it shows, saves and edits like
any other part of the query)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.widget import Widget

from store import Store, StorePool
from store.feed_models import FeedFacet
from store.query.edit import with_field
from tui.screens.feeds import ALL_FEEDS, FeedsScreen
from tui.work import in_worker


class FeedFilter:
    """Opens the feeds facet over the query `query()` returns; `apply(text)` sets a new query."""

    def __init__(
        self,
        owner: Widget,
        pool: StorePool,
        query: Callable[[], tuple[str, tuple[int, ...]]],
        apply: Callable[[str], None],
    ) -> None:
        self.owner = owner
        self.pool = pool
        self.query = query
        self.apply = apply

    @property
    def app(self) -> App[object]:
        return self.owner.app

    def open(self) -> None:
        text, entity_ids = self.query()

        def count(store: Store) -> list[FeedFacet]:
            """How many of the results each feed gave (the feed filter aside)."""
            from store.feeds import Subscriptions

            return Subscriptions(store).facets(with_field(text, "feed", None), entity_ids)

        in_worker(self.owner, self.pool, count, lambda facets: self._show(text, facets), group="feeds", exclusive=True)

    def _show(self, text: str, facets: list[FeedFacet]) -> None:
        if not facets:
            self.app.notify("no subscriptions yet: newsdesk feed add URL subscribes to a feed", markup=False)
            return
        self.app.push_screen(FeedsScreen(facets), lambda chosen: self._chosen(text, chosen))

    def _chosen(self, text: str, chosen: FeedFacet | str | None) -> None:
        if chosen is None:
            return
        value = None if chosen == ALL_FEEDS or isinstance(chosen, str) else _term(chosen)
        self.apply(with_field(text, "feed", value))


def _term(facet: FeedFacet) -> str:
    """What to write after feed:: the name, or the address when the name holds a quote."""
    return facet.url if '"' in facet.label else facet.label
