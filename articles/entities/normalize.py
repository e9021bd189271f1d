"""Keys under which spellings of one name meet: case, diacritics, punctuation, British or
American spelling and a leading article do not make two entities."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from articles.data import load_json

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})
_NON_WORD = re.compile(r"[^\w&]+")
# 'Co-operation' is 'Cooperation', 'Non-Aligned' 'Nonaligned': a prefix and its hyphen are one word.
_PREFIXED = re.compile(r"\b(co|re|non|pre|inter|multi|semi|sub)-(?=[a-z])")


@cache
def _spelling() -> dict[str, str]:
    table: dict[str, str] = load_json("lexicon.json")["spelling"]
    return table


def fold(text: str) -> str:
    """Lower case without diacritics, curly quotes or dashes."""
    if text.isascii():
        return text.lower()  # as cheap as a cache lookup, and leaves the cache to the rest
    return _fold_unicode(text)


@lru_cache(maxsize=1 << 14)
def _fold_unicode(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def strip_possessive(word: str) -> str:
    """'Russia's' -> 'Russia', 'Bruins'' -> 'Bruins'."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    if word.endswith(("s'", "s’")):
        return word[:-1]
    return word


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The form under which every spelling of one name is the same."""
    words = _NON_WORD.sub(" ", _PREFIXED.sub(r"\1", fold(name).replace(".", ""))).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    spelling = _spelling()
    return " ".join(spelling.get(word, word) for word in words)
