"""The newsdesk app: the main screen over one archive, the command palette, and the one place
where a worker's failure becomes something the user reads."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import App
from textual.binding import Binding
from textual.worker import Worker, WorkerState

from articles.errors import NewsdeskError
from articles.sanitize import sanitize_line
from store import Cancelled, StorePool
from tui.config import Config, apply_config, load_config
from tui.screens.help import HelpScreen, help_sections
from tui.screens.main import MainScreen
from tui.session import Session, restore_session

if TYPE_CHECKING:
    from textual.command import Provider


class NewsdeskApp(App[None]):
    """Read, search and slice a news archive offline."""

    CSS_PATH = "app.tcss"
    TITLE = "newsdesk"
    COMMANDS = App.COMMANDS | {lambda: _palette()}
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, pool: StorePool, config: Config | None = None, session: Session | None = None) -> None:
        super().__init__()
        self.pool = pool
        self.config = config or Config()
        self.main = MainScreen(pool, session or Session(), self.config.folders)

    def on_mount(self) -> None:
        for problem in apply_config(self, self.config):
            self.notify(problem, severity="warning", timeout=8, markup=False)
        self.call_after_refresh(gc.freeze)

    def get_default_screen(self) -> MainScreen:
        return self.main

    def on_unmount(self) -> None:
        self.pool.close()

    @on(Worker.StateChanged)
    def on_worker_failed(self, event: Worker.StateChanged) -> None:
        """Every worker's failure, said one way: a search's under the search bar (the results
        stay), any other's as an error notification. A search typed past says nothing."""
        worker, error = event.worker, event.worker.error
        if event.state != WorkerState.ERROR or error is None or worker.is_cancelled or isinstance(error, Cancelled):
            return
        text = sanitize_line(error.message if isinstance(error, NewsdeskError) else f"unexpected error: {error}")
        if worker.group == "search":
            self.main.search_failed(text)
        else:
            self.notify(text, severity="error", markup=False)

    def action_help(self) -> None:
        bindings = [*MainScreen.BINDINGS, *self.BINDINGS]
        self.push_screen(HelpScreen(help_sections(bindings), dict(self.config.keys)))


def _palette() -> type[Provider]:
    """The command palette's provider, imported when the palette first opens."""
    from tui.palette import NewsdeskCommands

    return NewsdeskCommands


def make_app(db_path: str | Path, config: Config | None = None, preload: bool = True) -> NewsdeskApp:
    """The app on the database at `db_path` (the console script and the tests both call this).
    The last session (and, when `preload`, its first page) is read here, before the first frame."""
    pool = StorePool(str(db_path))
    session = restore_session(pool, preload)
    return NewsdeskApp(pool, config if config is not None else load_config(), session)
