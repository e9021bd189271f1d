"""What story assignment knows of an article, computed from its parsed text alone (no SQL):
its signature (most frequent content words), its event keys (entities and title words) and
its copy keys (min-hash sketches of its signature, shared by near-identical copies). A key is
an integer whose two low bits say its kind (small rows: a batch rewrites fewer pages)."""

from __future__ import annotations

import json
import math
import re
import zlib
from collections import Counter
from collections.abc import Collection, Iterable
from collections.abc import Set as AbstractSet
from operator import itemgetter
from typing import NamedTuple

SIGNATURE_WORDS = 40
TITLE_KEYS = 4
ENTITY_KEYS = 6
# Copy keys: the signature's words with the smallest hashes, taken SKETCH at a time.
COPY_KEYS = 3
SKETCH = 3
# A key's kind, in its two low bits.
ENTITY, TITLE, COPY = range(3)
# Only the start of a long body is read: enough to know it, cheap at ingest.
READ_WORDS = 600
READ_CHARS = 7 * READ_WORDS
_WORD = re.compile(r"[^\W\d_]{3,}|\d[\d.,]*\d")
# The same words in lowered ASCII text, where a letter is a to z: found in half the time.
_ASCII_WORD = re.compile(r"[a-z]{3,}|\d[\d.,]*\d")
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


class StoryText(NamedTuple):
    """What story assignment needs of an article's text, computed where it is parsed (in the
    ingest's worker processes), so that the single writer only looks up and writes (a tuple:
    sent between processes for a hundred thousand articles, it pickles and collects cheapest)."""

    packed: str  # its signature as the stories table keeps it (`packed`)
    copies: tuple[int, ...]
    titles: tuple[int, ...]  # title-word keys


def story_text(title: str, body: str) -> StoryText:
    words = signature(title, body)
    return StoryText(packed(words), tuple(copy_keys(words)), tuple(title_keys(title)))


def packed(words: dict[str, int]) -> str:
    """A signature as the stories table keeps it: "word count word count ...", most frequent
    first (a word is letters or a number, never a space), read back far faster than JSON."""
    return " ".join([f"{word} {count}" for word, count in words.items()])


def unpacked(text: str) -> dict[str, int]:
    """A kept signature (or, from an archive of before, its JSON) with its counts."""
    if text.startswith("{"):
        return {str(word): int(count) for word, count in json.loads(text).items()}
    parts = text.split()
    return dict(zip(parts[::2], map(int, parts[1::2]), strict=True))


def word_set(text: str) -> frozenset[str]:
    """A kept signature's words alone: all that comparing two signatures needs."""
    if text.startswith("{"):
        return frozenset(json.loads(text))
    return frozenset(text.split()[::2])


def words_of(text: str) -> list[str]:
    """Content words and numbers: templated reports (results, prices) differ in their figures."""
    lowered = text.lower()
    found = (_ASCII_WORD if lowered.isascii() else _WORD).findall(lowered)
    return [word for word in found if word not in _STOP]


def signature(title: str, body: str) -> dict[str, int]:
    """The article's most frequent content words (title words count twice); ties go by the
    word, so that the same words in another order give the same signature."""
    return _most_frequent(Counter(words_of(title) * 2 + words_of(body[:READ_CHARS])[:READ_WORDS]))


def merged_profile(profile: dict[str, int], words: dict[str, int]) -> dict[str, int]:
    """A story's profile with one more article's signature: the SIGNATURE_WORDS words most
    frequent over its articles, so that an account of the event in other words than its first
    still finds the words the story's articles share."""
    counts = Counter(profile)
    counts.update(words)
    return _most_frequent(counts)


def _most_frequent(counts: Counter[str]) -> dict[str, int]:
    """The SIGNATURE_WORDS most frequent, ties by the word (two stable sorts: by the word, then
    by count, are several times quicker than one by a composite key)."""
    by_word = sorted(counts.items())
    return dict(sorted(by_word, key=itemgetter(1), reverse=True)[:SIGNATURE_WORDS])


def norm(words: Collection[str]) -> float:
    return math.sqrt(len(words))


def similarity(one: AbstractSet[str], other: AbstractSet[str], norms: tuple[float, float] | None = None) -> float:
    """Cosine of two signatures as sets of words: a word said often (the template words of a
    results report, 'loss', 'cts') counts once, like any other (their norms may be given)."""
    shared = len(one & other)
    first, second = norms or (norm(one), norm(other))
    return shared / (first * second) if first and second else 0.0


def entity_keys(entity_ids: Iterable[int]) -> list[int]:
    return [entity_id << 2 | ENTITY for entity_id in dict.fromkeys(entity_ids)][:ENTITY_KEYS]


def title_keys(title: str) -> list[int]:
    return [_hashed(word) << 2 | TITLE for word in dict.fromkeys(words_of(title))][:TITLE_KEYS]


def copy_keys(words: dict[str, int]) -> list[int]:
    """Min-hash sketches of a signature: a near-identical copy has the same words, and so the
    same sketches, while a key of SKETCH words is rare enough to look up in any archive."""
    if len(words) < SKETCH:
        return []
    ranked = sorted(words, key=_hashed)
    sketches = (" ".join(sorted(ranked[start : start + SKETCH])) for start in range(COPY_KEYS))
    return [_hashed(sketch) << 2 | COPY for sketch in sketches if sketch.count(" ") == SKETCH - 1]


def kind(key: int) -> int:
    return key & 3


def key_of_text(text: str) -> int:
    """A key as archives before integer keys kept it: "e" and an entity id, "t" and a title
    word, "c" and a copy sketch's hash in hex."""
    if text.startswith("e"):
        return int(text[1:]) << 2 | ENTITY
    if text.startswith("c"):
        return int(text[1:], 16) << 2 | COPY
    return _hashed(text[1:]) << 2 | TITLE


def _hashed(text: str) -> int:
    return zlib.crc32(text.encode())
