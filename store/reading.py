"""Reading one article with its entities, and the checks every id and count from a user
gets before it reaches SQLite (which takes 64-bit integers only)."""

from __future__ import annotations

from collections.abc import Sequence
from sqlite3 import Connection

from articles import Entity
from store.models import StoredArticle
from store.rows import entity, stored_article

MAX_ROWID = 2**63 - 1


def valid_id(row_id: int) -> bool:
    """Article and entity ids are SQLite rowids: 64-bit, and newsdesk's are positive."""
    return 0 < row_id <= MAX_ROWID


def bounded(number: int) -> int:
    """A count or an offset as SQLite takes it (a user may type any number)."""
    return min(max(0, number), MAX_ROWID)


def in_ids(prefix: str, ids: Sequence[int]) -> str:
    return f"{prefix} ({', '.join('?' for _ in ids)})" if ids else f"{prefix} (NULL)"


def read_article(conn: Connection, article_id: int) -> StoredArticle | None:
    if not valid_id(article_id):
        return None
    row = conn.execute(
        """SELECT a.id, a.title, a.subtitle, a.published, a.source, a.url, a.byline, a.body, a.captions,
                  a.path, coalesce(rs.read, 0), coalesce(rs.starred, 0), rs.last_opened
           FROM articles a LEFT JOIN reading_state rs ON rs.article_id = a.id WHERE a.id = ?""",
        (article_id,),
    ).fetchone()
    return stored_article(row, _article_entities(conn, article_id)) if row is not None else None


def _article_entities(conn: Connection, article_id: int) -> tuple[Entity, ...]:
    rows = conn.execute(
        """SELECT e.id, e.name, e.type, ae.mentions FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
           WHERE ae.article_id = ? ORDER BY ae.mentions DESC, e.name""",
        (article_id,),
    ).fetchall()
    aliases: dict[int, list[str]] = {}
    ids = [row[0] for row in rows]
    if ids:
        for entity_id, alias in conn.execute(
            in_ids("SELECT entity_id, alias FROM entity_aliases WHERE entity_id IN", ids), ids
        ):
            aliases.setdefault(entity_id, []).append(alias)
    found = (entity(row[1], row[2], aliases.get(row[0], []), row[3]) for row in rows)
    return tuple(item for item in found if item is not None)
