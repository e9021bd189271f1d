"""What can go wrong with feeds: a fetch that failed, or a subscription that cannot be made."""

from __future__ import annotations

from articles.errors import NewsdeskError


class FetchError(NewsdeskError):
    """A feed or page could not be fetched (network, HTTP status, size, time); one line why."""


class SubscriptionError(NewsdeskError):
    """A feed cannot be added, removed or imported as asked (not a web address, not subscribed,
    an unreadable OPML file)."""
