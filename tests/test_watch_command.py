"""`newsdesk watch`: ingests its folders, then each file that appears, until interrupted."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from store import Store
from tests.checks import assert_consistent

STORY = "{title}\n\nMarch 3, 2025\n\nThe council in Bergen voted on the harbour plan on Monday.\n"


def read_until(process: subprocess.Popen[bytes], text: str, seconds: float) -> str:
    """What the process printed, up to a line holding `text` (or failing after `seconds`)."""
    assert process.stdout is not None
    seen = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and text.encode() not in seen:
        ready, _, _ = select.select([process.stdout], [], [], 0.1)
        if ready:
            seen += os.read(process.stdout.fileno(), 65536)
    assert text.encode() in seen, seen
    return seen.decode()


def test_watch_ingests_its_folder_then_each_new_file(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY.format(title="Ferry timetable changes"), encoding="utf-8")
    database = tmp_path / "w.db"
    command = [sys.executable, "-m", "tui.cli", "watch", str(folder), "--db", str(database)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        read_until(process, "1 added", 20)
        time.sleep(0.3)
        (folder / "b.txt").write_text(STORY.format(title="Harbour plan approved"), encoding="utf-8")
        (folder / ".hidden.txt").write_text(STORY.format(title="Not for the archive"), encoding="utf-8")
        read_until(process, "1 file changed: 1 added", 10)
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(10) in (0, 130)
    with Store.open(database) as store:
        assert store.search("").total == 2 and store.search("hidden").total == 0
    assert_consistent(database)


def test_watch_without_folders_says_where_to_name_them(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSDESK_CONFIG", str(tmp_path / "none.toml"))
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", "watch", "--db", str(tmp_path / "w.db")], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert done.stderr.startswith("error: no folders to watch: name them, or set folders = [...] in ")
