"""Judge each name found in the text: what kind of thing it names, and how sure we are."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from articles.entities.cues import add_context_cues
from articles.entities.headlines import headline_mentions, known_key
from articles.entities.kinds import ACRONYM, kind_of
from articles.entities.lexicon import Known, Lexicon, is_common, is_participle, known_entity, lexicon
from articles.entities.mention import Mention
from articles.entities.normalize import fold, name_key
from articles.entities.pairs import mark_pair
from articles.entities.record import LEGAL_SUFFIXES, company_base
from articles.entities.segments import Segment, segment_span
from articles.entities.spans import Span, find_spans, is_mostly_upper
from articles.entities.wire import bracketed, bracketed_company, partner_firm
from articles.model import EntityType

_DEFINED_ACRONYM = re.compile(r"^\s*\((?:the\s+)?([A-Z][A-Za-z]{1,7})\)")
_DIGIT = re.compile(r"\d")
_CONNECTORS = frozenset({"of", "on", "for", "and", "&", "the"})
# 'Apollo 11', 'Boeing 747': a number after a name is part of a designation; a quantity is not
# ('output in the European Community 6.5 pct to 9.91 mln').
_NUMBERED = re.compile(r"^\s+(?:No\.\s*)?\d+(?![.,]?\d)(?!\s*(?:%|pct\b|percent\b|per\s+cent\b))")
_ORG_NOUNS_AFTER = frozenset({"news", "agency", "newspaper", "daily", "weekly", "magazine", "channel", "network", "broadcaster", "band", "club"})  # fmt: skip
_WEAK_EVIDENCE = frozenset({"shape", "fallback", "context", "known-surname", "unknown"})
_AFTER_ARTICLE = frozenset({"a", "an", "the", "with", "against", "by", "of", "from", "to", "and", "in", "on", "at", "for", "between", "fighting", "join", "joined", "joining", "fight"})  # fmt: skip


def mentions_in(paragraph: str, lex: Lexicon) -> list[Mention]:
    """Every name mention in one paragraph of body text."""
    if is_mostly_upper(paragraph):
        return headline_mentions(paragraph, lex)
    found: list[Mention] = []
    for span in find_spans(paragraph):
        text = span.text
        first, _, rest = text.partition(" ")
        opens_with_word = first.lower() in lex.function_words
        if opens_with_word and not rest and not (first.isupper() and len(first) > 1):
            continue  # 'The', 'But', 'He' opening a sentence: the commonest run, and no name
        if "<" in paragraph[span.start - 1 : span.start] and bracketed(span):
            company = bracketed_company(span, lex)
            found.extend([company] if company else [])
            continue
        firm = partner_firm(span, found, lex) if " Co" in text else None
        if firm is not None:
            found.append(firm)
            continue
        defined = _defined_by_acronym(span, lex) if "(" in paragraph[span.end : span.end + 3] else None
        if defined is not None:
            found.extend(defined)
            continue
        # Whether the span opens a sentence changes its cut only when it starts with a word like 'New'.
        segments = segment_span(text, span.initial if opens_with_word else True)
        if len(segments) == 1:  # most runs hold one name, and a lone name shares no list cues
            mention = _judge(segments[0], span, True, lex)
            if mention is not None:
                found.append(mention)
                found.extend(_leading_acronym(mention, lex))
            continue
        judged = [_judge(segment, span, index == len(segments) - 1, lex) for index, segment in enumerate(segments)]
        if len(segments) == 2 and " " in span.text:
            mark_pair(span, segments, judged, lex)
        siblings = [mention for mention in judged if mention is not None]
        _share_list_cues(siblings)
        found.extend(siblings)
        found.extend(acronym for mention in siblings for acronym in _leading_acronym(mention, lex))
    return found


# Words that make a company's name of its letters ('NSO Group'), not a body of an organisation.
_COMPANY_WORDS = frozenset({"group", "international", "holdings", "industries", "enterprises", "technologies", "systems", "partners", "capital", "airlines", "airways", "communications", "resources", "energy"})  # fmt: skip


def _leading_acronym(mention: Mention, lex: Lexicon) -> list[Mention]:
    """'the EC Commission', 'EC ministers': a body named by an organisation's letters and
    ordinary words ('Commission', 'Delegation') also names that organisation."""
    words = mention.words
    if mention.type not in ("organization", None) or len(words) < 2 or not ACRONYM.match(words[0]):
        return []
    letters = words[0]
    if not all(is_common(word, lex) and not word.isupper() for word in words[1:]):
        return []  # 'KLM Royal Dutch Airlines' is the airline, named in full
    if len(words) == 2 and (fold(words[1]) in _COMPANY_WORDS or fold(words[1]) in LEGAL_SUFFIXES):
        return []  # 'NSO Group', 'CFM International': the company's own name
    known = lex.known.get(name_key(letters))
    if known is not None:
        if known.type != "organization":
            return []  # 'U.S. Treasury' names the country, a place: not this rule's business
        return [Mention(letters, known_key(known), "organization", "known", False, known=known)]
    if fold(letters) in lex.common_words or fold(letters) in lex.non_entities:
        return []
    return [Mention(letters, name_key(letters), "organization", "acronym", False)]


def _defined_by_acronym(span: Span, lex: Lexicon) -> list[Mention] | None:
    """'the General Agreement on Tariffs and Trade (GATT)': the letters that follow a run of
    capitals confirm where the name in it starts and ends; cut no 'and' or 'on' out of it."""
    match = _DEFINED_ACRONYM.match(span.after_text)
    if match is None:
        return None
    letters = match.group(1).upper()
    words = span.text.split()
    for start in range(len(words) - 1):
        name = words[start:]
        if name[0][:1].isupper() and fold(name[0]) != "the" and _initials(name) == letters:
            break
    else:
        return None
    surface = " ".join(name)
    key = name_key(surface)
    known = lex.known.get(key)
    kind: EntityType = known.type if known else ("place" if key in lex.places else "organization")
    mention = Mention(surface, key, kind, "acronym", span.initial and start == 0, acronym_of=match.group(1))
    before = [_judge(segment, span, False, lex) for segment in segment_span(" ".join(words[:start]))] if start else []
    return [*(m for m in before if m is not None), mention]


def _initials(words: list[str]) -> str:
    return "".join(word[0] for word in words if word.lower() not in _CONNECTORS).upper()


def _share_list_cues(siblings: list[Mention]) -> None:
    """'two newspapers, Cumhuriyet and Milliyet': what is said of a list is said of each."""
    if len(siblings) > 1 and any(m.org_cue and m.evidence == "context" for m in siblings):
        for mention in siblings:
            if mention.evidence == "unknown":
                mention.org_cue, mention.type, mention.evidence = True, "organization", "context"


@dataclass(frozen=True, slots=True)
class _Reading:
    """What a name's own words say, before its context is read; the same words always read
    the same way, so readings are remembered."""

    words: tuple[str, ...]
    surface: str
    key: str
    initial: bool
    known: Known | None = None
    caps: Mention | None = None


@lru_cache(maxsize=1 << 17)
def _read(segment_words: tuple[str, ...], initial: bool) -> _Reading | None:
    lex = lexicon()
    words = _cut_designators(list(segment_words))
    if not words or _is_excluded(words, lex):
        return None
    if initial and len(words) > 1 and is_common(words[0], lex) and _names_something(words[1:], lex):
        words, initial = words[1:], False
    elif initial and len(words) > 1 and is_participle(words[0], lex) and not _has_head(words[1:], lex):
        words, initial = words[1:], False  # 'Echoing Baker, Volcker said': the sentence's verb, then a name
    while len(words) > 1 and words[0] in ("the", "a", "an"):
        words = words[1:]  # 'Selling the Fiat unit', 'But the Liverpool Echo newspaper'
    surface = " ".join(words)
    key = name_key(surface)
    known = known_entity(surface, key, lex)
    if known is not None:
        return _Reading(tuple(words), surface, known_key(known), initial, known)
    if not key or key in lex.non_entities or fold(surface) in lex.demonyms or len(key) == 1 or _only_legal(key):
        return None  # a single letter ('P' of 'S/P') names nothing
    if " " in key and fold(surface) in lex.titles:
        return None  # 'the Prime Minister said': a title alone names no one in particular
    if len(words) == 1 and (fold(surface) in lex.org_heads or fold(surface) in lex.place_heads):
        return None
    if all(word.isupper() for word in words) and len(surface) > 3:
        caps = _judge_caps(words, initial, lex)
        return _Reading(tuple(words), surface, key, initial, caps=caps) if caps else None
    return _Reading(tuple(words), surface, key, initial)


def _judge(segment: Segment, span: Span, last: bool, lex: Lexicon) -> Mention | None:
    reading = _read(segment.words, segment.first and span.initial)
    if reading is None:
        return None
    surface, key, initial = reading.surface, reading.key, reading.initial
    if reading.known is not None:
        if not _plausible_known(surface, span, initial, lex):
            return None
        mention = Mention(surface, key, reading.known.type, "known", initial, segment.title, reading.known)
        add_context_cues(mention, span, segment, last, lex)
        return mention
    after_text = span.after_text if last else ""
    if after_text and _NUMBERED.match(after_text):
        return None
    if reading.caps is not None:
        return replace(reading.caps)
    following_head = _lowercase_head(after_text) if last else None
    if following_head in lex.facility_heads and key not in lex.places:
        surface = f"{surface} {following_head}"
        return Mention(surface, name_key(surface), "place", "head", initial, segment.title)
    mention = Mention(surface, key, None, "shape", initial, segment.title)
    mention.person_cue = bool(segment.title)
    mention.place_cue = following_head in lex.place_heads
    # 'the official Tanjug news agency'; not 'Jackie Milburn's club record'
    mention.collective_cue = following_head in _ORG_NOUNS_AFTER and not _possessive(span.text)
    add_context_cues(mention, span, segment, last, lex)
    defined = _DEFINED_ACRONYM.match(after_text) if last else None
    if defined and defined.group(1) != surface:
        mention.acronym_of = defined.group(1)
    mention.type, mention.evidence = kind_of(
        surface, key, bool(mention.title), mention.person_cue, mention.org_cue, mention.place_cue
    )
    if mention.collective_cue and mention.type != "place" and mention.evidence in _WEAK_EVIDENCE:
        mention.type, mention.evidence = "organization", "head"  # what its words said was a guess
        mention.person_cue = False
    return mention


def _names_something(words: list[str], lex: Lexicon) -> bool:
    """'Neighbouring Liberia', 'Intense United States': an ordinary word opening the
    sentence before a name that stands on its own."""
    key = name_key(" ".join(words))
    return key in lex.known or key in lex.places


def _possessive(text: str) -> bool:
    return text.endswith(("'s", "’s", "s'", "s’"))


def _has_head(words: list[str], lex: Lexicon) -> bool:
    """'Flying Tiger Line', 'Trading Company': the -ing word opens an organisation's name."""
    return any(fold(word) in lex.org_heads or fold(word) in lex.place_heads for word in words)


def _cut_designators(words: list[str]) -> list[str]:
    """'Malaysia Airlines Flight MH17' names the airline; 'Airbus A320-200' the maker."""
    for index, word in enumerate(words[1:], start=1):
        if word.lower() in ("flight", "flights") or _DIGIT.search(word):
            return words[:index]
    return [] if _DIGIT.search(words[0]) else words


_LOWER_HEAD = re.compile(r"^\s([a-z]+)\b")


def _lowercase_head(after_text: str) -> str | None:
    """'the Royal Free hospital', 'east of Thasos island': a head noun written in lower case."""
    match = _LOWER_HEAD.match(after_text)
    return match.group(1) if match else None


def _is_excluded(words: list[str], lex: Lexicon) -> bool:
    """Laws, events, products and the like are named but are not entities here."""
    if len(words) > 1 and fold(words[-1]) in lex.excluded_heads:
        return True
    return len(words) > 1 and fold(words[0]) in lex.event_prefixes


def _plausible_known(surface: str, span: Span, initial: bool, lex: Lexicon) -> bool:
    """'IS' and 'US' are names in 'war with IS' but words in 'a landspout IS a tornado'."""
    if not surface.isupper() or fold(surface) not in lex.function_words or initial:
        return True
    before = fold(span.word_before)
    after = span.after_text.lstrip()
    if before in _AFTER_ARTICLE or after[:1] in ("-", "'", "’", ",", ".", ")") or after[:1].isupper():
        return True
    next_word = after.split(maxsplit=1)[0].strip(".,;:") if after else ""
    return next_word.isalpha() and next_word.islower() and next_word not in lex.function_words  # 'a US court'


def _judge_caps(words: list[str], initial: bool, lex: Lexicon) -> Mention | None:
    """'SALT LAKE CITY —' and 'BRUSSELS, March 27' are names in capitals; 'COULD PLANE
    HAVE STALLED' and 'QUIET' are not. Short capitals are acronyms."""
    surface = " ".join(words)
    key = name_key(surface)
    if key in lex.places and (len(words) > 1 or fold(surface) not in lex.common_words):
        return Mention(surface, key, "place", "gazetteer", initial)
    if len(words) == 1 and ACRONYM.match(surface) and fold(surface) not in lex.common_words:
        if fold(surface) in lex.non_entities:
            return None
        return Mention(surface, key, "organization", "acronym", initial)
    return None


def _only_legal(key: str) -> bool:
    """'Co Inc', 'Corp': what is left of a company's name cut off before its suffix."""
    return key[key.rfind(" ") + 1 :] in LEGAL_SUFFIXES and company_base(f"x {key}") == "x"
