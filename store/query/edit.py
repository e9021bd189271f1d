"""Change one field of a query as the user wrote it, leaving the rest of the text alone: the
app's feed filter replaces the query's `feed:` terms with the one chosen."""

from __future__ import annotations

from store.errors import QueryError
from store.query.lexer import tokenize


def with_field(query: str, name: str, value: str | None) -> str:
    """`query` without its `name:` terms, then `name:"value"` (none when `value` is None). A
    query that cannot be read is kept whole, the new term after it."""
    kept = query
    try:
        tokens = tokenize(query)
    except QueryError:
        tokens = []
    spans: list[tuple[int, int]] = []
    for index, token in enumerate(tokens):
        if token.kind == "field" and token.text == name:
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            end = following.end if following is not None and following.position == token.end else token.end
            start = token.position - 1 if index and tokens[index - 1].kind == "minus" else token.position
            spans.append((start, end))
    for start, end in reversed(spans):
        kept = kept[:start] + kept[end:]
    kept = " ".join(kept.split())
    if value is None:
        return kept
    term = f'{name}:"{value.replace(chr(34), "")}"'
    return f"{kept} {term}" if kept else term
