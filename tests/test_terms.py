"""What related articles read of the index: terms' counts of articles (exact, or estimated
for a common term), and articles' lengths in tokens."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Store
from store.lengths import average_length, lengths, varints
from store.terms import DocumentCounts


@pytest.mark.parametrize(
    ("blob", "values"),
    [
        (b"\x00", [0]),
        (b"\x7f", [127]),
        (b"\x81\x00", [128]),
        (b"\x82\x2c\x05", [300, 5]),
        (b"\xff" * 8 + b"\x01", [(1 << 64) - 255]),
    ],
)
def test_varints_read_as_sqlite_writes_them(blob: bytes, values: list[int]) -> None:
    assert varints(blob) == values


def _archive(tmp_path: Path, write, count: int) -> Store:  # type: ignore[no-untyped-def]
    for number in range(count):
        rare = " walrus" if number % 10 == 0 else ""
        write(f"in/{number:03d}.txt", f"Harbour report {number}\n\nMay 3, 2021\n\nThe harbour was busy today{rare}.\n")
    store = Store.open(tmp_path / "a.db", seed=False)
    store.ingest([str(tmp_path / "in")])
    return store


def test_a_rare_term_is_counted_and_a_common_one_estimated_until_its_list_is_read(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    with _archive(tmp_path, write, 60) as store:
        counts = DocumentCounts()
        held = counts.of(store.db.conn, ["walrus", "harbour"], 60, 20)
        assert held["walrus"].articles == 6 and held["walrus"].exact
        assert not held["harbour"].exact and 20 <= held["harbour"].articles <= 120
        counts.learn("harbour", 60)
        again = counts.of(store.db.conn, ["harbour"], 60, 20)["harbour"]
        assert again.exact and again.articles == 60


def test_lengths_are_the_title_and_body_tokens(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    with _archive(tmp_path, write, 3) as store:
        found = lengths(store.db.conn, [1, 2, 3, 99])
        # "harbour report N", "the harbour was busy today" (and "walrus" in the first)
        assert found == {1: 3 + 6, 2: 3 + 5, 3: 3 + 5}
        assert average_length(store.db.conn) == pytest.approx(25 / 3)
