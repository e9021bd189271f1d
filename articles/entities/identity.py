"""One real thing, one entity, across many articles: the single home of that decision, used
by `newsdesk parse` over its files (resolve.py) and by ingest over the archive (store/entities.py).

A name, a full alias or a variant from the table of well-known entities identifies an entity
for certain (the keys of record.py). A surname alone, or a shorter form of a person's name,
joins a full name only when the archive's evidence says so (evidence.py); otherwise it is its
own entity. An acronym joins the one name its letters spell ('EC', 'European Community')."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from articles.entities.acronyms import Acronyms
from articles.entities.evidence import Background, Context, Profile, choose
from articles.entities.normalize import name_key
from articles.entities.record import EntityRecord, is_short_form, preferred_name
from articles.model import EntityType

ProfileLoader = Callable[[int], Profile]


@dataclass
class Changes:
    """What linking created or changed since the last time they were taken."""

    created: dict[int, tuple[str, EntityType]] = field(default_factory=dict)
    renamed: dict[int, str] = field(default_factory=dict)
    keys: list[tuple[str, EntityType, int]] = field(default_factory=list)
    aliases: list[tuple[int, str]] = field(default_factory=list)


class Identities:
    """Every entity's keys, name and counts, and the profiles of people whose surnames are shared.
    With no `load_profile`, every person's profile is kept in memory from the first article."""

    def __init__(self, load_profile: ProfileLoader | None = None) -> None:
        self.by_key: dict[tuple[EntityType, str], int] = {}
        self.names: dict[int, tuple[str, EntityType]] = {}
        self.articles: Counter[int] = Counter()
        self.people: defaultdict[str, set[int]] = defaultdict(set)  # by surname
        self.acronyms = Acronyms()
        self.known_aliases: set[tuple[int, str]] = set()
        self.sources: Counter[str] = Counter()
        self.total = 0
        self.profiles: dict[int, Profile] = {}
        self.load_profile = load_profile
        self.next_id = 1
        self.changes = Changes()
        self.touched: set[str] = set()  # surnames whose evidence changed
        self._strong: dict[tuple[EntityType, str, tuple[str, ...]], int] = {}

    # -- what the archive already holds --------------------------------------------------

    def remember(self, entity_id: int, name: str, kind: EntityType, articles: int = 0) -> None:
        self.names[entity_id] = (name, kind)
        self.articles[entity_id] = articles
        self.next_id = max(self.next_id, entity_id + 1)
        self._index(entity_id, name, kind)

    def remember_key(self, kind: EntityType, key: str, entity_id: int) -> None:
        self.by_key.setdefault((kind, key), entity_id)

    def take_changes(self) -> Changes:
        """What to write; profiles loaded before it was written are loaded afresh after."""
        changes, self.changes = self.changes, Changes()
        if self.load_profile is not None:
            self.profiles = {}
        return changes

    # -- linking -------------------------------------------------------------------------

    def link_article(self, records: Sequence[EntityRecord], source: str | None, year: str | None) -> list[int]:
        """The entity id of each record of one article, found or created."""
        found = self.link_certain(records)
        context = Context(frozenset(i for i in found if i is not None), source or "", year or "")
        ids = self.link_rest(records, found, context)
        self.count(ids, context)
        return ids

    def link_certain(self, records: Sequence[EntityRecord]) -> list[int | None]:
        """Ids of the records that identify their entity by themselves; None for the rest."""
        return [None if self._needs_evidence(record) else self._resolve(record) for record in records]

    def link_rest(self, records: Sequence[EntityRecord], found: list[int | None], context: Context) -> list[int]:
        ids = []
        for record, entity_id in zip(records, found, strict=True):
            ids.append(entity_id if entity_id is not None else self._resolve_short(record, context))
        return ids

    def count(self, ids: Sequence[int], context: Context) -> None:
        """Add one article, naming `ids`, to the evidence."""
        self.total += 1
        self.sources[context.source] += 1
        named = set(ids)
        for entity_id in named:
            self._count_entity(entity_id, named, context)

    def _count_entity(self, entity_id: int, named: set[int], context: Context) -> None:
        self.articles[entity_id] += 1
        profile = self._tracked_profile(entity_id)
        if profile is not None:
            profile.add((other for other in named if other != entity_id), context.source, context.year)

    def review(self) -> list[int]:
        """People named by a short form whose evidence changed: their articles may now belong
        to a full name (see `full_name_for`)."""
        found = []
        for surname in sorted(self.touched):
            for entity_id in sorted(self.people.get(surname, ())):
                if self._fuller(entity_id):
                    found.append(entity_id)
        self.touched = set()
        return found

    def full_name_for(self, short_id: int, context: Context) -> int | None:
        """The full name one article's short form stands for, if the evidence now says."""
        fuller = self._fuller(short_id)
        if not fuller:
            return None
        candidates = {entity_id: self._profile(entity_id) for entity_id in fuller}
        given = len(name_key(self.names[short_id][0]).split()) > 1
        return choose(candidates, context, self._background(), self._profile(short_id), given)

    def moved(self, short_id: int, full_id: int, context: Context, others: Sequence[int]) -> None:
        """One article's short form now links to the full name."""
        self.articles[short_id] -= 1
        self._count_entity(full_id, {full_id, *others}, context)
        self._add_alias(full_id, self.names[short_id][0])

    # -- certain identity ----------------------------------------------------------------

    def _resolve(self, record: EntityRecord) -> int:
        seen = (record.type, record.name, record.aliases)
        entity_id = self._strong.get(seen)
        if entity_id is None:
            entity_id = self._by_keys(record)
            if entity_id is None and record.type == "organization":
                entity_id = self._by_letters(record)
            if entity_id is None:
                entity_id = self._create(record.name, record.type)
            self._add_keys(entity_id, record)
            if record.keys:
                self._strong[seen] = entity_id
        self._add_aliases(entity_id, record)
        return entity_id

    def _by_keys(self, record: EntityRecord) -> int | None:
        """The entity of the record's own name, else of its other keys (the most named of them)."""
        own = self.by_key.get((record.type, record.key))
        if own is not None:
            return own
        found = {self.by_key[(record.type, key)] for key in record.keys if (record.type, key) in self.by_key}
        return max(found, key=lambda entity_id: (self.articles[entity_id], -entity_id)) if found else None

    def _by_letters(self, record: EntityRecord) -> int | None:
        return self.acronyms.dominant(record.key, self.articles) if record.is_acronym else None

    def acronym_merges(self) -> list[tuple[int, int]]:
        return self.acronyms.merges(self.articles)

    def merged(self, old: int, into: int) -> None:
        """Bookkeeping after `old` was merged into `into` (its keys, articles and name)."""
        for slot, entity_id in self.by_key.items():
            if entity_id == old:
                self.by_key[slot] = into
        self.articles[into] += self.articles.pop(old, 0)
        self.acronyms.forget(old, self.names[old][0])
        self._add_alias(into, self.names[old][0])
        self._strong = {seen: (into if entity_id == old else entity_id) for seen, entity_id in self._strong.items()}

    def _needs_evidence(self, record: EntityRecord) -> bool:
        if record.type != "person":
            return False
        if len(record.words) == 1:
            return True
        return (record.type, record.key) not in self.by_key and any(
            is_short_form(record.name, self.names[other][0]) for other in self.people.get(record.words[-1], ())
        )

    # -- short forms ---------------------------------------------------------------------

    def _resolve_short(self, record: EntityRecord, context: Context) -> int:
        surname = record.words[-1] if record.words else ""
        self.touched.add(surname)
        own = self.by_key.get(("person", record.key))
        fuller = [other for other in self.people.get(surname, ()) if is_short_form(record.name, self.names[other][0])]
        if fuller:
            candidates = {entity_id: self._profile(entity_id) for entity_id in fuller}
            own_profile = self._profile(own) if own is not None else None
            chosen = choose(candidates, context, self._background(), own_profile, len(record.words) > 1)
            if chosen is not None:
                self._add_aliases(chosen, record)
                return chosen
        return self._resolve(record)

    def _fuller(self, short_id: int) -> list[int]:
        name, kind = self.names[short_id]
        key = name_key(name)
        if kind != "person" or not key:
            return []
        surname = key.split()[-1]
        return [other for other in self.people.get(surname, ()) if is_short_form(name, self.names[other][0])]

    def _background(self) -> Background:
        return Background(self.total, self.articles.__getitem__, self.sources)

    def _profile(self, entity_id: int) -> Profile:
        profile = self.profiles.get(entity_id)
        if profile is None:
            loaded = self.load_profile(entity_id) if self.load_profile else Profile()
            profile = self.profiles[entity_id] = loaded
        return profile

    def _tracked_profile(self, entity_id: int) -> Profile | None:
        if self.load_profile is None and self.names[entity_id][1] == "person":
            return self._profile(entity_id)
        return self.profiles.get(entity_id)

    # -- the index and its changes -------------------------------------------------------

    def _create(self, name: str, kind: EntityType) -> int:
        entity_id = self.next_id
        self.next_id += 1
        self.names[entity_id] = (name, kind)
        self.changes.created[entity_id] = (name, kind)
        self._index(entity_id, name, kind)
        return entity_id

    def _index(self, entity_id: int, name: str, kind: EntityType) -> None:
        key = name_key(name)
        if not key:
            return
        if kind == "person":
            self.people[key.split()[-1]].add(entity_id)
            self.touched.add(key.split()[-1])
        elif kind == "organization":
            self.acronyms.index(entity_id, name)

    def _rename(self, entity_id: int, name: str) -> None:
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
        self._add_alias(entity_id, old)

    def _add_keys(self, entity_id: int, record: EntityRecord) -> None:
        for key in record.keys:
            if (record.type, key) not in self.by_key:
                self.by_key[(record.type, key)] = entity_id
                self.changes.keys.append((key, record.type, entity_id))

    def _add_aliases(self, entity_id: int, record: EntityRecord) -> None:
        name, kind = self.names[entity_id]
        if kind == "person" and record.name != name and len(record.name.split()) >= len(name.split()):
            self._rename(entity_id, preferred_name([name, record.name], kind))
        canonical = self.names[entity_id][0]
        for form in (record.name, *record.aliases):
            if form != canonical:
                self._add_alias(entity_id, form)

    def _add_alias(self, entity_id: int, alias: str) -> None:
        if (entity_id, alias) not in self.known_aliases:
            self.known_aliases.add((entity_id, alias))
            self.changes.aliases.append((entity_id, alias))
