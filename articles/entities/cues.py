"""What the words around a name say of it: 'said Smith' and 'Senator Smith' a person,
'Acme, a company' and 'firms such as Acme' an organisation, 'in Lyon' a place."""

from __future__ import annotations

import re

from articles.entities.kinds import plural_noun
from articles.entities.lexicon import Lexicon, is_common
from articles.entities.mention import Mention
from articles.entities.normalize import fold
from articles.entities.segments import Segment
from articles.entities.spans import Span

_ORG_APPOSITION = re.compile(
    r"^(?:,|\s+-|\s*—|\s*–)\s+(?:(?:a|an|the)\s+)?(?:[\w'-]+\s+){0,4}?(?:group|company|firm|organi[sz]ation|"
    r"nonprofit|non-profit|agency|newspaper|daily|network|startup|start-up|bank|lender|carrier|airline|"
    r"broadcaster|outlet|think tank|charity|ngo|coalition|union|party|manufacturer|maker|retailer|insurer|"
    r"conglomerate|consortium|website|app|platform|firm|producer|operator|utility|subsidiary|unit|brokerage)\b",
    re.IGNORECASE,
)
_ROLE_BEFORE = re.compile(
    r"\b(?P<role>[a-z]+)(?:\s+(?:of|for|at|with|in)\s+(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,5})?,\s*$"
)
_ADJACENT = re.compile(r"[\w'’]\s+$")
_ORG_LIST = re.compile(
    r"\b(?:compan(?:y|ies)|firms?|groups?|organi[sz]ations|banks|giants|platforms|apps|outlets|brands|makers|"
    r"carriers|airlines|agencies|ngos|NGOs|charities|newspapers|dailies|networks|broadcasters|publishers|startups)"
    r"(?:,|(?:\s+[a-z]+){0,4},?\s+(?:like|such as|including))\s+(?:[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*,?\s+(?:and\s+)?)*(?:and\s+)?$"
)
_WORK_BEFORE = frozenset({"film", "movie", "novel", "book", "album", "play", "musical", "sitcom", "documentary", "biopic", "thriller", "opera", "drama"})  # fmt: skip
_WORK_AFTER = re.compile(r" (?:films?|movies?|books?|novels?|franchise|sequel|series|saga)\b")
_CONNECTORS = frozenset({"of", "on", "for", "and", "&", "the"})
_BEFORE_VERB = frozenset({"has", "had", "also", "later", "earlier", "again", "then", "himself", "herself"})
_PLACE_BEFORE = frozenset({"in", "near", "between", "outside", "across", "toward", "towards", "into", "from", "around", "throughout", "inside"})  # fmt: skip
# Before a name: what it is ('rock band', 'rights group', 'law firm'); not 'duo' (two people)
# nor 'maker' or 'broadcaster' (also a person's trade: 'film maker Theo van Gogh').
_COLLECTIVE_BEFORE = frozenset({"band", "group", "club", "side", "outfit", "channel", "label", "newspaper", "magazine", "agency", "firm", "company", "carrier", "airline", "retailer", "lender", "insurer", "brokerage"})  # fmt: skip
# After a name: a member of it ('Franz Ferdinand frontman', 'Chelsea striker', 'Shearson Lehman
# analyst'); not 'aide' or 'adviser', whom people have too ('Reagan aide Oliver North').
_MEMBER_AFTER = frozenset({"frontman", "frontwoman", "guitarist", "drummer", "bassist", "keyboardist", "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger", "skipper", "manager", "boss", "bandmates", "analyst", "analysts", "economist", "economists", "strategist"})  # fmt: skip
_ORG_AFTER = frozenset({"officials", "official", "spokesman", "spokeswoman", "spokesperson", "executives", "shares", "stock", "employees", "staff", "researchers", "analysts", "lawyers", "subsidiary", "chief", "ceo", "leader", "chairman", "chairwoman", "mp", "mps", "mep", "meps", "candidate", "councillor", "councillors"})  # fmt: skip


def add_context_cues(mention: Mention, span: Span, segment: Segment, last: bool, lex: Lexicon) -> None:
    word_before = fold(span.word_before)
    if segment.first:
        _add_cues_before(mention, span.before_text, word_before, lex)
    if last:
        _add_cues_after(mention, span.after_text, lex, span.text)
    if word_before in _PLACE_BEFORE:
        mention.place_cue = True
    if word_before in _WORK_BEFORE or (last and _WORK_AFTER.match(span.after_text)):
        mention.work_cue = True  # 'the film Vera Drake', 'the Harry Potter books': a title, not a person
    if mention.person_cue and not mention.title and not could_be_person(mention.surface, lex):
        mention.person_cue = False


def could_be_person(surface: str, lex: Lexicon) -> bool:
    """Whether 'said' before or after a name can make it a person's. Not for one ordinary word
    that is no name ('Ferguson said United had played'; 'said Brown' is another matter), a
    name holding 'on' or 'and' ('the United Nations Conference on Trade and Development said')
    or ending in a plural noun ('U.S. Officials said', 'Shearson Lehman Brothers said')."""
    words = surface.split()
    if len(words) == 1:
        word = words[0]
        return not is_common(word, lex) or fold(word) in lex.surnames or word in lex.given_names
    if any(word in _CONNECTORS for word in words) or plural_noun(words[0], lex):
        return False  # nor 'Statistics Canada said
    last = fold(words[-1])
    return not (last.endswith("s") and last[:-1] in lex.common_words and last[:-1] not in lex.surnames) and not (
        plural_noun(last, lex)
    )


def _add_cues_before(mention: Mention, before_text: str, word_before: str, lex: Lexicon) -> None:
    """'said Smith', 'Senator Smith', 'analyst at the bank, Smith', 'firms such as Acme'."""
    if not before_text:
        return
    if word_before and _ADJACENT.search(before_text[-3:]):
        if word_before in lex.person_verbs or word_before in lex.roles:
            mention.person_cue = True
        if word_before in lex.org_before_words:
            mention.org_cue = True
        if word_before in _COLLECTIVE_BEFORE:
            mention.collective_cue = True  # 'the band Franz Ferdinand', 'the agency Curtis Brown'
    if _could_list(before_text) and _mentions_org_noun(before_text) and _ORG_LIST.search(before_text):
        mention.org_cue = True
    if before_text.rstrip().endswith(","):
        role = _ROLE_BEFORE.search(before_text)
        if role and role.group("role") in lex.roles:
            mention.person_cue = True


def _add_cues_after(mention: Mention, after_text: str, lex: Lexicon, text: str) -> None:
    """'Smith said', 'Acme, a company', 'Acme shares'; 'Villa striker Juan Pablo Angel' and
    'Franz Ferdinand frontman' a band, a club or a firm; not 'Pete Doherty's band' (whose,
    not what). `text`: the run the name ends."""
    words = after_text.split(maxsplit=2)
    next_word = words[0].lower().strip(".,;:") if words else ""
    if after_text[:1] == " " and next_word in lex.person_verbs:
        mention.person_cue = True
    elif after_text[:1] == " " and next_word in _BEFORE_VERB and len(words) > 1 and _verb(words[1], lex):
        mention.person_cue = True  # 'Mikulic has said'

    if after_text[:2].strip()[:1] in (",", "-", "—", "–") and _ORG_APPOSITION.match(after_text):
        mention.org_cue = True
    if next_word in _ORG_AFTER:
        mention.org_cue = True
    elif next_word in _MEMBER_AFTER and after_text[:1] == " " and not text.endswith(("'s", "’s", "s'", "s’")):
        mention.collective_cue = True


def _verb(word: str, lex: Lexicon) -> bool:
    return word.lower().strip(".,;:") in lex.person_verbs


_ORG_NOUN_HINTS = ("compan", "firm", "group", "organi", "bank", "giant", "platform", "app", "outlet", "brand", "maker", "carrier", "airline", "agenc", "ngo", "charit", "newspaper", "dailies", "network", "broadcaster", "publisher", "startup")  # fmt: skip


def _could_list(text: str) -> bool:
    return "," in text or " like " in text or " such as " in text or " including " in text


def _mentions_org_noun(text: str) -> bool:
    lowered = text.lower()
    return any(hint in lowered for hint in _ORG_NOUN_HINTS)
