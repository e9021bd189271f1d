"""JSON arrays and JSON Lines of article records, read as a stream: one record in memory at a
time, each record (not the file) held to the size limit, a bad record named and the rest read."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import Protocol

from articles.decode import MAX_BYTES
from articles.formats.parts import Part
from articles.formats.record_fields import record_found, record_key


class Readable(Protocol):
    """A binary stream: a file opened 'rb', or the rest of a descriptor."""

    def read(self, size: int = -1, /) -> bytes: ...


_CHUNK = 1 << 16
_DECODER = json.JSONDecoder()
_SPACE = " \t\r\n"
_CUT_REACH = 64


def record_parts(stream: Readable, max_record: int = MAX_BYTES) -> Iterator[Part]:
    """Parts for the records of a JSON array, or of JSON Lines (any run of JSON values)."""
    reader = _Reader(stream, max_record)
    yield from reader.parts()


def _part(number: int, value: object, line: int) -> Part:
    if not isinstance(value, dict):
        return Part(number, str(number), "", error=f"record on line {line} is not an object")
    fingerprint = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    try:
        found = record_found(value)
    except ValueError as error:
        return Part(number, str(number), fingerprint, error=f"record on line {line}: {error}")
    return Part(number, record_key(value) or str(number), fingerprint, found=found)


class _Reader:
    """A window on the stream's text: what has been read and not yet consumed."""

    def __init__(self, stream: Readable, max_record: int) -> None:
        self.stream = stream
        self.max_record = max_record
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="replace")
        self.buffer = ""
        self.position = 0
        self.line = 1
        self.ended = False

    def parts(self) -> Iterator[Part]:
        self._skip_space()
        in_array = self._peek() == "["
        if in_array:
            self._advance(1)
        number = 0
        while True:
            self._skip_space()
            if self._at_end() or (in_array and self._peek() == "]"):
                return
            number += 1
            part, resumable = self._next_part(number, in_array)
            yield part
            if not resumable:
                return
            if in_array and not self._after_array_value(number):
                yield Part(
                    number + 1,
                    str(number + 1),
                    "",
                    error=f"line {self.line}: records must be separated by commas; the rest of the file was not read",
                )
                return

    def _next_part(self, number: int, in_array: bool) -> tuple[Part, bool]:
        """The next record, and whether reading can go on after it."""
        line = self.line
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buffer, self.position)
            except json.JSONDecodeError as error:
                if self._incomplete(error) and self._more():
                    continue
                return self._bad(number, line, error, in_array)
            if end - self.position > self.max_record:
                return self._too_large(number, line, end, in_array)
            self._advance(end - self.position)
            return _part(number, value, line), True

    def _incomplete(self, error: json.JSONDecodeError) -> bool:
        """The record may only have been cut off where the text read so far ends."""
        # A cut may fall inside a literal ('nu' of null, '1e' of 1e5): near the end counts.
        return error.pos >= len(self.buffer) - _CUT_REACH or error.msg.startswith("Unterminated string")

    def _bad(self, number: int, line: int, error: json.JSONDecodeError, in_array: bool) -> tuple[Part, bool]:
        if len(self.buffer) - self.position > self.max_record:
            return self._too_large(number, line, len(self.buffer), in_array)
        where = f"line {line}"
        if in_array:
            # Inside an array nothing marks where the next record starts: stop here.
            message = f"record on {where} is not valid JSON ({_reason(error)}); the rest of the file was not read"
            return Part(number, str(number), "", error=message), False
        self._skip_line()
        return Part(number, str(number), "", error=f"record on {where} is not valid JSON ({_reason(error)})"), True

    def _too_large(self, number: int, line: int, end: int, in_array: bool) -> tuple[Part, bool]:
        limit = f"{self.max_record / (1024 * 1024):.1f} MB"
        message = f"record on line {line} is larger than the {limit} limit for one record"
        if in_array:
            return Part(number, str(number), "", error=f"{message}; the rest of the file was not read"), False
        self._skip_line()
        return Part(number, str(number), "", error=message), True

    def _after_array_value(self, number: int) -> bool:
        self._skip_space()
        if self._peek() == ",":
            self._advance(1)
            return True
        return self._peek() in ("]", "")

    # -- the window ----------------------------------------------------------------------

    def _more(self) -> bool:
        """Read more of the stream (at least as much again as is buffered); False at its end."""
        if self.ended or len(self.buffer) - self.position > self.max_record:
            return False
        if self.position:
            self.buffer = self.buffer[self.position :]
            self.position = 0
        data = self.stream.read(max(_CHUNK, len(self.buffer)))
        if not data:
            self.ended = True
            self.buffer += self.decoder.decode(b"", final=True)
            return False
        self.buffer += self.decoder.decode(data)
        return True

    def _peek(self) -> str:
        while self.position >= len(self.buffer):
            if not self._more():
                return ""
        return self.buffer[self.position]

    def _at_end(self) -> bool:
        return self._peek() == ""

    def _advance(self, count: int) -> None:
        self.line += self.buffer.count("\n", self.position, self.position + count)
        self.position += count

    def _skip_space(self) -> None:
        while self._peek() and self.buffer[self.position] in _SPACE:
            start = self.position
            while self.position < len(self.buffer) and self.buffer[self.position] in _SPACE:
                self.position += 1
            self.line += self.buffer.count("\n", start, self.position)

    def _skip_line(self) -> None:
        """Past the end of the current line: where the next JSON Lines record starts."""
        while True:
            newline = self.buffer.find("\n", self.position)
            if newline >= 0:
                self._advance(newline + 1 - self.position)
                return
            self.position = len(self.buffer)
            if not self._more():
                return


def _reason(error: json.JSONDecodeError) -> str:
    return error.msg.removesuffix(" at")  # 'Invalid control character at'
