"""Organisations by their letters: 'EC' and 'European Community', 'GATT' and 'General Agreement
on Tariffs and Trade' are one organisation when one name of those initials dominates the archive."""

from __future__ import annotations

from collections import Counter, defaultdict

from articles.entities.lexicon import lexicon
from articles.entities.normalize import name_key
from articles.entities.record import company_base, initials

# An organisation named this often can take its acronym's articles.
MIN_EXPANSION = 2


class Acronyms:
    """Organisations known only by their letters, and organisations of several words by their initials."""

    def __init__(self) -> None:
        self.letters_only: dict[str, int] = {}
        self.by_initials: defaultdict[str, set[int]] = defaultdict(set)
        self.touched: set[str] = set()
        # Letters and the organisations written with them ('Commodity Credit Corp (CCC)').
        self.paired: defaultdict[str, Counter[int]] = defaultdict(Counter)

    def pair(self, letters: str, entity_id: int) -> None:
        """An article wrote the organisation with these letters beside its name."""
        self.paired[letters][entity_id] += 1
        self.touched.add(letters)

    def index(self, entity_id: int, name: str, key: str) -> None:
        if " " not in name and name.replace(".", "").isupper():
            self.letters_only.setdefault(key, entity_id)
            self.touched.add(key)
        elif " " in key:
            letters = initials(key)
            if letters not in key.split():  # 'EC Commission' is no expansion of 'EC'
                self.by_initials[letters].add(entity_id)
                self.touched.add(letters)
            base = company_base(key)
            if base:
                self.by_initials[initials(base)].add(entity_id)
                self.touched.add(initials(base))

    def forget(self, entity_id: int, name: str) -> None:
        """The entity is no longer known by this name (renamed, or merged into another): its
        initials no longer spell it, as they would not for an archive loaded afresh."""
        key = name_key(name)
        if self.letters_only.get(key) == entity_id:
            del self.letters_only[key]
        if " " in key:
            base = company_base(key)
            for letters in {initials(key), *([initials(base)] if base else [])}:
                self.by_initials[letters].discard(entity_id)
                self.touched.add(letters)

    def dominant(self, letters: str, articles: Counter[int]) -> int | None:
        """The organisation these letters stand for: the one of those initials named at least
        twice as often as all the others together."""
        self.touched.add(letters)
        if letters in lexicon().known:
            return None  # 'BBC' is the BBC, whatever 'Bank of Boston Corp' spells
        written = self.paired.get(letters)
        if written:  # an article said what the letters stand for: the name said most
            best, times = max(written.items(), key=lambda item: (item[1], -item[0]))
            if 2 * times > sum(written.values()) and articles[best]:
                return best
        named = self.by_initials.get(letters.replace(" ", ""), set())
        if not named:
            return None
        best = max(named, key=lambda entity_id: (articles[entity_id], -entity_id))
        rest = sum(articles[entity_id] for entity_id in named if entity_id != best)
        return best if articles[best] >= max(MIN_EXPANSION, 2 * rest) else None

    def merges(self, articles: Counter[int]) -> list[tuple[int, int]]:
        """Organisations known only by letters ('GATT') and the name they now stand for, to be
        merged into it: 'EC' named before 'European Community' was named enough."""
        found = []
        for letters in sorted(self.touched):
            acronym = self.letters_only.get(letters)
            if acronym is None or not articles[acronym]:
                continue
            expansion = self.dominant(letters, articles)
            if expansion is not None:
                found.append((acronym, expansion))
        self.touched = set()
        return found
