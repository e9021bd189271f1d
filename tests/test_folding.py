"""The timeline folded to one row per story (store/folding.py): each story among the matches
once, by its lead, with its other matches counted, in date and in relevance order, paged."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Search, Store

# Five stories' articles: (name, day, source, words). Words decide what a search matches.
ARTICLES = [
    ("a1", "2024-03-01", "alpha-post.example", "harbour strike dockers"),
    ("a2", "2024-03-03", "beta-news.example", "harbour strike dockers strike strike"),
    ("a3", "2024-03-02", "gamma-wire.example", "harbour dockers"),
    ("b1", "2024-03-02", "alpha-post.example", "harbour election"),
    ("b2", "2024-03-02", "alpha-post.example", "harbour election count"),
    ("c1", "2024-02-10", "beta-news.example", "harbour budget"),
    ("d1", None, "gamma-wire.example", "harbour strike undated"),
    ("d2", None, "delta-daily.example", "harbour strike undated too"),
    ("e1", "2024-03-03", "delta-daily.example", "harbour ferry"),
    ("f1", "2024-01-01", "alpha-post.example", "harbour regatta"),
    ("f2", "2024-01-05", "beta-news.example", "harbour regatta"),
]
STORIES = {"a": ("a1", "a2", "a3"), "b": ("b1", "b2"), "c": ("c1",), "d": ("d1", "d2"), "f": ("f1", "f2")}  # e1 in none


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """The articles ingested, then put in the stories above (the folding reads stories as
    stored, whoever assigned them)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, day, source, words in ARTICLES:
        date_line = f"{day}\n\n" if day else ""
        body = f"{words}. " * 12
        url = f"https://www.{source}/news/{name}"
        (folder / f"{name}.txt").write_text(f"{name} {words}\n\n{date_line}{body}\n\nOriginal url:\n\n<{url}>\n")
    opened = Store.open(tmp_path / "folding.db", seed=False)
    opened.ingest([str(folder)])
    ids = _ids(opened)
    with opened.db.conn:
        opened.db.execute("DELETE FROM story_members")
        for number, (_, members) in enumerate(sorted(STORIES.items()), start=1):
            opened.db.execute(
                "INSERT INTO stories (id, lead_id, title, articles) VALUES (?, ?, '', ?)",
                (1000 + number, ids[members[0]], len(members)),
            )
            for name in members:
                opened.db.execute(
                    "INSERT INTO story_members (article_id, story_id) VALUES (?, ?)", (ids[name], 1000 + number)
                )
    return opened


def _ids(store: Store) -> dict[str, int]:
    return {Path(path).stem: article_id for path, article_id in store.db.execute("SELECT path, article_id FROM paths")}


def _names(store: Store, search: Search, limit: int = 100, offset: int = 0) -> list[tuple[str, int]]:
    by_id = {article_id: name for name, article_id in _ids(store).items()}
    return [(by_id[hit.id], hit.more) for hit in search.hits(offset, limit).hits]


def test_date_order_shows_each_story_once_by_its_newest_match(store: Store) -> None:
    search = store.prepare("", (), "date").folding(True)
    # a2 and e1 share a day: the later ingested first, as in the timeline unfolded.
    assert _names(store, search) == [("e1", 0), ("a2", 2), ("b2", 1), ("c1", 0), ("f2", 1), ("d2", 1)]
    page = search.hits(0, 100, total=True)
    assert (page.total, page.articles) == (6, 11)
    past = search.hits(50, 10, total=True)
    assert (past.total, past.articles, past.hits) == (6, 11, ())


def test_date_groups_count_rows_under_their_leads_day_and_the_articles_they_stand_for(store: Store) -> None:
    groups = store.prepare("", (), "date").folding(True).groups()
    assert [(group.day, group.count, group.articles) for group in groups] == [
        ("2024-03-03", 2, 4),
        ("2024-03-02", 1, 2),
        ("2024-02-10", 1, 1),
        ("2024-01-05", 1, 2),
        (None, 1, 2),
    ]


def test_only_matches_are_folded_and_counted(store: Store) -> None:
    search = store.prepare("strike", (), "date").folding(True)
    assert _names(store, search) == [("a2", 1), ("d2", 1)]
    assert store.prepare("dockers -strike", (), "date").folding(True).hits(0, total=True).articles == 1


def test_relevance_order_leads_with_each_storys_best_match(store: Store) -> None:
    search = store.prepare("strike", (), "rank").folding(True)
    # a2 names 'strike' three times to a1's once; d1 is d2 with a word less.
    assert _names(store, search) == [("a2", 1), ("d1", 1)]
    assert _names(store, store.prepare("strike", (), "date").folding(True)) == [("a2", 1), ("d2", 1)]


def test_among_equally_ranked_matches_the_newest_leads_as_the_timeline_breaks_ties(store: Store) -> None:
    unfolded = [hit.id for hit in store.prepare("regatta", (), "rank").hits(0).hits]
    assert unfolded == [_ids(store)["f2"], _ids(store)["f1"]]  # the same rank: newest first
    assert _names(store, store.prepare("regatta", (), "rank").folding(True)) == [("f2", 1)]


def test_pages_hold_every_story_once(store: Store) -> None:
    search = store.prepare("harbour", (), "date").folding(True)
    pages = [_names(store, search, limit=2, offset=offset) for offset in (0, 2, 4, 6)]
    assert [name for page in pages for name, _ in page] == ["e1", "a2", "b2", "c1", "f2", "d2"]


def test_a_storys_other_matches_leave_out_its_lead_and_what_does_not_match(store: Store) -> None:
    ids = _ids(store)
    search = store.prepare("dockers", (), "date").folding(True)
    lead = search.hits(0).hits[0]
    assert (lead.id, lead.more) == (ids["a2"], 2)
    others = search.story(lead.story or 0, lead.id)
    assert [hit.id for hit in others.hits] == [ids["a3"], ids["a1"]]
    assert others.total == 2
    strike = store.prepare("strike", (), "date").folding(True)
    assert [hit.id for hit in strike.story(lead.story or 0, lead.id).hits] == [ids["a1"]]


def test_the_mark_counts_other_sources_only_when_there_are_some(store: Store) -> None:
    hits = {hit.id: hit for hit in store.prepare("", (), "date").folding(True).hits(0).hits}
    ids = _ids(store)
    assert (hits[ids["a2"]].more, hits[ids["a2"]].more_sources) == (2, 2)
    assert (hits[ids["b2"]].more, hits[ids["b2"]].more_sources) == (1, 0)  # both from one source


def test_an_article_is_found_by_its_storys_lead(store: Store) -> None:
    ids = _ids(store)
    search = store.prepare("", (), "date").folding(True)
    assert search.lead_of(ids["a1"]) == ids["a2"]
    assert search.lead_of(ids["e1"]) == ids["e1"]  # in no story: its own row
    assert store.prepare("election", (), "date").folding(True).lead_of(ids["a1"]) is None


def test_folding_off_lists_every_article_as_before(store: Store) -> None:
    search = store.prepare("harbour", (), "date")
    assert not search.folded
    page = search.hits(0, 100, total=True)
    assert (page.total, page.articles, len(page.hits)) == (11, None, 11)
    assert all(hit.story is None and hit.more == 0 for hit in page.hits)


def test_the_seeds_two_accounts_of_one_event_are_one_row(seeded: tuple[Store, dict[str, int]]) -> None:
    store, ids = seeded
    hits = store.prepare("", (), "date").folding(True).hits(0).hits
    rows = [hit.id for hit in hits]
    assert (ids["001"] in rows) != (ids["002"] in rows)
    lead = next(hit for hit in hits if hit.id in (ids["001"], ids["002"]))
    assert lead.more == 1


@pytest.mark.parametrize(
    ("query", "order"), [("", "date"), ("harbour", "date"), ("harbour", "rank"), ("strike", "rank")]
)
def test_an_articles_position_is_its_row_folded_or_not(store: Store, query: str, order: str) -> None:
    unfolded = store.prepare(query, (), order)  # type: ignore[arg-type]
    listed = [hit.id for hit in unfolded.hits(0).hits]
    folded = unfolded.folding(True)
    rows = [hit.id for hit in folded.hits(0).hits]
    for article_id in listed:
        assert unfolded.position(article_id) == listed.index(article_id)
        assert folded.position(article_id) == rows.index(folded.lead_of(article_id) or 0)
    assert unfolded.position(_ids(store)["c1"] if query == "strike" else -1) is None
