"""Each shape of scraped article the parser knows, written here from scratch."""

from __future__ import annotations

import datetime as dt

from articles import parse_text

PARA = "The council voted on Tuesday to expand the harbour, officials said in a statement."


def test_markdown_title_and_date_line() -> None:
    article = parse_text(f"\n\n# Harbour Plan Approved\n\nMarch 3, 2021\n\n{PARA}\n")
    assert article.title == "Harbour Plan Approved"
    assert article.published == dt.date(2021, 3, 3)
    assert article.body == (PARA,)


def test_title_printed_twice_is_read_once() -> None:
    article = parse_text(f"Harbour plan approved\n\nHarbour plan approved\n\n{PARA}")
    assert article.title == "Harbour plan approved"
    assert article.body == (PARA,)


def test_byline_with_several_names_and_a_markdown_link() -> None:
    article = parse_text(f"Harbour plan\n\nBy Ana de la Cruz, Tom Hill and [Lee Park](#)\n\n{PARA}")
    assert article.byline == ("Ana de la Cruz", "Tom Hill", "Lee Park")


def test_agency_byline() -> None:
    assert parse_text(f"Harbour plan\n\nBy [AFP](#)\n\n{PARA}").byline == ("AFP",)


def test_sentence_starting_with_by_is_not_a_byline() -> None:
    article = parse_text(f"Harbour plan\n\nBy the end of the week the council had voted.\n\n{PARA}")
    assert article.byline is None


def test_original_url_block_gives_url_source_and_date() -> None:
    text = f"Harbour plan\n\n{PARA}\n\nOriginal url:\n\n<https://www.theguardian.com/uk/2021/mar/04/harbour>"
    article = parse_text(text)
    assert article.url == "https://www.theguardian.com/uk/2021/mar/04/harbour"
    assert article.source == "The Guardian"
    assert article.published == dt.date(2021, 3, 4)
    assert "Original url" not in article.body_text


def test_unknown_domain_is_its_own_source() -> None:
    article = parse_text(f"Harbour plan\n\n{PARA}\n\nURL: https://news.portcity-gazette.co.uk/a/1")
    assert article.source == "portcity-gazette.co.uk"


def test_wire_dateline_gives_the_agency_as_source() -> None:
    article = parse_text(f"Harbour plan\n\nOSLO (Reuters) - {PARA}")
    assert article.source == "Reuters"
    assert article.published is None


def test_photo_credit_is_not_a_source() -> None:
    article = parse_text(f"Harbour plan\n\nThe harbour at dawn. | Photo Credit: Reuters\n\n{PARA}")
    assert article.source is None
    assert article.captions == ("The harbour at dawn. | Photo Credit: Reuters",)


def test_date_only_inside_a_sentence() -> None:
    article = parse_text("Harbour plan\n\nThe council said on Monday (June 7, 2021) that work starts soon.")
    assert article.published == dt.date(2021, 6, 7)


def test_no_date_anywhere_is_null() -> None:
    assert parse_text(f"Harbour plan\n\n2 min read\n\n{PARA} It opens in May 2022.").published is None


def test_date_line_wins_over_caption_dates() -> None:
    text = f"Harbour plan\n\nMay 5, 2021\n\nCranes at work on May 4, 2021. (Jo Bloggs / Port Daily)\n\n{PARA}"
    article = parse_text(text)
    assert article.published == dt.date(2021, 5, 5)
    assert article.captions == ("Cranes at work on May 4, 2021. (Jo Bloggs / Port Daily)",)


def test_hard_wrapped_all_caps_wire_copy() -> None:
    text = (
        "HARBOUR EXPANSION APPROVED BY COUNCIL\n12-JUN-1987 10:01:02.00\n\n"
        "    OSLO, June 12 - The city council approved the harbour\n"
        "expansion today after a long debate among its members, the\n"
        "mayor's office said in a short statement.\n"
        "    Work is expected to begin next spring, it said, and to\n"
        "last for about three years in all.\n"
        " REUTER\n"
    )
    article = parse_text(text)
    assert article.title == "HARBOUR EXPANSION APPROVED BY COUNCIL"
    assert article.published == dt.date(1987, 6, 12)
    assert article.source == "Reuters"
    assert len(article.body) == 2
    assert article.body[0].startswith("OSLO, June 12 - The city council approved the harbour expansion today")


def test_comment_form_and_teasers_are_cut() -> None:
    text = (
        f"Harbour plan\n\n{PARA}\n\nRead also:\nMayor resigns over ferry deal\n\nLeave a Reply\n\n"
        "Your email address will not be published. Required fields are marked *\n\n"
        "You May Also Like\n\nFerry prices rise again in Bergen\n\nThe ferry operator said…"
    )
    article = parse_text(text)
    assert article.body == (PARA,)


def test_share_widgets_newsletters_and_promos_are_removed() -> None:
    text = (
        f"Harbour plan\n\nSave this storySave\n\n{PARA}\n\n"
        "[ Port news: How the harbour grew over a century ]\n\n"
        "Morning Briefing Daily. Sign up for our newsletter, delivered to your inbox.\n\n"
        "Read more: Ferry prices rise again\n\nAdvertisement\n\n"
        "The mayor welcomed the vote.\n\nreporter@portdaily.example\n\nSource link\n\nScroll to Top"
    )
    article = parse_text(text)
    assert article.body == (PARA, "The mayor welcomed the vote.")


def test_teaser_list_inside_the_body_is_removed() -> None:
    text = (
        f"Harbour plan\n\n{PARA}\n\nMost Popular\n\nBusiness\n\nTen Ferries You Should Ride This Summer\n\n"
        "Culture\n\nThe Harbour Song Everyone Is Humming\n\n"
        "The mayor welcomed the vote, saying the harbour would bring hundreds of jobs to the city."
    )
    assert len(parse_text(text).body) == 2


def test_notices_around_an_article_are_not_body() -> None:
    text = (
        f"Harbour plan\n\n{PARA}\n\n"
        "Some links on Port Daily are affiliate links: if you buy through them, we may earn a small commission.\n\n"
        "The mayor welcomed the vote.\n\n"
        "This story has been updated with additional developments.\n\n"
        "Follow Port Daily on Facebook and Twitter for more harbour news.\n\n"
        "Write to Kari Nordmann at kari.nordmann@portdaily.example\n\n"
        "© 2021 Port Daily Media, Inc. All rights reserved.\n\n"
        "-- By Ola Hansen Follow @olahansen\n\n(END)"
    )
    assert parse_text(text).body == (PARA, "The mayor welcomed the vote.")


def test_prose_about_copyright_updates_and_following_stays() -> None:
    kept = (
        "The court ruled that the copyright on the harbour song had expired, and that all rights reserved by "
        "the estate had lapsed in 2019.",
        "The council said the plan would be updated after the vote.",
        "Follow-up talks with the ferry operator are set for June.",
    )
    article = parse_text("Harbour plan\n\n" + "\n\n".join((PARA, *kept)))
    assert article.body == (PARA, *kept)


def test_a_more_from_heading_takes_its_teaser_list_with_it() -> None:
    text = (
        f"Harbour plan\n\n{PARA}\n\nMore Must-Reads From Port Daily\n\n- Ten Ferries You Should Ride\n\n"
        "- The Harbour Song Everyone Is Humming"
    )
    assert parse_text(text).body == (PARA,)


def test_reporting_credits_are_not_body() -> None:
    text = (
        f"Harbour plan\n\n{PARA}\n\n(Additional reporting by Kari Nordmann in OSLO; Editing by Ola Hansen)\n\n"
        "Port Daily's Jo Bloggs contributed to this report."
    )
    assert parse_text(text).body == (PARA,)


def test_gallery_caption_and_stray_lines() -> None:
    text = (
        f"Harbour plan\n\n1 of 4. Cranes at the harbour on Monday.\n\n{PARA}\n\n"
        "Ferry Operator Announces New Routes To The Northern Islands\n\nharbour cranes\n\n"
        "The mayor welcomed the vote."
    )
    article = parse_text(text)
    assert article.captions == ("1 of 4. Cranes at the harbour on Monday.",)
    assert article.body == (PARA, "The mayor welcomed the vote.")


def test_standfirst_between_title_and_metadata_is_the_subtitle() -> None:
    text = f"Harbour plan\n\nThe vote ends a decade of debate\n\nBy Tom Hill\n\nMay 5, 2021\n\n{PARA}"
    article = parse_text(text)
    assert article.subtitle == "The vote ends a decade of debate"
    assert article.byline == ("Tom Hill",)
    assert article.body == (PARA,)


def test_real_links_are_kept_and_dead_links_reduced() -> None:
    text = "Harbour plan\n\nThe [council](#) published [the plan](https://example.org/plan.pdf) today."
    assert parse_text(text).body == ("The council published [the plan](https://example.org/plan.pdf) today.",)


def test_dates_the_body_recalls_are_not_the_article_date() -> None:
    text = (
        "Singer dies at 66\n\nThe singer, born on 25 August 1938 in Leeds, died at home.\n\n"
        "Her first record came out on March 3, 1961, and sold a million copies."
    )
    assert parse_text(text).published is None


def test_wire_story_without_its_date_line_is_undated() -> None:
    text = "HARBOUR PLAN APPROVED\n\n    OSLO, June 12 - Exports to February 12, 1986 rose 3 pct, the board said.\n REUTER\n"
    assert parse_text(text).published is None


def test_a_date_that_ends_a_wrapped_sentence_is_not_a_date_line() -> None:
    text = (
        "ACME CORP 4TH QTR NET\n\n    DALLAS, March 5 - Net 5,521,000 vs NA\n    Revs 358.1 mln vs 359.0 mln\n"
        "    NOTE: Year-ago earnings not comparable\nbecause of its acquisition by Aancor Holdings Inc on\n"
        "April 29, 1986.\n Reuter\n"
    )
    assert parse_text(text).published is None


def test_navigation_lines_above_the_headline_are_not_the_title() -> None:
    text = f"Markets\n\nSign In\n\nBusiness\n\nHarbour expansion approved by the council\n\nMay 5, 2021\n\n{PARA}"
    article = parse_text(text)
    assert article.title == "Harbour expansion approved by the council"
    assert article.body == (PARA,)


def test_a_menu_word_above_the_headline_is_not_the_title() -> None:
    assert parse_text(f"Menu\n\nHarbour expansion approved by the council\n\n{PARA}").title.startswith("Harbour")


def test_a_short_title_over_its_standfirst_stays_the_title() -> None:
    text = f"Harbour Plan\n\nThe vote ends a decade of debate\n\nBy Tom Hill\n\n{PARA}"
    assert parse_text(text).title == "Harbour Plan"


def test_an_agency_byline_gives_the_source_when_there_is_no_url() -> None:
    assert parse_text(f"Harbour plan\n\nBy Reuters Staff\n\n{PARA}").source == "Reuters"
    assert parse_text(f"Harbour plan\n\nBy [Reuters](#)\n\n{PARA}").source == "Reuters"
    assert parse_text(f"Harbour plan\n\nBy Tom Hill\n\n{PARA}").source is None
