"""Stories: articles about the same event, from any source, kept as they are ingested. A new
article is compared only with the stories that share its keys near its date (or, undated, the
newest few that share its title words), so adding one costs the same in any size of archive.
Near-identical copies share copy keys and join whatever their dates."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence

from store.story_keys import (
    COPY_KEYS,
    ENTITY_KEYS,
    TITLE_KEYS,
    StoryText,
    entity_keys,
    merged_profile,
    norm,
    similarity,
    story_text,
)

WINDOW_DAYS = 3
CANDIDATES = 8
PER_KEY = 15
_KINDS = ("copy", "entity", "near", "far")
COPY = 0.8
SAME_EVENT = 0.35
# Near in time and sharing two entities or more: one event told in other words.
SAME_EVENT_NAMED = 0.32
SAME_EVENT_UNDATED = 0.42
COPY_DAY = "copy"
KEPT_STORIES = 2_000
# A story's first article's signature, its profile (the words of all its articles), and their norms.
_Kept = tuple[dict[str, int], dict[str, int], float, float]


class StoryAssigner:
    """Puts each new article in a story (the writer calls it inside the batch's transaction)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.kept: dict[int, _Kept] = {}

    def assign(self, article_id: int, title: str, body: str, published: object, entity_ids: Sequence[int]) -> int:
        return self.assign_text(article_id, title, story_text(title, body), published, entity_ids)

    def assign_text(
        self, article_id: int, title: str, text: StoryText, published: object, entity_ids: Sequence[int]
    ) -> int:
        """Put an article in a story, its text's keys already made (`story_text`)."""
        day = _day(published)
        mine, copies = text.signature, list(text.copies)
        events = entity_keys(entity_ids) + list(text.titles)
        story_id = self._best(self._candidates(events, copies, day), mine, day)
        if story_id is None:
            story_id = self._new(article_id, title, day, text)
        else:
            self._join(story_id, day, text)
        self.conn.execute(
            "INSERT OR REPLACE INTO story_members (article_id, story_id) VALUES (?, ?)", (article_id, story_id)
        )
        rows = [(key, day, story_id) for key in events] + [(key, COPY_DAY, story_id) for key in copies]
        self.conn.executemany("INSERT OR IGNORE INTO story_keys (key, day, story_id) VALUES (?, ?, ?)", rows)
        return story_id

    def leave(self, article_id: int) -> None:
        """An article is about to be rewritten: it leaves its story (the last one out ends it)."""
        row = self.conn.execute("SELECT story_id FROM story_members WHERE article_id = ?", (article_id,)).fetchone()
        if row is None:
            return
        self.conn.execute("DELETE FROM story_members WHERE article_id = ?", (article_id,))
        self.conn.execute("UPDATE stories SET articles = articles - 1 WHERE id = ?", (row[0],))

    def _candidates(self, events: list[str], copies: list[str], day: str) -> dict[int, tuple[int, int]]:
        """Story id -> (keys shared, entities shared near in time), in one statement: stories
        sharing a copy key (any date); sharing entities or title words within the window (the
        newest few per key, so that a key a busy day's every article holds costs no more than a
        rare one); and sharing title words with no date to compare (undated stories for a dated
        article, the newest for an undated one). Keys are padded to fixed counts so that the
        statement is always one of two, prepared once (compiling it each time cost more than
        running it)."""
        entities = _padded([key for key in events if key.startswith("e")], ENTITY_KEYS)
        titles = _padded([key for key in events if key.startswith("t")], TITLE_KEYS)
        params: list[object] = [*_padded(copies, COPY_KEYS)]
        if day:
            start, end = _shifted(day, -WINDOW_DAYS), _shifted(day, WINDOW_DAYS)
            params += [value for key in entities + titles for value in (key, start, end)]
        params += titles
        shared: dict[int, list[int]] = {}
        named: dict[int, set[int]] = {}
        for story_id, kind, key in self.conn.execute(_DATED if day else _UNDATED, params):
            counts = shared.setdefault(story_id, [0, 0, 0, 0])
            counts[_KINDS.index(kind)] += 1
            if kind == "entity":
                named.setdefault(story_id, set()).add(key)
        # Near in time counts only with an entity in common: reports of one kind (results,
        # prices) read alike, whoever they are about; two entities in common say more.
        ranked = {
            story_id: (100 * copy + entity + near + far, len(named.get(story_id, ())))
            for story_id, (copy, entity, near, far) in shared.items()
        }
        return dict(sorted(ranked.items(), key=lambda item: -item[1][0])[:CANDIDATES])

    def _best(self, candidates: dict[int, tuple[int, int]], mine: dict[str, int], day: str) -> int | None:
        best, best_score = None, 0.0
        mine_norm = norm(mine)
        for story_id, (lead, profile, lead_norm, profile_norm) in self._signatures(list(candidates)).items():
            score = similarity(mine, lead, (mine_norm, lead_norm))
            if profile is not lead:
                score = max(score, similarity(mine, profile, (mine_norm, profile_norm)))
            shared, names = candidates[story_id]
            needed = (
                (SAME_EVENT_NAMED if names >= 2 else SAME_EVENT)
                if names
                else COPY
                if shared >= 100
                else SAME_EVENT_UNDATED
            )
            if score >= needed and score > best_score:
                best, best_score = story_id, score
        return best

    def _signatures(self, story_ids: list[int]) -> dict[int, _Kept]:
        """Stories' first articles' signatures and their profiles, kept between articles: the
        same few stories are candidates again and again while their day's news comes in."""
        missing = [story_id for story_id in story_ids if story_id not in self.kept]
        if missing:
            rows = self.conn.execute(
                f"SELECT id, lead_signature, profile FROM stories WHERE id IN ({', '.join('?' * len(missing))})",
                missing,
            )
            for story_id, lead, last in rows:
                self._keep(story_id, json.loads(lead), json.loads(last))
        return {story_id: self.kept[story_id] for story_id in story_ids if story_id in self.kept}

    def _keep(self, story_id: int, lead: dict[str, int], profile: dict[str, int]) -> None:
        if len(self.kept) >= KEPT_STORIES:
            self.kept.clear()
        lead_norm = norm(lead)
        self.kept[story_id] = (lead, profile, lead_norm, lead_norm if profile is lead else norm(profile))

    def _new(self, article_id: int, title: str, day: str, text: StoryText) -> int:
        cursor = self.conn.execute(
            "INSERT INTO stories (lead_id, title, day, articles, lead_signature, profile) VALUES (?, ?, ?, 1, ?, ?)",
            (article_id, title, day or None, text.packed, text.packed),
        )
        story_id = int(cursor.lastrowid or 0)
        self._keep(story_id, text.signature, text.signature)
        return story_id

    def _join(self, story_id: int, day: str, text: StoryText) -> None:
        """The article joins: the story's profile takes in its words."""
        lead, profile, lead_norm, _ = self._signatures([story_id])[story_id]
        merged = merged_profile(profile, text.signature)
        self.conn.execute(
            "UPDATE stories SET articles = articles + 1, profile = ?, "
            "day = CASE WHEN day IS NULL OR (? != '' AND ? < day) THEN nullif(?, '') ELSE day END WHERE id = ?",
            (json.dumps(merged), day, day, day, story_id),
        )
        self.kept[story_id] = (lead, merged, lead_norm, norm(merged))


def _per_key(kind: str, when: str, number: int) -> str:
    return (
        f"SELECT * FROM (SELECT story_id, '{kind}', {number} FROM story_keys WHERE key = ? AND {when} "
        f"ORDER BY day DESC LIMIT {PER_KEY})"
    )


def _padded(keys: list[str], count: int) -> list[str]:
    """Exactly `count` keys: '' (which no article has) fills the rest."""
    return (keys + [""] * count)[:count]


def _candidates_sql(dated: bool) -> str:
    copies = ", ".join("?" * COPY_KEYS)
    parts = [
        f"SELECT * FROM (SELECT story_id, 'copy', 0 FROM story_keys WHERE key IN ({copies}) "
        f"AND day = '{COPY_DAY}' LIMIT {PER_KEY * 2})"
    ]
    if dated:
        parts += [_per_key("entity", "day BETWEEN ? AND ?", number) for number in range(ENTITY_KEYS)]
        parts += [_per_key("near", "day BETWEEN ? AND ?", 0)] * TITLE_KEYS
    parts += [_per_key("far", "day = ''" if dated else f"day != '{COPY_DAY}'", 0)] * TITLE_KEYS
    return " UNION ALL ".join(parts)


def _day(published: object) -> str:
    if isinstance(published, str) and len(published) >= 10:
        try:
            return dt.date.fromisoformat(published[:10]).isoformat()
        except ValueError:
            return ""
    return ""


def _shifted(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


_DATED, _UNDATED = _candidates_sql(dated=True), _candidates_sql(dated=False)
