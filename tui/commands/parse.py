"""`newsdesk parse FILE... [--json]`: show what newsdesk reads from article files."""

from __future__ import annotations

import argparse

from articles import Article, ParseError, parse_file
from articles.entities import resolve_articles
from tui.output import print_json, print_text


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("parse", help="parse article files and print what was found")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from store.discover import shown_path

    parsed: list[tuple[str, Article | ParseError]] = []
    for path in args.files:
        try:
            parsed.append((shown_path(path), parse_file(path)))  # shown: names may not be UTF-8
        except ParseError as error:
            parsed.append((shown_path(path), error))
    articles = iter(resolve_articles([item for _, item in parsed if isinstance(item, Article)]))
    results: list[dict[str, object]] = []
    for path, item in parsed:
        if isinstance(item, ParseError):
            results.append({"path": path, "error": item.message})
            if not args.json:
                print_text(f"{path}: error: {item.message}")
            continue
        article = next(articles)
        results.append({"path": path, **article.to_json()})
        if not args.json:
            _print_human(path, article)
    if args.json:
        print_json(results)
    return 1 if any(isinstance(item, ParseError) for _, item in parsed) else 0


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
