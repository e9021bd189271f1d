"""`make eval-stories`: story clusters judged by Reuters' own labels (TRAIN split only).

The archive is the one `make eval-related` builds: the Reuters-21578 TRAIN stories that have a
body and a topic tag. Two questions, both answered by the editors' tags, never by the text:
- purity: of the pairs of articles put in one story, the share that have a topic in common
  (a story mixing subjects is wrong), and how many stories mix them;
- joining: pairs that should be one story (a topic in common, published within WEEK days of
  each other, and an organization or person tag in common, such as `ico-coffee` for the
  coffee organisation's council meeting) and the share of them that are. The tags are
  sparse, so this counts only what the editors marked, not every pair that belongs together.
The TEST split is never read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from bench.archive_files import REUTERS
from bench.related_eval import build
from store import Store

WEEK = 7


@dataclass(frozen=True)
class Labels:
    """What the editors said of one TRAIN story."""

    topics: frozenset[str]
    names: frozenset[str]
    day: dt.date


def labels_by_newid() -> dict[int, Labels]:
    found: dict[int, Labels] = {}
    with REUTERS.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row.get("lewissplit") == "TRAIN" and row.get("body") and row.get("topics"):
                names = frozenset((row.get("orgs") or []) + (row.get("people") or []))
                day = dt.date.fromisoformat(row["date"][:10])
                found[int(row["newid"])] = Labels(frozenset(row["topics"]), names, day)
    return found


def article_labels(store: Store, by_newid: dict[int, Labels]) -> dict[int, Labels]:
    """Article id -> its story's labels (a story is one article: no two TRAIN texts are equal)."""
    labels = {}
    for path, article_id in store.db.execute("SELECT path, article_id FROM paths"):
        newid = int(Path(path).stem)
        if newid in by_newid:
            labels[article_id] = by_newid[newid]
    return labels


def should_join(labels: dict[int, Labels]) -> set[tuple[int, int]]:
    """Pairs with a topic and an organization or person tag in common, a week apart at most."""
    by_name: dict[str, list[int]] = defaultdict(list)
    for article_id, label in labels.items():
        for name in label.names:
            by_name[name].append(article_id)
    pairs = set()
    for members in by_name.values():
        for one, other in itertools.combinations(sorted(members), 2):
            first, second = labels[one], labels[other]
            if first.topics & second.topics and abs((first.day - second.day).days) <= WEEK:
                pairs.add((one, other))
    return pairs


def judge(story_of: dict[int, int], labels: dict[int, Labels]) -> dict[str, float]:
    members: dict[int, list[int]] = defaultdict(list)
    for article_id, story in story_of.items():
        if article_id in labels:
            members[story].append(article_id)
    shared = [group for group in members.values() if len(group) > 1]
    pairs = [pair for group in shared for pair in itertools.combinations(group, 2)]
    pure = sum(1 for one, other in pairs if labels[one].topics & labels[other].topics)
    mixed = sum(
        1
        for group in shared
        if any(not labels[one].topics & labels[other].topics for one, other in itertools.combinations(group, 2))
    )
    wanted = should_join(labels)
    joined = sum(1 for one, other in wanted if story_of.get(one) == story_of.get(other))
    return {
        "stories": len(members),
        "shared": len(shared),
        "largest": max((len(group) for group in shared), default=1),
        "pairs": len(pairs),
        "pair_precision": pure / len(pairs) if pairs else 1.0,
        "mixed": mixed,
        "wanted": len(wanted),
        "recall": joined / len(wanted) if wanted else 1.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=None, help="keep the archive here (reused when it exists)")
    args = parser.parse_args()
    by_newid = labels_by_newid()
    with tempfile.TemporaryDirectory(prefix="newsdesk-stories-eval-") as temporary:
        database = args.db or Path(temporary) / "archive.db"
        build(database, Path(temporary), {newid: label.topics for newid, label in by_newid.items()})
        with Store.open(database, seed=False) as store:
            labels = article_labels(store, by_newid)
            story_of = dict(store.db.execute("SELECT article_id, story_id FROM story_members").fetchall())
    figures = judge(story_of, labels)
    print(f"Reuters TRAIN, {len(labels):,} stories with topics: {figures['stories']:,} newsdesk stories")
    print(
        f"  {figures['shared']:,} of more than one article (largest {figures['largest']}); "
        f"{figures['pairs']:,} pairs in them"
    )
    print(
        f"  purity: {figures['pair_precision']:.3f} of those pairs share a topic; "
        f"{figures['mixed']:,} stories mix topics"
    )
    print(
        f"  joining: {figures['recall']:.3f} of {figures['wanted']:,} pairs that share a topic and an org or "
        f"person tag, <= {WEEK} days apart, are one story"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
