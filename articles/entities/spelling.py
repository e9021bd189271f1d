"""Names that differ by one slip of the keyboard: 'Commodity Credit Corportion' is the
'Commodity Credit Corporation', 'Reagan Administrtation' the 'Reagan Administration'. Wire
copy is typed fast; a misspelt name must not become an organisation of its own."""

from __future__ import annotations

from collections.abc import Iterable

# A slip counts only in a word this long (both spellings): 'Tokyo' and 'Tokyu' are two names.
MIN_WORD = 6


def one_slip(one: str, other: str) -> bool:
    """True when the words differ by one inserted, dropped, changed or swapped letter."""
    if one == other or abs(len(one) - len(other)) > 1:
        return False
    if len(one) > len(other):
        one, other = other, one
    start = 0
    while start < len(one) and one[start] == other[start]:
        start += 1
    if len(one) < len(other):  # one letter more in `other`
        return one[start:] == other[start + 1 :]
    if one[start + 1 :] == other[start + 1 :]:  # one letter changed
        return True
    swapped = start + 1 < len(one) and one[start] == other[start + 1] and one[start + 1] == other[start]
    return swapped and one[start + 2 :] == other[start + 2 :]


def same_name_misspelt(key: str, other: str) -> bool:
    """Two keys of several words, alike but for one slip in one long word."""
    words, others = key.split(), other.split()
    if len(words) < 2 or len(words) != len(others):
        return False
    differing = [(a, b) for a, b in zip(words, others, strict=True) if a != b]
    if len(differing) != 1:
        return False
    ((a, b),) = differing
    return min(len(a), len(b)) >= MIN_WORD and a[0] == b[0] and one_slip(a, b)


def misspelt_of(key: str, candidates: Iterable[tuple[int, str]]) -> list[int]:
    """The ids among (id, key) candidates whose key is `key` with one slip."""
    return [entity_id for entity_id, other in candidates if same_name_misspelt(key, other)]
