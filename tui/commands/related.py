"""`newsdesk related ID`: the articles that share the most with one, best first, with why."""

from __future__ import annotations

import argparse

from tui.commands.common import add_db_option, clean, console, open_store, positive_number, whole_number
from tui.output import print_json


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("related", help="list the articles most related to one")
    parser.add_argument("id", type=whole_number)
    parser.add_argument("--limit", type=positive_number, default=10)
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        found = store.related(args.id, limit=args.limit)
    if args.json:
        print_json([item.to_json() for item in found])
        return 0
    from rich.text import Text

    from tui.explain import explain_related

    out = console()
    for item in found:
        line = Text()
        line.append(f"{item.id:>6}  ", style="dim")
        line.append(f"{item.score:5.2f}  ", style="magenta")
        line.append(f"{item.date or 'undated':<10}  ", style="cyan")
        line.append(clean(item.title), style="bold")
        if item.source:
            line.append(f"  ({clean(item.source)})", style="dim")
        out.print(line)
        out.print(Text("                          " + explain_related(item), style="dim"))
    if not found:
        out.print(Text("no related articles", style="dim"))
    return 0
