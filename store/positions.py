"""Where an article is in a search's list, counted in SQL: after the timeline is folded or
unfolded the cursor goes to the same article (or its story's row) wherever it now is."""

from __future__ import annotations

from sqlite3 import Connection

from store.folding import grouped, lead_of, matches, order_key
from store.query.compile import Compiled


def position(conn: Connection, compiled: Compiled, sort: str, folded: bool, article_id: int) -> int | None:
    """The index of the row showing `article_id` (folded: its story's row), None when it does
    not match. One pass over the matches, like a count."""
    if folded:
        found = lead_of(conn, compiled, sort, article_id)
        if found is None:
            return None
        sql, params = grouped(compiled, sort)
        return int(conn.execute(f"SELECT count(*) FROM ({sql}) WHERE best > ?", (*params, found[1])).fetchone()[0])
    source, where, params = matches(compiled)
    key = order_key(compiled, sort)
    row = conn.execute(f"SELECT {key} FROM {source} WHERE {where} AND a.id = ?", (*params, article_id)).fetchone()
    if row is None:
        return None
    ahead = f"SELECT count(*) FROM {source} WHERE {where} AND {key} > ?"
    return int(conn.execute(ahead, (*params, row[0])).fetchone()[0])
