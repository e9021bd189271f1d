"""The archive kept in step while the app is open: the config's folders ingested at start and
watched for new and changed files, and the timeline searched again when any process (this
app's watcher, another `ingest`, a `fetch`) has changed the archive's articles. Every look at
the archive runs on a worker thread; the event loop only starts them."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence

from textual.app import App
from textual.widget import Widget

from articles.errors import NewsdeskError
from store import IngestReport, Store, StorePool

# How often the archive is asked whether another connection wrote to it (PRAGMA data_version,
# which reads no table); only when it says so are the archive's change marks read.
CHECK_SECONDS = 0.5


class ArchiveWatch:
    """Watches folders into the archive, and the archive for articles written by anyone."""

    def __init__(self, owner: Widget, pool: StorePool, folders: Sequence[str], changed: Callable[[], None]) -> None:
        """`changed` runs on the app's thread when the archive's articles have changed. The
        workers belong to the app, whose one handler reports what fails in them."""
        self.owner = owner
        self.pool = pool
        self.folders = list(folders)
        self.changed = changed
        self.stop = threading.Event()
        self.probe: Store | None = None
        self.version: int | None = None
        self.marks: tuple[str, ...] | None = None

    @property
    def app(self) -> App[object]:
        return self.owner.app

    def start(self) -> None:
        if self.folders:
            self.app.run_worker(self._watch, thread=True, group="watch", exit_on_error=False)
            self.app.run_worker(self._scan, thread=True, group="scan", exit_on_error=False)
        self.owner.set_interval(CHECK_SECONDS, self._check)

    def close(self) -> None:
        self.stop.set()
        probe, self.probe = self.probe, None
        if probe is not None:
            probe.close()  # a look still running on it fails quietly, as a look may

    def _check(self) -> None:
        if not self.stop.is_set():
            self.app.run_worker(self._look, thread=True, group="archive-check", exclusive=True, exit_on_error=False)

    def _look(self) -> None:
        """On a worker thread: whether the archive's articles changed since the last look."""
        try:
            if self.probe is None:
                self.probe = Store.open(self.pool.path, seed=False, any_thread=True, create=False)
            version = self.probe.data_version()
            if version == self.version:
                return
            self.version = version
            marks = self.probe.change_marks()
        except NewsdeskError:
            return  # the next look tries again; a search says what is wrong meanwhile
        previous, self.marks = self.marks, marks
        if previous is not None and marks != previous and not self.stop.is_set():
            self.app.call_from_thread(self.changed)

    def _scan(self) -> None:
        """On a worker thread: ingest the folders as they are now (what was read before is skipped)."""
        with self.pool.borrow() as store:
            report = store.ingest(self.folders, workers=1)
        for path, reason in report.failed[:3]:
            self.app.call_from_thread(self._warn, f"watched folders: {path}: {reason}")
        self._show(report)

    def _warn(self, text: str) -> None:
        self.app.notify(text, severity="warning", markup=False)

    def _show(self, report: IngestReport) -> None:
        """Search again at once for what this app ingested (not waiting for the next look)."""
        if (report.added or report.updated) and not self.stop.is_set():
            self.app.call_from_thread(self.changed)

    def _watch(self) -> None:
        """On a worker thread: ingest each burst of new and changed files, until the app closes."""
        from discover import watch_files

        folders = [folder for folder in self.folders if os.path.isdir(folder)]
        if not folders:
            return
        try:
            for files in watch_files(folders, self.stop):
                with self.pool.borrow() as store:
                    self._show(store.ingest(files, workers=1))
        except OSError as error:
            raise NewsdeskError(f"cannot watch {', '.join(folders)}: {error.strerror or error}") from None
