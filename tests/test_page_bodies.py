"""A saved page's body is the article's prose: what sits inside the article's own container but
is not its text (a related story set between paragraphs, a shop link) goes, and its prose stays."""

from __future__ import annotations

from articles.formats import read_entries

PROSE = [
    "The city council in Bergen voted on Wednesday to expand the harbour, ending a debate that has "
    "divided the city for more than a decade.",
    '"This is a historic day for the harbour," said mayor Tomas Berger after the vote, which passed by 41 votes to 26.',
    "Construction is due to begin next spring and to last four years, according to the fisheries agency.",
]


def body_of(write, *paragraphs: str) -> str:  # type: ignore[no-untyped-def]
    html = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbour plan approved</title></head>'
        "<body><article><h1>Harbour plan approved</h1>" + "".join(paragraphs) + "</article></body></html>"
    )
    [entry] = list(read_entries(write("page.html", html)))
    assert entry.article is not None
    return entry.article.body_text


def test_a_related_story_link_between_paragraphs_goes(write) -> None:  # type: ignore[no-untyped-def]
    body = body_of(
        write,
        f"<p>{PROSE[0]}</p>",
        "<p><a href='https://courier.example/2021/05/ferry-prices'>Ferry prices rise again as fuel costs climb</a></p>",
        f"<p>{PROSE[1]}</p>",
        "<table><tr><td><strong>SHOP NOW:</strong> <a href='https://shop.example/x'>Harbour model kit for ages 8 and up</a></td></tr></table>",
        f"<p>{PROSE[2]}</p>",
    )
    assert "Ferry prices" not in body and "model kit" not in body
    assert all(paragraph[:40] in body for paragraph in PROSE)


def test_links_inside_prose_and_linked_sentences_stay(write) -> None:  # type: ignore[no-untyped-def]
    body = body_of(
        write,
        f"<p>{PROSE[0]}</p>",
        "<p>The <a href='https://council.example/plan'>full plan</a> is on the council's website.</p>",
        "<p><a href='https://council.example/vote'>The vote passed by 41 votes to 26.</a></p>",
        "<p><a href='#top'>Back to the top of the page and the main menu</a> of the site</p>",
        f"<p>{PROSE[1]}</p>",
    )
    assert "full plan" in body and "The vote passed by 41 votes to 26." in body


def test_cjk_paragraphs_with_links_stay(write) -> None:  # type: ignore[no-untyped-def]
    cjk = "【6月18日 AFP】ナイジェリア北東部ボルノ（<a href='/search?q=Borno'>Borno</a>）州で16日夜、自爆攻撃が起き、31人が死亡した"
    body = body_of(write, f"<p>{cjk}</p>", f"<p>{PROSE[0]}</p>", f"<p>{PROSE[1]}</p>")
    assert "ナイジェリア北東部ボルノ" in body
