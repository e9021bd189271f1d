"""Every format people keep news in, recognised by content: plain text, saved web pages,
RSS/Atom feeds, JSON arrays and JSON Lines of records; one file gives one or many articles."""

from __future__ import annotations

from articles.formats.parts import Entry, Part, entry_of
from articles.formats.reader import NeedsStreaming, read_entries, read_one, read_parts

__all__ = ["Entry", "NeedsStreaming", "Part", "entry_of", "read_entries", "read_one", "read_parts"]
