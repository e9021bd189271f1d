"""Feeds and pages are untrusted: only http and https are fetched, sizes are capped before and
after decompression, charsets are not believed blindly, text is sanitised, and one host is
never sent more than a few requests at once."""

from __future__ import annotations

import gzip
from functools import partial

from feeds.subscribe import add_feed
from store import Store
from tests.feedserver import FeedServer, slowly
from tests.feedserver import fetch as quick_fetch
from tests.feedtexts import Item, page, rss

fetch = partial(quick_fetch, retries=0)


def test_links_that_are_not_http_are_never_fetched(feed_server: FeedServer, archive: Store) -> None:
    links = ["file:///etc/passwd", "data:text/html,<p>hi</p>", "javascript:alert(1)", "ftp://127.0.0.1/x"]
    items = [
        Item(f"k{n}", f"Item {n}", link, summary=f"Summary number {n} from the feed.") for n, link in enumerate(links)
    ]
    add_feed(archive, feed_server.route("/feed", rss("Hostile", items)))

    report = fetch(archive)

    assert [request.path for request in feed_server.requests] == ["/feed"]
    assert report.added == 4 and report.failed == []
    assert {reason for _, reason in report.summaries} == {"its link is not an http or https address"}
    for hit in archive.search("summary").hits:
        stored = archive.article(hit.id)
        assert stored is not None and stored.article.url is None  # a non-web link is not kept to be opened


def test_a_redirect_to_a_file_is_refused(feed_server: FeedServer, archive: Store) -> None:
    trap = feed_server.route("/trap", status=302, headers={"Location": "file:///etc/passwd"})
    add_feed(archive, feed_server.route("/feed", rss("News", [Item("k1", "Trap", trap, summary="The feed's text.")])))

    report = fetch(archive)

    assert report.summaries == [
        (trap, "the page could not be fetched: redirected to an address that is not http or https")
    ]


def test_oversize_bodies_are_refused_declared_or_not(feed_server: FeedServer, archive: Store) -> None:
    declared = feed_server.route("/declared", b"<rss>" + b" " * 400_000 + b"</rss>")
    streamed = feed_server.route("/streamed", stream=slowly(chunks=200, size=4096, pause=0))
    add_feed(archive, declared)
    add_feed(archive, streamed)

    report = fetch(archive)

    assert dict(report.failed) == {
        declared: "the response is larger than 256 KB",
        streamed: "the response is larger than 256 KB",
    }


def test_a_trickling_response_is_stopped_at_its_deadline(feed_server: FeedServer, archive: Store) -> None:
    trickle = feed_server.route("/trickle", stream=slowly(chunks=100, size=64, pause=0.05))
    add_feed(archive, trickle)

    report = fetch(archive, deadline=0.5)

    assert dict(report.failed) == {trickle: "the response took longer than 0.5 s"}


def test_a_gzip_body_is_read_and_a_gzip_bomb_refused(feed_server: FeedServer, archive: Store) -> None:
    story = feed_server.route("/s1", page("Zipped story", "zippedword"), gzip=True)
    zipped = feed_server.route("/zipped", rss("Zipped", [Item("k1", "Zipped story", story)]), gzip=True)
    bomb = feed_server.route(
        "/bomb", gzip.compress(b"<rss>" + b"\0" * 50_000_000), headers={"Content-Encoding": "gzip"}
    )
    add_feed(archive, zipped)
    add_feed(archive, bomb)

    report = fetch(archive)

    assert dict(report.failed) == {bomb: "the response is larger than 256 KB"}
    assert report.added == 1 and report.summaries == []
    assert archive.search("zippedword").total == 1
    assert feed_server.hits("/zipped")[0].headers["accept-encoding"] == "gzip, deflate"


def test_an_encoding_newsdesk_did_not_ask_for_is_refused(feed_server: FeedServer, archive: Store) -> None:
    odd = feed_server.route("/odd", b"\x00\x01", headers={"Content-Encoding": "br"})
    add_feed(archive, odd)

    assert dict(fetch(archive).failed) == {
        odd: "the server compressed the response as 'br', which newsdesk did not ask for"
    }


def test_a_wrong_declared_charset_does_not_garble_the_page(feed_server: FeedServer, archive: Store) -> None:
    utf8 = page("Café in Zürich", "mislabelledword").encode("utf-8")
    latin1 = page("Smörgås on sale", "latinword", charset_meta=None).encode("latin-1")
    wrong = feed_server.route("/s1", utf8, content_type="text/html; charset=iso-8859-1")
    right = feed_server.route("/s2", latin1, content_type="text/html; charset=iso-8859-1")
    items = [Item("k1", "", wrong, summary=""), Item("k2", "", right, summary="")]
    add_feed(archive, feed_server.route("/feed", rss("Charsets", items)))

    report = fetch(archive)

    assert report.added == 2 and report.summaries == []
    assert [hit.title for hit in archive.search("mislabelledword").hits] == ["Café in Zürich"]
    assert [hit.title for hit in archive.search("latinword").hits] == ["Smörgås on sale"]


def test_a_page_that_is_not_html_leaves_the_summary_and_says_so(feed_server: FeedServer, archive: Store) -> None:
    pdf = feed_server.route("/report.pdf", b"%PDF-1.4 binary", content_type="application/pdf")
    missing = feed_server.url("/gone")
    items = [
        Item("k1", "A report", pdf, summary="The report's summary, from the feed."),
        Item("k2", "Gone", missing, summary="A story whose page has gone."),
        Item("k3", "Nothing at all", missing, summary=""),
    ]
    add_feed(archive, feed_server.route("/feed", rss("Mixed", items)))

    report = fetch(archive)

    assert dict(report.summaries) == {
        pdf: "the page is application/pdf, not a web page",
        missing: "the page could not be fetched: HTTP 404 Not Found",
    }
    assert report.failed == [(feed_server.url("/feed") + "#k3", "no article text (a title at most)")]
    assert archive.search("summary").total == 1


def test_escape_sequences_and_markup_from_a_feed_are_never_stored(feed_server: FeedServer, archive: Store) -> None:
    story = feed_server.route("/s1", page("Plain \x1b]52;c;ZXZpbA==\x07headline", "escapeword"))
    title = "Evil \x1b[31mred\x1b[0m [bold]title[/bold] \u202eoverride"
    add_feed(archive, feed_server.route("/feed", rss("Feed \x1b[2J name", [Item("k1", title, story)])))

    fetch(archive)

    rows = archive.db.execute("SELECT title, body, source FROM articles").fetchall()
    feeds = archive.db.execute("SELECT title FROM feeds").fetchall()
    stored = " ".join(str(value) for row in (*rows, *feeds) for value in row)
    assert "\x1b" not in stored and "\u202e" not in stored and "\x07" not in stored
    assert "[bold]title[/bold]" in stored  # kept as text: it is shown with markup off


def test_one_host_gets_at_most_its_share_of_requests_at_once(feed_server: FeedServer, archive: Store) -> None:
    items = []
    for number in range(8):
        link = feed_server.route(f"/s{number}", page(f"Story {number}", f"word{number}"), delay=0.15)
        items.append(Item(f"k{number}", f"Story {number}", link))
    add_feed(archive, feed_server.route("/feed", rss("Busy", items)))

    report = fetch(archive, workers=6, per_host=2)

    assert report.added == 8
    assert feed_server.most_at_once <= 2
