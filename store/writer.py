"""The ingest's single writer: parsed articles into the tables, entities linked and counted,
each new article put in a story, the batch indexed by FTS5 in one statement."""

from __future__ import annotations

import datetime as dt
import json
from sqlite3 import Connection

from store.entities import EntityRegistry
from store.files import FileRecords
from store.models import IngestReport
from store.parsing import COLUMNS, Parsed
from store.stories import StoryAssigner

# Passes of reconciling at the end of an ingest; in practice the second finds nothing.
_MAX_PASSES = 4


class Writer:
    """Writes parsed articles into the database, one transaction per batch."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.entities = EntityRegistry(conn)
        self.stories = StoryAssigner(conn)
        self.now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self.links: list[tuple[int, int, int]] = []
        self.counts: dict[int, int] = {}
        self.unindexed: list[int] = []
        self.files = FileRecords(conn)
        self.caught_up = False  # with the entities other writers stored, in this batch
        self.linked = False  # any article's entities, in this writer's life

    def begin(self) -> None:
        """Inside the batch's transaction: catch up with what other writers stored before the
        first article that names entities (a batch of unchanged files needs none of it). An
        archive whose articles were removed since is read afresh: its entities may be gone."""
        self.caught_up = False
        self.stories.begin()
        if self.entities.removals_changed():
            self.entities = EntityRegistry(self.conn)

    def flush(self) -> None:
        """Write what the batch accumulated: entities first, then links, counts and the index."""
        self.entities.flush()
        self.conn.executemany(
            "INSERT INTO article_entities (article_id, entity_id, mentions) VALUES (?, ?, ?)", self.links
        )
        self.conn.executemany(
            "UPDATE entities SET articles = articles + ? WHERE id = ?",
            [(delta, entity_id) for entity_id, delta in self.counts.items() if delta],
        )
        self.links, self.counts = [], {}
        self._index()
        self.stories.end()

    def _index(self) -> None:
        """Index the articles added since the last call, in one statement (FTS5 then writes
        their terms out once, not once per article)."""
        if self.unindexed:
            self.conn.execute(_INDEX, (json.dumps(self.unindexed),))
            self.unindexed = []

    def write(self, parsed: Parsed, report: IngestReport) -> None:
        if parsed.same_file and parsed.file is not None:
            report.unchanged += self.files.seen_again(parsed.file)
            return
        file_id = self.files.reading(parsed.file) if parsed.file is not None else None
        self._write(parsed, report, file_id)
        if parsed.ends_file and parsed.file is not None:
            self.files.done(parsed.file)

    def _write(self, parsed: Parsed, report: IngestReport, file_id: int | None) -> None:
        if parsed.error is not None or parsed.content_hash is None:
            report.failed.append((parsed.path, parsed.error or "could not be read"))
            self.files.failed()
            return
        existing = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (parsed.content_hash,)
        ).fetchone()
        if existing is not None:
            self._point(parsed.path, existing[0], file_id)
            report.unchanged += 1
            return
        previous = self.conn.execute("SELECT article_id FROM paths WHERE path = ?", (parsed.path,)).fetchone()
        if previous is not None and self._only_path(previous[0]):
            self._update(previous[0], parsed)
            self._point(parsed.path, previous[0], file_id)
            report.updated += 1
        else:
            article_id = self._insert(parsed)
            self._point(parsed.path, article_id, file_id)
            report.added += 1

    def _only_path(self, article_id: int) -> bool:
        row = self.conn.execute("SELECT count(*) FROM paths WHERE article_id = ?", (article_id,)).fetchone()
        return bool(row[0] <= 1)

    def _point(self, path: str, article_id: int, file_id: int | None = None) -> None:
        self.conn.execute(
            "INSERT INTO paths (path, article_id, file_id) VALUES (?, ?, ?) "
            "ON CONFLICT (path) DO UPDATE SET article_id = excluded.article_id, file_id = excluded.file_id",
            (path, article_id, file_id),
        )

    def _insert(self, parsed: Parsed) -> int:
        cursor = self.conn.execute(_INSERT, (*parsed.columns, self.now, self.now))
        article_id = int(cursor.lastrowid or 0)
        self.unindexed.append(article_id)
        self._add_to_story(article_id, parsed, self._link_entities(article_id, parsed))
        return article_id

    def _update(self, article_id: int, parsed: Parsed) -> None:
        self._index()  # the update trigger takes the old text out of the index: it must be there
        self.conn.execute(_UPDATE, (*parsed.columns, self.now, article_id))
        stored = self.conn.execute("SELECT entity_id FROM article_entities WHERE article_id = ?", (article_id,))
        pending = [link[1] for link in self.links if link[0] == article_id]  # added earlier in this batch
        for entity_id in [*(row[0] for row in stored), *pending]:
            self.counts[entity_id] = self.counts.get(entity_id, 0) - 1
        self.conn.execute("DELETE FROM article_entities WHERE article_id = ?", (article_id,))
        self.links = [link for link in self.links if link[0] != article_id]
        self.stories.leave(article_id)
        self._add_to_story(article_id, parsed, self._link_entities(article_id, parsed))

    def finish(self) -> None:
        """Once every batch is in: give short forms the full names the archive now supports
        (when this writer linked any: the registry is not even loaded otherwise). What one pass
        moves is evidence for the next, so passes repeat, each over the archive as a later
        ingest would load it, until one moves nothing: ingesting again changes nothing."""
        if not self.linked:
            return
        self.entities.refresh()
        for _ in range(_MAX_PASSES):
            if not self.entities.reconcile():
                return
            self.entities = EntityRegistry(self.conn)
            self.entities.refresh()

    def _add_to_story(self, article_id: int, parsed: Parsed, entity_ids: list[int]) -> None:
        columns = parsed.columns
        title, body = str(columns[_TITLE] or ""), str(columns[_BODY] or "")
        if parsed.story is None:  # parsed without its story keys: made here
            self.stories.assign(article_id, title, body, columns[_PUBLISHED], entity_ids)
        else:
            self.stories.assign_text(article_id, title, parsed.story, columns[_PUBLISHED], entity_ids)

    def _link_entities(self, article_id: int, parsed: Parsed) -> list[int]:
        if not self.caught_up:
            self.entities.refresh()
            self.caught_up = self.linked = True
        mentions: dict[int, int] = {}
        source, published = parsed.columns[_SOURCE_KEY], parsed.columns[_PUBLISHED]
        ids = self.entities.link_article(parsed.entities, str(source) if source else None, str(published or ""))
        for entity, entity_id in zip(parsed.entities, ids, strict=True):
            mentions[entity_id] = mentions.get(entity_id, 0) + entity.mentions
        self.links.extend((article_id, entity_id, count) for entity_id, count in mentions.items())
        for entity_id in mentions:
            self.counts[entity_id] = self.counts.get(entity_id, 0) + 1
        return list(mentions)


_SOURCE_KEY, _PUBLISHED = COLUMNS.index("source_key"), COLUMNS.index("published")
_TITLE, _BODY = COLUMNS.index("title"), COLUMNS.index("body")
_INSERT = (
    f"INSERT INTO articles ({', '.join(COLUMNS)}, added_at, updated_at) VALUES ({', '.join('?' * (len(COLUMNS) + 2))})"
)
_INDEX = (
    "INSERT INTO articles_fts (rowid, title, body, entity_text) "
    "SELECT id, title, body, entity_text FROM articles WHERE id IN (SELECT value FROM json_each(?))"
)
_UPDATE = f"UPDATE articles SET {', '.join(f'{name} = ?' for name in COLUMNS)}, updated_at = ? WHERE id = ?"
