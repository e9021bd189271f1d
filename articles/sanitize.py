"""Make untrusted text safe to store and to print: no control characters, escape sequences
or bidi overrides survive; newlines, tabs and emoji joiners do."""

from __future__ import annotations

import re

# Strings introduced by OSC, DCS, SOS, PM and APC run until BEL or ST (ESC \ or 0x9C);
# an unterminated one is dropped to the end of its line.
_STRING_SEQUENCE = re.compile(r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x9c\n]*?(?:\x07|\x1b\\|\x9c|(?=\n)|$)")
_CSI = re.compile(r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?")
_OTHER_ESCAPE = re.compile(r"\x1b[\x20-\x2f]*[\x30-\x7e]?")
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
# C0 except tab and newline, DEL, C1, bidi embeddings/overrides/isolates and marks, BOM.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_FAST_SAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\r]"
)


def sanitize(text: str) -> str:
    """Remove escape sequences, control characters and bidi controls from `text`."""
    if not _FAST_SAFE.search(text):
        return text
    text = _LINE_BREAKS.sub("\n", text)
    text = _STRING_SEQUENCE.sub("", text)
    text = _CSI.sub("", text)
    text = _OTHER_ESCAPE.sub("", text)
    return _FORBIDDEN.sub("", text)


def sanitize_line(text: str) -> str:
    """Like `sanitize`, and also fold newlines and tabs to spaces, for one-line fields."""
    return " ".join(sanitize(text).split())
