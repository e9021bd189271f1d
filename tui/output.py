"""The last guard where text leaves newsdesk for a terminal or a pipe."""

from __future__ import annotations

import json
import os
import re
import sys
from typing import Any, TextIO

from articles.sanitize import sanitize

# json.dumps escapes C0 but writes C1 and bidi controls raw; escape them too.
_UNSAFE_IN_JSON = re.compile(r"[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def to_json(value: Any, indent: int | None = 2) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def print_json(value: Any, stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    out.write(to_json(value) + "\n")


def print_text(text: str, stream: TextIO | None = None) -> None:
    """Print text that may come from an article: escape sequences never get through."""
    out = stream or sys.stdout
    out.write(sanitize(text) + "\n")


def print_error(message: str, prefix: str = "error: ") -> None:
    sys.stderr.write(prefix + " ".join(sanitize(message).split()) + "\n")


def abandon_stdout() -> None:
    """Point standard output at nothing after it failed, so that the interpreter's final flush
    of what is still buffered does not print a second error (as Python's docs advise for SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
