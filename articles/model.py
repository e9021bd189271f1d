"""The article value that every layer passes around."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["person", "place", "organization"]
ENTITY_TYPES: tuple[EntityType, ...] = ("person", "place", "organization")


@dataclass(frozen=True)
class Entity:
    """A person, place or organisation named by an article."""

    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    mentions: int = 1

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "mentions": self.mentions,
        }


@dataclass(frozen=True)
class Article:
    """A clean article: metadata, body paragraphs, captions kept apart, and entities."""

    title: str
    body: tuple[str, ...]
    subtitle: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    byline: tuple[str, ...] | None = None
    captions: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = field(default=())

    @property
    def body_text(self) -> str:
        return "\n\n".join(self.body)

    @property
    def date_iso(self) -> str | None:
        return self.published.isoformat() if self.published else None

    def to_json(self) -> dict[str, object]:
        """The `parse --json` shape, without the path."""
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "date": self.date_iso,
            "source": self.source,
            "url": self.url,
            "byline": list(self.byline) if self.byline is not None else None,
            "body": self.body_text,
            "entities": [entity.to_json() for entity in self.entities],
        }
