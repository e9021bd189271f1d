"""Find runs of capitalised words in running text, with what a reader uses to judge them:
whether the run opens a sentence, and the words just before and after it."""

from __future__ import annotations

import re
from dataclasses import dataclass

_UPPER = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x250) if chr(c).isupper())
_LOWER = "a-z" + "".join(chr(c) for c in range(0xDF, 0x250) if chr(c).islower())
_ABBREVIATIONS = r"(?:Jr|Sr|St|Mt|Ft|Co|Corp|Inc|Ltd|Bros|Dr|Mr|Mrs|Ms|Gov|Rep|Sen|Gen|Lt|Col|Capt|Sgt|Adm|Cmdr|Prof|Rev|Maj|Brig|Gov)\."
_PARTICLE = r"(?:al|el|ad|as|ash|ar|an|bin|ibn|abu|ben|van|von|de|da|di|du|le|la|der|den|del|dos|das|ter|ten)"
_WORD = rf"(?:{_ABBREVIATIONS}|(?:[{_UPPER}]\.){{2,}}|[{_UPPER}]\.(?=\s+[{_UPPER}])|[{_UPPER}][\w&'’.-]*[\w&]|[{_UPPER}]|{_PARTICLE}-[{_UPPER}][\w'’-]*|\d+[{_LOWER}]*[{_UPPER}][\w]*)"
_JOINER = rf"(?:\s+(?:(?:of|for|on|the|and|&|{_PARTICLE})\s+)*)"
_SPAN = re.compile(rf"(?<![\w'’-]){_WORD}(?:{_JOINER}{_WORD})*(?![\w])")
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*\s*$|^\s*$|[\"“‘]\s*$")
_NOT_A_BREAK = re.compile(rf"(?:\b{_ABBREVIATIONS}|\b[{_UPPER}]\.|\b(?:[{_UPPER}]\.)+)\s*$")
_WORDS_AROUND = re.compile(r"[\w'’.&-]+")


@dataclass(frozen=True)
class Span:
    """A run of capitalised words found in a paragraph."""

    text: str
    start: int
    end: int
    initial: bool
    before: tuple[str, ...]
    after: tuple[str, ...]
    after_text: str


def find_spans(paragraph: str) -> list[Span]:
    """Every maximal run of capitalised words (with 'of', 'and', 'al-' and the like inside)."""
    spans = []
    for match in _SPAN.finditer(paragraph):
        start, end = match.span()
        spans.append(
            Span(
                text=match.group(0),
                start=start,
                end=end,
                initial=_opens_sentence(paragraph, start),
                before=tuple(_WORDS_AROUND.findall(paragraph[max(0, start - 40) : start])[-3:]),
                after=tuple(_WORDS_AROUND.findall(paragraph[end : end + 40])[:3]),
                after_text=paragraph[end : end + 60],
            )
        )
    return spans


def _opens_sentence(paragraph: str, start: int) -> bool:
    before = paragraph[max(0, start - 12) : start]
    if not _SENTENCE_END.search(before):
        return False
    return not _NOT_A_BREAK.search(before.rstrip("\"'”’)] \t"))


def is_mostly_upper(text: str) -> bool:
    """Headline capitals: most letters upper case."""
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 8 and sum(1 for char in letters if char.isupper()) > 0.7 * len(letters)
