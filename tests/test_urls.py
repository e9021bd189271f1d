"""Only web addresses are opened or written as links; never another scheme, never an option."""

from __future__ import annotations

import pytest

from articles.urls import safe_web_url


@pytest.mark.parametrize(
    "url",
    [
        "https://www.reuters.com/world/middle-east/story-2020-02-18/",
        "http://example.org/a?b=1#c",
        "HTTPS://EXAMPLE.ORG/",
        "https://[::1]:8080/x",
        "  https://example.org/padded  ",
    ],
)
def test_web_addresses_pass(url: str) -> None:
    assert safe_web_url(url) == url.strip()


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "--new-window=file:///etc/passwd",
        "-https://example.org/",
        "https:///no-host",
        "https://",
        "http:example.org",
        "https://example.org/\x1b]0;title\x07",
        "https://example.org/a b",
        "https://example.org/\nfile:///etc",
        "https://exa\u202emple.org/",
        "https://example.org:99999/",
        'https://example.org/"onload=x',
        "mailto:someone@example.org",
        "",
        None,
        "https://example.org/" + "a" * 5000,
    ],
)
def test_anything_else_is_refused(url: str | None) -> None:
    assert safe_web_url(url) is None
