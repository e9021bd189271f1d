"""Why an article is listed, in one line: what a related article shares with the open one."""

from __future__ import annotations

from articles.sanitize import sanitize_line
from store import RelatedArticle


def explain_related(item: RelatedArticle) -> str:
    """'shares: patrols, resumed · names: Putin, Syria'."""
    parts = []
    if item.terms:
        parts.append("shares: " + ", ".join(sanitize_line(term) for term in item.terms))
    if item.entities:
        parts.append("names: " + ", ".join(sanitize_line(name) for name in item.entities))
    return " · ".join(parts)
