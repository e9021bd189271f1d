"""Shared fixtures: the bundled seeds and a helper to write inputs the tests make."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from articles.bundled import bundled_files

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def seeds() -> dict[str, Path]:
    """Bundled seed files keyed by their three-digit prefix."""
    return {path.name[:3]: path for path in bundled_files()}


@pytest.fixture
def feed_server(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A web server on 127.0.0.1 (port 0) serving what the test writes into it. While it runs no
    host name but 127.0.0.1 and localhost resolves: no test reaches any other address."""
    import socket

    from tests.feedserver import FeedServer, only_loopback

    monkeypatch.setattr(socket, "getaddrinfo", only_loopback(socket.getaddrinfo))
    server = FeedServer().start()
    yield server
    server.stop()


@pytest.fixture
def archive(tmp_path: Path):  # type: ignore[no-untyped-def]
    """An empty archive (no seeds) for feeds to be fetched into."""
    from store import Store

    with Store.open(tmp_path / "feeds.db", seed=False) as store:
        yield store


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write bytes or text to a file in tmp_path and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def seeded(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A store holding the five bundled seeds, and a map from seed prefix to article id."""
    from store import Store

    store = Store.open(tmp_path / "seeded.db", seed=True)
    ids = {Path(path).name[:3]: article_id for path, article_id in store.db.execute("SELECT path, id FROM articles")}
    yield store, ids
    store.close()


@pytest.fixture
def quiet_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user config file: the defaults, whatever the machine running the tests has."""
    monkeypatch.setenv("NEWSDESK_CONFIG", str(tmp_path / "no-config.toml"))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[str]:
    """A database file holding the bundled seeds (the app tests' archive)."""
    from store import Store

    path = tmp_path / "app.db"
    with Store.open(path) as store:
        store.ingest([str(p) for p in bundled_files()])
    yield str(path)


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user can enter and write in (pytest's own are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-shared-"))
    folder.chmod(0o777)
    yield folder
    for path in folder.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o777)
    shutil.rmtree(folder)
