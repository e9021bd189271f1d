"""The store's typed API: every read and write the CLI and the app make goes through here. The
writes are in store/writing.py, the connection and compiling in store/base.py."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Generator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import store.insights as insights
import store.lookups as lookups
from articles import EntityType
from store.base import valid_ids
from store.db import open_database, time_limit, translate_errors, translated
from store.exporting import EXPORT_SECONDS
from store.models import EntityFacet, Facets, RelatedArticle, SearchPage, Stats, StoredArticle
from store.paths import ENVIRONMENT, default_database_path
from store.prepared import SEARCH_SECONDS, Search, Sort
from store.query.ast import Node
from store.query.notes import query_notes
from store.query.parser import parse_query, query_terms
from store.search import matching_ids_sql
from store.writing import Writing

if TYPE_CHECKING:
    from store.story_list import StorySummary
    from store.trends import EntityTrend


class Store(Writing):
    """An open newsdesk database. One Store per thread: sqlite connections are per thread."""

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

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------

    @translated
    def existing(self, ids: Sequence[int]) -> list[int]:
        """Which of these ids name articles."""
        return lookups.existing(self.db, valid_ids(ids))

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

    # -- searching -----------------------------------------------------------------------

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
