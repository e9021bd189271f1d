"""Deleting the highlighted article, asked first, and putting it back with `u` for as long as
the app is open (what it was is kept in memory; the archive itself no longer holds it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import App

from articles.errors import NewsdeskError
from articles.sanitize import sanitize_line
from store import SearchHit, StorePool
from tui.messages import Problem
from tui.screens.confirm import ConfirmScreen

if TYPE_CHECKING:
    from store.restore import RemovedArticle


class ArticleRemoval:
    """The app's deletions and their undo, newest first."""

    def __init__(self, app: App[None], pool: StorePool, changed: Callable[[int | None], None]) -> None:
        """`changed(select)` runs on the app's thread after a change (to search again, with the
        cursor on article `select` when it is given)."""
        self.app = app
        self.pool = pool
        self.changed = changed
        self.removed: list[RemovedArticle] = []

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
        item = self.removed.pop()
        self.app.run_worker(lambda: self._put_back(item), thread=True, group="state", exit_on_error=False)

    def _start(self, article_id: int) -> None:
        self.app.run_worker(lambda: self._take_out(article_id), thread=True, group="state", exit_on_error=False)

    def _take_out(self, article_id: int) -> None:
        """On a worker thread."""
        try:
            with self.pool.borrow() as store:
                taken = store.take_out([article_id])
        except NewsdeskError as error:
            self.app.post_message(Problem(error.message))
            return
        self.app.call_from_thread(self._taken, taken)

    def _taken(self, taken: list[RemovedArticle]) -> None:
        if not taken:
            self.app.notify("that article was already gone", markup=False)
            return
        self.removed += taken
        self.app.notify("article deleted · u puts it back", timeout=8, markup=False)
        self.changed(None)

    def _put_back(self, item: RemovedArticle) -> None:
        """On a worker thread."""
        try:
            with self.pool.borrow() as store:
                (article_id,) = store.put_back([item])
        except NewsdeskError as error:
            self.app.post_message(Problem(error.message))
            self.app.call_from_thread(self.removed.append, item)
            return
        self.app.call_from_thread(self._restored, article_id)

    def _restored(self, article_id: int) -> None:
        self.app.notify("article put back", markup=False)
        self.changed(article_id)
