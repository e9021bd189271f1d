"""Word wrapping in time proportional to the text: Rich took 28 s to wrap one 8 MB paragraph
and 100 s for 200,000 short ones, which `newsdesk show` must print in well under two."""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len


def wrap(text: str, width: int) -> Iterator[str]:
    """The lines of `text` at most `width` cells wide, broken at spaces; a word wider than
    a line is cut. Every line of the text is wrapped on its own."""
    width = max(1, width)
    for paragraph_line in text.split("\n"):
        yield from _wrap_line(paragraph_line, width)


def _wrap_line(text: str, width: int) -> Iterator[str]:
    if _cells(text) <= width:
        yield text
        return
    line: list[str] = []
    used = 0
    for word in text.split():
        size = _cells(word)
        if line and used + 1 + size > width:
            yield " ".join(line)
            line, used = [], 0
        while size > width:
            head = _cut(word, width)
            yield head
            word = word[len(head) :]
            size = _cells(word)
        used += size + (1 if line else 0)
        line.append(word)
    if line:
        yield " ".join(line)


def _cells(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def _cut(word: str, width: int) -> str:
    """The longest start of `word` that fits `width` cells (at least one character)."""
    if word.isascii():
        return word[:width]
    used = 0
    for index, char in enumerate(word):
        used += cell_len(char)
        if used > width:
            return word[: max(1, index)]
    return word
