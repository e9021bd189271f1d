"""Ranked and timeline search, entity lookup for field queries, and entity facets."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from sqlite3 import Connection, OperationalError

from articles import ENTITY_TYPES, EntityType
from articles.entities.normalize import name_key
from store.models import SNIPPET_CLOSE, SNIPPET_OPEN, EntityFacet, Facets, SearchHit, SearchPage
from store.query.ast import EntityField
from store.query.compile import Compiled
from store.rows import day_text, facet, hit
from store.snippets import DIRECT, TOKENS

MAX_ENTITY_IDS = 500
FACET_SAMPLE = 1500
# Where only the filter columns of a match are read (counts, ids), through the narrow index
# that holds them rather than the article rows (SQLite would pick the rowid, reading bodies).
FILTERS = "articles a INDEXED BY articles_filters"
# FTS5's snippet() costs the square of a body's matches and cannot be interrupted: it runs
# here only on bodies of at most DIRECT characters; store/snippets.py does the longer ones.
SNIPPET = (
    f"CASE WHEN length(articles_fts.body) <= {DIRECT} "
    f"THEN snippet(articles_fts, 1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', {TOKENS}) END"
)
# SQLite sorts NULL below every date, so DESC puts undated articles last and can walk the date index.
_DATE_ORDER = "a.published DESC, a.id DESC"


def lookup_entities(conn: Connection, kind: EntityField, value: str, prefix: bool) -> list[int]:
    """Entity ids a field value names: by any key (name, alias, known variant) or by words
    of the name ('erdogan' names 'Recep Tayyip Erdogan')."""
    from articles.entities.lexicon import lexicon

    key = name_key(value)
    if not key:
        return []
    types = ENTITY_TYPES if kind == "any" else (kind,)
    type_marks = ", ".join("?" for _ in types)
    keys = {key}
    known = lexicon().known.get(key)
    if known is not None:
        keys.add(name_key(known.name))
    found = {
        row[0]
        for row in conn.execute(
            f"SELECT entity_id FROM entity_keys WHERE type IN ({type_marks}) AND key IN ({', '.join('?' for _ in keys)})",
            (*types, *keys),
        )
    }
    found |= _by_words(conn, key.split(), prefix, types)
    return sorted(found)[:MAX_ENTITY_IDS]


def _by_words(conn: Connection, words: list[str], prefix: bool, types: tuple[str, ...]) -> set[int]:
    clauses, params = [], []
    for index, word in enumerate(words):
        if prefix and index == len(words) - 1:
            clauses.append("SELECT entity_id FROM entity_words WHERE word >= ? AND word < ?")
            params += [word, word + "\uffff"]
        else:
            clauses.append("SELECT entity_id FROM entity_words WHERE word = ?")
            params.append(word)
    type_marks = ", ".join("?" for _ in types)
    sql = f"SELECT id FROM entities WHERE type IN ({type_marks}) AND id IN ({' INTERSECT '.join(clauses)}) LIMIT ?"
    return {row[0] for row in conn.execute(sql, (*types, *params, MAX_ENTITY_IDS))}


def search(conn: Connection, compiled: Compiled, sort: str, limit: int, offset: int, count: bool = True) -> SearchPage:
    if compiled.match is not None:
        return _text_search(conn, compiled, sort, limit, offset, count)
    where = f"WHERE {compiled.where}"
    total = conn.execute(f"SELECT count(*) FROM articles a {where}", compiled.params).fetchone()[0] if count else -1
    rows = conn.execute(
        f"""SELECT a.id, a.title, a.published, a.source, substr(a.body, 1, 240),
                   coalesce(rs.read, 0), coalesce(rs.starred, 0)
            FROM articles a LEFT JOIN reading_state rs ON rs.article_id = a.id
            {where} ORDER BY {_DATE_ORDER} LIMIT ? OFFSET ?""",
        (*compiled.params, limit, offset),
    ).fetchall()
    return SearchPage(total, tuple(_hit(row, lead=True) for row in rows))


def _text_search(conn: Connection, compiled: Compiled, sort: str, limit: int, offset: int, count: bool) -> SearchPage:
    """One ranked (or date-sorted) query with snippets. The order is the FTS rank alone so
    that SQLite computes snippets for the page only; ties are then broken by date here."""
    params = (compiled.match, *compiled.params)
    if not count:
        total = -1
    elif compiled.where == "1":
        total = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", params).fetchone()[0]
    else:
        total = conn.execute(
            f"SELECT count(*) FROM articles_fts JOIN {FILTERS} ON a.id = articles_fts.rowid "
            f"WHERE articles_fts MATCH ? AND {compiled.where}",
            params,
        ).fetchone()[0]
    if sort == "rank" and compiled.where == "1":
        # Text alone: FTS5 picks the best matches by itself, and only they are joined.
        sql = f"""SELECT a.id, a.title, a.published, a.source, f.snippet,
                         coalesce(rs.read, 0), coalesce(rs.starred, 0), f.rank
                  FROM (SELECT rowid, rank, {SNIPPET} AS snippet FROM articles_fts
                        WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?) f
                  JOIN articles a ON a.id = f.rowid
                  LEFT JOIN reading_state rs ON rs.article_id = a.id"""
    else:
        # The page's ids are chosen on the narrow index (filters tested without reading any
        # article row); only those rows are then read and given snippets. Reading every match's row made
        # 'total source:nytimes' take 1.8 s on a cold 100k archive (0.2 s now).
        # Rank order is restored below: asked of the outer query, FTS5 would rank every match.
        order = "articles_fts.rank" if sort == "rank" else _DATE_ORDER
        sql = f"""SELECT a.id, a.title, a.published, a.source, {SNIPPET},
                         coalesce(rs.read, 0), coalesce(rs.starred, 0), articles_fts.rank
                  FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                  LEFT JOIN reading_state rs ON rs.article_id = a.id
                  WHERE articles_fts MATCH ? AND +articles_fts.rowid IN (
                      SELECT articles_fts.rowid FROM articles_fts JOIN {FILTERS} ON a.id = articles_fts.rowid
                      WHERE articles_fts MATCH ? AND {compiled.where} ORDER BY {order} LIMIT ? OFFSET ?)
                  {"" if sort == "rank" else f"ORDER BY {order}"}"""
        params = (compiled.match, *params)
    rows = conn.execute(sql, (*params, limit, offset)).fetchall()
    if sort == "rank":
        # Two stable sorts: newest first (undated last, then the highest id, as in date order),
        # then by rank, so equal ranks stay in timeline order.
        rows.sort(key=lambda row: (row[2] or "", row[0]), reverse=True)
        rows.sort(key=lambda row: row[7])
    return SearchPage(total, tuple(_hit(row) for row in rows))


def _hit(row: tuple[object, ...], lead: bool = False) -> SearchHit:
    return hit(row, row[4], lead)


@dataclass(frozen=True)
class DateGroup:
    """One day of the timeline (None for undated articles) and how many articles it holds."""

    day: str | None
    count: int
    articles: int | None = None
    """Folded to one row per story, `count` counts the day's rows and this their matches."""


def date_groups(conn: Connection, compiled: Compiled) -> list[DateGroup]:
    if compiled.match is None and compiled.where == "1":
        rows = conn.execute("SELECT published, count(*) FROM articles GROUP BY published").fetchall()
    else:
        ids_sql, params = matching_ids_sql(compiled)
        sql = f"SELECT published, count(*) FROM articles a WHERE a.id IN ({ids_sql}) GROUP BY published"
        rows = conn.execute(sql, params).fetchall()
    # A stored value that is not a date (a hand-edited archive) counts as undated, in the order
    # the search sorts by (SQLite sorts such text among the dates, so it keeps its place there).
    groups = [DateGroup(day_text(row[0]), row[1]) for row in rows]
    dated = sorted((group for group in groups if group.day), key=lambda group: group.day or "", reverse=True)
    undated = sum(group.count for group in groups if not group.day)
    return [*dated, *([DateGroup(None, undated)] if undated else [])]


def matching_ids_sql(compiled: Compiled) -> tuple[str, tuple[object, ...]]:
    if compiled.match is not None:
        return (
            f"SELECT a.id FROM articles_fts JOIN {FILTERS} ON a.id = articles_fts.rowid "
            f"WHERE articles_fts MATCH ? AND {compiled.where}",
            (compiled.match, *compiled.params),
        )
    return f"SELECT a.id FROM articles a WHERE {compiled.where}", tuple(compiled.params)


def newest_first_ids_sql(compiled: Compiled) -> tuple[str, tuple[object, ...]]:
    """The ids of every match in timeline order (newest first, undated last)."""
    ids_sql, params = matching_ids_sql(compiled)
    return f"SELECT a.id FROM articles a WHERE a.id IN ({ids_sql}) ORDER BY {_DATE_ORDER}", params


def facets(conn: Connection, compiled: Compiled, limit: int, budget_ms: int = 80) -> Facets:
    """Top entities by type among matching articles, within a time budget: the whole archive
    reads kept counts; otherwise the newest matches are counted (all of them when there are
    few), in newest-first order that FTS5 and the rowid index give without sorting."""
    if compiled.match is None and compiled.where == "1":
        return Facets({kind: _top_overall(conn, kind, limit) for kind in ENTITY_TYPES})
    ids_sql, params = _newest_ids_sql(compiled)
    for sample, share in ((FACET_SAMPLE, 0.7), (FACET_SAMPLE // 5, 0.3)):
        deadline = time.monotonic() + budget_ms * share / 1000
        try:
            return _count_sample(conn, ids_sql, params, limit, sample, deadline)
        except OperationalError as error:
            if "interrupted" not in str(error):
                raise
    return Facets({kind: () for kind in ENTITY_TYPES}, approximate=True)


def _newest_ids_sql(compiled: Compiled) -> tuple[str, tuple[object, ...]]:
    if compiled.match is not None and compiled.where == "1":
        sql = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?"
        return sql, (compiled.match,)
    if compiled.match is not None:
        sql = (
            f"SELECT a.id FROM articles_fts JOIN {FILTERS} ON a.id = articles_fts.rowid "
            f"WHERE articles_fts MATCH ? AND {compiled.where} ORDER BY articles_fts.rowid DESC LIMIT ?"
        )
        return sql, (compiled.match, *compiled.params)
    return f"SELECT a.id FROM articles a WHERE {compiled.where} ORDER BY a.id DESC LIMIT ?", tuple(compiled.params)


def _top_overall(conn: Connection, kind: EntityType, limit: int) -> tuple[EntityFacet, ...]:
    rows = conn.execute(
        "SELECT id, name, type, articles FROM entities WHERE type = ? AND articles > 0 ORDER BY articles DESC LIMIT ?",
        (kind, limit),
    )
    return tuple(item for item in map(facet, rows) if item is not None)


def _count_sample(
    conn: Connection, ids_sql: str, params: tuple[object, ...], limit: int, sample: int, deadline: float
) -> Facets:
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 2000)
    try:
        ids = [row[0] for row in conn.execute(ids_sql, (*params, sample + 1))]
        counted = ids[:sample]
        rows = conn.execute(
            """SELECT e.id, e.name, e.type, count(*) AS n
                FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
                WHERE ae.article_id IN (SELECT value FROM json_each(?))
                GROUP BY e.id ORDER BY n DESC""",
            (json.dumps(counted),),
        ).fetchall()
    finally:
        conn.set_progress_handler(None, 0)
    by_type: dict[EntityType, list[EntityFacet]] = {kind: [] for kind in ENTITY_TYPES}
    for item in map(facet, rows):
        if item is not None and len(by_type[item.type]) < limit:
            by_type[item.type].append(item)
    return Facets({kind: tuple(items) for kind, items in by_type.items()}, approximate=len(ids) > sample)
