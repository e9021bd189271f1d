"""`python -m bench.stories_bench [N] [DB]`: related articles and entity trends at N articles
(100,000 by default) of the generated corpus (`python -m bench` reports the same at each size).
Related: p50/p95 over 200 random articles, the first asked in a fresh process shown apart (its
terms' counts are not kept yet). Trend: p50/p95 over the 50 most-named entities and 50 random
ones (what the trend screen reads)."""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import write_files
from bench.measure import summary
from store import Store


def story_times(database: Path) -> dict[str, float]:
    with Store.open(database, seed=False) as store:
        ids = [row[0] for row in store.db.execute("SELECT id FROM articles")]
        asked = random.Random(3).sample(ids, min(201, len(ids)))
        started = time.perf_counter()
        store.related(asked[0], limit=10)
        first = (time.perf_counter() - started) * 1000
        related = []
        for article_id in asked[1:]:
            started = time.perf_counter()
            store.related(article_id, limit=10)
            related.append((time.perf_counter() - started) * 1000)
        top = [row[0] for row in store.db.execute("SELECT id FROM entities ORDER BY articles DESC LIMIT 50")]
        rest = [row[0] for row in store.db.execute("SELECT id FROM entities WHERE articles > 0")]
        trends = []
        for entity_id in top + random.Random(4).sample(rest, min(50, len(rest))):
            started = time.perf_counter()
            store.entity_trend_of(entity_id)
            trends.append((time.perf_counter() - started) * 1000)
        stories, shared = store.db.execute(
            "SELECT count(*), sum(articles > 1) FROM stories WHERE articles > 0"
        ).fetchone()
    related_p50, related_p95 = summary(related)
    trend_p50, trend_p95 = summary(trends)
    return {
        "related_first_ms": first,
        "related_p50_ms": related_p50,
        "related_p95_ms": related_p95,
        "trend_p50_ms": trend_p50,
        "trend_p95_ms": trend_p95,
        "stories": float(stories or 0),
        "stories_shared": float(shared or 0),
    }


def main() -> int:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory(prefix="newsdesk-stories-bench-") as temporary:
        work = Path(temporary)
        database = Path(sys.argv[2]) if len(sys.argv) > 2 else work / "archive.db"
        if not database.exists():
            write_files(work / "files", size)
            with Store.open(database, seed=False) as store:
                started = time.perf_counter()
                store.ingest([str(work / "files")])
                print(f"ingest of {size:,}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
        figures = story_times(database)
    print(f"{size:,} articles")
    print(
        f"  related (10): p50 {figures['related_p50_ms']:.1f} ms, p95 {figures['related_p95_ms']:.1f} ms; "
        f"first in a fresh process {figures['related_first_ms']:.0f} ms"
    )
    print(f"  entity trend: p50 {figures['trend_p50_ms']:.1f} ms, p95 {figures['trend_p95_ms']:.1f} ms")
    print(f"  stories: {figures['stories']:,.0f}, of which {figures['stories_shared']:,.0f} with more than one article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
