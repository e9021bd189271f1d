"""Errors the store reports: a bad query, or a database that cannot do what was asked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from articles.errors import NewsdeskError

if TYPE_CHECKING:
    from store.models import IngestReport


class QueryError(NewsdeskError):
    """The query text cannot be run; the message points at the problem."""


class StoreError(NewsdeskError):
    """The database failed (locked, read-only, full, corrupt); nothing was half-written."""


class Cancelled(NewsdeskError):
    """A search was stopped because its caller no longer wants it."""


class IngestInterrupted(NewsdeskError):
    """An ingest was stopped (Ctrl+C) between batches; `report` holds what it kept."""

    def __init__(self, report: IngestReport) -> None:
        kept = report.added + report.updated
        super().__init__(
            f"ingest stopped: {kept:,} articles kept ({report.added:,} added, {report.updated:,} updated, "
            f"{report.unchanged:,} unchanged); the batch in progress was not written; run the same ingest again to finish"
        )
        self.report = report
