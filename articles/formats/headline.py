"""The headline a page shows. The titles a page states (<title>, Open Graph, Twitter) often carry
the site's name or a rubric around the headline ("Headline | CNN Politics", "Site: Headline",
"Analysis: Headline"), while the page's <h1> or its JSON-LD `headline` is the headline alone:
when one of those is a stated title with only such a prefix or suffix cut off at a separator,
it is the title. Where none is, and the extractor took the site's name (a lone <h1> logo, the
first part of the <title>), the rest of the stated title is the headline."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

_SEPARATORS = tuple("|:-–—·•»/")
_BOUNDARY = re.compile(r"\s[|\-–—·•»/]\s|:\s")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})
_MAX_CANDIDATES = 8
_MAX_HEADLINE = 400


def shown_headline(title: str | None, tree: Any) -> str | None:
    """The headline for a page whose extractor found `title` in it."""
    if tree is None:
        return title
    stated = _stated_titles(tree)
    fitting = [head for head in headlines(tree) if any(_decorates(_plain(text), _plain(head)) for text in stated)]
    if fitting:
        return max(fitting, key=len)
    if title:
        rests = [rest for text in stated if (rest := _rest_of(text, title))]
        if rests:
            return max(rests, key=len)
    return title


def _stated_titles(tree: Any) -> list[str]:
    found = tree.xpath(
        '//head/title/text() | //meta[@property="og:title" or @name="og:title" or @name="twitter:title"'
        ' or @property="twitter:title"]/@content'
    )
    return [" ".join(str(text).split()) for text in found[:_MAX_CANDIDATES] if str(text).strip()]


def headlines(tree: Any) -> list[str]:
    """The page's <h1> texts and JSON-LD headlines, whitespace collapsed, the first few."""
    found = [" ".join(heading.text_content().split()) for heading in tree.iterfind(".//h1")]
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        found.extend(" ".join(value.split()) for value in _ld_headlines(script.text or ""))
    unique = dict.fromkeys(text for text in found if 0 < len(text) <= _MAX_HEADLINE)
    return list(unique)[:_MAX_CANDIDATES]


def _ld_headlines(text: str) -> Iterator[str]:
    try:
        data = json.loads(text)
    except ValueError:
        return
    yield from _values_of("headline", data, depth=0)


def _values_of(key: str, data: object, depth: int) -> Iterator[str]:
    if depth > 6:
        return
    if isinstance(data, dict):
        value = data.get(key)
        if isinstance(value, str):
            yield value
        children: Iterable[object] = data.values()
    elif isinstance(data, list):
        children = data
    else:
        return
    for child in children:
        yield from _values_of(key, child, depth + 1)


def _decorates(title: str, headline: str) -> bool:
    """True when `title` is `headline`, or `headline` with a shorter prefix ending in a
    separator and/or a shorter suffix starting with one (a space between them and the headline)."""
    if not headline or title == headline:
        return bool(headline)
    start = title.find(headline)
    if start < 0:
        return False
    end = start + len(headline)
    prefix, suffix = title[:start], title[end:]
    if prefix and not (prefix[-1].isspace() and prefix.rstrip().endswith(_SEPARATORS)):
        return False
    if suffix and not (suffix[0].isspace() and suffix.lstrip().startswith(_SEPARATORS)):
        return False
    return len(prefix.strip()) + len(suffix.strip()) < len(headline)


def _rest_of(text: str, part: str) -> str | None:
    """What is left of `text` when `part`, the shorter side, is cut off its start or end at a
    separator: the headline beside a site name."""
    plain_part = _plain(part)
    for boundary in _BOUNDARY.finditer(text):
        left, right = text[: boundary.start()].strip(), text[boundary.end() :].strip()
        if _plain(right) == plain_part and len(left) > len(right):
            return left
        if _plain(left) == plain_part and len(right) > len(left):
            return right
    return None


def _plain(text: str) -> str:
    return " ".join(text.translate(_QUOTES).casefold().split())
