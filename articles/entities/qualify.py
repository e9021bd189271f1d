"""A generic organisation ('the Finance Ministry', 'the Central Bank') is one country's: it
takes the name of the country the article is about, the one it names most ('Finance Ministry
(Japan)'), so that one facet does not lump the ministries of twenty countries together."""

from __future__ import annotations

from collections import Counter

from articles.entities.group import Group
from articles.entities.lexicon import Lexicon, is_common
from articles.entities.normalize import fold, name_key


def qualify_generic(groups: list[Group], lex: Lexicon) -> None:
    """Name each generic organisation of the article after its country, when one country is
    named more often than any other; else leave it as written."""
    generic = [group for group in groups if group.type == "organization" and _generic(group, lex)]
    if not generic:
        return
    country = _main_country(groups, lex)
    if country is None:
        return
    for group in generic:
        group.canonical = f"{group.name()} ({country})"


def _generic(group: Group, lex: Lexicon) -> bool:
    """A ministry or a central bank named by what it does, as every country has one: 'Finance
    Ministry', 'Foreign Ministry', 'Central Bank', 'Reserve Bank'; not 'Home Office' or
    'Chase Bank', names of one institution. Judged on the first mention's key (cheap: most
    groups are no such thing) and then on the name."""
    if group.canonical is not None or not group.mentions[0].key.endswith(_HEADS):
        return False
    words = group.name().split()
    if len(words) != 2 or name_key(group.name()) in lex.known:
        return False
    modifier, head = fold(words[0]), fold(words[1])
    if head == "bank":
        return modifier in _BANKS_OF_STATE
    return head == "ministry" and is_common(words[0], lex) and modifier not in lex.demonyms


_HEADS = (" ministry", " bank")
_BANKS_OF_STATE = frozenset({"central", "national", "reserve", "state"})


def _main_country(groups: list[Group], lex: Lexicon) -> str | None:
    named: Counter[str] = Counter()
    for group in groups:
        if group.type == "place" and _is_country(name_key(group.name()), lex):
            named[group.name()] += len(group.mentions)
    ranked = named.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _is_country(key: str, lex: Lexicon) -> bool:
    """'Japan', 'United States', and a part of one that news names as a country ('West Germany')."""
    if key in lex.countries:
        return True
    first, _, rest = key.partition(" ")
    return first in lex.direction_adjectives and rest in lex.countries
