"""A binary stream over an open descriptor whose first bytes have been read already."""

from __future__ import annotations

import io
import os


class DescriptorStream(io.RawIOBase):
    """Reads `start`, then the rest of the descriptor (which the caller closes)."""

    def __init__(self, descriptor: int, start: bytes) -> None:
        super().__init__()
        self._descriptor = descriptor
        self._start = start

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._start:
            if size < 0 or size >= len(self._start):
                taken, self._start = self._start, b""
            else:
                taken, self._start = self._start[:size], self._start[size:]
            return taken
        if size < 0:
            return b"".join(iter(lambda: os.read(self._descriptor, 1 << 20), b""))
        return os.read(self._descriptor, size)
