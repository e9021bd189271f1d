"""The app's fetch (`f`): every subscribed feed fetched in a worker, its progress in the status
line, the new articles shown as they land, and what failed said once it is done."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from textual.app import App
from textual.widget import Widget
from textual.worker import get_current_worker

from articles.sanitize import sanitize_line
from store import StorePool

if TYPE_CHECKING:
    from feeds.fetch import FetchProgress, FetchReport

# New articles are shown at most this often while a fetch runs (each showing is a search).
REFRESH_SECONDS = 1.0


class FeedFetcher:
    """One fetch at a time; `status(text)` and `changed()` run on the app's thread."""

    def __init__(
        self, owner: Widget, pool: StorePool, status: Callable[[str], None], changed: Callable[[], None]
    ) -> None:
        self.owner = owner
        self.pool = pool
        self.status = status
        self.changed = changed
        self.running = False
        self._shown_added = 0
        self._shown_at = 0.0

    @property
    def app(self) -> App[object]:
        return self.owner.app

    def start(self) -> None:
        if self.running:
            self.app.notify("already fetching the feeds", markup=False)
            return
        self.running = True
        self._shown_added = 0
        self.status("fetching feeds…")
        self.app.run_worker(self._fetch, thread=True, group="fetch", exclusive=True, exit_on_error=False)

    def _fetch(self) -> None:
        """On a worker thread: fetch, reporting progress; stops when the app quits. A failure
        ends the worker in ERROR (the app says why) once the fetch is marked done."""
        from feeds.fetch import fetch_feeds

        worker = get_current_worker()
        report: FetchReport | None = None
        try:
            with self.pool.borrow() as store:
                report = fetch_feeds(store, progress=self._progress, cancelled=lambda: worker.is_cancelled)
        finally:
            if not worker.is_cancelled:
                self._call(self._done, report)

    def _progress(self, progress: FetchProgress) -> None:
        text = (
            f"fetching feeds {progress.feeds_done}/{progress.feeds} · pages {progress.pages_done}/{progress.pages}"
            f" · {progress.added} new"
        )
        self._call(self.status, text)
        now = time.monotonic()
        if progress.added > self._shown_added and now - self._shown_at >= REFRESH_SECONDS:
            self._shown_added, self._shown_at = progress.added, now
            self._call(self.changed)

    def _call(self, function: Callable[..., object], *args: object) -> None:
        with contextlib.suppress(RuntimeError):  # the app has stopped: nobody is left to tell
            self.app.call_from_thread(function, *args)

    def _done(self, report: FetchReport | None) -> None:
        self.running = False
        self.changed()
        if report is None:
            return
        if not report.feeds:
            self.app.notify("no subscriptions yet: newsdesk feed add URL", markup=False, timeout=8)
            return
        self.app.notify(sanitize_line(summary(report)), markup=False, timeout=10, severity=_severity(report))


def summary(report: FetchReport) -> str:
    """'3 feeds: 12 new, 1 updated · 1 failed: URL (HTTP 404 Not Found)'."""
    text = f"{report.feeds} feed{'s' if report.feeds != 1 else ''}: {report.added} new, {report.updated} updated"
    if report.summaries:
        text += f" · {len(report.summaries)} from the feed's summary only"
    if report.failed:
        url, error = report.failed[0]
        more = f" and {len(report.failed) - 1} more" if len(report.failed) > 1 else ""
        text += f" · {len(report.failed)} failed: {url} ({error}){more}"
    return text


def _severity(report: FetchReport) -> Literal["warning", "information"]:
    return "warning" if report.failed else "information"
