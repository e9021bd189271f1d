"""Where a run of capitalised words holds one name across 'of', 'for', 'on', 'and' or 'the'
('Department of Agriculture', 'General Agreement on Tariffs and Trade') and where the
connector stands between two names ('Reagan and Administration officials')."""

from __future__ import annotations

from articles.entities.lexicon import Lexicon, is_common
from articles.entities.normalize import fold, name_key
from articles.entities.record import LEGAL_SUFFIXES

JOINING = frozenset({"of", "for", "on", "the", "and", "&"})


def is_known(words: list[str], lex: Lexicon) -> bool:
    key = name_key(" ".join(words))
    return key in lex.known or (len(words) > 1 and key in lex.places)


def is_place_or_known(words: list[str], lex: Lexicon) -> bool:
    return bool(words) and (is_known(words, lex) or name_key(" ".join(words)) in lex.places)


def is_head(word: str, lex: Lexicon) -> bool:
    folded = fold(word)
    return folded in lex.org_heads or folded in lex.place_heads


def split_connectors(words: list[str], lex: Lexicon) -> list[list[str]]:
    """Keep 'of', 'for', 'on', 'and' inside a name only after a head noun ('Department of …')."""
    parts: list[list[str]] = [[]]
    for index, word in enumerate(words):
        lowered = word.lower()
        if lowered not in JOINING or (parts[-1] and _joins(parts[-1], words, index, lex)):
            parts[-1].append(word)
        elif parts[-1]:
            parts.append([])
    return [trimmed for trimmed in (_trim_connectors(part) for part in parts) if trimmed]


def _joins(left: list[str], words: list[str], index: int, lex: Lexicon) -> bool:
    following = words[index + 1] if index + 1 < len(words) else ""
    if fold(following) in lex.time_words:
        return False
    connector = words[index].lower()
    if connector == "the":
        return True
    if connector in ("and", "&"):
        right = [word for word in words[index + 1 :] if word.lower() != "the"]
        if _is_person_list(words, index, lex) or is_place_or_known(left, lex) or is_place_or_known(right, lex):
            return False
        if len(right) == 1 and fold(right[0]) in lex.org_heads and fold(right[0]) not in LEGAL_SUFFIXES:
            return False  # 'Reagan and Administration officials': a head noun alone names nothing
        left_org = any(fold(word) in lex.org_heads for word in left)
        return left_org or fold(words[-1]) in lex.org_heads or _only_capitalised_words(left, words, index, lex)
    if any(is_head(word, lex) for word in left) or bool(left and left[-1].lower() in JOINING):
        return True
    return _only_capitalised_words(left, words, index, lex)


def _only_capitalised_words(left: list[str], words: list[str], index: int, lex: Lexicon) -> bool:
    """'General Agreement on Tariffs and Trade': cut at 'on', 'General Agreement' is no name
    (an agreement is not an entity) and 'Tariffs' is an ordinary word capitalised only because
    it belongs to the name; so the connector holds the name together, and so does an 'and'
    that carries such a name on ('… and Trade')."""
    right = []
    for word in words[index + 1 :]:
        if word.lower() in JOINING:
            break
        right.append(word)
    content = [word for word in left if word.lower() not in JOINING]
    if not right or not content or not all(_capitalised_common(word, lex) for word in content + right):
        return False
    if words[index].lower() in ("and", "&"):
        return len(content) < len(left)  # an 'and' inside such a name, not between two names
    return fold(left[-1]) in lex.excluded_heads


def _capitalised_common(word: str, lex: Lexicon) -> bool:
    return word[:1].isupper() and not word.isupper() and is_common(word, lex) and not is_known([word], lex)


def _is_person_list(words: list[str], index: int, lex: Lexicon) -> bool:
    return any(fold(word) in lex.titles for word in words[:index])


def _trim_connectors(words: list[str]) -> list[str]:
    while words and words[-1].lower() in JOINING:
        words = words[:-1]
    return words
