"""newsdesk fetch against feeds served on 127.0.0.1: full pages stored and searchable,
conditional GETs, new items added once, and every kind of failing feed listed while the
others go on."""

from __future__ import annotations

import pytest

from feeds.subscribe import add_feed
from store import Store
from tests.feedserver import FeedServer, closed_port, fetch
from tests.feedtexts import Item, atom, page, rdf, rss

RSS_TYPE = "application/rss+xml"


def serve_story(server: FeedServer, path: str, marker: str) -> str:
    return server.route(path, page(f"The {marker} report", marker))


@pytest.mark.parametrize("shape", [rss, atom, rdf], ids=["rss2", "atom", "rdf"])
def test_every_item_is_stored_with_the_text_only_its_page_has(
    feed_server: FeedServer, archive: Store, shape: object
) -> None:
    items = [Item(f"k{n}", f"Story {n}", serve_story(feed_server, f"/s{n}", f"marker{n}word")) for n in (1, 2)]
    add_feed(archive, feed_server.route("/feed", shape(f"{shape.__name__} news", items), content_type=RSS_TYPE))  # type: ignore[attr-defined, operator]

    report = fetch(archive)

    assert report.to_json() == {"feeds": 1, "added": 2, "updated": 0, "unchanged": 0, "failed": []}
    assert report.summaries == []
    for number in (1, 2):
        hits = archive.search(f"marker{number}word").hits
        assert [hit.title for hit in hits] == [f"Story {number}"]
        stored = archive.article(hits[0].id)
        assert stored is not None and stored.article.url == feed_server.url(f"/s{number}")
        assert len(stored.article.body) == 6  # the page's paragraphs, not its menu or footer


def test_a_second_fetch_sends_a_conditional_get_and_adds_nothing(feed_server: FeedServer, archive: Store) -> None:
    items = [Item("k1", "Story one", serve_story(feed_server, "/s1", "conditionalword"))]
    url = feed_server.route(
        "/feed", rss("News", items), content_type=RSS_TYPE, etag='"v1"', last_modified="Tue, 05 Mar 2024 10:00:00 GMT"
    )
    add_feed(archive, url)
    assert fetch(archive).added == 1

    again = fetch(archive)

    second = feed_server.hits("/feed")[-1]
    assert second.headers["if-none-match"] == '"v1"'
    assert second.headers["if-modified-since"] == "Tue, 05 Mar 2024 10:00:00 GMT"
    assert second.status == 304
    assert again.to_json() == {"feeds": 1, "added": 0, "updated": 0, "unchanged": 1, "failed": []}
    assert len(feed_server.hits("/s1")) == 1  # the page was not fetched again


def test_one_new_item_is_added_once(feed_server: FeedServer, archive: Store) -> None:
    first = Item("k1", "Story one", serve_story(feed_server, "/s1", "firstword"))
    add_feed(archive, feed_server.route("/feed", rss("News", [first]), content_type=RSS_TYPE, etag='"v1"'))
    fetch(archive)
    second = Item("k2", "Story two", serve_story(feed_server, "/s2", "secondword"))
    feed_server.route("/feed", rss("News", [second, first]), content_type=RSS_TYPE, etag='"v2"')

    report = fetch(archive)
    again = fetch(archive)

    assert (report.added, report.unchanged) == (1, 1)
    assert (again.added, again.unchanged) == (0, 2)
    assert archive.search("secondword").total == 1
    assert len(feed_server.hits("/s1")) == 1 and len(feed_server.hits("/s2")) == 1


def test_without_validators_a_second_fetch_still_adds_nothing(feed_server: FeedServer, archive: Store) -> None:
    add_feed(
        archive, feed_server.route("/feed", rss("News", [Item("k1", "One", serve_story(feed_server, "/s1", "w"))]))
    )
    fetch(archive)

    again = fetch(archive)

    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)
    assert "if-none-match" not in feed_server.hits("/feed")[-1].headers


def test_a_changed_item_is_updated_in_place_and_keeps_its_star(feed_server: FeedServer, archive: Store) -> None:
    link = serve_story(feed_server, "/s1", "beforeword")
    add_feed(archive, feed_server.route("/feed", rss("News", [Item("k1", "Story", link)])))
    fetch(archive)
    article_id = archive.search("beforeword").hits[0].id
    archive.mark([article_id], starred=True)
    serve_story(feed_server, "/s1", "afterword")
    feed_server.route("/feed", rss("News", [Item("k1", "Story (updated)", link)]))

    report = fetch(archive)

    assert (report.added, report.updated) == (0, 1)
    stored = archive.article(article_id)
    assert stored is not None and stored.starred and stored.article.title == "Story (updated)"
    assert archive.search("afterword").total == 1 and archive.search("beforeword").total == 0


def test_dead_feeds_are_listed_in_failed_while_the_others_go_on(feed_server: FeedServer, archive: Store) -> None:
    good = feed_server.route("/good", rss("Good", [Item("k1", "Fine", serve_story(feed_server, "/s1", "alive"))]))
    missing = feed_server.url("/missing")
    broken = feed_server.route("/broken", "oops", status=500, content_type="text/plain")
    refused = f"http://127.0.0.1:{closed_port()}/feed"
    for url in (missing, good, broken, refused):
        add_feed(archive, url)

    report = fetch(archive)

    failed = dict(report.failed)
    assert failed[missing] == "HTTP 404 Not Found"
    assert failed[broken] == "HTTP 500 Internal Server Error"
    assert failed[refused].startswith("could not connect")
    assert (report.feeds, report.added) == (4, 1)
    assert len(feed_server.hits("/broken")) == 2  # a 500 is tried again, once here
    assert len(feed_server.hits("/missing")) == 1  # a 404 is not


def test_a_feed_that_fails_at_first_is_tried_again_after_a_pause(feed_server: FeedServer, archive: Store) -> None:
    items = [Item("k1", "Story", serve_story(feed_server, "/s1", "patientword"))]
    add_feed(archive, feed_server.route("/feed", rss("News", items), fail_first=2))

    report = fetch(archive, retries=2)

    assert report.failed == [] and report.added == 1
    assert len(feed_server.hits("/feed")) == 3


def test_slow_and_looping_feeds_fail_within_their_limits(feed_server: FeedServer, archive: Store) -> None:
    slow = feed_server.route("/slow", rss("Slow", []), delay=5.0)
    loop = feed_server.route("/loop", status=302, headers={"Location": "/loop"})
    add_feed(archive, slow)
    add_feed(archive, loop)

    report = fetch(archive, timeout=0.3, retries=0, redirects=4)

    failed = dict(report.failed)
    assert failed[slow] == "timed out after 0.3 s"
    assert failed[loop] == "more than 4 redirects"
    assert len(feed_server.hits("/loop")) == 5


def test_a_redirect_is_followed_and_its_target_resolves_relative_links(feed_server: FeedServer, archive: Store) -> None:
    serve_story(feed_server, "/news/s1", "movedword")
    feed_server.route("/news/feed.xml", rss("Moved", [Item("k1", "Moved story", "s1")]))
    add_feed(archive, feed_server.route("/old", status=301, headers={"Location": "/news/feed.xml"}))

    report = fetch(archive)

    assert report.added == 1 and report.summaries == []
    assert archive.search("movedword").total == 1


def test_a_malformed_feed_fails_and_a_sloppy_one_still_gives_its_items(feed_server: FeedServer, archive: Store) -> None:
    garbage = feed_server.route("/garbage", "<rss><channel><<<>>> not a feed &&&", content_type=RSS_TYPE)
    sloppy_items = [Item("k1", "Sloppy", serve_story(feed_server, "/s1", "sloppyword"))]
    sloppy = feed_server.route("/sloppy", rss("Sloppy", sloppy_items).replace("</channel></rss>", ""))
    page_not_feed = feed_server.route("/homepage", page("Home", "home"))
    for url in (garbage, sloppy, page_not_feed):
        add_feed(archive, url)

    report = fetch(archive)

    failed = dict(report.failed)
    assert failed[garbage].startswith("feed holds no items")
    assert failed[page_not_feed] == "the address is a web page, not a feed"
    assert sloppy not in failed and archive.search("sloppyword").total == 1
