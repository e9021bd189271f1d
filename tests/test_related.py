"""Related articles: what an article shares with others, best first, with why; and the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import Store, StoreError
from tui.cli import main


@pytest.fixture
def seeded(tmp_path: Path, seeds: dict[str, Path]) -> tuple[Store, dict[str, int]]:
    store = Store.open(tmp_path / "seeds.db", seed=False)
    store.ingest([str(path) for path in seeds.values()])
    ids = {
        Path(path).name[:3]: article_id for path, article_id in store.db.execute("SELECT path, article_id FROM paths")
    }
    return store, ids


def test_the_two_accounts_of_one_event_are_each_others_first(seeded: tuple[Store, dict[str, int]]) -> None:
    store, ids = seeded
    assert store.related(ids["001"], limit=1)[0].id == ids["002"]
    assert store.related(ids["002"], limit=1)[0].id == ids["001"]


def test_related_lists_others_best_first_with_what_they_share(seeded: tuple[Store, dict[str, int]]) -> None:
    store, ids = seeded
    found = store.related(ids["001"], limit=3)
    assert len(found) == 3 and ids["001"] not in [item.id for item in found]
    assert [item.score for item in found] == sorted((item.score for item in found), reverse=True)
    first, other = store.article(ids["001"]), store.article(found[0].id)
    assert first is not None and other is not None and found[0].terms and found[0].entities
    for name in found[0].entities:  # the why names entities both articles name
        assert name in {entity.name for entity in first.article.entities}
        assert name in {entity.name for entity in other.article.entities}


def test_a_near_copy_comes_first_among_unrelated_stories(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    topics = ["wheat harvest rains farmers", "central bank interest rates inflation", "football cup final goal"]
    for number in range(30):
        words = topics[number % 3]
        write(f"in/{number}.txt", f"Story {number} on {words}\n\nMarch {number % 28 + 1}, 2021\n\n" + f"{words} " * 5)
    original = "Copper miners strike in Chile\n\nMay 3, 2021\n\nCopper miners at Escondida walked out over pay.\n"
    write("in/copper.txt", original)
    write("in/copper-copy.txt", original.replace("walked out", "went on strike"))
    with Store.open(tmp_path / "a.db", seed=False) as store:
        store.ingest([str(tmp_path / "in")])
        ids = {Path(p).stem: i for p, i in store.db.execute("SELECT path, article_id FROM paths")}
        assert store.related(ids["copper"], limit=1)[0].id == ids["copper-copy"]


def test_no_such_article_is_a_store_error(seeded: tuple[Store, dict[str, int]]) -> None:
    with pytest.raises(StoreError, match="no article has id 999"):
        seeded[0].related(999)


def test_related_json_has_exactly_the_documented_keys(
    seeded: tuple[Store, dict[str, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    store, ids = seeded
    assert main(["related", str(ids["002"]), "--limit", "2", "--json", "--db", store.path]) == 0
    found = json.loads(capsys.readouterr().out)
    assert len(found) == 2 and found[0]["id"] == ids["001"]
    assert all(set(item) == {"id", "title", "date", "source", "score"} for item in found)


def test_related_plain_output_says_why_and_a_missing_id_is_one_line(
    seeded: tuple[Store, dict[str, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    store, ids = seeded
    assert main(["related", str(ids["002"]), "--db", store.path]) == 0
    assert "names: " in capsys.readouterr().out
    assert main(["related", "999", "--db", store.path]) == 2
    assert capsys.readouterr().err == "error: no article has id 999\n"


def test_of_two_articles_sharing_the_same_words_the_shorter_comes_first(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    """An article is weighed by its length, as BM25 weighs it: the same shared words in a long
    article about much else say less than in a short one."""
    filler = ["harbour", "ferry", "timetable", "council", "budget", "parking", "library", "festival"]
    for number in range(12):
        write(
            f"in/other{number}.txt",
            f"Town notes {number}\n\nMarch 2, 2021\n\n" + " ".join(filler[number % 8 :]) + ".\n",
        )
    shared = "Cobalt smelter at Kolwezi halts exports after a dispute over royalties."
    write("in/query.txt", f"Kolwezi cobalt smelter halts exports\n\nMay 3, 2021\n\n{shared}\n")
    write("in/a-short.txt", f"Cobalt exports halted\n\nMay 3, 2021\n\n{shared}\n")
    padding = " ".join(f"{word} {word}s" for word in filler * 12)
    write("in/b-long.txt", f"Cobalt exports halted\n\nMay 3, 2021\n\n{shared} {padding}.\n")
    with Store.open(tmp_path / "a.db", seed=False) as store:
        store.ingest([str(tmp_path / "in")])
        ids = {Path(p).stem: i for p, i in store.db.execute("SELECT path, article_id FROM paths")}
        found = [item.id for item in store.related(ids["query"], limit=2)]
        assert found == [ids["a-short"], ids["b-long"]]


def test_the_why_names_words_of_the_article_that_the_related_one_holds(seeded: tuple[Store, dict[str, int]]) -> None:
    store, ids = seeded
    first = store.related(ids["001"], limit=1)[0]
    asked = store.article(ids["001"])
    assert asked is not None and first.terms
    for word in first.terms:
        assert word.lower() in f"{asked.article.title} {asked.article.body_text}".lower()
        assert first.id in {hit.id for hit in store.search(f'"{word}"').hits}
