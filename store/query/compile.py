"""Turn a query tree into SQL: text terms become one FTS5 MATCH expression (so results can
be ranked), fields become predicates with bound parameters. User text never reaches SQL or
MATCH except as a quoted FTS string or a parameter."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from articles.entities.normalize import fold
from store.query.ast import (
    And,
    DateIn,
    EntityField,
    EntityIs,
    Everything,
    FeedIs,
    Node,
    Not,
    Or,
    SourceIs,
    StateIs,
    StoryIs,
    Term,
)

EntityLookup = Callable[[EntityField, str, bool], list[int]]


@dataclass
class Compiled:
    """`match` for FTS5 (None when the query has no positive text), `where` over articles `a`;
    `highlight`, the terms a snippet marks, as one FTS5 expression (any of them)."""

    match: str | None
    where: str = "1"
    params: list[object] = field(default_factory=list)
    highlight: str | None = None


def compile_query(node: Node, lookup: EntityLookup) -> Compiled:
    if isinstance(node, Everything):
        return Compiled(None)
    parts = list(node.children) if isinstance(node, And) else [node]
    text_parts = [part for part in parts if fts(part) is not None]
    negated = [part for part in parts if isinstance(part, Not) and fts(part.child) is not None]
    others = [part for part in parts if part not in text_parts and part not in negated]
    if not text_parts:
        others += negated
        negated = []
    match = _and_fts(text_parts, negated) if text_parts else None
    params: list[object] = []
    clauses = [_sql(part, params, lookup) for part in others]
    return Compiled(match, " AND ".join(clauses) or "1", params, highlight_fts(node))


def highlight_fts(node: Node) -> str | None:
    """Every term the query looks for in the body (not those it excludes, not title: ones),
    joined by OR: what a snippet should mark, wherever the boolean structure puts it."""
    terms: dict[str, None] = {}
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, Term) and current.column != "title":
            terms[quote(current.text) + ("*" if current.prefix else "")] = None
        elif isinstance(current, And | Or):
            stack.extend(reversed(current.children))
    return " OR ".join(terms) or None


def quote(text: str) -> str:
    """A string FTS5 reads as plain text: double quotes doubled, the whole quoted."""
    return '"' + text.replace('"', '""') + '"'


def fts(node: Node) -> str | None:
    """The FTS5 expression for a pure-text subtree, or None when SQL must do it."""
    if isinstance(node, Term):
        expression = quote(node.text) + ("*" if node.prefix else "")
        return f"title : {expression}" if node.column == "title" else expression
    if isinstance(node, Or):
        children = [fts(child) for child in node.children]
        if any(child is None for child in children):
            return None
        return "(" + " OR ".join(child for child in children if child) + ")"
    if isinstance(node, And):
        positive = [child for child in node.children if not isinstance(child, Not)]
        negative = [child for child in node.children if isinstance(child, Not)]
        if not positive or any(fts(child) is None for child in positive):
            return None
        if any(fts(child.child) is None for child in negative if isinstance(child, Not)):
            return None
        return _and_fts(positive, negative)
    return None


def _and_fts(positive: Sequence[Node], negative: Sequence[Node]) -> str:
    expression = " AND ".join(fts(child) or "" for child in positive)
    for child in negative:
        assert isinstance(child, Not)
        expression = f"({expression}) NOT {fts(child.child)}"
    return f"({expression})" if len(positive) > 1 or negative else expression


def _sql(node: Node, params: list[object], lookup: EntityLookup) -> str:
    text = fts(node)
    if text is not None:
        params.append(text)
        return "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
    if isinstance(node, Not):
        return f"NOT ({_sql(node.child, params, lookup)})"
    if isinstance(node, And):
        return "(" + " AND ".join(_sql(child, params, lookup) for child in node.children) + ")"
    if isinstance(node, Or):
        return "(" + " OR ".join(_sql(child, params, lookup) for child in node.children) + ")"
    if isinstance(node, SourceIs):
        params.append("%" + _escape_like(fold(node.value)) + "%")
        return "a.source_key LIKE ? ESCAPE '\\'"
    if isinstance(node, FeedIs):
        params.append("%" + _escape_like(fold(node.value)) + "%")
        return (
            "a.id IN (SELECT fi.article_id FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id "
            "WHERE f.search_key LIKE ? ESCAPE '\\')"
        )
    if isinstance(node, StoryIs):
        params.append(node.story_id)
        return "a.id IN (SELECT article_id FROM story_members WHERE story_id = ?)"
    if isinstance(node, EntityIs):
        ids = lookup(node.kind, node.value, node.prefix)
        if not ids:
            return "0"
        params.extend(ids)
        marks = ", ".join("?" for _ in ids)
        return f"a.id IN (SELECT article_id FROM article_entities WHERE entity_id IN ({marks}))"
    if isinstance(node, DateIn):
        return _date_sql(node, params)
    if isinstance(node, StateIs):
        return _state_sql(node)
    if isinstance(node, Everything):
        return "1"
    raise TypeError(f"cannot compile {node!r}")


def _date_sql(node: DateIn, params: list[object]) -> str:
    clauses = []
    if node.start is not None:
        clauses.append("a.published >= ?")
        params.append(node.start.isoformat())
    if node.end is not None:
        clauses.append("a.published <= ?")
        params.append(node.end.isoformat())
    return "(" + " AND ".join(clauses) + ")"


def _state_sql(node: StateIs) -> str:
    if node.state == "starred":
        return "a.id IN (SELECT article_id FROM reading_state WHERE starred = 1)"
    read = "a.id IN (SELECT article_id FROM reading_state WHERE read = 1)"
    return read if node.state == "read" else f"NOT {read}"


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
