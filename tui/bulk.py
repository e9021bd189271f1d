"""'Mark all results read': asked first, and undone with `u` (only the articles it changed
become unread again)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.widget import Widget

from store import Store, StorePool
from tui.screens.confirm import ConfirmScreen
from tui.work import in_worker


class MarkAllRead:
    """The app's one bulk change of reading state and its undo."""

    def __init__(self, owner: Widget, pool: StorePool, changed: Callable[[], None]) -> None:
        """`changed` runs on the app's thread once reading state has changed (to search again)."""
        self.owner = owner
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
        in_worker(self.owner, self.pool, lambda store: store.mark(ids, read=False), self._unmarked, group="state")

    @property
    def app(self) -> App[object]:
        return self.owner.app

    def _start(self, query: str, entity_ids: tuple[int, ...]) -> None:
        def mark(store: Store) -> list[int]:
            return store.mark_all_read(query, entity_ids)

        in_worker(self.owner, self.pool, mark, lambda changed: self._done(changed, True), group="state")

    def _unmarked(self, changed: list[int]) -> None:
        self._done(changed, False)

    def _done(self, changed: list[int], marked: bool) -> None:
        count = f"{len(changed):,} article{'s' if len(changed) != 1 else ''}"
        if marked:
            self.undo_ids = changed
            self.app.notify(f"{count} marked read · u undoes this", timeout=10, markup=False)
        else:
            self.app.notify(f"{count} unread again", markup=False)
        self.changed()
