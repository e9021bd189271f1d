"""What the store says about articles beyond a search: an article's related articles, why it
is listed, the stories matching articles are in, an entity's trend. Store's thin methods call
these with their connection; the modules they use are imported when first needed."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from articles import EntityType
from store.db import time_limit
from store.errors import StoreError
from store.prepared import SEARCH_SECONDS
from store.reading import bounded, valid_id

if TYPE_CHECKING:
    from store.models import RelatedArticle
    from store.query.compile import Compiled
    from store.story_list import StorySummary
    from store.trends import EntityTrend


def related(
    conn: sqlite3.Connection, scratch: sqlite3.Connection, path: str, article_id: int, limit: int
) -> list[RelatedArticle]:
    """The articles most related to one, best first (StoreError when there is no such article)."""
    from store.related import related_articles
    from store.terms import document_counts

    found = related_articles(conn, scratch, document_counts(path), article_id, bounded(limit))
    if found is None:
        raise StoreError(f"no article has id {article_id}")
    return found


def explain(conn: sqlite3.Connection, article_id: int, query: str, entity_ids: Sequence[int]) -> str:
    """Why an article matches a query and filters, in one line."""
    from store.explain import explain as explaining

    return explaining(conn, article_id, query, entity_ids).text()


def stories(conn: sqlite3.Connection, compiled: Compiled, limit: int, smallest: int) -> list[StorySummary]:
    """Stories of at least `smallest` articles that a matching article is in, newest first."""
    from store.story_list import list_stories

    with time_limit(conn, SEARCH_SECONDS):
        return list_stories(conn, compiled, bounded(limit), smallest)


def entity_trend(conn: sqlite3.Connection, name: str, kind: EntityType | None) -> EntityTrend:
    """The entity a name means, its articles per month and its companions (StoreError when
    the archive names no such entity)."""
    from store.trends import find_entity

    entity_id = find_entity(conn, name, kind)
    trend = trend_of(conn, entity_id) if entity_id is not None else None
    if trend is None:
        raise StoreError(f"no entity is named {name!r}")
    return trend


def trend_of(conn: sqlite3.Connection, entity_id: int) -> EntityTrend | None:
    """The trend of the entity with this id (None when there is none)."""
    from store.trends import entity_trend as trending

    return trending(conn, entity_id) if valid_id(entity_id) else None
