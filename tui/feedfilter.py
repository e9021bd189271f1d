"""`F` in the app: the feeds facet, counted for the current results in a worker, and the
chosen feed put in the search bar as a `feed:` term (so that it shows, saves and edits like
any other part of the query)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from articles.errors import NewsdeskError
from store import StorePool
from store.feed_models import FeedFacet
from store.query.edit import with_field
from tui.messages import Problem
from tui.screens.feeds import ALL_FEEDS, FeedsScreen


class FeedFilter:
    """Opens the feeds facet over the query `query()` returns; `apply(text)` sets a new query."""

    def __init__(
        self,
        app: App[None],
        pool: StorePool,
        query: Callable[[], tuple[str, tuple[int, ...]]],
        apply: Callable[[str], None],
    ) -> None:
        self.app = app
        self.pool = pool
        self.query = query
        self.apply = apply

    def open(self) -> None:
        text, entity_ids = self.query()
        self.app.run_worker(
            lambda: self._count(text, entity_ids), thread=True, group="feeds", exclusive=True, exit_on_error=False
        )

    def _count(self, text: str, entity_ids: tuple[int, ...]) -> None:
        """On a worker thread: how many of the results each feed gave (the feed filter aside)."""
        from store.feeds import Subscriptions

        try:
            with self.pool.borrow() as store:
                facets = Subscriptions(store).facets(with_field(text, "feed", None), entity_ids)
        except NewsdeskError as error:
            self.app.post_message(Problem(error.message))
            return
        self.app.call_from_thread(self._show, text, facets)

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
