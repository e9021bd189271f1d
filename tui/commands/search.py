"""`newsdesk search QUERY`: ranked or timeline search with marked snippets."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from tui.commands.common import add_db_option, clean, console, open_store, positive_number, whole_number
from tui.output import print_json, print_text

if TYPE_CHECKING:
    from rich.text import Text

    from store import SearchHit


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("search", help="search the archive with the query language")
    parser.add_argument(
        "query", nargs="?", default="", help='e.g. idlib person:erdogan date:2020 "joint patrols" -idlib'
    )
    parser.add_argument("--limit", type=positive_number, default=20)
    parser.add_argument("--offset", type=whole_number, default=0)
    parser.add_argument("--sort", choices=("rank", "date"), default="rank")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        page = store.search(args.query, sort=args.sort, limit=args.limit, offset=args.offset)
    from store.query.notes import query_notes

    for note in query_notes(args.query):
        print_text(f"note: {note}", sys.stderr)
    if args.json:
        print_json([hit.to_json() for hit in page.hits])
        return 0
    from rich.text import Text

    out = console()
    for hit in page.hits:
        line = Text()
        line.append(f"{hit.id:>6}  ", style="dim")
        line.append(f"{hit.date or 'undated':<10}  ", style="cyan")
        line.append(clean(hit.title), style="bold")
        if hit.source:
            line.append(f"  ({clean(hit.source)})", style="dim")
        out.print(line)
        out.print(snippet_text(hit, indent="          "))
    out.print(Text(f"{page.total} matching article{'s' if page.total != 1 else ''}", style="dim"))
    return 0


def snippet_text(hit: SearchHit, indent: str = "") -> Text:
    """The snippet with its matches styled."""
    from rich.text import Text

    text = Text(indent)
    text.append(hit.snippet)
    for start, end in hit.matches:
        text.stylize("bold yellow", len(indent) + start, len(indent) + end)
    return text
