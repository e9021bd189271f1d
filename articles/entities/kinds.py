"""What kind of thing a name is, from its own words (head nouns, given names, gazetteers)
and the cues around it: the rules every mention is typed by."""

from __future__ import annotations

import re
from functools import lru_cache

from articles.entities.lexicon import Lexicon, is_common, lexicon
from articles.entities.mention import Mention
from articles.entities.normalize import fold, name_key
from articles.model import EntityType

ACRONYM = re.compile(r"^(?:[A-Z][A-Z&]{1,5}|(?:[A-Z]\.){2,4})$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_NAME_WORD = re.compile(r"^[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*$|^[A-Z][a-z]*(?:[A-Z][a-z]+)+$")
_COMPOUND_BANK = re.compile(r"^[A-Z][a-z]{3,}bank$")


@lru_cache(maxsize=1 << 17)
def kind_of(
    surface: str, key: str, titled: bool, person_cue: bool, org_cue: bool, place_cue: bool
) -> tuple[EntityType | None, str]:
    """The type a name's own words and the cues around it give it, and the evidence."""
    probe = Mention(surface, key, None, "shape", False, "title" if titled else None)
    probe.person_cue, probe.org_cue, probe.place_cue = person_cue, org_cue, place_cue
    return _intrinsic_type(probe, lexicon())


def _intrinsic_type(mention: Mention, lex: Lexicon) -> tuple[EntityType | None, str]:
    words = mention.words
    if mention.person_cue and mention.title:
        return "person", "title"
    if len(words) == 1 and ACRONYM.match(words[0]):
        if fold(words[0]) in lex.non_entities:
            return None, "non-entity"
        return "organization", "acronym"
    if len(words) == 1 and _COMPOUND_BANK.match(words[0]):
        return "organization", "head"  # 'Bundesbank', 'Citibank'
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
# Ending a name of several words, an institution ('U.S. Treasury', 'U.S. Embassy'); alone,
# unlike the head nouns of lexicon.json, a name too ('the Treasury said').
_INSTITUTIONS = frozenset({"treasury", "embassy", "consulate", "exchequer"})


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
        if _joined_title_case(words, lex):
            return "organization", "fallback"  # 'General Agreement on Tariffs and Trade'
        if not all(
            _NAME_WORD.match(word) or _INITIAL.match(word) or word.lower() in lex.name_particles for word in words
        ):
            return None, "unknown"
        common = sum(1 for word in words if fold(word) in lex.common_words)
        return ("organization", "fallback") if common or plural_noun(words[-1], lex) else ("person", "fallback")
    return None, "unknown"


_JOINERS = frozenset({"of", "on", "for", "and"})


def _joined_title_case(words: list[str], lex: Lexicon) -> bool:
    """Three or more capitalised ordinary words held together by 'on', 'of', 'and': the words
    of a body's name ('Agreement on Tariffs and Trade'), never a person's."""
    content = [word for word in words if word not in _JOINERS and word != "the"]
    if len(content) < 3 or len(content) == len(words):
        return False
    if any(fold(word) in lex.org_heads or fold(word) in lex.place_heads for word in content):
        return False  # a name with a head noun is typed by it, or is two names ('House of Commons and …')
    return all(_NAME_WORD.match(word) and is_common(word, lex) for word in content)


def _name_like(word: str, lex: Lexicon) -> bool:
    return is_common(word, lex) or word in lex.given_names


def _head_type(words: list[str], lex: Lexicon) -> EntityType | None:
    if len(words) < 2:
        return None
    last = fold(words[-1])
    first = fold(words[0])
    if first in ("city", "town", "county", "borough", "village") and len(words) > 2 and words[1] == "of":
        return "organization"
    if last in lex.org_heads or last in _INSTITUTIONS or fold(" ".join(words[-2:])) in lex.org_heads:
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
    if first in lex.org_openers:
        return "organization"  # 'Banque Paribas', 'Societe Generale', 'Banco do Brasil'

    if len(words) == 2 and fold(words[0]) in lex.demonyms and is_common(words[1], lex):
        return "organization"  # 'European Community', 'American Express'
    opening = name_key(words[0])
    if opening in lex.known_orgs or (
        opening in lex.long_name_starts
        and any(name_key(" ".join(words[:length])) in lex.known_orgs for length in range(2, min(4, len(words))))
    ):
        return "organization"  # 'BBC Sport', 'United Nations Conference on Trade and Development'
    if (
        name_key(words[0]) in lex.countries
        and not _person_shaped(words, lex)
        and name_key(" ".join(words)) not in lex.places
    ):
        return "organization"  # 'France Televisions', 'Indonesia AirAsia', 'China Mobile'

    if first in lex.place_prefixes and name_key(" ".join(words[1:])) in lex.places:
        return "place"
    return None


def plural_noun(word: str, lex: Lexicon) -> bool:
    """A plural of an ordinary noun that is no surname: what ends the names of businesses
    ('Traders', 'Graphics', 'Brothers'), not of people ('Jones', 'Williams', 'Banks')."""
    folded = fold(word)
    if not folded.endswith("s") or folded.endswith("ss") or folded in lex.surnames:
        return False
    return folded in lex.common_words or folded[:-1] in lex.common_words


def _business_plural(words: list[str], lex: Lexicon) -> bool:
    """A plural noun ends the name, and no plain given name opens it ('Ed Balls', 'Tim Dams'
    are people); a given name that is a surname too ('Harris') opens a business's name when
    the noun is a long one ('Harris Graphics', not 'Lewis Boys')."""
    if not plural_noun(words[-1], lex):
        return False
    first = words[0]
    return first not in lex.given_names or (fold(first) in lex.surnames and len(words[-1]) >= 6)


def _person_shaped(words: list[str], lex: Lexicon) -> bool:
    """'Jim Steyer', 'Brian M. Good', 'Jaime Jaquez Jr.', 'Jaylen Clark': a given name, an
    initial, a suffix, or an unusual first word before a common surname."""
    core = [word for word in words if fold(word) not in lex.suffixes]
    if not 2 <= len(core) <= 4:
        return False
    if not all(_NAME_WORD.match(word) or _INITIAL.match(word) or word.lower() in lex.name_particles for word in core):
        return False
    surname = fold(core[-1])
    if _business_plural(core, lex):
        return False  # 'Harris Graphics', 'Korea Traders', 'Leeds Rhinos': a business or a club
    return (
        core[0] in lex.given_names
        or any(_INITIAL.match(word) for word in core[1:-1])
        or len(core) != len(words)
        or surname in lex.person_surnames
        or (surname in lex.surnames and fold(core[0]) not in lex.common_words)
    )
