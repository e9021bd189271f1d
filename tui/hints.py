"""What the timeline says when it has nothing to show: how to add articles to an empty
archive, or how to widen a search that matches nothing."""

from __future__ import annotations

import shlex
from pathlib import Path

from store import default_database_path


def empty_results(query: str, filters: int, db_path: str) -> list[str]:
    """The lines shown in place of results (an empty query with no filters means every article)."""
    if query.strip() or filters:
        ways = (["change the search (/)"] if query.strip() else []) + (["clear the filters (c)"] if filters else [])
        return ["No articles match.", " or ".join(ways).capitalize() + " to see more."]
    where = f" --db {shlex.quote(db_path)}" if Path(db_path) != default_database_path() else ""
    return [
        "The archive is empty.",
        "Add article files, folders or globs from a shell:",
        f"newsdesk ingest ~/news{where}",
        "and they appear here as they land. Or subscribe to a feed:",
        f"newsdesk feed add URL{where}",
        "then press f here to fetch it.",
    ]
