"""The related articles under the open one: listed with why, l goes to them, Enter opens one."""

from __future__ import annotations

import pytest

from tests.apptools import settle
from tui.app import make_app
from tui.widgets.reader import Reader
from tui.widgets.related import RelatedList

pytestmark = pytest.mark.usefixtures("quiet_config")


async def test_opening_an_article_lists_its_related_ones_and_enter_opens_one(db: str) -> None:
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("enter")  # the newest: the August 2024 account of the patrols resuming
        await settle(pilot, app)
        reader, related = app.query_one(Reader), app.query_one(RelatedList)
        opened = reader.article_id
        assert related.display and related.option_count == 4 and opened not in related.ids
        first = str(related.get_option_at_index(0).prompt)
        assert first.startswith("Türkiye, Russia resume joint military patrols") and "names: " in first
        chosen = related.ids[0]
        await pilot.press("l")
        assert app.focused is not None and app.focused.id == "related"
        await pilot.press("enter")
        await settle(pilot, app)
        assert reader.article_id == chosen and app.focused is not None and app.focused.id == "reader"
        assert opened in related.ids  # the article left is now among the related of the one opened
