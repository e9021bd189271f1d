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


# SQLite stores integers in 64 bits: a bigger number can name no article and no count.
_LARGEST = 2**63 - 1


def whole_number(value: str) -> int:
    """An argparse type: a whole number, with a plain message when it is not one."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if abs(number) > _LARGEST:
        raise argparse.ArgumentTypeError(f"{value} is too large")
    return number


def positive_number(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    number = whole_number(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def no_such_articles(ids: list[int]) -> str:
    """'no article has id 7', or 'no articles have ids 7, 9 and 12' (the first ten named)."""
    if len(ids) == 1:
        return f"no article has id {ids[0]}"
    named = [str(number) for number in ids[:10]]
    rest = f"{len(ids) - 10:,} more" if len(ids) > 10 else named.pop()
    return f"no articles have ids {', '.join(named)} and {rest}"


def open_store(args: argparse.Namespace, create: bool = False) -> Store:
    """The archive the command names; only commands that add articles may `create` one."""
    from store import Store

    return Store.open(args.db, create=create) if args.db else Store.open(create=create)


# The command line's styles, by what they mark; its one place for colour (the app's is app.tcss).
STYLES = {
    "newsdesk.id": "dim",
    "newsdesk.date": "cyan",
    "newsdesk.title": "bold",
    "newsdesk.source": "dim",
    "newsdesk.match": "bold yellow",
    "newsdesk.count": "dim",
    "newsdesk.type": "dim",
    "newsdesk.name": "bold",
}


def console(stream: str = "stdout") -> Console:
    """A Rich console that never reads markup and only styles when it writes to a terminal,
    with the named styles above (`style="newsdesk.date"`)."""
    from rich.console import Console
    from rich.theme import Theme

    file = sys.stdout if stream == "stdout" else sys.stderr
    return Console(file=file, markup=False, emoji=False, highlight=False, soft_wrap=True, theme=Theme(STYLES))


def clean(text: str | None) -> str:
    return sanitize(text or "")
