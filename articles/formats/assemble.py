"""Turn what a structured format says about an article (a page's metadata and main text, a
feed item, a JSON record) into an Article through the same cleaning, dates and entities as
a text file: the text parser reads the title and body, and the format's own metadata wins
where it has any."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from articles.dates import date_from_line
from articles.errors import ParseError
from articles.meta import byline_names, publisher_for_url
from articles.model import Article
from articles.sanitize import sanitize, sanitize_line

_MAX_NAMES = 6
_MAX_NAME_LENGTH = 80
_MAX_FIELD = 2000


@dataclass(frozen=True)
class Found:
    """One article as a structured format gives it, before its text is cleaned."""

    title: str | None
    body: str
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    byline: tuple[str, ...] | None = None


def assemble(found: Found, entities: bool = True) -> Article:
    """The Article for `found`; ParseError when it holds no text at all."""
    from articles.parse import parse_text

    title = _line(found.title)
    body = sanitize(found.body).strip()
    if not body:
        raise ParseError("no article text (a title at most)" if title else "no title and no text")
    article = parse_text(f"{title}\n\n{body}" if title else body, entities)
    url = _line(found.url) or article.url
    return replace(
        article,
        url=url,
        published=found.published or article.published,
        source=_line(found.source) or article.source or (publisher_for_url(url) if url else None),
        byline=names(found.byline or ()) or article.byline,
    )


def names(values: Iterable[str]) -> tuple[str, ...] | None:
    """Author names fit for a byline: one line each, no empty or absurdly long ones, no repeats."""
    split = (name for value in values for name in _split_names(_line(value)))
    kept = [name for name in dict.fromkeys(split) if 0 < len(name) <= _MAX_NAME_LENGTH]
    return tuple(kept[:_MAX_NAMES]) or None


def _split_names(value: str) -> list[str]:
    """'A and B', 'By A, B': the names, when the byline reader takes it for a byline."""
    return byline_names(value if value.lower().startswith("by ") else f"By {value}") or [value]


def date_of(value: object) -> dt.date | None:
    """A date from a metadata value: ISO, RFC 822 and the other forms a date line may take."""
    if isinstance(value, str):
        return date_from_line(" ".join(value.split())[:120])
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _epoch_date(float(value))
    return None


def _epoch_date(seconds: float) -> dt.date | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        day = dt.datetime.fromtimestamp(seconds, dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None
    return day if 1800 <= day.year <= 2199 else None


def _line(value: str | None) -> str:
    return sanitize_line(value[:_MAX_FIELD]) if value else ""
