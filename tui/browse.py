"""`o`: an article's link opened in the user's browser. Only http and https links are opened
(never `javascript:`, `file:` or `data:`), and a link is never passed where it could read as an
option; with no browser, the user is told so and shown the link."""

from __future__ import annotations

import webbrowser
from dataclasses import dataclass

from textual.app import App, SuspendNotSupported

from articles.sanitize import sanitize_line
from articles.urls import safe_web_url


@dataclass(frozen=True)
class LinkOutcome:
    """What became of a link: a message for the user, or a terminal browser to run in the
    foreground (the app hands it the terminal), or neither when a browser took it."""

    message: str | None = None
    terminal_browser: webbrowser.BaseBrowser | None = None
    url: str = ""


def open_link(url: str | None) -> LinkOutcome:
    """Open `url` in a graphical browser (this may take a moment: run it in a worker)."""
    if not url:
        return LinkOutcome("this article has no link")
    safe = safe_web_url(url)
    if safe is None:
        return LinkOutcome(f"not opened: only http and https links are opened ({sanitize_line(url)[:200]})")
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return LinkOutcome(f"no web browser found; the link is {safe}", url=safe)
    if runs_in_terminal(browser):
        return LinkOutcome(terminal_browser=browser, url=safe)
    try:
        opened = browser.open(safe)
    except (OSError, webbrowser.Error):
        opened = False
    return LinkOutcome(None if opened else f"the browser did not start; the link is {safe}", url=safe)


def runs_in_terminal(browser: webbrowser.BaseBrowser) -> bool:
    """Text browsers (lynx, w3m, links) need the terminal the app is drawing on."""
    if isinstance(browser, webbrowser.UnixBrowser):
        return not browser.background
    return isinstance(browser, webbrowser.GenericBrowser) and not isinstance(browser, webbrowser.BackgroundBrowser)


def follow(app: App[None], outcome: LinkOutcome) -> None:
    """On the app's thread: run a terminal browser in the foreground, or say what happened."""
    if outcome.terminal_browser is not None:
        try:
            with app.suspend():
                outcome.terminal_browser.open(outcome.url)
            return
        except SuspendNotSupported:
            outcome = LinkOutcome(f"this terminal cannot be lent to a text browser; the link is {outcome.url}")
    if outcome.message:
        app.notify(outcome.message, severity="warning", timeout=15, markup=False)
