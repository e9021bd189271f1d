"""`newsdesk fetch`: get what is new in every subscribed feed, with each item's full page."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from tui.commands.common import add_db_option, console, open_store
from tui.output import print_json, print_text

if TYPE_CHECKING:
    from feeds.fetch import FetchReport
    from store import Store


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("fetch", help="fetch every subscribed feed and the page of each new item")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from feeds.fetch import FetchReport

    report = FetchReport()
    with open_store(args) as store:
        try:
            if sys.stderr.isatty() and not args.json:
                _with_progress(store, report)
            else:
                _fetch(store, report)
        except KeyboardInterrupt:
            print_text(f"stopped: {report.added} new articles were kept", sys.stderr)
            return 130
    if args.json:
        print_json(report.to_json())
    else:
        _say(report)
    return 1 if report.failed else 0


def _fetch(store: Store, report: FetchReport) -> None:
    from feeds.fetch import fetch_feeds

    fetch_feeds(store, report=report)


def _with_progress(store: Store, report: FetchReport) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from feeds.fetch import FetchProgress, fetch_feeds

    columns = (TextColumn("fetching"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"))
    with Progress(*columns, console=console("stderr"), transient=True) as bar:
        task = bar.add_task("", total=None)

        def show(done: FetchProgress) -> None:
            description = (
                f"feeds {done.feeds_done}/{done.feeds} · pages {done.pages_done}/{done.pages} · {done.added} new"
            )
            bar.update(
                task,
                completed=done.feeds_done + done.pages_done,
                total=done.feeds + done.pages,
                description=description,
            )

        fetch_feeds(store, progress=show, report=report)


def _say(report: FetchReport) -> None:
    for url, reason in report.summaries:
        print_text(f"summary only: {url}: {reason}", sys.stderr)
    for url, error in report.failed:
        print_text(f"failed {url}: {error}", sys.stderr)
    if not report.feeds:
        print_text("no subscriptions yet: newsdesk feed add URL, or newsdesk feed import FILE.opml", sys.stderr)
        return
    summaries = f" ({len(report.summaries)} from the feed's summary only)" if report.summaries else ""
    print_text(
        f"{report.feeds} feed{'s' if report.feeds != 1 else ''}: {report.added} added{summaries}, "
        f"{report.updated} updated, {report.unchanged} unchanged, {len(report.failed)} failed"
    )
