"""Undo a response's Content-Encoding within a size limit: a decompression bomb (a few
kilobytes that inflate to gigabytes) is refused once its output passes the limit, without
ever holding more than the limit in memory."""

from __future__ import annotations

import zlib

from feeds.errors import FetchError

# What newsdesk asks servers for; it decodes nothing else.
ACCEPTED = "gzip, deflate"


class Decoder:
    """Feed it the body as it arrives; it returns the decoded bytes, at most `limit` in all."""

    def __init__(self, encoding: str | None, limit: int) -> None:
        name = (encoding or "identity").strip().lower()
        if name not in ("identity", "gzip", "x-gzip", "deflate"):
            raise FetchError(f"the server compressed the response as {name[:40]!r}, which newsdesk did not ask for")
        self.name = name
        self.limit = limit
        self.total = 0
        self._inflate = self._new() if name != "identity" else None
        self._deflate_tried_raw = False

    def _new(self, raw: bool = False) -> zlib._Decompress:
        if self.name in ("gzip", "x-gzip"):
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        return zlib.decompressobj(-zlib.MAX_WBITS if raw else zlib.MAX_WBITS)

    def feed(self, chunk: bytes) -> bytes:
        if self._inflate is None:
            return self._count(chunk)
        out: list[bytes] = []
        data = chunk
        while data:
            try:
                piece = self._inflate.decompress(data, self.limit - self.total + 1)
            except zlib.error:
                data = self._retry_raw(data)
                continue
            out.append(self._count(piece))
            data = self._inflate.unconsumed_tail or self._next_member()
        return b"".join(out)

    def _retry_raw(self, data: bytes) -> bytes:
        """'deflate' is sent both with and without its zlib header; try the other at the start."""
        if self.name != "deflate" or self._deflate_tried_raw or self.total:
            raise FetchError(f"the response is not valid {self.name} data")
        self._deflate_tried_raw = True
        self._inflate = self._new(raw=True)
        return data

    def _next_member(self) -> bytes:
        """A gzip body may hold several members one after another."""
        assert self._inflate is not None
        rest = self._inflate.unused_data if self._inflate.eof else b""
        if rest:
            self._inflate = self._new()
        return rest

    def finish(self) -> bytes:
        if self._inflate is None:
            return b""
        return self._count(self._inflate.flush())

    def _count(self, piece: bytes) -> bytes:
        self.total += len(piece)
        if self.total > self.limit:
            raise FetchError(f"the response is larger than {size_text(self.limit)}")
        return piece


def size_text(size: int) -> str:
    """'10 MB', '512 KB': a limit as people say it."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    return f"{max(1, size // 1024)} KB"
