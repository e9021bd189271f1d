"""Command palette (Ctrl+P): open an article by title, filter by an entity, toggle panes,
mark all read."""

from __future__ import annotations

from functools import partial
from typing import Protocol, cast

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.worker import WorkerCancelled, WorkerFailed

from articles.sanitize import sanitize_line
from store import EntityFacet, StorePool

ACTIONS = (
    ("Toggle the entities pane", "toggle_entities"),
    ("Toggle the reader", "toggle_reader"),
    ("Mark all results read", "mark_all_read"),
    ("Clear entity filters", "clear_filters"),
    ("Switch timeline / relevance order", "toggle_sort"),
    ("One row per story / one per article", "toggle_folding"),
    ("Refresh (show newly ingested articles)", "refresh"),
    ("Show keys and help", "app.help"),
)


class PaletteHost(Protocol):
    """What the palette acts on (the main screen): its archive, and the two things a hit can do."""

    pool: StorePool

    def open_article(self, article_id: int) -> None: ...

    def toggle_entity(self, facet: EntityFacet) -> None: ...


class NewsdeskCommands(Provider):
    @property
    def newsdesk(self) -> PaletteHost:
        return cast(PaletteHost, self.screen)

    def _lookup(self, text: str) -> tuple[list[tuple[int, str]], list[EntityFacet]]:
        """On a worker's thread: the titles and entities that `text` finds."""
        with self.newsdesk.pool.borrow() as store:
            return store.titles_like(text, limit=10), store.entities_like(text, limit=10)

    async def discover(self) -> Hits:
        for label, action in ACTIONS:
            yield DiscoveryHit(label, partial(self.screen.run_action, action), text=label)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, action in ACTIONS:
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self.screen.run_action, action), text=label)
        if len(query.strip()) < 2:
            return
        lookup = self.app.run_worker(
            partial(self._lookup, query.strip()), thread=True, group="palette", exclusive=True, exit_on_error=False
        )
        try:
            titles, facets = await lookup.wait()
        except (WorkerCancelled, WorkerFailed):
            return  # typed past, or failed (the app says so once, for every worker)
        for article_id, title in titles:
            opening = Text("Open: ") + Text(sanitize_line(title))
            yield Hit(0.6, opening, partial(self.newsdesk.open_article, article_id), text=opening.plain)
        for facet in facets:
            filtering = (
                Text(f"Filter by {facet.type}: ") + Text(sanitize_line(facet.name)) + Text(f" ({facet.articles})")
            )
            yield Hit(0.5, filtering, partial(self.newsdesk.toggle_entity, facet), text=filtering.plain)
