"""Reading an ingest's files into rows: decoded, parsed and hashed, on every core when there
are enough (worker processes that die with the ingest), records streamed a batch at a time."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import signal
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, replace
from functools import partial

from articles import Article, ParseError
from articles.decode import opened
from articles.entities.normalize import fold
from articles.entities.record import EntityRecord, record_of
from articles.formats import Entry, NeedsStreaming, Part, entry_of, read_entries, read_parts
from discover import shown_path
from store.changes import FileSeen, Job
from store.fanout import Fanout, chunked, die_with, last_marked
from store.story_keys import StoryText, story_text

PARALLEL_FROM = 64
RECORD_BATCH = 64
PARALLEL_RECORDS_FROM = 256 * 1024  # bytes: smaller record files are parsed in this process
_HASH_CHUNK = 1 << 20
# Garbage collection during an ingest: rarer young collections, for millions of short-lived objects.
_INGEST_GC_THRESHOLD = (20_000, 50, 100)
Progress = Callable[[int, int], None]


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
    file: FileSeen | None = None  # the file it was read from
    same_file: bool = False  # its file's bytes are those read before: nothing was parsed
    story: StoryText | None = None  # its keys for story assignment

    @classmethod
    def of(cls, path: str, content_hash: str, article: Article, ends_file: bool = True) -> Parsed:
        entities = tuple(record_of(entity) for entity in article.entities)
        columns = _columns(path, content_hash, article)
        story = story_text(article.title, article.body_text)
        return cls(path, content_hash, columns, entities, ends_file=ends_file, story=story)


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


def parse_one(job: Job) -> list[Parsed]:
    """Decode, hash and parse one file into its articles (runs in a worker process). The file
    is opened by the name the system gave; its articles are stored and reported by the name
    newsdesk shows. A file whose bytes hash as they did when it was last read comes back as
    one Parsed marked `same_file`, unparsed. A file of JSON records comes back as one Parsed
    marked `streamed`: parse_files reads it record by record."""
    path, found, known = job
    name = shown_path(path)
    seen = replace(found, digest=file_digest(path)) if found is not None else None
    if seen is not None and known is not None and seen.digest == known:
        return [Parsed(name, file=seen, same_file=True)]
    try:
        parsed = [_parsed(name, entry, False, seen) for entry in read_entries(path, records=False)]
        parsed[-1] = replace(parsed[-1], ends_file=True)
        return parsed
    except NeedsStreaming:
        return [Parsed(path, streamed=True, file=seen)]
    except ParseError as error:
        return [Parsed(name, error=error.message)]
    except (RecursionError, MemoryError, ValueError) as error:
        return [Parsed(name, error=f"could not parse ({error.__class__.__name__})")]


def parse_records(batch: tuple[str, FileSeen | None, list[Part]]) -> list[Parsed]:
    """Parse records that the main process read from a file (runs in a worker process)."""
    path, seen, parts = batch
    name = shown_path(path)
    return [_parsed(name, entry_of(part), False, seen) for part in parts]


def _parsed(name: str, entry: Entry, ends_file: bool, seen: FileSeen | None) -> Parsed:
    if entry.article is None:
        return Parsed(name + entry.label, error=entry.error, ends_file=ends_file, file=seen)
    where = name if entry.key is None else f"{name}#{entry.key}"
    content_hash = hashlib.sha256(entry.fingerprint.encode("utf-8", "surrogatepass")).hexdigest()
    return replace(Parsed.of(where, content_hash, entry.article, ends_file), file=seen)


def file_digest(path: str) -> str | None:
    """A hash of the file's bytes, or None when they cannot be read (parsing then says why)."""
    try:
        with opened(path) as (descriptor, _size):
            digest = hashlib.blake2b(digest_size=20)
            while chunk := os.read(descriptor, _HASH_CHUNK):
                digest.update(chunk)
    except (ParseError, OSError):
        return None
    return digest.hexdigest()


def parse_files(files: list[Job], workers: int | None) -> Generator[Parsed, None, None]:
    """Parsed articles in file order; on every core when there are enough of them. Records are
    streamed in batches, a bounded number at a time."""
    cores = os.cpu_count() or 1
    # More processes than cores only costs memory, and a number typed by mistake must not fork thousands.
    count = min(workers if workers is not None else cores, cores * 2)
    with Fanout(count, _load_lexicon, partial(_prepare_worker, os.getpid())) as fanout:
        for parsed_files in fanout.map(parse_chunk, chunked(files, 32), len(files) >= PARALLEL_FROM):
            for parsed in parsed_files:
                if parsed.streamed:
                    yield from last_marked(_streamed(fanout, parsed.path, parsed.file))
                else:
                    yield parsed


def parse_chunk(jobs: list[Job]) -> list[Parsed]:
    return [parsed for job in jobs for parsed in parse_one(job)]


def _streamed(fanout: Fanout, path: str, seen: FileSeen | None) -> Iterator[Parsed]:
    try:
        batches = ((path, seen, parts) for parts in chunked(read_parts(path), RECORD_BATCH))
        parallel = os.path.getsize(path) >= PARALLEL_RECORDS_FROM
        for parsed_records in fanout.map(parse_records, batches, parallel):
            yield from parsed_records
    except (ParseError, OSError) as error:
        message = getattr(error, "message", None) or f"cannot read file ({error})"
        yield Parsed(shown_path(path), error=message, file=seen)


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
    die_with(parent)
    lexicon()
    gc.freeze()
    gc.set_threshold(*_INGEST_GC_THRESHOLD)
