"""Run the app probe in a fresh process and turn its timestamps into figures."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.measure import percentile

ROOT = Path(__file__).resolve().parents[1]


# Start-up is timed this many times and the median kept: launches of the same app on the
# same archive range from 0.47 to 0.88 s on this shared machine.
STARTS = 5


def run_probe(database: Path | None, queries: list[str]) -> dict[str, float]:
    args = ["--bare"] if database is None else ["--db", str(database)]
    first_paint, found = _launch([*args, "--queries", json.dumps(queries)])
    paints = [first_paint] + [_launch([*args, "--start-only"])[0] for _ in range(STARTS - 1)]
    result = {"first_paint_s": statistics.median(paints), "peak_rss_mb": found["peak_rss_mb"]}
    if "key_ms" in found:
        result["key_p95_ms"] = percentile(found["key_ms"], 0.95)
        result["typed_search_p95_ms"] = percentile(found["typed_ms"], 0.95)
    return result


def run_folded_probe(database: Path, queries: list[str]) -> dict[str, float]:
    """The `j` and typed-search figures with the timeline folded to one row per story."""
    _, found = _launch(["--db", str(database), "--queries", json.dumps(queries), "--folded"])
    return {
        "key_folded_p95_ms": percentile(found["key_ms"], 0.95),
        "typed_search_folded_p95_ms": percentile(found["typed_ms"], 0.95),
    }


def _launch(args: list[str]) -> tuple[float, dict[str, Any]]:
    """One run of the probe in a fresh process: seconds from launch to first paint, and what it found."""
    env = dict(os.environ, NEWSDESK_CONFIG=str(ROOT / "bench" / "no-config.toml"))
    launched = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "bench.app_probe", *args], cwd=ROOT, capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"app probe failed: {done.stderr[-2000:]}")
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found["first_paint_s"] - launched, found
