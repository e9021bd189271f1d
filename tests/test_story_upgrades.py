"""Archives kept by earlier versions of newsdesk keep their stories on opening: from before
stories (filled in once), before profiles, with JSON signatures, and with text keys."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from store import Store
from store.story_keys import COPY, ENTITY, TITLE, kind, title_keys, unpacked, words_of
from tests.test_stories import _ids, _ingest_copy, _story
from tui.cli import main


def _as_before_integer_keys(db: Path) -> None:
    """A current archive's story tables put back as they were before `compact_stories`: the
    signatures on the stories' rows, and keys and days as text ("e" and an entity id, "t" and
    a title word, "c" and a copy sketch's hash in hex; an ISO day, '' undated, 'copy')."""
    with sqlite3.connect(db) as conn:
        words = {
            key: word
            for (title,) in conn.execute("SELECT title FROM articles")
            for word, key in zip(dict.fromkeys(words_of(title)), title_keys(title), strict=False)
        }
        rows = conn.execute("SELECT key, day, story_id FROM story_keys").fetchall()
        conn.executescript(
            "ALTER TABLE stories ADD COLUMN lead_signature TEXT NOT NULL DEFAULT '';"
            "ALTER TABLE stories ADD COLUMN profile TEXT NOT NULL DEFAULT '';"
            "UPDATE stories SET lead_signature = (SELECT lead FROM story_texts WHERE story_id = stories.id),"
            " profile = (SELECT profile FROM story_texts WHERE story_id = stories.id);"
            "DROP TABLE story_texts; DROP TABLE story_keys;"
            "CREATE TABLE story_keys (key TEXT NOT NULL, day TEXT NOT NULL, story_id INTEGER NOT NULL,"
            " PRIMARY KEY (key, day, story_id)) WITHOUT ROWID;"
            "DELETE FROM _sqlite_migrations WHERE name = 'compact_stories';"
        )
        conn.executemany(
            "INSERT INTO story_keys (key, day, story_id) VALUES (?, ?, ?)",
            [(_key_text(key, words), _day_text(day), story_id) for key, day, story_id in rows],
        )
    conn.close()


def _key_text(key: int, words: dict[int, str]) -> str:
    assert kind(key) in (ENTITY, TITLE, COPY)
    return {ENTITY: f"e{key >> 2}", COPY: f"c{key >> 2:08x}"}.get(kind(key)) or f"t{words[key]}"


def _day_text(day: int) -> str:
    return {-1: "copy", 0: ""}[day] if day < 1 else dt.date.fromordinal(day).isoformat()


def _keys(db: Path) -> list[tuple[int, int, int]]:
    with sqlite3.connect(db) as conn:
        found = conn.execute("SELECT key, day, story_id FROM story_keys ORDER BY 1, 2, 3").fetchall()
    conn.close()
    return found


def test_an_archive_with_text_keys_gets_the_same_integer_keys_and_its_stories_take_in_copies(  # type: ignore[no-untyped-def]
    tmp_path: Path, seeds: dict[str, Path], write
) -> None:
    db = tmp_path / "old.db"
    with Store.open(db, seed=False) as opened:
        opened.ingest([str(path) for path in seeds.values()])
        ids = _ids(opened)
        story = _story(opened, ids["001"])
        texts = opened.db.execute("SELECT * FROM story_texts ORDER BY story_id").fetchall()
        published = [row[0] for row in opened.db.execute("SELECT published FROM articles")]
    keys = _keys(db)
    assert {kind(key) for key, _, _ in keys} == {ENTITY, TITLE, COPY}
    days = {-1} | {dt.date.fromisoformat(when[:10]).toordinal() if when else 0 for when in published}
    assert {day for _, day, _ in keys} == days  # copy keys, and each article's day (0 undated)
    _as_before_integer_keys(db)
    assert _keys(db) != keys  # text now
    with Store.open(db, seed=False) as opened:
        assert opened.db.execute("SELECT * FROM story_texts ORDER BY story_id").fetchall() == texts
        assert _keys(db) == keys
        assert _story(opened, _ingest_copy(opened, seeds["001"], write)) == story == _story(opened, ids["002"])


def test_an_archive_from_before_stories_gets_them_on_opening_and_says_so_once(
    tmp_path: Path, seeds: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Filling in an older archive's stories takes about a second a thousand articles: the
    command says why it is slow (on stderr, before the app would take the screen), once."""
    import store.story_schema

    db = tmp_path / "old.db"
    with Store.open(db) as opened:
        opened.ingest([str(path) for path in seeds.values()])
    with sqlite3.connect(db) as conn:  # as an archive made before the stories migration
        conn.executescript(
            "DROP TABLE story_keys; DROP TABLE story_members; DROP TABLE stories; DROP TABLE story_texts;"
            "DELETE FROM _sqlite_migrations WHERE name IN ('create_stories', 'story_profiles', 'compact_stories');"
        )
    conn.close()
    monkeypatch.setattr(store.story_schema, "_SAY_FROM", 1)
    assert main(["stats", "--db", str(db)]) == 0
    assert "into stories (once, after an upgrade)" in capsys.readouterr().err
    assert main(["stories", "--db", str(db), "--json", "--min-articles", "1"]) == 0
    out = capsys.readouterr()
    assert "upgrade" not in out.err
    assert sorted(i for story in json.loads(out.out) for i in story["articles"]) == list(range(1, len(seeds) + 1))


def test_an_archive_whose_stories_predate_profiles_keeps_them_and_grows_them(  # type: ignore[no-untyped-def]
    tmp_path: Path, seeds: dict[str, Path], write
) -> None:
    db = tmp_path / "old.db"
    with Store.open(db, seed=False) as opened:
        opened.ingest([str(path) for path in seeds.values()])
        ids = _ids(opened)
        story = _story(opened, ids["001"])
    _as_before_integer_keys(db)
    with sqlite3.connect(db) as conn:  # as stories were kept before profiles
        conn.executescript(
            "ALTER TABLE stories RENAME COLUMN profile TO last_signature;"
            "DELETE FROM _sqlite_migrations WHERE name = 'story_profiles';"
        )
    conn.close()
    with Store.open(db, seed=False) as opened:
        assert _story(opened, ids["001"]) == story == _story(opened, ids["002"])
        assert _story(opened, _ingest_copy(opened, seeds["001"], write)) == story


def test_stories_kept_as_json_before_the_compact_form_still_take_in_new_accounts(  # type: ignore[no-untyped-def]
    tmp_path: Path, seeds: dict[str, Path], write
) -> None:
    db = tmp_path / "old.db"
    with Store.open(db, seed=False) as opened:
        opened.ingest([str(path) for path in seeds.values()])
        ids = _ids(opened)
        story = _story(opened, ids["001"])
        rows = opened.db.execute("SELECT story_id, lead, profile FROM story_texts").fetchall()
    with sqlite3.connect(db) as conn:  # as signatures were kept before: JSON, the profile always written
        for story_id, lead, profile in rows:
            conn.execute(
                "UPDATE story_texts SET lead = ?, profile = ? WHERE story_id = ?",
                (json.dumps(unpacked(lead)), json.dumps(unpacked(profile or lead)), story_id),
            )
    conn.close()
    with Store.open(db, seed=False) as opened:
        assert _story(opened, _ingest_copy(opened, seeds["001"], write)) == story
        (articles,) = opened.db.execute("SELECT articles FROM stories WHERE id = ?", (story,)).fetchone()
        assert articles == 3
