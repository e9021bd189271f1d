"""`newsdesk fetch`: every subscribed feed at once (a few requests per host at a time), each
with a conditional GET, then the page of every new or changed item, stored as a full
article (or the feed's own text, saying why). One failing feed never stops the others. The
archive is written only on the calling thread; the fetch's threads do network and parsing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from articles.fetchable import host_of
from feeds.errors import FetchError
from feeds.http import Http, Limits
from feeds.items import ITEM_ERRORS, FeedFetched, FeedRun, PageJob, get_feed, get_page, plan
from feeds.schedule import HostPool, Outcome
from store.feed_models import Feed
from store.feeds import Subscriptions
from store.store import Store

_POLL_SECONDS = 0.2


@dataclass
class FetchReport:
    """What a fetch did. `added`, `updated` and `unchanged` count items (a feed that answered
    304 counts the items it held last time as unchanged); `failed` lists feeds that could not
    be fetched and items that had no text at all; `summaries`, items stored from their feed's
    text because their page could not be had."""

    feeds: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    summaries: list[tuple[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "feeds": self.feeds,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": [{"url": url, "error": error} for url, error in self.failed],
        }


@dataclass(frozen=True)
class FetchProgress:
    """How far a fetch has come, for a progress bar or a status line."""

    feeds_done: int
    feeds: int
    pages_done: int
    pages: int
    added: int


ProgressCallback = Callable[[FetchProgress], None]


def fetch_feeds(
    store: Store,
    limits: Limits | None = None,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    report: FetchReport | None = None,
) -> FetchReport:
    """Fetch every subscription of the archive and store what is new, counting into `report`
    (so that a fetch stopped by Ctrl+C still says what it stored). `cancelled()` turning true
    stops it between requests; what was stored stays."""
    fetch = _Fetch(store, limits or Limits(), progress, cancelled or (lambda: False), report or FetchReport())
    return fetch.run()


class _Fetch:
    def __init__(
        self,
        store: Store,
        limits: Limits,
        progress: ProgressCallback | None,
        cancelled: Callable[[], bool],
        report: FetchReport,
    ) -> None:
        self.subscriptions = Subscriptions(store)
        self.limits = limits
        self.progress = progress
        self.cancelled = cancelled
        self.report = report
        self.feeds_done = self.pages = self.pages_done = 0

    def run(self) -> FetchReport:
        feeds = self.subscriptions.all()
        self.report.feeds = len(feeds)
        self._tell()
        if not feeds:
            return self.report
        http = Http(self.limits, self.cancelled)
        pool = HostPool(self.limits.workers, self.limits.per_host)
        try:
            for feed in feeds:
                pool.submit(host_of(feed.url), feed, partial(get_feed, http, feed))
            while pool.pending and not self.cancelled():
                outcome = pool.next(_POLL_SECONDS)
                if outcome is not None:
                    self._handle(outcome, pool, http)
                    self._tell()
        finally:
            pool.close()
            http.close()
        return self.report

    def _handle(self, outcome: Outcome, pool: HostPool, http: Http) -> None:
        tag = outcome.job.tag
        if isinstance(tag, Feed):
            self._feed_answered(tag, outcome, pool, http)
            return
        run: FeedRun
        job: PageJob
        run, job = tag
        self.pages_done += 1
        run.add(job.key, job.fingerprint, outcome.error if outcome.error is not None else outcome.value)
        run.waiting -= 1
        if run.waiting == 0:
            self._finish(run)

    def _feed_answered(self, feed: Feed, outcome: Outcome, pool: HostPool, http: Http) -> None:
        if outcome.error is not None:
            self._feed_failed(feed, outcome.error)
            return
        fetched: FeedFetched = outcome.value
        if fetched.document is None:
            self.feeds_done += 1
            self.report.unchanged += feed.items
            self.subscriptions.unchanged(feed)
            return
        run = FeedRun(feed, fetched)
        jobs = plan(run, self.subscriptions.known_items(feed.id), self.limits.max_items)
        for job in jobs:
            pool.submit(host_of(job.link), (run, job), partial(get_page, http, job))
        run.waiting = len(jobs)
        self.pages += len(jobs)
        if not jobs:
            self._finish(run)

    def _feed_failed(self, feed: Feed, error: Exception) -> None:
        if not isinstance(error, (FetchError, *ITEM_ERRORS)):
            raise error  # a bug, not the feed's fault
        message = getattr(error, "message", None) or f"could not be read ({type(error).__name__})"
        self.feeds_done += 1
        self.report.failed.append((feed.url, message))
        self.subscriptions.failed(feed, message)

    def _finish(self, run: FeedRun) -> None:
        written = self.subscriptions.store_items(run.feed, run.state, run.items)
        self.feeds_done += 1
        self.report.added += written.added
        self.report.updated += written.updated
        self.report.unchanged += written.unchanged + run.unchanged
        self.report.failed += run.failed + written.failed
        self.report.summaries += run.summaries

    def _tell(self) -> None:
        if self.progress is not None:
            report = self.report
            self.progress(FetchProgress(self.feeds_done, report.feeds, self.pages_done, self.pages, report.added))
