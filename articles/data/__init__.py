"""Data tables shipped with the package, loaded once on first use."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_json(name: str) -> Any:
    """A JSON file from this folder, without its `_comment` key."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    data = json.loads(text)
    if isinstance(data, dict):
        data.pop("_comment", None)
    return data
