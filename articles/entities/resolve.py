"""One real thing, one entity across many articles: spellings that differ by diacritics,
transliteration or British/American spelling meet under one key, and a short form used in
one article ('Tayyip Erdogan') joins the one fuller name used in another."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from articles.entities.lexicon import lexicon
from articles.entities.normalize import name_key
from articles.model import Article, Entity, EntityType


def entity_keys(entity: Entity) -> set[str]:
    """Every key under which this entity may be found: its name, its aliases, and for a
    well-known entity the key of its canonical name."""
    known = lexicon().known
    keys = set()
    for form in (entity.name, *entity.aliases):
        key = name_key(form)
        if key:
            keys.add(key)
            if key in known and known[key].type == entity.type:
                keys.add(name_key(known[key].name))
    return keys


def is_short_form(short: str, full: str) -> bool:
    """'Erdogan' and 'Tayyip Erdogan' are short forms of 'Recep Tayyip Erdogan'."""
    short_words, full_words = name_key(short).split(), name_key(full).split()
    return (
        0 < len(short_words) < len(full_words)
        and short_words[-1] == full_words[-1]
        and set(short_words) <= set(full_words)
    )


def preferred_name(names: Iterable[str], kind: EntityType, counts: Counter[str] | None = None) -> str:
    """The canonical name among several: the known name, else a person's fullest name,
    else the most used form (then the longest)."""
    options = list(dict.fromkeys(names))
    known = lexicon().known
    for option in options:
        entry = known.get(name_key(option))
        if entry is not None and entry.type == kind:
            return entry.name
    counts = counts or Counter()
    if kind == "person":
        return max(options, key=lambda name: (len(name.split()), counts[name], -options.index(name)))
    return max(options, key=lambda name: (counts[name], len(name), -options.index(name)))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, first: int, second: int) -> None:
        self.parent[self.find(first)] = self.find(second)


def resolve_articles(articles: Sequence[Article]) -> list[Article]:
    """Give every article's entities the canonical names they share across the batch."""
    flat = [(index, entity) for index, article in enumerate(articles) for entity in article.entities]
    groups = _UnionFind()
    by_key: dict[tuple[EntityType, str], int] = {}
    for item, (_, entity) in enumerate(flat):
        for key in entity_keys(entity):
            other = by_key.setdefault((entity.type, key), item)
            groups.union(item, other)
    _join_short_forms(flat, groups)
    members: dict[int, list[int]] = defaultdict(list)
    for item in range(len(flat)):
        members[groups.find(item)].append(item)
    canonical: dict[int, str] = {}
    for root, items in members.items():
        counts = Counter({flat[i][1].name: 0 for i in items})
        for i in items:
            counts[flat[i][1].name] += flat[i][1].mentions
        canonical[root] = preferred_name(counts, flat[root][1].type, counts)
    renamed: list[list[Entity]] = [[] for _ in articles]
    for item, (index, entity) in enumerate(flat):
        renamed[index].append(_renamed(entity, canonical[groups.find(item)]))
    return [
        replace(article, entities=_merge_same(entities)) for article, entities in zip(articles, renamed, strict=True)
    ]


def _join_short_forms(flat: list[tuple[int, Entity]], groups: _UnionFind) -> None:
    """Link each person's short form to the one fuller name sharing its surname."""
    by_surname: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for item, (_, entity) in enumerate(flat):
        if entity.type == "person" and name_key(entity.name):
            by_surname[name_key(entity.name).split()[-1]].append((item, entity.name))
    for people in by_surname.values():
        for item, name in people:
            roots = {groups.find(other_item) for other_item, other in people if is_short_form(name, other)}
            if len(roots) == 1:
                groups.union(item, roots.pop())


def _renamed(entity: Entity, name: str) -> Entity:
    if name == entity.name:
        return entity
    aliases = tuple(dict.fromkeys(alias for alias in (entity.name, *entity.aliases) if alias != name))
    return replace(entity, name=name, aliases=aliases)


def _merge_same(entities: list[Entity]) -> tuple[Entity, ...]:
    merged: dict[tuple[str, EntityType], Entity] = {}
    for entity in entities:
        key = (entity.name, entity.type)
        if key in merged:
            first = merged[key]
            aliases = tuple(dict.fromkeys((*first.aliases, *entity.aliases)))
            merged[key] = replace(first, aliases=aliases, mentions=first.mentions + entity.mentions)
        else:
            merged[key] = entity
    return tuple(sorted(merged.values(), key=lambda entity: (-entity.mentions, entity.name)))
