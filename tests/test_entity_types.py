"""What kind of thing a name is, from how news text marks it: a party's member label, a
business named by a plural noun, a verb opening a sentence, a month and its day in words."""

from __future__ import annotations

import pytest

from articles.entities import extract_entities


def typed(*body: str) -> set[tuple[str, str]]:
    return {(entity.name, entity.type) for entity in extract_entities("Story", body)}


def test_a_member_label_names_the_party_named_for_its_members() -> None:
    found = typed("Lib Dem home affairs spokesman Tomas Berger said the Lib Dem plans were costed.")
    assert ("Liberal Democrats", "organization") in found
    assert not {name for name, kind in found if kind == "person"} - {"Tomas Berger"}


@pytest.mark.parametrize("name", ["Tomas Banks", "Anna Fields", "Jorge Williams"])
def test_a_surname_that_is_also_a_plural_noun_stays_a_person(name: str) -> None:
    assert (name, "person") in typed(f"{name} said the plan would work.")


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Harris Graphics said its sales rose.", "Harris Graphics"),
        ("Korvana Traders said it would buy the unit.", "Korvana Traders"),
        ("Shares of Tomas Brothers fell.", "Tomas Brothers"),
    ],
)
def test_a_name_ending_in_a_plural_noun_is_a_business(sentence: str, name: str) -> None:
    assert (name, "organization") in typed(sentence)


@pytest.mark.parametrize(
    ("sentence", "not_found"),
    [
        ("Prices rose. Echoing Berger, Tomas Lindqvist said rates would rise.", {"Echoing Berger", "Echoing"}),
        ("Citing Norvania, the bank said so.", {"Citing Norvania"}),
        ("Qtly div 32 cts vs 32 cts prior. Pay May 15. Record May One.", {"May One"}),
        ("Pay May Eight to holders of record.", {"May Eight"}),
    ],
)
def test_a_verb_or_a_date_in_words_is_no_part_of_a_name(sentence: str, not_found: set[str]) -> None:
    assert not {name for name, _ in typed(sentence)} & not_found


def test_a_month_that_is_a_surname_stays_a_name() -> None:
    assert ("Theresa May", "person") in typed("Theresa May said the plan would work.")


@pytest.mark.parametrize(
    "body",
    [
        ("Kessler and Brown made a tender offer for the company.", "Kessler and Brown said it would sue."),
        ("The partnership includes investors Kessler and Brown and glass-maker Nordvik.",),
    ],
)
def test_two_surnames_named_together_are_one_firm(body: tuple[str, ...]) -> None:
    assert ("Kessler and Brown", "organization") in typed(*body)
    assert not {name for name, kind in typed(*body) if kind == "person"}


@pytest.mark.parametrize(
    "body",
    [
        ("Tomas Kessler and Anna Brown met.", "Kessler and Brown agreed, and Kessler and Brown left."),
        ("Mr Kessler spoke.", "Kessler and Brown agreed, and Kessler and Brown left."),
        ("Carmakers such as Hyundai, Kessler and Brown make cars there.",),
        ("The winners of the Burnley and Blackburn replay go through.",),  # two towns' clubs
    ],
)
def test_two_surnames_the_article_gives_as_people_or_a_list_are_no_firm(body: tuple[str, ...]) -> None:
    assert not any(" and " in name for name, _ in typed(*body))


def test_a_party_before_a_name_is_cut_off_and_kept_as_the_party() -> None:
    found = typed("Lib Dem Tomas Berger said the plan would fail.")
    assert found == {("Liberal Democrats", "organization"), ("Tomas Berger", "person")}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Tickets for the gig by rock band Franz Kessler sold out.", "Franz Kessler"),
        ("Franz Kessler frontman Tomas Berger said the album was done.", "Franz Kessler"),
        ("Norbury Villa striker Tomas Berger scored twice.", "Norbury Villa"),
        ("The literary agency Curtis Kessler signed her.", "Curtis Kessler"),
        ("Kessler Lindqvist analyst Tomas Berger said prices would fall.", "Kessler Lindqvist"),
    ],
)
def test_a_band_club_or_firm_news_text_names_as_one_is_no_person(sentence: str, name: str) -> None:
    found = typed(sentence)
    assert (name, "organization") in found
    assert (name, "person") not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Skating duo Jayne Kessler and Tomas Berger won gold.",  # a duo is two people
        "Documentary maker Tomas Berger won the prize.",
        "Berger aide Tomas Berger said so.",  # people have aides
    ],
)
def test_people_named_with_a_trade_stay_people(sentence: str) -> None:
    assert ("Tomas Berger", "person") in typed(sentence)


def test_a_company_in_angle_brackets_is_one_company_and_a_ticker_its_alias() -> None:
    found = extract_entities(
        "Offer",
        (
            "Nordvik Industries Inc <NVK> and <Kessler and Brown> made a tender offer.",
            "The investors Kessler and Brown said they would raise it. NVK shares rose.",
        ),
    )
    named = {(entity.name, entity.type, entity.aliases) for entity in found}
    assert named == {
        ("Nordvik Industries Inc", "organization", ("NVK",)),
        ("Kessler and Brown", "organization", ()),
    }


def test_a_generic_ministry_takes_the_name_of_the_country_the_article_names_most() -> None:
    found = typed(
        "The Finance Ministry said Norvania's exports rose.",
        "Norvania and Belmark agreed, and Norvania's central bank kept its rates.",
    )
    assert ("Finance Ministry (Japan)", "organization") in typed(
        "The Finance Ministry said Japan's exports rose.", "Japan and France agreed, and Japan kept its rates."
    )
    assert ("Finance Ministry", "organization") in found  # no country it knows: left as written
    tie = typed("The Finance Ministry said Japan and France agreed.")
    assert ("Finance Ministry", "organization") in tie  # two countries as often: left as written


def test_a_generic_ministry_is_not_the_same_entity_as_every_other_country_s() -> None:
    from articles.entities.record import record_of

    entities = extract_entities("Yen", ("The Finance Ministry said Japan would act.", "Japan and France met in Japan."))
    ministry = next(entity for entity in entities if entity.name.startswith("Finance Ministry"))
    assert "finance ministry" not in record_of(ministry).keys


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The official Tanjvik news agency said so. Tanjvik said it. Tanjvik said more.", ("Tanjvik", "organization")),
        ("The U.S. Treasury said it would sell bills.", ("U.S. Treasury", "organization")),
        ("Banque Norvik said it would cut rates.", ("Banque Norvik", "organization")),
        ("The Inter-Norvanian Development Bank lent more.", ("Inter-Norvanian Development Bank", "organization")),
        ("The Federal Reserve Board said rates would rise.", ("Federal Reserve", "organization")),
    ],
)
def test_what_names_an_institution_makes_it_one(sentence: str, expected: tuple[str, str]) -> None:
    assert expected in typed(sentence)


def test_what_a_person_owns_says_nothing_of_what_the_person_is() -> None:
    found = typed("Shearer moved within 12 of Tomas Berger's club scoring record of 200.")
    assert ("Tomas Berger", "organization") not in found


@pytest.mark.parametrize(
    ("sentence", "not_found"),
    [
        ("The Prime Minister said the plan would work.", {"Prime Minister"}),
        ("West German officials said the mark would rise.", {"West German"}),
        ("Banks lent to Latin American debtor countries.", {"Latin"}),
        ("LIBOR rose and FOB prices fell.", {"LIBOR", "FOB"}),
    ],
)
def test_titles_demonyms_and_market_terms_are_no_entities(sentence: str, not_found: set[str]) -> None:
    assert not {name for name, _ in typed(sentence)} & not_found


def test_a_saint_s_city_in_a_capitals_dateline_is_the_city() -> None:
    from articles import parse_text

    article = parse_text("SETS PAYOUT\n\n    ST. LOUIS, March 3 - Nordvik Co said it would pay.\n")
    assert ("St. Louis", "place") in {(entity.name, entity.type) for entity in article.entities}
    assert "LOUIS" not in {entity.name for entity in article.entities}


def test_a_partner_named_before_a_comma_belongs_to_the_firm() -> None:
    found = typed("Kessler, Sachs and Co said it would buy.", "In Paris, Lindqvist and Co said so.")
    assert ("Kessler, Sachs and Co", "organization") in found
    assert "Kessler" not in {name for name, _ in found}
    assert ("Paris", "place") in found


@pytest.mark.parametrize(
    "body",
    [
        "The U.S. Harbour Department said exports rose. USHD officials said so.",
        "The US Department of Harbours said exports rose. The USDH said so.",
    ],
)
def test_an_abbreviation_joins_a_name_written_either_way_round(body: str) -> None:
    found = extract_entities("Ports", (body,))
    assert len(found) == 1 and found[0].type == "organization"


def test_a_department_named_either_way_round_is_one_across_articles() -> None:
    from articles import Article, Entity
    from articles.entities import resolve_articles

    names = ["U.S. Harbour Department", "U.S. Department of Harbour", "U.S. Harbour Department"]
    articles = [Article(title="t", body=(), entities=(Entity(name, "organization"),)) for name in names]
    assert {article.entities[0].name for article in resolve_articles(articles)} == {"U.S. Harbour Department"}


@pytest.mark.parametrize(
    ("sentence", "not_person"),
    [
        ("The Dow Jones Industrial Average plunged 79 points.", "Jones Industrial Average"),
        ("It is guaranteed by the Bank of Nova Scotia, the bank said.", "Nova Scotia"),
        ("Saudi Arabia, Kuwait and the United Arab Emirates met.", "Arab Emirates"),
        ("Funding for the plan known as Star Wars was cut.", "Wars"),
    ],
)
def test_words_before_a_name_cut_off_only_when_they_describe_a_person(sentence: str, not_person: str) -> None:
    assert (not_person, "person") not in typed(sentence)
