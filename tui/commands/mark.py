"""`newsdesk mark ID... --read|--unread|--star|--unstar`: change reading state."""

from __future__ import annotations

import argparse

from articles.errors import NewsdeskError
from tui.commands.common import add_db_option, open_store
from tui.output import print_json, print_text


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("mark", help="mark articles read, unread, starred or unstarred")
    parser.add_argument("ids", nargs="+", type=int, metavar="ID")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--read", dest="change", action="store_const", const=("read", True))
    group.add_argument("--unread", dest="change", action="store_const", const=("read", False))
    group.add_argument("--star", dest="change", action="store_const", const=("starred", True))
    group.add_argument("--unstar", dest="change", action="store_const", const=("starred", False))
    parser.add_argument("--json", action="store_true")
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    field, value = args.change
    with open_store(args) as store:
        changed = store.mark(args.ids, **{field: value})
    missing = len(set(args.ids)) - changed
    if args.json:
        print_json({"changed": changed, "missing": missing})
    else:
        print_text(f"{changed} article{'s' if changed != 1 else ''} marked")
    if missing:
        raise NewsdeskError(f"{missing} of the ids given are not in the archive")
    return 0
