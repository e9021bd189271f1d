"""A feed item made whole: the item as its feed gives it, with the main text of the page it
links to when that page could be fetched and read, else the feed's own text and the reason.
Pure: the caller fetches; this decodes, extracts and merges."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, replace

from articles.errors import ParseError
from articles.formats.assemble import Found, assemble
from articles.model import Article

PAGE_TYPES = ("text/html", "application/xhtml+xml")
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True)
class Page:
    """A fetched page: its bytes (already decompressed) and what its server said they are."""

    data: bytes
    media_type: str | None = None
    charset: str | None = None


@dataclass(frozen=True)
class ItemArticle:
    """The article for a feed item; `summary_only` with `reason` when the page gave nothing."""

    article: Article
    summary_only: bool
    reason: str | None = None


def item_article(found: Found, link: str | None, page: Page | str | None, entities: bool = True) -> ItemArticle:
    """The item's article: `link` is the address it was fetched from (None when the item has
    no link newsdesk may fetch), `page` the page fetched or the reason none was. ParseError
    when neither the page nor the feed has any text."""
    found = replace(found, url=link)
    if isinstance(page, Page):
        try:
            merged = _with_page(found, page_found_in(page))
            return ItemArticle(assemble(merged, entities), summary_only=False)
        except ParseError as error:
            reason = error.message
    else:
        reason = page or "the item links to no web address"
    return ItemArticle(assemble(found, entities), summary_only=True, reason=reason)


def page_found_in(page: Page) -> Found:
    """The page's title, metadata and main text; ParseError saying why it has none."""
    from articles.formats.html import page_found, page_text
    from articles.formats.sniff import HEAD_BYTES, sniff

    if page.media_type and page.media_type not in PAGE_TYPES:
        raise ParseError(f"the page is {page.media_type[:80]}, not a web page")
    if not page.media_type and sniff(page.data[:HEAD_BYTES], "page.html") != "html":
        raise ParseError("the page is not a web page")
    return page_found(page_text(as_utf8(page.data, page.charset)))


def as_utf8(data: bytes, charset: str | None) -> bytes:
    """The bytes in UTF-8 when the server named the charset they are in. Bytes that are valid
    UTF-8 are UTF-8 whatever the server says (a mislabelled page is far likelier than Latin-1
    that happens to decode as UTF-8); without a usable label the page's own meta tag decides."""
    if not charset or data.startswith(_BOMS):
        return data
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return data
    if name == "utf-8":
        return data
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        return data.decode(name, errors="replace").encode("utf-8")


def _with_page(item: Found, page: Found) -> Found:
    """What the feed says wins (its title, date, authors, source); the text is the page's,
    unless the feed carries a longer one (a feed of full articles before a paywalled page)."""
    page_body = _without_headline(page.body, page.title)
    body = page_body if len(page_body.split()) >= len(item.body.split()) else item.body
    return Found(
        title=item.title or page.title,
        body=body,
        published=item.published or page.published,
        url=item.url,
        source=item.source or page.source,
        byline=item.byline or page.byline,
    )


def _without_headline(body: str, headline: str | None) -> str:
    """The page's text without its headline on top: the text parser drops a first line that
    repeats the title, but the title kept is the feed's, which may word it otherwise."""
    first, _, rest = body.partition("\n\n")
    if headline and rest and _same_line(first, headline):
        return rest
    return body


def _same_line(one: str, other: str) -> bool:
    return " ".join(one.split()).casefold() == " ".join(other.split()).casefold()
