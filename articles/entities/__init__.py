"""People, places and organisations named in an article's title and body."""

from __future__ import annotations

import re
from collections.abc import Sequence

from articles.entities.group import Group, group_mentions, to_entities
from articles.entities.lexicon import Lexicon, lexicon
from articles.entities.mentions import Mention, headline_mentions, mentions_in
from articles.entities.normalize import fold, name_key
from articles.markdown import plain
from articles.model import Entity

__all__ = ["extract_entities"]

_MAX_CHARS = 200_000
_TITLE_WORDS = re.compile(r"[\w'’.&-]+")


def extract_entities(title: str, paragraphs: Sequence[str]) -> tuple[Entity, ...]:
    """Entities of the title and clean body paragraphs (never captions or boilerplate)."""
    lex = lexicon()
    mentions: list[Mention] = []
    budget = _MAX_CHARS
    for paragraph in paragraphs:
        if budget <= 0:
            break
        text = plain(paragraph)[:budget]
        budget -= len(text)
        mentions.extend(mentions_in(text, lex))
    groups = group_mentions(mentions, lex)
    _count_title(title, groups, lex)
    return tuple(to_entities(groups))


def _count_title(title: str, groups: list[Group], lex: Lexicon) -> None:
    """Headline capitals are ambiguous: the title only confirms names the body has, or well-known ones."""
    by_form: dict[str, Group] = {}
    for group in groups:
        for surface in (*group.surfaces(), group.name()):
            by_form.setdefault(name_key(surface), group)
    words = _TITLE_WORDS.findall(title)
    index = 0
    while index < len(words):
        for length in (4, 3, 2, 1):
            phrase = " ".join(words[index : index + length])
            key = name_key(phrase)
            if key in by_form:
                by_form[key].mentions.append(Mention(phrase, key, by_form[key].type, "title", False, headline=True))
                index += length
                break
            new = _well_known(phrase, lex)
            if new is not None:
                groups.append(Group(new.type or "place", [new], new.known.name if new.known else None))
                by_form[key] = groups[-1]
                index += length
                break
        else:
            index += 1


def _well_known(phrase: str, lex: Lexicon) -> Mention | None:
    found = headline_mentions(phrase, lex)
    if len(found) == 1 and found[0].surface == phrase:
        return found[0]
    key = name_key(phrase)
    if lex.places.get(key, 0) >= 1_000_000 and fold(phrase) not in lex.common_words:
        return Mention(phrase, key, "place", "gazetteer", False, headline=True)
    return None
