"""A saved web page as an article: trafilatura finds the main text (without navigation, ads,
comments and related-story boxes) and the metadata the page carries (title, Open Graph,
JSON-LD, published time, canonical URL, author, site name). Imported only when a page is read."""

from __future__ import annotations

import codecs
import datetime as dt
import re
from typing import Any

from articles import meta
from articles.decode import decode_bytes
from articles.errors import ParseError
from articles.formats.assemble import Found, date_of
from articles.formats.sniff import HEAD_BYTES
from articles.sanitize import sanitize, sanitize_line

# Dates only from what the page states (meta tags, JSON-LD, <time>, the URL): htmldate's
# extensive search guesses from free text and copyright lines, and a date is never invented.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def page_text(data: bytes) -> str:
    """The page's text: as the text decoder reads it, unless it is not UTF-8 and names another
    encoding Python knows in a meta tag (Shift_JIS, KOI8-R…)."""
    declared = _declared_charset(data)
    if declared and declared != "utf-8" and not data.startswith(_BOMS):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return sanitize(data.decode(declared, errors="replace"))
    return decode_bytes(data)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:HEAD_BYTES])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def page_found(page: str) -> Found:
    """Title, metadata and main text of the page; ParseError when it holds no article."""
    document = _extract(page)
    text = (document.text or "").strip() if document is not None else ""
    if not text:
        raise ParseError("web page holds no article text")
    url = document.url or None
    return Found(
        title=document.title,
        body=_paragraphs(text),
        published=_published(document.date),
        url=url,
        source=_source(url, document.sitename),
        byline=_authors(document.author),
    )


def _extract(page: str) -> Any:
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, AttributeError) as error:
        # lxml refuses some documents outright (an XML declaration with a str, nothing parsable).
        raise ParseError(f"web page could not be read ({error.__class__.__name__})") from None


def _paragraphs(text: str) -> str:
    """trafilatura writes one paragraph a line; the text parser reads blank-line blocks."""
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


def _published(value: str | None) -> dt.date | None:
    return date_of(value) if value else None


def _source(url: str | None, site_name: str | None) -> str | None:
    """A publisher the project knows by the URL, else the page's own site name, else the domain."""
    known = meta.known_publisher(url) if url else None
    if known:
        return known
    if site_name and len(site_name) <= 80 and "://" not in site_name:
        return sanitize_line(site_name)
    return meta.publisher_for_url(url) if url else None


def _authors(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
    return tuple(name.strip() for name in value.split(";") if name.strip()) or None
