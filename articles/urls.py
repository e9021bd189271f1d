"""Which URLs newsdesk hands to a browser or writes as a link: web addresses only."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_WEB_SCHEMES = ("http", "https")
# Whitespace, controls, quotes and angle brackets never belong in a URL handed on.
_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\"'<>\\`\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
MAX_URL = 4096


def safe_web_url(url: str | None) -> str | None:
    """`url` when it is an http or https address with a host and nothing a shell, a browser's
    command line or a terminal could read as something else; otherwise None. It never starts
    with '-', so it cannot be taken for a command-line option."""
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
