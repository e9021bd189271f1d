"""The database schema, as versioned sqlite-utils migrations. Reading state lives in its own
table so that re-ingesting an article never touches it."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("newsdesk")

TOKENIZER = "porter unicode61 remove_diacritics 2"
# bm25 weights for (title, body, entity_text): a title match counts ten times a body match.
RANK = "bm25(10.0, 1.0, 3.0)"


@migrations()
def create_articles(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            content_hash TEXT NOT NULL UNIQUE,
            path TEXT,
            title TEXT NOT NULL,
            subtitle TEXT,
            published TEXT,
            source TEXT,
            source_key TEXT,
            url TEXT,
            byline TEXT,
            body TEXT NOT NULL,
            captions TEXT,
            entity_text TEXT NOT NULL DEFAULT '',
            words INTEGER NOT NULL DEFAULT 0,
            added_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX articles_by_date ON articles (published DESC, id DESC)")
    db.execute("CREATE INDEX articles_by_source ON articles (source_key)")
    db.execute("CREATE TABLE paths (path TEXT PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id))")
    db.execute("CREATE INDEX paths_by_article ON paths (article_id)")


@migrations()
def create_reading_state(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE reading_state (
            article_id INTEGER PRIMARY KEY,
            read INTEGER NOT NULL DEFAULT 0,
            starred INTEGER NOT NULL DEFAULT 0,
            last_opened TEXT
        )
        """
    )
    db.execute("CREATE INDEX reading_state_starred ON reading_state (starred) WHERE starred = 1")
    db.execute("CREATE INDEX reading_state_read ON reading_state (read) WHERE read = 1")


@migrations()
def create_entities(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL CHECK (type IN ('person', 'place', 'organization')),
            articles INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute("CREATE INDEX entities_by_count ON entities (type, articles DESC)")
    db.execute(
        """
        CREATE TABLE entity_keys (
            key TEXT NOT NULL,
            type TEXT NOT NULL,
            entity_id INTEGER NOT NULL REFERENCES entities(id),
            PRIMARY KEY (type, key)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX entity_keys_by_entity ON entity_keys (entity_id)")
    db.execute(
        """
        CREATE TABLE entity_words (
            word TEXT NOT NULL,
            entity_id INTEGER NOT NULL REFERENCES entities(id),
            PRIMARY KEY (word, entity_id)
        ) WITHOUT ROWID
        """
    )
    db.execute(
        """
        CREATE TABLE entity_aliases (
            entity_id INTEGER NOT NULL REFERENCES entities(id),
            alias TEXT NOT NULL,
            PRIMARY KEY (entity_id, alias)
        ) WITHOUT ROWID
        """
    )
    db.execute(
        """
        CREATE TABLE article_entities (
            article_id INTEGER NOT NULL REFERENCES articles(id),
            entity_id INTEGER NOT NULL REFERENCES entities(id),
            mentions INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (article_id, entity_id)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX article_entities_by_entity ON article_entities (entity_id, article_id)")


@migrations()
def create_search_index(db: Database) -> None:
    db.execute(
        f"""
        CREATE VIRTUAL TABLE articles_fts USING fts5 (
            title, body, entity_text,
            content='articles', content_rowid='id',
            tokenize='{TOKENIZER}'
        )
        """
    )
    db.execute(f"INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', '{RANK}')")
    db.execute(
        """
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, body, entity_text)
            VALUES (new.id, new.title, new.body, new.entity_text);
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, body, entity_text)
            VALUES ('delete', old.id, old.title, old.body, old.entity_text);
        END
        """
    )
    db.execute(
        """
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body, entity_text ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, body, entity_text)
            VALUES ('delete', old.id, old.title, old.body, old.entity_text);
            INSERT INTO articles_fts (rowid, title, body, entity_text)
            VALUES (new.id, new.title, new.body, new.entity_text);
        END
        """
    )


@migrations()
def create_meta(db: Database) -> None:
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")


@migrations()
def index_new_articles_in_batches(db: Database) -> None:
    """New articles are indexed by the ingest writer, one statement per batch (store/writer.py).
    A trigger indexed one row per statement, and FTS5 writes its pending terms to disk at every
    statement: a segment per article, which halved the speed of an ingest."""
    db.execute("DROP TRIGGER articles_fts_insert")


@migrations()
def index_article_filters(db: Database) -> None:
    """What a search filters on, by article id: a text search joins each match to its article
    to test a source or a date, and through this index it reads ~40 bytes per match instead of
    the whole row with its body (a cold cache made such a count take 0.4 s, not 25 ms)."""
    db.execute("CREATE INDEX articles_filters ON articles (id, source_key, published)")


@migrations()
def create_feeds(db: Database) -> None:
    """Subscriptions, what their last fetch said (for a conditional GET next time), and which
    article each feed item became (the feed: field and facet, and knowing an item again)."""
    db.execute(
        """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            name TEXT,
            title TEXT,
            site_url TEXT,
            etag TEXT,
            last_modified TEXT,
            items INTEGER NOT NULL DEFAULT 0,
            added_at TEXT NOT NULL,
            fetched_at TEXT,
            error TEXT,
            search_key TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute(
        """
        CREATE TABLE feed_items (
            feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            full_text INTEGER NOT NULL,
            PRIMARY KEY (feed_id, key)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX feed_items_by_article ON feed_items (article_id, feed_id)")


@migrations()
def create_files(db: Database) -> None:
    """What each ingested file was when it was last read (size, modification time, a hash of
    its bytes), so that a re-ingest skips a file that has not changed without reading it, and
    hashes but does not parse one that was only touched. Each path row names the file it came
    from, so that `ingest --prune` knows which articles a file that is gone held."""
    db.execute(
        """
        CREATE TABLE files (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL,
            digest TEXT
        )
        """
    )
    db.execute("ALTER TABLE paths ADD COLUMN file_id INTEGER REFERENCES files(id)")
    db.execute("CREATE INDEX paths_by_file ON paths (file_id)")
