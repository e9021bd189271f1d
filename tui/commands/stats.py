"""`newsdesk stats`: how much the archive holds."""

from __future__ import annotations

import argparse

from tui.commands.common import add_db_option, open_store
from tui.output import print_json, print_text


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("stats", help="counts of articles, entities and the database size")
    parser.add_argument("--json", action="store_true")
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        stats = store.stats()
    if args.json:
        print_json(stats.to_json())
        return 0
    print_text(
        "\n".join(
            [
                f"database  {stats.path}",
                f"articles  {stats.articles:,} ({stats.undated:,} undated)",
                f"entities  {stats.entities:,}",
                f"read      {stats.read:,}",
                f"starred   {stats.starred:,}",
                f"size      {stats.database_bytes / 1024 / 1024:.1f} MB",
            ]
        )
    )
    return 0
