"""The app's w: why the highlighted (or open) article is in the results, said in a notice."""

from __future__ import annotations

from textual.app import App

from articles.errors import NewsdeskError
from articles.sanitize import sanitize_line
from tui.data import borrowed
from tui.messages import Problem


class WhyListed:
    """Explains one article's place in the results, off the event loop."""

    def __init__(self, app: App[None], db_path: str) -> None:
        self.app = app
        self.db_path = db_path

    def explain(self, article_id: int, query: str, entity_ids: tuple[int, ...]) -> None:
        self.app.run_worker(
            lambda: self._explain(article_id, query, entity_ids), thread=True, group="why", exit_on_error=False
        )

    def _explain(self, article_id: int, query: str, entity_ids: tuple[int, ...]) -> None:
        try:
            with borrowed(self.db_path) as store:
                text = store.explain(article_id, query, entity_ids)
        except NewsdeskError as error:
            self.app.post_message(Problem(error.message))
            return
        self.app.call_from_thread(self.app.notify, sanitize_line(text), title="Why it is listed", markup=False)
