"""Reading stories back: the stories that matching articles belong to, newest first, each with
its articles and their sources."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from store.query.compile import Compiled
from store.rows import day, line
from store.search import matching_ids_sql


@dataclass(frozen=True)
class StorySummary:
    """One story: its first article's title, its first date, its articles and their sources."""

    story: int
    title: str
    date: str | None
    articles: tuple[int, ...]
    sources: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "story": self.story,
            "title": self.title,
            "date": self.date,
            "articles": list(self.articles),
            "sources": list(self.sources),
        }


def list_stories(conn: sqlite3.Connection, compiled: Compiled, limit: int, smallest: int) -> list[StorySummary]:
    """Stories of at least `smallest` articles with an article matching, newest first."""
    ids_sql, params = matching_ids_sql(compiled)
    rows = conn.execute(
        f"""SELECT s.id, s.title, s.day FROM stories s
            WHERE s.articles >= ? AND s.id IN (
                SELECT m.story_id FROM story_members m WHERE m.article_id IN ({ids_sql}))
            ORDER BY s.day IS NULL, s.day DESC, s.id DESC LIMIT ?""",
        (smallest, *params, limit),
    ).fetchall()
    members = _members(conn, [row[0] for row in rows])
    return [
        StorySummary(
            story_id,
            line(title),
            when.isoformat() if (when := day(first)) else None,
            tuple(article for article, _ in members.get(story_id, [])),
            tuple(dict.fromkeys(source for _, source in members.get(story_id, []) if source)),
        )
        for story_id, title, first in rows
    ]


def _members(conn: sqlite3.Connection, story_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    found: dict[int, list[tuple[int, str]]] = {}
    rows = conn.execute(
        "SELECT m.story_id, a.id, a.source FROM story_members m JOIN articles a ON a.id = m.article_id "
        "WHERE m.story_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY m.story_id, a.published IS NULL, a.published, a.id",
        (json.dumps(story_ids),),
    )
    for story_id, article_id, source in rows:
        found.setdefault(story_id, []).append((article_id, line(source)))
    return found


def story_of(conn: sqlite3.Connection, article_id: int) -> tuple[int, int] | None:
    """The story an article is in and how many articles it has."""
    row = conn.execute(
        "SELECT s.id, s.articles FROM story_members m JOIN stories s ON s.id = m.story_id WHERE m.article_id = ?",
        (article_id,),
    ).fetchone()
    return (int(row[0]), int(row[1])) if row else None
