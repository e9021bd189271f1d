"""Subscribing: `feed add`, `remove`, `list`, and OPML `import` and `export`. Only http and
https addresses are subscribed to; nothing here touches the network."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from articles.decode import opened, read_open
from articles.errors import ParseError
from articles.urls import safe_web_url
from feeds.errors import SubscriptionError
from feeds.opml import MAX_OPML_BYTES, Outline, read_opml, write_opml
from store.feed_models import Feed
from store.feeds import Subscriptions
from store.store import Store


@dataclass
class ImportReport:
    """What an OPML import did: feeds subscribed to, already there, and refused (with why)."""

    added: int = 0
    existing: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "added": self.added,
            "existing": self.existing,
            "skipped": [{"url": url, "error": error} for url, error in self.skipped],
        }


def checked_url(url: str) -> str:
    """The address to subscribe to; SubscriptionError when it is not an http or https one."""
    found = safe_web_url(url)
    if found is None:
        raise SubscriptionError(f"{url.strip()[:200]!r} is not an http or https address (write it with https://)")
    return found


def add_feed(store: Store, url: str, name: str | None = None) -> tuple[Feed, bool]:
    """Subscribe to `url`; the feed and whether it is new. An existing feed given a name is renamed."""
    address = checked_url(url)
    subscriptions = Subscriptions(store)
    new = subscriptions.add(address, name)
    if not new and name is not None:
        subscriptions.rename(address, name)
    feed = subscriptions.get(address)
    assert feed is not None
    return feed, new


def remove_feed(store: Store, url: str) -> Feed:
    """Unsubscribe from `url` (its articles stay); SubscriptionError when it is not subscribed."""
    removed = Subscriptions(store).remove(url.strip())
    if removed is None:
        raise SubscriptionError(f"not subscribed to {url.strip()[:200]!r} (newsdesk feed list shows the feeds)")
    return removed


def list_feeds(store: Store) -> list[Feed]:
    return Subscriptions(store).all()


def import_opml(store: Store, path: str | os.PathLike[str]) -> ImportReport:
    """Subscribe to every feed an OPML file lists; addresses that are not http or https are
    skipped and said so, and feeds already subscribed to are left as they are."""
    report = ImportReport()
    accepted: dict[str, str | None] = {}
    for outline in read_opml(_read(path)):
        address = safe_web_url(outline.url)
        if address is None:
            report.skipped.append((outline.url[:200], "not an http or https address"))
        else:
            accepted.setdefault(address, outline.name)
    report.added = Subscriptions(store).add_many(accepted.items())
    report.existing = len(accepted) - report.added
    return report


def export_opml(store: Store) -> tuple[str, int]:
    """Every subscription as an OPML 2.0 document, and how many it lists."""
    feeds = Subscriptions(store).all()
    outlines = [Outline(feed.url, feed.label, feed.site_url) for feed in feeds]
    return write_opml(outlines), len(outlines)


def _read(path: str | os.PathLike[str]) -> bytes:
    try:
        with opened(path) as (descriptor, size):
            return read_open(descriptor, size, MAX_OPML_BYTES)
    except ParseError as error:
        raise SubscriptionError(f"{os.fspath(path)}: {error.message}") from None
