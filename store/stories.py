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
    ENTITY,
    ENTITY_KEYS,
    TITLE_KEYS,
    StoryText,
    entity_keys,
    kind,
    merged_profile,
    norm,
    packed,
    similarity,
    story_text,
    unpacked,
    word_set,
)
from store.story_sql import (
    CANDIDATES,
    COPIES,
    COPY_DAY,
    DATED,
    ENTITY_ARM,
    JOIN,
    TEXTS,
    UNDATED,
    UNDATED_DAY,
    padded,
)

WINDOW_DAYS = 3
COPY = 0.8
# A story holding this many of an article's copy keys holds a near-identical copy of it.
SURE_COPY = 2
# A copy this near its story's first day (syndicated, or the same wire item a week on) adds its
# entities and title words to the story's keys of its day; one farther (republished) does not.
COPY_SPAN_DAYS = 30
SAME_EVENT = 0.35
# Near in time and sharing two entities or more: one event told in other words.
SAME_EVENT_NAMED = 0.32
SAME_EVENTUNDATED = 0.42
KEPT_STORIES = 2_000
# A story's profile takes in the words of its first accounts (not copies), up to this many
# articles: by then it says what they share, and a big story's next one costs no rewrite.
PROFILE_ARTICLES = 8
# A story's first article's words, its profile's (the words of its first articles; None while it
# has one article), the profile as kept (with its counts, for the next to join), their norms
# and how many articles the story has.
_Kept = tuple[frozenset[str], frozenset[str] | None, str, float, float, int]


class StoryAssigner:
    """Puts each new article in a story (the writer calls it inside the batch's transaction)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.kept: dict[int, _Kept] = {}
        self.version: int | None = None  # the database's as this assigner last saw it
        self.unfinished = False  # a batch begun and not flushed (rolled back: its stories are gone)

    def begin(self) -> None:
        """Inside a batch's transaction: the signatures kept are dropped when another connection
        has written since (an `rm`, another ingest growing a profile) or the last batch did not
        end, so that a join never writes a profile from a stale copy."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self.version or self.unfinished:
            self.kept.clear()
        self.version, self.unfinished = version, True

    def end(self) -> None:
        """The batch's work is done (its commit follows)."""
        self.unfinished = False

    def assign(self, article_id: int, title: str, body: str, published: object, entity_ids: Sequence[int]) -> int:
        return self.assign_text(article_id, title, story_text(title, body), published, entity_ids)

    def assign_text(
        self, article_id: int, title: str, text: StoryText, published: object, entity_ids: Sequence[int]
    ) -> int:
        """Put an article in a story, its text's keys already made (`story_text`)."""
        when = _date(published)
        day, ordinal = (when.isoformat(), when.toordinal()) if when else ("", UNDATED_DAY)
        copies = list(text.copies)
        events = entity_keys(entity_ids) + list(text.titles)
        story_id, held, first = self._copy_of(copies, text)
        if story_id is not None:
            near = _near(first, ordinal)  # a far copy moves neither the story's date nor its keys
            self._join(story_id, day if near else "", text, grow=False)  # its words are the story's already
            copies = [key for key in copies if key not in held]
            events = events if near else []
        else:
            words = word_set(text.packed)
            story_id = self._most_similar(self._candidates(events, ordinal), words)
            if story_id is not None:
                self._join(story_id, day, text, grow=True)
            else:
                story_id = self._new(article_id, title, day, text, words)
        self.conn.execute(
            "INSERT OR REPLACE INTO story_members (article_id, story_id) VALUES (?, ?)", (article_id, story_id)
        )
        rows = [(key, ordinal, story_id) for key in events] + [(key, COPY_DAY, story_id) for key in copies]
        self.conn.executemany("INSERT OR IGNORE INTO story_keys (key, day, story_id) VALUES (?, ?, ?)", rows)
        return story_id

    def leave(self, article_id: int) -> None:
        """An article is about to be rewritten: it leaves its story (the last one out ends it)."""
        row = self.conn.execute("SELECT story_id FROM story_members WHERE article_id = ?", (article_id,)).fetchone()
        if row is None:
            return
        self.conn.execute("DELETE FROM story_members WHERE article_id = ?", (article_id,))
        self.conn.execute("UPDATE stories SET articles = articles - 1 WHERE id = ?", (row[0],))
        self.kept.pop(row[0], None)

    def _copy_of(self, copies: list[int], text: StoryText) -> tuple[int | None, set[int], str | None]:
        """The story of a near-identical copy, whatever its date, found by the copy keys alone
        (one short lookup), those of its copy keys the story holds already and the story's
        day (None when it has none yet): a copy, the commonest join in a syndicated archive,
        then costs no lookup of events. A story holding SURE_COPY of the article's sketches is
        its story without comparing words (two sketches of three words each in common with its
        accounts make a near-identical text); one found by fewer is compared."""
        if not copies:
            return None, set(), None
        held: dict[int, set[int]] = {}
        days: dict[int, str | None] = {}
        for story, key, day in self.conn.execute(COPIES, padded(copies, COPY_KEYS)):
            held.setdefault(story, set()).add(key)
            days[story] = day
        if not held:
            return None, set(), None
        sure = max(held, key=lambda story: (len(held[story]), story))
        if len(held[sure]) >= SURE_COPY:
            return sure, held[sure], days[sure]
        story_id = self._most_similar(dict.fromkeys(list(held)[:CANDIDATES], COPY), word_set(text.packed))
        if story_id is None:
            return None, set(), None
        return story_id, held[story_id], days[story_id]

    def _candidates(self, events: list[int], day: int) -> dict[int, float]:
        """Stories sharing entities or title words within the window (the newest few per key,
        so that a key a busy day's every article holds costs no more than a rare one), and
        sharing title words with no date to compare (undated stories for a dated article, the
        newest for an undated one); the CANDIDATES sharing most, each with the similarity it
        needs. Keys are padded to fixed counts so that the statement is always one of two,
        prepared once (compiling it each time cost more than running it)."""
        entities = padded([key for key in events if kind(key) == ENTITY], ENTITY_KEYS)
        titles = padded([key for key in events if kind(key) != ENTITY], TITLE_KEYS)
        window = [day - WINDOW_DAYS, day + WINDOW_DAYS] if day != UNDATED_DAY else []
        shared: dict[int, int] = {}
        named: dict[int, set[int]] = {}
        for story_id, arm, key in self.conn.execute(DATED if window else UNDATED, [*window, *entities, *titles]):
            shared[story_id] = shared.get(story_id, 0) + 1
            if arm == ENTITY_ARM:
                named.setdefault(story_id, set()).add(key)
        ranked = sorted(shared, key=lambda story_id: (-shared[story_id], -story_id))[:CANDIDATES]
        return {story_id: _needed(len(named.get(story_id, ()))) for story_id in ranked}

    def _most_similar(self, needed: dict[int, float], words: frozenset[str]) -> int | None:
        """Of these stories, the one whose first article or profile is most like the article,
        if it is as like as that story needs."""
        texts = self._texts([story_id for story_id in needed if story_id not in self.kept])
        best, best_score = None, 0.0
        mine_norm = norm(words)
        for story_id, threshold in needed.items():
            kept = self.kept.get(story_id)
            if kept is None:
                if story_id not in texts:
                    continue
                kept = self._keep(story_id, *texts[story_id])
            lead, profile, _, lead_norm, profile_norm, _ = kept
            score = similarity(words, lead, (mine_norm, lead_norm))
            if profile is not None:
                score = max(score, similarity(words, profile, (mine_norm, profile_norm)))
            if score >= threshold and score > best_score:
                best, best_score = story_id, score
        return best

    def _texts(self, story_ids: list[int]) -> dict[int, tuple[str, str, int]]:
        """The signatures of stories not kept, as their rows hold them (one statement, padded)."""
        if not story_ids:
            return {}
        rows = self.conn.execute(TEXTS, (story_ids + [0] * CANDIDATES)[:CANDIDATES])
        return {story_id: (lead, profile, articles) for story_id, lead, profile, articles in rows}

    def _signatures(self, story_id: int) -> _Kept:
        """A story's signatures, kept between articles: the same few stories are candidates
        again and again while their day's news comes in."""
        return self.kept.get(story_id) or self._keep(story_id, *self._texts([story_id])[story_id])

    def _keep(
        self, story_id: int, lead: str, profile: str, articles: int, lead_words: frozenset[str] | None = None
    ) -> _Kept:
        """A story's signatures as its row holds them; an empty profile is its lead's own."""
        if len(self.kept) >= KEPT_STORIES:  # the oldest half goes
            for old in list(self.kept)[: KEPT_STORIES // 2]:
                del self.kept[old]
        lead_words = lead_words or word_set(lead)
        lead_norm = norm(lead_words)
        if not profile or profile == lead:
            kept: _Kept = (lead_words, None, lead, lead_norm, lead_norm, articles)
        else:
            profile_words = word_set(profile)
            kept = (lead_words, profile_words, profile, lead_norm, norm(profile_words), articles)
        self.kept[story_id] = kept
        return kept

    def _new(self, article_id: int, title: str, day: str, text: StoryText, words: frozenset[str]) -> int:
        cursor = self.conn.execute(
            "INSERT INTO stories (lead_id, title, day, articles) VALUES (?, ?, ?, 1)", (article_id, title, day or None)
        )
        story_id = int(cursor.lastrowid or 0)
        self.conn.execute(
            "INSERT INTO story_texts (story_id, lead, profile) VALUES (?, ?, '')", (story_id, text.packed)
        )
        self._keep(story_id, text.packed, "", 1, words)
        return story_id

    def _join(self, story_id: int, day: str, text: StoryText, grow: bool) -> None:
        """The article joins: while the story is young, an account in words of its own adds
        them to the story's profile (a copy's join reads no signature)."""
        if not grow:
            self.conn.execute(JOIN, (day, day, day, story_id))
            if (kept := self.kept.get(story_id)) is not None:
                self.kept[story_id] = (*kept[:5], kept[5] + 1)
            return
        # Read before the count moves: a story not kept is read with its count as it was.
        lead, profile_words, profile, lead_norm, profile_norm, articles = self._signatures(story_id)
        if articles < PROFILE_ARTICLES:
            merged = merged_profile(unpacked(profile), unpacked(text.packed))
            profile_words, profile = frozenset(merged), packed(merged)
            profile_norm = norm(profile_words)
            self.conn.execute("UPDATE story_texts SET profile = ? WHERE story_id = ?", (profile, story_id))
        self.conn.execute(JOIN, (day, day, day, story_id))
        self.kept[story_id] = (lead, profile_words, profile, lead_norm, profile_norm, articles + 1)


def _needed(names: int) -> float:
    """The similarity a story near in time needs: less when it shares entities (reports of one
    kind, results or prices, read alike whoever they are about), least when two or more."""
    return (SAME_EVENT_NAMED if names >= 2 else SAME_EVENT) if names else SAME_EVENTUNDATED


def _near(first: str | None, day: int) -> bool:
    """Whether a copy dated `day` (an ordinal) runs near its story's first day: a syndicated
    copy, within COPY_SPAN_DAYS. One far from it (republished years on, or undated) is found
    by its copy keys; its entities and title words do not make the story one of its day."""
    started = _date(first)
    if started is None:
        return True  # the story's first date: its keys go with it
    return day != UNDATED_DAY and abs(started.toordinal() - day) <= COPY_SPAN_DAYS


def _date(published: object) -> dt.date | None:
    if isinstance(published, str) and len(published) >= 10:
        try:
            return dt.date.fromisoformat(published[:10])
        except ValueError:
            return None
    return None
