"""Feeds and pages the fetch tests serve: RSS 2.0, Atom and RDF (RSS 1.0) documents and news
pages whose text the feed's summary does not have."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Item:
    key: str
    title: str
    link: str
    summary: str = "A short summary from the feed."
    date: str = "2024-03-05T10:00:00Z"


def rss(title: str, items: list[Item]) -> str:
    entries = "".join(
        f"<item><title>{escape(item.title)}</title><link>{escape(item.link)}</link>"
        f"<guid isPermaLink='false'>{escape(item.key)}</guid><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>"
        f"<description>{escape(item.summary)}</description></item>"
        for item in items
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
        f"<link>http://127.0.0.1/</link><description>test</description>{entries}</channel></rss>"
    )


def atom(title: str, items: list[Item]) -> str:
    entries = "".join(
        f"<entry><title>{escape(item.title)}</title><link href='{escape(item.link)}'/>"
        f"<id>{escape(item.key)}</id><updated>{item.date}</updated><summary>{escape(item.summary)}</summary></entry>"
        for item in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:test</id><updated>2024-03-05T10:00:00Z</updated>{entries}</feed>"
    )


def rdf(title: str, items: list[Item]) -> str:
    entries = "".join(
        f"<item rdf:about='{escape(item.link)}'><title>{escape(item.title)}</title><link>{escape(item.link)}</link>"
        f"<description>{escape(item.summary)}</description><dc:date>{item.date}</dc:date></item>"
        for item in items
    )
    return (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel rdf:about='http://127.0.0.1/'><title>{escape(title)}</title><link>http://127.0.0.1/</link>"
        f"<description>test</description></channel>{entries}</rdf:RDF>"
    )


def page(headline: str, marker: str, charset_meta: str | None = "utf-8") -> str:
    """A news page whose body names `marker` (a word no feed summary has) in every paragraph."""
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    paragraphs = "".join(
        f"<p>Paragraph {number} of the report: the {marker} inquiry heard from witnesses on Tuesday, "
        f"and officials said the findings would be published within a month.</p>"
        for number in range(1, 7)
    )
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>{escape(headline)} | Test Times</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{escape(headline)}</h1>"
        f"{paragraphs}</article><footer>Copyright Test Times</footer></body></html>"
    )
