"""An article's entity as identity sees it: its name, type and the keys that name it for
certain. A surname alone ('Blair') or a part of a longer name is not such a key: it may stand
for several people, and only evidence decides which (articles/entities/identity.py)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from articles.entities.lexicon import lexicon
from articles.entities.normalize import name_key
from articles.model import Entity, EntityType

_JOINING = frozenset({"of", "for", "on", "the", "and", "&"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "lord", "lady", "sir", "dame"})


class EntityRecord(NamedTuple):
    """One entity of a parsed article: what it is called, and the keys it may be found under."""

    name: str
    type: EntityType
    aliases: tuple[str, ...]
    mentions: int
    keys: frozenset[str]

    @property
    def key(self) -> str:
        return name_key(self.name)

    @property
    def words(self) -> list[str]:
        return self.key.split()

    @property
    def is_acronym(self) -> bool:
        bare = self.name.replace(".", "")
        return self.type == "organization" and bare.isupper() and " " not in bare and 2 <= len(bare) <= 6


def record_of(entity: Entity) -> EntityRecord:
    return EntityRecord(entity.name, entity.type, entity.aliases, entity.mentions, frozenset(entity_keys(entity)))


def entity_keys(entity: Entity) -> set[str]:
    """The keys that name this entity for certain: its name, its aliases, and for a well-known
    entity its canonical name; not a short form of its own name ('Erdogan', 'Mr Erdogan' and
    'Tayyip Erdogan' for 'Recep Tayyip Erdogan', 'Baikal' for 'Baikal Finance Group')."""
    known = lexicon().known
    own = name_key(entity.name)
    keys = set()
    for form in (entity.name, *entity.aliases):
        key = name_key(form)
        if not key or (key != own and _part_of(key, own, entity.type)):
            continue
        keys.add(key)
        if key in known and known[key].type == entity.type:
            keys.add(name_key(known[key].name))
    return keys


def _part_of(key: str, own: str, kind: EntityType) -> bool:
    words = [word for word in key.split() if word not in _HONORIFICS] or key.split()
    if kind == "person":
        return is_short_form(" ".join(words), own)
    return len(words) == 1 and words[0] in own.split()


def is_short_form(short: str, full: str) -> bool:
    """'Erdogan' and 'Tayyip Erdogan' are short forms of 'Recep Tayyip Erdogan'."""
    short_words, full_words = name_key(short).split(), name_key(full).split()
    return (
        0 < len(short_words) < len(full_words)
        and short_words[-1] == full_words[-1]
        and set(short_words) <= set(full_words)
    )


def initials(key: str) -> str:
    """'european community' -> 'ec', 'general agreement on tariffs and trade' -> 'gatt'."""
    return "".join(word[0] for word in key.split() if word not in _JOINING)


def preferred_name(names: Iterable[str], kind: EntityType, counts: dict[str, int] | None = None) -> str:
    """The canonical name among several: the known name, else a person's fullest name, else
    a name in words over an acronym, then the most used form (then the longest)."""
    options = list(dict.fromkeys(names))
    known = lexicon().known
    for option in options:
        entry = known.get(name_key(option))
        if entry is not None and entry.type == kind:
            return entry.name
    counts = counts or {}
    if kind == "person":
        return max(options, key=lambda name: (len(name.split()), counts.get(name, 0), -options.index(name)))
    return max(options, key=lambda name: (not name.isupper(), counts.get(name, 0), len(name), -options.index(name)))
