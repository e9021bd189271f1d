"""Turn the text of a scraped article into an Article: title, metadata, clean body,
captions apart, boilerplate gone."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from articles import boilerplate, captions, meta
from articles.dates import date_from_line, date_from_url, presented_date
from articles.entities import extract_entities
from articles.errors import ParseError
from articles.headline import headline_index
from articles.markdown import clean_inline, plain
from articles.model import Article
from articles.units import Unit, split_units

_HEADER_REACH = 6
_LEAD_UNITS = 3
_WRAPPED_LINE = 35  # a line this long that stops mid-sentence was cut by a hard wrap
_TERMINAL = tuple(".!?:;\"”’')…")
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "as",
        "vs",
        "via",
        "into",
        "over",
        "up",
    ]
)
_TITLE_PREFIX = re.compile(r"^(?:title|headline)\s*:\s*", re.IGNORECASE)


@dataclass
class _Parts:
    """What the classifier has found so far."""

    title: str
    url: str | None = None
    subtitle: str | None = None
    byline: list[str] | None = None
    date_lines: list[dt.date] = field(default_factory=list)
    body: list[Unit] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    signoff: str | None = None
    dated_units: list[str] = field(default_factory=list)


def parse_text(text: str, entities: bool = True) -> Article:
    """Parse already-decoded article text; `entities=False` skips entity extraction."""
    units = split_units(text)
    url, units = _take_url(units)
    if not units:
        raise ParseError("no article text (only a URL or nothing at all)")
    start = headline_index(units)
    parts = _Parts(title=_clean_title(units[start].text), url=url)
    _classify(units[start + 1 :], parts)
    article = _build(parts)
    if not entities:
        return article
    return replace(article, entities=extract_entities(article.title, article.body))


def _clean_title(text: str) -> str:
    return " ".join(_TITLE_PREFIX.sub("", plain(text)).split())


def _take_url(units: list[Unit]) -> tuple[str | None, list[Unit]]:
    for index, unit in enumerate(units):
        value = meta.url_label_value(unit.text)
        if value is None:
            continue
        inline = meta.bare_url(value) if value else None
        if inline:
            return inline, units[:index] + units[index + 1 :]
        if index + 1 < len(units):
            following = meta.bare_url(units[index + 1].text)
            if following:
                return following, units[:index] + units[index + 2 :]
    for index in (*range(len(units) - 1, max(len(units) - 3, -1), -1), 0, 1):
        if 0 <= index < len(units):
            found = meta.bare_url(units[index].text)
            if found:
                return found, units[:index] + units[index + 1 :]
    return None, units


def _classify(units: list[Unit], parts: _Parts) -> None:
    title_key = _key(parts.title)
    skip_next = teaser_list = False
    for position, unit in enumerate(units):
        text = unit.text
        in_header = position < _HEADER_REACH and not parts.body
        if skip_next:
            skip_next = False
            continue
        if teaser_list:
            if _is_teaser_row(text):
                continue
            teaser_list = False
        if in_header and _key(text) == title_key:
            continue
        if boilerplate.is_tail_marker(text):
            if parts.body:
                return
            continue
        if boilerplate.is_teaser_heading(text):
            teaser_list = True
            continue
        if boilerplate.leads_teaser(text):
            skip_next = True
            continue
        _place(unit, position, units, parts, in_header)


def _place(unit: Unit, position: int, units: list[Unit], parts: _Parts, in_header: bool) -> None:
    text = unit.text
    if in_header and parts.byline is None:
        names = meta.byline_names(text)
        if names:
            parts.byline = names
            return
    found = date_from_line(plain(text)) if len(text) <= 120 else None
    if found is not None and _may_be_date_line(unit, units, position):
        parts.date_lines.append(found)
        return
    if captions.is_caption(text):
        parts.captions.append(clean_inline(text))
        parts.dated_units.append(text)
        return
    if boilerplate.is_credit(text) or boilerplate.is_boilerplate(text):
        return
    if position >= len(units) - 2 and boilerplate.is_signoff(text):
        parts.signoff = plain(text)
        return
    if parts.body and _is_stray_line(text):
        return
    if in_header and parts.subtitle is None and _is_subtitle(text, position, units, parts):
        parts.subtitle = plain(text)
        return
    parts.body.append(unit)
    parts.dated_units.append(text)


def _may_be_date_line(unit: Unit, units: list[Unit], position: int) -> bool:
    """A date alone on a line is a date line, unless it ends a sentence the line before began
    ('...acquisition by Aancor Holdings Inc on' / 'April 29, 1986.' in wire copy cut at tables)."""
    if position == 0:
        return True
    before = plain(units[position - 1].text)
    wrapped = len(before) >= _WRAPPED_LINE and before[-1:].islower()
    return units[position - 1].block != unit.block or not wrapped


def _is_subtitle(text: str, position: int, units: list[Unit], parts: _Parts) -> bool:
    if parts.byline or parts.date_lines or parts.captions or len(text) > 400:
        return False
    following = [unit.text for unit in units[position + 1 : position + 3] if _key(unit.text) != _key(parts.title)]
    return bool(following) and _is_header_item(following[0])


def _is_header_item(text: str) -> bool:
    return (
        meta.byline_names(text) is not None
        or date_from_line(plain(text)) is not None
        or boilerplate.is_header_furniture(text)
    )


def _is_stray_line(text: str) -> bool:
    """A teaser headline or a stray caption fragment standing between paragraphs."""
    bare = plain(text)
    words = bare.split()
    if not words or bare.endswith(_TERMINAL) or bare.isupper():
        return False
    if len(words) <= 4:
        return bare[0].islower()
    content = [word for word in words if word.lower() not in _SMALL_WORDS]
    capitalised = sum(1 for word in content if word[:1].isupper() or word[:1].isdigit())
    return 5 <= len(words) <= 20 and capitalised >= 0.85 * len(content)


def _is_teaser_row(text: str) -> bool:
    bare = plain(text)
    return len(bare.split()) < 15 and not bare.endswith((".", "!", '"', "”"))


def _key(text: str) -> str:
    return " ".join(plain(text).casefold().split())


def _build(parts: _Parts) -> Article:
    _move_caption_echoes(parts)
    body = tuple(paragraph for paragraph in (clean_inline(unit.text) for unit in parts.body) if paragraph)
    return Article(
        title=parts.title,
        subtitle=parts.subtitle,
        body=body,
        captions=tuple(parts.captions),
        url=parts.url,
        byline=tuple(parts.byline) if parts.byline else None,
        published=_published(parts),
        source=_source(parts),
    )


def _move_caption_echoes(parts: _Parts) -> None:
    """A caption printed twice, once with its credit: the bare copy is a caption too."""
    if not parts.captions:
        return
    keys = [_key(caption) for caption in parts.captions]
    kept: list[Unit] = []
    for unit in parts.body:
        key = _key(unit.text)
        if len(key) >= 20 and any(caption.startswith(key) for caption in keys):
            parts.captions.insert(0, clean_inline(unit.text))
        else:
            kept.append(unit)
    parts.body = kept


def _published(parts: _Parts) -> dt.date | None:
    if parts.date_lines:
        return parts.date_lines[0]
    if parts.url:
        found = date_from_url(parts.url)
        if found:
            return found
    # Only the lead presents the story's day: later paragraphs recall other days.
    for text in parts.dated_units[:_LEAD_UNITS]:
        found = presented_date(plain(text))
        if found:
            return found
    return None


def _source(parts: _Parts) -> str | None:
    if parts.url:
        publisher = meta.publisher_for_url(parts.url)
        if publisher:
            return publisher
    agency = meta.agency_in_byline(parts.byline or [])
    if agency:
        return agency
    for unit in parts.body[:3]:
        agency = meta.agency_in_dateline(plain(unit.text))
        if agency:
            return agency
    if parts.signoff:
        return meta.agency_name(parts.signoff)
    return None
