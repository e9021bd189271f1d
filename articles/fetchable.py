"""Which links newsdesk may fetch: http and https addresses only, resolved against the feed or
page they came from. A feed is untrusted: `file:`, `data:` and `javascript:` links, and
anything a terminal or a shell could read as something else, are never fetched."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from articles.urls import MAX_URL, safe_web_url

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def fetchable_url(link: str | None, base: str | None = None) -> str | None:
    """The address to fetch for `link` as a feed or page gives it (relative links resolved
    against `base`, the address it was fetched from), or None when it must not be fetched."""
    if not link or len(link) > MAX_URL:
        return None
    candidate = link.strip()
    if base and not _SCHEME.match(candidate):
        candidate = urljoin(base, candidate)
    return safe_web_url(candidate)


def host_of(url: str) -> str:
    """The host (and port) an address names, lower case: requests are limited per host."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return f"{host}:{parts.port}" if parts.port else host
