"""What a query does that its writer may not expect, said in a line the app and the CLI show.

Operators are upper case (`OR`, `AND`, `NOT`), as in SQLite FTS5 and notmuch: lower-case `or`,
`and`, `not` are searched as words, because they are common in real text and names ("Trinidad
and Tobago", "not guilty") and reading them as operators would silently change such searches."""

from __future__ import annotations

from store.errors import QueryError
from store.query.lexer import tokenize

_OPERATORS = ("OR", "AND", "NOT")


def query_notes(text: str) -> list[str]:
    """Notes on how `text` is read (none for a query that does what it says, or fails)."""
    try:
        tokens = tokenize(text)
    except QueryError:
        return []
    words: list[str] = []
    for before, token in zip([None, *tokens], tokens, strict=False):
        field_value = before is not None and before.kind == "field" and before.end == token.position
        operator_like = token.kind == "word" and token.text.upper() in _OPERATORS and token.text != token.text.upper()
        if operator_like and not field_value and token.text not in words:
            words.append(token.text)
    if not words:
        return []
    quoted = _listing([f"'{word}'" for word in words])
    operators = _listing([word.upper() for word in words])
    if len(words) == 1:
        return [f"{quoted} is searched as a word; for the operator write {operators}"]
    return [f"{quoted} are searched as words; for the operators write {operators}"]


def _listing(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
