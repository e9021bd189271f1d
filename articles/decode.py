"""Read a file as text whatever its encoding, refusing what is not an article file."""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from articles.errors import ParseError
from articles.sanitize import sanitize

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
    target = Path(path)
    try:
        if target.is_dir():
            raise ParseError("is a folder, not a file")
        size = target.stat().st_size
        if size > max_bytes:
            raise ParseError(f"file too large ({_megabytes(size)} MB; the limit is {_megabytes(max_bytes)} MB)")
        data = target.read_bytes()
    except ParseError:
        raise
    except FileNotFoundError:
        raise ParseError("no such file") from None
    except PermissionError:
        raise ParseError("permission denied") from None
    except OSError as error:
        raise ParseError(f"cannot read file ({error.strerror or error.__class__.__name__})") from None
    return decode_bytes(data, max_bytes)


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
