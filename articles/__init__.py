"""Raw article files in, clean articles out: decoding, parsing, dates and entities."""

from articles.errors import NewsdeskError, ParseError
from articles.model import ENTITY_TYPES, Article, Entity, EntityType
from articles.parse import parse_file, parse_text

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
