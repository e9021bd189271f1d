"""The story tables' migrations (store/stories.py keeps them), after the rest of the schema's.
An archive from before stories gets them in the last, once the tables have their final shape."""

from __future__ import annotations

import datetime as dt
import logging

from sqlite_utils import Database

from store.schema import migrations
from store.stories import StoryAssigner
from store.story_keys import key_of_text
from store.story_sql import COPY_DAY, UNDATED_DAY

__all__ = ["migrations"]

# Stored articles from which a long upgrade is announced, on the "newsdesk" logger (the
# command line prints its notices on stderr; the store itself prints nothing).
_SAY_FROM = 2000
_log = logging.getLogger("newsdesk")
# Key rows converted at a time by the upgrade to integer keys.
_CHUNK = 10_000


@migrations()
def create_stories(db: Database) -> None:
    """Stories: each article's story, and the keys a new article finds candidate stories by
    (an entity or title word on a day, or a copy key)."""
    db.execute(
        """
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            lead_id INTEGER NOT NULL,
            title TEXT NOT NULL,
            day TEXT,
            articles INTEGER NOT NULL DEFAULT 0,
            lead_signature TEXT NOT NULL,
            last_signature TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX stories_by_day ON stories (day DESC, id DESC)")
    db.execute(
        "CREATE TABLE story_members (article_id INTEGER PRIMARY KEY, story_id INTEGER NOT NULL REFERENCES stories(id))"
    )
    db.execute("CREATE INDEX story_members_by_story ON story_members (story_id, article_id)")
    db.execute(
        """
        CREATE TABLE story_keys (
            key TEXT NOT NULL,
            day TEXT NOT NULL,
            story_id INTEGER NOT NULL,
            PRIMARY KEY (key, day, story_id)
        ) WITHOUT ROWID
        """
    )


@migrations()
def story_profiles(db: Database) -> None:
    """A story is compared with its first article and its profile (the words most frequent over
    its articles), not its latest article: an older archive's latest signature starts it."""
    db.execute("ALTER TABLE stories RENAME COLUMN last_signature TO profile")


@migrations()
def compact_stories(db: Database) -> None:
    """Each article adds about ten key rows at random places, and each batch's commit writes
    every page it touched: keys and days become integers (rows a third smaller), and the
    signatures move to a table of their own, so that a join updates a short row."""
    db.execute("CREATE TABLE story_texts (story_id INTEGER PRIMARY KEY, lead TEXT NOT NULL, profile TEXT NOT NULL)")
    db.execute("INSERT INTO story_texts (story_id, lead, profile) SELECT id, lead_signature, profile FROM stories")
    db.execute("ALTER TABLE stories DROP COLUMN lead_signature")
    db.execute("ALTER TABLE stories DROP COLUMN profile")
    db.execute("ALTER TABLE story_keys RENAME TO story_keys_text")
    db.execute(
        """
        CREATE TABLE story_keys (
            key INTEGER NOT NULL,
            day INTEGER NOT NULL,
            story_id INTEGER NOT NULL,
            PRIMARY KEY (key, day, story_id)
        ) WITHOUT ROWID
        """
    )
    rows = db.execute("SELECT key, day, story_id FROM story_keys_text")
    while chunk := rows.fetchmany(_CHUNK):
        db.conn.executemany(
            "INSERT OR IGNORE INTO story_keys (key, day, story_id) VALUES (?, ?, ?)",
            [(key_of_text(key), _day_of_text(day), story_id) for key, day, story_id in chunk],
        )
    db.execute("DROP TABLE story_keys_text")
    if db.execute("SELECT count(*) FROM story_members").fetchone()[0] == 0:
        _stories_for_stored_articles(db)


def _day_of_text(day: str) -> int:
    """A key's day as archives before integer keys kept it: ISO, '' undated, 'copy'."""
    if day == "copy":
        return COPY_DAY
    return dt.date.fromisoformat(day).toordinal() if day else UNDATED_DAY


def _stories_for_stored_articles(db: Database) -> None:
    """An archive from before stories: its articles put in stories once, oldest first."""
    assigner = StoryAssigner(db.conn)
    count = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    if count >= _SAY_FROM:  # about a second a thousand: say why the archive is slow to open, once
        _log.info("putting the archive's %s articles into stories (once, after an upgrade)…", f"{count:,}")
    rows = db.execute("SELECT id, title, body, published FROM articles ORDER BY published IS NULL, published, id")
    for article_id, title, body, published in rows.fetchall():
        entity_ids = [
            row[0] for row in db.execute("SELECT entity_id FROM article_entities WHERE article_id = ?", (article_id,))
        ]
        assigner.assign(article_id, title or "", body or "", published, entity_ids)
