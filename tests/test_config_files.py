"""A config file that is not one (a pipe, a device, something huge or absurdly nested) gives
one line and the defaults; the app starts."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from tui.config import Config, load_config

HANG = 30


def _load(path: Path) -> Config:
    """load_config on a thread, so that a config that blocks fails the test instead of hanging it."""
    found: list[Config] = []
    reader = threading.Thread(target=lambda: found.append(load_config(path)), daemon=True)
    reader.start()
    reader.join(HANG)
    assert found, f"reading {path} did not return"
    return found[0]


def _refused(config: Config) -> bool:
    return config.problem is not None and "\n" not in config.problem and config.keys == {} and config.theme is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_as_config_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "config.toml")
    config = _load(tmp_path / "config.toml")
    assert _refused(config) and "not a regular file" in (config.problem or "")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_as_config_is_refused() -> None:
    assert _refused(_load(Path("/dev/zero")))


def test_a_huge_config_is_refused_unread(tmp_path: Path) -> None:
    huge = tmp_path / "config.toml"
    with huge.open("wb") as handle:
        handle.truncate(500 * 1024 * 1024)
    config = _load(huge)
    assert _refused(config) and "too large" in (config.problem or "")


@pytest.mark.parametrize(
    "text", ["a = " + "[" * 1000 + "]" * 1000, "a = " + "{b = " * 1000 + "1" + "}" * 1000, 'theme = "x"\n' * 2]
)
def test_a_config_that_does_not_parse_gives_one_line(tmp_path: Path, text: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    assert _refused(_load(path))


@pytest.mark.skipif(sys.platform == "win32" or not hasattr(os, "mkfifo"), reason="no named pipes here")
async def test_the_app_starts_with_defaults_on_a_pipe_as_config(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from store import Store
    from tests.apptools import notices, settle
    from tui.app import make_app

    os.mkfifo(tmp_path / "config.toml")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(tmp_path / "config.toml"))
    Store.open(tmp_path / "empty.db").close()
    app = make_app(tmp_path / "empty.db")
    notes = notices(app, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert app.is_running and any("not a regular file" in note for note in notes)
