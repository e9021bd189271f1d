"""One path for every search: a query typed in the app is compiled once, however many pages,
groups and facets it is then asked for."""

from __future__ import annotations

from collections import Counter

import pytest

from store.query import compile as compiling
from store.query.ast import Node
from tests.apptools import settle, titles
from tui.app import make_app
from tui.widgets.entities import EntityPane
from tui.widgets.timeline import Timeline

pytestmark = pytest.mark.usefixtures("quiet_config")


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each query tree is compiled from now on."""
    seen: Counter[str] = Counter()
    original = compiling.compile_query

    def counting(node: Node, lookup: compiling.EntityLookup) -> compiling.Compiled:
        seen[repr(node)] += 1
        return original(node, lookup)

    monkeypatch.setattr(compiling, "compile_query", counting)
    return seen


async def test_typing_a_search_compiles_the_query_once(db: str, compiled: Counter[str]) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        compiled.clear()
        await pilot.press("slash", *"idlib", "enter")
        await settle(pilot, app)
        assert len(titles(app)) == 3
        await pilot.press("r")  # date order: the same compiled query, in another order
        await settle(pilot, app)
        assert app.query_one(Timeline).results.sort == "date"  # type: ignore[union-attr]
        assert app.query_one(EntityPane).facets is not None
    assert compiled and set(compiled.values()) == {1}, compiled
    assert "Term(text='idlib', prefix=False, phrase=False, column=None)" in compiled
