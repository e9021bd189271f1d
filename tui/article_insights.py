"""What the main screen shows beyond an article's text: the articles related to the open one
(under it in the reader), why an article is listed (w), the results as stories (S) and an
entity's trend. Each store read runs in a worker; a failure reaches the app's one handler."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from articles.sanitize import sanitize_line
from store import EntityFacet, RelatedArticle, StorePool
from tui.screens.stories import StoriesScreen
from tui.screens.trend import TrendScreen
from tui.widgets.reader import Reader
from tui.work import in_worker

RELATED_SHOWN = 5


class ArticleInsights:
    """Acts for `screen` over `pool`: `set_query` shows a story's articles, `filter_by` makes
    an entity a filter."""

    def __init__(
        self,
        screen: Screen[None],
        pool: StorePool,
        set_query: Callable[[str], None],
        filter_by: Callable[[EntityFacet], None],
    ) -> None:
        self.screen = screen
        self.pool = pool
        self.set_query = set_query
        self.filter_by = filter_by

    def find_related(self, article_id: int) -> None:
        """The related articles of the article just opened, shown under it if it still is."""

        def show(found: list[RelatedArticle]) -> None:
            self.screen.query_one(Reader).show_related(article_id, found)

        in_worker(
            self.screen,
            self.pool,
            lambda store: store.related(article_id, limit=RELATED_SHOWN),
            show,
            group="related",
            exclusive=True,
        )

    def why(self, article_id: int, query: str, entity_ids: tuple[int, ...]) -> None:
        """Why the article is in the results, said in a notice."""

        def say(text: str) -> None:
            self.screen.notify(sanitize_line(text), title="Why it is listed", markup=False)

        in_worker(self.screen, self.pool, lambda store: store.explain(article_id, query, entity_ids), say, group="why")

    def stories(self, query: str, entity_ids: tuple[int, ...]) -> None:
        """The stories screen over the results; the story chosen there becomes the search."""

        def chosen(story_id: int | None) -> None:
            if story_id is not None:
                self.set_query(f"story:{story_id}")

        self.screen.app.push_screen(StoriesScreen(self.pool, query, entity_ids), chosen)

    def trend(self, facet: EntityFacet, chosen: Callable[[], dict[int, EntityFacet]]) -> None:
        """The entity's trend screen; a companion chosen there becomes a filter (unless it is one)."""

        def picked(companion: EntityFacet | None) -> None:
            if companion is not None and companion.id not in chosen():
                self.filter_by(companion)

        self.screen.app.push_screen(TrendScreen(self.pool, facet), picked)
