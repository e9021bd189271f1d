"""An entity over time: how many articles name it each month, and the entities named with it
most. A much-named entity's companions are counted over its newest articles (and scaled), so
that the answer stays quick at any archive size."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from articles import ENTITY_TYPES, EntityType
from articles.entities.normalize import name_key
from store.models import EntityFacet
from store.rows import facet, line
from store.search import lookup_entities

# Companions are counted over at most this many of the entity's newest articles.
SAMPLE = 3000
COMPANIONS = 20


@dataclass(frozen=True)
class EntityTrend:
    """One entity: its articles, their count per month ('YYYY-MM'), and its companions.
    `approximate` when the companions were counted on a sample of its articles."""

    id: int
    name: str
    type: EntityType
    articles: int
    months: dict[str, int]
    companions: tuple[EntityFacet, ...]
    undated: int = 0
    approximate: bool = False

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "type": self.type,
            "articles": self.articles,
            "months": self.months,
            "with": [item.to_json() for item in self.companions],
        }


def find_entity(conn: sqlite3.Connection, name: str, kind: EntityType | None = None) -> int | None:
    """The entity a typed name means: one whose name it is, else the most-named it names."""
    ids = lookup_entities(conn, kind or "any", name, prefix=False)
    if not ids:
        return None
    marks = ", ".join("?" for _ in ids)
    rows = conn.execute(f"SELECT id, name, articles FROM entities WHERE id IN ({marks}) AND articles > 0", ids)
    key = name_key(name)
    ranked = sorted(rows, key=lambda row: (name_key(row[1]) != key, -row[2], row[0]))
    return int(ranked[0][0]) if ranked else None


def entity_trend(conn: sqlite3.Connection, entity_id: int, companions: int = COMPANIONS) -> EntityTrend | None:
    row = conn.execute("SELECT id, name, type, articles FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None or row[2] not in ENTITY_TYPES:
        return None
    months, undated = _months(conn, entity_id)
    total = sum(months.values()) + undated
    found, approximate = _companions(conn, entity_id, total, companions)
    return EntityTrend(row[0], line(row[1]), row[2], total, months, found, undated, approximate)


def _months(conn: sqlite3.Connection, entity_id: int) -> tuple[dict[str, int], int]:
    rows = conn.execute(
        # Dates read through the filter index: ~40 bytes an article, not the row with its body.
        "SELECT substr(a.published, 1, 7), count(*) FROM article_entities ae "
        "JOIN articles a INDEXED BY articles_filters ON a.id = ae.article_id "
        "WHERE ae.entity_id = ? GROUP BY 1 ORDER BY 1",
        (entity_id,),
    )
    months: dict[str, int] = {}
    undated = 0
    for month, count in rows:
        if isinstance(month, str) and len(month) == 7 and month[4] == "-":
            months[month] = int(count)
        else:
            undated += int(count)
    return months, undated


def _companions(
    conn: sqlite3.Connection, entity_id: int, total: int, limit: int
) -> tuple[tuple[EntityFacet, ...], bool]:
    rows = conn.execute(
        """WITH sample AS (
               SELECT article_id FROM article_entities WHERE entity_id = ? ORDER BY article_id DESC LIMIT ?
           )
           SELECT e.id, e.name, e.type, count(*) AS together
           FROM sample JOIN article_entities o ON o.article_id = sample.article_id
           JOIN entities e ON e.id = o.entity_id
           WHERE o.entity_id != ? AND e.articles > 0
           GROUP BY e.id ORDER BY together DESC, e.articles DESC LIMIT ?""",
        (entity_id, SAMPLE, entity_id, limit),
    )
    approximate = total > SAMPLE
    scale = total / SAMPLE if approximate else 1.0
    found = (facet((item_id, name, kind, round(count * scale))) for item_id, name, kind, count in rows)
    return tuple(item for item in found if item is not None), approximate
