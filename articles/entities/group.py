"""Join the mentions of one article into entities: 'Putin' and 'Mr Putin' join 'Vladimir
Putin', 'YPG' joins 'People's Protection Units (YPG)', 'Baikal' joins 'Baikal Finance Group'."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from articles.entities.lexicon import Lexicon
from articles.entities.mentions import Mention
from articles.entities.normalize import fold, name_key
from articles.model import Entity, EntityType

_EVIDENCE_RANK = {
    "known": 0,
    "acronym": 1,
    "head": 2,
    "title": 3,
    "gazetteer": 4,
    "shape": 5,
    "context": 6,
    "fallback": 7,
}
_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "lord", "lady", "sir", "dame"})


@dataclass
class Group:
    """The mentions of one entity within an article."""

    type: EntityType
    mentions: list[Mention] = field(default_factory=list)
    canonical: str | None = None

    def surfaces(self) -> list[str]:
        return [mention.surface for mention in self.mentions]

    def name(self) -> str:
        if self.canonical:
            return self.canonical
        if self.type == "person":
            return max(self.surfaces(), key=lambda surface: (len(surface.split()), -self.surfaces().index(surface)))
        long_forms = [s for s in self.surfaces() if not s.isupper() or len(s) > 6] or self.surfaces()
        counts = Counter(long_forms)
        return max(long_forms, key=lambda surface: (counts[surface], len(surface), -long_forms.index(surface)))


def group_mentions(mentions: list[Mention], lex: Lexicon) -> list[Group]:
    groups: dict[str, Group] = {}
    singles: list[Mention] = []
    for mention in mentions:
        if mention.known is not None:
            _add(groups, name_key(mention.known.name), mention)
        elif mention.type is not None and (len(mention.words) > 1 or mention.evidence == "acronym"):
            _add(groups, mention.key, mention)
        else:
            singles.append(mention)
    _vote_types(groups)
    _join_persons(groups)
    for mention in singles:
        _place_single(mention, groups, lex)
    _join_acronyms(groups, mentions)
    return [group for group in groups.values() if _worth_keeping(group, lex)]


def _add(groups: dict[str, Group], key: str, mention: Mention) -> None:
    group = groups.get(key)
    if group is None:
        group = groups[key] = Group(mention.type or "organization")
        if mention.known is not None:
            group.canonical = mention.known.name
    group.mentions.append(mention)


def _vote_types(groups: dict[str, Group]) -> None:
    for group in groups.values():
        best = min(group.mentions, key=lambda m: _EVIDENCE_RANK.get(m.evidence, 9))
        if best.type is not None:
            group.type = best.type


def _join_persons(groups: dict[str, Group]) -> None:
    """'Tayyip Erdogan' joins 'Recep Tayyip Erdogan' when it is the only such longer name."""
    persons = {key: group for key, group in groups.items() if group.type == "person"}
    for key, group in sorted(persons.items(), key=lambda item: len(item[0].split())):
        words = key.split()
        longer = [other for k, other in persons.items() if k != key and _is_short_form(words, k.split())]
        if len(longer) == 1 and key in groups:
            longer[0].mentions.extend(group.mentions)
            del groups[key]


def _is_short_form(short: list[str], full: list[str]) -> bool:
    return len(short) < len(full) and short[-1] == full[-1] and set(short) <= set(full)


def _place_single(mention: Mention, groups: dict[str, Group], lex: Lexicon) -> None:
    key = mention.key
    persons = [g for k, g in groups.items() if g.type == "person" and len(k.split()) > 1 and k.split()[-1] == key]
    if len(persons) == 1:
        persons[0].mentions.append(mention)
        return
    if len(persons) > 1:
        return
    if key in groups:
        groups[key].mentions.append(mention)
        return
    if mention.type is None and not mention.person_cue:
        orgs = [g for k, g in groups.items() if g.type == "organization" and len(k.split()) > 1 and k.split()[0] == key]
        if len(orgs) == 1:
            orgs[0].mentions.append(mention)
            return
    if mention.type is not None:
        _add(groups, key, mention)


def _join_acronyms(groups: dict[str, Group], mentions: list[Mention]) -> None:
    """'Long Name (ACR)' and names whose initials spell an acronym used in the same article."""
    definitions = {name_key(m.acronym_of): m.key for m in mentions if m.acronym_of}
    for key in list(groups):
        group = groups.get(key)
        if group is None or not _is_acronym_group(group):
            continue
        target = definitions.get(key) or _spelled_by_initials(key, groups)
        if target and target in groups and target != key:
            groups[target].mentions.extend(group.mentions)
            del groups[key]


def _is_acronym_group(group: Group) -> bool:
    return all(mention.surface.replace(".", "").isupper() for mention in group.mentions) and group.canonical is None


def _spelled_by_initials(acronym: str, groups: dict[str, Group]) -> str | None:
    letters = acronym.replace(" ", "")
    matches = [
        key
        for key, group in groups.items()
        if len(key.split()) > 1 and group.type != "person" and _initials(key) == letters
    ]
    return matches[0] if len(matches) == 1 else None


def _initials(key: str) -> str:
    return "".join(word[0] for word in key.split() if word not in ("of", "for", "on", "the", "and", "&"))


def _worth_keeping(group: Group, lex: Lexicon) -> bool:
    """A lone capitalised word that only ever opens sentences is probably an ordinary word."""
    if any(not mention.initial for mention in group.mentions):
        return True
    if group.canonical is not None or any(len(m.words) > 1 for m in group.mentions):
        return all(fold(m.surface) not in lex.common_words for m in group.mentions)
    return False


def to_entities(groups: list[Group]) -> list[Entity]:
    entities = []
    for group in groups:
        name = group.name()
        name_form = name_key(name)
        aliases: list[str] = []
        seen = {name_form}
        for mention in group.mentions:
            forms = [mention.surface]
            if mention.title and fold(mention.title) in _HONORIFICS:
                forms.append(f"{mention.title.rstrip('.')} {mention.surface}")
            for form in forms:
                if form not in aliases and (name_key(form) not in seen or form != name):
                    if form != name:
                        aliases.append(form)
                    seen.add(name_key(form))
        entities.append(Entity(name, group.type, tuple(dict.fromkeys(aliases)), len(group.mentions)))
    return sorted(entities, key=lambda entity: (-entity.mentions, entity.name))
