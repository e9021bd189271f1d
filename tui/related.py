"""The app's related articles: found in a worker once an article opens, then shown under it."""

from __future__ import annotations

from textual.app import App
from textual.message import Message
from textual.worker import get_current_worker

from articles.errors import NewsdeskError
from store import RelatedArticle
from tui.data import borrowed
from tui.messages import Problem

SHOWN = 5


class RelatedLoaded(Message):
    """The related articles of one article, found by a worker."""

    def __init__(self, article_id: int, found: list[RelatedArticle]) -> None:
        super().__init__()
        self.article_id = article_id
        self.found = found


class RelatedFinder:
    """Finds an article's related articles off the event loop, the latest request winning."""

    def __init__(self, app: App[None], db_path: str) -> None:
        self.app = app
        self.db_path = db_path

    def find(self, article_id: int) -> None:
        self.app.run_worker(
            lambda: self._find(article_id), thread=True, group="related", exclusive=True, exit_on_error=False
        )

    def _find(self, article_id: int) -> None:
        try:
            with borrowed(self.db_path) as store:
                found = store.related(article_id, limit=SHOWN)
        except NewsdeskError as error:
            self.app.post_message(Problem(error.message))
            return
        if not get_current_worker().is_cancelled:
            self.app.post_message(RelatedLoaded(article_id, found))
