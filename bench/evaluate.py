"""`make eval`: score `newsdesk parse --json` against the gold labels in ../shared/eval.

Reads ../shared/eval when it exists (never copied into the project) and skips cleanly when
it does not. Prints a table per field and entity precision/recall/F1 per type.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.gold import TYPES, EntityScore, score_entities

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
FIELDS = ("title", "date", "url", "source", "byline")


def parse_json(files: list[Path]) -> list[dict[str, Any]]:
    command = [sys.executable, "-m", "tui.cli", "parse", "--json", *map(str, files)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"newsdesk parse failed: {done.stderr.strip()}")
    result: list[dict[str, Any]] = json.loads(done.stdout)
    return result


def field_right(name: str, gold: dict[str, Any], got: dict[str, Any]) -> bool:
    if name == "date":
        return got.get("date") == gold.get("date") or got.get("date") in (gold.get("date_alternatives") or [])
    if name == "byline":
        return (got.get("byline") or None) == (gold.get("byline") or None)
    return got.get(name) == gold.get(name)


def score_set(label: str, folder: Path, gold_file: Path, verbose: bool) -> None:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))["articles"]
    parsed = parse_json([folder / item["file"] for item in gold])
    right = dict.fromkeys(FIELDS, 0)
    invented = 0
    entities = EntityScore()
    for item, got in zip(gold, parsed, strict=True):
        for name in FIELDS:
            if field_right(name, item, got):
                right[name] += 1
            elif verbose:
                print(f"  {item['file']}: {name} expected {item.get(name)!r}, got {got.get(name)!r}")
        if got.get("date") and not field_right("date", item, got):
            invented += 1
        article_score = score_entities(item, got.get("entities") or [])
        entities.add(article_score)
        if verbose and (article_score.misses or article_score.spurious):
            print(f"  {item['file']}: missed {article_score.misses}; spurious {article_score.spurious}")
    total = len(gold)
    print(f"\n{label}: {total} articles")
    print("  " + "  ".join(f"{name:>7}" for name in FIELDS) + "  invented-dates")
    print("  " + "  ".join(f"{right[name]:>4}/{total:<2}" for name in FIELDS) + f"  {invented}")
    print(f"  {'entities':<14}{'precision':>10}{'recall':>8}{'F1':>7}")
    for kind in (*TYPES.values(), None):
        precision, recall, f1 = entities.prf(kind)
        print(f"  {kind or 'overall':<14}{precision:>10.3f}{recall:>8.3f}{f1:>7.3f}")
    print(f"  boilerplate entities extracted: {len(entities.boilerplate_hits)} {entities.boilerplate_hits or ''}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} does not exist (the evaluation set lives beside the project, not in it)")
        return 0
    score_set("seeds", EVAL.parent / "seeds", EVAL / "gold-seeds.json", args.verbose)
    score_set("eval set", EVAL / "articles", EVAL / "gold.json", args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
