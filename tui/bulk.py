"""'Mark all results read': asked first, and undone with `u` (only the articles it changed
become unread again)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from articles.errors import NewsdeskError
from store import StorePool
from tui.messages import Problem
from tui.screens.confirm import ConfirmScreen


class MarkAllRead:
    """The app's one bulk change of reading state and its undo."""

    def __init__(self, app: App[None], pool: StorePool, changed: Callable[[], None]) -> None:
        """`changed` runs on the app's thread once reading state has changed (to search again)."""
        self.app = app
        self.pool = pool
        self.changed = changed
        self.undo_ids: list[int] = []

    def ask(self, total: int, query: str, entity_ids: tuple[int, ...]) -> None:
        if not total:
            self.app.notify("no results to mark read", markup=False)
            return
        question = f"Mark all {total:,} result{'s' if total != 1 else ''} read?"
        screen = ConfirmScreen(question, "Articles already read stay read; u undoes this.")
        self.app.push_screen(screen, lambda yes: self._start(query, entity_ids) if yes else None)

    def undo(self) -> None:
        if not self.undo_ids:
            self.app.notify("nothing to undo", markup=False)
            return
        ids, self.undo_ids = self.undo_ids, []
        self.app.run_worker(lambda: self._write(ids), thread=True, group="state", exit_on_error=False)

    def _start(self, query: str, entity_ids: tuple[int, ...]) -> None:
        self.app.run_worker(
            lambda: self._write(None, query, entity_ids), thread=True, group="state", exit_on_error=False
        )

    def _write(self, unread: list[int] | None, query: str = "", entity_ids: tuple[int, ...] = ()) -> None:
        """On a worker thread: mark the matches read, or (given ids) make those unread again."""
        try:
            with self.pool.borrow() as store:
                changed = store.mark_all_read(query, entity_ids) if unread is None else store.mark(unread, read=False)
        except NewsdeskError as error:
            self.app.post_message(Problem(error.message))
            return
        self.app.call_from_thread(self._done, changed, unread is None)

    def _done(self, changed: list[int], marked: bool) -> None:
        count = f"{len(changed):,} article{'s' if len(changed) != 1 else ''}"
        if marked:
            self.undo_ids = changed
            self.app.notify(f"{count} marked read · u undoes this", timeout=10, markup=False)
        else:
            self.app.notify(f"{count} unread again", markup=False)
        self.changed()
