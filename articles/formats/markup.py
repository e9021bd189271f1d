"""Paragraphs from an HTML fragment (a feed item's content, a record's HTML body): block
elements end paragraphs, scripts and styles go, character references are decoded."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset([
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr",
    "section", "article", "header", "footer", "figure", "figcaption", "aside", "dl", "dt", "dd", "hr",
])  # fmt: skip
_SKIPPED = frozenset(["script", "style", "noscript", "template", "svg", "iframe", "object", "head"])
_LOOKS_LIKE_HTML = re.compile(
    r"</?(?:p|br|div|span|a|em|strong|b|i|li|ul|img|h[1-6]|blockquote)\b[^>]*>", re.IGNORECASE
)


def looks_like_html(text: str) -> bool:
    """True when text carries HTML tags rather than plain prose."""
    return _LOOKS_LIKE_HTML.search(text) is not None


def html_paragraphs(fragment: str) -> list[str]:
    """The text of an HTML fragment, one string per paragraph."""
    parser = _TextCollector()
    parser.feed(fragment)
    parser.close()
    return parser.paragraphs()


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[str] = []
        self._paragraphs: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BLOCKS:
            self._end_paragraph()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self._end_paragraph()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._end_paragraph()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._parts.append(data)

    def _end_paragraph(self) -> None:
        text = " ".join("".join(self._parts).split())
        if text:
            self._paragraphs.append(text)
        self._parts = []

    def paragraphs(self) -> list[str]:
        self._end_paragraph()
        return self._paragraphs
