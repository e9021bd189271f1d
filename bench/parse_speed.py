"""Parse throughput over the Reuters-21578 corpus, with and without entity extraction.

Reads ../shared/corpus/reuters21578.jsonl when it exists (never copied into the project).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from articles import parse_text
from articles.entities.lexicon import lexicon

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "reuters21578.jsonl"


def reuters_texts(limit: int | None = None) -> list[str]:
    """Each wire story laid out as a scraped file: title, date line, dateline and body."""
    texts = []
    with CORPUS.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if not row.get("body") or row.get("lewissplit") == "TEST":
                continue  # TEST is held out for judging: never measured with
            texts.append(f"{row['title']}\n{row['date_raw']}\n\n    {row.get('dateline') or ''} {row['body']}")
            if limit and len(texts) >= limit:
                break
    return texts


def rate(texts: list[str], entities: bool) -> float:
    start = time.perf_counter()
    for text in texts:
        parse_text(text, entities=entities)
    return len(texts) / (time.perf_counter() - start)


def main() -> int:
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} does not exist")
        return 0
    texts = reuters_texts()
    lexicon()
    without = rate(texts, entities=False)
    with_entities = rate(texts, entities=True)
    words = sum(len(text.split()) for text in texts) / len(texts)
    print(f"{len(texts)} Reuters stories, {words:.0f} words on average, one core:")
    print(f"  parse without entities: {without:8.0f} articles/s")
    print(f"  parse with entities:    {with_entities:8.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
