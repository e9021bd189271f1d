"""Deleting the highlighted article, asked first, and putting it back with `u` for as long as
the app is open (what it was is kept in memory; the archive itself no longer holds it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import App
from textual.widget import Widget

from articles.sanitize import sanitize_line
from store import SearchHit, Store, StorePool
from tui.screens.confirm import ConfirmScreen
from tui.work import in_worker

if TYPE_CHECKING:
    from store.restore import RemovedArticle


class ArticleRemoval:
    """The main screen's deletions and their undo, newest first. A failure is reported by the
    app's one handler; an article that could not be put back stays to be tried again."""

    def __init__(self, owner: Widget, pool: StorePool, changed: Callable[[int | None], None]) -> None:
        """`changed(select)` runs on the app's thread after a change (to search again, with the
        cursor on article `select` when it is given)."""
        self.owner = owner
        self.pool = pool
        self.changed = changed
        self.removed: list[RemovedArticle] = []

    @property
    def app(self) -> App[object]:
        return self.owner.app

    def ask(self, hit: SearchHit | None) -> None:
        if hit is None:
            self.app.notify("no article to delete", markup=False)
            return
        title = sanitize_line(hit.title)
        screen = ConfirmScreen(f"Delete “{title[:80]}”?", "It leaves the archive; u puts it back until you quit.")
        self.app.push_screen(screen, lambda yes: self._start(hit.id) if yes else None)

    @property
    def can_undo(self) -> bool:
        return bool(self.removed)

    def undo(self) -> None:
        item = self.removed[-1]

        def put_back(store: Store) -> int:
            (article_id,) = store.put_back([item])
            return article_id

        in_worker(self.owner, self.pool, put_back, lambda article_id: self._restored(item, article_id), group="state")

    def _start(self, article_id: int) -> None:
        in_worker(self.owner, self.pool, lambda store: store.take_out([article_id]), self._taken, group="state")

    def _taken(self, taken: list[RemovedArticle]) -> None:
        if not taken:
            self.app.notify("that article was already gone", markup=False)
            return
        self.removed += taken
        self.app.notify("article deleted · u puts it back", timeout=8, markup=False)
        self.changed(None)

    def _restored(self, item: RemovedArticle, article_id: int) -> None:
        if item in self.removed:
            self.removed.remove(item)
        self.app.notify("article put back", markup=False)
        self.changed(article_id)
