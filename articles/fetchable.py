"""Which links newsdesk may fetch: http and https addresses only, resolved against the feed or
page they came from. A feed is untrusted: `file:`, `data:` and `javascript:` links, and
anything a terminal or a shell could read as something else, are never fetched."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

MAX_URL = 4096
_WEB_SCHEMES = ("http", "https")
# Whitespace, controls, quotes and angle brackets never belong in an address to fetch.
_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\"'<>\\`\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def web_url(url: str | None) -> str | None:
    """`url` when it is an http or https address with a host and nothing unsafe in it, else None.
    The same rule as `articles.urls.safe_web_url` (issue 14): this is the one place to swap
    for it once that is on main."""
    if not url:
        return None
    candidate = url.strip()
    if len(candidate) > MAX_URL or _UNSAFE.search(candidate):
        return None
    try:
        parts = urlsplit(candidate)
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        return None
    if parts.scheme.lower() not in _WEB_SCHEMES or not parts.hostname or not port_ok:
        return None
    if not candidate.lower().startswith(("http://", "https://")):
        return None
    return candidate


def fetchable_url(link: str | None, base: str | None = None) -> str | None:
    """The address to fetch for `link` as a feed or page gives it (relative links resolved
    against `base`, the address it was fetched from), or None when it must not be fetched."""
    if not link or len(link) > MAX_URL:
        return None
    candidate = link.strip()
    if base and not _SCHEME.match(candidate):
        candidate = urljoin(base, candidate)
    return web_url(candidate)


def host_of(url: str) -> str:
    """The host (and port) an address names, lower case: requests are limited per host."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return f"{host}:{parts.port}" if parts.port else host
