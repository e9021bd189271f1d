"""The archive the yardstick ingests: Reuters-21578 stories of one split laid out as scraped
files (title, date line, dateline and body), and the BBC folder as it is. Both are read from
../shared/corpus, never copied into the project."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
REUTERS = SHARED / "reuters21578.jsonl"
BBC = SHARED / "bbc"
TAG_FIELDS = {"people": "person", "orgs": "organization", "places": "place"}


@dataclass(frozen=True)
class Story:
    """One Reuters story with a body, and the editors' tags of each type."""

    newid: int
    title: str
    date_raw: str
    dateline: str
    body: str
    date: str
    tags: dict[str, tuple[str, ...]]

    def text(self, date_line: bool = True) -> str:
        """The story as a scraped file; without its date line it must come out undated or right."""
        head = f"{self.title}\n{self.date_raw}\n\n" if date_line else f"{self.title}\n\n"
        return f"{head}    {self.dateline} {self.body}"


def reuters_stories(split: str) -> list[Story]:
    """Stories with a body from one `lewissplit` ('TRAIN', 'TEST'), or both ('ALL')."""
    wanted = ("TRAIN", "TEST") if split == "ALL" else (split,)
    stories = []
    with REUTERS.open(encoding="utf-8") as handle:
        for line in handle:
            row: dict[str, Any] = json.loads(line)
            if row.get("lewissplit") in wanted and row.get("body"):
                stories.append(_story(row))
    return stories


def _story(row: dict[str, Any]) -> Story:
    return Story(
        newid=int(row["newid"]),
        title=row["title"] or "",
        date_raw=row["date_raw"] or "",
        dateline=row.get("dateline") or "",
        body=row["body"],
        date=(row.get("date") or "")[:10],
        tags={field: tuple(row.get(field) or ()) for field in TAG_FIELDS},
    )


def write_stories(stories: list[Story], folder: Path) -> dict[str, int]:
    """Write each story as `<newid>.txt`; returns path -> newid."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for story in stories:
        path = folder / f"{story.newid}.txt"
        path.write_text(story.text(), encoding="utf-8")
        paths[str(path)] = story.newid
    return paths
