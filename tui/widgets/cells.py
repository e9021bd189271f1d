"""Fitting untrusted one-line text into terminal cells: cut at words with an ellipsis,
wrapped messages, a snippet's window on its first match, day headings."""

from __future__ import annotations

import datetime as dt
import textwrap

from articles.sanitize import sanitize_line
from store import Span


def wrapped(lines: list[str], width: int) -> list[str]:
    """Lines wrapped to `width` (a long path is broken rather than cut off)."""
    return [
        part
        for line in lines
        for part in textwrap.wrap(sanitize_line(line), max(10, width), break_on_hyphens=False) or [""]
    ]


def window(snippet: str, matches: tuple[Span, ...], width: int) -> tuple[str, tuple[Span, ...]]:
    """The part of a snippet (and its match spans) that shows its first match on a line
    `width` wide."""
    first = matches[0][0] if matches else 0
    if first < width * 2 // 3:
        return snippet, matches
    start = snippet.rfind(" ", 0, max(0, first - width // 3))
    if start < 0:
        return snippet, matches
    shift = start  # the cut drops start + 1 characters and adds one: '…'
    return "…" + snippet[start + 1 :], tuple((begin - shift, end - shift) for begin, end in matches)


def fit(text: str, width: int) -> str:
    """Text that fits `width` cells, cut at a word boundary with an ellipsis when it must be."""
    if len(text) <= width:
        return text
    cut = text[: max(1, width - 1)]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "…"


def day_label(label: str) -> str:
    try:
        day = dt.date.fromisoformat(label)
    except ValueError:
        return label
    return day.strftime("%a %d %b %Y")
