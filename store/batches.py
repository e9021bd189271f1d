"""An ingest's run over its files: parsed in order (on every core), written in atomic
batches, progress reported after each. The caller holds the archive's ingest lock."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from sqlite_utils import Database

from discover import collect_files
from store.changes import Plan, file_key, plan_ingest
from store.db import bulk_writes, translate_errors
from store.models import IngestReport
from store.removal import WRITES_KEY, count_change

if TYPE_CHECKING:
    from store.parsing import Parsed
    from store.writer import Writer

BATCH = 1000
Progress = Callable[[int, int], None]


def ingest_files(
    db: Database,
    where: str,
    targets: Iterable[str],
    report: IngestReport,
    progress: Progress | None,
    workers: int | None,
) -> set[str]:
    """Add or update the articles of `targets`, counting into `report` as each batch commits
    (so that an interrupted run's report says what was kept). Returns the files found (as the
    files table names them), read or refused."""
    files, failed = collect_files(targets)
    report.failed += failed
    with translate_errors(where), bulk_writes(db):
        plan = plan_ingest(db.conn, files)
        report.unchanged += plan.unchanged_articles
        if plan.jobs:
            read_and_write(db, plan, report, lambda done: progress(done, len(files)) if progress else None, workers)
    if progress:
        progress(len(files), len(files))
    return {file_key(path) for path in files} | {file_key(path) for path, _ in failed}


def read_and_write(
    db: Database, plan: Plan, report: IngestReport, progress: Callable[[int], None], workers: int | None
) -> None:
    """Parse the files that need it (the parser loads only here) and write them in batches."""
    from store.parsing import fewer_collections, parse_files
    from store.writer import Writer

    done = plan.skipped
    with fewer_collections():
        writer = Writer(db.conn)
        batch: list[Parsed] = []
        with contextlib.closing(parse_files(plan.jobs, workers)) as parsed_files:
            for parsed in parsed_files:
                batch.append(parsed)
                if len(batch) >= BATCH:
                    write_batch(db, writer, batch, report)
                    done += sum(parsed.ends_file for parsed in batch)
                    batch = []
                    progress(done)
        write_batch(db, writer, batch, report)
        finish(db, writer)


def write_batch(db: Database, writer: Writer, batch: Sequence[Parsed], report: IngestReport) -> None:
    """One batch, one IMMEDIATE transaction: all of it lands or none of it does."""
    if not batch:
        return
    counts = IngestReport()
    db.execute("BEGIN IMMEDIATE")
    try:
        writer.begin()
        for parsed in batch:
            writer.write(parsed, counts)
        writer.flush()
        if counts.added or counts.updated:
            count_change(db.conn, WRITES_KEY)
    except BaseException:
        db.rollback()
        raise
    try:
        db.commit()
    finally:
        # Counted once it has landed, even when Ctrl+C arrives as the commit returns (its
        # checkpoint can take a while after the batch is already visible to readers).
        if not db.conn.in_transaction:
            report.added += counts.added
            report.updated += counts.updated
            report.unchanged += counts.unchanged
            report.failed += counts.failed


def finish(db: Database, writer: Writer) -> None:
    """After the batches, in a transaction of its own: what the whole ingest now shows of
    short forms (a killed ingest skips it; the next one catches up)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        writer.finish()
    except BaseException:
        db.rollback()
        raise
    db.commit()
