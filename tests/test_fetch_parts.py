"""The fetch's pieces on their own: which links may be fetched, bounded decompression, the
per-host scheduler, charsets from the server, and merging an item with its page."""

from __future__ import annotations

import gzip
import threading
import time
import zlib

import pytest

from articles.fetchable import fetchable_url, host_of
from articles.formats.assemble import Found
from articles.formats.fetched import Page, as_utf8, item_article
from articles.urls import safe_web_url
from feeds.decompress import Decoder
from feeds.errors import FetchError
from feeds.items import _validator
from feeds.schedule import HostPool
from tests.feedtexts import page


@pytest.mark.parametrize(
    ("link", "base", "expected"),
    [
        ("https://example.org/a", None, "https://example.org/a"),
        ("/story/1", "http://news.example.org/feed.xml", "http://news.example.org/story/1"),
        ("story/1", "http://news.example.org/rss/feed.xml", "http://news.example.org/rss/story/1"),
        ("//cdn.example.org/x", "https://news.example.org/", "https://cdn.example.org/x"),
        ("file:///etc/passwd", "http://news.example.org/", None),
        ("data:text/html,<b>x</b>", "http://news.example.org/", None),
        ("javascript:alert(1)", "http://news.example.org/", None),
        ("JavaScript:alert(1)", None, None),
        ("mailto:editor@example.org", None, None),
        ("http://exa mple.org/", None, None),
        ("http://example.org/\x1b[31m", None, None),
        ("http://:80/", None, None),
        ("http://example.org:99999/", None, None),
        ("", "http://news.example.org/", None),
        (None, None, None),
    ],
)
def test_only_http_and_https_links_are_fetchable(link: str | None, base: str | None, expected: str | None) -> None:
    assert fetchable_url(link, base) == expected


def test_web_url_and_host() -> None:
    assert safe_web_url(" https://Example.org/x ") == "https://Example.org/x"
    assert safe_web_url("https://x.org/" + "a" * 5000) is None
    assert host_of("http://Example.ORG:8080/x") == "example.org:8080"
    assert host_of("https://example.org/x") == "example.org"


def test_gzip_and_deflate_bodies_decode_in_any_chunks() -> None:
    data = b"<rss>" + b"news " * 10_000 + b"</rss>"
    for encoding, body in (
        ("gzip", gzip.compress(data)),
        ("gzip", gzip.compress(data[:100]) + gzip.compress(data[100:])),  # two members
        ("deflate", zlib.compress(data)),
        ("deflate", zlib.compress(data)[2:-4]),  # raw deflate, as some servers send it
        (None, data),
    ):
        decoder = Decoder(encoding, limit=len(data))
        out = b"".join(decoder.feed(body[start : start + 997]) for start in range(0, len(body), 997))
        assert out + decoder.finish() == data


def test_a_decompression_bomb_is_refused_without_inflating_it() -> None:
    bomb = gzip.compress(b"\0" * 20_000_000)
    decoder = Decoder("gzip", limit=100_000)
    with pytest.raises(FetchError, match="larger than 97 KB"):
        decoder.feed(bomb)
    assert decoder.total <= 100_001  # never more than the limit held


def test_bad_compressed_data_and_unasked_encodings_fail_plainly() -> None:
    with pytest.raises(FetchError, match="not valid gzip data"):
        Decoder("gzip", 1000).feed(b"not gzip at all")
    with pytest.raises(FetchError, match="'zstd', which newsdesk did not ask for"):
        Decoder("zstd", 1000)


def test_the_pool_runs_at_most_per_host_jobs_for_one_host_while_others_go_ahead() -> None:
    pool = HostPool(workers=4, per_host=1)
    running: dict[str, int] = {"slow": 0, "fast": 0}
    most = {"slow": 0, "fast": 0}
    lock = threading.Lock()

    def job(host: str) -> str:
        with lock:
            running[host] += 1
            most[host] = max(most[host], running[host])
        time.sleep(0.05 if host == "slow" else 0.0)
        with lock:
            running[host] -= 1
        return host

    for number in range(4):
        pool.submit("slow", number, lambda: job("slow"))
    for number in range(4):
        pool.submit("fast", number, lambda: job("fast"))
    order = []
    while pool.pending:
        outcome = pool.next(5)
        assert outcome is not None and outcome.error is None
        order.append(outcome.value)
    pool.close()
    assert most == {"slow": 1, "fast": 1}
    assert order[:4] == ["fast"] * 4  # the fast host did not wait behind the slow one


def test_a_failing_job_hands_back_its_error() -> None:
    pool = HostPool(workers=1, per_host=1)
    pool.submit("h", "tag", lambda: 1 / 0)
    outcome = pool.next(5)
    pool.close()
    assert outcome is not None and outcome.job.tag == "tag" and isinstance(outcome.error, ZeroDivisionError)


@pytest.mark.parametrize(
    ("data", "charset", "expected"),
    [
        ("Zürich".encode(), "iso-8859-1", "Zürich".encode()),  # valid UTF-8 wins over a wrong label
        ("Zürich".encode("latin-1"), "iso-8859-1", "Zürich".encode()),
        ("Москва".encode("koi8-r"), "KOI8-R", "Москва".encode()),
        ("Zürich".encode("latin-1"), "no-such-charset", "Zürich".encode("latin-1")),
        ("Zürich".encode("latin-1"), None, "Zürich".encode("latin-1")),
    ],
)
def test_the_servers_charset_is_used_only_where_the_bytes_need_it(
    data: bytes, charset: str | None, expected: bytes
) -> None:
    assert as_utf8(data, charset) == expected


def test_an_item_takes_its_pages_text_and_keeps_the_feeds_title_without_the_pages_headline() -> None:
    found = Found(title="Feed's own title", body="Short summary.", source="The Feed")
    made = item_article(found, "http://x.org/s", Page(page("The page headline", "pageword").encode(), "text/html"))
    assert not made.summary_only
    assert made.article.title == "Feed's own title" and made.article.source == "The Feed"
    assert made.article.body[0].startswith("Paragraph 1 of the report") and "pageword" in made.article.body_text


def test_a_feed_carrying_more_text_than_its_page_keeps_its_own() -> None:
    full = "\n\n".join(
        f"Full paragraph {n} of the story as the feed carries it whole, in its content." for n in range(30)
    )
    made = item_article(Found(title="Story", body=full), "http://x.org/s", Page(page("Story", "teaser").encode()))
    assert made.article.body_text.startswith("Full paragraph 0") and not made.summary_only


def test_an_item_without_a_page_says_why() -> None:
    made = item_article(Found(title="Story", body="Summary text."), None, None)
    assert made.summary_only and made.reason == "the item links to no web address"
    assert made.article.url is None


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ('"abc"', '"abc"'),
        ('W/"x-1"', 'W/"x-1"'),
        ('"a"\r\nX-Evil: 1', None),
        ("é", None),
        ("x" * 300, None),
        (None, None),
    ],
)
def test_validators_sent_back_are_plain_header_values(value: str | None, kept: str | None) -> None:
    assert _validator(value) == kept
