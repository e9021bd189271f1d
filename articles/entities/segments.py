"""Cut a run of capitalised words into the names it holds: 'Russian President Vladimir
Putin and Turkish President Recep Tayyip Erdogan' holds two people, 'Centers for Disease
Control and Prevention' holds one organisation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from articles.entities.compounds import shared_head, split_trailing_person
from articles.entities.connectors import is_head, is_known, is_place_or_known, split_connectors
from articles.entities.descriptors import split_descriptor
from articles.entities.lexicon import Lexicon, is_common, lexicon
from articles.entities.normalize import fold, name_key, strip_possessive

_MODIFIER = re.compile(
    r"^(?P<name>[^\W\d_][\w.'’]*)-(?:led|backed|based|owned|controlled|born|made|built|run|allied|funded|"
    r"supported|held|linked|affiliated|dominated|leaning|style|era|bound|focused|centric|registered|listed|"
    r"headquartered|flagged|brokered|sponsored|friendly|occupied|annexed|administered|area|region|wide)$",
    re.IGNORECASE,
)
# 'Reagan-appointed', 'Kremlin-approved': any past participle written in lower case after the name.
_PARTICIPLE = re.compile(r"^(?P<name>[^\W\d_][\w.'’]*)-[a-z]{3,}ed$")
_PREFIXED = re.compile(r"^(?:pro|anti|ex|non|post|pre|neo|mid|inter|intra|trans|cross)-", re.IGNORECASE)
_BREAK = "|"
# Capitalised, these open names ('Inter-American Development Bank', 'Anti-Doping Agency').
_NAMING_PREFIX = re.compile(r"^(?:Pro|Anti|Inter|Intra|Trans|Cross|Neo)-")


@dataclass(frozen=True, slots=True)
class Segment:
    """One name inside a span, the title that stood before it ('Mr', 'President'), and
    whether it starts where the span starts (so shares its sentence-initial capital)."""

    words: tuple[str, ...]
    title: str | None = None
    first: bool = True

    @property
    def text(self) -> str:
        return " ".join(self.words)


@lru_cache(maxsize=1 << 17)
def segment_span(text: str, initial: bool = True) -> tuple[Segment, ...]:
    """The names a span holds; the same span text always cuts the same way, so remember it.
    `initial`: the span opens a sentence, so an ordinary word at its start ('However') is no
    part of a name; inside a sentence a capitalised 'First' is ('First Boston Corp')."""
    return tuple(_segment(text, lexicon(), initial))


def _segment(text: str, lex: Lexicon, initial: bool = True) -> list[Segment]:
    words = text.split()
    words[-1] = strip_possessive(words[-1])
    opening = words[0]
    if is_known(words, lex):
        while len(words) > 1 and words[0].lower() in ("the", "a", "an"):
            words = words[1:]
        return [Segment(tuple(words), first=words[0] == opening)]
    segments: list[Segment] = []
    for name in shared_head(words, lex) or [words]:
        for piece in _split_possessives(_split_hyphens(name, lex), lex):
            for joined in split_connectors(piece, lex):
                for part in split_trailing_person(joined, lex):
                    segments.extend(_strip_titles(part, lex, initial and not segments))
    return [
        Segment(segment.words, segment.title, index == 0 and segment.words[0] == opening)
        for index, segment in enumerate(segments)
        if segment.words
    ]


def _split_hyphens(words: list[str], lex: Lexicon) -> list[str]:
    """'Turkey-Syria' names two places, 'Beijing-based ByteDance' names Beijing and
    ByteDance; 'al-Assad' and 'University of Nebraska-Lincoln' name one thing each."""
    out: list[str] = []
    for index, word in enumerate(words):
        modifier = _MODIFIER.match(word) or _PARTICIPLE.match(word)
        if modifier:
            name = modifier.group("name")
            if fold(name) not in lex.demonyms and name[:1].isupper():
                out.append(name)
            out.append(_BREAK)
        elif _PREFIXED.match(word) and not (_NAMING_PREFIX.match(word) and _heads_later(words[index + 1 :], lex)):
            out.append(_BREAK)  # 'pro-Western Kurdish forces'; not 'Inter-American Development Bank'
        elif _names_two(word, lex) and not any(is_head(w, lex) for w in words[:index]):
            first, second = word.split("-")
            out.extend([first, _BREAK, second])
        elif word.lower() in lex.time_words and (word.lower() != "may" or _day_follows(words, index)):
            # 'Pay April One', 'June Treasury bills': a month or a weekday ends a name and names
            # nothing itself. 'May' is also a name ('Theresa May'), unless a day follows ('May One').
            out.extend([_BREAK, word, _BREAK])
        else:
            out.append(word)
    return out


_DAY_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"})  # fmt: skip


def _day_follows(words: list[str], index: int) -> bool:
    """'Record May One', 'May Twenty-one': the month, followed by its day in words."""
    following = words[index + 1].lower().split("-", 1)[0] if index + 1 < len(words) else ""
    return following in _DAY_WORDS


def _heads_later(words: list[str], lex: Lexicon) -> bool:
    return any(fold(word) in lex.org_heads for word in words)


def _names_two(word: str, lex: Lexicon) -> bool:
    parts = word.split("-")
    return (
        len(parts) == 2
        and all(part[:1].isupper() for part in parts)
        and all(is_known([part], lex) or name_key(part) in lex.places or fold(part) in lex.demonyms for part in parts)
    )


def _split_possessives(words: list[str], lex: Lexicon) -> list[list[str]]:
    pieces: list[list[str]] = [[]]
    for index, word in enumerate(words):
        if word == _BREAK:
            pieces.append([])
            continue
        is_possessive = word.endswith(("'s", "’s")) and index < len(words) - 1
        if is_possessive and not _names_an_organisation(pieces[-1] + [word], words[index + 1 :], lex):
            pieces[-1].append(strip_possessive(word))
            pieces.append([])
        else:
            pieces[-1].append(word)
    return [piece for piece in pieces if piece]


def _names_an_organisation(owner: list[str], rest: list[str], lex: Lexicon) -> bool:
    """'People's Protection Units' is one name; 'Syria's Idlib' and 'CDC's Network' are two."""
    bare_owner = [strip_possessive(word) for word in owner]
    if not rest or _BREAK in rest or is_known(rest, lex) or is_known(bare_owner, lex):
        return False
    if fold(bare_owner[-1]) in lex.time_words or fold(bare_owner[-1]) in lex.non_entities:
        return False
    if name_key(" ".join(bare_owner)) in lex.places or bare_owner[-1].isupper():
        return False
    if len(bare_owner) > 1 and bare_owner[0] in lex.given_names:
        return False  # 'Ivan Boesky's Seemala Corp' is his firm, not one name
    return any(fold(word) in lex.org_heads for word in rest)


def _strip_titles(words: list[str], lex: Lexicon, initial: bool = False) -> list[Segment]:
    """Leading function words and demonyms go; titles split a name off ('Chairman Mike Turner')."""
    while len(words) > 1 and _leads_off(words, lex, initial):
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
    party = _known_org_before_name(words, lex)
    if party:
        return [Segment(tuple(words[:party])), *_strip_titles(words[party:], lex)]
    words = _strip_descriptors(words, lex)
    described = split_descriptor(words, lex)
    if described is not None and is_place_or_known(words, lex):
        described = None  # 'the United Arab Emirates' in a list describes no one
    if described is not None:
        return [Segment(tuple(described[1]), " ".join(described[0]))]
    return [Segment(tuple(words))] if words else []


def _known_org_before_name(words: list[str], lex: Lexicon) -> int:
    """'Lib Dem Norman Baker', 'Labour Tomas Berger': how many words of a well-known party or
    organisation stand before a person's name (given name first), or 0."""
    for length in (3, 2, 1):
        fits = len(words) - length >= 2 and words[length] in lex.given_names
        if fits and name_key(" ".join(words[:length])) in lex.known_orgs:
            return length
    return 0


def _leads_off(words: list[str], lex: Lexicon, initial: bool) -> bool:
    """'However' opening a sentence, 'New' (unless it opens 'New York'), 'Saturday', 'June'."""
    first = fold(words[0])
    if not ((initial and _is_function_word(words[0], lex)) or first in lex.time_words) or is_known(words, lex):
        return False
    return not any(name_key(" ".join(words[:length])) in lex.places for length in (2, 3) if length <= len(words))


def _strip_descriptors(words: list[str], lex: Lexicon) -> list[str]:
    """'Kurdish', 'Western' or 'Republican' around a name are not part of it, unless the name
    is an organisation's ('Turkish Defence Ministry') or a known one ('Southern California')."""
    if is_known(words, lex) or any(fold(word) in lex.org_heads for word in words):
        return words
    while len(words) > 1 and (fold(words[0]) in lex.demonyms or _is_direction(words, lex)):
        if len(words) == 2 and fold(words[0]) in lex.demonyms and is_common(words[1], lex):
            break  # 'European Community', 'American Express': the demonym is part of the name
        words = words[1:]
    while len(words) > 1 and fold(words[-1]) in lex.demonyms:
        words = words[:-1]
    return [] if len(words) == 1 and fold(words[0]) in lex.demonyms else words


def _is_direction(words: list[str], lex: Lexicon) -> bool:
    if fold(words[0]) not in lex.direction_adjectives:
        return False
    rest = words[1:]
    return is_known(rest, lex) or name_key(" ".join(rest)) in lex.places or fold(rest[-1]) in lex.place_heads


def _only_descriptors(words: list[str], lex: Lexicon) -> bool:
    return all(fold(word) in lex.demonyms or _is_function_word(word, lex) for word in words)


def _is_function_word(word: str, lex: Lexicon) -> bool:
    """'In', 'However', 'Us' are ordinary words; 'US' and 'IT' in capitals are not."""
    return fold(word) in lex.function_words and not (word.isupper() and len(word) > 1)


def _role_before_name(candidate: str, words: list[str], lex: Lexicon) -> bool:
    """'Oceanographer Pattiaratchi' opens with a role; 'General Electric' does not."""
    if candidate not in lex.roles or len(words) < 2:
        return False
    rest = words[1:]
    return rest[0] in lex.given_names or (len(rest) == 1 and not is_common(rest[0], lex))  # not 'Star Wars'


def _title_length(words: list[str], start: int, lex: Lexicon) -> int:
    first = fold(words[start])
    if first in lex.title_starts:  # else no title starts here: most words start none
        for length in range(min(lex.max_title_words, len(words) - start), 1, -1):
            if fold(" ".join(words[start : start + length])) in lex.titles:
                return length
    if first in lex.titles or (start == 0 and _role_before_name(first, words, lex)):
        return 1
    if "-" in first and first.replace("-", " ") in lex.titles:
        return 1  # 'Vice-President'

    if start + 1 < len(words) and fold(words[start + 1]) in ("minister", "secretary") and words[start][:1].isupper():
        return 2
    return 0
