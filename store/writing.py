"""The Store's writes: ingesting, removing and restoring articles, reading state, the app's
remembered values. Every write checks the archive is writable, and removals take the ingest lock."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

import store.marks as marks
from articles.bundled import bundled_files
from store.base import StoreBase, valid_ids
from store.db import immediate, translate_errors, translated
from store.errors import IngestInterrupted
from store.locks import ingest_lock
from store.marks import Mark
from store.models import IngestReport, StoredArticle
from store.query.ast import Node
from store.query.compile import Compiled
from store.reading import valid_id
from store.removal import prune_files, remove_articles

if TYPE_CHECKING:
    from store.restore import RemovedArticle

Changed = TypeVar("Changed")


class Writing(StoreBase):
    """The writes of a Store (store/store.py)."""

    def seed_once(self) -> None:
        """Import the bundled corpus into an empty database, once in its life."""
        if self._seed_wanted():
            self.ingest([str(path) for path in bundled_files()])
            self.set_meta("seeded", "1")

    @translated
    def _seed_wanted(self) -> bool:
        done = self.db.execute("SELECT value FROM meta WHERE key = 'seeded'").fetchone()
        return done is None and self.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0

    def ingest(
        self,
        targets: Iterable[str],
        progress: Callable[[int, int], None] | None = None,
        workers: int | None = None,
        on_wait: Callable[[], None] | None = None,
        prune: bool = False,
    ) -> IngestReport:
        """Add or update the articles in files, folders and globs; failures are reported, not
        raised. One ingest writes an archive at a time: another one waits (calling `on_wait()`
        first). Ctrl+C stops it between batches with IngestInterrupted, holding what was kept.
        `prune`: also remove the articles whose files under `targets` are gone (`removed`)."""
        from store.batches import ingest_files  # the parser loads only when an ingest needs it
        from store.removal import prune_scopes

        self._writable()
        targets = list(targets)
        scopes = prune_scopes(targets) if prune else []
        report = IngestReport()
        try:
            with ingest_lock(self.path, on_wait):
                present = ingest_files(
                    self.db, self.path, _existing(targets) if prune else targets, report, progress, workers
                )
                if prune:
                    report.removed = self._changing(lambda: prune_files(self.db.conn, scopes, present))
        except KeyboardInterrupt:
            raise IngestInterrupted(report) from None
        return report

    def remove(self, ids: Sequence[int]) -> list[int]:
        """Remove these articles, their index rows and links, and the entities no article
        names any more; returns the ids that named articles."""
        return self._removing(lambda: remove_articles(self.db.conn, valid_ids(ids)))

    def take_out(self, ids: Sequence[int]) -> list[RemovedArticle]:
        """Remove articles as `remove` does, returning what `put_back` needs to restore them."""
        from store.restore import take_out

        return self._removing(lambda: take_out(self.db, valid_ids(ids)))

    def put_back(self, removed: Sequence[RemovedArticle]) -> list[int]:
        """Restore articles `take_out` removed; returns their ids now."""
        from store.restore import restore

        return self._removing(lambda: restore(self.db, removed), transaction=False)  # its writer's own

    def _removing(self, change: Callable[[], Changed], transaction: bool = True) -> Changed:
        """A removal or its undo: one at a time with ingests, in one transaction."""
        self._writable()
        with ingest_lock(self.path):
            if transaction:
                return self._changing(change)
            with translate_errors(self.path):
                return change()

    def _changing(self, change: Callable[[], Changed]) -> Changed:
        with translate_errors(self.path), immediate(self.db):
            return change()

    @translated
    def mark(self, ids: Sequence[int], read: bool | None = None, starred: bool | None = None) -> list[int]:
        """Change reading state; returns the ids that name articles (the others name none)."""
        return marks.mark(self.db, ids, read, starred)

    def toggle(self, article_id: int, field: Mark) -> StoredArticle | None:
        """Flip an article's read or starred mark; the article as it is now, or None."""
        return self.article(article_id) if self._toggle(article_id, field) else None

    @translated
    def _toggle(self, article_id: int, field: Mark) -> bool:
        return marks.toggle(self.db, article_id, field)

    @translated
    def opened(self, article_id: int) -> None:
        """The reader opened an article: it is read now, and was last opened now (not
        remembered in a read-only archive, which the app still reads)."""
        if not self.read_only and valid_id(article_id):
            marks.opened(self.db, article_id)

    @translated
    def set_meta(self, key: str, value: str) -> None:
        """Remember a value (the app's session); a read-only archive keeps none."""
        if self.read_only:
            return
        with self.db.atomic():
            self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def mark_all_read(self, query: str | Node = "", entity_ids: Sequence[int] = ()) -> list[int]:
        """Mark every matching unread article read; returns the ids it changed, which
        `mark(ids, read=False)` puts back as they were."""
        return self._mark_all_read(self.compile(query, entity_ids))

    @translated
    def _mark_all_read(self, compiled: Compiled) -> list[int]:
        return marks.mark_all_read(self.db, compiled)


def _existing(targets: list[str]) -> list[str]:
    """The targets still there (a folder pruned away whole is no failure of the ingest)."""
    return [target for target in targets if os.path.lexists(target)]
