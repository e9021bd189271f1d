"""Names in a headline: in headline capitals only well-known names count, and 'Turkey-Syria'
is read as two names."""

from __future__ import annotations

import re

from articles.entities.lexicon import Known, Lexicon
from articles.entities.mention import Mention
from articles.entities.normalize import fold, name_key


def headline_mentions(text: str, lex: Lexicon) -> list[Mention]:
    """In headline capitals only well-known names count: every capital is ambiguous there."""
    words = headline_words(text, lex)
    found: list[Mention] = []
    index = 0
    while index < len(words):
        for length in (4, 3, 2, 1):
            phrase = " ".join(words[index : index + length])
            known = lex.known.get(name_key(phrase))
            if known is not None and phrase[:1].isupper() and (length > 1 or unambiguous_word(phrase, lex)):
                found.append(Mention(phrase, known_key(known), known.type, "known", False, known=known, headline=True))
                index += length
                break
        else:
            index += 1
    return found


_HEADLINE_WORD = re.compile(r"[\w'’.&]+(?:-[\w'’.&]+)*")


def headline_words(text: str, lex: Lexicon) -> list[str]:
    """Words of a headline, with 'Turkey-Syria' read as two names."""
    words = _HEADLINE_WORD.findall(text)
    return [part for word in words for part in (word.split("-") if "-" in word and _splits(word, lex) else [word])]


def _splits(word: str, lex: Lexicon) -> bool:
    return name_key(word) not in lex.known and all(part[:1].isupper() for part in word.split("-"))


def unambiguous_word(word: str, lex: Lexicon) -> bool:
    """A one-word name that cannot be an ordinary word: 'Syria', or 'NATO' in capitals."""
    return fold(word) not in lex.common_words or (word.isupper() and fold(word) not in lex.function_words)


def known_key(known: Known) -> str:
    return name_key(known.name)
