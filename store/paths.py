"""Where the database lives: --db, else $NEWSDESK_DB, else the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENVIRONMENT = "NEWSDESK_DB"


def default_database_path() -> Path:
    override = os.environ.get(ENVIRONMENT)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("newsdesk", appauthor=False)) / "newsdesk.db"
