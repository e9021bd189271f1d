"""Raw article files in, clean articles out: decoding, parsing, dates and entities."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from articles.errors import NewsdeskError, ParseError
from articles.model import ENTITY_TYPES, Article, Entity, EntityType

if TYPE_CHECKING:
    from articles.formats.reader import parse_file
    from articles.parse import parse_text


def __getattr__(name: str) -> Any:
    # The parser pulls in the entity extractor; importing it only when used keeps start-up fast.
    if name == "parse_text":
        from articles.parse import parse_text

        return parse_text
    if name == "parse_file":  # any format: text, a page, a feed or records holding one article
        from articles.formats.reader import parse_file

        return parse_file
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
