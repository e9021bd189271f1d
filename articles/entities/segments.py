"""Cut a run of capitalised words into the names it holds: 'Russian President Vladimir
Putin and Turkish President Recep Tayyip Erdogan' holds two people, 'Centers for Disease
Control and Prevention' holds one organisation."""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.entities.lexicon import Lexicon
from articles.entities.normalize import fold, name_key, strip_possessive

_JOINING = frozenset({"of", "for", "on", "the", "and", "&"})


@dataclass(frozen=True)
class Segment:
    """One name inside a span, and the title that stood before it ('Mr', 'President')."""

    words: tuple[str, ...]
    title: str | None = None
    first: bool = True

    @property
    def text(self) -> str:
        return " ".join(self.words)


def segment_span(text: str, lex: Lexicon) -> list[Segment]:
    words = text.split()
    words[-1] = strip_possessive(words[-1])
    if _is_known(words, lex):
        opening = words[0]
        while len(words) > 1 and words[0].lower() in ("the", "a", "an"):
            words = words[1:]
        return [Segment(tuple(words), first=words[0] == opening)]
    pieces = _split_possessives(_split_hyphen_pairs(words, lex), lex)
    segments: list[Segment] = []
    for piece in pieces:
        for part in _split_connectors(piece, lex):
            segments.extend(_strip_titles(part, lex))
    return [
        Segment(segment.words, segment.title, index == 0 and segment.words[0] == words[0])
        for index, segment in enumerate(segments)
        if segment.words
    ]


def _is_known(words: list[str], lex: Lexicon) -> bool:
    key = name_key(" ".join(words))
    return key in lex.known or (len(words) > 1 and key in lex.places)


_MODIFIER = re.compile(
    r"^(?P<name>[^\W\d_][\w.'’]*)-(?:led|backed|based|owned|controlled|born|made|built|run|allied|funded|"
    r"supported|held|linked|affiliated|dominated|leaning|style|era|bound|focused|centric|registered|listed|"
    r"headquartered|flagged|brokered|sponsored|friendly|occupied|annexed|administered)$",
    re.IGNORECASE,
)
_PREFIXED = re.compile(r"^(?:pro|anti|ex|non|post|pre|neo|mid)-", re.IGNORECASE)


def _split_hyphen_pairs(words: list[str], lex: Lexicon) -> list[str]:
    """'Turkey-Syria' and 'Israel-Hamas' name two things; 'al-Assad' names one;
    'Beijing-based ByteDance' names Beijing and ByteDance."""
    out: list[str] = []
    for word in words:
        modifier = _MODIFIER.match(word)
        if modifier:
            name = modifier.group("name")
            if fold(name) not in lex.demonyms:
                out.append(name)
            out.append("|")
            continue
        if _PREFIXED.match(word):
            out.append("|")
            continue
        parts = word.split("-")
        if (
            len(parts) == 2
            and all(part[:1].isupper() for part in parts)
            and all(
                _is_known([part], lex) or name_key(part) in lex.places or fold(part) in lex.demonyms for part in parts
            )
        ):
            out.extend([parts[0], "|", parts[1]])
        else:
            out.append(word)
    return out


def _split_possessives(words: list[str], lex: Lexicon) -> list[list[str]]:
    pieces: list[list[str]] = [[]]
    for index, word in enumerate(words):
        if word == "|":
            pieces.append([])
            continue
        is_possessive = word.endswith(("'s", "’s")) and index < len(words) - 1
        if is_possessive and not _owns_an_organisation(words[index + 1 :], lex):
            pieces[-1].append(strip_possessive(word))
            pieces.append([])
        else:
            pieces[-1].append(word)
    return [piece for piece in pieces if piece]


def _owns_an_organisation(rest: list[str], lex: Lexicon) -> bool:
    """ "People's Protection Units" is one name; "Syria's Idlib" is two."""
    if not rest or _is_known(rest, lex):
        return False
    return any(fold(word) in lex.org_heads for word in rest)


def _split_connectors(words: list[str], lex: Lexicon) -> list[list[str]]:
    """Keep 'of', 'for', 'on', 'and' inside a name only after a head noun ('Department of …')."""
    parts: list[list[str]] = [[]]
    index = 0
    while index < len(words):
        word = words[index]
        lowered = word.lower()
        if lowered in _JOINING and parts[-1]:
            if _joins(parts[-1], words, index, lex):
                parts[-1].append(word)
            else:
                parts.append([])
        elif lowered in _JOINING:
            pass
        else:
            parts[-1].append(word)
        index += 1
    return [_trim_connectors(part) for part in parts if _trim_connectors(part)]


def _joins(left: list[str], words: list[str], index: int, lex: Lexicon) -> bool:
    if words[index].lower() in ("and", "&"):
        if _is_person_list(words, index, lex) or _is_known(left, lex):
            return False
        return _has_head(left, lex) or fold(words[-1]) in lex.org_heads
    return _has_head(left, lex)


def _has_head(words: list[str], lex: Lexicon) -> bool:
    return any(fold(word) in lex.org_heads or fold(word) in lex.place_heads for word in words)


def _is_person_list(words: list[str], index: int, lex: Lexicon) -> bool:
    return words[index].lower() in ("and", "&") and any(fold(word) in lex.titles for word in words[:index])


def _trim_connectors(words: list[str]) -> list[str]:
    while words and words[-1].lower() in _JOINING:
        words = words[:-1]
    return words


def _strip_titles(words: list[str], lex: Lexicon) -> list[Segment]:
    """Leading function words and demonyms go; titles split a name off ('Chairman Mike Turner')."""
    while len(words) > 1 and _is_function_word(words[0], lex) and not _is_known(words, lex):
        words = words[1:]
    if len(words) == 1 and _is_function_word(words[0], lex):
        return []
    for start in range(len(words)):
        length = _title_length(words, start, lex)
        if length and start + length < len(words):
            title = " ".join(words[start : start + length])
            before = words[:start]
            rest = _strip_titles(words[start + length :], lex)
            head = [Segment(tuple(before))] if before and not _only_descriptors(before, lex) else []
            titled = [Segment(rest[0].words, rest[0].title or title), *rest[1:]] if rest else []
            return head + titled
    if not _has_head(words, lex):
        while words and fold(words[0]) in lex.demonyms and len(words) > 1:
            words = words[1:]
    return [Segment(tuple(words))] if words else []


def _only_descriptors(words: list[str], lex: Lexicon) -> bool:
    return all(fold(word) in lex.demonyms or _is_function_word(word, lex) for word in words)


def _is_function_word(word: str, lex: Lexicon) -> bool:
    """'In', 'However', 'Us' are ordinary words; 'US' and 'IT' in capitals are not."""
    return fold(word) in lex.function_words and not (word.isupper() and len(word) > 1)


def _title_length(words: list[str], start: int, lex: Lexicon) -> int:
    for length in range(min(lex.max_title_words, len(words) - start), 0, -1):
        candidate = fold(" ".join(words[start : start + length]))
        if candidate in lex.titles:
            return length
    if start + 1 < len(words) and fold(words[start + 1]) in ("minister", "secretary") and words[start][:1].isupper():
        return 2
    return 0
