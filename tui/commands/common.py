"""What the store-backed subcommands share: the --db option, opening the store, and
printing untrusted text safely to a terminal or a pipe."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from articles.sanitize import sanitize

if TYPE_CHECKING:
    from rich.console import Console

    from store import Store


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="FILE", help="database file (default: $NEWSDESK_DB or the user data folder)")


def open_store(args: argparse.Namespace, create: bool = False) -> Store:
    """The archive the command names; only commands that add articles may `create` one."""
    from store import Store

    return Store.open(args.db, create=create) if args.db else Store.open(create=create)


def console(stream: str = "stdout") -> Console:
    """A Rich console that never reads markup and only styles when it writes to a terminal."""
    from rich.console import Console

    file = sys.stdout if stream == "stdout" else sys.stderr
    return Console(file=file, markup=False, emoji=False, highlight=False, soft_wrap=True)


def clean(text: str | None) -> str:
    return sanitize(text or "")
