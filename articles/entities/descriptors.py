"""Words in front of a person's name that describe the person and are not the name: job titles
the title table lacks or a typist misspelt ('Treasury Secertary James Baker', 'U.S. Trade
Represenative Clayton Yeutter'), offices ('Exchequer Nigel Lawson', from 'Chancellor of the
Exchequer Nigel Lawson'), party labels ('Liberal Democrat Charles Kennedy', 'Green MEP Alain
Lipietz') and hyphenated roles ('Film-maker Spike Lee')."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from articles.entities.lexicon import Lexicon, is_common, lexicon
from articles.entities.normalize import fold, name_key

_NAME_WORD = re.compile(r"^[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_ACRONYM = re.compile(r"^(?:[A-Z]{2,5}|(?:[A-Z]\.){2,4})$")
_MAX_NAME = 4
_JOINING = frozenset({"of", "for", "on", "and", "&"})


def split_descriptor(words: list[str], lex: Lexicon) -> tuple[list[str], list[str]] | None:
    """(descriptor, name) when the words are a description followed by a person's name."""
    if len(words) < 3:
        return None
    shaped = _name_shaped_tail(words, lex)  # where a name could start: name-shaped words to the end
    for start in range(len(words) - 2, max(0, len(words) - shaped - 1, len(words) - _MAX_NAME - 1), -1):
        head, name = words[:start], words[start:]
        if any(word in _JOINING for word in head):
            return None  # 'Organization of Petroleum Exporting Countries' is a name, not a description
        if _opens_name(name, lex) and all(describes(word, lex) for word in head):
            return head, name
    return None


def _name_shaped_tail(words: list[str], lex: Lexicon) -> int:
    """How many words at the end could belong to a person's name."""
    count = 0
    for word in reversed(words):
        if not (_NAME_WORD.match(word) or _INITIAL.match(word)) or fold(word) in lex.org_heads:
            break
        count += 1
    return count


def describes(word: str, lex: Lexicon) -> bool:
    """A word that can describe a person but is not a given name: an ordinary word, a title,
    a role, a demonym, an acronym ('MEP', 'U.S.'), 'Film-maker', or a misspelt title."""
    folded = fold(word)
    if word in lex.given_names:
        return False
    if is_common(word, lex) or folded in lex.titles or folded in lex.roles or folded in lex.demonyms:
        return True
    if _ACRONYM.match(word) or ("-" in word and all(is_common(part, lex) for part in word.split("-") if part)):
        return True
    return misspelt_title(folded, lex)


def _opens_name(name: list[str], lex: Lexicon) -> bool:
    """'James Baker', 'Alain Lipietz': name-shaped words, led by a given name or a word that is
    neither an ordinary word nor a place, with no head noun of an organisation or place."""
    first = name[0]
    if any(fold(word) in lex.place_heads for word in name):
        return False
    if any(_plain_word(word, lex) for word in name[1:-1]):
        return False  # 'Jones Industrial Average': an ordinary word inside, as in no person's name
    if first in lex.given_names:
        return True
    return not is_common(first, lex) and name_key(first) not in lex.places and name_key(first) not in lex.known


def _plain_word(word: str, lex: Lexicon) -> bool:
    return is_common(word, lex) and fold(word) not in lex.surnames and word not in lex.given_names


def misspelt_title(folded: str, lex: Lexicon) -> bool:
    """'secertary', 'represenative': one or two letters off a title or role of seven or more."""
    return len(folded) >= 7 and folded.isalpha() and _misspelt(folded)


@lru_cache(maxsize=1 << 14)
def _misspelt(folded: str) -> bool:
    return any(_near(folded, title) for title in _long_titles())


@cache
def _long_titles() -> tuple[str, ...]:
    lex = lexicon()
    return tuple(sorted(word for word in lex.titles | lex.roles if len(word) >= 7 and word.isalpha()))


def _near(word: str, title: str) -> bool:
    if abs(len(word) - len(title)) > 2 or word[0] != title[0]:
        return False
    limit = 1 if len(title) < 9 else 2
    return _distance(word, title, limit) <= limit


def _distance(first: str, second: str, limit: int) -> int:
    """Edit distance with adjacent transpositions, given up past `limit`."""
    previous2: list[int] = []
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, start=1):
        current = [i]
        for j, b in enumerate(second, start=1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
