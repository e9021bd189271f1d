"""An open story's lines in the timeline's arithmetic: rows below it move down by its lines,
clicks and j/k land on its articles, and a story listed in part ends with a line of its own."""

from __future__ import annotations

from dataclasses import replace

from store import Store
from tui.data import ResultSet, load_results
from tui.unfolding import Position, Unfolded, above, below


def _results(seeded: tuple[Store, dict[str, int]]) -> ResultSet:
    store, _ = seeded
    results = load_results(store.prepare("", (), "date").folding(True))
    assert [hit.more for hit in results.search.hits(0).hits] == [1, 1, 0]
    return results


def test_the_rows_under_an_open_story_move_down_by_its_lines(seeded: tuple[Store, dict[str, int]]) -> None:
    results = _results(seeded)
    before = [results.line_of(index) for index in range(results.total)]
    lead = results.hit(0)
    assert lead is not None
    others = (replace(lead, id=1001), replace(lead, id=1002))
    results.unfolded = Unfolded(0, others, total=5)  # two of four listed: and a line saying so
    assert results.unfolded.lines == 3
    assert [results.line_of(index) for index in range(results.total)] == [before[0], before[1] + 3, before[2] + 3]
    first = before[0] + results.article_height
    assert results.at_line(first)[1:] == (0, results.article_height)
    assert results.position_at(first) == (0, 0)
    assert results.position_at(first + 1) == (0, 1)
    assert results.position_at(first + 2) is None  # '… 2 more'
    assert results.at_line(before[1] + 3)[1] == 1


def test_j_and_k_go_through_an_open_storys_articles(seeded: tuple[Store, dict[str, int]]) -> None:
    results = _results(seeded)
    lead = results.hit(1)
    assert lead is not None
    results.unfolded = Unfolded(1, (replace(lead, id=1001), replace(lead, id=1002)), total=2)
    walk: list[Position] = [(0, None)]
    while (step := below(results, walk[-1])) is not None:
        walk.append(step)
    assert walk == [(0, None), (1, None), (1, 0), (1, 1), (2, None)]
    back: list[Position] = [walk[-1]]
    while (step := above(results, back[-1])) is not None:
        back.append(step)
    assert back == walk[::-1]
    assert results.row(1, 1) is not None and results.row(1, 1).id == 1002  # type: ignore[union-attr]
