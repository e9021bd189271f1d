"""The statements story assignment runs, built once: each has a fixed number of parameters
(keys padded to it), so that it is prepared once and never compiled again."""

from __future__ import annotations

from store.story_keys import COPY_KEYS, ENTITY_KEYS, TITLE_KEYS

CANDIDATES = 8
PER_KEY = 15
# A key's day: the date's ordinal; 0 for an undated article, -1 for a copy key (any date).
UNDATED_DAY, COPY_DAY = 0, -1
# What a candidate row was found by: an entity, a title word near in time, one with no date.
ENTITY_ARM, NEAR_ARM, FAR_ARM = range(3)


def _per_key(arm: int, key: str, when: str) -> str:
    return (
        f"SELECT * FROM (SELECT story_id, {arm} AS kind, key FROM story_keys WHERE key = {key} AND {when} "
        f"ORDER BY day DESC LIMIT {PER_KEY})"
    )


def padded(keys: list[int], count: int) -> list[int]:
    """Exactly `count` keys: -1 (no key is negative) fills the rest."""
    return (keys + [-1] * count)[:count]


def candidates_sql(dated: bool) -> str:
    """Rows (story id, kind, key). Numbered parameters: the window's two days (dated only),
    then the entity and title keys."""
    first = 3 if dated else 1
    entities = [f"?{first + number}" for number in range(ENTITY_KEYS)]
    titles = [f"?{first + ENTITY_KEYS + number}" for number in range(TITLE_KEYS)]
    if not dated:  # the newest stories per title word
        return " UNION ALL ".join(_per_key(FAR_ARM, key, f"day >= {UNDATED_DAY}") for key in titles)
    # Each entity on its own (a few are in a third of all news, and must not crowd out the
    # rest); the title words together, in the window and undated, a bounded number each time.
    parts = [_per_key(ENTITY_ARM, key, "day BETWEEN ?1 AND ?2") for key in entities]
    for arm, when in ((NEAR_ARM, "day BETWEEN ?1 AND ?2"), (FAR_ARM, f"day = {UNDATED_DAY}")):
        parts.append(
            f"SELECT * FROM (SELECT story_id, {arm} AS kind, key FROM story_keys "
            f"WHERE key IN ({', '.join(titles)}) AND {when} LIMIT {PER_KEY * TITLE_KEYS})"
        )
    return " UNION ALL ".join(parts)


DATED, UNDATED = candidates_sql(dated=True), candidates_sql(dated=False)
# The newest stories per copy key, each key on its own (a sketch of a templated report's words,
# held by many, must not crowd out the others), with the story's day.
COPIES = "SELECT k.story_id, k.key, s.day FROM ({}) k JOIN stories s ON s.id = k.story_id".format(
    " UNION ALL ".join(
        f"SELECT * FROM (SELECT story_id, key FROM story_keys WHERE key = ?{number + 1} AND day = {COPY_DAY} "
        f"ORDER BY story_id DESC LIMIT {PER_KEY})"
        for number in range(COPY_KEYS)
    )
)
TEXTS = (
    "SELECT s.id, t.lead, t.profile, s.articles FROM stories s JOIN story_texts t ON t.story_id = s.id "
    f"WHERE s.id IN ({', '.join('?' * CANDIDATES)})"
)
# The earliest dated article gives the story its day.
_EARLIEST = "day = CASE WHEN day IS NULL OR (? != '' AND ? < day) THEN nullif(?, '') ELSE day END"
JOIN = f"UPDATE stories SET articles = articles + 1, {_EARLIEST} WHERE id = ?"
