"""The query language over the seeds: every form runs or raises a one-line QueryError."""

from __future__ import annotations

import sqlite3

import pytest

from store import Cancelled, QueryError, Store
from store.db import time_limit
from store.query.notes import query_notes


def found(store_ids: tuple[Store, dict[str, int]], query: str, sort: str = "rank") -> set[str]:
    store, ids = store_ids
    prefix = {article_id: prefix for prefix, article_id in ids.items()}
    return {prefix[hit.id] for hit in store.search(query, sort=sort, limit=100).hits}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("person:erdogan", {"001", "002", "003", "004"}),
        ("place:turkiye", {"000", "001", "002", "003", "004"}),
        ("idlib", {"000", "003", "004"}),
        ("date:2020", {"000", "003"}),
        ('"joint patrols" -idlib', {"001", "002"}),
        ("is:starred", set()),
        ("", {"000", "001", "002", "003", "004"}),
        ("turkiye", {"001", "002"}),  # free text is diacritics-insensitive: Türkiye and Turkiye
        ("türkiye", {"001", "002"}),
        ("patrolling", {"000", "001", "002", "003", "004"}),
        ("title:idlib", {"003", "004"}),
        ('title:"joint patrols"', {"002", "003", "004"}),  # stemmed: "Joint Patrol Option" too
        ("source:moscow", {"000", "003"}),
        ("entity:ypg", {"002", "004"}),
        ("org:PKK", {"002", "004"}),
        ('person:"Recep Tayyip Erdogan"', {"001", "002", "003", "004"}),
        ("person:erdo*", {"001", "002", "003", "004"}),
        ("erdo*", {"001", "002", "003", "004"}),
        ("idlib OR person:putin", {"000", "001", "003", "004"}),  # 002 names Putin only in a caption
        ("(idlib OR sochi) -date:2020", {"004"}),
        ("NOT idlib", {"001", "002"}),
        ("idlib AND date:2019..2020-02", {"000", "003", "004"}),
        ("date:..2019", {"004"}),
        ("date:2024-08-24", {"002"}),
        ("date:2024..", {"002"}),
        ("place:idlib", {"000", "003", "004"}),
        ("person:nobody", set()),
    ],
)
def test_query_forms(seeded: tuple[Store, dict[str, int]], query: str, expected: set[str]) -> None:
    assert found(seeded, query) == expected


@pytest.mark.parametrize(
    "query",
    ["don't", "AT&T", "C++", "\u00e9t\u00e9", "x" * 300, "a b c d e f g h", "--x", "x-y", "O'Brien", "1e400"],
)
def test_odd_but_valid_queries_run(seeded: tuple[Store, dict[str, int]], query: str) -> None:
    seeded[0].search(query)


@pytest.mark.parametrize(
    ("query", "points_at"),
    [
        ('"unbalanced', "quote"),
        ("(", "("),
        ("idlib)", ")"),
        ("AND", "AND"),
        ("NOT", "NOT"),
        ("*", "*"),
        ("-", "-"),
        ("title:", "title:"),
        ("date:2020-13", "2020-13"),
        ("nosuchfield:x", "nosuchfield"),
        ("idlib OR", "OR"),
        ("is:maybe", "is:maybe"),
        ("x" * 100_000, "too long"),
        (" ".join(["w"] * 20_000), "too"),
    ],
)
def test_bad_queries_raise_one_line_errors(seeded: tuple[Store, dict[str, int]], query: str, points_at: str) -> None:
    with pytest.raises(QueryError) as raised:
        seeded[0].search(query)
    message = str(raised.value)
    assert points_at in message and "\n" not in message


def test_rank_puts_title_matches_first_and_date_sort_puts_undated_last(seeded: tuple[Store, dict[str, int]]) -> None:
    store, ids = seeded
    ranked = [hit.id for hit in store.search("idlib").hits]
    assert ranked[-1] == ids["000"]  # the only one without Idlib in its title
    by_date = [hit.id for hit in store.search("", sort="date").hits]
    assert by_date == [ids[p] for p in ("002", "003", "000", "004", "001")]


def test_snippets_are_plain_text_with_the_spans_of_their_matches(seeded: tuple[Store, dict[str, int]]) -> None:
    hit = seeded[0].search('"joint patrols"').hits[0]
    assert "\u27e6" not in hit.snippet and "\u27e7" not in hit.snippet
    marked = {hit.snippet[start:end].lower() for start, end in hit.matches}
    assert marked and marked <= {"joint", "patrols", "joint patrols"}


def test_paging_and_totals(seeded: tuple[Store, dict[str, int]]) -> None:
    store, _ = seeded
    first, second = store.search("", sort="date", limit=3), store.search("", sort="date", limit=3, offset=3)
    assert first.total == second.total == 5
    assert len(first.hits) == 3 and len(second.hits) == 2
    assert not {hit.id for hit in first.hits} & {hit.id for hit in second.hits}


@pytest.mark.parametrize("sort", ["rank", "date"])
def test_a_filtered_text_search_pages_in_order(seeded: tuple[Store, dict[str, int]], sort: str) -> None:
    """Filtered text searches choose each page's ids first, then read those rows: the pages
    must still follow the order of the whole result, with snippets."""
    store, _ = seeded
    query = "turkey -date:2019"
    whole = store.search(query, sort=sort, limit=100)  # type: ignore[arg-type]
    pages = [store.search(query, sort=sort, limit=2, offset=offset) for offset in (0, 2, 4)]  # type: ignore[arg-type]
    assert whole.total >= 3 and all(page.total == whole.total for page in pages)
    assert [hit.id for page in pages for hit in page.hits] == [hit.id for hit in whole.hits]
    assert all(hit.matches for hit in whole.hits)
    if sort == "date":
        dates = [hit.date or "" for hit in whole.hits]
        assert dates == sorted(dates, reverse=True)


def test_facets_count_entities_of_the_result_set(seeded: tuple[Store, dict[str, int]]) -> None:
    store, _ = seeded
    everything = {facet.name: facet.articles for facet in store.facets().by_type["place"]}
    assert everything["Turkey"] == 5 and everything["Idlib"] == 3
    people = {facet.name: facet.articles for facet in store.facets("idlib").by_type["person"]}
    assert people["Recep Tayyip Erdogan"] == 2
    orgs = store.entities("idlib", kind="organization")
    assert all(item.type == "organization" for item in orgs)


def test_starring_shows_in_state_queries(seeded: tuple[Store, dict[str, int]]) -> None:
    store, ids = seeded
    store.mark([ids["003"]], starred=True)
    store.opened(ids["000"])
    assert found(seeded, "is:starred") == {"003"}
    assert found(seeded, "is:read") == {"000"}
    assert found(seeded, "is:unread") == {"001", "002", "003", "004"}


_LONG = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 50000000) SELECT count(*) FROM c"


def test_a_statement_stops_when_its_caller_gives_up_or_its_time_runs_out() -> None:
    connection = sqlite3.connect(":memory:")
    with pytest.raises(Cancelled), time_limit(connection, 30, cancelled=lambda: True):
        connection.execute(_LONG).fetchone()
    with pytest.raises(QueryError, match="longer than"), time_limit(connection, 0.01, cancelled=lambda: False):
        connection.execute(_LONG).fetchone()
    assert connection.execute("SELECT 1").fetchone() == (1,)


def test_a_search_without_its_total_returns_the_same_page(seeded) -> None:  # type: ignore[no-untyped-def]
    store, _ = seeded
    counted, uncounted = store.search("turkey", "rank", 3), store.search("turkey", "rank", 3, total=False)
    assert counted.hits == uncounted.hits and counted.total >= 3 and uncounted.total == -1


@pytest.mark.parametrize("query", ["patrols source:moscow", "idlib date:2020", "turkiye -is:read"])
def test_a_filtered_text_search_tests_its_filters_on_the_narrow_index(
    seeded: tuple[Store, dict[str, int]], query: str
) -> None:
    """Reading each match's whole row (its body) to test a source or a date is what made
    such searches slow on a large archive with a cold cache."""
    from store.search import matching_ids_sql

    store, _ = seeded
    sql, params = matching_ids_sql(store.compile(query))
    plan = " ".join(row[3] for row in store.db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall())
    assert "COVERING INDEX articles_filters" in plan, plan


@pytest.mark.parametrize(
    ("query", "notes"),
    [
        ("turkey or russia", ["'or' is searched as a word; for the operator write OR"]),
        ("not idlib", ["'not' is searched as a word; for the operator write NOT"]),
        ("a and b or c", ["'and' and 'or' are searched as words; for the operators write AND and OR"]),
        ("turkey OR russia", []),
        ("NOT idlib AND sochi", []),
        ('"war and peace"', []),
        ("title:not x", []),
        ("nor notable android", []),
        ("(unclosed or", ["'or' is searched as a word; for the operator write OR"]),
        ('"unclosed', []),
    ],
)
def test_lower_case_operators_get_a_note(query: str, notes: list[str]) -> None:
    assert query_notes(query) == notes


def test_lower_case_or_is_searched_as_a_word(seeded: tuple[Store, dict[str, int]]) -> None:
    store, _ = seeded
    assert found(seeded, "idlib OR sochi") > found(seeded, "idlib or sochi")
    assert store.search("sochi or").total == store.search('sochi "or"').total


def test_mark_all_read_returns_only_what_it_changed_and_mark_puts_it_back(
    seeded: tuple[Store, dict[str, int]],
) -> None:
    store, ids = seeded
    assert store.mark([ids["003"], 999_999], read=True) == [ids["003"]]
    changed = store.mark_all_read("idlib")
    assert sorted(changed) == sorted(ids[p] for p in ("000", "004"))  # 003 was read already
    assert store.search("idlib is:unread").total == 0
    store.mark(changed, read=False)
    assert found(seeded, "is:read") == {"003"}
