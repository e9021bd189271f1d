"""`make eval-related`: related articles judged by Reuters' topic tags (TRAIN split only).

Ingests the Reuters-21578 TRAIN stories that have a body and at least one topic tag into a fresh
archive, then for a sample of them asks for the five most related articles and counts how many
share a topic with the story (precision at 5). The same is measured for a plain tf-idf cosine
over words and for random picks, on the same archive. Nobody tuned on these tags' TEST split;
it is never read here.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.archive_files import REUTERS, reuters_stories, write_stories
from bench.measure import log, summary
from store import Store

K = 5
_WORD = re.compile(r"[a-z]{2,}")


def topics_by_newid() -> dict[int, frozenset[str]]:
    found: dict[int, frozenset[str]] = {}
    with REUTERS.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row.get("lewissplit") == "TRAIN" and row.get("body") and row.get("topics"):
                found[int(row["newid"])] = frozenset(row["topics"])
    return found


def build(database: Path, work: Path, topics: dict[int, frozenset[str]]) -> dict[int, frozenset[str]]:
    """The archive of labelled TRAIN stories; returns article id -> topics."""
    stories = [story for story in reuters_stories("TRAIN") if story.newid in topics]
    paths = write_stories(stories, work / "reuters")
    if not database.exists():
        with Store.open(database, seed=False) as store:
            started = time.perf_counter()
            store.ingest([str(work / "reuters")])
            log(f"ingested {len(stories):,} stories in {time.perf_counter() - started:.1f} s")
    labels: dict[int, frozenset[str]] = {}
    with Store.open(database, seed=False) as store:
        for path, article_id in store.db.execute("SELECT path, article_id FROM paths"):
            newid = int(Path(path).stem)
            if path in paths or newid in topics:
                labels[article_id] = labels.get(article_id, frozenset()) | topics[newid]
    return labels


def tfidf_baseline(store: Store, ids: list[int]) -> dict[int, list[int]]:
    """A plain tf-idf cosine over lower-cased words of title and body, over the whole archive."""
    vectors: dict[int, Counter[str]] = {}
    for article_id, title, body in store.db.execute("SELECT id, title, body FROM articles"):
        vectors[article_id] = Counter(_WORD.findall(f"{title} {body}".lower()))
    docs = Counter(word for vector in vectors.values() for word in vector)
    total = len(vectors)
    weighted = {}
    for article_id, vector in vectors.items():
        weights = {word: (1 + math.log(count)) * math.log(total / docs[word]) for word, count in vector.items()}
        norm = math.sqrt(sum(value * value for value in weights.values())) or 1.0
        weighted[article_id] = {word: value / norm for word, value in weights.items()}
    postings: dict[str, list[tuple[int, float]]] = {}
    for article_id, weights in weighted.items():
        for word, value in weights.items():
            postings.setdefault(word, []).append((article_id, value))
    ranked = {}
    for article_id in ids:
        scores: Counter[int] = Counter()
        for word, value in weighted[article_id].items():
            for other, other_value in postings[word]:
                scores[other] += value * other_value
        scores.pop(article_id, None)
        ranked[article_id] = [other for other, _ in scores.most_common(K)]
    return ranked


def precision(ranked: dict[int, list[int]], labels: dict[int, frozenset[str]]) -> float:
    hits = [
        sum(1 for other in found[:K] if labels.get(other, frozenset()) & labels[article_id])
        for article_id, found in ranked.items()
    ]
    return sum(hits) / (K * len(hits)) if hits else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=int, default=500, help="stories asked for their related articles")
    parser.add_argument("--db", type=Path, default=None, help="keep the archive here (reused when it exists)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsdesk-related-") as temporary:
        work = Path(temporary)
        labels = build(args.db or work / "archive.db", work, topics_by_newid())
        with Store.open(args.db or work / "archive.db", seed=False) as store:
            ids = random.Random(5).sample(sorted(labels), min(args.sample, len(labels)))
            times, ours = [], {}
            for article_id in ids:
                started = time.perf_counter()
                ours[article_id] = [item.id for item in store.related(article_id, limit=K)]
                times.append((time.perf_counter() - started) * 1000)
            baseline = tfidf_baseline(store, ids)
            everyone = sorted(labels)
            chance = random.Random(9)
            picks = {a: [b for b in chance.sample(everyone, K + 1) if b != a][:K] for a in ids}
        p50, p95 = summary(times)
        print(f"Reuters TRAIN, {len(labels):,} stories with topics, {len(ids)} asked, precision at {K}:")
        print(f"  newsdesk related      {precision(ours, labels):.3f}   (p50 {p50:.1f} ms, p95 {p95:.1f} ms)")
        print(f"  tf-idf cosine (words) {precision(baseline, labels):.3f}")
        print(f"  random picks          {precision(picks, labels):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
