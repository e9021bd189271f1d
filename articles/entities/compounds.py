"""Runs of capitals that hold two names in a way the cuts at connectors and titles do not
see: two names sharing one plural head ('African and Asian Development Banks'), and a body's
long name followed by a person's ('Bank of England Robin Leigh-Pemberton')."""

from __future__ import annotations

import re

from articles.entities.connectors import JOINING
from articles.entities.lexicon import Lexicon, is_common
from articles.entities.normalize import fold

_PERSON_WORD = re.compile(r"^[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?$")


def split_trailing_person(words: list[str], lex: Lexicon) -> list[list[str]]:
    """'Bank of England Robin Leigh-Pemberton': a name held together by 'of' or 'and', then a
    person's given name and surname to the end of the run, is the body and then the person."""
    for start in range(len(words) - 2, max(2, len(words) - 3) - 1, -1):
        head, tail = words[:start], words[start:]
        first = tail[0].split("-")[0]
        if (
            first in lex.given_names
            and all(_PERSON_WORD.match(word) and fold(word) not in lex.org_heads for word in tail)
            and any(word.lower() in JOINING for word in head[1:-1])
            and head[-1].lower() not in JOINING
        ):
            return [head, tail]
    return [words]


def shared_head(words: list[str], lex: Lexicon) -> list[list[str]] | None:
    """'African and Asian Development Banks', 'Labour and Conservative Parties': two names
    that share their words after the 'and' and the plural head noun that ends them."""
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 4 or words[1].lower() not in ("and", "&") or any(w.lower() in JOINING for w in words[3:]):
        return None
    first, second, rest = words[0], words[2], words[3:]
    singular = _singular(rest[-1])
    if (
        singular is None
        or fold(singular) not in lex.org_heads
        or (fold(first) in lex.function_words and not first.isupper())
    ):
        return None
    if not all(word[:1].isupper() and (is_common(word, lex) or fold(word) in lex.demonyms) for word in (first, second)):
        return None  # 'Procter and Gamble Companies': a name of its own before the head
    if fold(first) in lex.org_heads or fold(first) in lex.place_heads:
        return None
    return [[first, *rest[:-1], singular], [second, *rest[:-1], singular]]


def _singular(word: str) -> str | None:
    """'Banks' -> 'Bank', 'Parties' -> 'Party'; None for a word that is no plural."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "'s", "’s")):
        return word[:-1]
    return None
