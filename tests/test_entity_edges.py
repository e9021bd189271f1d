"""Names with the right edges and types: what stands before a name and is not part of it,
what only looks like a name, and clubs, companies and titles of works that are not people."""

from __future__ import annotations

import pytest

from articles import Article, Entity, parse_text
from articles.entities import extract_entities, resolve_articles


def typed(*body: str) -> set[tuple[str, str]]:
    return {(entity.name, entity.type) for entity in extract_entities("Story", body)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Treasury Secertary Tomas Berger said the plan would work.",  # a misspelt title
        "Harbour Represenative Tomas Berger said the plan would work.",
        "Chancellor of the Exchequer Tomas Berger said the plan would work.",
        "Liberal Democrat Tomas Berger said the plan would work.",
        "Green MEP Tomas Berger said the plan would work.",
        "Vice-President Tomas Berger said the plan would work.",
    ],
)
def test_descriptions_before_a_name_are_not_part_of_it(sentence: str) -> None:
    assert ("Tomas Berger", "person") in typed(sentence)
    assert not {name for name, _ in typed(sentence)} - {"Tomas Berger", "Liberal Democrats"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Shares fell on the New York Stock Exchange today.", ("New York Stock Exchange", "organization")),
        ("The European Community said it would cut farm prices.", ("European Community", "organization")),
        ("He said a US court ruled on the case.", ("United States", "place")),
        ("The Nordbank said it would hold rates.", ("Nordbank", "organization")),
        ("Exports to Czechoslovakia rose last year.", ("Czechoslovakia", "place")),
        ("A Harbour Radio spokesman said the BBC Sport show was cancelled.", ("BBC Sport", "organization")),
        (
            "Talks at the General Agreement on Tariffs and Trade (GATT) ended.",
            ("General Agreement on Tariffs and Trade", "organization"),
        ),
        (
            "The Nordic Harbour Council on Fishing and Trade said so.",
            ("Nordic Harbour Council on Fishing and Trade", "organization"),
        ),
    ],
)
def test_names_keep_their_words_and_get_their_type(sentence: str, expected: tuple[str, str]) -> None:
    assert expected in typed(sentence)


@pytest.mark.parametrize(
    ("sentence", "not_found"),
    [
        ("On Saturday U.S. officials said the talks had failed.", {"Saturday U.S.", "U.S. Officials"}),
        ("Ratings from S/P fell.", {"P", "S"}),
        ("Pay April One, Record March 20.", {"April One"}),
        ("Sir Alex Berger said United had played well.", {"United"}),
        ("The Who played at the festival.", {"World Health Organization"}),
        (
            "Imelda Okafor won for the film Vera Lindqvist, and the Anna Berg books sold well.",
            {"Vera Lindqvist", "Anna Berg"},
        ),
        ("Kidder, Peabody and Co Inc said it would buy Co Inc shares.", {"Co Inc"}),
    ],
)
def test_what_only_looks_like_a_name_is_not_an_entity(sentence: str, not_found: set[str]) -> None:
    assert not {name for name, _ in typed(sentence)} & not_found


def test_an_abbreviated_state_in_a_dateline_is_no_acronym() -> None:
    text = "SEARS TO CLOSE STORES\n\n    CHICAGO, ILL., March 3 - Sears Roebuck and Co said it would close stores.\n"
    assert "ILL" not in {entity.name for entity in parse_text(text).entities}


def test_a_company_named_with_and_without_its_suffix_is_one_company() -> None:
    found = typed("Harbour Lynch and Co Inc said it would sell the unit.", "Analysts at Harbour Lynch said so.")
    assert found == {("Harbour Lynch and Co Inc", "organization")}


def test_a_royal_title_stays_with_the_name_as_an_alias() -> None:
    entity = extract_entities("Oil", ("Saudi Arabia's King Fahd said oil prices must rise.",))
    assert "King Fahd" in next(e for e in entity if e.name == "Fahd").aliases


def _article(*entities: Entity) -> Article:
    return Article(title="t", body=(), entities=entities)


def test_an_acronym_joins_the_name_its_letters_spell_across_articles() -> None:
    full = Entity("Nordic Fisheries Protection Agency", "organization")
    articles = [_article(Entity("NFPA", "organization")), _article(full), _article(full)]
    assert {article.entities[0].name for article in resolve_articles(articles)} == {full.name}


def test_a_name_read_as_a_person_once_and_a_firm_often_is_the_firm() -> None:
    firm = Entity("Harbour Lynch", "organization")
    articles = [_article(Entity("Harbour Lynch", "person")), _article(firm), _article(firm)]
    assert {(e.name, e.type) for article in resolve_articles(articles) for e in article.entities} == {
        ("Harbour Lynch", "organization")
    }
