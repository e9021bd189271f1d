"""Articles that come from the web rather than from files (fetched feed items), written through
the ingest's own writer: the same content hashes and paths, entities, index and reading state,
so that a fetched article is searchable, deduplicated and keeps its marks when it changes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from articles import Article
from store.db import translate_errors
from store.models import IngestReport
from store.store import Store


class ArticleWriter:
    """Writes batches of (path, article) into one archive. Kept for a whole fetch: its entity
    registry reads the archive's entities once and catches up per batch."""

    def __init__(self, store: Store) -> None:
        from store.writer import Writer

        self.store = store
        self.writer = Writer(store.db.conn)

    def write(self, articles: Sequence[tuple[str, Article]]) -> IngestReport:
        """One IMMEDIATE transaction for the batch, as an ingest writes one, under the same
        per-archive lock (so a fetch and an ingest never write at once)."""
        from store.batches import write_batch
        from store.locks import ingest_lock
        from store.parsing import Parsed

        parsed = [Parsed.of(path, content_hash(article), article) for path, article in articles]
        report = IngestReport()
        with translate_errors(self.store.path), ingest_lock(self.store.path):
            write_batch(self.store.db, self.writer, parsed, report)
        return report


def content_hash(article: Article) -> str:
    """Same title, address, date and text: the same article, wherever it was fetched from."""
    fingerprint = json.dumps([article.title, article.url, article.date_iso, article.body_text], ensure_ascii=False)
    return hashlib.sha256(fingerprint.encode("utf-8", "surrogatepass")).hexdigest()
