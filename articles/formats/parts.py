"""The pieces a file is read into: a Part is one item or record as its format gives it, an
Entry is one article made from a file or a part of one, or the reason it could not be."""

from __future__ import annotations

from dataclasses import dataclass

from articles.errors import ParseError
from articles.formats.assemble import Found, assemble
from articles.model import Article


@dataclass(frozen=True)
class Part:
    """One item of a feed or record of a JSON file: `number` counts from 1 in file order, `key`
    names it for good (its guid, link, URL or id, else its number) and `fingerprint` is the
    source text it was read from (same fingerprint, same content)."""

    number: int
    key: str
    fingerprint: str
    found: Found | None = None
    error: str | None = None


@dataclass(frozen=True)
class Entry:
    """One article read from a file (`key` None: the whole file is the article; else the part's
    key), or `error` saying why that part could not be read."""

    key: str | None
    fingerprint: str
    article: Article | None = None
    error: str | None = None
    number: int | None = None

    @property
    def label(self) -> str:
        """How a report names this entry after its file's path: '' or '#N'."""
        return "" if self.number is None else f"#{self.number}"


def entry_of(part: Part, entities: bool = True) -> Entry:
    """Make the part's article, or say why it has none."""
    if part.error is not None or part.found is None:
        return Entry(part.key, part.fingerprint, error=part.error or "nothing to read", number=part.number)
    try:
        article = assemble(part.found, entities)
    except ParseError as error:
        return Entry(part.key, part.fingerprint, error=error.message, number=part.number)
    except (RecursionError, MemoryError, ValueError) as error:
        return Entry(
            part.key, part.fingerprint, error=f"could not parse ({error.__class__.__name__})", number=part.number
        )
    return Entry(part.key, part.fingerprint, article=article, number=part.number)
