"""`newsdesk parse FILE... [--json]`: show what newsdesk reads from article files."""

from __future__ import annotations

import argparse
import sys

from articles import Article, ParseError
from articles.entities import resolve_articles
from tui.output import print_json, print_text


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("parse", help="parse article files and print what was found")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from discover import shown_path  # names may not be UTF-8: shown as \xNN

    parsed: list[tuple[str, Article | str]] = []
    for path in args.files:
        try:
            parsed.extend(_entries(path))
        except ParseError as error:
            parsed.append((shown_path(path), error.message))
    articles = iter(resolve_articles([item for _, item in parsed if isinstance(item, Article)]))
    results: list[dict[str, object]] = []
    for where, item in parsed:
        if isinstance(item, str):
            results.append({"path": where, "error": item})
            if not args.json:
                print_text(f"{where}: error: {item}", sys.stderr)
            continue
        article = next(articles)
        results.append({"path": where, **article.to_json()})
        if not args.json:
            _print_human(where, article)
    if args.json:
        print_json(results)
    return 1 if any(isinstance(item, str) for _, item in parsed) else 0


def _entries(path: str) -> list[tuple[str, Article | str]]:
    """Each article the file holds, named by the path (and '#key' for an item or a record), or
    the reason one could not be read (named '#N')."""
    from articles.formats import read_entries
    from discover import shown_path

    shown = shown_path(path)
    found: list[tuple[str, Article | str]] = []
    for entry in read_entries(path):
        if entry.article is None:
            found.append((shown + entry.label, entry.error or "could not be read"))
        else:
            found.append((shown if entry.key is None else f"{shown}#{entry.key}", entry.article))
    return found


def _print_human(path: str, article: Article) -> None:
    lines = [
        f"== {path}",
        f"title:    {article.title}",
        f"subtitle: {article.subtitle or '-'}",
        f"date:     {article.date_iso or '-'}",
        f"source:   {article.source or '-'}",
        f"url:      {article.url or '-'}",
        f"byline:   {', '.join(article.byline) if article.byline else '-'}",
        f"body:     {len(article.body)} paragraphs, {len(article.body_text.split())} words",
    ]
    if article.captions:
        lines.append(f"captions: {len(article.captions)}")
    if article.entities:
        names = ", ".join(f"{entity.name} ({entity.type[:3]})" for entity in article.entities[:12])
        lines.append(f"entities: {names}")
    print_text("\n".join(lines))
