"""Raw article files in, clean articles out: decoding, parsing, dates and entities."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from articles.errors import NewsdeskError, ParseError
from articles.model import ENTITY_TYPES, Article, Entity, EntityType

if TYPE_CHECKING:
    from articles.parse import parse_file, parse_text


def __getattr__(name: str) -> Any:
    # The parser pulls in the entity extractor; importing it only when used keeps start-up fast.
    if name in ("parse_file", "parse_text"):
        from articles import parse

        return getattr(parse, name)
    raise AttributeError(name)


__all__ = [
    "ENTITY_TYPES",
    "Article",
    "Entity",
    "EntityType",
    "NewsdeskError",
    "ParseError",
    "parse_file",
    "parse_text",
]
