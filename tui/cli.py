"""The `newsdesk` command line. Subcommands import what they need when they run, so that
`newsdesk parse` never pays for Textual and the app starts fast."""

from __future__ import annotations

import argparse
import errno
import sys
from collections.abc import Sequence
from typing import NoReturn

from articles.errors import NewsdeskError
from tui.commands import (
    entities,
    entity,
    export,
    feed,
    fetch,
    ingest,
    mark,
    related,
    rm,
    search,
    show,
    stats,
    stories,
    tui,
    watch,
)
from tui.commands import parse as parse_command
from tui.output import abandon_stdout, print_error

# Write errors of a full or failing output (`newsdesk export > /dev/full`).
_OUTPUT_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


class _Parser(argparse.ArgumentParser):
    """argparse with one line for a mistake, not the usage block before it (subcommands
    inherit the class)."""

    def error(self, message: str) -> NoReturn:
        print_error(message, prefix=f"{self.prog}: error: ")
        sys.exit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsdesk",
        description="Read, search and slice a local archive of news articles, offline.",
    )
    parser.add_argument("--version", action=_Version, help="print the version and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in (
        tui,
        parse_command,
        ingest,
        watch,
        rm,
        search,
        show,
        related,
        stories,
        entities,
        entity,
        mark,
        export,
        stats,
        feed,
        fetch,
    ):
        command.add_parser(subparsers)
    return parser


def with_command(argv: Sequence[str]) -> list[str]:
    """The arguments with `tui` in front when they name no command: `newsdesk --db FILE`
    opens the app on FILE, as `newsdesk tui --db FILE` does."""
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
        return ["tui", *argv]
    return list(argv)


def _notices_on_stderr() -> None:
    """What the store says while it works (an archive upgraded on opening), one line each on
    whatever stderr is when it is said, before the app takes the screen."""
    import logging

    class Stderr(logging.StreamHandler):  # type: ignore[type-arg]
        def emit(self, record: logging.LogRecord) -> None:
            self.stream = sys.stderr  # not setStream: it would flush a stream now closed
            super().emit(record)

    logger = logging.getLogger("newsdesk")
    if not logger.handlers:
        handler = Stderr()
        handler.setFormatter(logging.Formatter("newsdesk: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(with_command(sys.argv[1:] if argv is None else argv))
    _notices_on_stderr()
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


class _Version(argparse.Action):
    """--version, read from the installed package's metadata only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help=str(kwargs.get("help", "")))

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("newsdesk")
        except PackageNotFoundError:
            found = "(not installed)"
        sys.stdout.write(f"newsdesk {found}\n")
        parser.exit()


def entry_point() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry_point()
