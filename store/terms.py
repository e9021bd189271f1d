"""An article's terms as the search index knows them (stemmed by the same FTS5 tokenizer, in a
private in-memory table), their surface words, and how many archive articles hold each."""

from __future__ import annotations

import math
import re
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from store.schema import TOKENIZER

# A title word says more about what an article is about than a body word.
TITLE_WEIGHT = 3.0
_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Term:
    """One stemmed term of an article: its weight there and a word it was written as."""

    term: str
    count: float
    word: str


def prepare(scratch: sqlite3.Connection) -> None:
    """The private tables an article is tokenized in (once per scratch connection)."""
    scratch.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS doc USING fts5 (title, body, tokenize='{TOKENIZER}')")
    scratch.execute("CREATE VIRTUAL TABLE IF NOT EXISTS doc_terms USING fts5vocab (doc, 'instance')")


def article_terms(scratch: sqlite3.Connection, title: str, body: str) -> list[Term]:
    """The article's stemmed terms (digits-only ones left out), title occurrences weighted up."""
    prepare(scratch)
    with scratch:
        scratch.execute("INSERT INTO doc (rowid, title, body) VALUES (1, ?, ?)", (title, body))
        rows = scratch.execute("SELECT term, col, offset FROM doc_terms").fetchall()
        scratch.execute("DELETE FROM doc")
    tokens = {"title": _TOKEN.findall(title.lower()), "body": _TOKEN.findall(body.lower())}
    counts: dict[str, float] = {}
    words: dict[str, dict[str, int]] = {}
    for term, column, offset in rows:
        if term.isdigit() or len(term) < 2:
            continue
        counts[term] = counts.get(term, 0.0) + (TITLE_WEIGHT if column == "title" else 1.0)
        written = tokens[column][offset] if offset < len(tokens[column]) else term
        seen = words.setdefault(term, {})
        seen[written] = seen.get(written, 0) + 1
    return [Term(term, count, max(words[term], key=lambda word: words[term][word])) for term, count in counts.items()]


@dataclass(frozen=True)
class Held:
    """How many articles hold a term: counted, or estimated (for a common term)."""

    articles: int
    exact: bool


class DocumentCounts:
    """How many archive articles hold each term, kept. A term is counted up to a cap: a
    commoner one is estimated from the id of its cap-th article (ids grow as articles come
    in, so a term spread over the archive holds about cap × max id / that id), instead of
    walking its whole list (13 ms for 'the' at 100,000 articles; a walk to 4,000 is 0.5 ms, and
    a new article has dozens of such words). A list read whole later makes the count exact.
    Kept counts are dropped once the archive has grown or shrunk by more than `DRIFT` (an
    idf hardly moves meanwhile), or the cap changes."""

    DRIFT = 0.02
    MOST = 300_000

    def __init__(self) -> None:
        self.total = 0
        self.cap = 0
        self.counts: dict[str, Held] = {}
        self.lock = threading.Lock()

    def of(self, conn: sqlite3.Connection, terms: Iterable[str], total: int, cap: int) -> dict[str, Held]:
        """Each term's count of articles: exact below `cap`, else perhaps estimated."""
        with self.lock:
            drifted = abs(total - self.total) > self.DRIFT * max(self.total, 1)
            if drifted or cap != self.cap or len(self.counts) > self.MOST:
                self.total, self.cap, self.counts = total, cap, {}
            known = self.counts  # read without the lock: a dict lookup is atomic
        found: dict[str, Held] = {}
        for term in terms:
            held = known.get(term)
            if held is None:
                quoted = '"' + term.replace('"', '""') + '"'
                count, last = conn.execute(
                    "SELECT count(*), max(rowid) FROM "
                    "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid LIMIT ?)",
                    (quoted, cap),
                ).fetchone()
                held = Held(count, True) if count < cap else Held(max(cap, round(cap * total / max(last, 1))), False)
                with self.lock:
                    known[term] = held
            found[term] = held
        return found

    def learn(self, term: str, articles: int) -> None:
        """A term's exact count, from its list read whole."""
        with self.lock:
            self.counts[term] = Held(articles, True)


_kept: dict[str, DocumentCounts] = {}
_kept_lock = threading.Lock()


def document_counts(archive: str) -> DocumentCounts:
    """The kept counts of the archive at `archive` (one per file, shared by its connections)."""
    with _kept_lock:
        return _kept.setdefault(archive, DocumentCounts())


def idf(documents: int, total: int) -> float:
    return math.log(1 + total / max(documents, 1))
