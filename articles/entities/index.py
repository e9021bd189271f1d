"""What identity knows of every entity: its keys, name, type and article count, and what
changed since the archive last wrote them (identity.py decides; this keeps the books)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from articles.entities.acronyms import Acronyms
from articles.entities.normalize import name_key
from articles.entities.record import EntityRecord, company_base, preferred_name
from articles.model import EntityType

# One entity's type over another's under the same name needs this many times its articles.
TYPE_MAJORITY = 2
_PERSON_OR_ORG: tuple[EntityType, ...] = ("person", "organization")


@dataclass
class Changes:
    """What linking created or changed since the last time they were taken."""

    created: dict[int, tuple[str, EntityType]] = field(default_factory=dict)
    renamed: dict[int, str] = field(default_factory=dict)
    keys: list[tuple[str, EntityType, int]] = field(default_factory=list)
    aliases: list[tuple[int, str]] = field(default_factory=list)


class EntityIndex:
    """Entities by key, by surname and by letters, with their names and counts."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[EntityType, str], int] = {}
        self.names: dict[int, tuple[str, EntityType]] = {}
        self.articles: Counter[int] = Counter()
        self.people: defaultdict[str, set[int]] = defaultdict(set)  # by surname
        self.acronyms = Acronyms()
        self.known_aliases: set[tuple[int, str]] = set()
        self.forms: dict[int, Counter[str]] = {}  # names written for an entity, when not its own
        self.next_id = 1
        self.changes = Changes()
        self.touched: set[str] = set()  # surnames whose evidence changed
        self.keys_touched: set[str] = set()  # keys of several words given an entity

    def remember(self, entity_id: int, name: str, kind: EntityType, articles: int = 0) -> None:
        """An entity the archive already holds."""
        self.names[entity_id] = (name, kind)
        self.articles[entity_id] = articles
        self.next_id = max(self.next_id, entity_id + 1)
        self._index(entity_id, name, kind)

    def remember_key(self, kind: EntityType, key: str, entity_id: int) -> None:
        self.by_key.setdefault((kind, key), entity_id)

    def take_changes(self) -> Changes:
        changes, self.changes = self.changes, Changes()
        return changes

    def type_merges(self) -> list[tuple[int, int]]:
        """People and organisations of one name, and the one each merges into: the type named
        at least twice as often ('Merrill Lynch' the firm, not a person). Places keep their own."""
        found: list[tuple[int, int]] = []
        for key in sorted(self.keys_touched):
            ids = {self.by_key[(kind, key)] for kind in _PERSON_OR_ORG if (kind, key) in self.by_key}
            if len(ids) < 2:
                continue
            company = self._company_named(key, ids)
            if company is not None:  # 'Merrill Lynch' the person is 'Merrill Lynch and Co Inc'
                found.extend((other, company) for other in ids - {company})
                continue
            best = max(ids, key=lambda entity_id: (self.articles[entity_id], -entity_id))
            for other in ids - {best}:
                if self.articles[best] >= TYPE_MAJORITY * self.articles[other]:
                    found.append((other, best))
        self.keys_touched = set()
        return found

    def _company_named(self, key: str, ids: set[int]) -> int | None:
        """The organisation among `ids` whose name is `key` with a legal suffix: a person of
        that name is the company, whichever was named first (identity.py links a person
        record to such a company once it is known; this makes it so for the earlier ones)."""
        for entity_id in sorted(ids):
            name, kind = self.names[entity_id]
            if kind == "organization" and company_base(name_key(name)) == key:
                return entity_id
        return None

    def merge(self, pairs: list[tuple[int, int]]) -> dict[int, int]:
        """Merge each `old` into its `into` (following chains); returns old -> final entity."""
        into: dict[int, int] = {}
        for old, target in pairs:
            while target in into:
                target = into[target]
            if target != old:
                into[old] = target
        for old, target in list(into.items()):
            while target in into:
                target = into[target]
            into[old] = target
        if into:
            self.by_key = {slot: into.get(entity_id, entity_id) for slot, entity_id in self.by_key.items()}
        for old, target in into.items():
            self.articles[target] += self.articles.pop(old, 0)
            self.acronyms.forget(old, self.names[old][0])
            self.add_alias(target, self.names[old][0])
        return into

    def create(self, name: str, kind: EntityType, key: str | None = None) -> int:
        """A new entity; `key` is its name's, when known already."""
        entity_id = self.next_id
        self.next_id += 1
        self.names[entity_id] = (name, kind)
        self.changes.created[entity_id] = (name, kind)
        self._index(entity_id, name, kind, key)
        return entity_id

    def _index(self, entity_id: int, name: str, kind: EntityType, key: str | None = None) -> None:
        key = name_key(name) if key is None else key
        if not key:
            return
        if kind == "person":
            self.people[key.split()[-1]].add(entity_id)
            self.touched.add(key.split()[-1])
        elif kind == "organization":
            self.acronyms.index(entity_id, name, key)

    def rename(self, entity_id: int, name: str) -> None:
        old, kind = self.names[entity_id]
        if old == name:
            return
        if kind == "organization":
            self.acronyms.forget(entity_id, old)
        self.names[entity_id] = (name, kind)
        if entity_id in self.changes.created:
            self.changes.created[entity_id] = (name, kind)
        else:
            self.changes.renamed[entity_id] = name
        self._index(entity_id, name, kind)
        self.add_alias(entity_id, old)

    def add_keys(self, entity_id: int, record: EntityRecord) -> None:
        kind = self.names[entity_id][1]
        for key in record.keys:
            if (kind, key) not in self.by_key:
                self.by_key[(kind, key)] = entity_id
                self.changes.keys.append((key, kind, entity_id))
                if " " in key:
                    self.keys_touched.add(key)

    def add_aliases(self, entity_id: int, record: EntityRecord) -> None:
        """The record's forms become the entity's aliases; its name, when it is the better one."""
        name, kind = self.names[entity_id]
        if record.name != name:
            self._name_by_use(entity_id, name, kind, record.name)
        else:
            self.note_form(entity_id, name)
        canonical = self.names[entity_id][0]
        for form in (record.name, *record.aliases):
            if form != canonical:
                self.add_alias(entity_id, form)

    def _name_by_use(self, entity_id: int, name: str, kind: EntityType, written: str) -> None:
        """A person goes by the fullest name; anything else by the name most written (so one
        article's 'General Agreeement on Tariffs' does not name the organisation)."""
        if kind == "person":
            if len(written.split()) >= len(name.split()):
                self.rename(entity_id, preferred_name([name, written], kind))
            return
        self.note_form(entity_id, written)

    def note_form(self, entity_id: int, written: str) -> None:
        """One more use of a form of an organisation's or a place's name, however often the
        same record was seen before: the form written most names it, so a misspelling seen
        first ('Reagan Administrtation') gives way as the right form is written again."""
        name, kind = self.names[entity_id]
        if kind == "person":
            return
        forms = self.forms.get(entity_id)
        if forms is None:
            if written == name:
                return  # its articles stand for the name's uses until another form appears
            forms = self.forms[entity_id] = Counter({name: max(1, self.articles[entity_id])})
        forms[written] += 1
        # Only a new form, or one now written as often as the name, can change the choice.
        if written != name and (forms[written] == 1 or forms[written] >= forms[name]):
            self.rename(entity_id, preferred_name(list(forms), kind, forms))

    def add_alias(self, entity_id: int, alias: str) -> None:
        if (entity_id, alias) not in self.known_aliases:
            self.known_aliases.add((entity_id, alias))
            self.changes.aliases.append((entity_id, alias))
