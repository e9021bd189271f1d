"""Why an article is in a search's results: which of the query's words each field matches
(asked of the index itself, so stems match as the search matched), and the entities the
query or the chosen filters name that the article names."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from store.query.parser import query_terms
from store.rows import line

FIELDS = (("title", "title"), ("body", "body"), ("entity_text", "entity names"))


@dataclass(frozen=True)
class Explanation:
    """Field label -> the query words it matches; the filters' entities the article names."""

    fields: dict[str, tuple[str, ...]]
    entities: tuple[str, ...]
    query: str = ""

    def text(self) -> str:
        parts = [f"{label}: {', '.join(words)}" for label, words in self.fields.items() if words]
        if not parts and self.query.strip():
            parts.append(f"no words to match: listed by the query's fields ({line(self.query.strip())})")
        if self.entities:
            parts.append("names the filters' " + ", ".join(self.entities))
        return " · ".join(parts) or "every article is listed (no query, no filter)"


def explain(conn: sqlite3.Connection, article_id: int, query: str, entity_ids: Sequence[int]) -> Explanation:
    words = sorted(dict.fromkeys(word.lower() for word in query_terms(query)), key=query.lower().find)[:20]
    fields: dict[str, tuple[str, ...]] = {}
    for column, label in FIELDS:
        fields[label] = tuple(word for word in words if _matches(conn, article_id, column, word))
    named = conn.execute(
        "SELECT e.name FROM article_entities ae JOIN entities e ON e.id = ae.entity_id "
        "WHERE ae.article_id = ? AND ae.entity_id IN (SELECT value FROM json_each(?))",
        (article_id, "[" + ",".join(str(int(entity_id)) for entity_id in entity_ids) + "]"),
    )
    return Explanation(fields, tuple(line(row[0]) for row in named), query)


def _matches(conn: sqlite3.Connection, article_id: int, column: str, word: str) -> bool:
    quoted = '"' + word.replace('"', '""') + '"'
    row = conn.execute(
        "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?", (f"{{{column}}} : {quoted}", article_id)
    ).fetchone()
    return row is not None
