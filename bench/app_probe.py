"""Run the app headless in its own process and time what a user feels: start to a painted
timeline, a `j` keypress to the next frame, a typed search to results on screen, peak RSS.
With --bare it times a minimal Textual app instead (the floor)."""

from __future__ import annotations

import time

START = time.monotonic()

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402


class Frames:
    """Each frame the app composes for its terminal, with whether `watch` held when it did."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        self.times: list[tuple[float, bool]] = []
        self.watch = lambda: True
        original = app._display

        def display(screen, renderable) -> None:  # type: ignore[no-untyped-def]
            if renderable is not None:
                self.times.append((time.monotonic(), bool(self.watch())))
            original(screen, renderable)

        app._display = display

    async def first(self, watch, since: int = 0, timeout: float = 30.0) -> float:  # type: ignore[no-untyped-def]
        """The time of the first frame, after frame `since`, composed while `watch()` held."""
        self.watch = watch
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for stamp, held in self.times[since:]:
                if held:
                    return stamp
            await asyncio.sleep(0.0005)
        raise TimeoutError("no frame showed the change")


def _key(app, key: str) -> None:  # type: ignore[no-untyped-def]
    from textual import events

    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    app._driver.send_message(event)


def probe_app(database: str, queries: list[str], start_only: bool = False, folded: bool = False) -> dict[str, object]:
    from tui.app import make_app
    from tui.config import Config
    from tui.widgets.timeline import Timeline

    found: dict[str, object] = {}
    app = make_app(database, Config())
    frames = Frames(app)

    def filled() -> bool:
        timelines = app.query(Timeline)
        return bool(timelines and timelines.first().results and timelines.first().results.total)  # type: ignore[union-attr]

    frames.watch = filled

    async def drive(pilot) -> None:  # type: ignore[no-untyped-def]
        found["first_paint_s"] = await frames.first(frames.watch)
        # Queried once painted: the main screen composes its panes after the pilot starts.
        timeline = app.query_one(Timeline)
        if start_only:
            app.exit()
            return
        await pilot.pause(0.3)
        # The session may have left the timeline folded (or not): measure the one asked for.
        if getattr(app.main, "folded", False) != folded:
            _key(app, "z")
            await frames.first(lambda: bool(timeline.results and timeline.results.search.folded == folded))
            await app.workers.wait_for_complete()
            await pilot.pause(0.3)
        keys = []
        for _ in range(60):
            count, cursor = len(frames.times), timeline.cursor
            start = time.monotonic()
            total = timeline.results.total if timeline.results else 0
            _key(app, "j" if cursor < total - 1 else "g")
            painted = await frames.first(lambda c=cursor: timeline.cursor != c, count)
            keys.append((painted - start) * 1000)
            await asyncio.sleep(0.02)
        found["key_ms"] = keys
        typed = []
        for query in queries:
            app.query_one("#query").focus()
            app.query_one("#query").value = ""  # type: ignore[attr-defined]
            await pilot.pause(0.2)
            await app.workers.wait_for_complete()
            for char in query:
                _key(app, char)
                await asyncio.sleep(0.03)
            start = time.monotonic()
            count = len(frames.times)
            painted = await frames.first(lambda q=query: bool(timeline.results and timeline.results.query == q), count)
            typed.append((painted - start) * 1000)
        found["typed_ms"] = typed
        app.exit()

    app.run(headless=True, size=(120, 40), auto_pilot=drive)
    return found


def probe_bare() -> dict[str, object]:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Static

    found: dict[str, object] = {}

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("hello")
            yield Footer()

    app = Bare()
    frames = Frames(app)

    async def drive(pilot) -> None:  # type: ignore[no-untyped-def]
        found["first_paint_s"] = await frames.first(lambda: True)
        pilot.app.exit()

    app.run(headless=True, size=(120, 40), auto_pilot=drive)
    return found


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM rather than ru_maxrss: on Linux ru_maxrss
    keeps the high-water mark of the forked copy of the parent from before exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    parser.add_argument("--bare", action="store_true")
    parser.add_argument("--queries", default="[]")
    parser.add_argument("--start-only", action="store_true", help="stop at the first painted frame")
    parser.add_argument("--folded", action="store_true", help="keys and searches with one row per story")
    args = parser.parse_args()
    found = probe_bare() if args.bare else probe_app(args.db, json.loads(args.queries), args.start_only, args.folded)
    found["peak_rss_mb"] = peak_rss_mb()
    found["started"] = START
    sys.stdout.write(json.dumps(found) + "\n")


if __name__ == "__main__":
    main()
