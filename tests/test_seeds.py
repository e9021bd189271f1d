"""Every bundled seed parses to the title, date, source, url and byline a reader sees in it."""

from __future__ import annotations

import datetime as dt
import filecmp
from pathlib import Path

import pytest

from articles import parse_file
from articles.bundled import bundled_files
from tests.conftest import SHARED

EXPECTED = {
    "000": (
        "Turkey Rejoins Joint Russian Patrols in Syria",
        dt.date(2020, 2, 18),
        "The Moscow Times",
        "https://www.themoscowtimes.com/2020/02/18/turkey-rejoins-joint-russian-patrols-in-syria-a69324",
        None,
    ),
    "001": ("Türkiye, Russia resume joint military patrols in Syria", None, None, None, None),
    "002": (
        "Turkiye and Russia resume joint patrols in northern Syria as Ankara seeks to mend ties with Assad",
        dt.date(2024, 8, 24),
        None,
        None,
        None,
    ),
    "003": (
        "Turkey, Russia Discuss Joint Patrol Option in Syria's Idlib",
        dt.date(2020, 2, 20),
        "The Moscow Times",
        "https://www.themoscowtimes.com/2020/02/20/turkey-russia-discuss-joint-patrol-option-in-syrias-idlib-a69373",
        ("Reuters",),
    ),
    "004": ("Russia and Turkey to establish joint patrols in Syria's Idlib", dt.date(2019, 4, 9), None, None, None),
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_metadata(prefix: str, seeds: dict[str, Path]) -> None:
    title, published, source, url, byline = EXPECTED[prefix]
    article = parse_file(seeds[prefix])
    assert (article.title, article.published, article.source, article.url, article.byline) == (
        title,
        published,
        source,
        url,
        byline,
    )


def test_bundled_corpus_is_the_five_seeds() -> None:
    assert [path.name[:3] for path in bundled_files()] == ["000", "001", "002", "003", "004"]


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds is not beside the project")
def test_bundled_corpus_is_byte_for_byte_the_users_seeds() -> None:
    for path in bundled_files():
        assert filecmp.cmp(path, SHARED / "seeds" / path.name, shallow=False), path.name


def test_seed_boilerplate_stays_out_of_the_body(seeds: dict[str, Path]) -> None:
    texts = {prefix: parse_file(path).body_text for prefix, path in seeds.items()}
    for banned in ("Leave a Reply", "You May Also Like", "Blinken", "Source link", "Scroll to Top", "2 min read"):
        assert all(banned not in text for text in texts.values()), banned
    assert "Related article" not in texts["000"]
    assert "contributed reporting" not in texts["000"]
    assert "Photo Credit" not in texts["002"]
    assert "[Getty]" not in texts["004"]


def test_seed_dead_links_become_their_text(seeds: dict[str, Path]) -> None:
    body = parse_file(seeds["000"]).body_text
    assert "have resumed joint patrols" in body
    assert "](#)" not in body


def test_seed_captions_are_kept_apart(seeds: dict[str, Path]) -> None:
    article = parse_file(seeds["002"])
    assert any("shake hands" in caption for caption in article.captions)
    assert "shake hands" not in article.body_text


def test_seed_standfirst_becomes_the_subtitle(seeds: dict[str, Path]) -> None:
    article = parse_file(seeds["004"])
    assert article.subtitle == "Putin confirmed that Russia and Turkey will jointly patrol Syria's Idlib province"
    assert article.body[0].startswith("Russian and Turkish troops")
