"""`newsdesk feed add|list|remove|import|export`: the archive's subscriptions, and OPML to move
them between feed readers."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from articles.sanitize import sanitize, sanitize_line
from tui.commands.common import add_db_option, open_store
from tui.outfile import written_whole
from tui.output import print_json, print_text

if TYPE_CHECKING:
    from store.feed_models import Feed


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("feed", help="subscribe to feeds: add, list, remove, import and export OPML")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="subscribe to a feed (RSS, Atom or RDF) by its address")
    add.add_argument("url", metavar="URL")
    add.add_argument("--name", help="what to call it (default: the feed's own title)")
    add.set_defaults(run=run_add)
    listing = actions.add_parser("list", help="the subscriptions, with their articles and last fetch")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(run=run_list)
    remove = actions.add_parser("remove", help="unsubscribe (the feed's articles stay in the archive)")
    remove.add_argument("url", metavar="URL")
    remove.set_defaults(run=run_remove)
    imported = actions.add_parser("import", help="subscribe to every feed of an OPML file")
    imported.add_argument("file", metavar="FILE.opml")
    imported.add_argument("--json", action="store_true", help="print the report as JSON")
    imported.set_defaults(run=run_import)
    export = actions.add_parser("export", help="write the subscriptions as OPML")
    export.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    export.set_defaults(run=run_export)
    for action in (add, listing, remove, imported, export):
        add_db_option(action)


def run_add(args: argparse.Namespace) -> int:
    from feeds.subscribe import add_feed

    with open_store(args, create=True) as store:  # subscribing is how a feed reader's archive starts
        feed, new = add_feed(store, args.url, args.name)
    if new:
        print_text(f"subscribed to {feed.url}; newsdesk fetch gets its articles")
    elif args.name is not None:
        print_text(f"already subscribed to {feed.url}; now called {feed.label}")
    else:
        print_text(f"already subscribed to {feed.url}", sys.stderr)
    return 0


def run_list(args: argparse.Namespace) -> int:
    from feeds.subscribe import list_feeds

    with open_store(args) as store:
        feeds = list_feeds(store)
    if args.json:
        print_json([feed.to_json() for feed in feeds])
    elif not feeds:
        print_text("no subscriptions yet: newsdesk feed add URL, or newsdesk feed import FILE.opml", sys.stderr)
    else:
        for feed in feeds:
            print_text(_line(feed))
    return 0


def _line(feed: Feed) -> str:
    """Name, articles, last fetch and address, tab-separated (a terminal shows them aligned enough)."""
    if feed.fetched_at is None:
        fetched = "never fetched"
    else:
        fetched = f"fetched {feed.fetched_at.replace('T', ' ')[:16]}"
        if feed.error:
            fetched += f" (failed: {feed.error})"
    count = f"{feed.articles:,} article{'s' if feed.articles != 1 else ''}"
    return "\t".join((sanitize_line(feed.label), count, sanitize_line(fetched), feed.url))


def run_remove(args: argparse.Namespace) -> int:
    from feeds.subscribe import remove_feed

    with open_store(args) as store:
        feed = remove_feed(store, args.url)
    kept = f"; its {feed.articles:,} article{'s' if feed.articles != 1 else ''} stay" if feed.articles else ""
    print_text(f"unsubscribed from {feed.url}{kept}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from feeds.subscribe import import_opml

    with open_store(args, create=True) as store:
        report = import_opml(store, args.file)
    if args.json:
        print_json(report.to_json())
        return 0
    for url, error in report.skipped:
        print_text(f"skipped {url}: {error}", sys.stderr)
    print_text(f"{report.added} subscribed, {report.existing} already subscribed, {len(report.skipped)} skipped")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from feeds.subscribe import export_opml

    with open_store(args) as store:
        document, count = export_opml(store)
    if not args.output:
        sys.stdout.write(sanitize(document))
        return 0
    with written_whole(args.output, [store.path]) as handle:
        handle.write(document)
    print_text(f"{count} feed{'s' if count != 1 else ''} written to {args.output}", sys.stderr)
    return 0
