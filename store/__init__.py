"""Articles in SQLite: full-text search with a query language, entity facets, reading state."""

from store.errors import Cancelled, IngestInterrupted, QueryError, StoreError
from store.models import (
    SNIPPET_CLOSE,
    SNIPPET_OPEN,
    EntityFacet,
    Facets,
    IngestReport,
    RelatedArticle,
    SearchHit,
    SearchPage,
    Stats,
    StoredArticle,
)
from store.paths import default_database_path
from store.store import Sort, Store

__all__ = [
    "SNIPPET_CLOSE",
    "SNIPPET_OPEN",
    "Cancelled",
    "EntityFacet",
    "Facets",
    "IngestInterrupted",
    "IngestReport",
    "QueryError",
    "RelatedArticle",
    "SearchHit",
    "SearchPage",
    "Sort",
    "Stats",
    "Store",
    "StoreError",
    "StoredArticle",
    "default_database_path",
]
