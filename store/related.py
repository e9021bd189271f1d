"""Related articles: the archive's articles that share an article's rare terms and entities,
closest in time first among equals. Candidates come from the index's lists of the article's
most telling terms, read up to a fixed budget of entries (so the cost follows how rare they
are, not the archive's size)."""

from __future__ import annotations

import datetime as dt
import heapq
import json
import math
import sqlite3
from dataclasses import dataclass, field, replace

from store.lengths import average_length, lengths
from store.models import RelatedArticle
from store.rows import day, line, optional_line
from store.terms import DocumentCounts, Term, article_terms, idf

QUERY_TERMS = 40
# The most index entries one question reads: what bounds its cost as the archive grows.
POSTINGS = 10_000
# No one term may take more than 40% of them.
MOST_HELD = 4_000
# A term in more than this share of the archive tells nothing about a subject.
MOST_COMMON = 0.5
# In an archive this small a term in nearly every article still tells one from another.
SMALL_ARCHIVE = 20
# Every term of the article is counted this far at first (most are rarer).
FIRST_COUNT = 200
# Articles sharing the most weight of terms, then weighed by their length; the best go on.
SHORTLIST = 250
CANDIDATES = 200
# Length normalisation as BM25's for a term held once (k1, b).
K1 = 1.2
B = 0.75
ENTITY_WEIGHT = 0.03
# How much closeness in time counts, and over how many days it halves.
TIME_SHARE = 0.3
TIME_DAYS = 30.0
EXPLAINED_TERMS = 6
# The why names shared words among the article's most telling ones.
EXPLAINED_FROM = 8
READ_CHARS = 60_000
EXPLAINED_ENTITIES = 4


@dataclass(frozen=True)
class _Chosen:
    """A term the question asks with: its weight and the ids (as text) of its articles."""

    term: Term
    weight: float
    articles: list[str]


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
    candidates = _by_shared_terms(conn, chosen, article_id)
    _add_entities(conn, article_id, candidates, total)
    found = _ranked(conn, candidates, day(row[2]), limit)
    return _explained(found, chosen)


def _explained(found: list[RelatedArticle], chosen: list[_Chosen]) -> list[RelatedArticle]:
    """Each listed article with the article's most telling terms it holds too, most telling first."""
    holding = [(line(term.term.word), set(term.articles)) for term in chosen[:EXPLAINED_FROM]]
    return [
        replace(item, terms=tuple(word for word, others in holding if str(item.id) in others)[:EXPLAINED_TERMS])
        for item in found
    ]


def article_term_list(scratch: sqlite3.Connection, title: object, body: object) -> list[Term]:
    """The terms of the article's start: a very long article (a book, a log) is known by it."""
    return article_terms(scratch, str(title or ""), str(body or "")[:READ_CHARS])


def _telling_terms(conn: sqlite3.Connection, counts: DocumentCounts, terms: list[Term], total: int) -> list[_Chosen]:
    """The article's terms that others share and few hold, by tf-idf, most telling first,
    with their lists of articles, as many as the budget of index entries allows. A common
    term's count may be an estimate: its list is read only as far as the budget has room
    (and dropped if longer), and the lists read in all stop at twice the budget."""
    held = counts.of(conn, [term.term for term in terms], total, FIRST_COUNT)
    most = min(MOST_HELD - 1, max(MOST_COMMON * total, min(total - 1, SMALL_ARCHIVE)))
    weighted = [(term, _weight(term, held[term.term].articles, total)) for term in terms]
    weighted = [(term, weight) for term, weight in weighted if 2 <= held[term.term].articles <= most]
    weighted.sort(key=lambda pair: -pair[1])
    chosen: list[_Chosen] = []
    postings = walked = 0
    for term, weight in weighted[:QUERY_TERMS]:
        room = min(MOST_HELD - 1, POSTINGS - postings)
        known = held[term.term]
        if (known.exact and known.articles > room) or walked >= 2 * POSTINGS:
            continue
        others = _articles_holding(conn, term.term, room + 1)
        walked += len(others)
        if len(others) > room:
            continue
        if not known.exact:
            counts.learn(term.term, len(others))
            weight = _weight(term, len(others), total)
        chosen.append(_Chosen(term, weight, others))
        postings += len(others)
    chosen.sort(key=lambda item: -item.weight)
    return chosen


def _weight(term: Term, documents: int, total: int) -> float:
    return (1 + math.log(term.count)) * idf(documents, total)


def _by_shared_terms(conn: sqlite3.Connection, chosen: list[_Chosen], article_id: int) -> dict[int, _Candidate]:
    """The articles holding the most weight of the chosen terms, then weighed by their length
    as BM25 weighs an article holding each term once. The index only lists each term's
    articles, as one string (BM25 would read every listed article's sizes and positions, and
    a row per article costs more than the sum: each is 3-4 times as slow)."""
    sums: dict[str, float] = {}
    add = sums.get
    for term in chosen:
        weight = term.weight
        for key in term.articles:
            sums[key] = add(key, 0.0) + weight
    sums.pop(str(article_id), None)
    shortlist = [int(key) for key in heapq.nlargest(SHORTLIST, sums, key=sums.__getitem__)]
    average = average_length(conn)
    sizes = lengths(conn, shortlist)
    scored = []
    for other in shortlist:
        relative = sizes[other] / average if other in sizes and average else 1.0
        scored.append((sums[str(other)] * (K1 + 1) / (1 + K1 * (1 - B + B * relative)), other))
    scored.sort(key=lambda item: (-item[0], -item[1]))
    best = scored[0][0] if scored and scored[0][0] > 0 else 1.0
    return {other: _Candidate(text=score / best) for score, other in scored[:CANDIDATES]}


def _articles_holding(conn: sqlite3.Connection, term: str, most: int) -> list[str]:
    """The ids (as text) of the first `most` articles whose index lists `term`."""
    quoted = '"' + term.replace('"', '""') + '"'
    row = conn.execute(
        "SELECT group_concat(rowid) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)",
        (quoted, most),
    ).fetchone()
    return str(row[0]).split(",") if row and row[0] else []


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
