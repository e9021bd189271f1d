"""`newsdesk entity NAME`: one entity over time (articles per month) and the entities named
with it most."""

from __future__ import annotations

import argparse

from tui.commands.common import add_db_option, clean, console, open_store
from tui.output import print_json

BAR = 40


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("entity", help="one entity's articles per month and its companions")
    parser.add_argument("name", help="a name as you would search it: erdogan, 'Vladimir Putin', nato")
    parser.add_argument("--type", choices=("person", "place", "organization"), default=None)
    parser.add_argument("--json", action="store_true", help="print a JSON object")
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        trend = store.entity_trend(args.name, args.type)
    if args.json:
        print_json(trend.to_json())
        return 0
    from rich.text import Text

    out = console()
    out.print(Text(f"{clean(trend.name)} ({trend.type}): {trend.articles:,} articles", style="bold"))
    most = max(trend.months.values(), default=1)
    for month, count in trend.months.items():
        out.print(Text(f"  {month}  {count:>6}  " + "█" * max(1, round(BAR * count / most))))
    if trend.undated:
        out.print(Text(f"  undated  {trend.undated:>5}", style="dim"))
    out.print(Text("named with" + (" (approx.)" if trend.approximate else "") + ":", style="bold"))
    for item in trend.companions:
        out.print(Text(f"  {item.articles:>6}  {item.type:<13}{clean(item.name)}"))
    return 0
