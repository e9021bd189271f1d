"""`python -m bench.reingest [--sizes N,N]`: what a second `newsdesk ingest` of the same folder
costs beside the first, through the command line as a user runs it: every file unchanged,
100 of them changed, and every file touched (same bytes, a new modification time)."""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import write_files
from bench.measure import log

SIZES = (10_000, 100_000)
CHANGED = 100


def cli_ingest(folder: Path, database: Path) -> tuple[float, dict[str, float]]:
    """Seconds for `newsdesk ingest FOLDER --json` in a process of its own, and its counts
    (with `cpu_s`: the CPU seconds it and its workers used, which other load on the machine
    moves far less than the wall clock)."""
    command = [sys.executable, "-m", "tui.cli", "ingest", str(folder), "--db", str(database), "--json"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if done.returncode not in (0, 1):
        raise SystemExit(f"ingest failed: {done.stderr.strip()}")
    report = json.loads(done.stdout)
    return seconds, {"cpu_s": round(cpu, 2), **{key: report[key] for key in ("added", "updated", "unchanged")}}


def change(files: list[Path], count: int) -> None:
    """Give `count` files, spread over the folder, a new last paragraph."""
    for path in files[:: max(1, len(files) // count)][:count]:
        with path.open("a", encoding="utf-8") as handle:
            handle.write("\nThe figures were revised on Friday.\n")


def touch(files: list[Path]) -> None:
    later = time.time_ns() + 10**9
    for path in files:
        os.utime(path, ns=(later, later))


def measure(size: int, work: Path) -> dict[str, float]:
    folder, database = work / f"files-{size}", work / f"reingest-{size}.db"
    files = write_files(folder, size)
    log(f"  {size:,} files written")
    runs: dict[str, float] = {}
    for name, before in [("first", None), ("unchanged", None), ("changed", change), ("touched", touch)]:
        if before is change:
            change(files, CHANGED)
        elif before is touch:
            touch(files)
        seconds, counts = cli_ingest(folder, database)
        runs[f"{name}_s"], runs[f"{name}_cpu_s"] = seconds, counts["cpu_s"]
        log(f"  {name}: {seconds:.2f} s {counts}")
    for name in ("unchanged", "changed", "touched"):
        runs[f"{name}_share"] = runs[f"{name}_s"] / runs["first_s"]
        runs[f"{name}_cpu_share"] = runs[f"{name}_cpu_s"] / runs["first_cpu_s"]
    runs["first_per_s"] = size / runs["first_s"]
    return runs


def table(results: dict[str, dict[str, float]]) -> str:
    """Wall-clock seconds (share of the first ingest's), then CPU seconds (share), per run."""
    lines = ["| files | first ingest | all unchanged | 100 changed | all touched (hashed, not parsed) |"]
    lines.append("| --- | --- | --- | --- | --- |")
    for size, runs in results.items():
        cells = [f"{runs['first_s']:.1f} s ({runs['first_per_s']:,.0f}/s); CPU {runs['first_cpu_s']:.1f} s"]
        cells += [
            f"{runs[f'{name}_s']:.2f} s ({runs[f'{name}_share']:.1%}); "
            f"CPU {runs[f'{name}_cpu_s']:.2f} s ({runs[f'{name}_cpu_share']:.1%})"
            for name in ("unchanged", "changed", "touched")
        ]
        lines.append(f"| {int(size):,} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=lambda value: [int(v) for v in value.split(",")], default=list(SIZES))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="newsdesk-reingest-", ignore_cleanup_errors=True) as temporary:
        for size in args.sizes:
            log(f"size {size:,}")
            results[str(size)] = measure(size, Path(temporary))
    print(json.dumps(results, indent=2) if args.json else table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
