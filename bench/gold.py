"""Reading the gold labels in ../shared/eval and scoring parsed articles against them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

TYPES = {"persons": "person", "places": "place", "organizations": "organization"}
_ANNOTATION = re.compile(r"\s*\((?:from|as|only|credit|photo|related|per|UConn|men|the)[^)]*\)\s*$|\s*\([^)]*\)\s*$")
_QUOTED = re.compile(r"'([^']+)'")


def fold(text: str) -> str:
    """Case- and diacritics-insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def label_forms(label: str) -> set[str]:
    """A gold label such as "Donald Trump (as 'Trump')" stands for each of its forms."""
    forms = {label, _ANNOTATION.sub("", label)}
    forms.update(_QUOTED.findall(label))
    for part in label.split(" / "):
        forms.add(_ANNOTATION.sub("", part).strip("'\" "))
    return {fold(form) for form in forms if form.strip()}


@dataclass
class EntityScore:
    """True positives, false positives and false negatives per type."""

    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES.values(), 0))
    fp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES.values(), 0))
    fn: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES.values(), 0))
    boilerplate_hits: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def add(self, other: EntityScore) -> None:
        for kind in TYPES.values():
            self.tp[kind] += other.tp[kind]
            self.fp[kind] += other.fp[kind]
            self.fn[kind] += other.fn[kind]
        self.boilerplate_hits += other.boilerplate_hits
        self.misses += other.misses
        self.spurious += other.spurious

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        kinds = [kind] if kind else list(TYPES.values())
        tp = sum(self.tp[k] for k in kinds)
        fp = sum(self.fp[k] for k in kinds)
        fn = sum(self.fn[k] for k in kinds)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def score_entities(gold: dict[str, Any], predicted: list[dict[str, Any]]) -> EntityScore:
    score = EntityScore()
    aliases: dict[str, list[str]] = gold.get("aliases") or {}
    gold_items = [
        (kind, name, label_forms(name) | {fold(a) for a in aliases.get(name, [])})
        for key, kind in TYPES.items()
        for name in gold.get(key) or []
    ]
    optional = set().union(*(label_forms(label) for label in gold.get("optional") or []))
    boiler = {
        form: label
        for labels in (gold.get("boilerplate_entities") or {}).values()
        for label in labels
        for form in label_forms(label)
    }
    matched: set[int] = set()
    for entity in predicted:
        forms = {fold(entity["name"])} | {fold(alias) for alias in entity.get("aliases", [])}
        hits = [
            i for i, (kind, _, gold_forms) in enumerate(gold_items) if kind == entity["type"] and forms & gold_forms
        ]
        if hits:
            score.tp[entity["type"]] += 1
            matched.update(hits)
        elif any(forms & gold_forms for _, _, gold_forms in gold_items):
            score.fp[entity["type"]] += 1
            score.spurious.append(f"{entity['name']} ({entity['type']}: wrong type)")
        elif forms & optional:
            continue  # optional names neither help nor hurt
        else:
            score.fp[entity["type"]] += 1
            score.spurious.append(f"{entity['name']} ({entity['type']})")
            if forms & set(boiler):
                score.boilerplate_hits.append(entity["name"])
    for i, (kind, name, _) in enumerate(gold_items):
        if i not in matched:
            score.fn[kind] += 1
            score.misses.append(f"{name} ({kind})")
    # Several predictions may match one gold entity (a split entity): count the extras as false positives.
    for kind in TYPES.values():
        extra = score.tp[kind] - sum(1 for i in matched if gold_items[i][0] == kind)
        if extra > 0:
            score.tp[kind] -= extra
            score.fp[kind] += extra
    return score
