"""`make eval-html`: score the body text of `newsdesk parse --json` on saved news pages the way
article-extraction benchmarks do (token 4-gram overlap with a hand-cleaned body, precision and
recall averaged over pages), check every page gets a real title, and time pages per second.

Pages are read from a folder outside the project (default /work/notes/html-eval, or
$NEWSDESK_HTML_EVAL, or --folder), never copied into it; the run skips cleanly without one.
Layouts understood, each set in its own sub-folder:
- `ground-truth.json` ({id: {"articleBody", "url"}}) with `html/<id>.html` or `.html.gz`
  (scrapinghub/article-extraction-benchmark);
- `articles.json` ({id: {"title", "articleBody", …}}) with `html/<id>.html`;
- pairs `NAME.html` and `NAME.json` ({"title", "body"}, optionally "title_alternatives": other
  titles the page itself gives, and "seen": why the project has already seen the page's text).
A title is right when it is the labelled one or an alternative, ignoring case, spacing and
straight or curly quotes; pages marked "seen" are scored again without them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench.evaluate import parse_json

DEFAULT = Path(os.environ.get("NEWSDESK_HTML_EVAL", "/work/notes/html-eval"))
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Page:
    name: str
    html: Path
    body: str
    title: str | None
    alternatives: tuple[str, ...] = ()
    seen: bool = False


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[start : start + size]) for start in range(max(1, len(tokens) - size + 1)) if tokens)


def overlap(gold: str, got: str) -> tuple[float, float, float]:
    """True positives, false positives and false negatives over 4-gram shingles, normalised
    so that a long page weighs no more than a short one."""
    want, have = shingles(gold), shingles(got)
    true = sum((want & have).values())
    false_positive = sum((have - want).values())
    false_negative = sum((want - have).values())
    total = true + false_positive + false_negative
    return (true / total, false_positive / total, false_negative / total) if total else (0.0, 0.0, 0.0)


def scores(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    precision = statistics.mean(_ratio(tp, fp, fn, fp) for tp, fp, fn in counts if tp + fp > 0)
    recall = statistics.mean(_ratio(tp, fp, fn, fn) for tp, fp, fn in counts if tp + fn > 0)
    return precision, recall, 2 * precision * recall / (precision + recall)


def _ratio(tp: float, fp: float, fn: float, miss: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + miss) if tp + miss else 0.0


def load_set(folder: Path) -> list[Page]:
    for name in ("ground-truth.json", "articles.json"):
        gold_file = folder / name
        if gold_file.exists():
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            return [page for key, item in sorted(gold.items()) if (page := _indexed(folder, key, item))]
    return [page for html in sorted(folder.glob("*.html")) if (page := _paired(html))]


def _indexed(folder: Path, key: str, item: dict[str, str]) -> Page | None:
    for html in (folder / "html" / f"{key}.html", folder / "html" / f"{key}.html.gz"):
        if html.exists():
            return Page(key, html, item.get("articleBody", ""), item.get("title"))
    return None


def _paired(html: Path) -> Page | None:
    gold = html.with_suffix(".json")
    if not gold.exists():
        return None
    item = json.loads(gold.read_text(encoding="utf-8"))
    body = item.get("body") or item.get("articleBody", "")
    alternatives = tuple(item.get("title_alternatives") or ())
    return Page(html.stem, html, body, item.get("title"), alternatives, bool(item.get("seen")))


def saved_pages(pages: list[Page], work: Path) -> list[Path]:
    """Each page as the `.html` file a browser saves (benchmarks ship some gzipped)."""
    files = []
    for page in pages:
        target = work / f"{page.name}.html"
        opener = gzip.open if page.html.suffix == ".gz" else open
        with opener(page.html, "rb") as source:
            target.write_bytes(source.read())
        files.append(target)
    return files


def real_title(title: object) -> bool:
    return isinstance(title, str) and bool(title.strip()) and "<" not in title and "{" not in title[:1]


def _trafilatura_alone(path: Path) -> str:
    import trafilatura

    return trafilatura.extract(path.read_text(encoding="utf-8", errors="replace"), include_comments=False) or ""


def pages_per_second(files: list[Path]) -> float:
    from articles.formats import read_entries

    list(read_entries(files[0]))  # imports and word lists loaded before the clock starts
    start = time.perf_counter()
    for path in files:
        list(read_entries(path))
    return len(files) / (time.perf_counter() - start)


@dataclass(frozen=True)
class Scored:
    """One page's shingle counts for our body and for trafilatura alone, and our title."""

    page: Page
    ours: tuple[float, float, float]
    alone: tuple[float, float, float]
    title: object


def evaluate(label: str, pages: list[Page], verbose: bool) -> None:
    with tempfile.TemporaryDirectory() as work:
        files = saved_pages(pages, Path(work))
        results = {Path(result["path"]).stem: result for result in parse_json(files)}
        scored = [_scored(page, results.get(page.name, {}), path) for page, path in zip(pages, files, strict=True)]
        speed = pages_per_second(files)
    for item in scored if verbose else ():
        ours, alone = _page_f1(item.ours), _page_f1(item.alone)
        print(f"  {item.page.name[:24]:<24} F1 {ours:.3f} (trafilatura alone {alone:.3f})  {item.title}")
    report(label, scored)
    unseen = [item for item in scored if not item.page.seen]
    if 0 < len(unseen) < len(scored):
        report(f"{label} without the {len(scored) - len(unseen)} pages whose text the project has seen", unseen)
    print(f"{label}: {speed:.1f} pages/s (parse with entities, one core)")


def _scored(page: Page, got: dict[str, object], path: Path) -> Scored:
    title = got.get("error") or got.get("title")
    return Scored(
        page, overlap(page.body, str(got.get("body") or "")), overlap(page.body, _trafilatura_alone(path)), title
    )


def report(label: str, scored: list[Scored]) -> None:
    precision, recall, f1 = scores([item.ours for item in scored])
    alone = scores([item.alone for item in scored])
    titled = sum(real_title(item.title) for item in scored)
    labelled = [item for item in scored if item.page.title]
    right = sum(title_right(item.page, item.title) for item in labelled)
    titles = f", title as the page gives it {right}/{len(labelled)}" if labelled else ""
    print(f"{label}: {len(scored)} pages  precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(
        f"{label}: trafilatura alone, as the benchmark runs it: precision {alone[0]:.3f}  recall {alone[1]:.3f}  F1 {alone[2]:.3f}"
    )
    print(f"{label}: real title {titled}/{len(scored)}{titles}")


def _page_f1(count: tuple[float, float, float]) -> float:
    tp, fp, fn = count
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def title_right(page: Page, got: object) -> bool:
    """The labelled title or one of the page's other titles, ignoring case, spacing and quote style."""
    return isinstance(got, str) and _plain(got) in {_plain(title) for title in (page.title or "", *page.alternatives)}


def _plain(title: str) -> str:
    return " ".join(title.translate(_QUOTES).casefold().split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--folder", type=Path, default=DEFAULT)
    parser.add_argument("-v", "--verbose", action="store_true", help="a line per page")
    args = parser.parse_args()
    sets = (
        [args.folder, *sorted(path for path in args.folder.glob("*") if path.is_dir())] if args.folder.is_dir() else []
    )
    found = [(folder, pages) for folder in sets if (pages := load_set(folder))]
    if not found:
        print(f"skipped: no saved pages with hand-cleaned bodies under {args.folder}")
        return 0
    for folder, pages in found:
        evaluate(folder.name, pages, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
