"""Web pages, feeds and JSON records become articles; what holds no article is refused with a reason."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from articles import ParseError
from articles.formats import read_entries
from articles.formats.records import record_parts
from articles.formats.sniff import sniff

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour plan approved after long debate | The Bergen Courier</title>
<meta property="og:title" content="Harbour plan approved after long debate">
<meta property="og:site_name" content="The Bergen Courier">
<meta property="article:published_time" content="2021-05-05T10:00:00+02:00">
<meta name="author" content="Maria Lindqvist">
<link rel="canonical" href="https://www.bergencourier.example/news/harbour-plan">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="advert">Buy now! Great deals on boats and outboard motors this week only.</div>
<article>
<h1>Harbour plan approved after long debate</h1>
<p>The city council in Bergen voted on Wednesday to expand the harbour, ending a debate that has
divided the city for more than a decade. The plan adds two new quays and a ferry terminal.</p>
<p>"This is a historic day for the harbour," said mayor Tomas Berger after the vote, which passed
by 41 votes to 26. Opponents said the cost, estimated at 2.1 billion kroner, was too high.</p>
<p>Construction is due to begin next spring and to last four years, according to the Northern
Fisheries Agency, which will oversee the work.</p>
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Ferry prices rise again</a></li>
<li><a href="/b">Council budget passed</a></li></ul></aside>
<div id="comments" class="comments"><h3>Comments</h3><p>Great news, finally! Posted by Bob at 10:04.</p></div>
<footer>© 2021 The Bergen Courier. All rights reserved. Privacy policy. Cookie settings.</footer>
</body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Bergen Courier</title><link>https://bergencourier.example/</link>
<item><title>Harbour plan approved</title><link>https://bergencourier.example/a</link>
<guid>https://bergencourier.example/a</guid><pubDate>Wed, 05 May 2021 23:30:00 -0400</pubDate>
<dc:creator>Maria Lindqvist</dc:creator>
<description>&lt;p&gt;The council in Bergen voted to expand the harbour.&lt;/p&gt;&lt;p&gt;Work starts next year.&lt;/p&gt;</description></item>
<item><title>Ferry prices rise &amp; queues grow</title><link>https://bergencourier.example/b</link>
<pubDate>Thu, 06 May 2021 08:00:00 GMT</pubDate><description>Ferry prices rose by ten percent on Thursday.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Times</title>
<entry><title>Dam opens</title><link href="https://valley.example/dam"/><id>tag:valley.example,2019:dam</id>
<updated>2019-04-09T08:00:00Z</updated><author><name>Lucia Moreno</name></author>
<content type="html">&lt;p&gt;The new dam on the river opened on Tuesday after six years of work.&lt;/p&gt;</content></entry>
</feed>
"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://old.example/"><title>Old Wire</title><link>https://old.example/</link></channel>
<item rdf:about="https://old.example/1"><title>Rates held</title><link>https://old.example/1</link>
<dc:date>2003-06-10</dc:date><description>The bank held its rates on Tuesday.</description></item>
</rdf:RDF>
"""


def entries(write, name: str, content: str | bytes) -> list:  # type: ignore[no-untyped-def, type-arg]
    return list(read_entries(write(name, content)))


@pytest.mark.parametrize(
    ("head", "name", "kind"),
    [
        (b"<!DOCTYPE html><html><body><p>x</p>", "page.txt", "html"),
        (b"\xef\xbb\xbf  <html lang=en>", "a", "html"),
        (b"<!-- saved from url=(0042) --><html>", "a.htm", "html"),
        (b"<div><p>a fragment</p></div>", "a", "html"),
        (b'<?xml version="1.0"?>\n<rss version="2.0">', "feed.txt", "feed"),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "a.xml", "feed"),
        (b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'>", "a", "feed"),
        (b'<?xml version="1.0"?><svgdoc><x/></svgdoc>', "a.xml", "xml"),
        (b'[\n  {"title": "a"}', "a.txt", "records"),
        (b'{"title": "a", "body": "b"}\n{"title": "c"}', "a.html", "records"),
        (b"<https://example.org/a>\nTitle", "a.txt", "text"),
        (b"<Cinram Ltd> 4Th Qtr Net\n\nShr 45 cts vs 58 cts", "a.txt", "text"),
        (b"<BP> said it would buy <Gulfex Inc>\n\nText", "a.txt", "text"),
        (b"[Photo] A caption then text", "a.txt", "text"),
        (b"Harbour plan approved\n\nThe council voted.", "a.html", "text"),
        ("<html><body>ü</body></html>".encode("utf-16"), "a", "html"),
    ],
)
def test_a_format_is_told_by_its_content(head: bytes, name: str, kind: str) -> None:
    assert sniff(head, name) == kind


def test_a_saved_page_gives_its_article_and_metadata(write) -> None:  # type: ignore[no-untyped-def]
    [entry] = entries(write, "page.html", PAGE)
    article = entry.article
    assert article.title == "Harbour plan approved after long debate"
    assert article.published == dt.date(2021, 5, 5)
    assert article.url == "https://www.bergencourier.example/news/harbour-plan"
    assert article.source == "The Bergen Courier"
    assert article.byline == ("Maria Lindqvist",)
    body = article.body_text
    assert body.startswith("The city council in Bergen voted") and "oversee the work." in body
    for boilerplate in ("Home", "Buy now", "Related stories", "Ferry prices", "Great news", "All rights"):
        assert boilerplate not in body
    assert {"Tomas Berger", "Bergen"} <= {entity.name for entity in article.entities}


def test_a_page_saved_as_text_is_still_read_as_a_page(write) -> None:  # type: ignore[no-untyped-def]
    [entry] = entries(write, "page.txt", PAGE)
    assert entry.article.title == "Harbour plan approved after long debate"
    assert "<" not in entry.article.body_text


def test_broken_html_still_gives_its_text(write) -> None:  # type: ignore[no-untyped-def]
    broken = PAGE.replace("</p>", "").replace("</article>", "").replace("</body></html>", "<div><span")
    [entry] = entries(write, "broken.html", broken)
    assert entry.article.title == "Harbour plan approved after long debate"
    assert "historic day for the harbour" in entry.article.body_text


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Login</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
        "<!DOCTYPE html><html><body></body></html>",
        "<html><body><script>var a = '<p>' + 'x';</script></body></html>",
    ],
)
def test_markup_without_an_article_is_refused(write, page: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ParseError, match="no article text"):
        entries(write, "empty.html", page)


def test_xml_that_is_no_feed_is_refused_not_stored_as_markup(write) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ParseError, match="neither a web page nor an RSS or Atom feed"):
        entries(write, "data.xml", '<?xml version="1.0"?><catalog><book id="1"/></catalog>')


def test_escape_sequences_in_character_references_are_removed(write) -> None:  # type: ignore[no-untyped-def]
    page = PAGE.replace("ending a debate", "ending &#27;]52;c;eA==&#7; a &#x1b;[2Jdebate").replace(
        "<title>Harbour", "<title>&#x1b;[31mHarbour"
    )
    [entry] = entries(write, "page.html", page)
    text = entry.article.title + entry.article.body_text
    assert "\x1b" not in text and "\x07" not in text and "ending a debate" in text


def test_a_page_in_a_declared_legacy_encoding_is_decoded(write) -> None:  # type: ignore[no-untyped-def]
    page = PAGE.replace('charset="utf-8"', 'charset="koi8-r"').replace("Tomas Berger", "Томас Бергер")
    [entry] = entries(write, "page.html", page.encode("koi8-r"))
    assert "Томас Бергер" in entry.article.body_text


@pytest.mark.parametrize(("feed", "count"), [(RSS, 2), (ATOM, 1), (RDF, 1)])
def test_every_feed_item_is_an_article_with_its_own_date(write, feed: str, count: int) -> None:  # type: ignore[no-untyped-def]
    found = entries(write, "feed.xml", feed)
    assert len(found) == count and all(entry.article is not None for entry in found)
    assert all(entry.article.published is not None for entry in found)


def test_an_rss_item_keeps_its_link_author_local_date_and_the_feed_as_source(write) -> None:  # type: ignore[no-untyped-def]
    first, second = entries(write, "feed.rss", RSS)
    assert first.key == "https://bergencourier.example/a"
    article = first.article
    assert article.title == "Harbour plan approved"
    assert article.published == dt.date(2021, 5, 5)  # the date the feed states, not shifted to UTC
    assert article.url == "https://bergencourier.example/a"
    assert article.byline == ("Maria Lindqvist",) and article.source == "Bergen Courier"
    assert article.body == ("The council in Bergen voted to expand the harbour.", "Work starts next year.")
    assert second.article.title == "Ferry prices rise & queues grow"


def test_an_atom_entry_gives_its_author_and_content(write) -> None:  # type: ignore[no-untyped-def]
    [entry] = entries(write, "feed.atom", ATOM)
    assert entry.article.byline == ("Lucia Moreno",) and entry.article.source == "Valley Times"
    assert entry.article.published == dt.date(2019, 4, 9) and "six years of work" in entry.article.body_text


def test_a_malformed_feed_gives_the_items_it_can(write) -> None:  # type: ignore[no-untyped-def]
    broken = RSS.replace("</channel></rss>", "<item><title>Cut off <b>here</title>").replace("&amp;", "&")
    found = entries(write, "broken.xml", broken)
    assert [entry.article.title for entry in found if entry.article][:2] == [
        "Harbour plan approved",
        "Ferry prices rise & queues grow",
    ]


def test_a_feed_without_items_is_refused_with_a_reason(write) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ParseError, match="feed holds no items"):
        entries(write, "empty.rss", '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>')


def test_a_feed_item_without_text_is_named(write) -> None:  # type: ignore[no-untyped-def]
    feed = RSS.replace(
        "</channel>", "<item><title>Only a headline</title><link>https://b.example/c</link></item></channel>"
    )
    last = entries(write, "feed.xml", feed)[-1]
    assert last.article is None and last.label == "#3" and "no article text" in (last.error or "")


RECORDS = [
    {"title": "Rates held", "body": "The central bank held rates on Monday.", "date": "2020-03-02", "url": "https://x.example/1"},
    {"headline": "Prices rose", "text": "<p>Prices rose.</p><p>Markets fell.</p>", "publishedAt": "2020-03-03T10:00:00Z",
     "source": {"id": "wire", "name": "The Wire"}, "authors": [{"name": "Ann Lee"}, {"name": "Bo Chan"}]},
    {"title": "Old story", "content": "Filed in 1987.", "published": "26-FEB-1987 15:01:01.79", "author": "Kim Ray and Lu Ma"},
]  # fmt: skip


def test_json_lines_records_keep_their_own_fields(write) -> None:  # type: ignore[no-untyped-def]
    found = entries(write, "a.jsonl", "\n".join(json.dumps(record) for record in RECORDS) + "\n")
    first, second, third = (entry.article for entry in found)
    assert (first.title, first.published, first.url) == ("Rates held", dt.date(2020, 3, 2), "https://x.example/1")
    assert found[0].key == "https://x.example/1" and found[1].key == "2"
    assert second.body == ("Prices rose.", "Markets fell.") and second.source == "The Wire"
    assert second.byline == ("Ann Lee", "Bo Chan") and second.published == dt.date(2020, 3, 3)
    assert third.published == dt.date(1987, 2, 26) and third.byline == ("Kim Ray", "Lu Ma")


def test_a_json_array_reads_like_json_lines(write) -> None:  # type: ignore[no-untyped-def]
    found = entries(write, "a.json", json.dumps(RECORDS, indent=2))
    assert [entry.article.title for entry in found] == ["Rates held", "Prices rose", "Old story"]


def test_one_bad_json_line_is_named_and_the_rest_are_read(write) -> None:  # type: ignore[no-untyped-def]
    lines = [json.dumps(RECORDS[0]), '{"title": "broken", "body": }', json.dumps({"title": "Only a title"}), "[1, 2]"]
    found = entries(write, "a.jsonl", "\n".join([*lines, json.dumps(RECORDS[1])]))
    assert [entry.article is not None for entry in found] == [True, False, False, False, True]
    assert found[1].label == "#2" and "line 2 is not valid JSON" in (found[1].error or "")
    assert "no body text (title only)" in (found[2].error or "")
    assert "not an object" in (found[3].error or "")


def test_a_bad_record_in_an_array_is_named(write) -> None:  # type: ignore[no-untyped-def]
    found = entries(write, "a.json", json.dumps([RECORDS[0], {"title": "No body"}, RECORDS[2]]))
    assert [entry.error is None for entry in found] == [True, False, True]
    broken = entries(
        write, "b.json", json.dumps([RECORDS[0]])[:-1] + ', {"title": oops}, ' + json.dumps(RECORDS[1]) + "]"
    )
    assert broken[0].article is not None and "rest of the file was not read" in (broken[1].error or "")


def test_the_size_limit_holds_per_record_not_per_file() -> None:
    small = json.dumps(RECORDS[0])
    stream = io.BytesIO(f'{small}\n{{"title": "huge", "body": "{"x" * 5000}"}}\n{small}\n'.encode())
    parts = list(record_parts(stream, max_record=2000))
    assert [part.error is None for part in parts] == [True, False, True]
    assert "larger than" in (parts[1].error or "")


def test_records_are_read_as_a_stream(tmp_path: Path) -> None:
    """A reader that takes everything at once would not yield the first record before the end."""
    line = json.dumps(RECORDS[0]).encode() + b"\n"

    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
            chunk = line * (len(buffer) // len(line))
            buffer[: len(chunk)] = chunk
            return len(chunk)

    parts = record_parts(io.BufferedReader(Endless()))
    first = [next(parts) for _ in range(5)]
    assert all(part.found is not None and part.found.title == "Rates held" for part in first)


def test_the_extractors_are_not_imported_until_a_page_or_feed_is_read() -> None:
    import subprocess
    import sys

    code = (
        "import sys, tui.cli, tui.app, store.batches, articles.formats; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('trafilatura', 'feedparser', 'lxml')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
