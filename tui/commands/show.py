"""`newsdesk show ID`: one article with its metadata, entities and reading state."""

from __future__ import annotations

import argparse

from articles.errors import NewsdeskError
from tui.commands.common import add_db_option, clean, console, open_store
from tui.output import print_json
from tui.wrap import wrap


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("show", help="print one article")
    parser.add_argument("id", type=int)
    parser.add_argument("--json", action="store_true")
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        stored = store.article(args.id)
    if stored is None:
        raise NewsdeskError(f"no article with id {args.id}")
    if args.json:
        print_json(stored.to_json())
        return 0
    from rich.text import Text

    article = stored.article
    out = console()
    out.print(Text(clean(article.title), style="bold"))
    if article.subtitle:
        out.print(Text(clean(article.subtitle), style="italic"))
    meta = [article.date_iso or "undated", article.source or "", ", ".join(article.byline or ())]
    out.print(Text("  ·  ".join(clean(item) for item in meta if item), style="dim"))
    if article.url:
        out.print(Text(clean(article.url), style="dim underline"))
    state = ("read" if stored.read else "unread") + (", starred" if stored.starred else "")
    out.print(Text(f"#{stored.id}  {state}", style="dim"))
    out.print()
    width = out.width if out.is_terminal else None
    for paragraph in article.body:
        out.file.write(_wrapped(clean(paragraph), width) + "\n\n")
    if article.entities:
        names = ", ".join(f"{clean(entity.name)} ({entity.type})" for entity in article.entities)
        out.print(Text(_wrapped("Entities: " + names, width), style="dim"))
    return 0


def _wrapped(text: str, width: int | None) -> str:
    """Wrapped to a terminal's width; whole when piped. Written without Rich, which took
    minutes over an 8 MB article."""
    return "\n".join(wrap(text, width)) if width else text
