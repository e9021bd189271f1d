"""Articles in SQLite: full-text search with a query language, entity facets, reading state."""

from store.errors import Cancelled, IngestInterrupted, QueryError, StoreError
from store.models import (
    EntityFacet,
    Facets,
    IngestReport,
    RelatedArticle,
    SearchHit,
    SearchPage,
    Span,
    Stats,
    StoredArticle,
)
from store.paths import default_database_path
from store.pool import StorePool
from store.prepared import PAGE, Search, Sort
from store.search import DateGroup
from store.store import Store

__all__ = [
    "PAGE",
    "Cancelled",
    "DateGroup",
    "EntityFacet",
    "Facets",
    "IngestInterrupted",
    "IngestReport",
    "QueryError",
    "RelatedArticle",
    "Search",
    "SearchHit",
    "SearchPage",
    "Sort",
    "Span",
    "Stats",
    "Store",
    "StoreError",
    "StorePool",
    "StoredArticle",
    "default_database_path",
]
