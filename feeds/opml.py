"""OPML, the file feed readers import and export subscriptions with (newsboat, nom, Feedly,
Inoreader…): read every outline with an xmlUrl, however the categories nest them, and write
OPML 2.0. An OPML file is untrusted: no DTD is read (entity bombs, external entities), the
file is capped in size, and names are sanitised."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass

from articles.sanitize import sanitize_line
from feeds.errors import SubscriptionError

MAX_OPML_BYTES = 5 * 1024 * 1024
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_MAX_NAME = 200


@dataclass(frozen=True)
class Outline:
    """One subscription as an OPML file lists it: the feed's address and the name shown."""

    url: str
    name: str | None
    site_url: str | None = None


def read_opml(data: bytes) -> list[Outline]:
    """Every feed outline in the file, in document order; SubscriptionError when it is not OPML."""
    if len(data) > MAX_OPML_BYTES:
        raise SubscriptionError(f"the OPML file is larger than {MAX_OPML_BYTES // (1024 * 1024)} MB")
    if _DTD.search(data):
        raise SubscriptionError("the OPML file declares a DTD or entities, which newsdesk does not read")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        line = error.position[0] if error.position else "?"
        raise SubscriptionError(f"not a well-formed OPML file (an XML error on line {line})") from None
    if _local(root.tag) != "opml":
        raise SubscriptionError(f"not an OPML file (its root element is <{_local(root.tag)[:40]}>)")
    return [outline for element in root.iter() if (outline := _outline(element)) is not None]


def _outline(element: ET.Element) -> Outline | None:
    if _local(element.tag) != "outline":
        return None
    attributes = {name.lower(): value for name, value in element.attrib.items()}
    url = attributes.get("xmlurl", "").strip()
    if not url:
        return None  # a category, or a plain outline
    name = sanitize_line(attributes.get("text") or attributes.get("title") or "")[:_MAX_NAME]
    return Outline(url, name or None, attributes.get("htmlurl") or None)


def write_opml(outlines: Iterable[Outline], title: str = "newsdesk subscriptions") -> str:
    """An OPML 2.0 document listing the outlines."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = email.utils.format_datetime(dt.datetime.now(dt.UTC))
    body = ET.SubElement(root, "body")
    for outline in outlines:
        name = sanitize_line(outline.name or outline.url)
        attributes = {"type": "rss", "text": name, "title": name, "xmlUrl": outline.url}
        if outline.site_url:
            attributes["htmlUrl"] = outline.site_url
        ET.SubElement(body, "outline", attributes)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _local(tag: str) -> str:
    """An element's name without its namespace, lower case."""
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""
