"""Parse the notmuch-like query language into a tree; one parser for the CLI and the app.

query   := or ( OR or )*          words are ANDed unless OR stands between them
and     := unary ( [AND] unary )*
unary   := NOT unary | -unary | primary
primary := ( query ) | field:value | word | word* | "phrase"
"""

from __future__ import annotations

from functools import lru_cache

from store.errors import QueryError
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
from store.query.dates import date_range
from store.query.lexer import Token, tokenize

_ENTITY_FIELDS: dict[str, EntityField] = {
    "person": "person",
    "place": "place",
    "org": "organization",
    "organization": "organization",
    "entity": "any",
}
FIELDS = ("title", "source", "feed", "story", "person", "place", "org", "entity", "date", "is")
_STATES = {"read": "read", "unread": "unread", "starred": "starred", "star": "starred"}
_KEYWORDS = ("AND", "OR", "NOT")


@lru_cache(maxsize=256)
def parse_query(text: str) -> Node:
    """The tree for `text`; QueryError says what is wrong and where."""
    tokens = tokenize(text)
    if not tokens:
        return Everything()
    parser = _Parser(tokens)
    node = parser.parse_or()
    if parser.index < len(tokens):
        token = tokens[parser.index]
        if token.kind == "rparen":
            raise QueryError(f"unmatched ')' at character {token.position + 1}")
        raise QueryError(f"unexpected {token.text!r} at character {token.position + 1}")
    return node


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.index = 0

    def peek(self) -> Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def at_keyword(self, word: str) -> bool:
        token = self.peek()
        return token is not None and token.kind == "word" and token.text == word

    def parse_or(self) -> Node:
        children = [self.parse_and()]
        while self.at_keyword("OR"):
            keyword = self.take()
            if self.peek() is None or self.peek().kind == "rparen":  # type: ignore[union-attr]
                raise QueryError(f"'OR' at character {keyword.position + 1} needs a term after it")
            children.append(self.parse_and())
        return children[0] if len(children) == 1 else Or(tuple(children))

    def parse_and(self) -> Node:
        children: list[Node] = []
        while (token := self.peek()) is not None and token.kind != "rparen" and not self.at_keyword("OR"):
            if self.at_keyword("AND"):
                keyword = self.take()
                if not children or self.peek() is None:
                    raise QueryError(f"'AND' at character {keyword.position + 1} needs a term on each side")
                continue
            children.append(self.parse_unary())
        if not children:
            token = self.peek()
            if token is not None and token.kind == "rparen":
                raise QueryError(f"unmatched ')' at character {token.position + 1}")
            if token is not None:
                raise QueryError(f"'{token.text}' at character {token.position + 1} needs a term before it")
            raise QueryError("the query ends where a search term should be (an open '(' or a trailing operator)")
        return children[0] if len(children) == 1 else And(tuple(children))

    def parse_unary(self) -> Node:
        token = self.peek()
        assert token is not None
        if token.kind == "minus" or (token.kind == "word" and token.text == "NOT"):
            self.take()
            following = self.peek()
            if following is None or following.kind == "rparen" or self.at_keyword("OR"):
                raise QueryError(f"'{token.text}' at character {token.position + 1} needs a term after it")
            return Not(self.parse_unary())
        return self.parse_primary()

    def parse_primary(self) -> Node:
        token = self.take()
        if token.kind == "lparen":
            node = self.parse_or()
            closing = self.peek()
            if closing is None or closing.kind != "rparen":
                raise QueryError(f"'(' at character {token.position + 1} is never closed: add ')'")
            self.take()
            return node
        if token.kind == "field":
            return self.parse_field(token)
        if token.kind == "phrase":
            return _phrase(token)
        return _word(token)

    def parse_field(self, field: Token) -> Node:
        name = field.text
        if name not in FIELDS:
            raise QueryError(
                f"unknown field '{name}:' at character {field.position + 1} "
                f"(fields: {', '.join(f + ':' for f in FIELDS)}; quote a word to search it as text)"
            )
        value_tokens = self.adjacent_tokens(field)
        if not value_tokens:
            raise QueryError(f"'{name}:' at character {field.position + 1} needs a value right after the colon")
        value = "".join(f'"{t.text}"' if t.quoted and name != "date" else t.text for t in value_tokens)
        if name == "date":
            start, end = date_range(value)
            return DateIn(start, end)
        return _field_node(name, value_tokens, value, field)

    def adjacent_tokens(self, field: Token) -> list[Token]:
        """A value is what is written right after the colon, up to the next space."""
        found: list[Token] = []
        end = field.end
        while (token := self.peek()) is not None and token.position == end and token.kind in ("word", "phrase"):
            found.append(self.take())
            end = token.end
            if field.text != "date":
                break
        return found


def query_terms(text: str) -> list[str]:
    """The words a query searches for (not those it excludes), to highlight in the reader;
    an invalid query has none."""
    try:
        node = parse_query(text)
    except QueryError:
        return []
    found: list[str] = []
    stack: list[Node] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, Term):
            found.extend(current.text.split())
        elif isinstance(current, And | Or):
            stack.extend(current.children)
    return found


def _field_node(name: str, tokens: list[Token], value: str, field: Token) -> Node:
    token = tokens[0]
    text = token.text.strip()
    if name == "title":
        return _phrase(token, column="title") if token.quoted else _word(token, column="title")
    if name == "source":
        return SourceIs(text)
    if name == "feed":
        return FeedIs(text)
    if name == "story":
        if not text.isdigit() or len(text) > 18:
            raise QueryError(f"story:{text} needs a story's number (newsdesk stories lists them)")
        return StoryIs(int(text))
    if name == "is":
        state = _STATES.get(text.lower())
        if state is None:
            raise QueryError(f"is:{text} is not a state (is:read, is:unread, is:starred)")
        return StateIs(state)  # type: ignore[arg-type]
    prefix = not token.quoted and text.endswith("*")
    text = text.rstrip("*") if prefix else text
    if not text:
        raise QueryError(f"'{name}:' at character {field.position + 1} needs a name, not just '*'")
    return EntityIs(_ENTITY_FIELDS[name], text, prefix)


def _word(token: Token, column: str | None = None) -> Term:
    text = token.text
    if text in _KEYWORDS:
        raise QueryError(f"'{text}' at character {token.position + 1} needs a term on each side")
    prefix = text.endswith("*")
    bare = text.rstrip("*")
    if not any(char.isalnum() for char in bare):
        raise QueryError(f"'{text}' at character {token.position + 1} has no letters or digits to search for")
    return Term(bare, prefix=prefix, column=column)


def _phrase(token: Token, column: str | None = None) -> Term:
    if not any(char.isalnum() for char in token.text):
        raise QueryError(f"the quoted text at character {token.position + 1} has no letters or digits")
    return Term(token.text, phrase=True, column=column)
