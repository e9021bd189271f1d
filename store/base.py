"""What every part of the Store stands on: the connection, its scratch database, compiling a
query, and reading one article or value."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from sqlite_utils import Database

from store.db import is_read_only, translated
from store.errors import StoreError
from store.models import StoredArticle
from store.query import compile as compiling
from store.query.ast import EntityField, Node
from store.query.compile import Compiled
from store.query.parser import parse_query
from store.reading import read_article, valid_id
from store.search import lookup_entities
from store.snippets import scratch_connection


class StoreBase:
    """The connection a Store holds, and what its reads and writes share (store/store.py)."""

    def __init__(self, db: Database, path: str) -> None:
        self.db = db
        self.path = path
        self.read_only = is_read_only(db)
        self._scratch: sqlite3.Connection | None = None

    def close(self) -> None:
        self.db.close()
        if self._scratch is not None:
            self._scratch.close()

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} is read-only: nothing was changed")

    @translated
    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

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

    @translated
    def article(self, article_id: int) -> StoredArticle | None:
        return read_article(self.db.conn, article_id)


def valid_ids(ids: Sequence[int]) -> list[int]:
    return [article_id for article_id in ids if valid_id(article_id)]
