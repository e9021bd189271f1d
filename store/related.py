"""Related articles: the archive's articles that share an article's rare terms and entities,
closest in time first among equals. Candidates come from the index's lists of the article's
most telling terms (so the cost follows how rare they are, not the archive's size)."""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field, replace

from store.models import RelatedArticle
from store.rows import day, line, optional_line
from store.terms import DocumentCounts, Term, article_terms, idf

QUERY_TERMS = 30
# The most index entries one question reads: what bounds its cost as the archive grows.
POSTINGS = 8_000
# A term in more than this share of the archive tells nothing about a subject.
MOST_COMMON = 0.5
# In an archive this small a term in nearly every article still tells one from another.
SMALL_ARCHIVE = 20
CANDIDATES = 200
ENTITY_WEIGHT = 0.03
# How much closeness in time counts, and over how many days it halves.
TIME_SHARE = 0.3
TIME_DAYS = 30.0
TITLE_BM25 = 3.0
EXPLAINED_TERMS = 6
# The why names shared words among the article's most telling ones (each is one lookup).
EXPLAINED_FROM = 8
READ_CHARS = 60_000
EXPLAINED_ENTITIES = 4


@dataclass
class _Candidate:
    text: float = 0.0
    entities: list[tuple[str, float]] = field(default_factory=list)
    entity: float = 0.0


def related_articles(
    conn: sqlite3.Connection, scratch: sqlite3.Connection, counts: DocumentCounts, article_id: int, limit: int
) -> list[RelatedArticle] | None:
    """The `limit` articles most related to `article_id`, best first (None: no such article)."""
    row = conn.execute("SELECT title, body, published FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    total = int(conn.execute("SELECT max(id) FROM articles").fetchone()[0] or 0)
    chosen = _telling_terms(conn, counts, article_term_list(scratch, row[0], row[1]), total)
    candidates = _by_rank(conn, chosen, article_id)
    _add_entities(conn, article_id, candidates, total)
    found = _ranked(conn, candidates, day(row[2]), limit)
    return _explained(conn, found, chosen)


def _explained(
    conn: sqlite3.Connection, found: list[RelatedArticle], chosen: list[tuple[Term, float]]
) -> list[RelatedArticle]:
    """Each listed article with the article's most telling words it holds too."""
    ids = json.dumps([item.id for item in found])
    holds: dict[int, list[str]] = defaultdict(list)
    for term, _ in chosen[:EXPLAINED_FROM]:
        quoted = '"' + term.term.replace('"', '""') + '"'
        rows = conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))",
            (quoted, ids),
        )
        for (other,) in rows:
            holds[other].append(line(term.word))
    return [replace(item, terms=tuple(holds[item.id][:EXPLAINED_TERMS])) for item in found]


def article_term_list(scratch: sqlite3.Connection, title: object, body: object) -> list[Term]:
    """The terms of the article's start: a very long article (a book, a log) is known by it."""
    return article_terms(scratch, str(title or ""), str(body or "")[:READ_CHARS])


def _telling_terms(
    conn: sqlite3.Connection, counts: DocumentCounts, terms: list[Term], total: int
) -> list[tuple[Term, float]]:
    """The article's terms that others share and few hold, by tf-idf, most telling first."""
    documents = counts.of(conn, [term.term for term in terms], total, POSTINGS)
    most = min(POSTINGS - 1, max(MOST_COMMON * total, min(total - 1, SMALL_ARCHIVE)))
    weighted = [
        (term, (1 + math.log(term.count)) * idf(documents[term.term], total))
        for term in terms
        if 2 <= documents[term.term] <= most
    ]
    weighted.sort(key=lambda pair: -pair[1])
    chosen, postings = [], 0
    for term, weight in weighted[:QUERY_TERMS]:
        if postings + documents[term.term] <= POSTINGS:
            chosen.append((term, weight))
            postings += documents[term.term]
    return chosen


def _by_rank(conn: sqlite3.Connection, chosen: list[tuple[Term, float]], article_id: int) -> dict[int, _Candidate]:
    """The articles BM25 ranks best for the terms OR-ed together (the index does the sums)."""
    if not chosen:
        return {}
    query = " OR ".join('"' + term.term.replace('"', '""') + '"' for term, _ in chosen)
    rows = conn.execute(
        f"SELECT rowid, bm25(articles_fts, {TITLE_BM25}, 1.0, 0.0) FROM articles_fts WHERE articles_fts MATCH ? "
        "ORDER BY 2 LIMIT ?",
        (query, CANDIDATES + 1),
    ).fetchall()
    rows = [(other, -score) for other, score in rows if other != article_id]
    best = max((score for _, score in rows), default=1.0) or 1.0
    return {other: _Candidate(text=score / best) for other, score in rows}


def _add_entities(conn: sqlite3.Connection, article_id: int, candidates: dict[int, _Candidate], total: int) -> None:
    """The entities each candidate shares with the article, weighted by how rare each is."""
    named = {
        entity_id: (name, idf(articles, total))
        for entity_id, name, articles in conn.execute(
            "SELECT e.id, e.name, e.articles FROM article_entities ae JOIN entities e ON e.id = ae.entity_id "
            "WHERE ae.article_id = ?",
            (article_id,),
        )
    }
    if not named or not candidates:
        return
    whole = sum(weight for _, weight in named.values())
    shared = conn.execute(
        "SELECT article_id, entity_id FROM article_entities WHERE article_id IN (SELECT value FROM json_each(?)) "
        "AND entity_id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(candidates)), json.dumps(list(named))),
    )
    for other, entity_id in shared:
        name, weight = named[entity_id]
        candidates[other].entity += weight / whole
        candidates[other].entities.append((name, weight))


def _ranked(
    conn: sqlite3.Connection, candidates: dict[int, _Candidate], when: object, limit: int
) -> list[RelatedArticle]:
    """Scored with closeness in time (dates read through the filter index, not the rows with
    their bodies), and the best read whole."""
    dates = conn.execute(
        "SELECT id, published FROM articles INDEXED BY articles_filters WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(candidates)),),
    ).fetchall()
    scored = []
    for other, published in dates:
        candidate = candidates[other]
        closeness = _closeness(when, day(published))
        scored.append(
            ((candidate.text + ENTITY_WEIGHT * candidate.entity) * (1 - TIME_SHARE + TIME_SHARE * closeness), other)
        )
    scored.sort(key=lambda item: (-item[0], -item[1]))
    best = dict((other, score) for score, other in scored[:limit])
    rows = conn.execute(
        "SELECT id, title, published, source FROM articles WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(best)),),
    ).fetchall()
    found = [
        RelatedArticle(
            other,
            line(title),
            _iso(day(published)),
            optional_line(source),
            round(best[other], 4),
            (),
            tuple(
                line(name)
                for name, _ in sorted(candidates[other].entities, key=lambda pair: -pair[1])[:EXPLAINED_ENTITIES]
            ),
        )
        for other, title, published, source in rows
    ]
    return sorted(found, key=lambda item: (-best[item.id], -item.id))


def _iso(when: dt.date | None) -> str | None:
    return when.isoformat() if when else None


def _closeness(one: object, other: object) -> float:
    """1 on the same day, halving every TIME_DAYS apart; 0.5 when either is undated."""
    if not isinstance(one, dt.date) or not isinstance(other, dt.date):
        return 0.5
    return float(0.5 ** (abs((one - other).days) / TIME_DAYS))
