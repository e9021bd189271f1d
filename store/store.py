"""The store's typed API: every read and write the CLI and the app make goes through here."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Generator, Iterable, Sequence
from pathlib import Path
from typing import Literal

from sqlite_utils import Database

from articles import EntityType
from articles.bundled import bundled_files
from articles.entities.normalize import name_key
from store.db import is_read_only, open_database, time_limit, translate_errors
from store.errors import IngestInterrupted, StoreError
from store.locks import ingest_lock
from store.models import EntityFacet, Facets, IngestReport, RelatedArticle, SearchPage, Stats, StoredArticle
from store.paths import ENVIRONMENT, default_database_path
from store.query.ast import EntityField, Node
from store.query.compile import Compiled, compile_query, fts
from store.query.parser import parse_query
from store.reading import bounded, in_ids, read_article, valid_id
from store.rows import facet, line
from store.search import DateGroup, date_groups, lookup_entities, matching_ids_sql, newest_first_ids_sql
from store.search import facets as count_facets
from store.search import search as run_search
from store.snippets import scratch_connection, with_snippets
from store.story_list import StorySummary
from store.trends import EntityTrend

Sort = Literal["rank", "date"]
SEARCH_SECONDS = 1.0
# Listing what an export writes: once per export, over the whole archive.
EXPORT_SECONDS = 30.0


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
        with translate_errors(self.path):
            done = self.db.execute("SELECT value FROM meta WHERE key = 'seeded'").fetchone()
            empty = self.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
        if done is None and empty:
            self.ingest([str(path) for path in bundled_files()])
            with translate_errors(self.path), self.db.atomic():
                self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('seeded', '1')")

    def ingest(
        self,
        targets: Iterable[str],
        progress: Callable[[int, int], None] | None = None,
        workers: int | None = None,
        on_wait: Callable[[], None] | None = None,
    ) -> IngestReport:
        """Add or update the articles in files, folders and globs; failures are reported, not
        raised. One ingest writes an archive at a time: another one waits (calling `on_wait()`
        first). Ctrl+C stops it between batches with IngestInterrupted, holding what was kept."""
        from store.batches import ingest_files  # the parser loads only when an ingest needs it

        if self.read_only:
            raise StoreError(f"{self.path} is read-only: nothing was changed")
        report = IngestReport()
        try:
            with ingest_lock(self.path, on_wait):
                ingest_files(self.db, self.path, targets, report, progress, workers)
        except KeyboardInterrupt:
            raise IngestInterrupted(report) from None
        return report

    def mark(self, ids: Sequence[int], read: bool | None = None, starred: bool | None = None) -> list[int]:
        """Change reading state; returns the ids that name articles (the others name none)."""
        ids = [article_id for article_id in ids if valid_id(article_id)]
        with translate_errors(self.path), self.db.atomic():
            existing = [row[0] for row in self.db.execute(in_ids("SELECT id FROM articles WHERE id IN", ids), ids)]
            for article_id in existing:
                self.db.execute("INSERT OR IGNORE INTO reading_state (article_id) VALUES (?)", (article_id,))
                if read is not None:
                    self.db.execute("UPDATE reading_state SET read = ? WHERE article_id = ?", (int(read), article_id))
                if starred is not None:
                    self.db.execute(
                        "UPDATE reading_state SET starred = ? WHERE article_id = ?", (int(starred), article_id)
                    )
        return existing

    def toggle(self, article_id: int, field: Literal["read", "starred"]) -> StoredArticle | None:
        """Flip an article's read or starred mark; the article as it is now, or None."""
        column = "starred" if field == "starred" else "read"
        if not valid_id(article_id):
            return None
        with translate_errors(self.path), self.db.atomic():
            if self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
                return None
            self.db.execute("INSERT OR IGNORE INTO reading_state (article_id) VALUES (?)", (article_id,))
            self.db.execute(f"UPDATE reading_state SET {column} = 1 - {column} WHERE article_id = ?", (article_id,))
        return self.article(article_id)

    def opened(self, article_id: int) -> None:
        """The reader opened an article: it is read now, and was last opened now (not
        remembered in a read-only archive, which the app still reads)."""
        if self.read_only or not valid_id(article_id):
            return
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with translate_errors(self.path), self.db.atomic():
            self.db.execute(
                "INSERT INTO reading_state (article_id, read, last_opened) VALUES (?, 1, ?) "
                "ON CONFLICT (article_id) DO UPDATE SET read = 1, last_opened = excluded.last_opened",
                (article_id, now),
            )

    def set_meta(self, key: str, value: str) -> None:
        """Remember a value (the app's session); a read-only archive keeps none."""
        if self.read_only:
            return
        with translate_errors(self.path), self.db.atomic():
            self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def meta(self, key: str) -> str | None:
        with translate_errors(self.path):
            row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    # -- reading -------------------------------------------------------------------------

    def compile(self, query: str | Node, entity_ids: Sequence[int] = ()) -> Compiled:
        """The SQL for a query, narrowed to articles naming every one of `entity_ids`."""
        node = parse_query(query) if isinstance(query, str) else query
        with translate_errors(self.path):
            compiled = compile_query(node, self._lookup)
        for entity_id in (entity_id for entity_id in entity_ids if valid_id(entity_id)):
            clause = "a.id IN (SELECT article_id FROM article_entities WHERE entity_id = ?)"
            compiled.where = clause if compiled.where == "1" else f"{compiled.where} AND {clause}"
            compiled.params.append(int(entity_id))
        return compiled

    def _lookup(self, kind: EntityField, value: str, prefix: bool) -> list[int]:
        return lookup_entities(self.db.conn, kind, value, prefix)

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
        compiled = self.compile(query, entity_ids)
        with translate_errors(self.path), time_limit(self.db.conn, seconds, cancelled):
            page = run_search(self.db.conn, compiled, sort, bounded(limit), bounded(offset), total)
        if compiled.match is None:
            return page
        if self._scratch is None:
            self._scratch = scratch_connection()
        with translate_errors(self.path):
            return with_snippets(self.db.conn, self._scratch, compiled.highlight, page, cancelled, seconds / 2)

    def facets(self, query: str | Node = "", limit: int = 20, entity_ids: Sequence[int] = ()) -> Facets:
        compiled = self.compile(query, entity_ids)
        with translate_errors(self.path):
            return count_facets(self.db.conn, compiled, bounded(limit))

    def entities(self, query: str | Node = "", kind: EntityType | None = None, limit: int = 20) -> list[EntityFacet]:
        """The most-named entities among matching articles, most articles first."""
        found = self.facets(query, limit)
        items = [item for key, values in found.by_type.items() if kind in (None, key) for item in values]
        return sorted(items, key=lambda item: (-item.articles, item.name))[:limit]

    def timeline_groups(
        self,
        query: str | Node = "",
        entity_ids: Sequence[int] = (),
        cancelled: Callable[[], bool] | None = None,
        seconds: float = SEARCH_SECONDS,
    ) -> list[DateGroup]:
        """How many matching articles each day has, newest day first, undated last (stopped
        like a search)."""
        compiled = self.compile(query, entity_ids)
        with translate_errors(self.path), time_limit(self.db.conn, seconds, cancelled):
            return date_groups(self.db.conn, compiled)

    def has_text(self, query: str | Node) -> bool:
        """Whether a query searches text (so results have snippets and a relevance order)."""
        node = parse_query(query) if isinstance(query, str) else query
        return fts(node) is not None or any(fts(child) is not None for child in getattr(node, "children", ()))

    def entity_names(self, ids: Sequence[int]) -> dict[int, tuple[str, EntityType]]:
        ids = [entity_id for entity_id in ids if valid_id(entity_id)]
        with translate_errors(self.path):
            rows = self.db.execute(in_ids("SELECT id, name, type FROM entities WHERE id IN", ids), list(ids))
            found = (facet((*row, 0)) for row in rows)
            return {item.id: (item.name, item.type) for item in found if item is not None}

    def titles_like(self, text: str, limit: int = 20) -> list[tuple[int, str]]:
        """Articles whose title contains `text` (for the command palette), newest first."""
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        with translate_errors(self.path):
            rows = self.db.execute(
                "SELECT id, title FROM articles WHERE title LIKE ? ESCAPE '\\' "
                "ORDER BY published IS NULL, published DESC LIMIT ?",
                (pattern, bounded(limit)),
            )
            return [(row[0], line(row[1])) for row in rows]

    def entities_like(self, text: str, limit: int = 20) -> list[EntityFacet]:
        """Entities whose name starts a word with `text` (for narrowing and the palette)."""
        key = name_key(text)
        if not key:
            return []
        with translate_errors(self.path):
            rows = self.db.execute(
                """SELECT DISTINCT e.id, e.name, e.type, e.articles FROM entity_words w JOIN entities e ON e.id = w.entity_id
                   WHERE w.word >= ? AND w.word < ? AND e.articles > 0 ORDER BY e.articles DESC LIMIT ?""",
                (key.split()[0], key.split()[0] + "\uffff", bounded(limit)),
            )
            return [item for item in map(facet, rows) if item is not None]

    def mark_all_read(self, query: str | Node = "", entity_ids: Sequence[int] = ()) -> list[int]:
        """Mark every matching unread article read; returns the ids it changed, which
        `mark(ids, read=False)` puts back as they were."""
        compiled = self.compile(query, entity_ids)
        ids_sql, params = matching_ids_sql(compiled)
        unread_sql = (
            f"SELECT m.id FROM ({ids_sql}) m LEFT JOIN reading_state r ON r.article_id = m.id "
            "WHERE coalesce(r.read, 0) = 0"
        )
        with translate_errors(self.path), self.db.atomic():
            ids = [row[0] for row in self.db.execute(unread_sql, params)]
            self.db.conn.executemany(
                "INSERT INTO reading_state (article_id, read) VALUES (?, 1) ON CONFLICT (article_id) DO UPDATE SET read = 1",
                [(article_id,) for article_id in ids],
            )
        return ids

    def article(self, article_id: int) -> StoredArticle | None:
        with translate_errors(self.path):
            return read_article(self.db.conn, article_id)

    def related(self, article_id: int, limit: int = 10) -> list[RelatedArticle]:
        """The articles most related to one, best first (StoreError when there is no such article)."""
        from store.related import related_articles
        from store.terms import document_counts

        if self._scratch is None:
            self._scratch = scratch_connection()
        with translate_errors(self.path):
            found = related_articles(
                self.db.conn, self._scratch, document_counts(self.path), article_id, bounded(limit)
            )
        if found is None:
            raise StoreError(f"no article has id {article_id}")
        return found

    def explain(self, article_id: int, query: str = "", entity_ids: Sequence[int] = ()) -> str:
        """Why an article matches a query and filters, in one line."""
        from store.explain import explain

        with translate_errors(self.path):
            return explain(self.db.conn, article_id, query, entity_ids).text()

    def stories(
        self, query: str | Node = "", limit: int = 50, smallest: int = 2, entity_ids: Sequence[int] = ()
    ) -> list[StorySummary]:
        """Stories of at least `smallest` articles that a matching article is in, newest first."""
        from store.story_list import list_stories

        compiled = self.compile(query, entity_ids)
        with translate_errors(self.path), time_limit(self.db.conn, SEARCH_SECONDS):
            return list_stories(self.db.conn, compiled, bounded(limit), smallest)

    def entity_trend(self, name: str, kind: EntityType | None = None) -> EntityTrend:
        """The entity a name means, its articles per month and its companions (StoreError when
        the archive names no such entity)."""
        from store.trends import entity_trend, find_entity

        with translate_errors(self.path):
            entity_id = find_entity(self.db.conn, name, kind)
            trend = entity_trend(self.db.conn, entity_id) if entity_id is not None else None
        if trend is None:
            raise StoreError(f"no entity is named {name!r}")
        return trend

    def entity_trend_of(self, entity_id: int) -> EntityTrend | None:
        from store.trends import entity_trend

        with translate_errors(self.path):
            return entity_trend(self.db.conn, entity_id) if valid_id(entity_id) else None

    def export(self, query: str | Node = "") -> Generator[StoredArticle, None, None]:
        """Every matching article, newest first, as one snapshot: the ids are listed and the
        articles read in one read transaction, so that an ingest meanwhile neither adds rows
        to nor shifts rows within the export (paging with OFFSET wrote thousands twice)."""
        compiled = self.compile(query)
        with translate_errors(self.path):
            self.db.execute("BEGIN")
        try:
            with translate_errors(self.path), time_limit(self.db.conn, EXPORT_SECONDS):
                ids = [row[0] for row in self.db.execute(*newest_first_ids_sql(compiled))]
            for article_id in ids:
                stored = self.article(article_id)
                if stored is not None:
                    yield stored
        finally:
            with contextlib.suppress(sqlite3.Error):  # closed already, if the export was abandoned
                self.db.conn.rollback()  # a read transaction: nothing to keep

    def stats(self) -> Stats:
        with translate_errors(self.path):
            one = self.db.execute
            articles = one("SELECT count(*) FROM articles").fetchone()[0]
            entities = one("SELECT count(*) FROM entities WHERE articles > 0").fetchone()[0]
            undated = one("SELECT count(*) FROM articles WHERE published IS NULL").fetchone()[0]
            read = one("SELECT count(*) FROM reading_state WHERE read = 1").fetchone()[0]
            starred = one("SELECT count(*) FROM reading_state WHERE starred = 1").fetchone()[0]
        size = sum(_size(self.path + suffix) for suffix in ("", "-wal", "-shm")) if self.path != ":memory:" else 0
        return Stats(articles, entities, undated, read, starred, size, self.path)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
