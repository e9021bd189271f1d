"""Which links `o` opens, and how: web links only, never as an option, and the user told why not."""

from __future__ import annotations

import webbrowser

import pytest

from articles.urls import safe_web_url as web_url
from tui.browse import open_link, runs_in_terminal


@pytest.mark.parametrize(
    "url",
    [
        "https://www.reuters.com/world/x-2024-08-24/",
        "http://example.org/a?b=c#d",
        "HTTPS://EXAMPLE.ORG/",
    ],
)
def test_web_links_are_opened(url: str) -> None:
    assert web_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "--new-window=evil",
        "-https://example.org",
        "ftp://example.org/x",
        "https://",
        "https:///path-only",
        "https://exa mple.org/",
        "https://example.org/\x1b]52;c;SGk=\x07",
        "https://[::1",
        "",
        None,
    ],
)
def test_anything_else_is_refused(url: str | None) -> None:
    assert web_url(url) is None


class Recorder(webbrowser.BackgroundBrowser):
    opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return True


def test_a_refused_link_never_reaches_the_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    Recorder.opened = []
    monkeypatch.setattr(webbrowser, "get", lambda: Recorder("recorder"))
    outcome = open_link("javascript:alert(document.cookie)")
    assert Recorder.opened == []
    assert outcome.message == "not opened: only http and https links are opened (javascript:alert(document.cookie))"
    assert open_link("https://example.org/").message is None and Recorder.opened == ["https://example.org/"]


def test_a_browser_that_does_not_start_is_reported_with_the_link(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken(webbrowser.BackgroundBrowser):
        def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
            return False

    monkeypatch.setattr(webbrowser, "get", lambda: Broken("broken"))
    assert open_link("https://example.org/").message == "the browser did not start; the link is https://example.org/"


def test_text_browsers_are_told_apart_from_graphical_ones() -> None:
    assert runs_in_terminal(webbrowser.GenericBrowser("lynx"))
    assert runs_in_terminal(webbrowser.Elinks("elinks"))
    assert not runs_in_terminal(webbrowser.BackgroundBrowser("xdg-open"))
    assert not runs_in_terminal(webbrowser.Chrome("google-chrome"))
