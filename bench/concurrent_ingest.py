"""`python -m bench.concurrent_ingest [N]`: two `newsdesk ingest` runs of the same files at
once into one archive must leave the same entities, keys and org:/person: counts as one run.
Writes the Reuters-21578 TRAIN (and NOT-USED) stories and the BBC articles from
../shared/corpus as files (never the TEST split), up to N of them."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from store import Store

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SPLITS = ("TRAIN", "NOT-USED")
TOP = 100


def corpus_texts(limit: int | None = None) -> Iterator[str]:
    """Reuters stories of the allowed splits laid out as scraped files, then BBC articles."""
    count = 0
    reuters = SHARED / "reuters21578.jsonl"
    if reuters.exists():
        with reuters.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if row.get("lewissplit") not in SPLITS or not row.get("body"):
                    continue
                yield f"{row['title']}\n{row['date_raw']}\n\n    {row.get('dateline') or ''} {row['body']}"
                count += 1
                if limit is not None and count >= limit:
                    return
    for path in sorted((SHARED / "bbc").glob("*/*.txt")):
        yield path.read_bytes().decode("utf-8", errors="replace")
        count += 1
        if limit is not None and count >= limit:
            return


def write_corpus(folder: Path, limit: int | None = None) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for count, text in enumerate(corpus_texts(limit), start=1):
        (folder / f"{count:06d}.txt").write_text(text, encoding="utf-8")
    return count


def ingest_command(folder: Path, database: Path, workers: int | None = None) -> list[str]:
    command = [sys.executable, "-m", "tui.cli", "ingest", str(folder), "--db", str(database), "--json"]
    return command + (["--workers", str(workers)] if workers else [])


def run_together(commands: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for command in commands
    ]
    outputs = [run.communicate() for run in runs]
    return [
        subprocess.CompletedProcess(run.args, run.returncode, out, err)
        for run, (out, err) in zip(runs, outputs, strict=True)
    ]


def entity_view(database: Path) -> dict[str, object]:
    """What the archive knows of entities, without its ids: each entity with its article
    count, every key with the entity it names, each article's entities, and the totals of
    org: and person: searches for the most-named ones."""
    with Store.open(database, create=False) as store:
        sql = store.db.execute
        entities = sorted(sql("SELECT type, name, articles FROM entities WHERE articles > 0").fetchall())
        keys = sorted(
            sql("SELECT k.type, k.key, e.name FROM entity_keys k JOIN entities e ON e.id = k.entity_id").fetchall()
        )
        links = sorted(
            sql(
                "SELECT a.content_hash, e.type, e.name, ae.mentions FROM article_entities ae "
                "JOIN articles a ON a.id = ae.article_id JOIN entities e ON e.id = ae.entity_id"
            ).fetchall()
        )
        searches = {}
        for field, kind in (("org", "organization"), ("person", "person")):
            for facet in store.entities(kind=kind, limit=TOP):  # type: ignore[arg-type]
                query = f'{field}:"{facet.name}"'
                searches[query] = store.search(query, limit=1).total
    return {"entities": entities, "keys": keys, "links": links, "searches": searches}


def differences(one: dict[str, object], other: dict[str, object]) -> dict[str, int]:
    """How many items of each part of two entity views differ (0 everywhere when equal)."""
    found = {}
    for part in ("entities", "keys", "links"):
        left, right = set(map(tuple, one[part])), set(map(tuple, other[part]))  # type: ignore[call-overload]
        found[part] = len(left ^ right)
    left_searches, right_searches = one["searches"], other["searches"]
    assert isinstance(left_searches, dict) and isinstance(right_searches, dict)
    found["searches"] = sum(left_searches.get(q) != right_searches.get(q) for q in {*left_searches, *right_searches})
    return found


def main() -> int:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    with tempfile.TemporaryDirectory(prefix="newsdesk-concurrent-") as work:
        folder = Path(work) / "files"
        count = write_corpus(folder, limit)
        print(f"{count:,} files written (Reuters {' + '.join(SPLITS)}, then BBC)")
        started = time.perf_counter()
        single = run_together([ingest_command(folder, Path(work) / "one.db")])
        print(f"one ingest: {time.perf_counter() - started:.1f} s, {json.loads(single[0].stdout)['added']:,} added")
        started = time.perf_counter()
        both = run_together([ingest_command(folder, Path(work) / "two.db")] * 2)
        print(f"two at once: {time.perf_counter() - started:.1f} s, exit codes {[run.returncode for run in both]}")
        for run in both:
            report = json.loads(run.stdout)
            print(f"  added {report['added']:,}, unchanged {report['unchanged']:,}, failed {len(report['failed'])}")
        one, two = entity_view(Path(work) / "one.db"), entity_view(Path(work) / "two.db")
        print(f"entities {len(one['entities']):,}, keys {len(one['keys']):,}, links {len(one['links']):,}, "  # type: ignore[arg-type]
              f"searches {len(one['searches']):,}")  # type: ignore[arg-type]  # fmt: skip
        print("differences:", differences(one, two))
    return 0


if __name__ == "__main__":
    sys.exit(main())
