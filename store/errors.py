"""Errors the store reports: a bad query, or a database that cannot do what was asked."""

from __future__ import annotations

from articles.errors import NewsdeskError


class QueryError(NewsdeskError):
    """The query text cannot be run; the message points at the problem."""


class StoreError(NewsdeskError):
    """The database failed (locked, read-only, full, corrupt); nothing was half-written."""


class Cancelled(NewsdeskError):
    """A search was stopped because its caller no longer wants it."""
