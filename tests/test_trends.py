"""Entity trends: articles per month, the entities named alongside, and the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import store.trends
from store import Store, StoreError
from tui.cli import main


@pytest.fixture
def seeded(tmp_path: Path, seeds: dict[str, Path]) -> Store:
    store = Store.open(tmp_path / "seeds.db", seed=False)
    store.ingest([str(path) for path in seeds.values()])
    return store


def test_a_surname_finds_the_person_and_counts_each_month(seeded: Store) -> None:
    trend = seeded.entity_trend("Erdogan")
    assert trend.type == "person" and "Erdogan" in trend.name
    assert {"2019-04", "2020-02", "2024-08"} <= set(trend.months)
    assert trend.articles == sum(trend.months.values()) + trend.undated
    assert list(trend.months) == sorted(trend.months)


def test_companions_are_counted_together_most_first_without_the_entity(seeded: Store) -> None:
    trend = seeded.entity_trend("Erdogan")
    counts = [item.articles for item in trend.companions]
    assert counts == sorted(counts, reverse=True) and trend.id not in {item.id for item in trend.companions}
    named_with = {item.name: item.articles for item in trend.companions}
    together = seeded.search(f'person:"{trend.name}" place:syria', total=True).total
    assert named_with["Syria"] == together


def test_a_much_named_entity_has_its_companions_sampled_and_scaled(
    seeded: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.trends, "SAMPLE", 2)
    trend = seeded.entity_trend("Syria")
    assert trend.approximate and trend.articles == 5
    assert sum(trend.months.values()) + trend.undated == 5  # months are never sampled


def test_an_unknown_name_is_a_store_error(seeded: Store) -> None:
    with pytest.raises(StoreError, match="no entity is named 'Nobody Atall'"):
        seeded.entity_trend("Nobody Atall")


def test_entity_json_has_exactly_the_documented_keys(seeded: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entity", "Erdogan", "--json", "--db", seeded.path]) == 0
    found = json.loads(capsys.readouterr().out)
    assert set(found) == {"name", "type", "articles", "months", "with"}
    assert all(set(item) == {"name", "type", "articles"} for item in found["with"])
    assert main(["entity", "Nobody", "--db", seeded.path]) == 2
    assert capsys.readouterr().err == "error: no entity is named 'Nobody'\n"
