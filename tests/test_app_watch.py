"""A watched archive: the config's folders are ingested at start and watched while the app is
open, and the timeline shows articles any process writes, without a key, keeping the cursor."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.apptools import titles
from tui.app import make_app
from tui.config import Config
from tui.widgets.timeline import Timeline

pytestmark = pytest.mark.usefixtures("quiet_config")
STORY = "{title}\n\nMarch 3, 2025\n\nThe council in Bergen voted on the harbour plan on Monday.\n"


async def wait_for(pilot, app, title: str, seconds: float) -> float:  # type: ignore[no-untyped-def]
    """Seconds until `title` is in the timeline (no key pressed meanwhile)."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        await pilot.pause(0.05)
        results = app.query_one(Timeline).results
        if results is not None and title in titles(app):
            return time.monotonic() - started
    raise AssertionError(f"{title!r} did not appear within {seconds} s")


async def test_a_file_dropped_into_a_watched_folder_appears_within_two_seconds(db: str, tmp_path: Path) -> None:
    folder = tmp_path / "watched"
    folder.mkdir()
    (folder / "before.txt").write_text(STORY.format(title="Ferry timetable changes"), encoding="utf-8")
    app = make_app(db, Config(folders=(str(folder),)))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, app, "Ferry timetable changes", 5.0)  # the scan at start
        await pilot.press("j", "j")
        highlighted = app.query_one(Timeline).current()
        (folder / "new.txt").write_text(STORY.format(title="Harbour plan approved"), encoding="utf-8")
        await wait_for(pilot, app, "Harbour plan approved", 2.0)
        current = app.query_one(Timeline).current()
        assert highlighted is not None and current is not None and current.id == highlighted.id
        app.exit()


async def test_articles_another_process_ingests_appear_and_the_cursor_stays(db: str, tmp_path: Path) -> None:
    story = tmp_path / "other.txt"
    story.write_text(STORY.format(title="Bridge repairs begin"), encoding="utf-8")
    app = make_app(db, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        await pilot.press("j", "j", "j")
        highlighted = app.query_one(Timeline).current()
        command = [sys.executable, "-m", "tui.cli", "ingest", str(story), "--db", db]
        subprocess.run(command, check=True, capture_output=True)
        await wait_for(pilot, app, "Bridge repairs begin", 3.0)
        current = app.query_one(Timeline).current()
        assert highlighted is not None and current is not None and current.id == highlighted.id
