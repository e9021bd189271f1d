"""Running newsdesk on a pseudo-terminal, as a user's terminal would."""

from __future__ import annotations

import contextlib
import os
import pty
import sys
import time
from collections.abc import Sequence


def run_in_pty(
    argv: list[str], keys: Sequence[bytes] = (), seconds: float = 8.0, size: tuple[int, int] = (40, 120)
) -> bytes:
    """Run a command on a pseudo-terminal, type `keys`, and return every byte it wrote."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["COLUMNS"], os.environ["LINES"] = str(size[1]), str(size[0])
        os.execv(sys.executable, [sys.executable, *argv])
    import fcntl
    import struct
    import termios

    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[0], size[1], 0, 0))
    output = bytearray()
    deadline = time.monotonic() + seconds
    pending = list(keys)
    next_key = time.monotonic() + 2.0
    while time.monotonic() < deadline:
        try:
            import select

            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    break
                output += chunk
        except OSError:
            break
        if pending and time.monotonic() > next_key:
            os.write(fd, pending.pop(0))
            next_key = time.monotonic() + 0.4
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, 9)
    os.waitpid(pid, 0)
    os.close(fd)
    return bytes(output)
