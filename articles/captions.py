"""Recognise image captions and photo credits, which are kept apart from the body."""

from __future__ import annotations

import re

_AGENCY_WORDS = (
    r"(?:Getty(?: Images)?|AP|AFP|Reuters|EPA|TASS|Xinhua|Shutterstock|Alamy|Bloomberg|Images?|Photo|Pool|File)"
)
# "(Robert Gauthier / Los Angeles Times)", "(Gavriil Grigorov/AP)", "(Photo: AFP)"
_PAREN_CREDIT = re.compile(
    rf"\((?:(?:photo|image|picture|credit)s?(?: by| credit)?:?\s*)?(?:[^()/:]{{1,60}}/[^()/:]{{1,60}}|[^()]{{0,40}}\b{_AGENCY_WORDS})\)\s*$"
)
# "... Putin said [Getty]"
_BRACKET_CREDIT = re.compile(rf"\[(?:[^\[\]]{{0,30}}\b)?{_AGENCY_WORDS}[^\[\]]{{0,20}}\]\s*$")
# "**Baderkhan Ahmad / AP / TASS**"
_BOLD_CREDIT = re.compile(r"\*\*[^*]{2,80}/[^*]{1,80}\*\*\s*$")
_LABELLED = re.compile(
    r"(?:^|\|\s*)(?:photo|image|picture|video)\s*(?:credit|courtesy|by)?\s*:|\bphoto credit\b", re.IGNORECASE
)
_GALLERY = re.compile(r"^\d{1,3} of \d{1,3}\.\s")
_WIDGET = re.compile(
    r"^(?:enlarge this image|toggle caption|hide caption|show caption)\b|\btoggle caption\b", re.IGNORECASE
)
# A paragraph that ends by linking its credit: "... killed Turkish troops. [syria.mil.ru](https://syria.mil.ru)"
_DOMAIN_CREDIT_LINK = re.compile(r"\[[\w-]+(?:\.[\w-]+)+\]\(https?://[^)]+\)\s*$")
_URL = re.compile(r"https?://|www\.")


_LABEL_WORDS = ("photo", "image", "picture", "video", "caption")


def is_caption(text: str) -> bool:
    """A unit that is a caption or a photo credit, judged by its own shape."""
    bare = text.strip()
    if _GALLERY.match(bare):
        return True
    lowered = bare.lower()
    if any(word in lowered for word in _LABEL_WORDS) and (_WIDGET.search(bare) or _LABELLED.search(bare)):
        return True
    tail = bare[-240:]
    last = tail[-1:]
    if last == "*" and _BOLD_CREDIT.search(tail):
        return True
    if last == ")" and _DOMAIN_CREDIT_LINK.search(tail):
        return True
    if last == "]" and _BRACKET_CREDIT.search(tail):
        return True
    match = _PAREN_CREDIT.search(tail) if last == ")" else None
    return match is not None and not _URL.search(match.group(0))
