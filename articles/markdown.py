"""Reduce the markdown that scrapers leave in text: dead links become their text, real
links stay as `[text](url)`, emphasis markers and heading hashes go."""

from __future__ import annotations

import re

_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\[\]\n]*)\]\(\s*([^)\s]*)(?:\s+\"[^\"\n]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+)>")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_HEADING = re.compile(r"^#{1,6}\s+")
_REAL_TARGET = re.compile(r"^(?:https?|ftp|mailto):", re.IGNORECASE)


def strip_heading(text: str) -> str:
    return _HEADING.sub("", text)


def reduce_links(text: str, keep_real: bool = True) -> str:
    """Dead links (`#`, empty, relative) become their text; real ones stay unless told."""

    def replace(match: re.Match[str]) -> str:
        label, target = match.group(1), match.group(2)
        if keep_real and _REAL_TARGET.match(target) and label.strip():
            return f"[{label}]({target})"
        return label

    return _LINK.sub(replace, _IMAGE.sub("", text))


def strip_emphasis(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = _EMPHASIS.sub(lambda m: m.group(2) if m.group(2) is not None else m.group(3), text)
    return text


_MARKUP_CHARS = re.compile(r"[\[*_<#!]")


def clean_inline(text: str, keep_links: bool = True) -> str:
    """The reader-facing form of one unit of text."""
    if not _MARKUP_CHARS.search(text):
        return text.strip()
    text = _AUTOLINK.sub(r"\1", strip_heading(text)) if "<" in text or "#" in text else text
    if "[" in text:
        text = reduce_links(text, keep_links)
    if "*" in text or "_" in text:
        text = strip_emphasis(text)
    return text.strip()


def plain(text: str) -> str:
    """Text with every link reduced to its label: for titles, entities and search."""
    return clean_inline(text, keep_links=False)
