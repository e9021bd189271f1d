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


class DocumentCounts:
    """How many archive articles hold each term, counted up to `cap` and kept. Only terms held
    by fewer than `cap` articles can be used, so a count stops there: the vocabulary's own
    count walks a term's whole list (13 ms for 'the' at 100,000 articles), a capped one stops
    at the cap. Common terms are the same in every article, so after the first few questions
    they are known. Kept counts are dropped once the archive has grown or shrunk by more than
    `DRIFT` (an idf hardly moves meanwhile), or the cap changes."""

    DRIFT = 0.02
    MOST = 300_000

    def __init__(self) -> None:
        self.total = 0
        self.cap = 0
        self.counts: dict[str, int] = {}
        self.lock = threading.Lock()

    def of(self, conn: sqlite3.Connection, terms: Iterable[str], total: int, cap: int) -> dict[str, int]:
        """Each term's count of articles, or `cap` for a term held by `cap` or more."""
        with self.lock:
            drifted = abs(total - self.total) > self.DRIFT * max(self.total, 1)
            if drifted or cap != self.cap or len(self.counts) > self.MOST:
                self.total, self.cap, self.counts = total, cap, {}
            known = self.counts  # read without the lock: a dict lookup is atomic
        found: dict[str, int] = {}
        for term in terms:
            count = known.get(term)
            if count is None:
                quoted = '"' + term.replace('"', '""') + '"'
                row = conn.execute(
                    "SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)",
                    (quoted, cap),
                ).fetchone()
                count = int(row[0])
                with self.lock:
                    known[term] = count
            found[term] = count
        return found


_kept: dict[str, DocumentCounts] = {}
_kept_lock = threading.Lock()


def document_counts(archive: str) -> DocumentCounts:
    """The kept counts of the archive at `archive` (one per file, shared by its connections)."""
    with _kept_lock:
        return _kept.setdefault(archive, DocumentCounts())


def idf(documents: int, total: int) -> float:
    return math.log(1 + total / max(documents, 1))
