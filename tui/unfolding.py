"""A folded timeline's story opened under its row: what it lists, and where j and k go
through the rows and the articles listed under one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from store import SearchHit

Position = tuple[int, int | None]
"""A row's index, and which article listed under it (None: the row itself)."""


@dataclass(frozen=True)
class Unfolded:
    """A folded row opened: the other matches of its story, listed under it one line each
    (and a last line saying how many more there are when they are not all listed)."""

    index: int
    hits: tuple[SearchHit, ...]
    total: int

    @property
    def lines(self) -> int:
        return len(self.hits) + (1 if self.total > len(self.hits) else 0)


class Rows(Protocol):
    """What moving through the rows needs of a result set (tui/data.py's ResultSet)."""

    total: int

    def members_under(self, index: int) -> int: ...


def below(results: Rows, position: Position) -> Position | None:
    """The position under `position` (into an unfolded story's list, and out of it)."""
    index, member = position
    under = results.members_under(index)
    if under and (member is None or member < under - 1):
        return index, 0 if member is None else member + 1
    return (index + 1, None) if index < results.total - 1 else None


def above(results: Rows, position: Position) -> Position | None:
    index, member = position
    if member is not None:
        return index, member - 1 if member > 0 else None
    if index <= 0:
        return None
    under = results.members_under(index - 1)
    return index - 1, under - 1 if under else None
