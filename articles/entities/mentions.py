"""Judge each name found in the text: what kind of thing it names, and how sure we are."""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.entities.lexicon import Known, Lexicon
from articles.entities.normalize import fold, name_key
from articles.entities.segments import Segment, segment_span
from articles.entities.spans import Span, find_spans, is_mostly_upper
from articles.model import EntityType

_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")
_DEFINED_ACRONYM = re.compile(r"^\s*\((?:the\s+)?([A-Z][A-Za-z]{1,7})\)")
_INITIAL = re.compile(r"^[A-Z]\.$")
_NAME_WORD = re.compile(r"^[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*$")
_ORG_APPOSITION = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:[\w'-]+\s+){0,4}?(?:group|company|firm|organi[sz]ation|nonprofit|non-profit|agency|"
    r"newspaper|daily|network|startup|start-up|bank|lender|carrier|airline|broadcaster|outlet|think tank|"
    r"charity|ngo|coalition|union|party|manufacturer|maker|retailer|insurer|conglomerate|consortium|website|app|platform)\b",
    re.IGNORECASE,
)
_ORG_BEFORE = frozenset({"companies", "company", "firm", "firms", "group", "newspaper", "newspapers", "daily", "agency", "at", "airline", "carrier", "broadcaster", "network", "giant", "maker", "platforms", "apps", "like"})  # fmt: skip
_PLACE_BEFORE = frozenset({"in", "near", "between", "outside", "across", "toward", "towards", "into", "from", "around", "throughout", "inside"})  # fmt: skip
_ORG_AFTER = frozenset({"officials", "official", "spokesman", "spokeswoman", "spokesperson", "executives", "shares", "stock", "employees", "staff", "researchers", "analysts", "recommends", "reported"})  # fmt: skip


@dataclass
class Mention:
    """One occurrence of a name, with the evidence for its type."""

    surface: str
    key: str
    type: EntityType | None
    evidence: str
    initial: bool
    title: str | None = None
    known: Known | None = None
    person_cue: bool = False
    org_cue: bool = False
    place_cue: bool = False
    acronym_of: str | None = None
    headline: bool = False

    @property
    def words(self) -> list[str]:
        return self.surface.split()


def mentions_in(paragraph: str, lex: Lexicon) -> list[Mention]:
    """Every name mention in one paragraph of body text."""
    if is_mostly_upper(paragraph):
        return headline_mentions(paragraph, lex)
    found: list[Mention] = []
    for span in find_spans(paragraph):
        for segment in segment_span(span.text, lex):
            mention = _judge(segment, span, lex)
            if mention is not None:
                found.append(mention)
    return found


def headline_mentions(text: str, lex: Lexicon) -> list[Mention]:
    """In headline capitals only well-known names count: every capital is ambiguous there."""
    words = re.findall(r"[\w'’.&-]+", text)
    found: list[Mention] = []
    index = 0
    while index < len(words):
        for length in (4, 3, 2, 1):
            phrase = " ".join(words[index : index + length])
            known = lex.known.get(name_key(phrase))
            if known is not None and (length > 1 or fold(phrase) not in lex.common_words or phrase.isupper()):
                found.append(Mention(phrase, known_key(known), known.type, "known", False, known=known, headline=True))
                index += length
                break
        else:
            index += 1
    return found


def known_key(known: Known) -> str:
    return name_key(known.name)


def _judge(segment: Segment, span: Span, lex: Lexicon) -> Mention | None:
    surface = segment.text
    key = name_key(surface)
    if not key or key in lex.non_entities or fold(surface) in lex.demonyms:
        return None
    initial = span.initial and segment.first
    known = lex.known.get(key)
    if _all_caps_phrase(segment):
        return _judge_caps(segment, initial, lex)
    mention = Mention(surface, key, None, "shape", initial, segment.title, known)
    if segment.title:
        mention.person_cue = True
    _add_context_cues(mention, span, segment, lex)
    defined = _DEFINED_ACRONYM.match(span.after_text) if segment.words[-1] == span.text.split()[-1] else None
    if defined and defined.group(1) != surface:
        mention.acronym_of = defined.group(1)
    mention.type, mention.evidence = _intrinsic_type(mention, lex)
    return mention


def _all_caps_phrase(segment: Segment) -> bool:
    return len(segment.words) > 1 and all(word.isupper() and len(word) > 1 for word in segment.words)


def _judge_caps(segment: Segment, initial: bool, lex: Lexicon) -> Mention | None:
    """'SALT LAKE CITY —' datelines are names in capitals; 'COULD PLANE HAVE STALLED' is not."""
    key = name_key(segment.text)
    known = lex.known.get(key)
    if known is not None:
        return Mention(segment.text, known_key(known), known.type, "known", initial, known=known)
    if key in lex.places:
        return Mention(segment.text, key, "place", "gazetteer", initial)
    return None


def _add_context_cues(mention: Mention, span: Span, segment: Segment, lex: Lexicon) -> None:
    before = [fold(word) for word in span.before]
    after = [word.lower().strip(".,") for word in span.after]
    last_segment = segment.words[-1] == span.text.split()[-1]
    if last_segment and after and after[0] in lex.person_verbs:
        mention.person_cue = True
    if before and before[-1] in lex.person_verbs and segment.first:
        mention.person_cue = True
    if before and before[-1] in lex.roles and segment.first:
        mention.person_cue = True
    if last_segment and _ORG_APPOSITION.match(span.after_text):
        mention.org_cue = True
    if segment.first and before and before[-1] in _ORG_BEFORE:
        mention.org_cue = True
    if last_segment and after and after[0] in _ORG_AFTER:
        mention.org_cue = True
    if before and before[-1] in _PLACE_BEFORE:
        mention.place_cue = True


def _intrinsic_type(mention: Mention, lex: Lexicon) -> tuple[EntityType | None, str]:
    words = mention.words
    if mention.known is not None:
        return mention.known.type, "known"
    if mention.person_cue and mention.title:
        return "person", "title"
    if len(words) == 1 and _ACRONYM.match(words[0]):
        if fold(words[0]) in lex.non_entities:
            return None, "non-entity"
        if mention.key in lex.places and len(words[0]) > 3:
            return "place", "gazetteer"
        return "organization", "acronym"
    head_type = _head_type(words, lex)
    if head_type is not None:
        return head_type, "head"
    if mention.key in lex.places:
        return "place", "gazetteer"
    if len(words) >= 2 and _person_shaped(words, lex):
        return "person", "shape"
    if mention.person_cue:
        return "person", "context"
    if mention.org_cue:
        return "organization", "context"
    if mention.place_cue and all(_NAME_WORD.match(word) or "-" in word for word in words):
        return "place", "context"
    if len(words) >= 2 and all(_NAME_WORD.match(word) or _INITIAL.match(word) or "-" in word for word in words):
        common = sum(1 for word in words if fold(word) in lex.common_words)
        return ("organization", "fallback") if common else ("person", "fallback")
    return None, "unknown"


def _head_type(words: list[str], lex: Lexicon) -> EntityType | None:
    if len(words) < 2:
        return None
    last = fold(words[-1])
    last_two = fold(" ".join(words[-2:]))
    if last in lex.org_heads or last_two in lex.org_heads:
        return "organization"
    if last in lex.place_heads:
        return None if words[0] in lex.given_names and len(words) == 2 else "place"
    for index, word in enumerate(words[:-1]):
        if word in ("of", "for", "on"):
            head = fold(words[index - 1]) if index else ""
            if head in lex.org_heads:
                return "organization"
            if head in lex.place_heads:
                return "place"
    if fold(words[0]) in lex.place_prefixes and name_key(" ".join(words[1:])) in lex.places:
        return "place"
    return None


def _person_shaped(words: list[str], lex: Lexicon) -> bool:
    """'Jim Steyer', 'Brian M. Good', 'Jaime Jaquez Jr.': a given name, an initial or a suffix."""
    core = [word for word in words if fold(word) not in lex.suffixes]
    if not 2 <= len(core) <= 4:
        return False
    if not all(
        _NAME_WORD.match(word) or _INITIAL.match(word) or word.lower() in lex.name_particles or "-" in word
        for word in core
    ):
        return False
    return (
        core[0] in lex.given_names
        or any(_INITIAL.match(word) for word in core[1:-1])
        or len(core) != len(words)
        or fold(core[-1]) in lex.person_surnames
    )
