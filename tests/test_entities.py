"""People, places and organisations: one entity per real thing, from the body only."""

from __future__ import annotations

from pathlib import Path

from articles import Article, Entity, parse_file, parse_text
from articles.entities import extract_entities, resolve_articles


def names(entities: tuple[Entity, ...], kind: str | None = None) -> set[str]:
    return {entity.name for entity in entities if kind is None or entity.type == kind}


def find(entities: tuple[Entity, ...], name: str) -> Entity:
    return next(entity for entity in entities if entity.name == name)


def test_a_later_surname_joins_the_full_name() -> None:
    body = (
        "Brazilian President Luiz Carvalho met Nadia Okafor in Lisbon on Monday.",
        "Carvalho said the talks went well. Mrs Okafor agreed, and Carvalho left for Madrid.",
    )
    entities = extract_entities("Leaders meet", body)
    person = find(entities, "Luiz Carvalho")
    assert person.type == "person" and person.mentions == 3 and "Carvalho" in person.aliases
    assert "Mrs Okafor" in find(entities, "Nadia Okafor").aliases
    assert {"Lisbon", "Madrid"} <= names(entities, "place")


def test_an_acronym_defined_in_passing_is_an_alias() -> None:
    body = ("The Northern Fisheries Protection Agency (NFPA) fined the trawler.", "The NFPA said it would appeal.")
    entity = find(extract_entities("Fine", body), "Northern Fisheries Protection Agency")
    assert entity.type == "organization" and "NFPA" in entity.aliases and entity.mentions == 3


def test_initials_join_a_name_used_in_the_same_article() -> None:
    body = ("Fighters of the Eastern Liberation Front clashed with police.", "The ELF denied it.")
    assert "ELF" in find(extract_entities("Clashes", body), "Eastern Liberation Front").aliases


def test_sentence_initial_and_headline_capitals_are_not_entities() -> None:
    body = ("Officials said nothing. Meanwhile, prices rose.", "However, Dancing crowds gathered. Residents cheered.")
    assert names(extract_entities("PRICES RISE AS CROWDS GATHER IN THE SQUARE", body)) == set()


def test_all_caps_wire_copy_finds_only_real_names() -> None:
    text = (
        "TRADE TALKS RESUME\n03-MAY-1987 10:00:00.00\n\n"
        "    OSLO, May 3 - Norway and Sweden resumed talks today, the\n"
        "trade ministry said, after a pause of two weeks in the dispute\n"
        "over fishing quotas in the North Sea.\n REUTER\n"
    )
    entities = parse_text(text).entities
    assert names(entities) == {"Oslo", "Norway", "Sweden", "North Sea"}
    assert "OSLO" in find(entities, "Oslo").aliases


def test_demonyms_titles_laws_and_events_are_not_entities() -> None:
    body = ("Turkish and Kurdish officials discussed the Clean Water Act and Operation Sandstorm with Republicans.",)
    assert names(extract_entities("Talks", body)) == set()


def test_organisation_names_keep_their_inner_words() -> None:
    body = (
        "The Centers for Disease Control and Prevention and the House Committee on Energy and Commerce met.",
        "Officials from the Turkish Defence Ministry and People's Protection Units attended.",
    )
    orgs = names(extract_entities("Meeting", body), "organization")
    assert {
        "Centers for Disease Control and Prevention",
        "House Committee on Energy and Commerce",
        "Turkish Defence Ministry",
        "People's Protection Units",
    } <= orgs


def test_lists_and_possessives_are_split() -> None:
    body = ("Greece and Turkey's ministers met in Ankara's old town with Russia and Iran.",)
    assert names(extract_entities("Talks", body), "place") == {"Greece", "Turkey", "Ankara", "Russia", "Iran"}


def test_context_types_unknown_names() -> None:
    body = (
        "Shares of Zentrovia, a logistics company based in Lyon, fell after Okonkwo Adeyemi said sales slipped.",
        "Adeyemi added that Zentrovia officials would meet investors.",
    )
    entities = extract_entities("Zentrovia falls", body)
    assert find(entities, "Zentrovia").type == "organization"
    assert find(entities, "Okonkwo Adeyemi").type == "person"


def test_captions_and_boilerplate_do_not_count(seeds: dict[str, Path]) -> None:
    teaser_names = {"Trump", "Donald Trump", "Blinken", "Abbas", "Denmark", "Ukraine", "WAFA", "Palestinian Authority"}
    assert not names(parse_file(seeds["001"]).entities) & teaser_names
    assert "Getty" not in names(parse_file(seeds["004"]).entities)


def test_spellings_of_one_thing_are_one_entity_across_articles(seeds: dict[str, Path]) -> None:
    articles = resolve_articles([parse_file(path) for path in seeds.values()])
    by_name: dict[str, set[str]] = {}
    for article in articles:
        for entity in article.entities:
            by_name.setdefault(entity.name, set()).update(entity.aliases)
    assert {"Türkiye", "Turkiye"} <= by_name["Turkey"]
    assert {"Tayyip Erdogan", "Erdogan"} <= by_name["Recep Tayyip Erdogan"]
    assert "Turkish Defense Ministry" in by_name["Turkish Defence Ministry"]
    assert not {"Türkiye", "Turkiye", "Tayyip Erdogan", "Erdogan", "Turkish Defense Ministry"} & set(by_name)


def _article(*names: str) -> Article:
    """An article naming people, and places written 'in:Bergen'."""
    entities = tuple(Entity(name[3:], "place") if name.startswith("in:") else Entity(name, "person") for name in names)
    return Article(title="t", body=(), entities=entities)


def _names(articles: list[Article]) -> list[str]:
    return [next(e.name for e in article.entities if e.type == "person") for article in articles]


def test_a_surname_joins_the_one_full_name_the_archive_names_it_by() -> None:
    resolved = resolve_articles([_article("Maria Lindqvist", "in:Bergen")] * 2 + [_article("Lindqvist", "in:Bergen")])
    assert _names(resolved) == ["Maria Lindqvist"] * 3


def test_a_full_name_seen_once_does_not_capture_a_surname() -> None:
    resolved = resolve_articles([_article("Maria Lindqvist"), _article("Lindqvist"), _article("Lindqvist")])
    assert _names(resolved) == ["Maria Lindqvist", "Lindqvist", "Lindqvist"]


def test_a_surname_shared_by_two_full_names_goes_with_the_one_its_context_names() -> None:
    maria = [_article("Maria Lindqvist", "in:Bergen", "in:Stavanger")] * 3
    erik = [_article("Erik Lindqvist", "in:Malmo", "in:Lund")] * 3
    resolved = resolve_articles([*maria, *erik, _article("Lindqvist", "in:Malmo", "in:Lund"), _article("Lindqvist")])
    assert _names(resolved)[-2:] == ["Erik Lindqvist", "Lindqvist"]


def test_british_and_american_spellings_and_diacritics_meet() -> None:
    first = Article(title="a", body=(), entities=(Entity("Nordic Defence Organisation", "organization"),))
    second = Article(title="b", body=(), entities=(Entity("Nordic Defense Organization", "organization"),))
    third = Article(title="c", body=(), entities=(Entity("Malmö", "place"),))
    fourth = Article(title="d", body=(), entities=(Entity("Malmo", "place"),))
    resolved = resolve_articles([first, second, third, fourth])
    assert resolved[0].entities[0].name == resolved[1].entities[0].name
    assert resolved[2].entities[0].name == resolved[3].entities[0].name


def test_huge_text_is_cut_before_extraction() -> None:
    body = ("Lisbon is sunny. " * 50_000,)
    entity = find(extract_entities("Weather", body), "Lisbon")
    assert entity.mentions < 50_000


def test_an_organisation_renamed_no_longer_spells_its_old_initials() -> None:
    """'Bay State Industries', renamed 'Baystate Industries' by use, stops standing against the
    other organisation that 'BSI' spells, as it would in an archive loaded afresh (where only
    the current name is indexed): otherwise an ingest and a second one disagree on 'BSI'."""
    from articles.entities.index import EntityIndex

    index = EntityIndex()
    acronym = index.create("BSI", "organization")
    renamed = index.create("Bay State Industries", "organization")
    other = index.create("Brown and Sons Inc", "organization")
    index.articles.update({acronym: 1, renamed: 30, other: 20})
    assert index.acronyms.dominant("bsi", index.articles) is None  # 30 against 20: neither dominates
    index.rename(renamed, "Baystate Industries")
    assert index.acronyms.dominant("bsi", index.articles) == other
    assert index.acronyms.merges(index.articles) == [(acronym, other)]


def test_a_person_named_like_a_company_joins_it_whichever_came_first() -> None:
    """'Merrill Lynch' read as a person in early stories, then 'Merrill Lynch and Co Inc': once
    the company is known, every 'Merrill Lynch' is the company, the earlier ones too (the
    later ones already were), however the counts compare."""
    from articles import Entity
    from articles.entities.identity import Identities
    from articles.entities.record import record_of

    identities = Identities()
    person = record_of(Entity("Merrill Lynch", "person", (), 1))
    company = record_of(Entity("Merrill Lynch and Co Inc", "organization", (), 1))
    early = [identities.link_article([person], "reuters", "1987")[0] for _ in range(5)]
    firm = identities.link_article([company], "reuters", "1987")[0]
    assert identities.link_article([person], "reuters", "1987") == [firm]
    assert identities.take_merges() == {early[0]: firm}
    assert identities.names[firm] == ("Merrill Lynch and Co Inc", "organization")


def test_a_name_with_one_slip_of_the_keyboard_is_the_same_organisation() -> None:
    """Wire copy is typed fast: 'Corportion' once among 'Corporation's is the same agency, and
    the name written most names it; 'Bank of Tokyo' and 'Bank of Tokyu' (short words) and
    'Eastern Airlines' and 'Western Airlines' stay apart."""
    from articles import Entity
    from articles.entities.identity import Identities
    from articles.entities.record import record_of

    identities = Identities()

    def link(name: str) -> int:
        return identities.link_article([record_of(Entity(name, "organization", (), 1))], "reuters", "1987")[0]

    right = [link("Commodity Credit Corporation") for _ in range(3)]
    assert link("Commodity Credit Corportion") == right[0]
    assert identities.names[right[0]][0] == "Commodity Credit Corporation"
    assert link("Bank of Tokyo") != link("Bank of Tokyu")
    assert link("Eastern Airlines") != link("Western Airlines")


def test_one_slip() -> None:
    from articles.entities.spelling import one_slip

    assert one_slip("administration", "administrtation")  # one letter more
    assert one_slip("agreement", "agreeement")
    assert one_slip("secretary", "secertary")  # two letters swapped
    assert not one_slip("secretary", "secratery")  # two changed
    assert one_slip("corporation", "corporatiom")  # one changed
    assert not one_slip("industries", "industrial")
    assert not one_slip("same", "same")


def test_letters_written_beside_a_name_join_it_though_other_names_share_the_initials() -> None:
    """'CCC' alone in some stories, then 'Commodity Credit Corp (CCC)': the article says what
    the letters stand for, so 'CCC' joins it, though 'Coca-Cola Co' has the same initials and
    as many articles (by initials alone neither would dominate)."""
    from articles import Entity
    from articles.entities.identity import Identities
    from articles.entities.record import record_of

    identities = Identities()

    def link(name: str, *aliases: str) -> int:
        record = record_of(Entity(name, "organization", aliases, 1))
        return identities.link_article([record], "reuters", "1987")[0]

    def link_times(name: str, times: int) -> int:
        (entity_id,) = {link(name) for _ in range(times)}
        return entity_id

    soft_drinks = link_times("Coca-Cola Co", 5)
    full = link_times("Commodity Credit Corp", 4)
    letters = link_times("CCC", 3)
    assert link("Commodity Credit Corp", "CCC") == full
    assert len({full, letters, soft_drinks}) == 3
    assert identities.take_merges() == {letters: full}
