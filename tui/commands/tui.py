"""`newsdesk` / `newsdesk tui [--db FILE]`: the terminal app."""

from __future__ import annotations

import argparse

from tui.commands.common import add_db_option


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("tui", help="open the terminal app (the default)")
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from store import Store
    from tui.app import make_app

    with Store.open(args.db) if args.db else Store.open() as store:
        path = store.path
    make_app(path).run()
    return 0
