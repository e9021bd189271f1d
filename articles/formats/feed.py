"""RSS 0.9x/1.0/2.0 and Atom files: every item an article with its own date, link and author,
and the feed's title as its source. feedparser reads the feed (leniently: a malformed feed
gives the items it can) and is imported only when a feed is read."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from articles.errors import ParseError
from articles.formats.assemble import Found, date_of
from articles.formats.markup import html_paragraphs, looks_like_html
from articles.formats.parts import Part


@dataclass(frozen=True)
class FeedDocument:
    """A feed as read: its own title and site link, and one Part per item in its order."""

    title: str | None
    link: str | None
    parts: tuple[Part, ...]


def feed_parts(data: bytes) -> Iterator[Part]:
    """One Part per item, in the feed's order; ParseError when the feed has no items."""
    yield from read_feed(data).parts


def read_feed(data: bytes, empty_ok: bool = False) -> FeedDocument:
    """The feed in `data`; ParseError when it has no items (`empty_ok`: unless it is a well-formed
    RSS or Atom feed that has none yet)."""
    import feedparser

    # A stream, never a string: feedparser fetches a string that looks like a URL.
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries and not (empty_ok and parsed.get("version") and not parsed.get("bozo")):
        problem = parsed.get("bozo_exception")
        raise ParseError(f"feed holds no items{f' ({_reason(problem)})' if problem else ''}")
    channel = parsed.get("feed", {})
    source = _text(channel.get("title"))
    parts = tuple(_part(number, entry, source) for number, entry in enumerate(entries, 1))
    return FeedDocument(source, channel.get("link") or None, parts)


def _part(number: int, entry: Any, source: str | None) -> Part:
    link = entry.get("link") or None
    found = Found(
        title=_text(entry.get("title")),
        body=_body(entry),
        published=_date(entry),
        url=link,
        source=source,
        byline=_authors(entry),
    )
    key = entry.get("id") or link or str(number)
    fingerprint = json.dumps([found.title, link, entry.get("published"), found.body], ensure_ascii=False)
    return Part(number=number, key=str(key), fingerprint=fingerprint, found=found)


def _body(entry: Any) -> str:
    """The fullest text the item carries: its content, else its summary."""
    candidates = [item.get("value", "") for item in entry.get("content") or []]
    candidates.append(entry.get("summary", ""))
    best = max(candidates, key=len)
    return "\n\n".join(html_paragraphs(best)) if looks_like_html(best) else best


def _date(entry: Any) -> Any:
    for field in ("published", "updated", "created"):
        found = date_of(entry.get(field))
        if found:
            return found
    return None


def _authors(entry: Any) -> tuple[str, ...] | None:
    names = [author.get("name", "") for author in entry.get("authors") or [] if isinstance(author, dict)]
    if not any(names) and entry.get("author"):
        names = [entry["author"]]
    return tuple(name for name in names if name) or None


def _text(value: str | None) -> str | None:
    if not value:
        return None
    return " ".join(html_paragraphs(value)) if looks_like_html(value) or "&" in value else value


def _reason(problem: object) -> str:
    message = str(problem).strip() or problem.__class__.__name__
    return message.splitlines()[0][:160]
