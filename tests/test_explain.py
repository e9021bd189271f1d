"""Why a result is listed: the fields each query word matched, and the filters' entities."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import Store
from tests.apptools import notices, settle
from tui.app import make_app


@pytest.fixture
def seeded(tmp_path: Path, seeds: dict[str, Path]) -> Store:
    store = Store.open(tmp_path / "seeds.db", seed=False)
    store.ingest([str(path) for path in seeds.values()])
    return store


def test_each_word_is_said_with_the_fields_it_matched(seeded: Store) -> None:
    hit = seeded.search("title:idlib", total=True).hits[0]
    why = seeded.explain(hit.id, "idlib patrols")
    assert why.startswith("title: idlib, patrols") and "body: " in why


def test_a_stemmed_word_matches_as_the_search_matched(seeded: Store) -> None:
    hit = seeded.search("patrolling", total=True).hits[0]
    assert "patrolling" in seeded.explain(hit.id, "patrolling")


def test_the_filters_entities_and_a_query_without_words(seeded: Store) -> None:
    syria = next(item for item in seeded.entities(limit=50) if item.name == "Syria")
    hit = seeded.search("", entity_ids=[syria.id], total=True).hits[0]
    assert seeded.explain(hit.id, "", [syria.id]) == "names the filters' Syria"
    assert "story:1" in seeded.explain(hit.id, "story:1")
    assert seeded.explain(hit.id, "") == "every article is listed (no query, no filter)"


@pytest.mark.usefixtures("quiet_config")
async def test_w_says_why_the_highlighted_article_is_listed(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(db)
    said = notices(app, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("slash", *"idlib", "enter")
        await settle(pilot, app, 0.4)
        await pilot.press("w")
        await settle(pilot, app)
        assert any("idlib" in text and "title" in text for text in said)
