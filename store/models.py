"""What the store hands back: plain dataclasses, never rows or SQL."""

from __future__ import annotations

from dataclasses import dataclass, field

from articles import Article, EntityType

# How FTS5's snippet() brackets a match inside the store; what leaves the store is plain text
# and the spans of the matches in it.
SNIPPET_OPEN = "\u27e6"
SNIPPET_CLOSE = "\u27e7"
Span = tuple[int, int]


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    removed: int | None = None  # by `ingest --prune`: articles whose files are gone

    def to_json(self) -> dict[str, object]:
        report: dict[str, object] = {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": [{"path": path, "error": error} for path, error in self.failed],
        }
        if self.removed is not None:
            report["removed"] = self.removed
        return report


@dataclass(frozen=True)
class SearchHit:
    """One matching article; `matches` are the (start, end) spans of the search's terms in
    `snippet`, which is plain text."""

    id: int
    title: str
    date: str | None
    source: str | None
    snippet: str
    read: bool
    starred: bool
    matches: tuple[Span, ...] = ()
    story: int | None = None
    """The story it is in, when the timeline is folded to one row per story."""
    more: int = 0
    """Folded: the story's other articles among the matches (this one is their lead)."""
    more_sources: int = 0
    """Folded: how many sources besides this one's those other articles come from."""

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "snippet": self.snippet,
            "matches": [list(span) for span in self.matches],
            "read": self.read,
            "starred": self.starred,
        }


@dataclass(frozen=True)
class SearchPage:
    total: int
    hits: tuple[SearchHit, ...]
    articles: int | None = None
    """Folded to one row per story, `total` counts the rows (stories) and this the matches."""


@dataclass(frozen=True)
class RelatedArticle:
    """An article related to another, with why: the words and entities the two share."""

    id: int
    title: str
    date: str | None
    source: str | None
    score: float
    terms: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "date": self.date, "source": self.source, "score": self.score}


@dataclass(frozen=True)
class StoredArticle:
    """An article as stored, with its id, file and reading state."""

    id: int
    article: Article
    path: str | None
    read: bool
    starred: bool
    last_opened: str | None

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "path": self.path, **self.article.to_json(), "read": self.read, "starred": self.starred}


@dataclass(frozen=True)
class EntityFacet:
    """An entity and how many of the matching articles name it."""

    id: int
    name: str
    type: EntityType
    articles: int

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "type": self.type, "articles": self.articles}


@dataclass(frozen=True)
class Facets:
    """Entities of a result set by type; `approximate` when counted on a sample to stay fast."""

    by_type: dict[EntityType, tuple[EntityFacet, ...]]
    approximate: bool = False


@dataclass(frozen=True)
class Stats:
    articles: int
    entities: int
    undated: int
    read: int
    starred: int
    database_bytes: int
    path: str

    def to_json(self) -> dict[str, object]:
        return {
            "articles": self.articles,
            "entities": self.entities,
            "undated": self.undated,
            "read": self.read,
            "starred": self.starred,
            "database_bytes": self.database_bytes,
            "path": self.path,
        }
