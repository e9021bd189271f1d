"""One feed's part of a fetch: getting the feed (conditionally), telling its new and changed
items from those already stored, and getting each new item's page. What runs on the fetch's
threads is here; none of it touches the archive."""

from __future__ import annotations

from dataclasses import dataclass, field

from articles.errors import ParseError
from articles.fetchable import fetchable_url
from articles.formats.assemble import Found
from articles.formats.feed import FeedDocument, read_feed
from articles.formats.fetched import ItemArticle, Page, item_article
from articles.formats.sniff import HEAD_BYTES, sniff
from feeds.errors import FetchError
from feeds.http import Http, Response
from store.feed_models import Feed, FeedState, FetchedItem
from store.feeds import fingerprint_of

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
_MAX_VALIDATOR = 200
# What reading an item may raise over its content: the item fails, the fetch goes on.
ITEM_ERRORS = (ParseError, RecursionError, MemoryError, ValueError)


@dataclass(frozen=True)
class FeedFetched:
    """A feed's answer: 304 (no document) or 200 with its items."""

    response: Response
    document: FeedDocument | None


@dataclass(frozen=True)
class PageJob:
    """A new or changed item whose page is to be fetched."""

    key: str
    found: Found
    link: str
    fingerprint: str


@dataclass
class FeedRun:
    """A fetched feed while its items' pages come in."""

    feed: Feed
    fetched: FeedFetched
    waiting: int = 0
    unchanged: int = 0
    items: list[FetchedItem] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    summaries: list[tuple[str, str]] = field(default_factory=list)

    @property
    def state(self) -> FeedState:
        document = self.fetched.document
        headers = self.fetched.response.headers
        return FeedState(
            etag=_validator(headers.get("etag")),
            last_modified=_validator(headers.get("last-modified")),
            title=document.title if document else None,
            site_url=fetchable_url(document.link) if document else None,
            items=len(document.parts) if document else 0,
        )

    def add(self, key: str, fingerprint: str, outcome: ItemArticle | Exception) -> None:
        """An item made, or why it could not be (its page and its feed had no text). An error
        that is not about the item's content is a bug, and is raised."""
        if isinstance(outcome, Exception):
            if not isinstance(outcome, ITEM_ERRORS):
                raise outcome
            why = (
                outcome.message if isinstance(outcome, ParseError) else f"could not be read ({type(outcome).__name__})"
            )
            self.failed.append((f"{self.feed.url}#{key}", why))
            return
        self.items.append(FetchedItem(key, fingerprint, outcome.article, not outcome.summary_only))
        if outcome.summary_only:
            where = outcome.article.url or f"{self.feed.url}#{key}"
            self.summaries.append((where, outcome.reason or "the page gave no text"))


def get_feed(http: Http, feed: Feed) -> FeedFetched:
    """GET the feed, conditionally when an earlier fetch left validators (runs on a thread)."""
    headers = {"Accept": FEED_ACCEPT}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    response = http.get(feed.url, headers)
    if response.status == 304:
        return FeedFetched(response, None)
    if sniff(response.body[:HEAD_BYTES], "") == "html":
        raise FetchError("the address is a web page, not a feed")
    return FeedFetched(response, read_feed(response.body, empty_ok=True))


def get_page(http: Http, job: PageJob) -> ItemArticle:
    """The item's article with its page's text, or the feed's with the reason (runs on a thread).
    ParseError when neither gives any text."""
    try:
        response = http.get(job.link, {"Accept": PAGE_ACCEPT})
    except FetchError as error:
        return item_article(job.found, job.link, f"the page could not be fetched: {error.message}")
    page = Page(response.body, response.media_type, response.charset)
    return item_article(job.found, response.url, page)


def plan(run: FeedRun, known: dict[str, str], max_items: int) -> list[PageJob]:
    """The pages to fetch for a feed's new and changed items; items with nothing to fetch
    are made here from the feed alone, and unchanged ones only counted."""
    document = run.fetched.document
    assert document is not None
    jobs: list[PageJob] = []
    seen: set[str] = set()
    for part in document.parts[:max_items]:
        if part.key in seen:
            continue  # the same guid twice in one feed is one item
        seen.add(part.key)
        fingerprint = fingerprint_of(part.fingerprint)
        if known.get(part.key) == fingerprint:
            run.unchanged += 1
        elif part.found is None:
            run.failed.append((f"{run.feed.url}#{part.number}", part.error or "nothing to read"))
        elif (link := fetchable_url(part.found.url, run.fetched.response.url)) is not None:
            jobs.append(PageJob(part.key, part.found, link, fingerprint))
        else:
            reason = "its link is not an http or https address" if part.found.url else "the item has no link"
            run.add(part.key, fingerprint, _from_feed(part.found, reason))
    return jobs


def _from_feed(found: Found, reason: str) -> ItemArticle | Exception:
    try:
        return item_article(found, None, reason)
    except ITEM_ERRORS as error:  # the item's failure, as a bad file is in an ingest
        return error


def _validator(value: str | None) -> str | None:
    """An ETag or Last-Modified to send back: printable ASCII only, so that a hostile one
    cannot smuggle a header into the next request."""
    if not value or len(value) > _MAX_VALIDATOR or not value.isascii() or not value.isprintable():
        return None
    return value
