"""Snippets for the hits a search's own snippet() left without one, bounded in what they scan
and in time. FTS5's snippet() and highlight() cost time that grows with the square of a body's
matches (62 s for one 8 MB article, 541 s for a 200,000-line one), and SQLite cannot stop an
auxiliary function once it runs, so the search runs snippet() only on bodies of at most DIRECT
characters. A longer body's snippet comes from its first SCAN characters, cut into pieces of
CHUNK characters that a private in-memory FTS5 table (with the archive's tokenizer, so stems
and diacritics match as in the search) indexes for the page; the best-ranked piece gives the
snippet. A hit with no match there (further in, or only in its title) shows the start of its
body. All of it within a time budget, checked between rows."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import replace

from store.errors import Cancelled
from store.models import SNIPPET_CLOSE, SNIPPET_OPEN, SearchHit, SearchPage
from store.rows import LEAD_CHARS, line, marked
from store.schema import TOKENIZER

SCAN = 32 * 1024
CHUNK = 4096
# snippet() never sees more than CHUNK characters: over a body that short, or over one piece.
DIRECT = CHUNK
TOKENS = 14
PIECES = SCAN // CHUNK
SECONDS = 0.5
_TABLE = "snippet_pieces"
_STEPS = 1000


def scratch_connection() -> sqlite3.Connection:
    """The private database long bodies' snippets are computed in (it may be used from any
    thread, by one at a time, like the store that owns it)."""
    return sqlite3.connect(":memory:", check_same_thread=False)


def with_snippets(
    archive: sqlite3.Connection,
    scratch: sqlite3.Connection,
    highlight: str | None,
    page: SearchPage,
    cancelled: Callable[[], bool] | None = None,
    seconds: float = SECONDS,
) -> SearchPage:
    """The page with each hit's snippet (and the spans of its terms) or the start of its body.
    Snippets are decoration: when their time runs out, the hits not done keep the start of
    their body; only a search its caller gave up on stops, with Cancelled."""
    if all(hit.snippet for hit in page.hits):
        return page
    deadline = time.monotonic() + seconds

    def stop() -> int:
        return int(time.monotonic() > deadline or (cancelled is not None and cancelled()))

    ids = [hit.id for hit in page.hits if not hit.snippet]  # long bodies, or empty ones
    bodies: dict[int, str] = {}
    marked: dict[int, str] = {}
    for connection in (archive, scratch):
        connection.set_progress_handler(stop, _STEPS)
    try:
        bodies = _bodies(archive, ids)
        long = [article_id for article_id in ids if len(bodies.get(article_id, "")) > DIRECT]
        if highlight and long:
            _mark_in_pieces(scratch, highlight, long, bodies, marked)
    except sqlite3.Error:
        if cancelled is not None and cancelled():
            raise Cancelled("the search was replaced by a newer one") from None
    finally:
        for connection in (archive, scratch):
            connection.set_progress_handler(None, 0)
    hits = (hit if hit.snippet else _with(hit, marked.get(hit.id), bodies.get(hit.id, "")) for hit in page.hits)
    return replace(page, hits=tuple(hits))


def _with(hit: SearchHit, snippet: str | None, body: str) -> SearchHit:
    if snippet:
        shown, matches = marked(snippet)
        return replace(hit, snippet=shown, matches=matches)
    lead = line(body[: LEAD_CHARS * 2])
    if len(lead) >= LEAD_CHARS:
        lead = lead[:LEAD_CHARS].rsplit(" ", 1)[0] + "…"
    return replace(hit, snippet=lead)


def _bodies(archive: sqlite3.Connection, ids: Sequence[int]) -> dict[int, str]:
    """The first SCAN characters of each hit's body."""
    if not ids:
        return {}
    rows = archive.execute(
        "SELECT id, substr(body, 1, ?) FROM articles WHERE id IN (SELECT value FROM json_each(?))",
        (SCAN, json.dumps(list(ids))),
    )
    return {row[0]: row[1] for row in rows if isinstance(row[1], str)}


def _mark_in_pieces(
    scratch: sqlite3.Connection, highlight: str, ids: Sequence[int], bodies: dict[int, str], marked: dict[int, str]
) -> None:
    """Index the pieces in a fresh table, take each hit's best-ranked one (the first of
    equals), mark it."""
    scratch.execute(f"DROP TABLE IF EXISTS {_TABLE}")  # dropping is cheaper than deleting rows
    scratch.execute(f"CREATE VIRTUAL TABLE {_TABLE} USING fts5 (body, tokenize = '{TOKENIZER}')")
    rows = [
        (index * PIECES + number, piece)
        for index, article_id in enumerate(ids)
        for number, piece in enumerate(pieces(bodies.get(article_id, "")))
    ]
    with scratch:
        scratch.executemany(f"INSERT INTO {_TABLE} (rowid, body) VALUES (?, ?)", rows)
    best: dict[int, tuple[float, int]] = {}
    for rowid, rank in scratch.execute(f"SELECT rowid, rank FROM {_TABLE} WHERE {_TABLE} MATCH ?", (highlight,)):
        index = rowid // PIECES
        if index not in best or (rank, rowid) < best[index]:
            best[index] = (rank, rowid)
    found = scratch.execute(
        f"SELECT rowid, snippet({_TABLE}, 0, ?, ?, '…', {TOKENS}) FROM {_TABLE} "
        f"WHERE {_TABLE} MATCH ? AND rowid IN (SELECT value FROM json_each(?))",
        (SNIPPET_OPEN, SNIPPET_CLOSE, highlight, json.dumps([rowid for _, rowid in best.values()])),
    )
    for rowid, snippet in found:
        text = str(snippet)
        if rowid % PIECES and not text.startswith("…"):
            text = "…" + text  # the piece starts inside the body
        marked[ids[rowid // PIECES]] = text


def pieces(body: str) -> list[str]:
    """The start of `body` in at most PIECES pieces of up to CHUNK characters (SCAN in all),
    each cut at a space in its last quarter when there is one."""
    parts: list[str] = []
    start, end = 0, min(len(body), SCAN)
    while start < end and len(parts) < PIECES:
        stop = min(start + CHUNK, end)
        if stop < end:
            space = body.rfind(" ", start + CHUNK * 3 // 4, stop)
            stop = space + 1 if space > 0 else stop
        parts.append(body[start:stop])
        start = stop
    return parts
