"""Ingest article files: idempotent (same content, one article), updates in place (reading
state kept), atomic per batch, parsing on every core, failures reported and skipped."""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import gc
import hashlib
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, replace
from functools import partial
from sqlite3 import Connection

from articles import Article, ParseError
from articles.entities.normalize import fold
from articles.entities.record import EntityRecord, record_of
from articles.formats import Entry, NeedsStreaming, Part, entry_of, read_entries, read_parts
from discover import shown_path
from store.entities import EntityRegistry
from store.fanout import Fanout, chunked, last_marked
from store.models import IngestReport

BATCH = 500
PARALLEL_FROM = 64
RECORD_BATCH = 64
PARALLEL_RECORDS_FROM = 256 * 1024  # bytes: smaller record files are parsed in this process
# Garbage collection during an ingest: rarer young collections, for millions of short-lived objects.
_INGEST_GC_THRESHOLD = (20_000, 50, 100)
Progress = Callable[[int, int], None]
_PR_SET_PDEATHSIG = 1
_PARENT_POLL_SECONDS = 1.0


# The article columns a worker prepares, in this order.
COLUMNS = (
    "content_hash", "path", "title", "subtitle", "published", "source", "source_key", "url", "byline", "body",
    "captions", "entity_text", "words",
)  # fmt: skip


@dataclass(frozen=True)
class Parsed:
    """A file read and parsed in a worker, ready to write as plain values (cheap to send
    between processes), or the reason it could not be."""

    path: str
    content_hash: str | None = None
    columns: tuple[object, ...] = ()
    entities: tuple[EntityRecord, ...] = ()
    error: str | None = None
    streamed: bool = False  # a file of records, for the main process to read as a stream
    ends_file: bool = True  # the last article of its file (progress counts files)

    @classmethod
    def of(cls, path: str, content_hash: str, article: Article, ends_file: bool = True) -> Parsed:
        entities = tuple(record_of(entity) for entity in article.entities)
        return cls(path, content_hash, _columns(path, content_hash, article), entities, ends_file=ends_file)


def _columns(path: str, content_hash: str, article: Article) -> tuple[object, ...]:
    entity_text = " ".join(
        dict.fromkeys(form for entity in article.entities for form in (entity.name, *entity.aliases))
    )
    body = article.body_text
    return (
        content_hash,
        path,
        article.title,
        article.subtitle,
        article.date_iso,
        article.source,
        fold(article.source) if article.source else None,
        article.url,
        json.dumps(list(article.byline), ensure_ascii=False) if article.byline else None,
        body,
        json.dumps(list(article.captions), ensure_ascii=False) if article.captions else None,
        entity_text,
        len(body.split()),
    )


def parse_one(path: str) -> list[Parsed]:
    """Decode, hash and parse one file into its articles (runs in a worker process). The file
    is opened by the name the system gave; its articles are stored and reported by the name
    newsdesk shows. A file of JSON records comes back as one Parsed marked `streamed`:
    parse_files reads it record by record."""
    name = shown_path(path)
    try:
        parsed = [_parsed(name, entry, ends_file=False) for entry in read_entries(path, records=False)]
        parsed[-1] = replace(parsed[-1], ends_file=True)
        return parsed
    except NeedsStreaming:
        return [Parsed(path, streamed=True)]
    except ParseError as error:
        return [Parsed(name, error=error.message)]
    except (RecursionError, MemoryError, ValueError) as error:
        return [Parsed(name, error=f"could not parse ({error.__class__.__name__})")]


def parse_records(batch: tuple[str, list[Part]]) -> list[Parsed]:
    """Parse records that the main process read from a file (runs in a worker process)."""
    path, parts = batch
    name = shown_path(path)
    return [_parsed(name, entry_of(part), ends_file=False) for part in parts]


def _parsed(name: str, entry: Entry, ends_file: bool) -> Parsed:
    if entry.article is None:
        return Parsed(name + entry.label, error=entry.error, ends_file=ends_file)
    where = name if entry.key is None else f"{name}#{entry.key}"
    content_hash = hashlib.sha256(entry.fingerprint.encode("utf-8", "surrogatepass")).hexdigest()
    return Parsed.of(where, content_hash, entry.article, ends_file)


def parse_files(files: list[str], workers: int | None) -> Generator[Parsed, None, None]:
    """Parsed articles in file order; on every core when there are enough of them. Records are
    streamed in batches, a bounded number at a time."""
    cores = os.cpu_count() or 1
    # More processes than cores only costs memory, and a number typed by mistake must not fork thousands.
    count = min(workers if workers is not None else cores, cores * 2)
    with Fanout(count, _load_lexicon, partial(_prepare_worker, os.getpid())) as fanout:
        for parsed_files in fanout.map(parse_chunk, chunked(files, 32), len(files) >= PARALLEL_FROM):
            for parsed in parsed_files:
                if parsed.streamed:
                    yield from last_marked(_streamed(fanout, parsed.path))
                else:
                    yield parsed


def parse_chunk(paths: list[str]) -> list[Parsed]:
    return [parsed for path in paths for parsed in parse_one(path)]


def _streamed(fanout: Fanout, path: str) -> Iterator[Parsed]:
    try:
        batches = ((path, parts) for parts in chunked(read_parts(path), RECORD_BATCH))
        parallel = os.path.getsize(path) >= PARALLEL_RECORDS_FROM
        for parsed_records in fanout.map(parse_records, batches, parallel):
            yield from parsed_records
    except (ParseError, OSError) as error:
        yield Parsed(shown_path(path), error=getattr(error, "message", None) or f"cannot read file ({error})")


def _load_lexicon() -> None:
    from articles.entities.lexicon import lexicon

    lexicon()  # once here: forked workers inherit the word lists instead of each loading them


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect garbage less often while a batch job makes millions of short-lived objects."""
    old = gc.get_threshold()
    gc.set_threshold(*_INGEST_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _prepare_worker(parent: int) -> None:
    """Load the word lists once and keep the garbage collector off them: parsing makes many
    short-lived objects, and rescanning the long-lived lexicon every collection is waste.
    Ctrl+C is the ingest's to handle (it stops between batches), and a worker dies with it."""
    from articles.entities.lexicon import lexicon

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with(parent)
    lexicon()
    gc.freeze()
    gc.set_threshold(*_INGEST_GC_THRESHOLD)


def _die_with(parent: int) -> None:
    """End this worker when the ingest process `parent` ends, even by kill -9 (the pool's
    queue never tells a worker then: the other workers hold it open too, and workers lived
    on forever). On Linux the kernel sends SIGKILL (prctl PR_SET_PDEATHSIG); elsewhere a
    thread watches for the worker being handed to another parent."""
    if sys.platform.startswith("linux") and _kill_on_parent_death():
        if os.getppid() != parent:  # the parent was gone before the request took effect
            os._exit(1)
        return
    threading.Thread(target=_watch_parent, args=(parent,), name="parent-watch", daemon=True).start()


def _kill_on_parent_death() -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL_SECONDS)
    os._exit(1)


class Writer:
    """Writes parsed articles into the database, one transaction per batch."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.entities = EntityRegistry(conn)
        self.now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self.links: list[tuple[int, int, int]] = []
        self.counts: dict[int, int] = {}
        self.unindexed: list[int] = []

    def begin(self) -> None:
        """Inside the batch's transaction: catch up with what other writers stored."""
        self.entities.refresh()

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

    def _index(self) -> None:
        """Index the articles added since the last call, in one statement (FTS5 then writes
        their terms out once, not once per article)."""
        if self.unindexed:
            self.conn.execute(_INDEX, (json.dumps(self.unindexed),))
            self.unindexed = []

    def write(self, parsed: Parsed, report: IngestReport) -> None:
        if parsed.error is not None or parsed.content_hash is None:
            report.failed.append((parsed.path, parsed.error or "could not be read"))
            return
        existing = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (parsed.content_hash,)
        ).fetchone()
        if existing is not None:
            self._point(parsed.path, existing[0])
            report.unchanged += 1
            return
        previous = self.conn.execute("SELECT article_id FROM paths WHERE path = ?", (parsed.path,)).fetchone()
        if previous is not None and self._only_path(previous[0]):
            self._update(previous[0], parsed)
            report.updated += 1
        else:
            article_id = self._insert(parsed)
            self._point(parsed.path, article_id)
            report.added += 1

    def _only_path(self, article_id: int) -> bool:
        row = self.conn.execute("SELECT count(*) FROM paths WHERE article_id = ?", (article_id,)).fetchone()
        return bool(row[0] <= 1)

    def _point(self, path: str, article_id: int) -> None:
        self.conn.execute(
            "INSERT INTO paths (path, article_id) VALUES (?, ?) "
            "ON CONFLICT (path) DO UPDATE SET article_id = excluded.article_id",
            (path, article_id),
        )

    def _insert(self, parsed: Parsed) -> int:
        cursor = self.conn.execute(_INSERT, (*parsed.columns, self.now, self.now))
        article_id = int(cursor.lastrowid or 0)
        self.unindexed.append(article_id)
        self._link_entities(article_id, parsed)
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
        self._link_entities(article_id, parsed)

    def finish(self) -> None:
        """Once every batch is in: give short forms the full names the archive now supports."""
        self.entities.refresh()
        self.entities.reconcile()

    def _link_entities(self, article_id: int, parsed: Parsed) -> None:
        mentions: dict[int, int] = {}
        source, published = parsed.columns[_SOURCE_KEY], parsed.columns[_PUBLISHED]
        ids = self.entities.link_article(parsed.entities, str(source) if source else None, str(published or ""))
        for entity, entity_id in zip(parsed.entities, ids, strict=True):
            mentions[entity_id] = mentions.get(entity_id, 0) + entity.mentions
        self.links.extend((article_id, entity_id, count) for entity_id, count in mentions.items())
        for entity_id in mentions:
            self.counts[entity_id] = self.counts.get(entity_id, 0) + 1


_SOURCE_KEY, _PUBLISHED = COLUMNS.index("source_key"), COLUMNS.index("published")
_INSERT = (
    f"INSERT INTO articles ({', '.join(COLUMNS)}, added_at, updated_at) VALUES ({', '.join('?' * (len(COLUMNS) + 2))})"
)
_INDEX = (
    "INSERT INTO articles_fts (rowid, title, body, entity_text) "
    "SELECT id, title, body, entity_text FROM articles WHERE id IN (SELECT value FROM json_each(?))"
)
_UPDATE = f"UPDATE articles SET {', '.join(f'{name} = ?' for name in COLUMNS)}, updated_at = ? WHERE id = ?"
