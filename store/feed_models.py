"""What the store says about subscriptions: plain dataclasses, never rows."""

from __future__ import annotations

from dataclasses import dataclass

from articles import Article


@dataclass(frozen=True)
class Feed:
    """A subscription, what its last fetch said, and how many articles came from it."""

    id: int
    url: str
    name: str | None
    title: str | None
    site_url: str | None
    etag: str | None
    last_modified: str | None
    items: int
    added_at: str
    fetched_at: str | None
    error: str | None
    articles: int = 0

    @property
    def label(self) -> str:
        """What to call the feed: the name the user gave, else its own title, else its address."""
        return self.name or self.title or self.url

    def to_json(self) -> dict[str, object]:
        return {
            "url": self.url,
            "name": self.name,
            "title": self.title,
            "site_url": self.site_url,
            "added": self.added_at,
            "fetched": self.fetched_at,
            "articles": self.articles,
            "error": self.error,
        }


@dataclass(frozen=True)
class FeedState:
    """What a fetch that returned the feed learned: validators for the next conditional GET,
    the feed's own title and site, and how many items it holds."""

    etag: str | None
    last_modified: str | None
    title: str | None
    site_url: str | None
    items: int


@dataclass(frozen=True)
class FetchedItem:
    """One feed item ready to store: `key` names it within its feed, `fingerprint` is the
    item as the feed gave it (a changed one is fetched again), `full_text` says whether the
    article holds its page's text or only the feed's."""

    key: str
    fingerprint: str
    article: Article
    full_text: bool


@dataclass(frozen=True)
class FeedFacet:
    """A feed and how many of the matching articles came from it."""

    id: int
    label: str
    url: str
    articles: int
