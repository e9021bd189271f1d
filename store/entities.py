"""The archive's entities: each article's entities are found or created here, so that one
real thing is one row however many articles spell it differently."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from sqlite3 import Connection
from typing import TYPE_CHECKING

from articles import EntityType
from articles.entities import is_short_form, preferred_name
from articles.entities.normalize import name_key

if TYPE_CHECKING:
    from store.ingest import EntityRow


class EntityRegistry:
    """Keys, surnames and names of every entity, kept in memory; new rows are written in one
    go per batch (`flush`), and rows other writers added are picked up per batch (`refresh`)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.by_key: dict[tuple[str, str], int] = {}
        self.names: dict[int, tuple[str, EntityType]] = {}
        self.by_surname: dict[str, set[int]] = defaultdict(set)
        self.aliases: set[tuple[int, str]] = set()
        # Rows resolved before: the same name, type and aliases resolve to the same entity
        # again (its keys and aliases are stored by then), and most entities recur.
        self.resolved: dict[tuple[EntityType, str, tuple[str, ...]], int] = {}
        self.seen_up_to = 0
        self.next_id = 1
        self.new_entities: list[tuple[int, str, str]] = []
        self.new_keys: list[tuple[str, str, int]] = []
        self.new_words: list[tuple[str, int]] = []
        self.new_aliases: list[tuple[int, str]] = []

    def refresh(self) -> None:
        """Take in entities written since the last batch (by this or another process)."""
        rows = self.conn.execute("SELECT id, name, type FROM entities WHERE id > ?", (self.seen_up_to,)).fetchall()
        for entity_id, name, kind in rows:
            self._remember_name(entity_id, name, kind)
        if rows:
            marks = self.seen_up_to
            for key, kind, entity_id in self.conn.execute(
                "SELECT key, type, entity_id FROM entity_keys WHERE entity_id > ?", (marks,)
            ):
                self.by_key.setdefault((kind, key), entity_id)
            self.seen_up_to = max(row[0] for row in rows)
        self.next_id = self.seen_up_to + 1

    def flush(self) -> None:
        """Write the batch's new entities, keys, words and aliases."""
        self.conn.executemany("INSERT INTO entities (id, name, type) VALUES (?, ?, ?)", self.new_entities)
        self.conn.executemany(
            "INSERT OR IGNORE INTO entity_keys (key, type, entity_id) VALUES (?, ?, ?)", self.new_keys
        )
        self.conn.executemany("INSERT OR IGNORE INTO entity_words (word, entity_id) VALUES (?, ?)", self.new_words)
        self.conn.executemany("INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)", self.new_aliases)
        if self.new_entities:
            self.seen_up_to = max(self.seen_up_to, max(row[0] for row in self.new_entities))
        self.new_entities, self.new_keys, self.new_words, self.new_aliases = [], [], [], []

    def _remember_name(self, entity_id: int, name: str, kind: EntityType) -> None:
        self.names[entity_id] = (name, kind)
        if kind == "person" and name_key(name):
            self.by_surname[name_key(name).split()[-1]].add(entity_id)

    def resolve(self, entity: EntityRow) -> int:
        """The id of the stored entity this one is, creating or renaming it as needed."""
        seen = (entity.type, entity.name, entity.aliases)
        entity_id = self.resolved.get(seen)
        if entity_id is not None:
            return entity_id
        entity_id = self._resolve_new(entity)
        if entity.keys:  # a row without keys finds nothing by them: it is resolved afresh
            self.resolved[seen] = entity_id
        return entity_id

    def _resolve_new(self, entity: EntityRow) -> int:
        keys = entity.keys
        entity_id = self._by_keys(entity.type, keys)
        if entity_id is None and entity.type == "person":
            entity_id = self._by_person_name(entity.name)
        if entity_id is None:
            entity_id = self._create(entity)
        self._add_keys(entity_id, entity.type, keys)
        self._add_aliases(entity_id, entity)
        return entity_id

    def _by_keys(self, kind: EntityType, keys: Iterable[str]) -> int | None:
        found = {self.by_key[(kind, key)] for key in keys if (kind, key) in self.by_key}
        if not found:
            return None
        return min(found)

    def _by_person_name(self, name: str) -> int | None:
        """A short form joins the one fuller name; a fuller name takes over the one short form."""
        key = name_key(name)
        if not key:
            return None
        candidates = self.by_surname.get(key.split()[-1], set())
        fuller = [i for i in candidates if is_short_form(name, self.names[i][0])]
        if len(fuller) == 1:
            return fuller[0]
        shorter = [i for i in candidates if is_short_form(self.names[i][0], name)]
        if len(shorter) == 1 and not fuller:
            self._rename(shorter[0], preferred_name([self.names[shorter[0]][0], name], "person"))
            return shorter[0]
        return None

    def _rename(self, entity_id: int, name: str) -> None:
        old, kind = self.names[entity_id]
        if old == name:
            return
        pending = [index for index, row in enumerate(self.new_entities) if row[0] == entity_id]
        if pending:
            self.new_entities[pending[0]] = (entity_id, name, kind)
        else:
            self.conn.execute("UPDATE entities SET name = ? WHERE id = ?", (name, entity_id))
        self._remember_name(entity_id, name, kind)
        self._add_alias(entity_id, old)

    def _create(self, entity: EntityRow) -> int:
        entity_id = self.next_id
        self.next_id += 1
        self.new_entities.append((entity_id, entity.name, entity.type))
        self._remember_name(entity_id, entity.name, entity.type)
        return entity_id

    def _add_keys(self, entity_id: int, kind: EntityType, keys: frozenset[str]) -> None:
        new = [key for key in keys if (kind, key) not in self.by_key]
        for key in new:
            self.by_key[(kind, key)] = entity_id
            self.new_keys.append((key, kind, entity_id))
        self.new_words.extend((word, entity_id) for word in {word for key in new for word in key.split()})

    def _add_aliases(self, entity_id: int, entity: EntityRow) -> None:
        canonical = self.names[entity_id][0]
        for form in (entity.name, *entity.aliases):
            if form != canonical:
                self._add_alias(entity_id, form)

    def _add_alias(self, entity_id: int, alias: str) -> None:
        if (entity_id, alias) in self.aliases:
            return
        self.aliases.add((entity_id, alias))
        self.new_aliases.append((entity_id, alias))
