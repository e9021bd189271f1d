"""What the usual field names of an article record mean: `title`, `body`/`text`/`content`,
`date`/`published`, `url`, `source`, `author` and their common variants."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from articles.formats.assemble import Found, date_of
from articles.formats.markup import html_paragraphs, looks_like_html

_TITLE = ("title", "headline", "heading")
_BODY = ("body", "text", "content", "article", "articleBody", "article_body", "full_text", "fulltext", "story")
_SUMMARY = ("description", "summary", "abstract", "lead")
_DATE = (
    "date", "published", "published_at", "publishedAt", "pubDate", "datePublished", "published_date",
    "publication_date", "created_at", "created", "timestamp", "time", "updated", "modified",
)  # fmt: skip
_URL = ("url", "link", "canonical_url", "permalink", "href")
_SOURCE = ("source", "publisher", "site_name", "sitename", "site", "outlet", "feed", "domain")
_AUTHOR = ("author", "authors", "byline", "creator", "writer", "by")
_ID = ("id", "guid", "uuid", "_id")


def record_found(record: Mapping[str, object]) -> Found:
    """The article a record describes; ValueError when it has no body to read."""
    body = _body(record)
    if not body:
        title = _first_text(record, _TITLE)
        raise ValueError("no body text (title only)" if title else "no title and no body text")
    return Found(
        title=_first_text(record, _TITLE),
        body=body,
        published=_first_date(record),
        url=_first_text(record, _URL),
        source=_first_text(record, _SOURCE),
        byline=_authors(record),
    )


def record_key(record: Mapping[str, object]) -> str | None:
    """What names the record for good: its URL or its id."""
    key = _first_text(record, _URL) or _first_text(record, _ID)
    return key[:500] if key else None


def _body(record: Mapping[str, object]) -> str:
    for names in (_BODY, _SUMMARY):
        for name in names:
            text = _as_body(record.get(name))
            if text:
                return text
    return ""


def _as_body(value: object) -> str:
    if isinstance(value, list):
        value = "\n\n".join(item for item in value if isinstance(item, str))
    if not isinstance(value, str) or not value.strip():
        return ""
    return "\n\n".join(html_paragraphs(value)) if looks_like_html(value) else value


def _first_text(record: Mapping[str, object], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, Mapping):  # {"source": {"id": "bbc-news", "name": "BBC News"}}
            value = value.get("name") or value.get("title")
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _first_date(record: Mapping[str, object]) -> dt.date | None:
    for name in _DATE:
        found = date_of(record.get(name))
        if found:
            return found
    return None


def _authors(record: Mapping[str, object]) -> tuple[str, ...] | None:
    for name in _AUTHOR:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return (value,)
        if isinstance(value, list):
            names = [_name(item) for item in value]
            return tuple(item for item in names if item) or None
        if isinstance(value, Mapping):
            return (_name(value),) if _name(value) else None
    return None


def _name(value: object) -> str:
    if isinstance(value, Mapping):
        value = value.get("name")
    return value.strip() if isinstance(value, str) else ""
