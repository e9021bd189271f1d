"""`newsdesk entities`: the people, places and organisations the archive (or a query) names."""

from __future__ import annotations

import argparse

from tui.commands.common import add_db_option, clean, console, open_store, positive_number
from tui.output import print_json


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("entities", help="list entities with article counts")
    parser.add_argument("--type", choices=("person", "place", "organization"), default=None)
    parser.add_argument("--query", default="", help="count only among articles matching this query")
    parser.add_argument("--limit", type=positive_number, default=20)
    parser.add_argument("--json", action="store_true")
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        items = store.entities(args.query, kind=args.type, limit=args.limit)
    if args.json:
        print_json([item.to_json() for item in items])
        return 0
    from rich.text import Text

    out = console()
    for item in items:
        line = Text(f"{item.articles:>6}  ")
        line.append(f"{item.type:<13}", style="newsdesk.type")
        line.append(clean(item.name), style="newsdesk.name")
        out.print(line)
    return 0
