"""Read a file as text whatever its encoding, refusing what is not an article file."""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import stat
from collections.abc import Iterator

from articles.errors import ParseError
from articles.sanitize import sanitize
from articles.special_files import REASON as SPECIAL_FILE
from articles.special_files import on_special_filesystem

MAX_BYTES = 8 * 1024 * 1024
_SAMPLE = 8192
_BINARY_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
    b"SQLite format 3",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_text(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> str:
    """Return the sanitised text of the file at `path`, or raise ParseError with a reason."""
    return decode_bytes(_read_bytes(os.fspath(path), max_bytes), max_bytes)


# Opening without blocking: a named pipe must give a reason, not wait for a writer forever.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _read_bytes(path: str, max_bytes: int) -> bytes:
    """The file's bytes through one descriptor (one open, one stat, one read: an ingest reads
    every file once, and the three stats pathlib made cost more than the read)."""
    with opened(path) as (descriptor, size):
        return read_open(descriptor, size, max_bytes)


@contextlib.contextmanager
def opened(path: str | os.PathLike[str]) -> Iterator[tuple[int, int]]:
    """The descriptor and size of the regular file at `path`, closed afterwards; ParseError
    with a reason when it is not one, or when reading it fails."""
    path = os.fspath(path)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise ParseError("no such file") from None
    except (IsADirectoryError, PermissionError) as error:
        if os.path.isdir(path):
            raise ParseError("is a folder, not a file") from None
        raise ParseError("permission denied" if isinstance(error, PermissionError) else "cannot read file") from None
    except OSError as error:
        raise _unreadable(error) from None
    try:
        yield descriptor, _regular_size(descriptor)
    except OSError as error:
        raise _unreadable(error) from None
    finally:
        os.close(descriptor)


def _unreadable(error: OSError) -> ParseError:
    return ParseError(f"cannot read file ({error.strerror or error.__class__.__name__})")


def _regular_size(descriptor: int) -> int:
    info = os.fstat(descriptor)
    if stat.S_ISDIR(info.st_mode):
        raise ParseError("is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ParseError("not a regular file (a device, pipe or socket)")
    if on_special_filesystem(info.st_dev):
        raise ParseError(SPECIAL_FILE)
    return info.st_size


def read_open(descriptor: int, size: int, max_bytes: int = MAX_BYTES, start: bytes = b"") -> bytes:
    """All of an open file of `size` bytes, of which `start` has been read already."""
    if size > max_bytes:
        raise ParseError(f"file too large ({_megabytes(size)} MB; the limit is {_megabytes(max_bytes)} MB)")
    data = start + os.read(descriptor, max(0, size + 1 - len(start)))
    if len(data) <= size:
        return data  # asked for more than the file holds, so this is all of it
    chunks = [data]  # the file grew since it was measured: read on, within the limit
    total = len(data)
    while total <= max_bytes and (chunk := os.read(descriptor, 1 << 20)):
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def decode_bytes(data: bytes, max_bytes: int = MAX_BYTES) -> str:
    """Decode article bytes: BOMs, UTF-8, UTF-16 without BOM, then cp1252/Latin-1."""
    if len(data) > max_bytes:
        raise ParseError(f"file too large ({_megabytes(len(data))} MB; the limit is {_megabytes(max_bytes)} MB)")
    if not data.strip():
        raise ParseError("empty file" if not data else "file holds only whitespace")
    text = _decode(data)
    if _looks_binary(text):
        raise ParseError("binary file, not text")
    text = sanitize(text)
    if not text.strip():
        raise ParseError("file holds no readable text")
    return text


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise ParseError(f"invalid {encoding.upper()} text after its byte-order mark") from None
    if data.startswith(_BINARY_MAGIC):
        raise ParseError("binary file, not text")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _decode_single_byte(data)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:_SAMPLE]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        encoding = "utf-16-le"
    elif even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _decode_single_byte(data: bytes) -> str:
    # cp1252 is what "save as text" on Windows writes; its five undefined bytes fall
    # back to Latin-1 so that no byte is lost or turned into an error.
    return data.decode("cp1252", errors=_LATIN1_FALLBACK)


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


_LATIN1_FALLBACK = "newsdesk-latin1-fallback"
codecs.register_error(_LATIN1_FALLBACK, _latin1_fallback)


_BINARY_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\ufffd]")


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    if not sample:
        return False
    controls = len(_BINARY_CHARS.findall(sample))
    return controls / len(sample) > 0.05 or sample.count("\x00") > 16


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"
