"""People, places and organisations named in an article's title and body, and one entity
per real thing across articles. Loaded on first use: the word lists take a moment."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from articles.entities.extract import extract_entities
    from articles.entities.resolve import resolve_articles

__all__ = ["extract_entities", "resolve_articles"]


def __getattr__(name: str) -> Any:
    if name == "extract_entities":
        from articles.entities import extract

        return extract.extract_entities
    if name == "resolve_articles":
        from articles.entities import resolve

        return resolve.resolve_articles
    raise AttributeError(name)
