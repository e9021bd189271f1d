"""Recognise the text around an article that is not the article: comment forms, teaser
lists, share widgets, newsletter and donation prompts, reporting credits, sign-offs."""

from __future__ import annotations

import re

# A line that starts the page furniture below an article: everything after it goes.
_TAIL = re.compile(
    r"^(?:leave a (?:reply|comment)|your email address will not be published.*|you may also like"
    r"|you might also like|related (?:articles|posts|stories|news|coverage)|more (?:stories|news) from.*"
    r"|recommended(?: for you| stories| reading)?|read next|share this(?: article| story)?:?|like this:?"
    r"|post navigation|source link|scroll to top|about the author|tags?:.*|filed under:?.*"
    r"|comments?(?: \(\d+\))?|\d+ comments?|what to read next|more on this story|top stories"
    r"|sign up for our newsletter.*|join the conversation|previous (?:article|post)|next (?:article|post))$",
    re.IGNORECASE,
)
# A heading over a list of teaser headlines inside the page: it and the short lines below go.
_TEASER_HEADING = re.compile(
    r"^(?:most (?:popular|read|viewed|shared)|trending(?: now| stories)?|popular(?: stories| now)?"
    r"|editor'?s? picks?|don'?t miss|latest(?: news| stories)?|in case you missed it"
    r"|more(?: [\w'’-]+){0,2} from .{1,40})$",
    re.IGNORECASE,
)
# "Read also:" alone on a line: the teaser headline on the next line goes with it.
_LEADS_TEASER = re.compile(
    r"^(?:read also|also read|see also|read more|related|related article|more|watch|listen|further reading)\s*:?$",
    re.IGNORECASE,
)
# "Read more: <headline>", "**Related article:** ...", "Sports Full coverage: ..."
_INLINE_TEASER = re.compile(
    r"^(?:\w+\s+)?(?:read also|also read|see also|read more|related(?: article| coverage| content| story)?"
    r"|full coverage|more coverage|watch|listen|recommended|more on this|click here)\s*:",
    re.IGNORECASE,
)
_BRACKETED_PROMO = re.compile(r"^\[\s.+\s\]$")
_WIDGET_WORDS = frozenset(
    [
        "share",
        "shares",
        "save",
        "saved",
        "tweet",
        "email",
        "e-mail",
        "print",
        "comment",
        "comments",
        "facebook",
        "twitter",
        "x",
        "linkedin",
        "whatsapp",
        "reddit",
        "pinterest",
        "flipboard",
        "copy",
        "link",
        "this",
        "story",
        "article",
        "follow",
        "us",
        "on",
        "reprints",
        "permissions",
        "gift",
        "listen",
        "to",
        "subscribe",
        "bookmark",
        "menu",
        "search",
        "close",
        "sign",
        "in",
        "log",
        "out",
    ]
)
_EMAIL_ONLY = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
_STANDALONE = re.compile(
    r"^(?:advertisement|story continues below(?: advertisement)?|continue reading.*|skip to (?:main )?content"
    r"|click here to .*|sponsored(?: content)?|ad|image|photo|video|watch|listen to this article.*"
    r"|\d+ min(?:ute)?s? read|reading time:? .*|\(?\d+ min(?:ute)?s? read\)?)$",
    re.IGNORECASE,
)
_READ_TIME = re.compile(r"^\(?\d+\s*min(?:ute)?s?\.?\s*read\)?$|^reading time:? .*$", re.IGNORECASE)
_SIGNOFF = re.compile(
    r"^[(\[]?(?:reuter|reuters|ap|afp|upi|ends?|-?\s*30\s*-?|###)[)\]]?$"
    r"|^[-–—]{1,2}\s*by\s+\w.{0,60}$",  # a closing "-- By Name" (and its "Follow @name" button)
    re.IGNORECASE,
)
_PROMPT = re.compile(
    r"share your (?:videos?|photos?|pictures?|stories|story|thoughts)|send us your|tell us what you think"
    r"|we need to hear from you|follow us on|download (?:our|the) app|enable javascript",
    re.IGNORECASE,
)
_PROMPT_CUES = ("share your", "send us", "tell us", "hear from you", "follow us", "download", "javascript")
_APPEAL_PHRASES = (
    "your support", "your help", "donate", "donation", "become a member", "membership", "support us",
    "support our", "you rely on", "keep it going", "reader-funded", "reader funded", "put a dollar value",
    "make a gift", "independent journalism", "subscribe today",
)  # fmt: skip
_WIDGET_ROW_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_NEWSLETTER_CUES = ("subscribe", "sign up", "inbox", "delivered", "subscriber", "email address")
_CREDIT = re.compile(
    r"^\(?\s*(?:additional )?(?:reporting|writing|editing|compiled|research|produced|graphics?)\s+by\b"
    r"|^\(?\s*(?:with )?(?:additional )?(?:reporting|contributions?) from\b",
    re.IGNORECASE,
)
# Notices that stand on their own below or inside an article: copyright, affiliate links, an
# update note, a follow-us button, a write-to-the-author address.
_COPYRIGHT = re.compile(
    r"^(?:\S+\s+){0,3}?(?:™\s*&\s*)?(?:©|\(c\)|copyright\s*(?:©\s*)?\d{4})"
    r".{0,200}(?:all rights reserved|may not be (?:re)?published)",
    re.IGNORECASE,
)
_AFFILIATE = re.compile(r"\baffiliate links?\b.{0,200}\b(?:commission|earn)", re.IGNORECASE)
_UPDATE_NOTE = re.compile(
    r"^(?:this (?:story|article|post|report) (?:has been|was|will be|is being) updated\b.{0,60}"
    r"|this is a (?:developing|breaking) (?:news )?story\b.{0,60})$",
    re.IGNORECASE,
)
_FOLLOW = re.compile(
    r"^follow .{1,60}? on (?:facebook|twitter|x|instagram|tiktok|youtube|linkedin|threads|bluesky)\b", re.IGNORECASE
)
_WRITE_TO = re.compile(
    r"^(?:write to|contact|e-?mail|reach) .{1,80}? (?:at|via) [\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?$", re.I
)
_NOTICES = (_COPYRIGHT, _AFFILIATE, _UPDATE_NOTE, _FOLLOW, _WRITE_TO)
_NOTICE_LENGTH = 400
_CONTRIBUTED = re.compile(
    r"^\(?.{0,200}\bcontributed (?:reporting )?to (?:this|the) (?:report|article|story)\b", re.IGNORECASE
)


_SHORT = 90


def is_tail_marker(text: str) -> bool:
    return len(text) <= _SHORT and bool(_TAIL.match(_strip_marks(text)))


def is_teaser_heading(text: str) -> bool:
    return len(text) <= _SHORT and bool(_TEASER_HEADING.match(_strip_marks(text)))


def leads_teaser(text: str) -> bool:
    return len(text) <= _SHORT and bool(_LEADS_TEASER.match(_strip_marks(text)))


def is_credit(text: str) -> bool:
    """Reporting and editing credits: their names are not people the story is about."""
    bare = _strip_marks(text)
    if _CREDIT.match(bare):
        return True
    # The costly pattern (it backtracks over 200 characters) runs only where it can match.
    return "contributed" in bare.lower() and _CONTRIBUTED.match(bare) is not None


def is_signoff(text: str) -> bool:
    return len(text) <= _SHORT and bool(_SIGNOFF.match(_strip_marks(text)))


def is_boilerplate(text: str) -> bool:
    """A single unit that is page furniture wherever it stands."""
    bare = _strip_marks(text)
    if not bare:
        return True
    lowered = bare.lower()
    if len(bare) <= _NOTICE_LENGTH and any(notice.search(bare) for notice in _NOTICES):
        return True
    if len(bare) > 160:
        return (
            (_INLINE_TEASER.match(bare) is not None and len(bare.split()) <= 40)
            or (any(cue in lowered for cue in _PROMPT_CUES) and _PROMPT.search(bare) is not None)
            or _is_newsletter_prompt(lowered)
            or _is_appeal(lowered)
        )
    return (
        _STANDALONE.match(bare) is not None
        or _EMAIL_ONLY.match(bare) is not None
        or _BRACKETED_PROMO.match(bare) is not None
        or (_INLINE_TEASER.match(bare) is not None and len(bare.split()) <= 40)
        or _is_widget_row(bare)
        or (any(cue in lowered for cue in _PROMPT_CUES) and _PROMPT.search(bare) is not None)
        or _is_newsletter_prompt(lowered)
        or _is_appeal(lowered)
    )


def is_header_furniture(text: str) -> bool:
    """What stands between a headline and its article: reading time, share and save buttons."""
    bare = _strip_marks(text)
    return _READ_TIME.match(bare) is not None or _is_widget_row(bare)


def _is_widget_row(text: str) -> bool:
    words = _WIDGET_ROW_WORDS.findall(text)
    return 0 < len(words) <= 14 and all(word.lower() in _WIDGET_WORDS for word in words)


def _is_newsletter_prompt(lowered: str) -> bool:
    return "newsletter" in lowered and any(cue in lowered for cue in _NEWSLETTER_CUES)


def _is_appeal(lowered: str) -> bool:
    return len([phrase for phrase in _APPEAL_PHRASES if phrase in lowered]) >= 2


def _strip_marks(text: str) -> str:
    return text.strip().strip("*_#>").strip()
