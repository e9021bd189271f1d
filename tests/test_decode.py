"""Files are read whatever their encoding; files that are not articles say why in one line."""

from __future__ import annotations

import codecs
import os

import pytest

from articles import ParseError, parse_file
from articles.decode import decode_bytes, read_text

TEXT = "Café owners in Zürich said “no” to the plan.\n\nA second paragraph follows here."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-le", "utf-16-be", "cp1252"],
)
def test_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert decode_bytes(data) == TEXT


def test_latin1_bytes_undefined_in_cp1252_are_not_lost() -> None:
    assert decode_bytes("Pelé scored".encode("latin-1")) == "Pelé scored"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n ", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
        (bytes(range(256)) * 20, "binary"),
        (b"%PDF-1.7\n%\xe2\xe3", "binary"),
    ],
)
def test_files_that_are_not_articles_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ParseError, match=reason):
        decode_bytes(data)


def test_oversize_file_is_refused_before_it_is_read(write) -> None:  # type: ignore[no-untyped-def]
    path = write("huge.txt", b"x")
    with open(path, "r+b") as handle:
        handle.truncate(200 * 1024 * 1024)
    with pytest.raises(ParseError, match="too large"):
        read_text(path)


def test_folder_and_missing_file_give_reasons(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ParseError, match="folder"):
        parse_file(tmp_path)
    with pytest.raises(ParseError, match="no such file"):
        parse_file(tmp_path / "absent.txt")


def test_escape_sequences_never_survive_decoding() -> None:
    data = "Title \x1b]0;pwned\x07here\n\nBody \x1b[2J\x1b]52;c;ZXZpbA==\x07text \x9b31mok\x00.".encode()
    text = decode_bytes(data)
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text and "\x00" not in text
    assert text == "Title here\n\nBody text ok."


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_pipes_and_devices_are_refused_without_waiting(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)  # opening it for reading would wait for a writer forever
    with pytest.raises(ParseError, match="not a regular file"):
        read_text(pipe)
    with pytest.raises(ParseError, match="not a regular file"):
        read_text("/dev/zero")  # endless: read whole, it would fill the memory
