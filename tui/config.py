"""The user's config file (TOML in the user config folder): key overrides and the theme.
A bad file gives one clear message and the defaults, never a crash."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs
from textual.app import App

ENVIRONMENT = "NEWSDESK_CONFIG"
EXAMPLE = """\
# newsdesk configuration
theme = "textual-dark"

[keys]
# binding id = "key" (comma-separated for several); see the ? help screen for ids
# star = "f"
# quit = "q,ctrl+q"
"""


@dataclass(frozen=True)
class Config:
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    problem: str | None = None
    path: str = ""


def config_path() -> Path:
    override = os.environ.get(ENVIRONMENT)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir("newsdesk", appauthor=False)) / "config.toml"


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    if not path.exists():
        return Config(path=str(path))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(problem=f"config file {path} was not used: {_one_line(error)}", path=str(path))
    theme = data.get("theme")
    keys = data.get("keys", {})
    problems = []
    if theme is not None and not isinstance(theme, str):
        problems.append("'theme' must be a string")
        theme = None
    if not isinstance(keys, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in keys.items()):
        problems.append("[keys] must map binding ids to key strings")
        keys = {}
    problem = f"config file {path}: " + "; ".join(problems) + " (defaults used)" if problems else None
    return Config(theme=theme, keys=dict(keys), problem=problem, path=str(path))


def apply_config(app: App[None], config: Config) -> list[str]:
    """Set the theme and key overrides on the app; what could not be applied, as messages."""
    problems = [config.problem] if config.problem else []
    if config.theme:
        try:
            app.theme = config.theme
        except Exception:
            problems.append(f"unknown theme {config.theme!r} in {config.path}; using the default")
    if config.keys:
        app.set_keymap(config.keys)
    return problems


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())
