"""Messages workers post back to the app (thread-safe); widgets never get touched from a thread."""

from __future__ import annotations

from textual.message import Message

from store import Facets, StoredArticle
from tui.data import ResultSet


class ResultsLoaded(Message):
    def __init__(self, results: ResultSet, generation: int, select_id: int | None, near: int | None = None) -> None:
        """`select_id`: the article to put the cursor on; `near`: where it goes when that
        article is not among the results (the place of one just deleted)."""
        super().__init__()
        self.results = results
        self.generation = generation
        self.select_id = select_id
        self.near = near


class FacetsLoaded(Message):
    def __init__(self, facets: Facets, generation: int) -> None:
        super().__init__()
        self.facets = facets
        self.generation = generation


class SearchFailed(Message):
    def __init__(self, error: str, generation: int) -> None:
        super().__init__()
        self.error = error
        self.generation = generation


class ArticleLoaded(Message):
    def __init__(self, stored: StoredArticle, index: int | None, focus: bool) -> None:
        super().__init__()
        self.stored = stored
        self.index = index
        self.focus = focus


class StateChanged(Message):
    """Reading state changed for an article (star, read) and the views should follow."""

    def __init__(self, stored: StoredArticle) -> None:
        super().__init__()
        self.stored = stored


class Problem(Message):
    """Something failed in a worker; the app shows it and keeps running."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
