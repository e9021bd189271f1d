"""The letters a name can be abbreviated by, read from how it is written: 'U.S. Agriculture
Department' is the 'USDA' (the 'U.S. Department of Agriculture'): an abbreviation inside a name
gives all its letters, and a department or ministry is named either way round."""

from __future__ import annotations

import re

_ABBREVIATION = re.compile(r"^(?:(?:[A-Z]\.){2,}|[A-Z]{2,3})$")
_JOINING = frozenset({"of", "for", "on", "the", "and", "&"})
_TURNED = frozenset({"department", "ministry"})


def spelled_letters(surfaces: list[str]) -> set[str]:
    """Every set of letters (lower case) the written forms of one name spell."""
    found: set[str] = set()
    for surface in surfaces:
        words = surface.replace("'s", "").split()
        for form in (words, _turned(words)):
            if form:
                found.add("".join(_letters(word) for word in form if word.lower() not in _JOINING))
    return found


def _letters(word: str) -> str:
    return word.replace(".", "").lower() if _ABBREVIATION.match(word) else word[:1].lower()


def _turned(words: list[str]) -> list[str] | None:
    """'U.S. Agriculture Department' -> 'U.S. Department of Agriculture'."""
    if len(words) < 2 or words[-1].lower() not in _TURNED:
        return None
    lead = words[:1] if _ABBREVIATION.match(words[0]) else []
    subject = words[len(lead) : -1]
    return [*lead, words[-1], "of", *subject] if subject else None
