"""What wire copy marks by its own conventions: Reuters writes a company without a listing in
angle brackets ('<Wagner and Brown> made an offer'), whatever its words say, and a partner's
name before a comma ('Goldman, Sachs and Co'). Tickers ('<HIT>') are read in extract.py."""

from __future__ import annotations

import re

from articles.entities.lexicon import Lexicon, is_common, known_entity
from articles.entities.mention import Mention
from articles.entities.normalize import name_key
from articles.entities.spans import Span

_LETTERS = re.compile(r"^[A-Z]{1,6}$")


def bracketed(span: Span) -> bool:
    """Whether the run is all a pair of angle brackets holds ('<Lear Siegler Inc>')."""
    return span.start > 0 and span.paragraph[span.start - 1] == "<" and span.paragraph[span.end : span.end + 1] == ">"


def bracketed_company(span: Span, lex: Lexicon) -> Mention | None:
    """The company a bracketed run names: a known entity by its name, letters as an acronym
    ('<AFG>', joined to the name written before it), else a company of those words."""
    words = span.text.split()
    if len(words) > 1 and words[0] in ("The", "the"):
        words = words[1:]
    surface = " ".join(words)
    key = name_key(surface)
    if not key:
        return None
    known = known_entity(surface, key, lex)
    if known is not None and known.type == "organization":
        return Mention(surface, name_key(known.name), "organization", "known", span.initial, known=known)
    evidence = "acronym" if _LETTERS.match(surface) else "head"
    return Mention(surface, key, "organization", evidence, span.initial, org_cue=True)


_PARTNER_FIRM = re.compile(r"^[A-Z][\w'’]+ (?:and|&) Co\b")
_FIRST_PARTNER = re.compile(r"(?:^|[^\w,])([A-Z][a-z'’]+), $")


def partner_firm(span: Span, found: list[Mention], lex: Lexicon) -> Mention | None:
    """'Goldman, Sachs and Co', 'Kidder, Peabody and Co Inc': the partner named before the
    comma is part of the firm's name, not a name of its own (taken back from `found`); not
    'Paris' of 'In Paris, Sachs and Co said'."""
    if not _PARTNER_FIRM.match(span.text):
        return None
    match = _FIRST_PARTNER.search(span.before_text)
    partner = match.group(1) if match else None
    if partner is None or name_key(partner) in lex.places or name_key(partner) in lex.known or is_common(partner, lex):
        return None
    if found and found[-1].surface == partner:
        found.pop()
    text = f"{partner}, {span.text}"
    return Mention(text, name_key(text), "organization", "head", False, org_cue=True)
