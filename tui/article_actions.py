"""What the main screen does with one article: open it in the reader (marking it read), flip
its read and starred marks, open its link; each read or write in a worker."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from store import Store, StoredArticle, StorePool
from store.marks import Mark
from tui.browse import LinkOutcome, follow, open_link
from tui.widgets.reader import Reader
from tui.widgets.timeline import Timeline
from tui.work import in_worker


class ArticleActions:
    """Acts on the article open in `screen`'s reader, or else the one highlighted in its
    timeline; `opened()` runs once an article is shown (to save the session)."""

    def __init__(self, screen: Screen[None], pool: StorePool, opened: Callable[[], None]) -> None:
        self.screen = screen
        self.pool = pool
        self.opened = opened

    def load(self, article_id: int, focus: bool, restored: bool = False) -> None:
        """Show an article; opening one marks it read, restoring the last session's does not."""

        def read(store: Store) -> StoredArticle | None:
            if not restored:
                store.opened(article_id)
            return store.article(article_id)

        in_worker(self.screen, self.pool, read, lambda stored: self._show(stored, focus), group="article")

    def target(self) -> int | None:
        """The article a state key acts on: the open one when reading, else the highlighted one."""
        reader = self.screen.query_one(Reader)
        if reader.has_focus and reader.article_id is not None:
            return reader.article_id
        hit = self.screen.query_one(Timeline).current()
        return hit.id if hit else reader.article_id

    def toggle(self, field: Mark) -> None:
        article_id = self.target()
        if article_id is not None:
            in_worker(
                self.screen, self.pool, lambda store: store.toggle(article_id, field), self._changed, group="state"
            )

    def open_link(self) -> None:
        article_id = self.target()

        def link(store: Store) -> LinkOutcome:
            stored = store.article(article_id) if article_id is not None else None
            return open_link(stored.article.url if stored else None)

        in_worker(self.screen, self.pool, link, lambda outcome: follow(self.screen.app, outcome), group="link")

    def _show(self, stored: StoredArticle | None, focus: bool) -> None:
        if stored is None:
            return
        reader = self.screen.query_one(Reader)
        reader.show(stored, self._terms())
        self.screen.remove_class("-no-article")
        self._follow(stored)
        if focus:
            self.screen.add_class("-reading")
            reader.focus()
        self.opened()

    def _changed(self, stored: StoredArticle | None) -> None:
        if stored is None:
            return
        self._follow(stored)
        reader = self.screen.query_one(Reader)
        if reader.article_id == stored.id:
            reader.show(stored, self._terms())

    def _terms(self) -> tuple[str, ...]:
        """The words of the search on screen, to highlight in the reader."""
        results = self.screen.query_one(Timeline).results
        return results.search.terms if results is not None else ()

    def _follow(self, stored: StoredArticle) -> None:
        """The timeline's row shows the article's marks as they are now."""
        timeline = self.screen.query_one(Timeline)
        results = timeline.results
        index = results.index_of(stored.id) if results is not None else None
        if results is not None and index is not None:
            results.update(index, read=stored.read, starred=stored.starred)
        if results is not None:
            results.update_unfolded(stored.id, read=stored.read, starred=stored.starred)
            timeline.refresh()
