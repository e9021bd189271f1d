"""Which filesystems hold no articles: /proc, /sys, /dev and the kernel's other pseudo
filesystems. A file there (or a link to one) is refused, whatever its name says."""

from __future__ import annotations

import contextlib
import functools
import os

# Kernel pseudo filesystems: their files are views of the running system, not documents.
_PSEUDO_TYPES = frozenset({
    "proc", "sysfs", "devtmpfs", "devpts", "debugfs", "tracefs", "securityfs", "cgroup", "cgroup2", "pstore",
    "bpf", "configfs", "efivarfs", "fusectl", "hugetlbfs", "mqueue", "binfmt_misc", "nsfs", "selinuxfs", "rpc_pipefs",
})  # fmt: skip
_SPECIAL_ROOTS = ("/proc", "/sys", "/dev")
_MOUNTS = "/proc/self/mounts"
REASON = "on a special filesystem (/proc, /sys, /dev): not an article file"


def on_special_filesystem(device: int) -> bool:
    """Whether a file whose st_dev is `device` lives on a special filesystem."""
    return device in special_devices()


@functools.cache
def special_devices() -> frozenset[int]:
    """The st_dev of every special filesystem mounted here (read once per process)."""
    devices = set()
    for mount_point in _special_mount_points():
        try:
            devices.add(os.stat(mount_point).st_dev)
        except OSError:
            continue
    with contextlib.suppress(OSError):
        devices.discard(os.stat("/").st_dev)  # a system without separate mounts: only / itself
    return frozenset(devices)


def _special_mount_points() -> list[str]:
    """Mounts of a pseudo type, and whatever is mounted at /proc, /sys or /dev or below /proc
    and /sys ('/dev/shm' is ordinary tmpfs and stays allowed). Without a mount table (not
    Linux), the three roots themselves."""
    try:
        with open(_MOUNTS, encoding="utf-8", errors="replace") as handle:
            lines = handle.read(1 << 20).splitlines()
    except OSError:
        return [root for root in _SPECIAL_ROOTS if os.path.isdir(root)]
    points = []
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point, kind = _unescape(fields[1]), fields[2]
        if kind in _PSEUDO_TYPES or point in _SPECIAL_ROOTS or point.startswith(("/proc/", "/sys/")):
            points.append(point)
    return points


def _unescape(field: str) -> str:
    """The mount table writes space, tab, newline and backslash in octal (\\040...)."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field
