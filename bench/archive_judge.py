"""Judging a returned story that the editors did not tag. Reuters' tags are incomplete: of
the TRAIN stories that write "Margaret Thatcher", 14 of 36 carry the `thatcher` tag, so a
query that finds every one of them would score 0.4 by the tags alone. A returned story is:

- right when it carries the tag, or its text writes the full name (initials may stand
  between the words) or, for an organisation or place, the tag's acronym ('EC', 'U.K.');
- unsure when, for a person, it writes the surname but no full name at all (the editors may
  have left it untagged, or it may be someone else of that name): left out of precision;
- wrong otherwise: it names someone else of that surname ('Howard Baker' for James Baker)
  or does not write the name at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bench.archive_tags import CaseStats

RIGHT, UNSURE, WRONG = "right", "unsure", "wrong"


@dataclass(frozen=True)
class Judge:
    """The patterns that recognise one tag's name in a story's text."""

    kind: str
    full: re.Pattern[str]
    acronym: re.Pattern[str] | None
    surname: re.Pattern[str] | None
    given: frozenset[str]
    stats: CaseStats

    @classmethod
    def of(cls, kind: str, tag: str, name: str, stats: CaseStats) -> Judge:
        words = name.split()
        full = re.compile(r"(?<!\w)" + r"\s+(?:[A-Z]\.\s+)*".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)
        letters = tag.split("-")[0].upper()
        acronym = None
        if kind != "person" and len(letters) >= 2:
            dotted = r"\.".join(letters) + r"\."
            acronym = re.compile(rf"(?<![\w.])(?:{letters}|{dotted})(?![\w])")
        surname = None
        if kind == "person" and len(words) > 1:
            surname = re.compile(rf"(?:([A-Z][\w'’-]+)\s+(?:[A-Z]\.\s+)*)?{re.escape(words[-1])}(?!\w)")
        return cls(kind, full, acronym, surname, frozenset(words[:-1]), stats)

    def verdict(self, text: str) -> str:
        if self.full.search(text) or (self.acronym is not None and self.acronym.search(text)):
            return RIGHT
        if self.surname is None:
            return WRONG
        found = False
        for match in self.surname.finditer(text):
            found = True
            before = match.group(1)
            if before and before not in self.given and self.stats.given_name_like(before):
                return WRONG  # another full name with this surname
        return UNSURE if found else WRONG
