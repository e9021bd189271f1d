"""Tell what a file holds from its first bytes: plain text, a web page, a feed, JSON records,
or markup that is none of these. The content decides; the extension only breaks ties."""

from __future__ import annotations

import codecs
import re
from typing import Literal

Format = Literal["text", "html", "feed", "records", "xml"]
HEAD_BYTES = 65536

_HTML_NAMES = frozenset([
    "html", "head", "body", "title", "meta", "link", "base", "style", "script", "noscript", "div", "span", "p",
    "a", "b", "i", "u", "em", "strong", "br", "hr", "img", "h1", "h2", "h3", "h4", "h5", "h6", "article",
    "section", "header", "footer", "nav", "main", "aside", "figure", "figcaption", "table", "ul", "ol", "li",
    "blockquote", "pre", "form", "iframe", "center", "font", "dl", "dt", "dd", "template", "svg", "picture",
    "time",
])  # fmt: skip
_FEED_ROOTS = frozenset(["rss", "feed", "rdf:rdf", "channel"])
_DOCUMENT_ROOTS = frozenset(["html", "head", "body"])
# What may stand before the first element: an XML declaration, processing instructions,
# comments and a doctype.
_PROLOG = re.compile(r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)*", re.IGNORECASE | re.DOTALL)
_FIRST_ELEMENT = re.compile(r"<([A-Za-z][\w.-]*(?::[A-Za-z][\w.-]*)?)(?=[\s/>])")
_DOCTYPE_HTML = re.compile(r"<!doctype\s+html", re.IGNORECASE)
_CLOSING_TAGS = re.compile(r"</(?:p|div|html|body|span|a|li|td|h[1-6])\s*>", re.IGNORECASE)
_ARRAY_START = re.compile(r"\A\[\s*(?:[{\]]|\Z)")
_OBJECT_START = re.compile(r'\A\{\s*(?:"|\}|\Z)')
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


def sniff(head: bytes, name: str = "") -> Format:
    """The format of a file whose first bytes (up to HEAD_BYTES) are `head`."""
    text = _head_text(head).lstrip()
    if _ARRAY_START.match(text) or _OBJECT_START.match(text):
        return "records"
    if text.startswith("<"):
        return _markup_kind(text, name)
    if name.lower().endswith(_HTML_SUFFIXES) and len(_CLOSING_TAGS.findall(text)) >= 3:
        return "html"
    return "text"


def _markup_kind(text: str, name: str) -> Format:
    """Markup only when it is plainly markup: a doctype, an XML declaration, or a first element
    that is closed again later. Wire copy opens lines with '<Cinram Ltd> 4th Qtr Net', and a
    scraped file with '<https://…>'."""
    prolog = _PROLOG.match(text)
    before = prolog.group(0) if prolog else ""
    if _DOCTYPE_HTML.search(before):
        return "html"
    element = _FIRST_ELEMENT.match(text, len(before))
    if element is None:
        return "text"
    tag = element.group(1).lower()
    declared = before.lstrip().startswith("<?xml")
    if not (
        declared or tag in _DOCUMENT_ROOTS or re.search(rf"</{re.escape(element.group(1))}\s*>", text, re.IGNORECASE)
    ):
        return "text"
    if tag in _FEED_ROOTS:
        return "feed"
    if tag in _HTML_NAMES or name.lower().endswith(_HTML_SUFFIXES):
        return "html"
    return "xml"


def _head_text(head: bytes) -> str:
    """Enough of a decoding to see the structure: BOMs and UTF-16 honoured, odd bytes replaced."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, errors="replace")
    sample = head[:512]
    if len(sample) >= 4 and sample[1::2].count(0) > 0.4 * len(sample) / 2:
        return head.decode("utf-16-le", errors="replace")
    if len(sample) >= 4 and sample[0::2].count(0) > 0.4 * len(sample) / 2:
        return head.decode("utf-16-be", errors="replace")
    return head.decode("utf-8", errors="replace")
