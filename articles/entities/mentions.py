"""Judge each name found in the text: what kind of thing it names, and how sure we are."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from articles.entities.cues import add_context_cues
from articles.entities.lexicon import Known, Lexicon, is_common, lexicon
from articles.entities.mention import Mention
from articles.entities.normalize import fold, name_key
from articles.entities.segments import Segment, segment_span
from articles.entities.spans import Span, find_spans, is_mostly_upper
from articles.model import EntityType

_ACRONYM = re.compile(r"^(?:[A-Z][A-Z&]{1,5}|(?:[A-Z]\.){2,4})$")
_DEFINED_ACRONYM = re.compile(r"^\s*\((?:the\s+)?([A-Z][A-Za-z]{1,7})\)")
_INITIAL = re.compile(r"^[A-Z]\.$")
_NAME_WORD = re.compile(r"^[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*$|^[A-Z][a-z]*(?:[A-Z][a-z]+)+$")
_DIGIT = re.compile(r"\d")
_NUMBERED = re.compile(r"^\s+(?:No\.\s*)?\d")
_AFTER_ARTICLE = frozenset({"the", "with", "against", "by", "of", "from", "to", "and", "in", "on", "at", "for", "between", "fighting", "join", "joined", "joining", "fight"})  # fmt: skip


def mentions_in(paragraph: str, lex: Lexicon) -> list[Mention]:
    """Every name mention in one paragraph of body text."""
    if is_mostly_upper(paragraph):
        return headline_mentions(paragraph, lex)
    found: list[Mention] = []
    for span in find_spans(paragraph):
        segments = segment_span(span.text)
        if len(segments) == 1:  # most runs hold one name, and a lone name shares no list cues
            mention = _judge(segments[0], span, True, lex)
            if mention is not None:
                found.append(mention)
            continue
        judged = [_judge(segment, span, index == len(segments) - 1, lex) for index, segment in enumerate(segments)]
        siblings = [mention for mention in judged if mention is not None]
        _share_list_cues(siblings)
        found.extend(siblings)
    return found


def _share_list_cues(siblings: list[Mention]) -> None:
    """'two newspapers, Cumhuriyet and Milliyet': what is said of a list is said of each."""
    if len(siblings) > 1 and any(m.org_cue and m.evidence == "context" for m in siblings):
        for mention in siblings:
            if mention.evidence == "unknown":
                mention.org_cue, mention.type, mention.evidence = True, "organization", "context"


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


@dataclass(frozen=True, slots=True)
class _Reading:
    """What a name's own words say, before its context is read; the same words always read
    the same way, so readings are remembered."""

    words: tuple[str, ...]
    surface: str
    key: str
    initial: bool
    known: Known | None = None
    caps: Mention | None = None


@lru_cache(maxsize=1 << 17)
def _read(segment_words: tuple[str, ...], initial: bool) -> _Reading | None:
    lex = lexicon()
    words = _cut_designators(list(segment_words))
    if not words or _is_excluded(words, lex):
        return None
    if initial and len(words) > 1 and is_common(words[0], lex) and _names_something(words[1:], lex):
        words, initial = words[1:], False
    surface = " ".join(words)
    key = name_key(surface)
    known = lex.known.get(key)
    if known is not None:
        return _Reading(tuple(words), surface, known_key(known), initial, known)
    if not key or key in lex.non_entities or fold(surface) in lex.demonyms:
        return None
    if len(words) == 1 and (fold(surface) in lex.org_heads or fold(surface) in lex.place_heads):
        return None
    if all(word.isupper() for word in words) and len(surface) > 3:
        caps = _judge_caps(words, initial, lex)
        return _Reading(tuple(words), surface, key, initial, caps=caps) if caps else None
    return _Reading(tuple(words), surface, key, initial)


def _judge(segment: Segment, span: Span, last: bool, lex: Lexicon) -> Mention | None:
    reading = _read(segment.words, segment.first and span.initial)
    if reading is None:
        return None
    surface, key, initial = reading.surface, reading.key, reading.initial
    if reading.known is not None:
        if not _plausible_known(surface, span, initial, lex):
            return None
        mention = Mention(surface, key, reading.known.type, "known", initial, segment.title, reading.known)
        add_context_cues(mention, span, segment, last, lex)
        return mention
    after_text = span.after_text if last else ""
    if after_text and _NUMBERED.match(after_text):
        return None
    if reading.caps is not None:
        return replace(reading.caps)
    following_head = _lowercase_head(after_text) if last else None
    if following_head in lex.facility_heads and key not in lex.places:
        surface = f"{surface} {following_head}"
        return Mention(surface, name_key(surface), "place", "head", initial, segment.title)
    mention = Mention(surface, key, None, "shape", initial, segment.title)
    mention.person_cue = bool(segment.title)
    mention.place_cue = following_head in lex.place_heads
    add_context_cues(mention, span, segment, last, lex)
    defined = _DEFINED_ACRONYM.match(after_text) if last else None
    if defined and defined.group(1) != surface:
        mention.acronym_of = defined.group(1)
    mention.type, mention.evidence = _typed(
        surface, key, bool(mention.title), mention.person_cue, mention.org_cue, mention.place_cue
    )
    return mention


@lru_cache(maxsize=1 << 17)
def _typed(
    surface: str, key: str, titled: bool, person_cue: bool, org_cue: bool, place_cue: bool
) -> tuple[EntityType | None, str]:
    probe = Mention(surface, key, None, "shape", False, "title" if titled else None)
    probe.person_cue, probe.org_cue, probe.place_cue = person_cue, org_cue, place_cue
    return _intrinsic_type(probe, lexicon())


def _names_something(words: list[str], lex: Lexicon) -> bool:
    """'Neighbouring Liberia', 'Intense United States': an ordinary word opening the
    sentence before a name that stands on its own."""
    key = name_key(" ".join(words))
    return key in lex.known or key in lex.places


def _cut_designators(words: list[str]) -> list[str]:
    """'Malaysia Airlines Flight MH17' names the airline; 'Airbus A320-200' the maker."""
    for index, word in enumerate(words[1:], start=1):
        if word.lower() in ("flight", "flights") or _DIGIT.search(word):
            return words[:index]
    return [] if _DIGIT.search(words[0]) else words


_LOWER_HEAD = re.compile(r"^\s([a-z]+)\b")


def _lowercase_head(after_text: str) -> str | None:
    """'the Royal Free hospital', 'east of Thasos island': a head noun written in lower case."""
    match = _LOWER_HEAD.match(after_text)
    return match.group(1) if match else None


def _is_excluded(words: list[str], lex: Lexicon) -> bool:
    """Laws, events, products and the like are named but are not entities here."""
    if len(words) > 1 and fold(words[-1]) in lex.excluded_heads:
        return True
    return len(words) > 1 and fold(words[0]) in lex.event_prefixes


def _plausible_known(surface: str, span: Span, initial: bool, lex: Lexicon) -> bool:
    """'IS' and 'US' are names in 'war with IS' but words in 'a landspout IS a tornado'."""
    if not surface.isupper() or fold(surface) not in lex.function_words or initial:
        return True
    before = fold(span.word_before)
    after = span.after_text.lstrip()
    return before in _AFTER_ARTICLE or after[:1] in ("-", "'", "’", ",", ".", ")") or after[:1].isupper()


def _judge_caps(words: list[str], initial: bool, lex: Lexicon) -> Mention | None:
    """'SALT LAKE CITY —' and 'BRUSSELS, March 27' are names in capitals; 'COULD PLANE
    HAVE STALLED' and 'QUIET' are not. Short capitals are acronyms."""
    surface = " ".join(words)
    key = name_key(surface)
    if key in lex.places and (len(words) > 1 or fold(surface) not in lex.common_words):
        return Mention(surface, key, "place", "gazetteer", initial)
    if len(words) == 1 and _ACRONYM.match(surface) and fold(surface) not in lex.common_words:
        if fold(surface) in lex.non_entities:
            return None
        return Mention(surface, key, "organization", "acronym", initial)
    return None


def _intrinsic_type(mention: Mention, lex: Lexicon) -> tuple[EntityType | None, str]:
    words = mention.words
    if mention.person_cue and mention.title:
        return "person", "title"
    if len(words) == 1 and _ACRONYM.match(words[0]):
        if fold(words[0]) in lex.non_entities:
            return None, "non-entity"
        return "organization", "acronym"
    head_type = _head_type(words, lex)
    if head_type is not None:
        return head_type, "head"
    if _gazetteer_place(mention, words, lex):
        return "place", "gazetteer"
    if len(words) >= 2 and _person_shaped(words, lex):
        return "person", "shape"
    if len(words) == 1 and mention.key in lex.person_surnames:
        return "person", "known-surname"
    return _by_context(mention, words, lex)


_MAJOR_PLACE = 500_000


def _gazetteer_place(mention: Mention, words: list[str], lex: Lexicon) -> bool:
    """A GeoNames name is a place unless, as one word, it is as likely an ordinary word or
    a person's name ('Chase', 'Macy') and nothing around it says it is a place."""
    population = lex.places.get(mention.key)
    if population is None:
        return False
    if len(words) > 1 or population >= _MAJOR_PLACE or mention.place_cue:
        return True
    word = words[0]
    return not (is_common(word, lex) or word in lex.given_names or fold(word) in lex.surnames)


def _by_context(mention: Mention, words: list[str], lex: Lexicon) -> tuple[EntityType | None, str]:
    if mention.person_cue and not mention.org_cue:
        return "person", "context"
    if mention.org_cue:
        return "organization", "context"
    if mention.place_cue and all(_NAME_WORD.match(word) for word in words) and not _name_like(words[-1], lex):
        return "place", "context"
    if len(words) >= 2:
        if not all(
            _NAME_WORD.match(word) or _INITIAL.match(word) or word.lower() in lex.name_particles for word in words
        ):
            return None, "unknown"
        common = sum(1 for word in words if fold(word) in lex.common_words)
        return ("organization", "fallback") if common else ("person", "fallback")
    return None, "unknown"


def _name_like(word: str, lex: Lexicon) -> bool:
    return is_common(word, lex) or word in lex.given_names


def _head_type(words: list[str], lex: Lexicon) -> EntityType | None:
    if len(words) < 2:
        return None
    last = fold(words[-1])
    first = fold(words[0])
    if first in ("city", "town", "county", "borough", "village") and len(words) > 2 and words[1] == "of":
        return "organization"
    if last in lex.org_heads or fold(" ".join(words[-2:])) in lex.org_heads:
        return "organization"
    if name_key(words[-1]) in lex.known_orgs and words[-1][:1].isupper():
        return "organization"

    if last in lex.place_heads:
        return None if words[0] in lex.given_names and len(words) == 2 else "place"
    for index, word in enumerate(words[:-1]):
        if word in ("of", "for", "on") and index:
            head = fold(words[index - 1])
            if head in lex.org_heads:
                return "organization"
            if head in lex.place_heads:
                return "place"
    if first in lex.place_prefixes_strong and len(words) <= 3:
        return "place"
    if (
        name_key(words[0]) in lex.countries
        and not _person_shaped(words, lex)
        and name_key(" ".join(words)) not in lex.places
    ):
        return "organization"  # 'France Televisions', 'Indonesia AirAsia', 'China Mobile'

    if first in lex.place_prefixes and name_key(" ".join(words[1:])) in lex.places:
        return "place"
    return None


def _person_shaped(words: list[str], lex: Lexicon) -> bool:
    """'Jim Steyer', 'Brian M. Good', 'Jaime Jaquez Jr.', 'Jaylen Clark': a given name, an
    initial, a suffix, or an unusual first word before a common surname."""
    core = [word for word in words if fold(word) not in lex.suffixes]
    if not 2 <= len(core) <= 4:
        return False
    if not all(_NAME_WORD.match(word) or _INITIAL.match(word) or word.lower() in lex.name_particles for word in core):
        return False
    surname = fold(core[-1])
    return (
        core[0] in lex.given_names
        or any(_INITIAL.match(word) for word in core[1:-1])
        or len(core) != len(words)
        or surname in lex.person_surnames
        or (surname in lex.surnames and fold(core[0]) not in lex.common_words)
    )
