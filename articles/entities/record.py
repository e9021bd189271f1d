"""An article's entity as identity sees it: its name, type and the keys that name it for
certain. A surname alone ('Blair') or a part of a longer name is not such a key: it may stand
for several people, and only evidence decides which (articles/entities/identity.py)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from articles.entities.letters import turned_key
from articles.entities.lexicon import lexicon
from articles.entities.normalize import name_key
from articles.model import Entity, EntityType

_JOINING = frozenset({"of", "for", "on", "the", "and", "&"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "lord", "lady", "sir", "dame"})
# Words that only say what kind of company it is: 'General Motors Corp' is 'General Motors'.
LEGAL_SUFFIXES = frozenset({"inc", "corp", "co", "cos", "ltd", "plc", "llc", "lp", "ag", "sa", "nv", "bv", "gmbh", "spa", "corporation", "incorporated", "limited"})  # fmt: skip


class EntityRecord(NamedTuple):
    """One entity of a parsed article: what it is called, and the keys it may be found under."""

    name: str
    type: EntityType
    aliases: tuple[str, ...]
    mentions: int
    keys: frozenset[str]
    key: str  # of the name itself

    @property
    def words(self) -> list[str]:
        return self.key.split()

    @property
    def is_acronym(self) -> bool:
        bare = self.name.replace(".", "")
        return self.type == "organization" and bare.isupper() and " " not in bare and 2 <= len(bare) <= 6


def record_of(entity: Entity) -> EntityRecord:
    keys = frozenset(entity_keys(entity))
    return EntityRecord(entity.name, entity.type, entity.aliases, entity.mentions, keys, name_key(entity.name))


def entity_keys(entity: Entity) -> set[str]:
    """The keys that name this entity for certain: its name, its aliases, and for a well-known
    entity its canonical name; not a short form of its own name ('Erdogan', 'Mr Erdogan' and
    'Tayyip Erdogan' for 'Recep Tayyip Erdogan', 'Baikal' for 'Baikal Finance Group')."""
    known = lexicon().known
    own = name_key(entity.name)
    own_words = own.split()
    # 'Finance Ministry (Japan)' is not every 'Finance Ministry' (articles/entities/qualify.py).
    generic = name_key(entity.name.partition(" (")[0]) if entity.name.endswith(")") else None
    keys = set()
    for form in (entity.name, *entity.aliases):
        key = name_key(form)
        if not key or key == generic or (key != own and _part_of(key.split(), own_words, entity.type)):
            continue
        keys.add(key)
        entry = known.get(key)
        if entry is not None and entry.type == entity.type:
            keys.add(name_key(entry.name))
        base = company_key(key) if entity.type == "organization" else None
        if base:
            keys.add(base)
        turned = turned_key(key) if entity.type == "organization" and " " in key else None
        if turned:
            keys.add(turned)  # 'U.S. Agriculture Department' is the 'U.S. Department of Agriculture'
    return keys


def _part_of(words: list[str], own: list[str], kind: EntityType) -> bool:
    if kind != "person":
        return len(words) == 1 and words[0] in own
    return short_words_of([word for word in words if word not in _HONORIFICS] or words, own)


def company_key(key: str) -> str | None:
    """The company's name without its legal suffix, unless that names a place or another
    well-known thing ('Anglo American Corp of South Africa Ltd' is not 'South Africa')."""
    if key[key.rfind(" ") + 1 :] not in LEGAL_SUFFIXES:
        return None  # most names: no suffix to take off
    base = company_base(key)
    if base is None or any(len(word) == 1 for word in base.split()):
        return None  # 'Ivan F. Boesky and Co' is his firm, and 'Ivan F. Boesky' is he
    lex = lexicon()
    known = lex.known.get(base)
    return None if base in lex.places or (known is not None and known.type != "organization") else base


def company_base(key: str) -> str | None:
    """'merrill lynch and co inc' -> 'merrill lynch'; None when the key has no legal suffix or
    is nothing else ('co inc')."""
    words = key.split()
    end = len(words)
    while end and words[end - 1] in LEGAL_SUFFIXES:
        end -= 1
    if end and end < len(words) and words[end - 1] in ("and", "&"):
        end -= 1
    if end == len(words) or end == 0:
        return None
    return " ".join(words[:end])


def is_short_form(short: str, full: str) -> bool:
    """'Erdogan' and 'Tayyip Erdogan' are short forms of 'Recep Tayyip Erdogan'."""
    return short_words_of(name_key(short).split(), name_key(full).split())


def short_words_of(short: list[str], full: list[str]) -> bool:
    """The same, on the words of keys."""
    return 0 < len(short) < len(full) and short[-1] == full[-1] and set(short) <= set(full)


def alike_names(key: str, other: str) -> bool:
    """Most words of the two keys are the same ('food and agricultural organization' and 'food
    and agriculture organization'), or the other is only letters ('ibm'): what letters that
    stand for both may join."""
    if " " not in other:
        return True
    words, others = set(key.split()) - _JOINING, set(other.split()) - _JOINING
    return 2 * len(words & others) > max(len(words), len(others))


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
