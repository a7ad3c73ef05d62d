"""Files only this user may read (the kits database, the storage secret), private from the moment they exist.

The mode goes to open(2) itself: a file written and then chmod-ed is readable by everyone in between, and one that
SQLite or `Path.write_text` creates gets 0644 under the usual umask.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import stat
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_MODE = 0o600


def create_private(path: Path) -> bool:
    """Create `path` empty and readable by its owner alone, unless something is there already; True if it made it."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
    except FileExistsError:
        return False
    os.close(descriptor)
    return True


def is_private(path: Path) -> bool:
    """Whether group and others can neither read nor write `path`."""
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


def write_private_file(path: Path, text: str) -> None:
    """Replace `path` with `text` atomically: readers see the old content or the new one whole, never a torn or empty
    file, and the new file is 0600 from its first byte."""
    temporary = _write_temporary(path, text)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_directory(path.parent)


def read_or_create_secret(path: Path) -> str:
    """The secret kept in `path`, made on first use (32 random bytes, URL-safe) and kept 0600.

    Two processes starting together (NiceGUI's reloader and its worker) agree on one secret: the first to publish its
    file wins and the other reads it. A blank file, left by an interrupted write of an older version, is replaced."""
    secret = _read_stripped(path)
    if secret:
        _keep_private(path)
        return secret
    fresh = secrets.token_urlsafe(32)
    if _publish_new(path, fresh):
        return fresh
    theirs = _read_stripped(path)
    if theirs:
        return theirs
    write_private_file(path, fresh)
    return fresh


def _write_temporary(path: Path, text: str) -> Path:
    temporary = path.with_name(f'.{path.name}.{secrets.token_hex(6)}.tmp')
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
    try:
        with os.fdopen(descriptor, 'w', encoding='utf-8') as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _publish_new(path: Path, text: str) -> bool:
    """Put a whole private file at `path` only if nothing is there yet; False if another process got there first."""
    temporary = _write_temporary(path, text)
    try:
        os.link(temporary, path)  # unlike a rename, a link never replaces an existing file
    except FileExistsError:
        return False
    except OSError:
        os.replace(temporary, path)  # a file system without hard links: last writer wins
    finally:
        temporary.unlink(missing_ok=True)
    _sync_directory(path.parent)
    return True


def _read_stripped(path: Path) -> str:
    try:
        return path.read_text(encoding='utf-8').strip()
    except FileNotFoundError:
        return ''


def _keep_private(path: Path) -> None:
    """Tighten a secret an operator (or an older version) left readable by others, where the file system allows it."""
    if is_private(path):
        return
    try:
        path.chmod(PRIVATE_MODE)
    except OSError as error:
        log.warning('%s can be read by other users and could not be made private: %s', path, error)


def _sync_directory(directory: Path) -> None:
    # the rename or link is durable only once the directory entry is on disk; some systems cannot open a directory
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
