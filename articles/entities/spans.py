"""Find runs of capitalised words in running text, with what a reader uses to judge them:
whether the run opens a sentence, and the words just before and after it."""

from __future__ import annotations

import re

_UPPER = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x250) if chr(c).isupper())
_LOWER = "a-z" + "".join(chr(c) for c in range(0xDF, 0x250) if chr(c).islower())
_ABBREVIATIONS = r"(?:Jr|Sr|St|ST|Mt|Ft|Co|Corp|Inc|Ltd|Bros|Dr|Mr|Mrs|Ms|Gov|Rep|Sen|Gen|Lt|Col|Capt|Sgt|Adm|Cmdr|Prof|Rev|Maj|Brig|Gov)\."
_PARTICLE = r"(?:al|el|ad|as|ash|ar|an|bin|ibn|abu|ben|van|von|de|da|di|du|le|la|der|den|del|dos|das|ter|ten)"
_WORD = rf"(?:{_ABBREVIATIONS}|(?:[{_UPPER}]\.){{2,}}|[{_UPPER}]\.(?=\s+[{_UPPER}])|[{_UPPER}][\w&'’.-]*[\w&]|[{_UPPER}]|{_PARTICLE}-[{_UPPER}][\w'’-]*|\d+[{_LOWER}]*[{_UPPER}][\w]*)"
_JOINER = rf"(?:\s+(?:(?:of|for|on|the|and|&|{_PARTICLE})\s+)*)"
# The look-ahead only lets the costly alternation start where a word could (a capital, a
# digit, a particle such as 'al-'): checking 25 particles at every letter doubled the cost.
_SPAN = re.compile(rf"(?<![\w'’-])(?=[{_UPPER}\d]|[a-z]{{2,3}}-){_WORD}(?:{_JOINER}{_WORD})*(?![\w])")
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*\s*$|^\s*$|(?:^|[\s(\[])[\"“‘]\s*$|[—–]\s*[\"“‘]?\s*$|--\s*$")
_BREAK_CHARS = frozenset(".!?:;\"'”’)]“‘—–-")
_NOT_A_BREAK = re.compile(rf"(?:\b{_ABBREVIATIONS}|\b[{_UPPER}]\.|\b(?:[{_UPPER}]\.)+)\s*$")
# The last word before a name, found by matching the reversed text from its end.
_LAST_WORD_REVERSED = re.compile(r"[^\w'’.&-]*([\w'’.&-]+)")


class Span:
    """A run of capitalised words found in a paragraph; what surrounds it is worked out
    only when asked for."""

    __slots__ = ("_initial", "_word_before", "end", "paragraph", "start", "text")

    def __init__(self, paragraph: str, start: int, end: int) -> None:
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.text = paragraph[start:end]
        self._initial: bool | None = None
        self._word_before: str | None = None

    @property
    def initial(self) -> bool:
        """Whether the run opens a sentence (so its first capital proves nothing)."""
        if self._initial is None:
            self._initial = _opens_sentence(self.paragraph, self.start)
        return self._initial

    @property
    def word_before(self) -> str:
        """The word just before the run (within 40 characters), as written; '' if none."""
        if self._word_before is None:
            window = self.paragraph[max(0, self.start - 40) : self.start]
            match = _LAST_WORD_REVERSED.match(window[::-1])
            self._word_before = match.group(1)[::-1] if match else ""
        return self._word_before

    @property
    def after_text(self) -> str:
        return self.paragraph[self.end : self.end + 60]

    @property
    def before_text(self) -> str:
        return self.paragraph[max(0, self.start - 60) : self.start]


def find_spans(paragraph: str) -> list[Span]:
    """Every maximal run of capitalised words (with 'of', 'and', 'al-' and the like inside)."""
    return [Span(paragraph, *match.span()) for match in _SPAN.finditer(paragraph)]


def _opens_sentence(paragraph: str, start: int) -> bool:
    before = paragraph[max(0, start - 12) : start]
    stripped = before.rstrip()
    if stripped and stripped[-1] not in _BREAK_CHARS:
        return False  # every sentence break above ends in one of these (most runs follow a word)
    if not _SENTENCE_END.search(before):
        return False
    return not _NOT_A_BREAK.search(before.rstrip("\"'”’)] \t"))


def is_mostly_upper(text: str) -> bool:
    """Headline capitals: most letters upper case (judged on the first 300 characters)."""
    if sum(map(str.islower, text[:40])) > 12:
        return False
    sample = text[:300]
    lower = sum(map(str.islower, sample))
    upper = sum(map(str.isupper, sample))
    return lower + upper >= 8 and lower < 0.3 * (lower + upper)
