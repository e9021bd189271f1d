"""Open a file once, tell its format from its first bytes and read its articles: a whole file
for text, pages and feeds (held to the size limit), a stream of records for JSON."""

from __future__ import annotations

import os
from collections.abc import Iterator

from articles.decode import MAX_BYTES, decode_bytes, opened, read_open
from articles.errors import ParseError
from articles.formats.parts import Entry, Part, entry_of
from articles.formats.sniff import HEAD_BYTES, Format, sniff
from articles.formats.stream import DescriptorStream
from articles.model import Article


class NeedsStreaming(Exception):
    """The file holds JSON records, which the caller asked to stream itself (`read_parts`)."""


def read_entries(path: str | os.PathLike[str], entities: bool = True, records: bool = True) -> Iterator[Entry]:
    """Every article in the file at `path`, in file order; ParseError when none can be read.
    `records=False`: raise NeedsStreaming for a file of JSON records instead of reading it."""
    with opened(path) as (descriptor, size):
        start = os.read(descriptor, HEAD_BYTES if size > MAX_BYTES else size + 1)
        kind = sniff(start[:HEAD_BYTES], os.fspath(path))
        if kind == "records":
            if not records:
                raise NeedsStreaming(os.fspath(path))
            for part in _record_parts(descriptor, start):
                yield entry_of(part, entities)
            return
        data = read_open(descriptor, size, MAX_BYTES, start)
    yield from _whole_file(data, kind, entities)


def read_parts(path: str | os.PathLike[str]) -> Iterator[Part]:
    """The records of a JSON file as parts, streamed (`entry_of` makes each one's article)."""
    with opened(path) as (descriptor, _size):
        yield from _record_parts(descriptor, b"")


def parse_file(path: str | os.PathLike[str], entities: bool = True) -> Article:
    """Read and parse a file holding one article (text, a web page, a one-item feed or a
    one-record JSON file); ParseError says why when it cannot."""
    article = read_one(path, entities).article
    if article is None:  # read_one raises for an entry without one; this keeps the types honest
        raise ParseError("no article")
    return article


def read_one(path: str | os.PathLike[str], entities: bool = True) -> Entry:
    """The one article a file holds; ParseError when it holds none or several."""
    entries = list(read_entries(path, entities))
    if len(entries) != 1:
        raise ParseError(f"holds {len(entries)} articles, not one")
    if entries[0].error is not None:
        raise ParseError(entries[0].error)
    return entries[0]


def _record_parts(descriptor: int, start: bytes) -> Iterator[Part]:
    from articles.formats.records import record_parts

    yield from record_parts(DescriptorStream(descriptor, start))


def _whole_file(data: bytes, kind: Format, entities: bool) -> Iterator[Entry]:
    if kind == "feed":
        from articles.formats.feed import feed_parts

        for part in feed_parts(data):
            yield entry_of(part, entities)
        return
    if kind == "xml":
        raise ParseError("XML that is neither a web page nor an RSS or Atom feed")
    if kind == "html":
        yield _page_entry(data, entities)
        return
    from articles.parse import parse_text

    text = decode_bytes(data)
    yield Entry(None, text, article=parse_text(text, entities))


def _page_entry(data: bytes, entities: bool) -> Entry:
    from articles.formats.assemble import assemble
    from articles.formats.html import page_found, page_text

    text = page_text(data)
    return Entry(None, text, article=assemble(page_found(text), entities))
