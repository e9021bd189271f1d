"""A deterministic corpus of N article files that look like news: built from the Reuters and
BBC corpora in ../shared/corpus when they exist (never copied into the project), otherwise
generated. Dates spread over years, sources and entities follow a skewed distribution."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SOURCES = [
    "reuters.com", "apnews.com", "bbc.co.uk", "theguardian.com", "nytimes.com", "washingtonpost.com",
    "cnn.com", "npr.org", "aljazeera.com", "ft.com", "bloomberg.com", "latimes.com", "dw.com",
    "france24.com", "themoscowtimes.com", "scmp.com", "timesofindia.indiatimes.com", "abc.net.au",
    "cbc.ca", "local-gazette.example", "harbour-news.example", "valley-times.example",
]  # fmt: skip
START = dt.date(2000, 1, 1)
DAYS = 365 * 25


@dataclass(frozen=True)
class Base:
    title: str
    paragraphs: tuple[str, ...]


def load_bases() -> list[Base]:
    """Real stories when ../shared/corpus exists, else synthetic ones."""
    bases = _reuters() + _bbc() if SHARED.is_dir() else []
    return bases or _synthetic(3000)


def _reuters() -> list[Base]:
    path = SHARED / "reuters21578.jsonl"
    if not path.exists():
        return []
    bases = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row.get("lewissplit") == "TEST":
                continue  # held out: never measured with
            body = (row.get("body") or "").strip()
            if len(body) < 200:
                continue
            paragraphs = tuple(" ".join(p.split()) for p in re.split(r"\n\s{2,}", body) if p.strip())
            bases.append(Base(row["title"].title(), paragraphs))
    return bases


def _bbc() -> list[Base]:
    folder = SHARED / "bbc"
    if not folder.is_dir():
        return []
    bases = []
    for path in sorted(folder.glob("*/*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        title, _, body = text.partition("\n")
        paragraphs = tuple(p.strip() for p in body.split("\n") if p.strip())
        if paragraphs:
            bases.append(Base(title.strip(), paragraphs))
    return bases


_PEOPLE = ["Maria Lindqvist", "Tomas Berger", "Aisha Rahman", "Kenji Sato", "Elena Petrova", "David Okafor", "Lucia Moreno", "Peter Novak", "Hana Kim", "Omar Haddad"]  # fmt: skip
_PLACES = ["Bergen", "Lisbon", "Nairobi", "Osaka", "Quito", "Tbilisi", "Perth", "Lyon", "Kraków", "Tunis"]
_ORGS = ["Northern Fisheries Agency", "Harbour Bank", "Valley Energy Group", "Coastal Rail Company", "World Trade Organization"]  # fmt: skip
_WORDS = [
    "market",
    "prices",
    "talks",
    "council",
    "harbour",
    "energy",
    "plan",
    "vote",
    "growth",
    "trade",
    "rail",
    "port",
    "report",
    "budget",
    "shares",
]


def _synthetic(count: int) -> list[Base]:
    rng = random.Random(20261121)
    bases = []
    for number in range(count):

        def pick(items: list[str]) -> str:
            return items[min(len(items) - 1, int(rng.paretovariate(1.2)) - 1)]

        paragraphs = tuple(
            f"{pick(_PEOPLE)} said in {pick(_PLACES)} that the {pick(_ORGS)} would {rng.choice(_WORDS)} the "
            f"{rng.choice(_WORDS)} {rng.choice(_WORDS)}, as {rng.choice(_WORDS)} rose {rng.randint(1, 40)} percent."
            for _ in range(rng.randint(3, 9))
        )
        bases.append(Base(f"{pick(_PLACES)} {rng.choice(_WORDS)} {rng.choice(_WORDS)} story {number}", paragraphs))
    return bases


def articles(count: int, seed: int = 7) -> Iterator[tuple[str, str]]:
    """(file name, text) for `count` distinct articles; the same arguments give the same files."""
    bases = load_bases()
    rng = random.Random(seed)
    for number in range(count):
        base = bases[number % len(bases)]
        cycle = number // len(bases)
        paragraphs = list(base.paragraphs)
        if cycle:
            rng.shuffle(paragraphs)
        day = START + dt.timedelta(days=rng.randrange(DAYS))
        source = SOURCES[min(len(SOURCES) - 1, int(rng.paretovariate(1.1)) - 1)]
        slug = re.sub(r"[^a-z0-9]+", "-", base.title.lower()).strip("-")[:60] or "story"
        undated = rng.random() < 0.03
        date_line = "" if undated else f"{day:%B} {day.day}, {day.year}\n\n"
        url = (
            f"https://www.{source}/news/{slug}-{number}"
            if undated
            else f"https://www.{source}/{day:%Y/%m/%d}/{slug}-{number}"
        )
        text = f"{base.title}\n\n{date_line}" + "\n\n".join(paragraphs) + f"\n\nOriginal url:\n\n<{url}>\n"
        yield f"{number:06d}.txt", text


def write_files(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in articles(count):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def queries(count: int = 200, seed: int = 11) -> list[str]:
    """A fixed set of 1-3 word queries over the corpus vocabulary, some with fields."""
    bases = load_bases()
    rng = random.Random(seed)
    words: dict[str, int] = {}
    for base in bases[:4000]:
        for word in re.findall(r"[a-z]{4,}", " ".join(base.paragraphs[:2]).lower()):
            words[word] = words.get(word, 0) + 1
    common = [w for w, n in sorted(words.items(), key=lambda item: -item[1]) if w not in _STOP][:600]
    found: list[str] = []
    for number in range(count):
        terms = [rng.choice(common[: 60 if number % 3 else 600]) for _ in range(rng.randint(1, 3))]
        kind = number % 10
        if kind == 7:
            terms[0] = f"date:{rng.randint(2001, 2023)}"
            terms.append(rng.choice(common[:200]))
        elif kind == 8:
            terms.append(f"source:{rng.choice(SOURCES[:6]).split('.')[0]}")
        elif kind == 9:
            terms.insert(0, f'"{rng.choice(common[:100])} {rng.choice(common[:100])}"')
        found.append(" ".join(terms))
    return found


_STOP = frozenset(
    [
        "that",
        "with",
        "said",
        "from",
        "have",
        "this",
        "will",
        "which",
        "were",
        "been",
        "their",
        "would",
        "there",
        "they",
        "about",
        "also",
        "after",
        "more",
        "than",
        "other",
        "into",
        "over",
        "some",
        "year",
        "years",
        "last",
        "first",
        "could",
        "when",
        "such",
        "only",
        "most",
        "these",
        "them",
    ]
)
