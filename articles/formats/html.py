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
from articles.formats.headline import shown_headline
from articles.formats.links import drop_link_paragraphs
from articles.formats.sniff import HEAD_BYTES
from articles.sanitize import sanitize, sanitize_line

# Dates only from what the page states (meta tags, JSON-LD, <time>, the URL): htmldate's
# extensive search guesses from free text and copyright lines, and a date is never invented.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_MIN_WORDS = 8
# Numeric character references to control characters: lxml refuses a page holding one, and
# decoded later they would make escape sequences.
_CONTROL_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));?")
_TABLE_RULE = re.compile(r"^[|:\s-]+$")  # the |---|---| line under a table's header row
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def page_text(data: bytes) -> str:
    """The page's text: as the text decoder reads it, unless it is not UTF-8 and names another
    encoding Python knows in a meta tag (Shift_JIS, KOI8-R…)."""
    declared = _declared_charset(data)
    if declared and declared != "utf-8" and not data.startswith(_BOMS):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return _without_control_references(sanitize(data.decode(declared, errors="replace")))
    return _without_control_references(decode_bytes(data))


def _without_control_references(page: str) -> str:
    """Control characters written as references are decoded and then sanitised like any
    others, so that a whole escape sequence goes, not only its ESC."""

    def replace(match: re.Match[str]) -> str:
        code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
        control = (code < 0x20 and code not in (0x09, 0x0A, 0x0D)) or 0x7F <= code <= 0x9F
        return chr(code) if control else match.group(0)

    if "&#" not in page:
        return page
    decoded = _CONTROL_REFERENCE.sub(replace, page)
    return sanitize(decoded) if decoded != page else page


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
    tree, document = _extract(page)
    text = (document.text or "").strip() if document is not None else ""
    if len(text.split()) < _MIN_WORDS:
        # What is left of a page with no article is a menu item or a button ('Home', 'Sign in').
        raise ParseError("web page holds no article text")
    url = document.url or None
    return Found(
        title=shown_headline(document.title, tree),
        body=_paragraphs(text),
        published=_published(document.date),
        url=url,
        source=_source(url, document.sitename),
        byline=_authors(document.author),
    )


def _extract(page: str) -> tuple[Any, Any]:
    """The parsed page (None when lxml finds nothing in it) and trafilatura's reading of it."""
    import trafilatura

    tree = trafilatura.load_html(page)
    if tree is not None:
        drop_link_paragraphs(tree)
    try:
        return tree, trafilatura.bare_extraction(
            page if tree is None else tree,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, AttributeError) as error:
        # lxml refuses some documents outright (an XML declaration with a str, nothing parsable).
        raise ParseError(f"web page could not be read ({error.__class__.__name__})") from None


def _paragraphs(text: str) -> str:
    """trafilatura writes one paragraph (or table row) a line; the text parser reads blank-line
    blocks."""
    lines = (line.strip() for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line and not _TABLE_RULE.match(line))


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
