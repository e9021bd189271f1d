"""`python -m bench.story_cost [N]`: what story assignment adds to an ingest. The same N
generated files are ingested into fresh archives with and without it (alternating, best of
two each), and the stories made are counted: near-identical copies (the generator's
repeated bases) must share a story. Without it means no story work at all: neither the keys
the parse workers make nor the writer's lookups and writes.

`python -m bench.story_cost N --files DIR --db FILE --without` does one ingest of DIR (written
first if it does not exist) into a fresh FILE and prints its seconds, for timing each way as a
whole process from outside."""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import store.parsing
from bench.corpus import write_files
from store import Store
from store.stories import StoryAssigner

ROUNDS = 2


@contextlib.contextmanager
def no_stories() -> Iterator[None]:
    """Story assignment switched off (the workers are forked inside, and inherit it)."""
    assign, assign_text, text = StoryAssigner.assign, StoryAssigner.assign_text, store.parsing.story_text
    StoryAssigner.assign = StoryAssigner.assign_text = lambda *args, **kwargs: 0  # type: ignore[method-assign]
    store.parsing.story_text = lambda *args: None  # type: ignore[assignment,return-value]
    try:
        yield
    finally:
        StoryAssigner.assign, StoryAssigner.assign_text = assign, assign_text  # type: ignore[method-assign]
        store.parsing.story_text = text


def ingest_seconds(files: Path, database: Path, stories: bool) -> float:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    with contextlib.ExitStack() as stack:
        if not stories:
            stack.enter_context(no_stories())
        with Store.open(database, seed=False) as opened:
            started = time.perf_counter()
            opened.ingest([str(files)])
            return time.perf_counter() - started


def once(size: int, files: Path, database: Path, stories: bool) -> int:
    if not files.exists():
        write_files(files, size)
    print(f"{ingest_seconds(files, database, stories):.2f} s {'with' if stories else 'without'} stories")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("size", type=int, nargs="?", default=10_000)
    parser.add_argument("--files", type=Path, default=None, help="one ingest of these files (written if missing)")
    parser.add_argument("--db", type=Path, default=None, help="the fresh archive of that one ingest")
    parser.add_argument("--without", action="store_true", help="that one ingest without story assignment")
    args = parser.parse_args()
    if args.files is not None and args.db is not None:
        return once(args.size, args.files, args.db, not args.without)
    with tempfile.TemporaryDirectory(prefix="newsdesk-stories-") as temporary:
        work = Path(temporary)
        write_files(work / "files", args.size)
        without, with_stories = [], []
        for _ in range(ROUNDS):
            without.append(ingest_seconds(work / "files", work / "plain.db", stories=False))
            with_stories.append(ingest_seconds(work / "files", work / "stories.db", stories=True))
        with Store.open(work / "stories.db", seed=False) as opened:
            made = opened.db.execute("SELECT count(*), sum(articles > 1) FROM stories WHERE articles > 0").fetchone()
    plain, stories = min(without), min(with_stories)
    print(
        f"{args.size:,} articles: ingest {plain:.1f} s without stories, {stories:.1f} s with "
        f"(+{(stories / plain - 1) * 100:.1f}%)"
    )
    print(f"  {made[0]:,} stories, {made[1]:,} of them with more than one article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
