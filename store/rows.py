"""Rows read from an archive, as domain objects, checked and sanitised whoever wrote them:
a shared or hand-edited archive may hold escape sequences, dates that are not dates and
JSON that does not parse in any column. Nothing from a row crashes a reader or reaches a
terminal raw."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from articles import ENTITY_TYPES, Article, Entity, EntityType
from articles.sanitize import sanitize, sanitize_line
from store.models import SNIPPET_CLOSE, SNIPPET_OPEN, EntityFacet, SearchHit, Span, StoredArticle

LEAD_CHARS = 200


def text(value: object) -> str:
    """Any column as sanitised text (None as '')."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return sanitize(str(value))


def line(value: object) -> str:
    """A one-line field: sanitised, with newlines and tabs folded to spaces."""
    return sanitize_line(text(value)) if value is not None else ""


def optional_line(value: object) -> str | None:
    return line(value) or None


def day(value: object) -> dt.date | None:
    """A stored date when it is one (YYYY-MM-DD); anything else reads as undated."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def day_text(value: object) -> str | None:
    found = day(value)
    return found.isoformat() if found else None


def strings(value: object) -> tuple[str, ...]:
    """A JSON list of strings (byline, captions); what does not parse, or is not a string, is left out."""
    if not isinstance(value, str) or not value:
        return ()
    try:
        items = json.loads(value)
    except (ValueError, RecursionError):
        return ()
    if not isinstance(items, list):
        return ()
    return tuple(cleaned for item in items if isinstance(item, str) and (cleaned := line(item)))


def entity_type(value: object) -> EntityType | None:
    for kind in ENTITY_TYPES:
        if value == kind:
            return kind
    return None


def stored_article(row: Sequence[object], entities: tuple[Entity, ...]) -> StoredArticle:
    """An `articles` row (id, title, subtitle, published, source, url, byline, body, captions,
    path, read, starred, last_opened) with its entities."""
    body = text(row[7])
    article = Article(
        title=line(row[1]),
        subtitle=optional_line(row[2]),
        published=day(row[3]),
        source=optional_line(row[4]),
        url=optional_line(row[5]),
        byline=strings(row[6]) or None,
        body=tuple(body.split("\n\n")) if body else (),
        captions=tuple(text(caption) for caption in strings(row[8])),
        entities=entities,
    )
    return StoredArticle(
        _id(row[0]), article, optional_line(row[9]), bool(row[10]), bool(row[11]), optional_line(row[12])
    )


def entity(name: object, kind: object, aliases: Sequence[object], mentions: object) -> Entity | None:
    checked = entity_type(kind)
    if checked is None:
        return None
    forms = tuple(cleaned for alias in aliases if (cleaned := line(alias)))
    return Entity(line(name), checked, forms, _count(mentions))


def facet(row: Sequence[object]) -> EntityFacet | None:
    """An (id, name, type, articles) row."""
    kind = entity_type(row[2])
    return EntityFacet(_id(row[0]), line(row[1]), kind, _count(row[3])) if kind else None


def marked(snippet: object) -> tuple[str, tuple[Span, ...]]:
    """A snippet FTS5 bracketed as one line of plain text and the spans of its matches."""
    parts = line(snippet).replace(SNIPPET_CLOSE, SNIPPET_OPEN).split(SNIPPET_OPEN)
    plain, spans, at = [], [], 0
    for number, part in enumerate(parts):
        if number % 2 and part:
            spans.append((at, at + len(part)))
        plain.append(part)
        at += len(part)
    return "".join(plain), tuple(spans)


def hit(row: Sequence[object], snippet: object, lead: bool = False) -> SearchHit:
    """An (id, title, published, source, ..., read, starred) search row; a lead (the start of
    the body, for searches without words) is cut at a word near LEAD_CHARS."""
    shown, matches = marked(snippet) if not lead else (line(snippet), ())
    if lead and len(shown) >= LEAD_CHARS:
        shown = shown[:LEAD_CHARS].rsplit(" ", 1)[0] + "…"
    return SearchHit(
        id=_id(row[0]),
        title=line(row[1]),
        date=day_text(row[2]),
        source=optional_line(row[3]),
        snippet=shown,
        read=bool(row[5]),
        starred=bool(row[6]),
        matches=matches,
    )


def _id(value: object) -> int:
    return value if isinstance(value, int) else 0


def _count(value: object) -> int:
    return value if isinstance(value, int) and value >= 0 else 0
