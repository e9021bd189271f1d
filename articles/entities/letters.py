"""The letters a name can be abbreviated by, read from how it is written: 'U.S. Agriculture
Department' is the 'USDA' (the 'U.S. Department of Agriculture'): an abbreviation inside a name
gives all its letters, and a department or ministry is named either way round."""

from __future__ import annotations

import re
from functools import lru_cache

from articles.entities.lexicon import lexicon

_ABBREVIATION = re.compile(r"^(?:(?:[A-Z]\.){2,}|[A-Z]{2,3})$")
_JOINING = frozenset({"of", "for", "on", "the", "and", "&"})
_TURNED = frozenset({"department", "ministry"})


def spelled_letters(surfaces: list[str]) -> set[str]:
    """Every set of letters (lower case) the written forms of one name spell."""
    return {letters for surface in surfaces for letters in _spelled(surface)}


@lru_cache(maxsize=1 << 14)
def _spelled(surface: str) -> tuple[str, ...]:
    words = surface.replace("'s", "").split()
    forms = [form for form in (words, _turned(words)) if form]
    return tuple("".join(_letters(word) for word in form if word.lower() not in _JOINING) for form in forms)


def _letters(word: str) -> str:
    return word.replace(".", "").lower() if _ABBREVIATION.match(word) else word[:1].lower()


def _turned(words: list[str]) -> list[str] | None:
    """'U.S. Agriculture Department' -> 'U.S. Department of Agriculture'."""
    if len(words) < 2 or words[-1].lower() not in _TURNED:
        return None
    lead = words[:1] if _ABBREVIATION.match(words[0]) else []
    subject = words[len(lead) : -1]
    return [*lead, words[-1], "of", *subject] if subject else None


def turned_key(key: str) -> str | None:
    """'us agriculture department' -> 'us department of agriculture' (and back): one
    department or ministry, named either way round, after its country if it leads."""
    if "department" not in key and "ministry" not in key:
        return None  # most names: nothing to turn
    words = key.split()
    lead = words[:1] if len(words) > 2 and _is_country(words[0]) else []
    rest = words[len(lead) :]
    if len(rest) >= 2 and rest[-1] in _TURNED:
        return " ".join([*lead, rest[-1], "of", *rest[:-1]])
    if len(rest) >= 3 and rest[0] in _TURNED and rest[1] == "of":
        return " ".join([*lead, *rest[2:], rest[0]])
    return None


def _is_country(key: str) -> bool:
    lex = lexicon()
    known = lex.known.get(key)
    return key in lex.countries or (known is not None and known.type == "place")
