"""The store's typed API: every read and write the CLI and the app make goes through here."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Generator, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlite_utils import Database

import store.insights as insights
import store.lookups as lookups
import store.marks as marks
from articles import EntityType
from articles.bundled import bundled_files
from store.db import immediate, is_read_only, open_database, time_limit, translate_errors, translated
from store.errors import IngestInterrupted, StoreError
from store.exporting import EXPORT_SECONDS
from store.locks import ingest_lock
from store.marks import Mark
from store.models import EntityFacet, Facets, IngestReport, RelatedArticle, SearchPage, Stats, StoredArticle
from store.paths import ENVIRONMENT, default_database_path
from store.prepared import SEARCH_SECONDS, Search, Sort
from store.query import compile as compiling
from store.query.ast import EntityField, Node
from store.query.compile import Compiled
from store.query.notes import query_notes
from store.query.parser import parse_query, query_terms
from store.reading import read_article, valid_id
from store.removal import prune_files, remove_articles
from store.search import lookup_entities, matching_ids_sql
from store.snippets import scratch_connection

if TYPE_CHECKING:
    from store.restore import RemovedArticle
    from store.story_list import StorySummary
    from store.trends import EntityTrend

Changed = TypeVar("Changed")


class Store:
    """An open newsdesk database. One Store per thread: sqlite connections are per thread."""

    def __init__(self, db: Database, path: str) -> None:
        self.db = db
        self.path = path
        self.read_only = is_read_only(db)
        self._scratch: sqlite3.Connection | None = None

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str] | None = None,
        seed: bool | None = None,
        any_thread: bool = False,
        create: bool = True,
    ) -> Store:
        """Open the database at `path`, $NEWSDESK_DB or the user data folder. The first use of an
        empty default database imports the bundled articles (`seed` forces either way).
        `any_thread`: the store may move between threads, used by one at a time. `create`:
        a missing archive may be made (in a folder that exists; the default's folder is made).
        An archive newsdesk may not write opens read-only (`read_only`)."""
        chosen = Path(path) if path is not None else default_database_path()
        made_here = path is None and not os.environ.get(ENVIRONMENT)
        store = cls(open_database(chosen, any_thread, create, make_folder=made_here), str(chosen))
        if (seed if seed is not None else path is None) and not store.read_only:
            store.seed_once()
        return store

    def close(self) -> None:
        self.db.close()
        if self._scratch is not None:
            self._scratch.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

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
        return self._removing(lambda: remove_articles(self.db.conn, _valid(ids)))

    def take_out(self, ids: Sequence[int]) -> list[RemovedArticle]:
        """Remove articles as `remove` does, returning what `put_back` needs to restore them."""
        from store.restore import take_out

        return self._removing(lambda: take_out(self.db, _valid(ids)))

    def put_back(self, removed: Sequence[RemovedArticle]) -> list[int]:
        """Restore articles `take_out` removed; returns their ids now."""
        from store.restore import restore

        return self._removing(lambda: restore(self.db, removed), transaction=False)  # its writer's own

    @translated
    def existing(self, ids: Sequence[int]) -> list[int]:
        """Which of these ids name articles."""
        return lookups.existing(self.db, _valid(ids))

    def matching_ids(self, query: str | Node) -> list[int]:
        """The ids of every article a query matches (what `rm --query` removes)."""
        ids_sql, params = matching_ids_sql(self.compile(query))
        with translate_errors(self.path), time_limit(self.db.conn, EXPORT_SECONDS):
            return [row[0] for row in self.db.execute(ids_sql, params)]

    @translated
    def data_version(self) -> int:
        """A number that changes when another connection commits to the archive (no table read)."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    @translated
    def change_marks(self) -> tuple[str, ...]:
        """Marks that change whenever articles are added, updated or removed, by any process
        (reading state and the app's session do not move them)."""
        return lookups.change_marks(self.db)

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

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} is read-only: nothing was changed")

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

    @translated
    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def mark_all_read(self, query: str | Node = "", entity_ids: Sequence[int] = ()) -> list[int]:
        """Mark every matching unread article read; returns the ids it changed, which
        `mark(ids, read=False)` puts back as they were."""
        return self._mark_all_read(self.compile(query, entity_ids))

    @translated
    def _mark_all_read(self, compiled: Compiled) -> list[int]:
        return marks.mark_all_read(self.db, compiled)

    # -- searching -----------------------------------------------------------------------

    def connection(self) -> sqlite3.Connection:
        return self.db.conn

    def scratch(self) -> sqlite3.Connection:
        """The private database long bodies' snippets are computed in (made when first needed)."""
        if self._scratch is None:
            self._scratch = scratch_connection()
        return self._scratch

    @translated
    def compile(self, query: str | Node, entity_ids: Sequence[int] = ()) -> Compiled:
        """The SQL for a query, narrowed to articles naming every one of `entity_ids`."""
        node = parse_query(query) if isinstance(query, str) else query
        compiled = compiling.compile_query(node, self._lookup)
        for entity_id in (entity_id for entity_id in entity_ids if valid_id(entity_id)):
            clause = "a.id IN (SELECT article_id FROM article_entities WHERE entity_id = ?)"
            compiled.where = clause if compiled.where == "1" else f"{compiled.where} AND {clause}"
            compiled.params.append(int(entity_id))
        return compiled

    def _lookup(self, kind: EntityField, value: str, prefix: bool) -> list[int]:
        return lookup_entities(self.db.conn, kind, value, prefix)

    def prepare(self, query: str | Node = "", entity_ids: Sequence[int] = (), order: Sort = "rank") -> Search:
        """`query` compiled once, narrowed to articles naming every one of `entity_ids`, in
        `order` (by date when it has no words): its groups, pages and facets read through
        this store."""
        node = parse_query(query) if isinstance(query, str) else query
        compiled = self.compile(node, entity_ids)
        text = query if isinstance(query, str) else ""
        chosen: Sort = order if compiled.match is not None else "date"
        ids = tuple(int(entity_id) for entity_id in entity_ids)
        terms, notes = tuple(query_terms(text)), tuple(query_notes(text))
        return Search(text, chosen, ids, compiled, terms, notes, lambda: contextlib.nullcontext(self))

    def search(
        self,
        query: str | Node = "",
        sort: Sort = "rank",
        limit: int = 50,
        offset: int = 0,
        entity_ids: Sequence[int] = (),
        total: bool = True,
        cancelled: Callable[[], bool] | None = None,
        seconds: float = SEARCH_SECONDS,
    ) -> SearchPage:
        """Matching articles: ranked (BM25, title first, then newest) or by date, newest first.
        `total=False` skips counting every match (the page's total is then -1); when
        `cancelled()` turns true the search stops with a Cancelled error, and after `seconds`
        with a QueryError."""
        return self.prepare(query, entity_ids, sort).hits(offset, limit, total, cancelled, seconds)

    def facets(self, query: str | Node = "", limit: int = 20, entity_ids: Sequence[int] = ()) -> Facets:
        return self.prepare(query, entity_ids).facets(limit)

    def entities(self, query: str | Node = "", kind: EntityType | None = None, limit: int = 20) -> list[EntityFacet]:
        """The most-named entities among matching articles, most articles first."""
        found = self.facets(query, limit)
        items = [item for key, values in found.by_type.items() if kind in (None, key) for item in values]
        return sorted(items, key=lambda item: (-item.articles, item.name))[:limit]

    # -- reading -------------------------------------------------------------------------

    @translated
    def article(self, article_id: int) -> StoredArticle | None:
        return read_article(self.db.conn, article_id)

    @translated
    def entity_names(self, ids: Sequence[int]) -> dict[int, tuple[str, EntityType]]:
        return lookups.entity_names(self.db, list(ids))

    @translated
    def titles_like(self, text: str, limit: int = 20) -> list[tuple[int, str]]:
        """Articles whose title contains `text` (for the command palette), newest first."""
        return lookups.titles_like(self.db, text, limit)

    @translated
    def entities_like(self, text: str, limit: int = 20) -> list[EntityFacet]:
        """Entities whose name starts a word with `text` (for narrowing and the palette)."""
        return lookups.entities_like(self.db, text, limit)

    @translated
    def stats(self) -> Stats:
        return lookups.stats(self.db, self.path)

    # -- beyond a search ------------------------------------------------------------------

    @translated
    def related(self, article_id: int, limit: int = 10) -> list[RelatedArticle]:
        """The articles most related to one, best first (StoreError when there is no such article)."""
        return insights.related(self.db.conn, self.scratch(), self.path, article_id, limit)

    @translated
    def explain(self, article_id: int, query: str = "", entity_ids: Sequence[int] = ()) -> str:
        """Why an article matches a query and filters, in one line."""
        return insights.explain(self.db.conn, article_id, query, entity_ids)

    @translated
    def stories(
        self, query: str | Node = "", limit: int = 50, smallest: int = 2, entity_ids: Sequence[int] = ()
    ) -> list[StorySummary]:
        """Stories of at least `smallest` articles that a matching article is in, newest first."""
        return insights.stories(self.db.conn, self.compile(query, entity_ids), limit, smallest)

    @translated
    def entity_trend(self, name: str, kind: EntityType | None = None) -> EntityTrend:
        """The entity a name means, its articles per month and its companions (StoreError when
        the archive names no such entity)."""
        return insights.entity_trend(self.db.conn, name, kind)

    @translated
    def entity_trend_of(self, entity_id: int) -> EntityTrend | None:
        return insights.trend_of(self.db.conn, entity_id)

    def export(self, query: str | Node = "") -> Generator[StoredArticle, None, None]:
        """Every matching article, newest first, as one snapshot (store/exporting.py)."""
        from store.exporting import export_articles

        yield from export_articles(self.db, self.path, self.compile(query), self.article)


def _existing(targets: list[str]) -> list[str]:
    """The targets still there (a folder pruned away whole is no failure of the ingest)."""
    return [target for target in targets if os.path.lexists(target)]


def _valid(ids: Sequence[int]) -> list[int]:
    return [article_id for article_id in ids if valid_id(article_id)]
