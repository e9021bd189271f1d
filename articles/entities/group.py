"""Join the mentions of one article into entities: 'Putin' and 'Mr Putin' join 'Vladimir
Putin', 'YPG' joins 'People's Protection Units (YPG)', 'Baikal' joins 'Baikal Finance Group'."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from articles.entities.letters import spelled_letters
from articles.entities.lexicon import Lexicon, is_common, is_participle
from articles.entities.mention import Mention
from articles.entities.normalize import fold, name_key
from articles.entities.pairs import pair_firms
from articles.entities.record import alike_names, company_key, short_words_of
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
# Titles that are part of how a person is named, kept as aliases ('Mr Putin', 'King Fahd').
_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "lord", "lady", "sir", "dame", "king", "queen", "prince", "princess", "pope", "emperor", "sultan", "emir", "sheikh", "sheik"})  # fmt: skip


@dataclass(slots=True)
class Group:
    """The mentions of one entity within an article."""

    type: EntityType
    mentions: list[Mention] = field(default_factory=list)
    canonical: str | None = None

    def surfaces(self) -> list[str]:
        return [mention.surface for mention in self.mentions]

    def name(self) -> str:
        """The known name, else the fullest form written in ordinary case."""
        if self.canonical:
            return self.canonical
        surfaces = self.surfaces()
        cased = [s for s in surfaces if not s.isupper()]
        if not cased:
            only = surfaces[0]
            return only if len(only) <= 6 and " " not in only and self.type != "place" else only.title()
        if len(cased) == 1:
            return cased[0]
        counts = Counter(cased)
        first = {surface: -index for index, surface in reversed(list(enumerate(cased)))}
        return max(counts, key=lambda surface: (len(surface.split()), counts[surface], first[surface]))


def group_mentions(mentions: list[Mention], lex: Lexicon) -> list[Group]:
    groups: dict[str, Group] = {}
    singles: list[Mention] = []
    pairs: list[Mention] = []  # 'Wagner and Brown': a firm, unless the article says they are people
    for mention in mentions:
        if mention.known is not None or (
            mention.type is not None and (len(mention.words) > 1 or mention.evidence == "acronym")
        ):
            if mention.pair is None or mention.type == "place":
                _add(groups, _group_key(mention), mention)  # most mentions: as _dispatch, inline
            else:
                pairs.append(mention)
        elif mention.pair is not None:
            pairs.append(mention)
        else:
            singles.append(mention)
    _vote_types(groups)
    _join_persons(groups)
    if pairs:
        firms_named = [key for key, group in groups.items() if group.type == "organization"]
        people, firms = pair_firms(pairs, mentions, _person_words(groups), firms_named)
        for mention in [*people, *firms]:
            _dispatch(mention, groups, singles)
    names = _NameIndex(groups)
    for mention in singles:
        _place_single(mention, groups, names)
    _settle_singles(groups)
    _join_acronyms(groups, mentions)
    return [group for group in groups.values() if _worth_keeping(group, lex)]


def _dispatch(mention: Mention, groups: dict[str, Group], singles: list[Mention]) -> None:
    """A known or typed name joins its group now; a lone word waits for the article's names."""
    if mention.known is not None or (
        mention.type is not None and (len(mention.words) > 1 or mention.evidence == "acronym")
    ):
        _add(groups, _group_key(mention), mention)
    else:
        singles.append(mention)


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
        longer = [other for k, other in persons.items() if k != key and short_words_of(words, k.split())]
        if len(longer) == 1 and key in groups:
            longer[0].mentions.extend(group.mentions)
            del groups[key]


def _person_words(groups: dict[str, Group]) -> set[str]:
    return {word for key, group in groups.items() if group.type == "person" and " " in key for word in key.split()}


class _NameIndex:
    """The article's names of more than one word, by first and last word: what a lone word
    may stand for. Lone words never add such names, so the index holds while they are placed."""

    def __init__(self, groups: dict[str, Group]) -> None:
        self.persons_ending: dict[str, list[Group]] = {}
        self.persons_starting: dict[str, list[Group]] = {}
        self.orgs_starting: dict[str, list[Group]] = {}
        for key, group in groups.items():
            words = key.split()
            if len(words) < 2:
                continue
            if group.type == "person":
                self.persons_ending.setdefault(words[-1], []).append(group)
                self.persons_starting.setdefault(words[0], []).append(group)
            elif group.type == "organization":
                self.orgs_starting.setdefault(words[0], []).append(group)


def _place_single(mention: Mention, groups: dict[str, Group], names: _NameIndex) -> None:
    """A lone word joins the one full name it can stand for: a surname, a first name, or
    the first word of an organisation's name ('Baikal' for 'Baikal Finance Group')."""
    key = mention.key
    persons = names.persons_ending.get(key, [])
    if len(persons) > 1:
        return
    if not persons and mention.evidence in ("shape", "unknown", "context", "known-surname", "fallback"):
        persons = names.persons_starting.get(key, [])
    if len(persons) == 1:
        persons[0].mentions.append(mention)
        return
    if key in groups:
        groups[key].mentions.append(mention)
        return
    if mention.evidence not in ("gazetteer", "acronym"):
        orgs = names.orgs_starting.get(key, [])
        if len(orgs) == 1:
            orgs[0].mentions.append(mention)
            return
    pending = groups.get("\0" + key)
    if pending is None:
        pending = groups["\0" + key] = Group("organization")
    pending.mentions.append(mention)


def _settle_singles(groups: dict[str, Group]) -> None:
    """A lone word nobody else explains is typed by all its mentions together: the cues
    ('said', ', a company', 'in') and the evidence (gazetteer, acronym) vote."""
    for key in [k for k in groups if k.startswith("\0")]:
        group = groups.pop(key)
        kind = _vote_single(group.mentions)
        if kind is not None:
            group.type = kind
            groups[key[1:]] = group


def _vote_single(mentions: list[Mention]) -> EntityType | None:
    if any(m.collective_cue for m in mentions) and all(m.type != "place" for m in mentions):
        return "organization"  # 'the Tanjug news agency' once says what 'Tanjug said' is
    votes: defaultdict[EntityType, float] = defaultdict(float)
    for mention in mentions:
        if mention.person_cue:
            votes["person"] += 1
        if mention.org_cue:
            votes["organization"] += 1.5
        if mention.type is not None and mention.evidence in ("gazetteer", "acronym", "known-surname", "head"):
            votes[mention.type] += 2
        elif mention.type is not None and mention.evidence == "context" and mention.place_cue:
            votes["place"] += 0.5
    if not votes:
        return None
    return max(votes, key=votes.__getitem__)  # the first of equals, as they were counted


def _join_acronyms(groups: dict[str, Group], mentions: list[Mention]) -> None:
    """'Long Name (ACR)' and names whose initials spell an acronym used in the same article."""
    definitions = {name_key(m.acronym_of): _group_key(m) for m in mentions if m.acronym_of}
    for key in list(groups):
        group = groups.get(key)
        if group is None or not _is_acronym_group(group):
            continue
        letters = name_key(group.mentions[0].surface)
        # The article's own 'Seemala Corp (UN)' outweighs the well-known meaning of the letters.
        target = definitions.get(letters) if letters in definitions else None
        if target is None and group.canonical is None:
            target = _spelled_by_initials(key, groups)
        if not target or target not in groups or target == key:
            continue
        if group.canonical is not None and alike_names(target, name_key(group.canonical)):
            group.mentions.extend(groups.pop(target).mentions)  # the well-known name, spelt its own way
        else:
            groups[target].mentions.extend(group.mentions)
            del groups[key]


def _group_key(mention: Mention) -> str:
    """The key of the group a named mention is in ('Acme Corp' is in 'acme')."""
    if mention.known is not None:
        return name_key(mention.known.name)
    return (company_key(mention.key) if mention.type == "organization" else None) or mention.key


def _is_acronym_group(group: Group) -> bool:
    return all(mention.surface.replace(".", "").isupper() and " " not in mention.surface for mention in group.mentions)


def _spelled_by_initials(acronym: str, groups: dict[str, Group]) -> str | None:
    letters = acronym.replace(" ", "")
    matches = [
        key
        for key, group in groups.items()
        if len(key.split()) > 1
        and group.type != "person"
        and acronym not in key.split()
        and (_initials(key) == letters or letters in spelled_letters(group.surfaces()))
    ]
    return matches[0] if len(matches) == 1 else None


def _initials(key: str) -> str:
    return "".join(word[0] for word in key.split() if word not in ("of", "for", "on", "the", "and", "&"))


def _worth_keeping(group: Group, lex: Lexicon) -> bool:
    """Capitalised words that only ever open sentences may be ordinary words: 'Tips State
    law requires…', 'Crumpled Bruins.' need better evidence than their capitals."""
    if group.type == "person" and group.canonical is None and any(m.work_cue for m in group.mentions):
        return False
    if any(not mention.initial for mention in group.mentions):
        return True
    if all(len(m.words) == 1 and (is_common(m.surface, lex) or is_participle(m.surface, lex)) for m in group.mentions):
        return False
    if any(m.person_cue or m.org_cue for m in group.mentions):
        return True
    if group.canonical is not None or any(m.evidence in ("head", "gazetteer", "acronym") for m in group.mentions):
        return all(fold(m.surface) not in lex.common_words for m in group.mentions)
    if any(len(m.words) > 1 for m in group.mentions):
        return not any(is_common(m.words[0], lex) for m in group.mentions)
    return False


def to_entities(groups: list[Group]) -> list[Entity]:
    entities = []
    for group in groups:
        name = group.name()
        name_form = name_key(name)
        aliases: list[str] = []
        seen = {name_form}
        done: set[tuple[str, str | None]] = set()
        for mention in group.mentions:
            # The same form a second time changes nothing: skip the work.
            if (mention.surface, mention.title) in done:
                continue
            done.add((mention.surface, mention.title))
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
