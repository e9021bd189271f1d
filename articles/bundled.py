"""The five seed articles shipped inside the package, byte for byte."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def bundled_files() -> list[Path]:
    """Paths of the bundled corpus files, in name order."""
    folder = resources.files("articles").joinpath("corpus")
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".txt"))
