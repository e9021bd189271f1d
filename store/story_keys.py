"""What story assignment knows of an article, computed from its parsed text alone (no SQL):
its signature (most frequent content words), its event keys (entities and title words) and
its copy keys (min-hash sketches of its signature, shared by near-identical copies)."""

from __future__ import annotations

import json
import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

SIGNATURE_WORDS = 40
TITLE_KEYS = 6
ENTITY_KEYS = 8
# Copy keys: the signature's words with the smallest hashes, taken SKETCH at a time.
COPY_KEYS = 3
SKETCH = 3
# Only the start of a long body is read: enough to know it, cheap at ingest.
READ_WORDS = 600
READ_CHARS = 7 * READ_WORDS
_WORD = re.compile(r"[^\W\d_]{3,}|\d[\d.,]*\d")
_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "that",
        "this",
        "these",
        "those",
        "their",
        "there",
        "they",
        "them",
        "then",
        "than",
        "have",
        "has",
        "had",
        "was",
        "were",
        "are",
        "been",
        "being",
        "will",
        "would",
        "could",
        "should",
        "can",
        "may",
        "might",
        "must",
        "not",
        "but",
        "its",
        "his",
        "her",
        "hers",
        "our",
        "ours",
        "your",
        "yours",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "when",
        "where",
        "while",
        "why",
        "how",
        "all",
        "any",
        "some",
        "such",
        "more",
        "most",
        "other",
        "others",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "after",
        "before",
        "again",
        "against",
        "between",
        "through",
        "during",
        "above",
        "below",
        "also",
        "just",
        "only",
        "very",
        "said",
        "says",
        "say",
        "told",
        "according",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "new",
        "last",
        "first",
        "year",
        "years",
        "week",
        "weeks",
        "day",
        "days",
        "time",
        "times",
        "since",
        "until",
        "upon",
        "off",
        "out",
        "per",
        "via",
        "mln",
        "pct",
        "dlrs",
        "inc",
        "corp",
    ]
)


@dataclass(frozen=True)
class StoryText:
    """What story assignment needs of an article's text, computed where it is parsed (in the
    ingest's worker processes), so that the single writer only looks up and writes."""

    signature: dict[str, int]
    packed: str  # the signature as the stories table keeps it (JSON)
    copies: tuple[str, ...]
    titles: tuple[str, ...]  # title-word keys


def story_text(title: str, body: str) -> StoryText:
    words = signature(title, body)
    return StoryText(words, json.dumps(words), tuple(copy_keys(words)), tuple(title_keys(title)))


def words_of(text: str) -> list[str]:
    """Content words and numbers: templated reports (results, prices) differ in their figures."""
    return [word for word in _WORD.findall(text.lower()) if word not in _STOP]


def signature(title: str, body: str) -> dict[str, int]:
    """The article's most frequent content words (title words count twice); ties go by the
    word, so that the same words in another order give the same signature."""
    counts = Counter(words_of(title) * 2 + words_of(body[:READ_CHARS])[:READ_WORDS])
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:SIGNATURE_WORDS])


def merged_profile(profile: dict[str, int], words: dict[str, int]) -> dict[str, int]:
    """A story's profile with one more article's signature: the SIGNATURE_WORDS words most
    frequent over its articles, so that an account of the event in other words than its first
    still finds the words the story's articles share."""
    counts = Counter(profile)
    counts.update(words)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:SIGNATURE_WORDS])


def norm(words: dict[str, int]) -> float:
    return math.sqrt(len(words))


def similarity(one: dict[str, int], other: dict[str, int], norms: tuple[float, float] | None = None) -> float:
    """Cosine of two signatures as sets of words: a word said often (the template words of a
    results report, 'loss', 'cts') counts once, like any other (their norms may be given)."""
    shared = len(one.keys() & other.keys())
    first, second = norms or (norm(one), norm(other))
    return shared / (first * second) if first and second else 0.0


def event_keys(title: str, entity_ids: Iterable[int]) -> list[str]:
    """Keys an account of the same event most likely shares: its entities and title words."""
    return entity_keys(entity_ids) + title_keys(title)


def entity_keys(entity_ids: Iterable[int]) -> list[str]:
    return [f"e{entity_id}" for entity_id in dict.fromkeys(entity_ids)][:ENTITY_KEYS]


def title_keys(title: str) -> list[str]:
    return [f"t{word}" for word in dict.fromkeys(words_of(title))][:TITLE_KEYS]


def copy_keys(words: dict[str, int]) -> list[str]:
    """Min-hash sketches of a signature: a near-identical copy has the same words, and so the
    same sketches, while a key of SKETCH words is rare enough to look up in any archive."""
    if len(words) < SKETCH:
        return []
    ranked = sorted(words, key=lambda word: zlib.crc32(word.encode()))
    sketches = (" ".join(sorted(ranked[start : start + SKETCH])) for start in range(COPY_KEYS))
    return [f"c{zlib.crc32(sketch.encode()):08x}" for sketch in sketches if sketch.count(" ") == SKETCH - 1]
