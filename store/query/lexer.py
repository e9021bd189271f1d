"""Split query text into tokens: words, quoted phrases, field prefixes, parentheses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from store.errors import QueryError

MAX_QUERY_CHARS = 2000
MAX_TOKENS = 64

TokenKind = Literal["word", "phrase", "field", "lparen", "rparen", "minus"]


@dataclass(frozen=True)
class Token:
    kind: TokenKind
    text: str
    position: int
    end: int
    quoted: bool = False


def tokenize(text: str) -> list[Token]:
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long ({len(text):,} characters; the limit is {MAX_QUERY_CHARS:,})")
    tokens: list[Token] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char.isspace():
            index += 1
        elif char in "()":
            tokens.append(Token("lparen" if char == "(" else "rparen", char, index, index + 1))
            index += 1
        elif char == '"':
            index = _phrase(text, index, tokens)
        elif char == "-" and index + 1 < len(text) and not text[index + 1].isspace() and _starts_term(tokens):
            tokens.append(Token("minus", "-", index, index + 1))
            index += 1
        else:
            index = _word(text, index, tokens)
        if len(tokens) > MAX_TOKENS:
            raise QueryError(f"query has too many terms (the limit is {MAX_TOKENS})")
    return tokens


def _starts_term(tokens: list[Token]) -> bool:
    return not tokens or tokens[-1].kind != "field"


def _phrase(text: str, start: int, tokens: list[Token]) -> int:
    end = text.find('"', start + 1)
    if end < 0:
        raise QueryError(f'unclosed quote at character {start + 1}: add a closing "')
    tokens.append(Token("phrase", text[start + 1 : end], start, end + 1, quoted=True))
    return end + 1


def _word(text: str, start: int, tokens: list[Token]) -> int:
    index = start
    while index < len(text) and not text[index].isspace() and text[index] not in '()"':
        if text[index] == ":" and index > start and text[start:index].isalpha():
            tokens.append(Token("field", text[start:index].lower(), start, index + 1))
            return index + 1
        index += 1
    tokens.append(Token("word", text[start:index], start, index))
    return index
