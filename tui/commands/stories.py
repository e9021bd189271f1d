"""`newsdesk stories [QUERY]`: stories (one event told by several articles) newest first."""

from __future__ import annotations

import argparse

from tui.commands.common import add_db_option, clean, console, open_store, positive_number
from tui.output import print_json


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("stories", help="list stories: articles about the same event")
    parser.add_argument("query", nargs="?", default="", help="only stories with an article matching this query")
    parser.add_argument("--limit", type=positive_number, default=20)
    parser.add_argument("--min-articles", type=positive_number, default=2, help="smallest story listed (default 2)")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        found = store.stories(args.query, limit=args.limit, smallest=args.min_articles)
    if args.json:
        print_json([story.to_json() for story in found])
        return 0
    from rich.text import Text

    out = console()
    for story in found:
        line = Text()
        line.append(f"story:{story.story:<6} ", style="dim")
        line.append(f"{story.date or 'undated':<10}  ", style="cyan")
        line.append(clean(story.title), style="bold")
        out.print(line)
        sources = ", ".join(clean(source) for source in story.sources) or "no source named"
        count = len(story.articles)
        out.print(Text(f"              {count} article{'s' if count != 1 else ''} · {sources}", style="dim"))
    if not found:
        out.print(Text("no stories", style="dim"))
    return 0
