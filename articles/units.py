"""Split article text into units: one per line of scraped text, or one per paragraph of
hard-wrapped wire copy (lines of similar width, paragraphs marked by indentation)."""

from __future__ import annotations

import re
from typing import NamedTuple

_SPACE = " \u00a0\u2000-\u200a\u202f\u205f\u3000"
# Runs of spaces that need rewriting: two or more, or any that starts with an unusual space
# (a lone ordinary space is left alone, which is most of them and costs nothing).
_ODD_SPACES = re.compile(f" [{_SPACE}]+|[{_SPACE[1:]}][{_SPACE}]*")
_WRAP_MIN, _WRAP_MAX = 35, 100


class Unit(NamedTuple):
    """One line or paragraph of the source text, with its block number."""

    text: str
    block: int
    indented: bool = False


def split_units(text: str) -> list[Unit]:
    """Units in reading order; blank lines separate blocks."""
    units: list[Unit] = []
    for block_number, block in enumerate(_blocks(text)):
        if _is_hard_wrapped(block):
            units.extend(Unit(paragraph, block_number, True) for paragraph in _unwrap(block))
        else:
            units.extend(Unit(_clean(line), block_number) for line in block if line.strip())
    return units


def _blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            blocks[-1].append(line.rstrip())
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _is_hard_wrapped(block: list[str]) -> bool:
    if len(block) < 3:
        return False
    lengths = [len(line.strip()) for line in block]
    if max(lengths) > _WRAP_MAX:
        return False
    inner = lengths[:-1]
    wrapped = sum(1 for length in inner if _WRAP_MIN <= length <= _WRAP_MAX)
    return wrapped >= 0.7 * len(inner)


def _unwrap(block: list[str]) -> list[str]:
    paragraphs: list[list[str]] = []
    for line in block:
        starts_paragraph = line[:1] in (" ", "\t") or not paragraphs
        if starts_paragraph:
            paragraphs.append([])
        paragraphs[-1].append(line.strip())
    return [_clean(_join(lines)) for lines in paragraphs]


def _join(lines: list[str]) -> str:
    joined = lines[0]
    for line in lines[1:]:
        joined += line if joined.endswith("-") and not joined.endswith(" -") else " " + line
    return joined


def _clean(line: str) -> str:
    if line.isascii() and "  " not in line:
        return line.strip()
    return _ODD_SPACES.sub(" ", line).strip()
