"""The app's session: what it saves as the user goes (query, filters, order, open article)
and restores on launch, read before the first frame so that the first paint already shows
the timeline."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from articles.errors import NewsdeskError
from store import EntityFacet, Sort, Store, StorePool
from tui.data import ResultSet, load_results

STATE_KEY = "ui_state"
# The saved query is searched before the first frame only if that is quick; otherwise the
# app starts at once and searches in a worker (a saved query must never hold up start-up).
PRELOAD_SECONDS = 0.3


@dataclass
class Session:
    query: str = ""
    sort: Sort = "rank"
    chosen: dict[int, EntityFacet] = field(default_factory=dict)
    article: int | None = None
    reading: bool = True
    """Whether `article` was open in the reader (else only highlighted in the timeline)."""
    folded: bool = False
    """Whether the timeline shows one row per story."""
    results: ResultSet | None = None
    row: int | None = None
    """Folded, the article whose row shows `article` (its story's lead), read with `results`."""

    def to_json(self) -> str:
        return json.dumps(
            {
                "query": self.query,
                "entities": list(self.chosen),
                "sort": self.sort,
                "article": self.article,
                "reading": self.reading,
                "folded": self.folded,
            }
        )


def restore_session(pool: StorePool, preload: bool = True) -> Session:
    """The last session's state, and (when `preload`) its first page of results."""
    try:
        with pool.borrow() as store:
            state = json.loads(store.meta(STATE_KEY) or "{}")
            names = store.entity_names([int(i) for i in state.get("entities", [])])
    except (NewsdeskError, ValueError, TypeError):
        state, names = {}, {}
    session = Session(
        query=state.get("query") if isinstance(state.get("query"), str) else "",
        sort="date" if state.get("sort") == "date" else "rank",
        chosen={i: EntityFacet(i, name, kind, 0) for i, (name, kind) in names.items()},
        article=state.get("article") if isinstance(state.get("article"), int) else None,
        reading=state.get("reading") is not False,  # states saved before it was kept: as they were
        folded=state.get("folded") is True,
    )
    if preload:
        try:
            search = pool.prepare(session.query, tuple(session.chosen), session.sort).folding(session.folded)
            session.results = load_results(search, seconds=PRELOAD_SECONDS)
            if session.folded and session.article is not None:
                session.row = search.lead_of(session.article)
        except NewsdeskError:
            session.results = None
    return session


def save_session(store: Store, session: Session) -> None:
    """Remember `session` in the archive (a read-only one keeps none)."""
    store.set_meta(STATE_KEY, session.to_json())
