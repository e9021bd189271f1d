"""An ingest's run over its files: parsed in order (on every core), written in atomic
batches, progress reported after each. The caller holds the archive's ingest lock."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence

from sqlite_utils import Database

from discover import collect_files
from store.changes import file_key, plan_ingest
from store.db import bulk_writes, translate_errors
from store.models import IngestReport
from store.parsing import Parsed, fewer_collections, parse_files
from store.writer import Writer

BATCH = 500
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
    with translate_errors(where), fewer_collections(), bulk_writes(db):
        plan = plan_ingest(db.conn, files)
        report.unchanged += plan.unchanged_articles
        done = plan.skipped
        writer = Writer(db.conn)
        batch: list[Parsed] = []
        with contextlib.closing(parse_files(plan.jobs, workers)) as parsed_files:
            for parsed in parsed_files:
                batch.append(parsed)
                if len(batch) >= BATCH:
                    write_batch(db, writer, batch, report)
                    done += sum(parsed.ends_file for parsed in batch)
                    batch = []
                    if progress:
                        progress(done, len(files))
        write_batch(db, writer, batch, report)
        finish(db, writer)
    if progress:
        progress(len(files), len(files))
    return {file_key(path) for path in files} | {file_key(path) for path, _ in failed}


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
    except BaseException:
        db.rollback()
        raise
    db.commit()
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
