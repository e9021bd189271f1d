"""A saved page's title is the headline it shows, without the site name or rubric that its
metadata title wraps around it."""

from __future__ import annotations

import pytest

from articles.formats import read_entries

BODY = """<p>The city council in Bergen voted on Wednesday to expand the harbour, ending a debate that has
divided the city for more than a decade. The plan adds two new quays and a ferry terminal.</p>
<p>"This is a historic day for the harbour," said mayor Tomas Berger after the vote, which passed
by 41 votes to 26. Opponents said the cost, estimated at 2.1 billion kroner, was too high.</p>"""


def page(title: str, heading: str = "", head: str = "") -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
        f'<body><div class="logo"><h1>Courier</h1></div><article>{heading}{BODY}</article></body></html>'
    )


def title_of(write, html: str) -> str:  # type: ignore[no-untyped-def]
    [entry] = list(read_entries(write("page.html", html)))
    assert entry.article is not None
    return entry.article.title


@pytest.mark.parametrize(
    "title",
    [
        "Harbour plan approved after long debate | The Bergen Courier",
        "Harbour plan approved after long debate - Local News - The Bergen Courier",
        "The Bergen Courier | Norway's news: Harbour plan approved after long debate",
        "Analysis: Harbour plan approved after long debate",
        "HARBOUR PLAN APPROVED AFTER LONG DEBATE — Courier",
    ],
)
def test_the_site_name_and_rubric_around_the_shown_headline_go(write, title: str) -> None:  # type: ignore[no-untyped-def]
    html = page(title, "<h1>Harbour plan approved after long  debate</h1>")
    assert title_of(write, html) == "Harbour plan approved after long debate"


def test_a_json_ld_headline_serves_where_the_page_has_no_h1_for_it(write) -> None:  # type: ignore[no-untyped-def]
    ld = '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "Harbour plan approved"}]}</script>'
    assert title_of(write, page("Harbour plan approved | Courier", head=ld)) == "Harbour plan approved"


def test_curly_and_straight_quotes_match_and_the_page_spelling_is_kept(write) -> None:  # type: ignore[no-untyped-def]
    html = page("Mayor: 'A historic day' for the harbour | Courier", "<h1>Mayor: ‘A historic day’ for the harbour</h1>")
    assert title_of(write, html) == "Mayor: ‘A historic day’ for the harbour"


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        # the h1 is only a part of the title, not cut off at a separator
        ("Harbour plan approved after long debate", "<h1>Harbour plan approved</h1>"),
        # the shown headline differs from the metadata one: the metadata title stands
        ("Council backs harbour plan", "<h1>Harbour plan approved after long debate</h1>"),
    ],
)
def test_a_title_that_is_not_a_decorated_headline_is_kept(write, title: str, heading: str) -> None:  # type: ignore[no-untyped-def]
    assert title_of(write, page(title, heading)) == title


def test_a_lone_logo_heading_is_not_the_title_the_stated_one_without_it_is(write) -> None:  # type: ignore[no-untyped-def]
    assert (
        title_of(write, page("Harbour plan approved after long debate | Courier"))
        == "Harbour plan approved after long debate"
    )


def test_a_headline_repeated_at_the_top_of_the_text_is_read_once(write) -> None:  # type: ignore[no-untyped-def]
    html = page("Harbour plan approved after long debate | Courier", "<p>Harbour plan approved after long debate</p>")
    html = html.replace("<h1>Courier</h1>", "<h1>Harbour plan approved after long debate</h1>")
    [entry] = list(read_entries(write("page.html", html)))
    assert entry.article is not None
    assert entry.article.title == "Harbour plan approved after long debate"
    assert not entry.article.body_text.startswith("Harbour plan")
