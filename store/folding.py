"""The timeline folded to one row per story: among a search's matches, each story is shown by
its lead (its best-ranked match, or in date order its newest) and the count of the others.
The folding is one GROUP BY over the matches' narrow index rows, so no match is read into
Python; only the page's leads are then read whole."""

from __future__ import annotations

import json
from dataclasses import replace
from sqlite3 import Connection

from store.models import SearchHit, SearchPage
from store.query.compile import Compiled
from store.rows import day_text, hit
from store.search import FILTERS, SNIPPET, DateGroup

# A match in no story (an article being rewritten, an archive written by hand) is its own story.
_STORY = "coalesce(m.story_id, -a.id)"
# The timeline's order as one value (newest first, undated last, then the highest id, padded
# to 13 digits): the lead of a story in date order is its match with the greatest key. Text
# and a number joined cost a quarter of what printf() does over every match.
_NEWEST = "coalesce(a.published, '') || (1000000000000 + a.id)"
# Relevance order as one value: the better the rank (bm25 is negative, better is lower) the
# greater, fixed-width so that text compares as numbers do, then newest first among equal
# ranks (copies of one article rank alike), as the timeline breaks ties.
_BEST = f"printf('%033.20f', -articles_fts.rank) || {_NEWEST}"


def order_key(compiled: Compiled, sort: str) -> str:
    """The order a search's matches are listed in, as one value: the greatest comes first."""
    return _BEST if sort == "rank" and compiled.match is not None else _NEWEST


def matches(compiled: Compiled) -> tuple[str, str, tuple[object, ...]]:
    """FROM and WHERE for a search's matches (over the narrow index: ids, sources, dates)."""
    if compiled.match is not None:
        source = f"articles_fts JOIN {FILTERS} ON a.id = articles_fts.rowid"
        return source, f"articles_fts MATCH ? AND {compiled.where}", (compiled.match, *compiled.params)
    return FILTERS, compiled.where, tuple(compiled.params)


def grouped(compiled: Compiled, sort: str) -> tuple[str, tuple[object, ...]]:
    """One row per story among the matches: (lead id, lead's day, its date key, its order
    key, matches, story). SQLite takes a bare column from the row that min() or max() picked. The sources
    are counted for a page's stories only (count(DISTINCT) over every match cost a third more)."""
    best = f"max({order_key(compiled, sort)})"
    source, where, params = matches(compiled)
    sql = f"""SELECT a.id AS lead, a.published AS day, {_NEWEST} AS newest, {best} AS best,
                     count(*) AS matches, m.story_id AS story
              FROM {source} LEFT JOIN story_members m ON m.article_id = a.id
              WHERE {where} GROUP BY {_STORY}"""
    return sql, params


def _days(compiled: Compiled) -> tuple[str, tuple[object, ...]]:
    """One row per story among the matches: its lead's day (its newest match's, undated
    last as max() leaves NULL out) and its matches; without the order key, which costs
    40% more over every match and is not needed to count."""
    source, where, params = matches(compiled)
    sql = f"""SELECT max(a.published) AS day, count(*) AS matches
              FROM {source} LEFT JOIN story_members m ON m.article_id = a.id
              WHERE {where} GROUP BY {_STORY}"""
    return sql, params


def folded_counts(conn: Connection, compiled: Compiled) -> tuple[int, int]:
    """How many stories the matches fall in, and how many matches there are."""
    sql, params = _days(compiled)
    stories, articles = conn.execute(f"SELECT count(*), coalesce(sum(matches), 0) FROM ({sql})", params).fetchone()
    return int(stories), int(articles)


def folded_groups(conn: Connection, compiled: Compiled) -> list[DateGroup]:
    """Each day's rows (stories whose lead is that day's) and their matches, newest day first."""
    sql, params = _days(compiled)
    rows = conn.execute(f"SELECT day, count(*), sum(matches) FROM ({sql}) GROUP BY day", params).fetchall()
    groups = [DateGroup(day_text(day), count, articles) for day, count, articles in rows]
    dated = sorted((group for group in groups if group.day), key=lambda group: group.day or "", reverse=True)
    undated = [group for group in groups if not group.day]
    if undated:
        dated.append(DateGroup(None, sum(g.count for g in undated), sum(g.articles or 0 for g in undated)))
    return dated


def folded_search(conn: Connection, compiled: Compiled, sort: str, limit: int, offset: int, count: bool) -> SearchPage:
    """A page of story rows: each its lead's hit, with the story and the others counted;
    `count` counts the stories and their matches too, in the same pass over the matches."""
    sql, params = grouped(compiled, sort)
    totals = ", count(*) OVER (), sum(matches) OVER ()" if count else ""
    rows = conn.execute(
        f"SELECT lead, matches, story{totals} FROM ({sql}) ORDER BY best DESC LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ).fetchall()
    stories, articles = (-1, None) if not count else (rows[0][3], rows[0][4]) if rows else (0, 0)
    if count and not rows and offset:
        stories, articles = folded_counts(conn, compiled)  # a page past the end still counts them
    leads = [row[:3] for row in rows]
    found = _lead_hits(conn, compiled, [row[0] for row in leads])
    sources = _sources(conn, compiled, [story for _, matches, story in leads if story is not None and matches > 1])
    hits = tuple(
        replace(found[lead], story=story, more=matches - 1, more_sources=max(0, sources.get(story, 1) - 1))
        for lead, matches, story in leads
        if lead in found
    )
    return SearchPage(stories, hits, articles)


def _sources(conn: Connection, compiled: Compiled, stories: list[int]) -> dict[int, int]:
    """How many sources each of these stories' matches come from."""
    if not stories:
        return {}
    text = "" if compiled.match is None else " AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
    rows = conn.execute(
        f"""SELECT m.story_id, count(DISTINCT a.source_key) FROM story_members m
            JOIN articles a ON a.id = m.article_id
            WHERE m.story_id IN (SELECT value FROM json_each(?)) AND {compiled.where}{text}
            GROUP BY m.story_id""",
        (json.dumps(stories), *compiled.params, *(() if compiled.match is None else (compiled.match,))),
    ).fetchall()
    return {int(story): int(count) for story, count in rows}


def _lead_hits(conn: Connection, compiled: Compiled, ids: list[int]) -> dict[int, SearchHit]:
    """The leads' rows, with FTS5 snippets (of short bodies) when the search has words."""
    listed = json.dumps(ids)
    if compiled.match is None:
        rows = conn.execute(
            """SELECT a.id, a.title, a.published, a.source, substr(a.body, 1, 240),
                      coalesce(rs.read, 0), coalesce(rs.starred, 0)
               FROM articles a LEFT JOIN reading_state rs ON rs.article_id = a.id
               WHERE a.id IN (SELECT value FROM json_each(?))""",
            (listed,),
        ).fetchall()
        return {row[0]: hit(row, row[4], lead=True) for row in rows}
    rows = conn.execute(
        f"""SELECT a.id, a.title, a.published, a.source, {SNIPPET}, coalesce(rs.read, 0), coalesce(rs.starred, 0)
            FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
            LEFT JOIN reading_state rs ON rs.article_id = a.id
            WHERE articles_fts MATCH ? AND articles_fts.rowid IN (SELECT value FROM json_each(?))""",
        (compiled.match, listed),
    ).fetchall()
    return {row[0]: hit(row, row[4]) for row in rows}


def lead_of(conn: Connection, compiled: Compiled, sort: str, article_id: int) -> tuple[int, str] | None:
    """The row a folded timeline shows an article's story by: its story's lead among the
    matches (the article itself when it is in no story, or None when it does not match),
    and the lead's order key."""
    narrowed = replace(
        compiled,
        where=f"({compiled.where}) AND a.id IN (SELECT m2.article_id FROM story_members m2 WHERE m2.story_id = "
        "(SELECT story_id FROM story_members WHERE article_id = ?) UNION SELECT ?)",
        params=[*compiled.params, article_id, article_id],
    )
    sql, params = grouped(narrowed, sort)
    row = conn.execute(f"SELECT lead, best FROM ({sql}) ORDER BY best DESC LIMIT 1", params).fetchone()
    return (int(row[0]), str(row[1])) if row else None


def in_story(compiled: Compiled, story: int, leaving_out: int) -> Compiled:
    """The same search narrowed to one story's articles, but for one (its lead)."""
    return replace(
        compiled,
        where=f"({compiled.where}) AND a.id != ? AND a.id IN (SELECT article_id FROM story_members WHERE story_id = ?)",
        params=[*compiled.params, leaving_out, story],
    )
