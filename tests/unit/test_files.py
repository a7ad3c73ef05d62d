"""Private files: 0600 from their first byte, written whole, and one storage secret even when two processes start."""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from branding.files import create_private, read_or_create_secret, write_private_file


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    """The usual umask (022), under which files made without an explicit mode are readable by everyone."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def test_a_private_file_is_made_0600_and_never_replaces_one(tmp_path: Path) -> None:
    path = tmp_path / 'kits.db'
    assert create_private(path) is True
    assert mode(path) == 0o600
    path.write_bytes(b'kits')
    assert create_private(path) is False
    assert path.read_bytes() == b'kits'


def test_a_written_file_is_private_before_it_appears(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / '.storage_secret'
    path.write_text('old')
    path.chmod(0o644)
    modes_when_renamed: list[int] = []
    real_replace = os.replace

    def replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        modes_when_renamed.append(mode(Path(source)))
        assert Path(source).read_text() == 'new secret', 'the whole text is on disk before the rename'
        real_replace(source, target)

    monkeypatch.setattr('branding.files.os.replace', replace)
    write_private_file(path, 'new secret')
    assert modes_when_renamed == [0o600]
    assert path.read_text() == 'new secret'
    assert mode(path) == 0o600
    assert sorted(child.name for child in tmp_path.iterdir()) == ['.storage_secret'], 'no temporary file is left'


def test_a_secret_is_made_once_and_kept(tmp_path: Path) -> None:
    path = tmp_path / '.storage_secret'
    secret = read_or_create_secret(path)
    assert len(secret) >= 43  # 32 random bytes, URL-safe
    assert mode(path) == 0o600
    assert read_or_create_secret(path) == secret


def test_a_secret_left_readable_by_others_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / '.storage_secret'
    path.write_text('kept-secret\n')
    path.chmod(0o644)
    assert read_or_create_secret(path) == 'kept-secret'
    assert mode(path) == 0o600


def test_a_blank_secret_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / '.storage_secret'
    path.write_text('\n')
    secret = read_or_create_secret(path)
    assert secret
    assert path.read_text() == secret
    assert mode(path) == 0o600


def test_two_processes_making_the_secret_at_once_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The other process publishes its secret between this one's look and its write: this one adopts it."""
    path = tmp_path / '.storage_secret'
    real_token = secrets.token_urlsafe

    def token_while_another_process_publishes(size: int) -> str:
        path.write_text('theirs')
        return real_token(size)

    monkeypatch.setattr('branding.files.secrets.token_urlsafe', token_while_another_process_publishes)
    assert read_or_create_secret(path) == 'theirs'
    assert path.read_text() == 'theirs'
    assert sorted(child.name for child in tmp_path.iterdir()) == ['.storage_secret']
