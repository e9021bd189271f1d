"""The `newsdesk` command line. Subcommands import what they need when they run, so that
`newsdesk parse` never pays for Textual and the app starts fast."""

from __future__ import annotations

import argparse
import errno
import sys
from collections.abc import Sequence

from articles.errors import NewsdeskError
from tui.commands import entities, export, ingest, mark, search, show, stats, tui
from tui.commands import parse as parse_command
from tui.output import abandon_stdout, print_error

# Write errors of a full or failing output (`newsdesk export > /dev/full`).
_OUTPUT_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Read, search and slice a local archive of news articles, offline.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in (tui, parse_command, ingest, search, show, entities, mark, export, stats):
        command.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "run", None) is None:
        args = parser.parse_args(["tui", *(argv or [])])
    try:
        code = int(args.run(args))
        sys.stdout.flush()
        return code
    except NewsdeskError as error:
        print_error(error.message)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        abandon_stdout()
        return 0
    except OSError as error:
        if error.errno not in _OUTPUT_FULL:
            raise
        abandon_stdout()
        print_error(f"cannot write the output: {error.strerror}")
        return 2


def entry_point() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry_point()
