"""The `newsdesk` command line. Subcommands import what they need when they run, so that
`newsdesk parse` never pays for Textual and the app starts fast."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from articles.errors import NewsdeskError
from tui.commands import entities, export, feed, fetch, ingest, mark, search, show, stats, tui
from tui.commands import parse as parse_command
from tui.output import print_error


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Read, search and slice a local archive of news articles, offline.",
    )
    parser.add_argument("--version", action=_Version, help="print the version and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in (tui, parse_command, ingest, search, show, entities, mark, export, stats, feed, fetch):
        command.add_parser(subparsers)
    return parser


def with_command(argv: Sequence[str]) -> list[str]:
    """The arguments with `tui` in front when they name no command: `newsdesk --db FILE`
    opens the app on FILE, as `newsdesk tui --db FILE` does."""
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
        return ["tui", *argv]
    return list(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(with_command(sys.argv[1:] if argv is None else argv))
    try:
        return int(args.run(args))
    except NewsdeskError as error:
        print_error(error.message)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


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
