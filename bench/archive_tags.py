"""Reuters' tags are short keys ('ec', 'gatt', 'james-baker', 'reagan', 'west-germany'); a
user types full names. Each tag is mapped to the name its own stories write most often, by
rules that look only at the stories' raw text (never at what newsdesk extracted):

- person: the tag's words as the end of a name ('reagan' -> 'Ronald Reagan'), after up to two
  given-name-like words: words never written in lower case in the corpus and followed by a
  capitalised word at least 90% of the time ('James' is; 'Treasury' and 'Saudi' are not).
  Initials ('A.') are dropped. With no such longer name, the tag's words as written.
- organization: an expansion of the tag, most used first: words whose initials spell it
  (Schwartz-Hearst style: each content word gives its first letter and maybe a few more of
  its own letters, 'of'/'and' may give theirs: 'gatt' = 'General Agreement on Tariffs and
  Trade', 'icco' = 'International Cocoa Organization'), or words written together ('worldbank'
  = 'World Bank'). A hyphenated tag ('ico-coffee', 'adb-africa') is spelled by its first part.
  With no expansion, the acronym in capitals.
- place: the tag's words as written ('west-germany' -> 'West Germany'), else an expansion as
  for organisations ('uae'), else the tag itself ('usa'), which is what a user would type.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

_RUN = re.compile(
    r"[A-Z][\w'’.&-]*(?:\s+(?:(?:of|and|for|on|the|de|du|da|von|van|der|la|le|al|bin)\s+)*[A-Z][\w'’.&-]*)*"
)
_FUNCTION = frozenset({"of", "and", "for", "on", "the", "de", "du", "da", "von", "van", "der", "la", "le", "al", "bin"})
_INITIAL = re.compile(r"^[A-Z]\.$")
_MAX_PHRASE = 8


def words_of(text: str) -> list[str]:
    return [word for word in re.split(r"[^\w]+", text.lower()) if word]


@dataclass
class CaseStats:
    """How each word is written across the corpus: in lower case at all, and how often a
    capitalised word follows it."""

    lower: set[str] = field(default_factory=set)
    followed: Counter[str] = field(default_factory=Counter)
    followed_by_capital: Counter[str] = field(default_factory=Counter)

    def add(self, text: str) -> None:
        tokens = text.split()
        for index, token in enumerate(tokens):
            word = token.strip("\"'()[],.;:")
            if not word:
                continue
            if word.islower():
                self.lower.add(word)
                continue
            if index + 1 < len(tokens) and not word.isupper():
                self.followed[word] += 1
                if tokens[index + 1][:1].isupper():
                    self.followed_by_capital[word] += 1

    def given_name_like(self, word: str) -> bool:
        if _INITIAL.match(word):
            return True
        seen = self.followed[word]
        return (
            word.lower() not in self.lower
            and not word.isupper()
            and seen >= 2
            and self.followed_by_capital[word] >= 0.9 * seen
        )


def phrases(text: str) -> Counter[str]:
    """Every run of capitalised words and each of its parts that starts and ends on a capital."""
    found: Counter[str] = Counter()
    for run in _RUN.finditer(text):
        tokens = run.group().split()
        for start in range(len(tokens)):
            if not tokens[start][:1].isupper():
                continue
            for end in range(start + 1, min(len(tokens), start + _MAX_PHRASE) + 1):
                if tokens[end - 1][:1].isupper():
                    found[" ".join(tokens[start:end]).rstrip(".,'’")] += 1
    return found


@cache
def _spells(letters: str, words: tuple[str, ...], extra: int) -> bool:
    """Whether the words spell the letters: each content word gives its first letter and, up
    to `extra` in all, more of its own in order; function words give their first letter or nothing."""
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    if word in _FUNCTION:
        skipped = _spells(letters, rest, extra)
        return skipped or (bool(letters) and letters[0] == word[0] and _spells(letters[1:], rest, extra))
    if not letters or letters[0] != word[0]:
        return False
    return any(_spells(letters[taken:], rest, extra - taken + 1) for taken in _takes(letters, word, extra))


def _takes(letters: str, word: str, extra: int) -> Iterable[int]:
    """How many of the letters this word can give: 1, or more when they are its letters in order."""
    yield 1
    position = 1
    for taken in range(2, min(len(letters), extra + 1) + 1):
        found = word.find(letters[taken - 1], position)
        if found < 0:
            return
        position = found + 1
        yield taken


def expansion_cost(tag: str, phrase: str) -> int | None:
    """How many letters beyond the initials the phrase needs to spell the tag (0 for 'General
    Agreement on Tariffs and Trade' = 'gatt', 1 for 'International Cocoa Organization' = 'icco'),
    or None when it does not spell it; 'worldbank' = 'World Bank' costs 0."""
    letters = tag.split("-")[0]
    words = tuple(words_of(phrase))
    content = [word for word in words if word not in _FUNCTION]
    if len(content) < 2 or words[0] in _FUNCTION:
        return None
    if "".join(words) == tag.replace("-", ""):
        return 0
    if len(letters) < 2:
        return None
    for extra in range(3):
        if _spells(letters, words, extra):
            return extra
    return None


def person_forms(tag_words: list[str], phrase: str, stats: CaseStats) -> str | None:
    """'James A. Baker' -> 'James Baker' for the tag 'james-baker': up to two given-name-like
    words, then the tag's words; None when the phrase is not such a name."""
    tokens = [token for token in phrase.split() if not _INITIAL.match(token)]
    for split in range(len(tokens)):
        if [word for token in tokens[split:] for word in words_of(token)] == tag_words:
            given = tokens[:split]
            if len(given) <= 2 and all(stats.given_name_like(token) for token in given):
                return " ".join(tokens)
            return None
    return None


def full_name(tag: str, kind: str, story_phrases: Iterable[Counter[str]], stats: CaseStats) -> str:
    """The name a user would type for a tag, from the phrases of the stories that carry it."""
    counts: Counter[str] = Counter()
    for found in story_phrases:
        counts.update(found)
    tag_words = words_of(tag)
    exact = Counter({phrase: n for phrase, n in counts.items() if words_of(phrase) == tag_words})
    if kind == "person":
        names: Counter[str] = Counter()
        for phrase, n in counts.items():
            form = person_forms(tag_words, phrase, stats)
            if form and len(words_of(form)) >= 2:
                names[form] += n
        return _best(names) or _best(exact) or " ".join(word.title() for word in tag_words)
    expansion = _best_expansion(tag, counts)
    if kind == "place":
        return _best(exact) or expansion or tag.replace("-", " ")
    return expansion or tag.split("-")[0].upper()


def _best_expansion(tag: str, counts: Counter[str]) -> str | None:
    """The expansion with the fewest letters beyond its initials, the most used among equals."""
    by_cost: dict[int, Counter[str]] = {}
    for phrase, n in counts.items():
        cost = expansion_cost(tag, phrase)
        if cost is not None and n >= 2:
            by_cost.setdefault(cost, Counter())[phrase] = n
    return _best(by_cost[min(by_cost)]) if by_cost else None


def _best(counts: Counter[str]) -> str | None:
    """The most used phrase, preferring a form in ordinary case to one in capitals."""
    cased = Counter({phrase: n for phrase, n in counts.items() if not phrase.isupper()})
    pool = cased or counts
    if not pool:
        return None
    return max(pool, key=lambda phrase: (pool[phrase], len(phrase)))
