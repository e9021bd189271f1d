"""Printing the archive yardstick's figures: per-type macro precision and recall, the worst
names, the top facets and the date checks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol


class Score(Protocol):
    tag: str
    kind: str
    name: str
    tagged: int
    returned: int
    tagged_returned: int
    right: int
    unsure: int

    @property
    def precision(self) -> float: ...

    @property
    def tag_precision(self) -> float: ...

    @property
    def recall(self) -> float: ...


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def print_report(figures: dict[str, Any], scores: Sequence[Score], worst: int) -> None:
    print(
        f"archive: Reuters {figures['split']}{' + BBC' if figures['bbc'] else ''}, "
        f"{figures['articles']:,} articles ingested in {figures['ingest_seconds']} s"
    )
    print("\nP: judged precision (tagged or naming it; unsure left out); P(tags): by the tags alone; R: by the tags")
    print(f"{'type':<14}{'tags':>5}{'macro P':>9}{'macro R':>9}{'P(tags)':>9}{'unsure':>8}{'P<0.8':>7}{'R<0.8':>7}")
    for kind in ("person", "organization", "place"):
        of_kind = [s for s in scores if s.kind == kind]
        precision, recall = mean([s.precision for s in of_kind]), mean([s.recall for s in of_kind])
        by_tags, unsure = mean([s.tag_precision for s in of_kind]), sum(s.unsure for s in of_kind)
        low_p = sum(1 for s in of_kind if s.precision < 0.8)
        low_r = sum(1 for s in of_kind if s.recall < 0.8)
        print(
            f"{kind:<14}{len(of_kind):>5}{precision:>9.3f}{recall:>9.3f}{by_tags:>9.3f}{unsure:>8}{low_p:>7}{low_r:>7}"
        )
    for kind in ("person", "organization", "place"):
        of_kind = sorted((s for s in scores if s.kind == kind), key=lambda s: (min(s.precision, s.recall), s.tag))
        print(f"\nworst {kind} names (tag, query name, tagged, returned, right, unsure, P, R)")
        for s in of_kind[:worst]:
            print(
                f"  {s.tag:<20} {s.name[:40]:<40} {s.tagged:>5} {s.returned:>5} {s.right:>5} {s.unsure:>5}"
                f"  {s.precision:.2f} {s.recall:.2f}"
            )
    for kind, facets in figures["facets"].items():
        print(f"\ntop {len(facets)} {kind} facets")
        for rank, (name, count) in enumerate(facets, start=1):
            print(f"  {rank:>2}. {name} ({count})")
    _print_dates(figures["dates"])


def _print_dates(dates: dict[str, Any]) -> None:
    print("\ndates")
    print(f"  BBC articles given a date: {dates['bbc_dated']}; dated before 2004: {len(dates['bbc_before_2004'])}")
    for path, published in dates["bbc_before_2004"][:10]:
        print(f"    {path}: {published}")
    total = dates["stories"]
    print(f"  Reuters with date line: {dates['reuters_right']} articles dated right, {len(dates['reuters_wrong'])} not")
    for newid, published in dates["reuters_wrong"][:10]:
        print(f"    story {newid}: {published}")
    outside = dates["stripped_outside_1987"]
    print(f"  Reuters without date line ({total}): {dates['stripped_dated']} dated; outside 1987: {len(outside)}")
    for newid, published in outside[:10]:
        print(f"    story {newid}: {published}")
