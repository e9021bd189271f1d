"""The main screen's searches: each runs in a worker, and only the newest one's results, and
then its entity facets, reach the screen (an older one still running sees it is no longer
wanted, and stops)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext

from textual.screen import Screen

from store import EntityFacet, Facets, Search, Sort, Store, StorePool
from tui.data import ResultSet, load_results
from tui.hints import empty_results
from tui.widgets.entities import EntityPane
from tui.widgets.searchbar import SearchBar
from tui.widgets.timeline import Timeline
from tui.work import in_worker

FACETS = 50


class Searching:
    """Searches `screen`'s archive; `shown(results)` runs once results are on the screen."""

    def __init__(self, screen: Screen[None], pool: StorePool, shown: Callable[[ResultSet], None]) -> None:
        self.screen = screen
        self.pool = pool
        self.shown = shown
        self.generation = 0
        self.searched: str | None = None
        """The query of the last search that finished (shown, or failed): while it is not the
        one in the search bar, a search is pending."""
        self._searching = ""
        self._counted = -1

    def run(
        self,
        query: str,
        sort: Sort,
        chosen: dict[int, EntityFacet],
        select: int | None,
        near: int | None = None,
        reorder: Search | None = None,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Search for `query` among articles naming every entity `chosen`, with the cursor on
        article `select` (or else at row `near`); `reorder` is the search on screen when only
        the order changes (its compiled query is used again); `then()` runs once it is shown."""
        self.generation += 1
        generation, ids, chosen = self.generation, tuple(chosen), dict(chosen)
        self._searching = query

        def search(store: Store) -> ResultSet:
            # The first page on the connection already borrowed; later pages through the pool.
            here = (
                reorder.ordered(sort).lent_by(lambda: nullcontext(store))
                if reorder
                else store.prepare(query, ids, sort)
            )
            results = load_results(here, lambda: generation != self.generation)
            if near is not None and select is not None:
                results.find_near(select, near)
            results.search = here.lent_by(self.pool.borrow)
            return results

        def show(results: ResultSet) -> None:
            if self._show(results, generation, chosen, select, near) and then is not None:
                then()

        in_worker(self.screen, self.pool, search, show, group="search", exclusive=True)

    def show_ready(self, results: ResultSet, chosen: dict[int, EntityFacet], select: int | None) -> None:
        """Show results read before the first frame, as a search's."""
        self.generation += 1
        self._show(results, self.generation, dict(chosen), select)

    def stop(self) -> None:
        """Whatever search is still running is no longer wanted."""
        self.generation += 1

    def idle(self, query: str) -> bool:
        """No search for `query` pending, and the entities of the last one shown."""
        return self.searched == query and self._counted == self.generation

    def failed(self, text: str) -> None:
        """A search could not run: say why under the search bar, keeping the results shown."""
        self.searched = self._searching
        self._counted = self.generation
        self.screen.query_one(SearchBar).say(text)

    def _show(
        self,
        results: ResultSet,
        generation: int,
        chosen: dict[int, EntityFacet],
        select_id: int | None,
        near: int | None = None,
    ) -> bool:
        if generation != self.generation:
            return False
        self.searched = results.query
        index = results.index_of(select_id) if select_id is not None else None
        if index is None:
            index = near
        hint = empty_results(results.query, len(chosen), self.pool.path)
        self.screen.query_one(Timeline).show(results, index or 0, hint)
        self.screen.query_one(SearchBar).say(" · ".join(results.search.notes), note=True)
        self.shown(results)
        # Counted once the results are on screen: counting alongside held up their frame.
        self.screen.call_after_refresh(self._count_facets, results.search, generation, chosen)
        return True

    def _count_facets(self, search: Search, generation: int, chosen: dict[int, EntityFacet]) -> None:
        if generation != self.generation:
            return

        def shown(facets: Facets) -> None:
            # Shown after the next frame: the results must not wait for the entity list to rebuild.
            self.screen.call_after_refresh(self._show_facets, facets, generation, chosen)

        in_worker(self.screen, self.pool, lambda _: search.facets(FACETS), shown, group="facets", exclusive=True)

    def _show_facets(self, facets: Facets, generation: int, chosen: dict[int, EntityFacet]) -> None:
        if generation == self.generation:
            self.screen.query_one(EntityPane).show(facets, chosen)
            self._counted = generation
