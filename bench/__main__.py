"""`python -m bench [--quick] [--json]`: newsdesk at 1,000, 10,000 and 100,000 articles,
beside the floor (raw SQLite FTS5 on the same data, a bare Textual app), and a second ingest
of the same files (all unchanged, then 100 changed) beside the first."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.app_timing import run_folded_probe, run_probe
from bench.corpus import queries, write_files
from bench.measure import ingest, ingest_floor, log, search_times, summary
from bench.reingest import CHANGED, change, cli_ingest
from bench.stories_bench import story_times

SIZES = (1_000, 10_000, 100_000)
TYPED_QUERIES = 20


def run_size(size: int, work: Path, query_set: list[str], bare: dict[str, float]) -> dict[str, float]:
    folder = work / f"files-{size}"
    started = time.perf_counter()
    files = write_files(folder, size)
    log(f"  {size:,} files written in {time.perf_counter() - started:.1f} s")
    seconds, added = ingest(folder, work / f"newsdesk-{size}.db")
    log(f"  ingest: {added:,} articles in {seconds:.1f} s")
    floor_seconds = ingest_floor(files, work / f"floor-{size}.db")
    ours, facets, floor = search_times(work / f"newsdesk-{size}.db", query_set)
    typed = [q for q in query_set if ":" not in q][:TYPED_QUERIES]
    app = run_probe(work / f"newsdesk-{size}.db", typed)
    folded = run_folded_probe(work / f"newsdesk-{size}.db", typed)
    stories = story_times(work / f"newsdesk-{size}.db")
    search_p50, search_p95 = summary(ours)
    floor_p50, floor_p95 = summary(floor)
    facets_p50, facets_p95 = summary(facets)
    unchanged_s, _ = cli_ingest(folder, work / f"newsdesk-{size}.db")
    change(files, CHANGED)
    changed_s, _ = cli_ingest(folder, work / f"newsdesk-{size}.db")
    log(f"  re-ingest: unchanged {unchanged_s:.2f} s, {CHANGED} changed {changed_s:.2f} s")
    shutil.rmtree(folder, ignore_errors=True)
    return {
        "ingest_s": seconds,
        "reingest_unchanged_s": unchanged_s,
        "reingest_changed_s": changed_s,
        "ingest_per_s": added / seconds,
        "ingest_floor_per_s": size / floor_seconds,
        "search_p50_ms": search_p50,
        "search_p95_ms": search_p95,
        "search_floor_p50_ms": floor_p50,
        "search_floor_p95_ms": floor_p95,
        "facets_p50_ms": facets_p50,
        "facets_p95_ms": facets_p95,
        "first_paint_s": app["first_paint_s"],
        "key_p95_ms": app["key_p95_ms"],
        "typed_search_p95_ms": app["typed_search_p95_ms"],
        "peak_rss_mb": app["peak_rss_mb"],
        **folded,
        "bare_app_first_paint_s": bare["first_paint_s"],
        "bare_app_peak_rss_mb": bare["peak_rss_mb"],
        **stories,
    }


def table(results: dict[str, dict[str, float]]) -> str:
    rows = [
        ("ingest (articles/s)", "ingest_per_s", "ingest_floor_per_s", "floor/ours", "{:,.0f}"),
        ("re-ingest, unchanged (s) vs first", "reingest_unchanged_s", "ingest_s", "ours/floor", "{:.2f}"),
        ("re-ingest, 100 changed (s) vs first", "reingest_changed_s", "ingest_s", "ours/floor", "{:.2f}"),
        ("search p50 (ms)", "search_p50_ms", "search_floor_p50_ms", "ours/floor", "{:.1f}"),
        ("search p95 (ms)", "search_p95_ms", "search_floor_p95_ms", "ours/floor", "{:.1f}"),
        ("facets p50 (ms)", "facets_p50_ms", None, "", "{:.1f}"),
        ("facets p95 (ms)", "facets_p95_ms", None, "", "{:.1f}"),
        ("first paint (s)", "first_paint_s", "bare_app_first_paint_s", "ours/floor", "{:.2f}"),
        ("j to next frame p95 (ms)", "key_p95_ms", None, "", "{:.1f}"),
        ("typed search p95 (ms)", "typed_search_p95_ms", None, "", "{:.0f}"),
        ("j p95, one row per story (ms)", "key_folded_p95_ms", None, "", "{:.1f}"),
        ("typed search p95, one row per story (ms)", "typed_search_folded_p95_ms", None, "", "{:.0f}"),
        ("peak RSS (MB)", "peak_rss_mb", "bare_app_peak_rss_mb", "ours/floor", "{:.0f}"),
        ("related p95 (ms)", "related_p95_ms", None, "", "{:.1f}"),
        ("entity trend p95 (ms)", "trend_p95_ms", None, "", "{:.1f}"),
    ]
    sizes = list(results)
    lines = ["| measure | " + " | ".join(f"{int(s):,}: ours | floor | ratio" for s in sizes) + " |"]
    lines.append("| --- |" + " --- | --- | --- |" * len(sizes))
    for label, key, floor_key, direction, fmt in rows:
        cells = []
        for size in sizes:
            figures = results[size]
            ours = fmt.format(figures[key])
            if floor_key is None:
                cells += [ours, "", ""]
                continue
            floor = fmt.format(figures[floor_key])
            ratio = (
                figures[floor_key] / figures[key] if direction == "floor/ours" else figures[key] / figures[floor_key]
            )
            cells += [ours, floor, f"{ratio:.2f}x"]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 only")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--sizes", type=lambda value: [int(v) for v in value.split(",")], default=None)
    args = parser.parse_args()
    sizes = args.sizes or (SIZES[:2] if args.quick else SIZES)
    query_set = queries(200)
    bare = run_probe(None, [])
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as temporary:
        for size in sizes:
            log(f"size {size:,}")
            results[str(size)] = run_size(size, Path(temporary), query_set, bare)
    if args.json:
        print(json.dumps({"sizes": results}, indent=2))
    else:
        print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
