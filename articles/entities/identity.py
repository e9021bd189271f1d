"""One real thing, one entity, across many articles: the single home of that decision, used
by `newsdesk parse` over its files (resolve.py) and by ingest over the archive (store/entities.py).

A name, a full alias or a variant from the table of well-known entities identifies an entity
for certain (the keys of record.py). A surname alone, or a shorter form of a person's name,
joins a full name only when the archive's evidence says so (evidence.py); otherwise it is its
own entity. An acronym joins the one name its letters spell ('EC', 'European Community')."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import cast

from articles.entities.evidence import Background, Context, Profile, choose
from articles.entities.index import Changes, EntityIndex
from articles.entities.normalize import name_key
from articles.entities.record import EntityRecord, alike_names, company_base, initials, is_short_form
from articles.entities.spelling import misspelt_of
from articles.model import EntityType

ProfileLoader = Callable[[int], Profile]


class Identities(EntityIndex):
    """Links each article's entities to the archive's. With no `load_profile`, every person's
    profile is kept in memory from the first article; with one, profiles are loaded when needed."""

    def __init__(self, load_profile: ProfileLoader | None = None) -> None:
        super().__init__()
        self.sources: Counter[str] = Counter()
        self.total = 0
        self.profiles: dict[int, Profile] = {}
        self.load_profile = load_profile
        self._strong: dict[tuple[EntityType, str, tuple[str, ...]], int] = {}

    def take_changes(self) -> Changes:
        """What to write; profiles loaded before it was written are loaded afresh after."""
        if self.load_profile is not None:
            self.profiles = {}
        return super().take_changes()

    # -- linking -------------------------------------------------------------------------

    def link_article(self, records: Sequence[EntityRecord], source: str | None, year: str | None) -> list[int]:
        """The entity id of each record of one article, found or created."""
        found = self.link_certain(records)
        if None not in found:
            ids = cast(list[int], found)  # most articles: every entity certain
        else:
            certain = frozenset(entity_id for entity_id in found if entity_id is not None)
            ids = self.link_rest(records, found, Context(certain, source or "", year or ""))
        self.count(ids, source or "", year or "")
        return ids

    def link_certain(self, records: Sequence[EntityRecord]) -> list[int | None]:
        """Ids of the records that identify their entity by themselves; None for the rest."""
        return [
            None if record.type == "person" and self._needs_evidence(record) else self._resolve(record)
            for record in records
        ]

    def link_rest(self, records: Sequence[EntityRecord], found: list[int | None], context: Context) -> list[int]:
        ids = []
        for record, entity_id in zip(records, found, strict=True):
            ids.append(entity_id if entity_id is not None else self._resolve_short(record, context))
        return ids

    def count(self, ids: Sequence[int], source: str, year: str) -> None:
        """Add one article, naming `ids`, to the evidence."""
        self.total += 1
        self.sources[source] += 1
        named = set(ids)
        self.articles.update(named)
        tracked = named if self.load_profile is None else named & self.profiles.keys()
        for entity_id in tracked:
            self._profile_add(entity_id, named, source, year)

    def _count_entity(self, entity_id: int, named: set[int], context: Context) -> None:
        self.articles[entity_id] += 1
        self._profile_add(entity_id, named, context.source, context.year)

    def _profile_add(self, entity_id: int, named: set[int], source: str, year: str) -> None:
        profile = self._tracked_profile(entity_id)
        if profile is not None:
            profile.add((other for other in named if other != entity_id), source, year)

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
        self.add_alias(full_id, self.names[short_id][0])

    # -- certain identity ----------------------------------------------------------------

    def _resolve(self, record: EntityRecord) -> int:
        seen = (record.type, record.name, record.aliases)
        entity_id = self._strong.get(seen)
        if entity_id is not None and self._company(record) in (None, entity_id):
            self.note_form(entity_id, record.name)  # its keys and aliases are in already
            return entity_id
        entity_id = self._company(record)
        if entity_id is None:
            entity_id = self._by_keys(record)
            if entity_id is None and record.type == "organization":
                entity_id = self._by_letters(record)
            if entity_id is None:
                entity_id = self.create(record.name, record.type, record.key)
            self.add_keys(entity_id, record)
            if record.keys:
                self._strong[seen] = entity_id
            self._pair_letters(entity_id, record)
        self.add_aliases(entity_id, record)
        return entity_id

    def _pair_letters(self, entity_id: int, record: EntityRecord) -> None:
        """'Commodity Credit Corp (CCC)' where 'CCC' alone is an organisation already: the
        letters stand for this one (merged once the ingest is in)."""
        if record.type != "organization" or " " not in record.key:
            return
        for key in record.keys:
            acronym = self.acronyms.letters_only.get(key)
            if acronym is not None and acronym != entity_id:
                self.acronyms.pair(key, entity_id)

    def _company(self, record: EntityRecord) -> int | None:
        """'Merrill Lynch', read as a person's name, is the 'Merrill Lynch and Co Inc' of the archive."""
        if record.type != "person":
            return None
        company = self.by_key.get(("organization", record.key))
        if company is None or company_base(name_key(self.names[company][0])) != record.key:
            return None
        return company

    def _by_keys(self, record: EntityRecord) -> int | None:
        """The entity of the record's own name, else of its other keys (the most named of them)."""
        own = self.by_key.get((record.type, record.key))
        if own is not None:
            return own
        misspelt = self._misspelt(record)
        if misspelt is not None:
            return misspelt
        found = {self.by_key[(record.type, key)] for key in record.keys if (record.type, key) in self.by_key}
        if " " in record.key and found:
            letters = {self.by_key.get((record.type, key)) for key in _letters_of(record)}
            found = {i for i in found if i not in letters or alike_names(record.key, name_key(self.names[i][0]))}
        return max(found, key=lambda entity_id: (self.articles[entity_id], -entity_id)) if found else None

    def _misspelt(self, record: EntityRecord) -> int | None:
        """The organisation this name is with one slip of the keyboard (the most named)."""
        if record.type != "organization" or " " not in record.key:
            return None
        named = self.acronyms.by_initials.get(initials(record.key), ())
        found = misspelt_of(record.key, ((entity_id, name_key(self.names[entity_id][0])) for entity_id in named))
        return max(found, key=lambda entity_id: (self.articles[entity_id], -entity_id)) if found else None

    def _by_letters(self, record: EntityRecord) -> int | None:
        return self.acronyms.dominant(record.key, self.articles) if record.is_acronym else None

    def take_merges(self) -> dict[int, int]:
        """Entities found to be others once an ingest is in (acronyms, and names under two
        types), merged here; returns each merged entity and the one it now is."""
        into = self.merge([*self.acronyms.merges(self.articles), *self.type_merges()])
        if into:
            self._strong = {seen: into.get(entity_id, entity_id) for seen, entity_id in self._strong.items()}
        return into

    def _needs_evidence(self, record: EntityRecord) -> bool:
        if " " not in record.key:
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
                self.add_aliases(chosen, record)
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


def _letters_of(record: EntityRecord) -> set[str]:
    """The keys of a name's acronyms ('ITC' of 'International Trade Commission'): letters stand
    for several names, so they make a name written out another one only when the two are alike
    ('Food and Agricultural Organisation (FAO)' is the 'Food and Agriculture Organization'; the
    'International Tin Council', which the archive's 'ITC' may already be, is another body)."""
    return {name_key(alias) for alias in record.aliases if " " not in alias and alias.replace(".", "").isupper()}
