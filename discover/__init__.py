"""Finding article files on disk: what an ingest reads, walked safely, and the names they are
stored and shown by. Filesystem only: no database, no UI (an import-linter contract says so)."""

from discover.names import shown_path
from discover.walk import collect_files
from discover.watching import watch_files

__all__ = ["collect_files", "shown_path", "watch_files"]
