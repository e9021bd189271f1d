"""`python -m bench.story_cost [N]`: what story assignment adds to an ingest. The same N
generated files are ingested into fresh archives with and without it (alternating, best of
three each), and the stories made are counted: near-identical copies (the generator's
repeated bases) must share a story."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import write_files
from store import Store
from store.stories import StoryAssigner

ROUNDS = 2


def ingest_seconds(files: Path, database: Path, stories: bool) -> float:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    assign = StoryAssigner.assign
    if not stories:
        StoryAssigner.assign = lambda *args, **kwargs: 0  # type: ignore[method-assign]
    try:
        with Store.open(database, seed=False) as store:
            started = time.perf_counter()
            store.ingest([str(files)])
            return time.perf_counter() - started
    finally:
        StoryAssigner.assign = assign  # type: ignore[method-assign]


def main() -> int:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory(prefix="newsdesk-stories-") as temporary:
        work = Path(temporary)
        write_files(work / "files", size)
        without, with_stories = [], []
        for _ in range(ROUNDS):
            without.append(ingest_seconds(work / "files", work / "plain.db", stories=False))
            with_stories.append(ingest_seconds(work / "files", work / "stories.db", stories=True))
        with Store.open(work / "stories.db", seed=False) as store:
            made = store.db.execute("SELECT count(*), sum(articles > 1) FROM stories WHERE articles > 0").fetchone()
    plain, stories = min(without), min(with_stories)
    print(
        f"{size:,} articles: ingest {plain:.1f} s without stories, {stories:.1f} s with (+{(stories / plain - 1) * 100:.1f}%)"
    )
    print(f"  {made[0]:,} stories, {made[1]:,} of them with more than one article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
