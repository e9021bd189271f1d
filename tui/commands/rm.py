"""`newsdesk rm ID... | --query QUERY [--yes]`: remove articles, their index rows and links,
and the entities no article names any more. Asks first on a terminal."""

from __future__ import annotations

import argparse
import sys

from articles.errors import NewsdeskError
from tui.commands.common import add_db_option, no_such_articles, open_store, whole_number
from tui.output import print_json, print_text


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("rm", help="remove articles by id or by query")
    parser.add_argument("ids", nargs="*", type=whole_number, metavar="ID")
    parser.add_argument("--query", metavar="QUERY", help="remove every article this query matches")
    parser.add_argument("--yes", action="store_true", help="do not ask (needed when stdin is not a terminal)")
    parser.add_argument("--json", action="store_true", help='print {"removed": n, "missing": n}')
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if bool(args.ids) == (args.query is not None):
        raise NewsdeskError("rm takes article ids or --query QUERY (one of the two)")
    with open_store(args) as store:
        found = store.matching_ids(args.query) if args.query is not None else store.existing(args.ids)
        missing = sorted(set(args.ids) - set(found))
        if found and not args.yes and not _confirmed(len(found)):
            print_text("nothing removed", sys.stderr)
            return 1
        removed = store.remove(found) if found else []
    if args.json:
        print_json({"removed": len(removed), "missing": len(missing)})
    else:
        print_text(f"{_articles(len(removed))} removed")
    if missing:
        raise NewsdeskError(no_such_articles(missing))
    return 0


def _confirmed(count: int) -> bool:
    """Ask on the terminal; refuse (one line, exit 2) when there is no one to ask."""
    if not sys.stdin.isatty():
        raise NewsdeskError(f"not removing {_articles(count)} without --yes (stdin is not a terminal to ask on)")
    sys.stderr.write(f"Remove {_articles(count)}? This cannot be undone. [y/N] ")
    sys.stderr.flush()
    try:
        answer = sys.stdin.readline()
    except KeyboardInterrupt:
        answer = ""
    return answer.strip().lower() in ("y", "yes")


def _articles(count: int) -> str:
    return f"{count:,} article{'s' if count != 1 else ''}"
