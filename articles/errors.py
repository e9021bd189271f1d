"""Typed errors shared by every layer: one base class, one subclass per kind of failure."""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base of every error newsdesk reports to a user as one line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ParseError(NewsdeskError):
    """A file could not be turned into an article (unreadable, binary, empty, too large)."""
