"""Two bare names joined by 'and' that the article never gives as people ('Wagner and Brown',
'Duff and Phelps') name one firm: people in news copy are introduced by their full name or a
title ('Mr Blair and Mr Brown'), partnerships and agencies go by their founders' surnames."""

from __future__ import annotations

import re
from collections.abc import Collection

from articles.entities.lexicon import Lexicon
from articles.entities.mention import Mention
from articles.entities.normalize import fold, name_key
from articles.entities.segments import Segment
from articles.entities.spans import Span

_PAIR = re.compile(r"^([A-Z][a-z'’]+) (?:and|&) ([A-Z][a-z'’]+)$")


def mark_pair(span: Span, segments: tuple[Segment, ...], judged: list[Mention | None], lex: Lexicon) -> None:
    """Mark the two mentions of a run 'Surname and Surname' with the run, when both words
    are surnames, neither is a given name or a town ('Facebook and Google' are two firms) and
    the run ends no list ('Hyundai, Suzuki and Ford')."""
    if len(segments) != 2 or None in judged or any(segment.title for segment in segments):
        return
    text = span.text
    if span.before_text.rstrip().endswith(","):
        return
    match = _PAIR.match(text)
    if match is None or any(_not_a_surname(word, lex) for word in match.groups()):
        return
    for mention in judged:
        if mention is not None:
            mention.pair = text


def _not_a_surname(word: str, lex: Lexicon) -> bool:
    """A given name ('Tom and Jerry'), a town ('the Burnley and Blackburn replay') or no surname."""
    return word in lex.given_names or fold(word) not in lex.surnames or name_key(word) in lex.places


def pair_firms(
    pairs: list[Mention], mentions: list[Mention], full_names: Collection[str], firms_named: Collection[str]
) -> tuple[list[Mention], list[Mention]]:
    """Join each marked pair into one organisation's mention unless the article shows either
    word to be a person's: part of a fuller name (`full_names`: the words of its people's
    names) or given a title anywhere. A pair the article names as a firm already
    (`firms_named`: '<Wagner and Brown>') is that firm. Returns the mentions left as they
    were, and the firms'."""
    titled = {mention.key for mention in mentions if mention.title}
    kept: list[Mention] = []
    found: list[Mention] = []
    firms: dict[str, list[Mention]] = {}
    for mention in pairs:
        firms.setdefault(mention.pair or "", []).append(mention)
    for text, parts in firms.items():
        words = {part.key for part in parts}
        people = bool(words & titled) or any(word in full_names for word in words)
        if name_key(text) not in firms_named and (len(words) != 2 or people):
            kept.extend(parts)
            continue
        for first in parts[::2]:  # the two words of each run, in the order they were found
            found.append(Mention(text, name_key(text), "organization", "context", first.initial, org_cue=True))
    return kept, found
