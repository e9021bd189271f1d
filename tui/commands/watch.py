"""`newsdesk watch [PATH...]`: ingest folders, then every file that appears or changes in
them, until Ctrl+C. Without paths, the folders of the config file (`folders = [...]`)."""

from __future__ import annotations

import argparse
import os
import sys
import threading

from articles.errors import NewsdeskError
from tui.commands.common import add_db_option, open_store
from tui.output import print_text


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("watch", help="ingest folders and keep ingesting what changes in them")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="folders (default: `folders` in the config file)")
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from store import IngestInterrupted, IngestReport
    from tui.config import config_path, load_config

    folders = list(args.paths) or list(load_config().folders)
    if not folders:
        raise NewsdeskError(f"no folders to watch: name them, or set folders = [...] in {config_path()}")
    stop = threading.Event()
    with open_store(args, create=True) as store:
        _say(store.ingest(folders), "ingested " + ", ".join(folders))
        watched = [folder for folder in folders if os.path.isdir(folder)]
        if not watched:
            raise NewsdeskError(f"none of {', '.join(folders)} is a folder to watch")
        print_text(f"watching {len(watched)} folder{'s' if len(watched) != 1 else ''} (Ctrl+C stops)", sys.stderr)
        try:
            from discover import watch_files

            for files in watch_files(watched, stop):
                report: IngestReport = store.ingest(files, workers=1)
                _say(report, f"{len(files)} file{'s' if len(files) != 1 else ''} changed")
        except (KeyboardInterrupt, IngestInterrupted):
            stop.set()
        except OSError as error:
            raise NewsdeskError(f"cannot watch {', '.join(watched)}: {error.strerror or error}") from None
    return 0


def _say(report, what: str) -> None:  # type: ignore[no-untyped-def]
    for path, error in report.failed:
        print_text(f"skipped {path}: {error}", sys.stderr)
    print_text(f"{what}: {report.added} added, {report.updated} updated, {report.unchanged} unchanged")
    sys.stdout.flush()
