"""Which files an ingest reads: files named, found under folders (recursively) or matched by
globs. Whatever is not an article file (a link loop, a dangling link, a device, a pipe, a
special filesystem, a name the system refuses) is named with its reason, and the walk goes on."""

from __future__ import annotations

import errno
import glob
import os
import stat
from collections.abc import Iterable

from articles.special_files import REASON as SPECIAL_FILE
from articles.special_files import on_special_filesystem
from discover.names import shown_path

Failures = list[tuple[str, str]]
NOT_REGULAR = "not a regular file (a device, pipe or socket)"
_REASONS = {
    errno.ELOOP: "symbolic link loop",
    errno.ENAMETOOLONG: "name too long for the filesystem",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOTDIR: "no such file or folder (a part of the path is a file)",
}


def collect_files(targets: Iterable[str]) -> tuple[list[str], Failures]:
    """The files to read, in order, once, as the system names them (for opening), and what
    was refused, by shown path, with a reason."""
    files: dict[str, None] = {}
    failed: Failures = []
    for target in targets:
        matches = sorted(glob.glob(target, recursive=True)) if glob.has_magic(target) else [target]
        if not matches:
            failed.append((shown_path(target), "no file matches this pattern"))
        for match in matches:
            _collect(match, files, failed)
    return list(files), failed


def _collect(path: str, files: dict[str, None], failed: Failures) -> None:
    try:
        info = os.stat(path)
    except OSError as error:
        failed.append((shown_path(path), _reason(path, error)))
        return
    if stat.S_ISDIR(info.st_mode) and not on_special_filesystem(info.st_dev):
        _walk(path, files, failed)
    else:
        _add(path, info, files, failed)


def _add(path: str, info: os.stat_result, files: dict[str, None], failed: Failures) -> None:
    if not stat.S_ISREG(info.st_mode):
        failed.append((shown_path(path), NOT_REGULAR))
    elif on_special_filesystem(info.st_dev):
        failed.append((shown_path(path), SPECIAL_FILE))
    else:
        files.setdefault(path)


def _walk(folder: str, files: dict[str, None], failed: Failures) -> None:
    """Files under `folder` in path order, depth first, without a stat per file (scandir
    knows each entry's kind): listing 100,000 files took 3.6 s through pathlib. Hidden
    files and folders ('.git') and links to folders are left out; links, pipes and devices
    are looked at (one stat each) and refused with a reason; so is a folder that cannot be
    listed, or one that is a special filesystem mounted inside the tree."""
    stack = [iter(_listing(folder, failed))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif entry.name.startswith("."):
            continue
        elif entry.is_file(follow_symlinks=False):
            files.setdefault(entry.path)
        elif entry.is_dir(follow_symlinks=False):
            if _special_folder(entry):
                failed.append((shown_path(entry.path), SPECIAL_FILE))
            else:
                stack.append(iter(_listing(entry.path, failed)))
        else:
            _other(entry, files, failed)


def _special_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return on_special_filesystem(entry.stat(follow_symlinks=False).st_dev)
    except OSError:
        return False  # listing it will say why


def _other(entry: os.DirEntry[str], files: dict[str, None], failed: Failures) -> None:
    """A link, a pipe, a device or a socket met while walking."""
    if not entry.is_symlink():
        failed.append((shown_path(entry.path), NOT_REGULAR))
        return
    try:
        info = os.stat(entry.path)
    except OSError as error:
        failed.append((shown_path(entry.path), _reason(entry.path, error)))
        return
    if not stat.S_ISDIR(info.st_mode):
        _add(entry.path, info, files, failed)


def _listing(folder: str, failed: Failures) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError as error:
        failed.append((shown_path(folder), f"cannot list folder ({error.strerror})"))
        return []


def _reason(path: str, error: OSError) -> str:
    if error.errno == errno.ENOENT:
        return (
            "dangling symbolic link (its target does not exist)" if os.path.islink(path) else "no such file or folder"
        )
    reason = _REASONS.get(error.errno or 0)
    return reason or f"cannot read ({error.strerror or error.__class__.__name__})"
