"""`newsdesk ingest PATH...`: add files, folders and globs to the archive."""

from __future__ import annotations

import argparse
import sys

from articles.sanitize import sanitize
from tui.commands.common import add_db_option, console, open_store, positive_number
from tui.output import print_json, print_text


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("ingest", help="add article files, folders and globs to the archive")
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--workers", type=positive_number, default=None, help="parsing processes (default: one per core)"
    )
    parser.add_argument(
        "--prune", action="store_true", help="also remove the articles whose files under these paths are gone"
    )
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from store import IngestInterrupted

    with open_store(args, create=True) as store:
        try:
            if sys.stderr.isatty() and not args.json:
                report = _with_progress(store, args)
            else:
                report = store.ingest(
                    args.paths, workers=args.workers, on_wait=lambda: _waiting(store.path), prune=args.prune
                )
        except IngestInterrupted as stopped:
            print_text(stopped.message, sys.stderr)
            return 130
    if args.json:
        print_json(report.to_json())
    else:
        for path, error in report.failed:
            print_text(f"skipped {path}: {error}", sys.stderr)
        removed = f", {report.removed} removed" if report.removed is not None else ""
        print_text(
            f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged{removed}, "
            f"{len(report.failed)} failed"
        )
    return 1 if report.failed else 0


def _waiting(path: str) -> None:
    print_text(f"waiting for another ingest into {path} to finish (Ctrl+C stops waiting)…", sys.stderr)


def _with_progress(store, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console("stderr"), transient=True) as bar:
        task = bar.add_task("ingest", total=None)
        return store.ingest(
            args.paths,
            lambda done, total: bar.update(task, completed=done, total=total),
            args.workers,
            lambda: bar.console.print(f"waiting for another ingest into {sanitize(store.path)} to finish…"),
            args.prune,
        )
