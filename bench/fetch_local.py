"""`python -m bench.fetch_local`: `newsdesk fetch` against feeds served on 127.0.0.1 only. Ten
local servers (ten hosts, as the per-host limit sees them), in a process of their own, serve FEEDS feeds of ITEMS items,
each item a news page made from a Reuters-21578 TRAIN or BBC story in ../shared/corpus (or a
generated one), with an optional delay per response to stand in for a network. It times the
first fetch (every page new), a second (every feed answers 304), a third after one new item
per feed, and one against servers that send no validators (every feed read again, nothing
stored again)."""

from __future__ import annotations

import argparse
import json
import multiprocessing
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from html import escape
from multiprocessing.connection import Connection
from pathlib import Path

from bench.corpus import SHARED, Base, _synthetic
from feeds.fetch import FetchReport, fetch_feeds
from feeds.http import Limits
from feeds.subscribe import add_feed
from store import Store
from tests.feedserver import FeedServer
from tests.feedtexts import Item, rss

HOSTS = 10


@dataclass(frozen=True)
class Run:
    name: str
    feeds: int
    requests: int
    seconds: float
    report: FetchReport


def train_stories(limit: int) -> list[Base]:
    """Reuters-21578 TRAIN stories (never TEST), then BBC ones, else generated ones."""
    stories: list[Base] = []
    path = SHARED / "reuters21578.jsonl"
    if path.exists():
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                body = (row.get("body") or "").strip()
                if row.get("lewissplit") != "TRAIN" or len(body) < 400:
                    continue
                paragraphs = tuple(" ".join(p.split()) for p in re.split(r"\n\s{2,}", body) if p.strip())
                stories.append(Base(row["title"].title(), paragraphs))
                if len(stories) >= limit:
                    return stories
    return (stories + _synthetic(limit))[:limit]


def story_page(story: Base) -> str:
    paragraphs = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in story.paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(story.title)} | Wire</title></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{escape(story.title)}</h1>{paragraphs}</article>"
        "<footer>Copyright</footer></body></html>"
    )


def serve(servers: list[FeedServer], feeds: int, items: int, delay: float, validators: bool) -> list[str]:
    stories = iter(train_stories(feeds * (items + 1)))
    urls = []
    for number in range(feeds):
        server = servers[number % len(servers)]
        entries = []
        for item in range(items):
            link = server.route(f"/f{number}/{item}", story_page(next(stories)), delay=delay)
            entries.append(Item(f"f{number}-{item}", f"Story {item} of feed {number}", link, summary="Summary."))
        etag = f'"{number}-1"' if validators else None
        urls.append(server.route(f"/f{number}.xml", rss(f"Feed {number}", entries), delay=delay, etag=etag))
    return urls


def add_one_item(servers: list[FeedServer], feeds: int, items: int, delay: float) -> None:
    extra = train_stories(feeds * (items + 1))[feeds * items :]
    for number in range(feeds):
        server = servers[number % len(servers)]
        route = server.routes[f"/f{number}.xml"]
        link = server.route(f"/f{number}/new", story_page(extra[number]), delay=delay)
        new = f"<item><title>New story of feed {number}</title><link>{link}</link><guid>f{number}-new</guid>"
        route.body = route.body.replace(b"<item>", new.encode() + b"<description>New.</description></item><item>", 1)
        route.etag = f'"{number}-2"' if route.etag else None


def timed(name: str, store: Store, served: Connection, feeds: int) -> Run:
    before = _ask(served, "count")
    started = time.perf_counter()
    report = fetch_feeds(store, Limits())
    seconds = time.perf_counter() - started
    return Run(name, feeds, int(_ask(served, "count")) - int(before), seconds, report)


def scenario(work: Path, feeds: int, items: int, delay: float, validators: bool) -> list[Run]:
    """The servers run in a process of their own, so that their work is not counted as ours."""
    served, child = multiprocessing.Pipe()
    process = multiprocessing.Process(target=_serve, args=(child, feeds, items, delay, validators), daemon=True)
    process.start()
    try:
        urls = served.recv()
        with Store.open(work / f"fetch-{validators}.db", seed=False) as store:
            for url in urls:
                add_feed(store, url)
            runs = [timed("first fetch: every item new", store, served, feeds)]
            if validators:
                runs.append(timed("second fetch: every feed 304", store, served, feeds))
                _ask(served, "add")
                runs.append(timed("after one new item per feed", store, served, feeds))
            else:
                runs.append(timed("second fetch, no validators: every feed 200", store, served, feeds))
        return runs
    finally:
        served.send("stop")
        process.join(10)


def _serve(conn: Connection, feeds: int, items: int, delay: float, validators: bool) -> None:
    servers = [FeedServer().start() for _ in range(HOSTS)]
    conn.send(serve(servers, feeds, items, delay, validators))
    while (command := conn.recv()) != "stop":
        if command == "add":
            add_one_item(servers, feeds, items, delay)
        conn.send(sum(len(server.requests) for server in servers))
    for server in servers:
        server.stop()


def _ask(conn: Connection, command: str) -> object:
    conn.send(command)
    return conn.recv()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--items", type=int, default=25)
    parser.add_argument("--delay", type=float, default=0.05, help="seconds each response waits (a stand-in network)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsdesk-fetch-") as folder:
        runs = scenario(Path(folder), args.feeds, args.items, args.delay, validators=True)
        runs += scenario(Path(folder), args.feeds, args.items, args.delay, validators=False)[1:]
    print(f"{HOSTS} local hosts, {args.delay * 1000:g} ms per response, default limits (8 at once, 2 per host)")
    print("| fetch | feeds | items stored | requests | seconds | added | unchanged | failed |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for run in runs:
        report = run.report
        print(
            f"| {run.name} | {run.feeds} | {report.added + report.updated} | {run.requests} | {run.seconds:.2f} "
            f"| {report.added} | {report.unchanged} | {len(report.failed)} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
