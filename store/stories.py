"""Stories: articles about the same event, from any source, kept as they are ingested. A new
article is compared only with the stories that share its keys near its date (or, undated, the
newest few that share its title words), so adding one costs the same in any size of archive.
Near-identical copies share copy keys and join whatever their dates."""

from __future__ import annotations

import datetime as dt
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
    packed,
    similarity,
    story_text,
    unpacked,
    word_set,
)

WINDOW_DAYS = 3
CANDIDATES = 8
PER_KEY = 15
COPY = 0.8
SAME_EVENT = 0.35
# Near in time and sharing two entities or more: one event told in other words.
SAME_EVENT_NAMED = 0.32
SAME_EVENT_UNDATED = 0.42
COPY_DAY = "copy"
KEPT_STORIES = 2_000
# A story's first article's words, its profile's (the words of all its articles; None while it
# has one article), the profile as kept (with its counts, for the next to join), their norms.
_Kept = tuple[frozenset[str], frozenset[str] | None, str, float, float]
# A candidate story: keys shared (a copy key counts 100), entities shared near in time, and its
# first article's and its profile's signatures as its row keeps them.
_Candidate = tuple[int, int, str, str]


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
        copies = list(text.copies)
        events = entity_keys(entity_ids) + list(text.titles)
        words = word_set(text.packed)
        story_id = self._best(self._candidates(events, copies, day), words)
        if story_id is None:
            story_id = self._new(article_id, title, day, text, words)
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

    def _candidates(self, events: list[str], copies: list[str], day: str) -> dict[int, _Candidate]:
        """Story id -> what it shares and its signatures (`_Candidate`), in one statement: stories
        sharing a copy key (any date); sharing entities or title words within the window (the
        newest few per key, so that a key a busy day's every article holds costs no more than a
        rare one); and sharing title words with no date to compare (undated stories for a dated
        article, the newest for an undated one). Keys are padded to fixed counts so that the
        statement is always one of two, prepared once (compiling it each time cost more than
        running it)."""
        entities = _padded([key for key in events if key.startswith("e")], ENTITY_KEYS)
        titles = _padded([key for key in events if key.startswith("t")], TITLE_KEYS)
        window = [_shifted(day, -WINDOW_DAYS), _shifted(day, WINDOW_DAYS)] if day else []
        shared: dict[int, list[int]] = {}
        named: dict[int, set[str]] = {}
        rows = self.conn.execute(
            _DATED if day else _UNDATED, [*window, *_padded(copies, COPY_KEYS), *entities, *titles]
        )
        for story_id, kind, key in rows:
            counts = shared.get(story_id)
            if counts is None:
                counts = shared[story_id] = [0, 0]
            counts[0] += 100 if kind == _COPY else 1
            if kind == _ENTITY:
                named.setdefault(story_id, set()).add(key)
        # Near in time counts only with an entity in common: reports of one kind (results,
        # prices) read alike, whoever they are about; two entities in common say more.
        ranked = sorted(shared, key=lambda story_id: (-shared[story_id][0], -story_id))[:CANDIDATES]
        texts = self._texts([story_id for story_id in ranked if story_id not in self.kept])
        return {
            story_id: (shared[story_id][0], len(named.get(story_id, ())), *texts.get(story_id, ("", "")))
            for story_id in ranked
        }

    def _texts(self, story_ids: list[int]) -> dict[int, tuple[str, str]]:
        """The signatures of stories not kept, as their rows hold them (one statement, padded)."""
        if not story_ids:
            return {}
        rows = self.conn.execute(_TEXTS, (story_ids + [0] * CANDIDATES)[:CANDIDATES])
        return {story_id: (lead, profile) for story_id, lead, profile in rows}

    def _best(self, candidates: dict[int, _Candidate], words: frozenset[str]) -> int | None:
        best, best_score = None, 0.0
        mine_norm = norm(words)
        for story_id, (shared, names, lead_text, profile_text) in candidates.items():
            kept = self.kept.get(story_id) or self._keep(story_id, lead_text, profile_text)
            lead, profile, _, lead_norm, profile_norm = kept
            score = similarity(words, lead, (mine_norm, lead_norm))
            if profile is not None:
                score = max(score, similarity(words, profile, (mine_norm, profile_norm)))
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

    def _signatures(self, story_id: int) -> _Kept:
        """A story's signatures, kept between articles: the same few stories are candidates
        again and again while their day's news comes in."""
        kept = self.kept.get(story_id)
        if kept is None:
            row = self.conn.execute("SELECT lead_signature, profile FROM stories WHERE id = ?", (story_id,)).fetchone()
            kept = self._keep(story_id, row[0], row[1])
        return kept

    def _keep(self, story_id: int, lead: str, profile: str, lead_words: frozenset[str] | None = None) -> _Kept:
        """A story's signatures as its row holds them; an empty profile is its lead's own."""
        if len(self.kept) >= KEPT_STORIES:  # the oldest half goes
            for old in list(self.kept)[: KEPT_STORIES // 2]:
                del self.kept[old]
        lead_words = lead_words or word_set(lead)
        lead_norm = norm(lead_words)
        if not profile or profile == lead:
            kept: _Kept = (lead_words, None, lead, lead_norm, lead_norm)
        else:
            profile_words = word_set(profile)
            kept = (lead_words, profile_words, profile, lead_norm, norm(profile_words))
        self.kept[story_id] = kept
        return kept

    def _new(self, article_id: int, title: str, day: str, text: StoryText, words: frozenset[str]) -> int:
        cursor = self.conn.execute(
            "INSERT INTO stories (lead_id, title, day, articles, lead_signature, profile) VALUES (?, ?, ?, 1, ?, '')",
            (article_id, title, day or None, text.packed),
        )
        story_id = int(cursor.lastrowid or 0)
        self._keep(story_id, text.packed, "", words)
        return story_id

    def _join(self, story_id: int, day: str, text: StoryText) -> None:
        """The article joins: the story's profile takes in its words."""
        lead, _, profile, lead_norm, _ = self._signatures(story_id)
        merged = merged_profile(unpacked(profile), unpacked(text.packed))
        words = frozenset(merged)
        kept = packed(merged)
        self.conn.execute(
            "UPDATE stories SET articles = articles + 1, profile = ?, "
            "day = CASE WHEN day IS NULL OR (? != '' AND ? < day) THEN nullif(?, '') ELSE day END WHERE id = ?",
            (kept, day, day, day, story_id),
        )
        self.kept[story_id] = (lead, words, kept, lead_norm, norm(words))


def _per_key(kind: int, key: str, when: str) -> str:
    return (
        f"SELECT * FROM (SELECT story_id, {kind}, key FROM story_keys WHERE key = {key} AND {when} "
        f"ORDER BY day DESC LIMIT {PER_KEY})"
    )


def _padded(keys: list[str], count: int) -> list[str]:
    """Exactly `count` keys: '' (which no article has) fills the rest."""
    return (keys + [""] * count)[:count]


def _candidates_sql(dated: bool) -> str:
    """Rows (story id, kind, key). Numbered parameters: the window's two days (dated only),
    then the copy, entity and title keys."""
    first = 3 if dated else 1
    copies = [f"?{first + number}" for number in range(COPY_KEYS)]
    entities = [f"?{first + COPY_KEYS + number}" for number in range(ENTITY_KEYS)]
    titles = [f"?{first + COPY_KEYS + ENTITY_KEYS + number}" for number in range(TITLE_KEYS)]
    parts = [
        f"SELECT * FROM (SELECT story_id, {_COPY}, key FROM story_keys WHERE key IN ({', '.join(copies)}) "
        f"AND day = '{COPY_DAY}' LIMIT {PER_KEY * 2})"
    ]
    if dated:
        parts += [_per_key(_ENTITY, key, "day BETWEEN ?1 AND ?2") for key in entities]
        parts += [_per_key(_NEAR, key, "day BETWEEN ?1 AND ?2") for key in titles]
    parts += [_per_key(_FAR, key, "day = ''" if dated else f"day != '{COPY_DAY}'") for key in titles]
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


_COPY, _ENTITY, _NEAR, _FAR = range(4)
_DATED, _UNDATED = _candidates_sql(dated=True), _candidates_sql(dated=False)
_TEXTS = f"SELECT id, lead_signature, profile FROM stories WHERE id IN ({', '.join('?' * CANDIDATES)})"
