"""The timeline's pages of results, each read by a worker when a row on screen first needs
it. A page that could not be read is drawn as such (the failure reported the app's one way)
until it leaves the screen; when it comes back, it is asked for again."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.message import Message
from textual.widget import Widget

from store import SearchHit
from tui.data import ResultSet


class PageLoaded(Message):
    """A worker read a page of the results on screen (or of ones since replaced)."""

    def __init__(self, results: ResultSet, page_number: int, hits: tuple[SearchHit, ...]) -> None:
        super().__init__()
        self.results = results
        self.page_number = page_number
        self.hits = hits


class PageFailed(Message):
    """A worker could not read these pages (the first failed; it did not try the others)."""

    def __init__(self, results: ResultSet, page_numbers: list[int]) -> None:
        super().__init__()
        self.results = results
        self.page_numbers = page_numbers


class PageRequests:
    """Which pages of `widget`'s results (those `current()` returns) are wanted, being read,
    or could not be read; the widget handles PageLoaded and PageFailed by calling `loaded`
    and `failed`."""

    def __init__(self, widget: Widget, current: Callable[[], ResultSet | None]) -> None:
        self.widget = widget
        self.current = current
        self._wanted: set[int] = set()
        self._asked: set[int] = set()
        self._failed: set[int] = set()

    def clear(self) -> None:
        """New results: nothing asked for them yet."""
        self._wanted.clear()
        self._asked.clear()
        self._failed.clear()

    def unreadable(self, page_number: int) -> bool:
        """Whether the last read of the page failed (and it has not left the screen since)."""
        return page_number in self._failed

    def want(self, page_number: int) -> None:
        """Ask for a page a row on screen needs, unless it is on its way or just failed."""
        if page_number in self._asked or page_number in self._wanted or page_number in self._failed:
            return
        if not self._wanted:
            self.widget.call_later(self._ask)
        self._wanted.add(page_number)

    def loaded(self, page_number: int) -> None:
        self._asked.discard(page_number)

    def failed(self, page_numbers: list[int]) -> None:
        self._asked.difference_update(page_numbers)
        self._failed.update(page_numbers)

    def keep_failures(self, on_screen: range) -> None:
        """Forget the failures of pages no longer on screen: scrolled back to, they are read again."""
        self._failed.intersection_update(on_screen)

    def _ask(self) -> None:
        results = self.current()
        if results is None or not self._wanted:
            return
        pages, self._wanted = sorted(self._wanted), set()
        self._asked.update(pages)
        # The app's worker, so that a failure is reported where every other one is.
        fetch = partial(self._fetch, results, pages)
        self.widget.app.run_worker(fetch, thread=True, group="timeline-pages", exit_on_error=False)

    def _fetch(self, results: ResultSet, pages: list[int]) -> None:
        """On a worker's thread: read the pages, post each back. A failure is posted too, then
        raised, so that the worker ends in ERROR and the app says what went wrong."""
        for place, page_number in enumerate(pages):
            try:
                hits = results.fetch_page(page_number)
            except Exception:
                self.widget.post_message(PageFailed(results, pages[place:]))
                raise
            self.widget.post_message(PageLoaded(results, page_number, hits))
