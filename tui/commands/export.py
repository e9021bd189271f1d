"""`newsdesk export [QUERY] --format json|jsonl|markdown|csv`: write matching articles out."""

from __future__ import annotations

import argparse
import contextlib
import csv
import sys
from collections.abc import Iterable
from typing import TextIO

from articles.sanitize import sanitize
from articles.urls import safe_web_url
from store import StoredArticle
from tui.commands.common import add_db_option, open_store
from tui.outfile import written_whole
from tui.output import to_json

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = ("id", "title", "date", "source", "url", "byline", "read", "starred", "entities", "body")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("export", help="write matching articles as JSON, JSON lines, Markdown or CSV")
    parser.add_argument("query", nargs="?", default="")
    parser.add_argument("--format", choices=("json", "jsonl", "markdown", "csv"), default="jsonl")
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store, contextlib.closing(store.export(args.query)) as articles:
        store.compile(args.query)  # a bad query is reported before any file is touched
        if args.output:
            with written_whole(args.output, [store.path]) as handle:
                count = write(articles, args.format, handle)
        else:
            count = write(articles, args.format, sys.stdout)
            sys.stdout.flush()
    if args.output:
        sys.stderr.write(f"{count} articles written to {sanitize(args.output)}\n")
    return 0


def write(articles: Iterable[StoredArticle], fmt: str, out: TextIO) -> int:
    count = 0
    if fmt == "json":
        out.write("[")
    writer = csv.writer(out) if fmt == "csv" else None
    if writer:
        writer.writerow(CSV_COLUMNS)
    for count, stored in enumerate(articles, start=1):
        if fmt == "json":
            out.write(("," if count > 1 else "") + "\n" + to_json(stored.to_json(), indent=None))
        elif fmt == "jsonl":
            out.write(to_json(stored.to_json(), indent=None) + "\n")
        elif fmt == "markdown":
            out.write(markdown(stored) + "\n")
        elif writer:
            writer.writerow(csv_row(stored))
    if fmt == "json":
        out.write("\n]\n")
    return count


def markdown(stored: StoredArticle) -> str:
    article = stored.article
    meta = " · ".join(part for part in (article.date_iso, article.source, ", ".join(article.byline or ())) if part)
    lines = [f"# {article.title}", ""]
    if article.subtitle:
        lines += [f"*{article.subtitle}*", ""]
    if meta:
        lines += [meta, ""]
    url = safe_web_url(article.url)
    if url:
        lines += [f"<{url}>", ""]
    lines += [*(f"{paragraph}\n" for paragraph in article.body), "---", ""]
    return sanitize("\n".join(lines))


def csv_row(stored: StoredArticle) -> list[str]:
    article = stored.article
    values = [
        str(stored.id),
        article.title,
        article.date_iso or "",
        article.source or "",
        article.url or "",
        "; ".join(article.byline or ()),
        "yes" if stored.read else "no",
        "yes" if stored.starred else "no",
        "; ".join(entity.name for entity in article.entities),
        article.body_text,
    ]
    return [neutralise(value) for value in values]


def neutralise(cell: str) -> str:
    """A spreadsheet reads '=cmd()' as a formula: a leading quote makes it text."""
    cell = sanitize(cell)
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
