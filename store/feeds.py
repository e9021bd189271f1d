"""Subscriptions kept in the archive: adding and removing feeds, what each fetch learned, and
which article each item became. Removing a feed keeps its articles: nothing stored is lost."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from articles.entities.normalize import fold
from articles.sanitize import sanitize_line
from store.db import translate_errors
from store.feed_models import Feed, FeedFacet, FeedState, FetchedItem
from store.models import IngestReport
from store.search import matching_ids_sql
from store.store import Store

if TYPE_CHECKING:
    from store.fetched import ArticleWriter

_FEED_COLUMNS = (
    "f.id, f.url, f.name, f.title, f.site_url, f.etag, f.last_modified, f.items, f.added_at, f.fetched_at, f.error"
)
_MAX_ERROR = 300


class Subscriptions:
    """The feeds of one open archive."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.db = store.db
        self._writer: ArticleWriter | None = None  # made by the first fetch that stores items

    def add(self, url: str, name: str | None = None) -> bool:
        """Subscribe to `url` (already checked as a web address); False when it already is."""
        return self.add_many([(url, name)]) == 1

    def add_many(self, feeds: Iterable[tuple[str, str | None]]) -> int:
        """Subscribe to each (url, name) not subscribed yet, in one transaction; how many were new."""
        added = 0
        with translate_errors(self.store.path), self.db.atomic():
            for url, name in feeds:
                label = sanitize_line(name)[:200] if name else None
                cursor = self.db.execute(
                    "INSERT OR IGNORE INTO feeds (url, name, added_at, search_key) VALUES (?, ?, ?, ?)",
                    (url, label or None, _now(), _search_key(url, label, None)),
                )
                added += cursor.rowcount
        return added

    def rename(self, url: str, name: str | None) -> bool:
        """Give a subscribed feed another name (None: its own title again); False when none has `url`."""
        feed = self.get(url)
        if feed is None:
            return False
        label = sanitize_line(name)[:200] or None if name else None
        with translate_errors(self.store.path), self.db.atomic():
            self.db.execute(
                "UPDATE feeds SET name = ?, search_key = ? WHERE id = ?",
                (label, _search_key(url, label, feed.title), feed.id),
            )
        return True

    def remove(self, url: str) -> Feed | None:
        """Unsubscribe; the feed as it was (its articles stay in the archive), or None."""
        feed = self.get(url)
        if feed is not None:
            with translate_errors(self.store.path), self.db.atomic():
                self.db.execute("DELETE FROM feed_items WHERE feed_id = ?", (feed.id,))
                self.db.execute("DELETE FROM feeds WHERE id = ?", (feed.id,))
        return feed

    def get(self, url: str) -> Feed | None:
        found = self._feeds("WHERE f.url = ?", (url,))
        return found[0] if found else None

    def all(self) -> list[Feed]:
        """Every subscription, in the order they were added."""
        return self._feeds("", ())

    def _feeds(self, where: str, params: tuple[object, ...]) -> list[Feed]:
        sql = (
            f"SELECT {_FEED_COLUMNS}, (SELECT count(*) FROM feed_items fi WHERE fi.feed_id = f.id) "
            f"FROM feeds f {where} ORDER BY f.id"
        )
        with translate_errors(self.store.path):
            return [Feed(*row) for row in self.db.execute(sql, params)]

    def known_items(self, feed_id: int) -> dict[str, str]:
        """The items of a feed already stored: key -> fingerprint."""
        with translate_errors(self.store.path):
            rows = self.db.execute("SELECT key, fingerprint FROM feed_items WHERE feed_id = ?", (feed_id,))
            return {row[0]: row[1] for row in rows}

    def store_items(self, feed: Feed, state: FeedState, items: Sequence[FetchedItem]) -> IngestReport:
        """Write a fetched feed's new and changed items as articles (through the ingest writer,
        so that they are searchable, deduplicated and keep their marks when updated), then what
        the fetch learned. The validators are saved only after the items: a fetch that stops
        between the two fetches the feed again rather than missing its items."""
        from store.fetched import ArticleWriter

        paths = {item.key: f"{feed.url}#{item.key}" for item in items}
        report = IngestReport()
        if items:
            self._writer = self._writer or ArticleWriter(self.store)
            report = self._writer.write([(paths[item.key], item.article) for item in items])
        failed = {path for path, _ in report.failed}
        records = [item for item in items if paths[item.key] not in failed]
        with translate_errors(self.store.path), self.db.atomic():
            self.db.conn.executemany(
                "INSERT INTO feed_items (feed_id, key, fingerprint, article_id, full_text) "
                "SELECT ?, ?, ?, article_id, ? FROM paths WHERE path = ? "
                "ON CONFLICT (feed_id, key) DO UPDATE SET fingerprint = excluded.fingerprint, "
                "article_id = excluded.article_id, full_text = excluded.full_text",
                [(feed.id, item.key, item.fingerprint, int(item.full_text), paths[item.key]) for item in records],
            )
            self._fetched(feed, state)
        return report

    def _fetched(self, feed: Feed, state: FeedState) -> None:
        title = sanitize_line(state.title)[:200] if state.title else None
        self.db.execute(
            "UPDATE feeds SET etag = ?, last_modified = ?, title = coalesce(?, title), site_url = coalesce(?, site_url), "
            "items = ?, fetched_at = ?, error = NULL, search_key = ? WHERE id = ?",
            (
                state.etag,
                state.last_modified,
                title,
                state.site_url,
                state.items,
                _now(),
                _search_key(feed.url, feed.name, title or feed.title),
                feed.id,
            ),
        )

    def unchanged(self, feed: Feed) -> None:
        """The feed answered that nothing changed since the last fetch (a 304)."""
        with translate_errors(self.store.path), self.db.atomic():
            self.db.execute("UPDATE feeds SET fetched_at = ?, error = NULL WHERE id = ?", (_now(), feed.id))

    def failed(self, feed: Feed, error: str) -> None:
        """The fetch failed: say why in `feed list`; the validators stay for the next try."""
        with translate_errors(self.store.path), self.db.atomic():
            self.db.execute(
                "UPDATE feeds SET fetched_at = ?, error = ? WHERE id = ?",
                (_now(), sanitize_line(error)[:_MAX_ERROR], feed.id),
            )

    def facets(self, query: str = "", entity_ids: Sequence[int] = ()) -> list[FeedFacet]:
        """Every feed with how many matching articles came from it, most first."""
        compiled = self.store.compile(query, entity_ids)
        ids_sql, params = matching_ids_sql(compiled)
        # The matching ids are listed once (SQLite keeps an IN subquery as a temporary index).
        sql = f"""SELECT f.id, f.name, f.title, f.url, count(CASE WHEN fi.article_id IN ({ids_sql}) THEN 1 END) AS n
                  FROM feeds f LEFT JOIN feed_items fi ON fi.feed_id = f.id
                  GROUP BY f.id ORDER BY n DESC, f.id"""
        with translate_errors(self.store.path):
            rows = self.db.execute(sql, params).fetchall()
        return [FeedFacet(row[0], row[1] or row[2] or row[3], row[3], row[4]) for row in rows]


def fingerprint_of(text: str) -> str:
    """A short stable digest of an item as its feed gave it."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _search_key(url: str, name: str | None, title: str | None) -> str:
    """What feed:VALUE is matched against: the name, the title and the address, folded."""
    return fold("\n".join((name or "", title or "", url)))


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
