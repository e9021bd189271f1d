"""`newsdesk show ID`: one article with its metadata, entities and reading state."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from articles.errors import NewsdeskError
from tui.commands.common import add_db_option, clean, console, no_such_articles, open_store, whole_number
from tui.output import print_json, print_text
from tui.wrap import wrap

if TYPE_CHECKING:
    from store import StoredArticle


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("show", help="print one article")
    parser.add_argument("id", type=whole_number)
    parser.add_argument("--json", action="store_true")
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        stored = store.article(args.id)
    if stored is None:
        raise NewsdeskError(no_such_articles([args.id]))
    if args.json:
        print_json(stored.to_json())
        return 0
    blocks = _blocks(stored)
    if not sys.stdout.isatty():
        # Piped: each paragraph whole on one line, unpadded, for the next program to wrap.
        print_text("\n".join(text for text, _ in blocks))
        return 0
    from rich.text import Text

    out = console()
    for text, style in blocks:
        # Wrapped at words to the terminal's width here, in linear time: Rich's own wrapping took
        # minutes over an 8 MB article.
        out.print(Text("\n".join(wrap(text, out.width)) if text else "", style=style), soft_wrap=True)
    return 0


def _blocks(stored: StoredArticle) -> list[tuple[str, str]]:
    """The article as lines of text, each with the style it has on a terminal."""
    article = stored.article
    blocks = [(clean(article.title), "bold")]
    if article.subtitle:
        blocks.append((clean(article.subtitle), "italic"))
    meta = [article.date_iso or "undated", article.source or "", ", ".join(article.byline or ())]
    blocks.append(("  ·  ".join(clean(item) for item in meta if item), "dim"))
    if article.url:
        blocks.append((clean(article.url), "dim underline"))
    state = ("read" if stored.read else "unread") + (", starred" if stored.starred else "")
    blocks += [(f"#{stored.id}  {state}", "dim"), ("", "")]
    for paragraph in article.body:
        blocks += [(clean(paragraph), ""), ("", "")]
    if article.entities:
        names = ", ".join(f"{clean(entity.name)} ({entity.type})" for entity in article.entities)
        blocks.append(("Entities: " + names, "dim"))
    return blocks
