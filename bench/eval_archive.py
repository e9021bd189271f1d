"""`make eval-archive`: entities and dates judged at archive scale, by the Reuters editors' tags.

Ingests the Reuters-21578 stories of one split (TRAIN by default: the split to develop on) and,
unless --no-bbc, the BBC corpus, into a fresh database; then, for every person, organisation and
place tagged on at least 3 of the split's stories, runs `person:"Full Name"` (`org:`, `place:`) as
a user would and scores the stories it returns against the stories carrying the tag. Tags are
mapped to full names from the tagged stories' own text (bench/archive_tags.py says how). Also:
the top facets of each type with their counts, and the date checks (no BBC article dated before
2004; Reuters stories with their date line dated right; without it, never outside 1987).

`--split TEST` is for the one judging run only: never tune on what it shows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from articles import parse_text
from bench.archive_files import BBC, REUTERS, TAG_FIELDS, Story, reuters_stories, write_stories
from bench.archive_judge import RIGHT, UNSURE, Judge
from bench.archive_report import print_report
from bench.archive_tags import CaseStats, full_name, phrases
from store import Store

MIN_STORIES = 3
QUERY_FIELD = {"person": "person", "organization": "org", "place": "place"}


@dataclass(frozen=True)
class TagScore:
    """One tag's query: stories tagged, returned, returned and tagged, and the verdicts on the
    returned stories (bench/archive_judge.py): right (tagged or naming it), unsure, wrong."""

    tag: str
    kind: str
    name: str
    tagged: int
    returned: int
    tagged_returned: int
    right: int
    unsure: int

    @property
    def precision(self) -> float:
        """Judged precision: right among the returned stories that could be judged."""
        judged = self.returned - self.unsure
        return self.right / judged if judged else 1.0

    @property
    def tag_precision(self) -> float:
        return self.tagged_returned / self.returned if self.returned else 1.0

    @property
    def recall(self) -> float:
        return self.tagged_returned / self.tagged if self.tagged else 1.0


def ingest(
    stories: list[Story], work: Path, with_bbc: bool, database: Path | None = None
) -> tuple[Store, dict[int, set[int]], float]:
    """A fresh archive of the stories (and BBC); returns it, article id -> newids, and seconds."""
    paths = write_stories(stories, work / "reuters")
    targets = [str(work / "reuters")] + ([str(BBC)] if with_bbc else [])
    database = database or work / "archive.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    store = Store.open(database, seed=False)
    started = time.perf_counter()
    report = store.ingest(targets)
    seconds = time.perf_counter() - started
    for path, error in report.failed:
        print(f"  failed: {path}: {error}", file=sys.stderr)
    stories_of: dict[int, set[int]] = defaultdict(set)
    for path, article_id in store.db.execute("SELECT path, article_id FROM paths"):
        if path in paths:
            stories_of[article_id].add(paths[path])
    return store, stories_of, seconds


def score_tags(store: Store, stories: list[Story], stories_of: dict[int, set[int]]) -> list[TagScore]:
    stats = CaseStats()
    texts = {story.newid: f"{story.dateline} {story.body}" for story in stories}
    for story in stories:
        stats.add(story.body)
    story_phrases = {newid: phrases(text) for newid, text in texts.items()}
    scores = []
    for field, kind in TAG_FIELDS.items():
        tagged: dict[str, set[int]] = defaultdict(set)
        for story in stories:
            for tag in story.tags[field]:
                tagged[tag].add(story.newid)
        for tag, ids in sorted(tagged.items()):
            if len(ids) < MIN_STORIES:
                continue
            name = full_name(tag, kind, (story_phrases[i] for i in ids), stats)
            returned = query_stories(store, kind, name, stories_of)
            judge = Judge.of(kind, tag, name, stats)
            verdicts = Counter(RIGHT if i in ids else judge.verdict(texts[i]) for i in returned)
            scores.append(
                TagScore(
                    tag, kind, name, len(ids), len(returned), len(returned & ids), verdicts[RIGHT], verdicts[UNSURE]
                )
            )
    return scores


def query_stories(store: Store, kind: str, name: str, stories_of: dict[int, set[int]]) -> set[int]:
    query = f'{QUERY_FIELD[kind]}:"{name}"'
    page = store.search(query, sort="date", limit=1_000_000, total=False)
    return {newid for hit in page.hits for newid in stories_of.get(hit.id, ())}


def date_checks(store: Store, stories: list[Story], stories_of: dict[int, set[int]]) -> dict[str, object]:
    """What the dates say: BBC never before 2004; Reuters right with its date line, and with it
    stripped, undated or in 1987 (a date in the body is not the story's date)."""
    dates = {story.newid: story.date for story in stories}
    bbc_dated, bbc_early, reuters_right, reuters_wrong = 0, [], 0, []
    rows = store.db.execute("SELECT a.id, a.published, p.path FROM articles a JOIN paths p ON p.article_id = a.id")
    for article_id, published, path in rows:
        newids = stories_of.get(article_id)
        if newids:
            if any(published == dates[newid] for newid in newids):
                reuters_right += 1
            else:
                reuters_wrong.append((min(newids), published))
        elif published:
            bbc_dated += 1
            if published < "2004-01-01":
                bbc_early.append((Path(path).parent.name + "/" + Path(path).name, published))
    stripped_dated, stripped_outside = 0, []
    for story in stories:
        published = parse_text(story.text(date_line=False), entities=False).published
        if published is not None:
            stripped_dated += 1
            if published.year != 1987:
                stripped_outside.append((story.newid, published.isoformat()))
    return {
        "bbc_dated": bbc_dated,
        "bbc_before_2004": sorted(bbc_early),
        "reuters_right": reuters_right,
        "reuters_wrong": sorted(reuters_wrong),
        "stripped_dated": stripped_dated,
        "stripped_outside_1987": sorted(stripped_outside),
        "stories": len(stories),
    }


def top_facets(store: Store, limit: int) -> dict[str, list[tuple[str, int]]]:
    return {
        kind: [(facet.name, facet.articles) for facet in store.entities(kind=kind, limit=limit)]  # type: ignore[arg-type]
        for kind in ("person", "organization", "place")
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("TRAIN", "TEST", "ALL"), default="TRAIN")
    parser.add_argument("--no-bbc", action="store_true", help="Reuters only")
    parser.add_argument("--top", type=int, default=50, help="facets listed per type (default 50)")
    parser.add_argument("--worst", type=int, default=15, help="worst names listed per type (default 15)")
    parser.add_argument("--json", metavar="FILE", help="also write every figure to FILE")
    parser.add_argument("--db", metavar="FILE", type=Path, help="keep the archive in FILE (replaced) to look into")
    args = parser.parse_args()
    if not REUTERS.exists():
        print(f"skipped: {REUTERS} does not exist (the corpora live beside the project, not in it)")
        return 0
    stories = reuters_stories(args.split)
    with_bbc = not args.no_bbc and BBC.is_dir()
    with tempfile.TemporaryDirectory(prefix="newsdesk-archive-") as temporary:
        store, stories_of, seconds = ingest(stories, Path(temporary), with_bbc, args.db)
        with store:
            scores = score_tags(store, stories, stories_of)
            facets = top_facets(store, args.top)
            dates = date_checks(store, stories, stories_of)
            articles = store.stats().articles
    figures = {
        "split": args.split,
        "bbc": with_bbc,
        "articles": articles,
        "ingest_seconds": round(seconds, 1),
        "tags": [{**score.__dict__, "precision": score.precision, "recall": score.recall} for score in scores],
        "facets": facets,
        "dates": dates,
        "generated": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    print_report(figures, scores, args.worst)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1, default=list), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
