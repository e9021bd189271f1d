"""The user's config file (TOML in the user config folder): key overrides, the theme, and the
folders the app watches.
A bad file gives one clear message and the defaults, never a crash."""

from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs
from textual.app import App

ENVIRONMENT = "NEWSDESK_CONFIG"
MAX_CONFIG_BYTES = 256 * 1024
EXAMPLE = """\
# newsdesk configuration
theme = "textual-dark"
# folders the app ingests at start and watches while it is open (and `newsdesk watch` without paths)
# folders = ["~/news/scraped", "~/news/saved"]

[keys]
# binding id = "key" (comma-separated for several); see the ? help screen for ids
# star = "f"
# quit = "q,ctrl+q"
"""


@dataclass(frozen=True)
class Config:
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    folders: tuple[str, ...] = ()
    problem: str | None = None
    path: str = ""


def config_path() -> Path:
    override = os.environ.get(ENVIRONMENT)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir("newsdesk", appauthor=False)) / "config.toml"


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    try:
        data = tomllib.loads(_read(path))
    except FileNotFoundError:
        return Config(path=str(path))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ConfigRefused) as error:
        return Config(problem=f"config file {path} was not used: {_one_line(error)}", path=str(path))
    except RecursionError:
        return Config(problem=f"config file {path} was not used: it is nested too deeply", path=str(path))
    theme = data.get("theme")
    keys = data.get("keys", {})
    problems = []
    if theme is not None and not isinstance(theme, str):
        problems.append("'theme' must be a string")
        theme = None
    if not isinstance(keys, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in keys.items()):
        problems.append("[keys] must map binding ids to key strings")
        keys = {}
    folders = data.get("folders", [])
    if not isinstance(folders, list) or not all(isinstance(folder, str) and folder for folder in folders):
        problems.append("'folders' must be a list of folder paths")
        folders = []
    problem = f"config file {path}: " + "; ".join(problems) + " (defaults used)" if problems else None
    watched = tuple(os.path.expanduser(folder) for folder in folders)
    return Config(theme=theme, keys=dict(keys), folders=watched, problem=problem, path=str(path))


class ConfigRefused(Exception):
    """The config path names something that is not a small text file."""


def _read(path: Path) -> str:
    """The file's text, read without blocking (a named pipe would wait for a writer forever)
    and only when it is a regular file of a sensible size (/dev/zero never ends)."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise ConfigRefused("it is not a regular file (a folder, a pipe or a device)")
        if info.st_size > MAX_CONFIG_BYTES:
            raise ConfigRefused(f"it is too large ({info.st_size:,} bytes; a config is at most {MAX_CONFIG_BYTES:,})")
        data = os.read(descriptor, MAX_CONFIG_BYTES + 1)
    finally:
        os.close(descriptor)
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigRefused(f"it is too large (a config is at most {MAX_CONFIG_BYTES:,} bytes)")
    return data.decode("utf-8")


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
