"""Names the extractor used to lose at archive scale: written the way news wires write them,
they were cut apart, joined to a neighbour or dropped. Every name here is invented."""

from __future__ import annotations

import pytest

from articles import Article, Entity
from articles.entities import extract_entities, resolve_articles


def typed(*body: str) -> set[tuple[str, str]]:
    return {(entity.name, entity.type) for entity in extract_entities("Story", body)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # An organisation's letters leading a body of ordinary words name the organisation too.
        ("The NFPA Commission rejected all bids.", {("NFPA", "organization"), ("NFPA Commission", "organization")}),
        ("He met the NFPA Delegation in Oslo.", {("NFPA", "organization")}),
        # Ordinary words capitalised across 'on' and 'and' are one name when neither side names anything.
        (
            "The plan violates the General Accord on Herring and Trade, he said.",
            {("General Accord on Herring and Trade", "organization")},
        ),
        # A quantity after a name is no designation ('Apollo 11' is).
        ("Output in the Nordic Fisheries Union 6.5 pct higher.", {("Nordic Fisheries Union", "organization")}),
        # 'Organization of X' is a name, not a description of a person called 'Exporting Countries'.
        (
            "an Organization of Herring Exporting Countries pact to curb output",
            {("Organization of Herring Exporting Countries", "organization")},
        ),
        # A body's long name, then a person's name, in one run of capitals.
        ("with Governor of the Bank of Narnia Robin Tallow-Vane.", {("Robin Tallow-Vane", "person")}),
        # 'X-appointed': the name before any lower-case past participle stands on its own.
        ("the Tallowby-appointed Herring Commission met.", {("Herring Commission", "organization")}),
        # Two names sharing one plural head.
        (
            "loans from the African and Asian Harbour Banks rose.",
            {("African Harbour Bank", "organization"), ("Asian Harbour Bank", "organization")},
        ),
        # A lone surname is a person's when 'has said' follows it as 'said' would.
        ("Inflation is high. Tallowvic has said it will fall.", {("Tallowvic", "person")}),
        # A well-known name spelt its own way, with its letters: the well-known one.
        (
            "Prices set by the Organisation of Petroleum Exporting Countries (OPEC) fell.",
            {("Organization of the Petroleum Exporting Countries", "organization")},
        ),
        # A person's firm: 'Ivan Tallowby's Seemala Corp' names both.
        (
            "a trader for Ivan Tallowby's Seemala Corp said.",
            {("Ivan Tallowby", "person"), ("Seemala Corp", "organization")},
        ),
    ],
)
def test_names_written_the_wire_way_are_found(sentence: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= typed(sentence)


@pytest.mark.parametrize(
    ("sentence", "not_found"),
    [
        ("He said Tallowby and Administration officials would lobby.", {"Tallowby and Administration"}),
        ("the House of Commons and House of Lords voted", {"House of Commons and House of Lords"}),
        ("He read Pride and Prejudice.", {"Pride and Prejudice"}),
        ("He flew KLM Royal Dutch Airlines.", {"KLM"}),  # the airline named in full, not two
        ("Spyware from the NSO Group was found.", {"NSO"}),
        ("Hitachi Ltd <HIT> and Seemala Corp <UN> said.", {"HIT", "UN", "United Nations"}),  # stock symbols
        ("SEEMALA <UN> TO BUY HITACHI", {"United Nations"}),
        ("Shares of Procter and Gamble Companies rose.", {"Procter Company", "Gamble Company"}),
    ],
)
def test_joining_rules_do_not_overreach(sentence: str, not_found: set[str]) -> None:
    assert not {name for name, _ in typed(sentence)} & not_found


def test_a_body_named_by_its_letters_is_no_expansion_of_them() -> None:
    """'VQ Quorum' spells 'VQ' by its initials ('V' of 'VQ', 'Q' of 'Quorum'); the
    letters still stand for the name written out elsewhere, not for the body they lead."""
    full = Entity("Vastland Quarries", "organization")
    body = Entity("VQ Quorum", "organization")
    articles = [
        _article(body),
        _article(body),
        _article(body),
        _article(Entity("VQ", "organization")),
        _article(full),
        _article(full),
    ]
    names = [article.entities[0].name for article in resolve_articles(articles)]
    assert names == [body.name] * 3 + [full.name] * 3


def test_letters_make_a_written_name_another_only_when_the_names_are_alike() -> None:
    """'ITC' is the 'Harbour Tin Council' of three articles; an article's 'Harbour Trade
    Commission (ITC)' is another body, and a misspelt 'Harbour Tin Counsil (ITC)' the same one."""
    council = Entity("Harbour Tin Council", "organization", ("ITC",))
    other = Entity("Harbour Trade Commission", "organization", ("ITC",))
    misspelt = Entity("Harbour Tin Counsil", "organization", ("ITC",))
    articles = [_article(council), _article(council), _article(council), _article(other), _article(misspelt)]
    names = [article.entities[0].name for article in resolve_articles(articles)]
    assert names == [council.name] * 3 + [other.name, council.name]


def _article(*entities: Entity) -> Article:
    return Article(title="t", body=(), entities=entities)
