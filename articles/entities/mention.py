"""One occurrence of a name in an article, with the evidence for its type: what the
extractor's passes (mentions, cues, grouping) hand each other."""

from __future__ import annotations

from dataclasses import dataclass

from articles.entities.lexicon import Known
from articles.model import EntityType


@dataclass(slots=True)
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
    work_cue: bool = False
    collective_cue: bool = False  # 'the band X', 'X striker Y', 'X were': no one person
    acronym_of: str | None = None
    headline: bool = False
    pair: str | None = None  # 'Wagner and Brown', when this is one of the two

    @property
    def words(self) -> list[str]:
        return self.surface.split()
