"""`newsdesk mark ID... --read|--unread|--star|--unstar`: change reading state."""

from __future__ import annotations

import argparse

from articles.errors import NewsdeskError
from tui.commands.common import add_db_option, no_such_articles, open_store, whole_number
from tui.output import print_json, print_text


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("mark", help="mark articles read, unread, starred or unstarred")
    parser.add_argument("ids", nargs="+", type=whole_number, metavar="ID")
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
        found = store.mark(args.ids, **{field: value})
    changed = len(found)
    missing = sorted(set(args.ids) - set(found))
    if args.json:
        print_json({"changed": changed, "missing": len(missing)})
    elif changed or not missing:
        print_text(f"{changed} article{'s' if changed != 1 else ''} marked")
    if missing:
        raise NewsdeskError(no_such_articles(missing))
    return 0
