"""The word lists and gazetteers the extractor reasons with, loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from articles.data import load_json
from articles.entities.normalize import fold, name_key
from articles.model import EntityType

# A place this large is named in a headline even when the body does not name it.
MAJOR_PLACE_IN_TITLE = 1_000_000
# What a country that no longer exists counts as: a major place (its population is not kept).
FORMER_COUNTRY = MAJOR_PLACE_IN_TITLE


@dataclass(frozen=True)
class Known:
    """A well-known entity: its canonical name and type."""

    name: str
    type: EntityType


@dataclass(frozen=True)
class Lexicon:
    """Word classes (folded), gazetteers and the well-known entity table."""

    function_words: frozenset[str]
    non_entities: frozenset[str]
    titles: frozenset[str]
    roles: frozenset[str]
    person_verbs: frozenset[str]
    org_heads: frozenset[str]
    place_heads: frozenset[str]
    place_prefixes: frozenset[str]
    connectors: frozenset[str]
    name_particles: frozenset[str]
    suffixes: frozenset[str]
    excluded_heads: frozenset[str]
    event_prefixes: frozenset[str]
    direction_adjectives: frozenset[str]
    org_before_words: frozenset[str]
    surnames: frozenset[str]
    time_words: frozenset[str]
    facility_heads: frozenset[str]
    place_prefixes_strong: frozenset[str]
    org_openers: frozenset[str]
    demonyms: frozenset[str]
    given_names: frozenset[str]
    common_words: frozenset[str]
    known: dict[str, Known]
    known_orgs: frozenset[str]
    caps_only: frozenset[str]
    places: dict[str, int]
    countries: frozenset[str]
    person_surnames: frozenset[str]
    max_title_words: int
    title_starts: frozenset[str]
    long_name_starts: frozenset[str]


def _lines(name: str) -> list[str]:
    text = resources.files("articles.data").joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _known_table(file_name: str, kind: EntityType, known: dict[str, Known], caps: dict[str, bool]) -> None:
    """Read a table of well-known entities; `caps` says of each key whether every form of it is
    written in capitals."""
    for line in _lines(file_name):
        canonical, _, aliases = line.partition("\t")
        entry = Known(canonical.strip(), kind)
        forms = [form for form in (canonical, *aliases.split("|")) if form.strip()]
        labels = [label for label in map(_member_label, forms) if label] if kind == "organization" else []
        if kind == "organization":  # 'Federal Reserve Board', 'Fed Board': the body that runs it
            labels += [f"{form} {body}" for form in forms for body in _GOVERNING if not form.endswith(body)]
        for form in forms + labels:
            known.setdefault(name_key(form), entry)
            caps[name_key(form)] = caps.get(name_key(form), True) and form.replace(".", "").isupper()


_GOVERNING = ("Board", "System")


def _member_label(form: str) -> str | None:
    """'Lib Dem' of 'Lib Dems', 'Liberal Democrat' of 'Liberal Democrats': a party or body
    named for its members is named too by one member's label ('Lib Dem leader', 'a Lib Dem
    plan'). Only for names of several words: 'Hama' is not 'Hamas', nor 'Barclay' 'Barclays'."""
    words = form.split()
    last = words[-1] if len(words) > 1 else ""
    if not last.endswith("s") or last.endswith(("ss", "'s", "’s")) or not last[:1].isupper():
        return None
    return " ".join([*words[:-1], last[:-1]])


def _places() -> dict[str, int]:
    places: dict[str, int] = {}
    for line in _lines("places.tsv"):
        name, _, rest = line.partition("\t")
        population = int(rest.rsplit("\t", 1)[-1] or 0)
        key = name_key(name)
        places[key] = max(population, places.get(key, 0))
    for line in _lines("former_countries.tsv"):
        places.setdefault(name_key(line), FORMER_COUNTRY)
    return places


def _countries() -> list[str]:
    current = [name_key(line.split("\t", 1)[0]) for line in _lines("places.tsv") if "\tcountry\t" in line]
    return current + [name_key(line) for line in _lines("former_countries.tsv")]


@cache
def lexicon() -> Lexicon:
    words: dict[str, list[str]] = load_json("lexicon.json")
    known: dict[str, Known] = {}
    caps: dict[str, bool] = {}
    _known_table("known_places.tsv", "place", known, caps)
    _known_table("known_organizations.tsv", "organization", known, caps)
    people = _lines("known_people.txt")
    for person in people:
        known.setdefault(name_key(person), Known(person, "person"))
    titles = frozenset(fold(title) for title in words["titles"])
    common = frozenset(_lines("common_words.txt")) - frozenset(_countries())
    places = _places()
    return Lexicon(
        function_words=frozenset(words["function_words"]),
        non_entities=frozenset(fold(word) for word in words["non_entities"]),
        titles=titles,
        roles=frozenset(words["roles"]),
        person_verbs=frozenset(words["person_verbs"]),
        org_heads=frozenset(words["org_heads"]),
        place_heads=frozenset(words["place_heads"]),
        place_prefixes=frozenset(words["place_prefixes"]),
        connectors=frozenset(words["connectors"]),
        name_particles=frozenset(words["name_particles"]),
        suffixes=frozenset(words["suffixes"]),
        excluded_heads=frozenset(words["excluded_heads"]),
        event_prefixes=frozenset(words["event_prefixes"]),
        direction_adjectives=frozenset(words["direction_adjectives"]),
        org_before_words=frozenset(words["org_before_words"]),
        surnames=frozenset(fold(name) for name in _lines("surnames.txt")),
        time_words=frozenset(words["time_words"]),
        facility_heads=frozenset(words["facility_heads"]),
        place_prefixes_strong=frozenset(words["place_prefixes_strong"]),
        org_openers=frozenset(words["org_openers"]),
        demonyms=frozenset(fold(word) for word in _lines("demonyms.txt")),
        given_names=frozenset(_lines("given_names.txt")),
        common_words=common,
        known=known,
        known_orgs=frozenset(key for key, entry in known.items() if entry.type == "organization"),
        # 'WHO' is the World Health Organization; 'The Who' and 'who' are not.
        caps_only=frozenset(
            key for key, only in caps.items() if only and (key in words["function_words"] or key in common)
        ),
        places=places,
        countries=frozenset(_countries()),
        person_surnames=frozenset(fold(person.split()[-1]) for person in people),
        max_title_words=max(len(title.split()) for title in titles),
        title_starts=frozenset(title.split()[0] for title in titles),
        long_name_starts=_long_name_starts(known, places),
    )


def _long_name_starts(known: dict[str, Known], places: dict[str, int]) -> frozenset[str]:
    """First words of the well-known names and major places of more than one word (what a
    headline may name without the body saying it)."""
    keys = [*known, *(key for key, population in places.items() if population >= MAJOR_PLACE_IN_TITLE)]
    return frozenset(key.split(" ", 1)[0] for key in keys if " " in key)


def known_entity(surface: str, key: str, lex: Lexicon) -> Known | None:
    """The well-known entity a name is, if any: an acronym that is also a word ('WHO') only
    when written in capitals."""
    known = lex.known.get(key)
    if known is not None and key in lex.caps_only and not surface.replace(".", "").replace(" ", "").isupper():
        return None
    return known


def is_common(word: str, lex: Lexicon) -> bool:
    """An ordinary English word (or its plural, or its British spelling) in lower case."""
    folded = fold(word)
    for form in (folded, folded.replace("our", "or"), folded.replace("ise", "ize")):
        if form in lex.common_words or (form.endswith("s") and form[:-1] in lex.common_words):
            return True
    return False


def is_participle(word: str, lex: Lexicon) -> bool:
    """'Echoing', 'Citing', 'Responding': an ordinary verb's -ing form, which opens sentences
    and is no name ('Reading', 'Browning' and 'Downing' are names, and stay ones)."""
    folded = fold(word)
    if not folded.endswith("ing") or len(folded) < 6 or not folded.isalpha():
        return False
    if folded in lex.surnames or word in lex.given_names or name_key(word) in lex.places:
        return False
    stem = folded[:-3]
    undoubled = stem[:-1] if stem[-1] == stem[-2] else ""
    return any(form in lex.common_words for form in (stem, stem + "e", undoubled) if form)
