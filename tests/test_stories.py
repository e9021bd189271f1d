"""Stories: accounts of one event together, near-identical copies always, kept at ingest;
story:ID in the query language and `newsdesk stories`."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from store import QueryError, Store
from store.stories import StoryAssigner
from store.story_keys import COPY, StoryText, story_text
from tui.cli import main

BODY = (
    "Copper miners at the Escondida mine in northern Chile walked out on Monday over a pay offer, the union said, "
    "halting output at the world's largest copper mine. The company said talks would resume on Wednesday and "
    "that contingency plans kept some production going while the strike lasted."
)


def _ids(store: Store) -> dict[str, int]:
    return {
        Path(path).stem[:3]: article_id for path, article_id in store.db.execute("SELECT path, article_id FROM paths")
    }


def _story(store: Store, article_id: int) -> int:
    return int(store.db.execute("SELECT story_id FROM story_members WHERE article_id = ?", (article_id,)).fetchone()[0])


def _ingest_copy(store: Store, seed: Path, write) -> int:  # type: ignore[no-untyped-def]
    """A wire service's copy of a seed (one line added), ingested; its article's id."""
    copy = seed.read_text(encoding="utf-8") + "\nReporting by a wire service.\n"
    store.ingest([str(write("later/copy.txt", copy))])
    (added,) = [i for p, i in store.db.execute("SELECT path, article_id FROM paths") if "later" in p]
    return int(added)


def test_the_two_accounts_of_one_event_are_one_story_without_the_older_one(
    tmp_path: Path, seeds: dict[str, Path]
) -> None:
    with Store.open(tmp_path / "s.db", seed=False) as store:
        store.ingest([str(path) for path in seeds.values()])
        ids = _ids(store)
        assert _story(store, ids["001"]) == _story(store, ids["002"])
        assert _story(store, ids["004"]) != _story(store, ids["001"])


def test_a_removed_article_leaves_its_story_and_comes_back_to_it(tmp_path: Path, seeds: dict[str, Path]) -> None:
    with Store.open(tmp_path / "s.db", seed=False) as store:
        store.ingest([str(path) for path in seeds.values()])
        ids = _ids(store)
        story = _story(store, ids["001"])
        assert [sorted(item.articles) for item in store.stories() if item.story == story] == [
            sorted((ids["001"], ids["002"]))
        ]
        removed = store.take_out([ids["001"]])
        assert story not in [item.story for item in store.stories()]  # one article is no story of two
        assert store.search(f"story:{story}").total == 1
        (back,) = store.put_back(removed)
        assert _story(store, back) == story and story in [item.story for item in store.stories()]


def test_near_identical_copies_share_a_story_whatever_their_dates(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    write("a/one.txt", f"Copper miners strike in Chile\n\nMay 3, 2021\n\n{BODY}\n")
    write(
        "a/two.txt",
        "Wheat prices climb\n\nMay 3, 2021\n\nWheat futures rose for a third day as dry weather hit crops.\n",
    )
    with Store.open(tmp_path / "s.db", seed=False) as store:
        store.ingest([str(tmp_path / "a")])
        # Later, another ingest: a syndicated copy dated two years on, with a line of its own.
        write("b/copy.txt", f"Chile copper strike\n\nJune 9, 2023\n\n{BODY} Reporting by a wire service.\n")
        store.ingest([str(tmp_path / "b")])
        ids = {Path(p).stem: i for p, i in store.db.execute("SELECT path, article_id FROM paths")}
        assert _story(store, ids["copy"]) == _story(store, ids["one"]) != _story(store, ids["two"])
        found = store.search(f"story:{_story(store, ids['one'])}", total=True)
        assert {hit.id for hit in found.hits} == {ids["one"], ids["copy"]}


def test_two_of_a_storys_copy_keys_make_a_copy_and_one_is_checked_against_its_words(tmp_path: Path) -> None:
    base = story_text("Copper miners strike in Chile", BODY)
    wheat = story_text("Wheat prices climb", "Wheat futures rose for a third day as dry weather hit the crops.")
    rail = story_text("Rail fares rise", "Commuters face higher rail fares from January as the operators raise prices.")
    with Store.open(tmp_path / "s.db", seed=False) as store:
        assigner = StoryAssigner(store.db.conn)
        story = assigner.assign_text(1, "Copper miners strike in Chile", base, "2021-05-03", [])
        # Years apart and in other titles: only the copy keys can bring them together.
        two = wheat._replace(copies=(*base.copies[:2], *wheat.copies[2:]))
        assert assigner.assign_text(2, "Wheat prices climb", two, "2023-06-09", []) == story
        one = rail._replace(copies=(base.copies[0], *rail.copies[1:]))
        assert assigner.assign_text(3, "Rail fares rise", one, "2024-01-09", []) != story


def test_a_copy_near_its_story_adds_the_keys_of_its_day_and_one_years_on_does_not(tmp_path: Path) -> None:
    title = "Copper miners strike in Chile"
    text = story_text(title, BODY)
    with Store.open(tmp_path / "s.db", seed=False) as store:
        assigner = StoryAssigner(store.db.conn)
        story = assigner.assign_text(1, title, text, "2021-05-03", [7, 8])
        assert assigner.assign_text(2, title, text, "2019-01-01", [7, 8]) == story  # an older far copy
        assert assigner.assign_text(3, title, text, "2021-05-05", [7, 8]) == story  # syndicated
        assert assigner.assign_text(4, title, text, "2023-06-09", [7, 8]) == story  # republished
        assert assigner.assign_text(5, title, text, None, [7, 8]) == story  # undated
        days = store.db.execute("SELECT DISTINCT day FROM story_keys WHERE story_id = ? AND day >= 0", (story,))
        assert {day for (day,) in days} == {dt.date(2021, 5, 3).toordinal(), dt.date(2021, 5, 5).toordinal()}
        # The far copies moved neither the story's date nor, so, what counts as near it.
        assert store.db.execute("SELECT day FROM stories WHERE id = ?", (story,)).fetchone() == ("2021-05-03",)


def test_a_copy_is_found_however_many_stories_share_one_of_its_sketches(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db", seed=False) as store:
        assigner = StoryAssigner(store.db.conn)
        shared = 1 << 2 | COPY  # the smallest key: the one an index walks first
        for number in range(40):  # a templated report's sketch, in forty stories of other words
            text = StoryText(f"filler{number} 3 other{number} 2 word{number} 1", (shared, _copy(1000 + number)), ())
            assigner.assign_text(number + 1, f"Report {number}", text, f"20{10 + number % 10}-01-0{1 + number % 9}", [])
        mine = StoryText("copper 3 strike 2 chile 1", (shared, _copy(7), _copy(8)), ())
        story = assigner.assign_text(100, "Copper strike", mine, "2024-02-02", [])
        assert assigner.assign_text(101, "Copper strike", mine, "2024-02-03", []) == story


def test_signatures_kept_between_batches_are_dropped_when_another_connection_wrote(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db", seed=False) as store:
        assigner = StoryAssigner(store.db.conn)
        assigner.begin()
        assigner.assign_text(1, "Copper miners strike in Chile", story_text("Copper strike", BODY), "2021-05-03", [])
        assigner.end()
        store.db.conn.commit()
        assigner.begin()  # nobody else wrote: what it holds is what the tables hold
        assert assigner.kept
        with sqlite3.connect(tmp_path / "s.db") as other:
            other.execute("UPDATE story_texts SET profile = 'copper 9'")
        assigner.begin()
        assert not assigner.kept


def _copy(number: int) -> int:
    return number << 2 | COPY


def test_a_story_field_needs_a_number(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db", seed=False) as store, pytest.raises(QueryError, match="story:abc"):
        store.search("story:abc")


def test_stories_json_has_exactly_the_documented_keys(
    tmp_path: Path, seeds: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "s.db")
    assert main(["ingest", *map(str, seeds.values()), "--db", path, "--json"]) == 0
    capsys.readouterr()
    assert main(["stories", "--json", "--db", path]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found and all(set(story) == {"story", "title", "date", "articles", "sources"} for story in found)
    assert all(len(story["articles"]) >= 2 for story in found)
    with Store.open(path, seed=False) as store:
        ids = _ids(store)
    assert any({ids["001"], ids["002"]} <= set(story["articles"]) for story in found)


def test_a_signature_is_kept_compact_and_read_back_whole() -> None:
    from store.story_keys import packed, unpacked, word_set

    words = {"patrols": 4, "turkey": 3, "1,250": 2, "idlib": 1}
    assert packed(words) == "patrols 4 turkey 3 1,250 2 idlib 1"
    assert unpacked(packed(words)) == words
    assert word_set(packed(words)) == frozenset(words)
    assert unpacked(json.dumps(words)) == words and word_set(json.dumps(words)) == frozenset(words)


def test_a_story_profile_holds_the_words_its_articles_share_most() -> None:
    from store.story_keys import SIGNATURE_WORDS, merged_profile

    first = {"coffee": 3, "quota": 2, "london": 1}
    second = {"coffee": 2, "quota": 1, "brazil": 4}
    assert merged_profile(first, second) == {"coffee": 5, "brazil": 4, "quota": 3, "london": 1}
    many = {f"word{number:02d}": 1 for number in range(SIGNATURE_WORDS)}
    assert len(merged_profile(many, {"coffee": 2})) == SIGNATURE_WORDS
    assert "coffee" in merged_profile(many, {"coffee": 2})


def _accounts(write, second_place: str) -> None:  # type: ignore[no-untyped-def]
    write(
        "a/first.txt",
        "Coffee quota talks stall in London\n\nMarch 2, 1987\n\n"
        "Delegates of the International Coffee Organization meeting in London failed to agree export quotas "
        "on Monday, with producers split over shares and consumers pressing for reform of the pact. "
        "Brazil refused smaller allocations, negotiators said after the session ended.\n",
    )
    write(
        "a/second.txt",
        f"Producers blame consumers as coffee pact session ends\n\nMarch 3, 1987\n\n"
        f"The International Coffee Organization council closed its {second_place} session without export quotas, "
        "and exporters accused importing countries of blocking a deal. Prices are expected to slide "
        "as roasters wait, traders in Hamburg and New York told reporters.\n",
    )


def test_accounts_in_other_words_sharing_two_entities_near_in_time_are_one_story(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    """A regression of the coffee organisation's council meeting (Reuters TRAIN, March 1987),
    split into several stories: accounts of it share few words but name the same organisation
    and place on the same days."""
    _accounts(write, "London")
    with Store.open(tmp_path / "s.db", seed=False) as store:
        store.ingest([str(tmp_path / "a")])
        ids = {Path(p).stem: i for p, i in store.db.execute("SELECT path, article_id FROM paths")}
        assert _story(store, ids["first"]) == _story(store, ids["second"])


def test_accounts_in_other_words_sharing_one_entity_stay_apart(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    _accounts(write, "winter")
    with Store.open(tmp_path / "s.db", seed=False) as store:
        store.ingest([str(tmp_path / "a")])
        ids = {Path(p).stem: i for p, i in store.db.execute("SELECT path, article_id FROM paths")}
        assert _story(store, ids["first"]) != _story(store, ids["second"])


def test_words_are_the_same_read_as_ascii_or_not() -> None:
    from store.story_keys import words_of

    text = "Turkish and Russian troops resumed 12 joint patrols on Aug. 5, 2024, covering 1,250.5 km of the M4"
    assert words_of(text + " \u00e9t\u00e9") == [*words_of(text), "\u00e9t\u00e9"]  # the other path reads it alike
    words = "turkish russian troops resumed 12 joint patrols aug 2024 covering 1,250.5"
    assert words_of(text) == words.split()
    assert words_of("Erdo\u011fan met \u015eahin") == ["erdo\u011fan", "met", "\u015fahin"]


def test_an_account_in_other_words_grows_the_profile_and_a_copy_does_not(  # type: ignore[no-untyped-def]
    tmp_path: Path, seeds: dict[str, Path], write
) -> None:
    with Store.open(tmp_path / "a.db", seed=False) as opened:
        opened.ingest([str(seeds["001"]), str(seeds["002"])])
        ids = _ids(opened)
        story = _story(opened, ids["001"])
        assert _story(opened, ids["002"]) == story
        (profile,) = opened.db.execute("SELECT profile FROM story_texts WHERE story_id = ?", (story,)).fetchone()
        assert profile  # the second account's words are in it
        _ingest_copy(opened, seeds["001"], write)  # of its first account
        row = opened.db.execute(
            "SELECT profile, articles FROM story_texts JOIN stories ON id = story_id WHERE id = ?", (story,)
        ).fetchone()
        assert row == (profile, 3)
