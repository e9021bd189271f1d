"""Article metadata found in its own lines: the URL, the byline and the publisher."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from articles.data import load_json
from articles.markdown import plain

_URL_LABEL = re.compile(
    r"^(?:original\s+(?:url|link|article|source)|source\s+url|canonical(?:\s+url)?|url|link|permalink|article\s+url)\s*:\s*(.*)$",
    re.IGNORECASE,
)
_BARE_URL = re.compile(r"^<?((?:https?)://[^\s<>]+?)>?[.,;]?$", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:by|written by|words by|story by|reporting by)\s*:?\s+(.+)$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_NAME_WORD = re.compile(
    r"^(?:[A-Z\u00c0-\u024f][\w\u00c0-\u024f'’.-]*|(?:de|da|di|du|del|della|der|den|van|von|la|le|al|el|bin|ibn|ben|st\.?|y|dos|das)|Jr\.?|Sr\.?|I{1,3}|IV)$"
)
_MAX_BYLINE_NAMES = 6
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"})
_DATELINE_TAG = re.compile(r"^[^()\n]{0,80}?\(([A-Za-z][A-Za-z .-]{0,24})\)\s*(?:-{1,2}|—|–|:)")
_DATELINE_SIGNED = re.compile(
    r"^[A-Z][A-Za-z .'/-]{1,40},\s+\w+\.?\s+\d{1,2},\s+(Reuters?|AFP|AP|UPI)\s*(?:-{1,2}|—|–)"
)


def url_label_value(text: str) -> str | None:
    """For an 'Original url:' line, what follows the label ('' when it is on the next line)."""
    match = _URL_LABEL.match(text.strip().strip("*_"))
    return match.group(1).strip() if match else None


def bare_url(text: str) -> str | None:
    """The URL when a line holds nothing else (`<https://…>` or `https://…`)."""
    match = _BARE_URL.match(text.strip())
    return match.group(1) if match else None


def publisher_for_url(url: str) -> str | None:
    """The publisher's name for a URL: a known name, else its registered domain."""
    labels = _host_labels(url)
    return (_known(labels) or _registered_domain(labels)) if labels else None


def known_publisher(url: str) -> str | None:
    """The publisher's name for a URL when the table of well-known outlets has its domain."""
    labels = _host_labels(url)
    return _known(labels) if labels else None


def _host_labels(url: str) -> list[str] | None:
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.").split(".")


def _known(labels: list[str]) -> str | None:
    publishers: dict[str, str] = load_json("publishers.json")
    for start in range(len(labels) - 1):
        candidate = ".".join(labels[start:])
        if candidate in publishers:
            return publishers[candidate]
    return None


def _registered_domain(labels: list[str]) -> str:
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def agency_name(tag: str) -> str | None:
    agencies: dict[str, str] = load_json("agencies.json")
    return agencies.get(" ".join(tag.lower().split()))


_STAFF = re.compile(r"\s+(?:staff(?:\s+writers?)?|reporters?|newsroom|wires?|news\s+service)$", re.IGNORECASE)


def agency_in_byline(names: list[str]) -> str | None:
    """The agency a byline names: 'By Reuters Staff', 'By [Reuters](#)', 'By AP'."""
    for name in names:
        agency = agency_name(_STAFF.sub("", name))
        if agency:
            return agency
    return None


def agency_in_dateline(text: str) -> str | None:
    """'JAKARTA (Reuters) -', '(CNN) --', 'BRUSSELS, March 27, Reuter -'."""
    for pattern in (_DATELINE_TAG, _DATELINE_SIGNED):
        match = pattern.match(text)
        if match:
            name = agency_name(match.group(1))
            if name:
                return name
    return None


def byline_names(text: str) -> list[str] | None:
    """The names in a 'By …' line, or None when the line is not a byline."""
    match = _BYLINE.match(plain(text).strip())
    if not match or len(text) > 160:
        return None
    names = [name.strip(" .") for name in _NAME_SPLIT.split(match.group(1)) if name.strip(" .")]
    if not names or len(names) > _MAX_BYLINE_NAMES or not all(_is_name(name) for name in names):
        return None
    return names


def _is_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper():
        return False
    return all(_NAME_WORD.match(word) for word in words)


_SIGNED_DATELINE = re.compile(
    r"^([A-Z][A-Za-z .'/-]{1,40},\s+\w+\.?\s+\d{1,2}),\s+(Reuters?|AFP|AP|UPI)(\s*(?:-{1,2}|—|–))"
)


_REGION_IN_DATELINE = re.compile(r"^([A-Z][A-Z .'/-]{1,40}),\s+([A-Z][A-Za-z]{0,4}\.(?:\s*[A-Z][a-z]?\.)?)(?=,?\s)")


def strip_dateline_agency(text: str, is_place: Callable[[str], bool] = lambda _: True) -> str:
    """'BRUSSELS, March 27, Reuter - …' without the wire's signature, which names no one the
    story is about, and 'CHICAGO, ILL., March 3 -' without an abbreviated state that
    `is_place` does not know, which would read as an acronym. A bracketed '(Reuters)' tag
    stays: it reads as part of the text."""
    match = _SIGNED_DATELINE.match(text)
    if match:
        text = match.group(1) + match.group(3) + text[match.end() :]
    region = _REGION_IN_DATELINE.match(text)
    if region and not is_place(region.group(2)):
        text = region.group(1) + text[region.end() :]
    return text
