"""The feed commands end to end: `feed add`, then `fetch` against a feed served on 127.0.0.1,
search finding text only the page has, the exact `fetch --json` shape, `feed list`, `remove`,
and the `feed:` query field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import Store
from tests.feedserver import FeedServer
from tests.feedtexts import Item, page, rss
from tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "feeds.db")


def serve(server: FeedServer, path: str, title: str, markers: list[str]) -> str:
    items = [Item(m, f"{title} story {m}", server.route(f"{path}/{m}", page(f"{m} story", m))) for m in markers]
    return server.route(path, rss(title, items), content_type="application/rss+xml", etag='"one"')


def test_add_then_fetch_stores_full_pages_and_a_second_fetch_adds_nothing(
    capsys: pytest.CaptureFixture[str], feed_server: FeedServer, db: str
) -> None:
    url = serve(feed_server, "/world", "World", ["onlyonpage"])
    dead = feed_server.url("/dead")

    assert run(capsys, "feed", "add", url, "--db", db)[0] == 0
    assert run(capsys, "feed", "add", dead, "--name", "Dead feed", "--db", db)[0] == 0
    code, out, _ = run(capsys, "fetch", "--json", "--db", db)

    assert code == 1  # a feed failed
    assert json.loads(out) == {
        "feeds": 2,
        "added": 1,
        "updated": 0,
        "unchanged": 0,
        "failed": [{"url": dead, "error": "HTTP 404 Not Found"}],
    }
    code, out, _ = run(capsys, "search", "onlyonpage", "--json", "--db", db)
    assert [hit["title"] for hit in json.loads(out)] == ["World story onlyonpage"]
    code, out, _ = run(capsys, "fetch", "--json", "--db", db)
    assert json.loads(out)["added"] == 0 and json.loads(out)["unchanged"] == 1
    assert feed_server.hits("/world")[-1].status == 304


def test_fetch_without_json_says_what_it_did_and_what_failed(
    capsys: pytest.CaptureFixture[str], feed_server: FeedServer, db: str
) -> None:
    pdf = feed_server.route("/report.pdf", b"%PDF-1.4", content_type="application/pdf")
    url = feed_server.route("/feed", rss("Reports", [Item("k1", "A report", pdf, summary="What the report says.")]))
    run(capsys, "feed", "add", url, "--db", db)

    code, out, err = run(capsys, "fetch", "--db", db)

    assert code == 0
    assert out == "1 feed: 1 added (1 from the feed's summary only), 0 updated, 0 unchanged, 0 failed\n"
    assert err == f"summary only: {pdf}: the page is application/pdf, not a web page\n"


def test_feed_list_and_remove(capsys: pytest.CaptureFixture[str], feed_server: FeedServer, db: str) -> None:
    url = serve(feed_server, "/sport", "Sport", ["goal", "match"])
    run(capsys, "feed", "add", url, "--db", db)
    run(capsys, "fetch", "--db", db)

    code, out, _ = run(capsys, "feed", "list", "--json", "--db", db)
    listed = json.loads(out)
    assert code == 0 and len(listed) == 1
    assert listed[0]["url"] == url and listed[0]["title"] == "Sport" and listed[0]["articles"] == 2
    assert listed[0]["error"] is None and listed[0]["fetched"]
    code, out, _ = run(capsys, "feed", "list", "--db", db)
    assert out.startswith("Sport\t2 articles\tfetched ") and out.rstrip().endswith(url)

    code, out, _ = run(capsys, "feed", "remove", url, "--db", db)
    assert (code, out) == (0, f"unsubscribed from {url}; its 2 articles stay\n")
    assert json.loads(run(capsys, "feed", "list", "--json", "--db", db)[1]) == []
    assert json.loads(run(capsys, "search", "goal", "--json", "--db", db)[1])  # nothing stored is lost
    code, _, err = run(capsys, "feed", "remove", url, "--db", db)
    assert code == 2 and err.startswith("error: not subscribed to") and err.count("\n") == 1


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "example.com/feed", "http://"])
def test_only_web_addresses_can_be_subscribed(capsys: pytest.CaptureFixture[str], db: str, url: str) -> None:
    code, out, err = run(capsys, "feed", "add", url, "--db", db)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and "is not an http or https address" in err and err.count("\n") == 1


def test_adding_a_feed_twice_keeps_one_and_a_name_renames_it(capsys: pytest.CaptureFixture[str], db: str) -> None:
    url = "http://127.0.0.1:9/feed.xml"
    run(capsys, "feed", "add", url, "--db", db)
    code, _, err = run(capsys, "feed", "add", url, "--db", db)
    assert code == 0 and err == f"already subscribed to {url}\n"
    run(capsys, "feed", "add", url, "--name", "Local \x1b[31mnews", "--db", db)
    listed = json.loads(run(capsys, "feed", "list", "--json", "--db", db)[1])
    assert [(feed["url"], feed["name"]) for feed in listed] == [(url, "Local news")]


def test_fetch_with_no_subscriptions_says_how_to_add_one(capsys: pytest.CaptureFixture[str], db: str) -> None:
    assert run(capsys, "fetch", "--db", db)[0] == 2  # no archive there: refused, nothing created
    assert not Path(db).exists()
    run(capsys, "feed", "add", "https://example.org/feed.xml", "--db", db)
    run(capsys, "feed", "remove", "https://example.org/feed.xml", "--db", db)
    code, out, err = run(capsys, "fetch", "--db", db)
    assert code == 0 and out == ""
    assert "newsdesk feed add URL" in err


def test_the_feed_field_finds_the_articles_of_a_feed(
    capsys: pytest.CaptureFixture[str], feed_server: FeedServer, db: str
) -> None:
    world = serve(feed_server, "/world", "World News", ["treaty"])
    sport = serve(feed_server, "/sport", "Sport Daily", ["goal", "match"])
    run(capsys, "feed", "add", world, "--db", db)
    run(capsys, "feed", "add", sport, "--name", "Ballgames", "--db", db)
    run(capsys, "fetch", "--db", db)

    def titles(query: str) -> list[str]:
        return sorted(hit["title"] for hit in json.loads(run(capsys, "search", query, "--json", "--db", db)[1]))

    assert titles("feed:world") == ["World News story treaty"]
    assert (
        titles('feed:"sport daily"')
        == titles("feed:ballgames")
        == ["Sport Daily story goal", "Sport Daily story match"]
    )
    assert titles("feed:127.0.0.1 -feed:ballgames") == ["World News story treaty"]
    assert titles("feed:nosuchfeed") == []
    with Store.open(db) as store:
        from store.feeds import Subscriptions

        facets = Subscriptions(store).facets("goal OR treaty")
    assert [(facet.label, facet.articles) for facet in facets] == [("World News", 1), ("Ballgames", 1)]
