"""Which full name a surname alone stands for, from what the archive knows of each: how often
each full name is named, and what surrounds it (the entities named with it, its sources and
years). 'Baker' beside 'White House' and 'Reagan' is not 'Baker' beside 'Treasury' and 'dollar'."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

# A full name must be named in this many articles before a surname alone may join it.
MIN_ARTICLES = 2
# The chosen name must be this many times likelier than the next one.
MARGIN = math.log(3)
# Without support from context, it must hold this share of the surname's articles.
DOMINANT = 0.9
# Context that supports a name this much decides even when it is not dominant.
SUPPORT = 2.0
# A short form named alone in this many articles has a profile of its own.
MIN_OWN = 3
# Source and period that fit a name this badly speak against it.
MISFIT = -0.75
# How many articles' worth of doubt a source never seen beside a name starts with.
SOURCE_DOUBT = 5
# Years this far apart are one period.
PERIOD = 2


@dataclass
class Profile:
    """What the articles naming one entity share: how many there are, and how often each
    other entity, source and year appears among them."""

    articles: int = 0
    entities: Counter[int] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    years: Counter[str] = field(default_factory=Counter)

    def add(self, others: Iterable[int], source: str | None, year: str | None) -> None:
        self.articles += 1
        self.entities.update(others)
        self.sources[source or ""] += 1
        self.years[year or ""] += 1


@dataclass(frozen=True)
class Context:
    """What surrounds a surname in its article ('' for no source or no date: that says something too)."""

    entities: frozenset[int]
    source: str
    year: str


@dataclass(frozen=True)
class Background:
    """How common each entity and source is in the whole archive."""

    articles: int
    entity_articles: Callable[[int], int]
    sources: Counter[str]


def choose(
    candidates: dict[int, Profile],
    context: Context,
    background: Background,
    own: Profile | None = None,
    given_name: bool = False,
) -> int | None:
    """The full name a short form stands for, or None when the evidence does not say. `own` is
    what the short form's articles without a full name share: when the context fits them better
    than any full name, it stays apart ('Blair' in 2005 is not a 'William Blair' of 1987).
    `given_name`: the short form keeps a given name ('Tayyip Erdogan'), support in itself."""
    usable = {entity_id: p for entity_id, p in candidates.items() if p.articles >= MIN_ARTICLES}
    if not usable:
        return None
    bonus = SUPPORT if given_name else 0.0
    scores = {entity_id: _evidence(p, context, background, bonus) for entity_id, p in usable.items()}
    ranked = sorted(usable, key=lambda entity_id: -(math.log(usable[entity_id].articles) + sum(scores[entity_id])))
    best = ranked[0]
    support, fit = scores[best]
    total = math.log(usable[best].articles) + support + fit
    rivals = [math.log(usable[other].articles) + sum(scores[other]) for other in ranked[1:2]]
    if own is not None and _different_person(usable[best], own, background):
        rivals.append(sum(_evidence(own, context, background)))
    if any(total - rival < MARGIN for rival in rivals):
        return None
    if fit < MISFIT and support < SUPPORT:
        return None
    share = usable[best].articles / sum(p.articles for p in candidates.values())
    telling = support - max((scores[other][0] for other in ranked[1:]), default=0.0) >= MARGIN
    return best if support >= SUPPORT or telling or share >= DOMINANT else None


def _different_person(full: Profile, own: Profile, background: Background) -> bool:
    """Whether the short form's own articles read as someone else's: what most of them share
    (entities in a tenth of them, their commonest source and year) fits the full name badly, or,
    when they outnumber the full name's, is never named beside it."""
    if own.articles < MIN_OWN:
        return False
    floor = max(2, own.articles // 10)
    summary = Context(
        frozenset(entity_id for entity_id, count in own.entities.items() if count >= floor),
        own.sources.most_common(1)[0][0] if own.sources else "",
        own.years.most_common(1)[0][0] if own.years else "",
    )
    support, fit = _evidence(full, summary, background)
    unrelated = support == 0 and len(summary.entities) >= 2 and own.articles >= full.articles
    return fit <= MISFIT or unrelated


def _evidence(profile: Profile, context: Context, background: Background, bonus: float = 0.0) -> tuple[float, float]:
    return _support(profile, context, background) + bonus, _fit(profile, context, background)


def _support(profile: Profile, context: Context, background: Background) -> float:
    """How much likelier the entities around the surname are beside this name than anywhere."""
    total = 0.0
    for entity_id in context.entities:
        together = profile.entities.get(entity_id, 0)
        if together:
            anywhere = max(background.entity_articles(entity_id), together) / max(background.articles, 1)
            total += max(0.0, math.log(together / profile.articles / anywhere))
    return total


def _fit(profile: Profile, context: Context, background: Background) -> float:
    """How well the source and period fit this name: negative when they are rare beside it."""
    return _source_fit(profile, context.source, background.sources) + _period_fit(profile, context.year)


def _source_fit(profile: Profile, source: str, everywhere: Counter[str]) -> float:
    overall = (everywhere.get(source, 0) + 1) / (sum(everywhere.values()) + 1)
    beside = (profile.sources.get(source, 0) + SOURCE_DOUBT * overall) / (profile.articles + SOURCE_DOUBT)
    return math.log(beside / overall)


def _period_fit(profile: Profile, year: str) -> float:
    """Nothing when the year is near one the name is named in (or either is unknown); less
    the further it is: 'William Blair' of 1987 is not the 'Blair' of 2005."""
    years = [int(seen) for seen in profile.years if seen.isdigit()]
    if not year.isdigit() or not years:
        return 0.0
    distance = min(abs(int(year) - seen) for seen in years)
    return 0.0 if distance <= PERIOD else -math.log(1 + (distance - PERIOD) / PERIOD)
