"""Extract the people, places and organisations of one article's title and body."""

from __future__ import annotations

import re
from collections.abc import Sequence

from articles.entities.group import Group, group_mentions, to_entities
from articles.entities.headlines import headline_words, unambiguous_word
from articles.entities.lexicon import MAJOR_PLACE_IN_TITLE, Lexicon, lexicon
from articles.entities.mention import Mention
from articles.entities.mentions import mentions_in
from articles.entities.normalize import fold, name_key
from articles.entities.qualify import qualify_generic
from articles.entities.spans import is_mostly_upper
from articles.markdown import plain
from articles.meta import strip_dateline_agency
from articles.model import Entity

_MAX_CHARS = 200_000
# 'Hitachi Ltd <HIT>', 'UNILEVER'S <UN>': a wire's stock symbol is another name of the company
# it follows, as letters in brackets are ('Hitachi Ltd (HIT)'), and no organisation of its own
# (not the United Nations); in a headline it names nothing. '<Mitsubishi Corp>' is a name.
_TICKER = re.compile(r"<([A-Z][A-Z0-9.&]{0,9})>")


def extract_entities(title: str, paragraphs: Sequence[str]) -> tuple[Entity, ...]:
    """Entities of the title and clean body paragraphs (never captions or boilerplate)."""
    lex = lexicon()
    mentions: list[Mention] = []
    budget = _MAX_CHARS
    for index, paragraph in enumerate(paragraphs):
        if budget <= 0:
            break
        text = plain(paragraph)[:budget]
        if "<" in text:
            text = _TICKER.sub(" " if is_mostly_upper(text) else r"(\1)", text)
        if index < 2:
            text = strip_dateline_agency(text, lambda region: _known_place(region, lex))
        budget -= len(text)
        mentions.extend(mentions_in(text, lex))
    groups = group_mentions(mentions, lex)
    _count_title(_without_tickers(title), groups, lex)
    qualify_generic(groups, lex)
    return tuple(to_entities(groups))


def _without_tickers(title: str) -> str:
    return _TICKER.sub(" ", title) if "<" in title else title


def _known_place(region: str, lex: Lexicon) -> bool:
    known = lex.known.get(name_key(region))
    return (known is not None and known.type == "place") or name_key(region) in lex.places


def _count_title(title: str, groups: list[Group], lex: Lexicon) -> None:
    """Headline capitals are ambiguous: the title only confirms names the body has, or well-known ones."""
    by_form: dict[str, Group] = {}
    for group in groups:
        for mention in group.mentions:
            by_form.setdefault(mention.key, group)
            by_form.setdefault(name_key(mention.surface), group)
    # First words of the names of several words the title could confirm or add: a phrase
    # starting with another word is not looked up (most headline words start no name).
    starts = {key.split(" ", 1)[0] for key in by_form if " " in key}
    words = headline_words(title, lex)
    keys = [name_key(word) for word in words]
    index = 0
    while index < len(words):
        if not words[index][:1].isupper() or fold(words[index]) in lex.function_words:
            index += 1
            continue
        first = keys[index].split(" ", 1)[0]
        for length in (4, 3, 2, 1):
            if index + length > len(words):
                continue
            if (
                length > 1
                and first
                and first not in starts
                and first not in lex.long_name_starts
                and any(keys[index + 1 : index + length])
            ):
                continue  # a name of several words that starts with `first`: none is known
            key = " ".join(part for part in keys[index : index + length] if part)
            if not key:
                continue
            phrase = " ".join(words[index : index + length])
            if key in by_form:
                by_form[key].mentions.append(Mention(phrase, key, by_form[key].type, "title", False, headline=True))
                index += length
                break
            new = _well_known(phrase, key, lex)
            if new is not None:
                groups.append(Group(new.type or "place", [new], new.known.name if new.known else None))
                by_form[key] = groups[-1]
                index += length
                break
        else:
            index += 1


def _well_known(phrase: str, key: str, lex: Lexicon) -> Mention | None:
    known = lex.known.get(key)
    if known is not None and phrase[:1].isupper() and (" " in phrase or unambiguous_word(phrase, lex)):
        return Mention(phrase, name_key(known.name), known.type, "known", False, known=known, headline=True)
    if lex.places.get(key, 0) >= MAJOR_PLACE_IN_TITLE and fold(phrase) not in lex.common_words:
        return Mention(phrase, key, "place", "gazetteer", False, headline=True)
    return None
