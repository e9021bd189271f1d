"""The parsed form of a query: terms, fields and the boolean structure around them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, TypeAlias

EntityField = Literal["person", "place", "organization", "any"]
State = Literal["read", "unread", "starred"]


@dataclass(frozen=True)
class Term:
    """A word, a prefix ('patrol*') or a phrase; `column` limits it to the title."""

    text: str
    prefix: bool = False
    phrase: bool = False
    column: str | None = None


@dataclass(frozen=True)
class SourceIs:
    value: str


@dataclass(frozen=True)
class FeedIs:
    """Came from a subscribed feed whose name, title or address contains `value`."""

    value: str


@dataclass(frozen=True)
class StoryIs:
    """In the story with this id (`newsdesk stories` lists them)."""

    story_id: int


@dataclass(frozen=True)
class EntityIs:
    kind: EntityField
    value: str
    prefix: bool = False


@dataclass(frozen=True)
class DateIn:
    """Published on a day in [start, end]; either end may be open."""

    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class StateIs:
    state: State


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Everything:
    """The empty query."""


Node: TypeAlias = Term | SourceIs | FeedIs | StoryIs | EntityIs | DateIn | StateIs | Not | And | Or | Everything
