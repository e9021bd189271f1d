"""A prepared search: one query compiled once against one archive, then asked for its date
groups, its pages and its facets as often as a view needs them, from any thread."""

from __future__ import annotations

import contextlib
import dataclasses
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Literal, Protocol

from store.db import time_limit, translate_errors
from store.folding import folded_groups, folded_search, in_story, lead_of
from store.models import Facets, SearchPage
from store.positions import position
from store.query.compile import Compiled
from store.reading import bounded
from store.search import DateGroup, date_groups
from store.search import facets as count_facets
from store.search import search as run_search
from store.snippets import with_snippets

Sort = Literal["rank", "date"]
PAGE = 100
SEARCH_SECONDS = 1.0


class Archive(Protocol):
    """What a prepared search reads through: an open archive's connection and its scratch
    database for long bodies' snippets (a Store is one)."""

    path: str

    def connection(self) -> sqlite3.Connection: ...

    def scratch(self) -> sqlite3.Connection: ...


Lender = Callable[[], AbstractContextManager[Archive]]


@dataclass(frozen=True)
class Search:
    """`text` compiled once (entity lookups included): `order` is the order it runs in
    (date when it has no words), `terms` the words to highlight, `notes` how it was read.
    Each method borrows a connection from `lend`, so a worker on any thread may call it."""

    text: str
    order: Sort
    entity_ids: tuple[int, ...]
    compiled: Compiled = field(repr=False)
    terms: tuple[str, ...]
    notes: tuple[str, ...]
    lend: Lender = field(repr=False, compare=False)
    folded: bool = False
    """One row per story among the matches (its lead, with the others counted)."""

    @property
    def has_text(self) -> bool:
        """Whether it searches text (so hits have snippets and a relevance order)."""
        return self.compiled.match is not None

    def lent_by(self, lend: Lender) -> Search:
        """The same search, reading through another lender (a pool rather than one store)."""
        return dataclasses.replace(self, lend=lend)

    def ordered(self, order: Sort) -> Search:
        """The same search in another order (only a search with words has a relevance order)."""
        return dataclasses.replace(self, order=order if self.has_text else "date")

    def folding(self, folded: bool) -> Search:
        """The same search with one row per story, or one per article."""
        return dataclasses.replace(self, folded=folded)

    def groups(self, cancelled: Callable[[], bool] | None = None, seconds: float = SEARCH_SECONDS) -> list[DateGroup]:
        """How many matches each day has, newest day first, undated last. When `cancelled()`
        turns true it stops with Cancelled, after `seconds` with a QueryError."""
        with self._reading(seconds, cancelled) as conn:
            return (folded_groups if self.folded else date_groups)(conn, self.compiled)

    def hits(
        self,
        offset: int,
        limit: int = PAGE,
        total: bool = False,
        cancelled: Callable[[], bool] | None = None,
        seconds: float = SEARCH_SECONDS,
    ) -> SearchPage:
        """`limit` matches from `offset` on, with snippets when the search has words; the
        page's total is -1 unless `total` asks for every match to be counted."""
        with self.lend() as archive, translate_errors(archive.path):
            conn = archive.connection()
            with time_limit(conn, seconds, cancelled):
                read = folded_search if self.folded else run_search
                page = read(conn, self.compiled, self.order, bounded(limit), bounded(offset), total)
            if not self.has_text:
                return page
            return with_snippets(conn, archive.scratch(), self.compiled.highlight, page, cancelled, seconds / 2)

    def page(self, number: int, cancelled: Callable[[], bool] | None = None) -> SearchPage:
        """Page `number` (from 0) of PAGE hits, uncounted."""
        return self.hits(number * PAGE, PAGE, cancelled=cancelled)

    def story(self, story: int, lead: int, limit: int = PAGE) -> SearchPage:
        """The other matches of a folded row's story (all but its lead), in this search's order."""
        narrowed = dataclasses.replace(self, compiled=in_story(self.compiled, story, lead), folded=False)
        return narrowed.hits(0, limit, total=True)

    def lead_of(self, article_id: int) -> int | None:
        """The article a folded row shows for this one's story (see store/folding.py)."""
        with self._reading(SEARCH_SECONDS, None) as conn:
            found = lead_of(conn, self.compiled, self.order, article_id)
            return found[0] if found else None

    def position(self, article_id: int) -> int | None:
        """The index of the row that shows the article (folded: its story's row)."""
        with self._reading(SEARCH_SECONDS, None) as conn:
            return position(conn, self.compiled, self.order, self.folded, article_id)

    def facets(self, limit: int = 20) -> Facets:
        """The most-named entities among the matches, by type."""
        with self.lend() as archive, translate_errors(archive.path):
            return count_facets(archive.connection(), self.compiled, bounded(limit))

    @contextlib.contextmanager
    def _reading(self, seconds: float, cancelled: Callable[[], bool] | None) -> Iterator[sqlite3.Connection]:
        """A borrowed connection under the search's time limit, its errors translated."""
        with (
            self.lend() as archive,
            translate_errors(archive.path),
            time_limit(archive.connection(), seconds, cancelled),
        ):
            yield archive.connection()
