"""The archive's entities in SQLite: what articles/entities/identity.py decides (which stored
entity each article's entity is) is read from and written to the entity tables here."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from sqlite3 import Connection

from articles.entities.evidence import Context, Profile
from articles.entities.identity import Identities
from articles.entities.record import EntityRecord
from store.removal import removal_count


class EntityRegistry:
    """The identities of every stored entity, kept in memory; new rows are written in one go
    per batch (`flush`), and rows other writers added are picked up per batch (`refresh`)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.identities = Identities(self._load_profile)
        self.seen_up_to = 0
        self.counted_background = False
        self.removals: str | None = None  # the archive's removal count when first read

    def removals_changed(self) -> bool:
        """Whether articles (and so perhaps entities) were removed since this registry was
        read: its entities may name rows that are gone, so it must be read afresh."""
        return self.removals is not None and self.removals != removal_count(self.conn)

    def refresh(self) -> None:
        """Take in entities written since the last batch (by this or another process)."""
        if self.removals is None:
            self.removals = removal_count(self.conn)
        rows = self.conn.execute(
            "SELECT id, name, type, articles FROM entities WHERE id > ?", (self.seen_up_to,)
        ).fetchall()
        for entity_id, name, kind, articles in rows:
            self.identities.remember(entity_id, name, kind, articles)
        if rows:
            for key, kind, entity_id in self.conn.execute(
                "SELECT key, type, entity_id FROM entity_keys WHERE entity_id > ?", (self.seen_up_to,)
            ):
                self.identities.remember_key(kind, key, entity_id)
            self.seen_up_to = max(row[0] for row in rows)
        if not self.counted_background:
            self._count_background()

    def _count_background(self) -> None:
        """How many stored articles each source has: what evidence is weighed against."""
        for source, count in self.conn.execute("SELECT coalesce(source_key, ''), count(*) FROM articles GROUP BY 1"):
            self.identities.sources[source] += count
            self.identities.total += count
        self.counted_background = True

    def link_article(self, records: Sequence[EntityRecord], source: str | None, published: str | None) -> list[int]:
        """The stored entity of each of one article's entities."""
        return self.identities.link_article(records, source, published[:4] if published else None)

    def flush(self) -> None:
        """Write the batch's new entities, names, keys, words and aliases."""
        changes = self.identities.take_changes()
        created = [(entity_id, name, kind) for entity_id, (name, kind) in changes.created.items()]
        self.conn.executemany("INSERT INTO entities (id, name, type) VALUES (?, ?, ?)", created)
        self.conn.executemany(
            "UPDATE entities SET name = ? WHERE id = ?",
            [(name, entity_id) for entity_id, name in changes.renamed.items()],
        )
        self.conn.executemany("INSERT OR IGNORE INTO entity_keys (key, type, entity_id) VALUES (?, ?, ?)", changes.keys)
        words = {(word, entity_id) for key, _, entity_id in changes.keys for word in key.split()}
        self.conn.executemany("INSERT OR IGNORE INTO entity_words (word, entity_id) VALUES (?, ?)", sorted(words))
        self.conn.executemany("INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)", changes.aliases)
        if created:
            self.seen_up_to = max(self.seen_up_to, max(row[0] for row in created))

    def reconcile(self) -> bool:
        """Move the articles of short forms ('Reagan') to the full name the archive's evidence
        now gives them, once an ingest has added what it had to add; True if anything moved."""
        changed = False
        for short_id in self.identities.review():
            rows = self.conn.execute(
                "SELECT ae.article_id, ae.mentions, coalesce(a.source_key, ''), substr(coalesce(a.published, ''), 1, 4) "
                "FROM article_entities ae JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ?",
                (short_id,),
            ).fetchall()
            for article_id, mentions, source, year in rows:
                others = [
                    row[0]
                    for row in self.conn.execute(
                        "SELECT entity_id FROM article_entities WHERE article_id = ? AND entity_id != ?",
                        (article_id, short_id),
                    )
                ]
                context = Context(frozenset(others), source, year)
                full_id = self.identities.full_name_for(short_id, context)
                if full_id is not None:
                    self._move(article_id, short_id, full_id, mentions, full_id in others)
                    self.identities.moved(short_id, full_id, context, others)
                    changed = True
        merges = self.identities.take_merges()
        self._merge(merges)
        self.flush()
        return changed or bool(merges)

    def _merge(self, into: dict[int, int]) -> None:
        """Every article, key and word of each merged entity now belongs to the one it is."""
        if not into:
            return
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS merged_into (old INTEGER PRIMARY KEY, new INTEGER)")
        self.conn.execute("DELETE FROM merged_into")
        self.conn.executemany("INSERT INTO merged_into (old, new) VALUES (?, ?)", into.items())
        self.conn.execute(
            "INSERT INTO article_entities (article_id, entity_id, mentions) "
            "SELECT ae.article_id, m.new, ae.mentions FROM article_entities ae JOIN merged_into m ON m.old = ae.entity_id "
            "WHERE true ON CONFLICT (article_id, entity_id) DO UPDATE SET mentions = mentions + excluded.mentions"
        )
        gone = "entity_id IN (SELECT old FROM merged_into)"
        self.conn.execute(f"DELETE FROM article_entities WHERE {gone}")
        new = "(SELECT new FROM merged_into WHERE old = entity_id)"
        self.conn.execute(f"UPDATE entity_keys SET entity_id = {new} WHERE {gone}")
        self.conn.execute(
            f"INSERT OR IGNORE INTO entity_words (word, entity_id) SELECT word, {new} FROM entity_words WHERE {gone}"
        )
        self.conn.execute(f"DELETE FROM entity_words WHERE {gone}")
        self.conn.execute(
            "UPDATE entities SET articles = (SELECT count(*) FROM article_entities WHERE entity_id = entities.id) "
            "WHERE id IN (SELECT old FROM merged_into UNION SELECT new FROM merged_into)"
        )

    def _move(self, article_id: int, short_id: int, full_id: int, mentions: int, linked: bool) -> None:
        self.conn.execute("DELETE FROM article_entities WHERE article_id = ? AND entity_id = ?", (article_id, short_id))
        self.conn.execute(
            "INSERT INTO article_entities (article_id, entity_id, mentions) VALUES (?, ?, ?) "
            "ON CONFLICT (article_id, entity_id) DO UPDATE SET mentions = mentions + excluded.mentions",
            (article_id, full_id, mentions),
        )
        self.conn.execute("UPDATE entities SET articles = articles - 1 WHERE id = ?", (short_id,))
        if not linked:
            self.conn.execute("UPDATE entities SET articles = articles + 1 WHERE id = ?", (full_id,))

    def _load_profile(self, entity_id: int) -> Profile:
        """What the stored articles naming this entity share."""
        profile = Profile()
        for source, year, count in self.conn.execute(
            "SELECT coalesce(a.source_key, ''), substr(coalesce(a.published, ''), 1, 4), count(*) "
            "FROM article_entities ae JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ? GROUP BY 1, 2",
            (entity_id,),
        ):
            profile.articles += count
            profile.sources[source] += count
            profile.years[year] += count
        profile.entities = Counter(
            dict(
                self.conn.execute(
                    "SELECT other.entity_id, count(*) FROM article_entities mine "
                    "JOIN article_entities other ON other.article_id = mine.article_id "
                    "WHERE mine.entity_id = ? AND other.entity_id != ? GROUP BY other.entity_id",
                    (entity_id, entity_id),
                ).fetchall()
            )
        )
        return profile
