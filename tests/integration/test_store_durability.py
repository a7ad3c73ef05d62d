"""A kit whose save returned survives kill -9: a child process saves kits in a loop and is killed mid-write.

The child prints each kit id right after `save()` returns (an acknowledged kit). The test reads some
acknowledgements, SIGKILLs the child while it keeps writing, and then checks that the database is intact and holds
every acknowledged kit. Rounds reuse the same file, so later rounds also start from a database recovered after a kill.

Run as `python -m tests.integration.test_store_durability <db path>` to be the child.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from branding.models import EXAMPLE_PROFILE, BrandingRequest, BrandKit, new_kit_id
from branding.orchestrator import generate_kit
from branding.store import SqliteKitStore, request_key
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS

ROOT = Path(__file__).resolve().parents[2]
# Several savers at once, so kills also land while saves queue on the store's lock.
CONCURRENT_SAVERS = 4
OWNER = 'caller:durability-test'
# Different counts per round move the kill to different points of the save cycle.
ACKS_PER_ROUND = (15, 40, 90, 160)
# Only a guard against a hung child; no assertion depends on timing.
HANG_GUARD_S = 180.0


async def save_forever(path: Path) -> None:
    request = BrandingRequest(company_profile=EXAMPLE_PROFILE, seed=1)
    template = await generate_kit(request, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS)
    store = SqliteKitStore(path)
    key = request_key(request, ['offline'])

    async def saver() -> None:
        while True:
            kit = template.model_copy(update={'id': new_kit_id()})
            await store.save(kit, request, request_key=key, owner=OWNER)
            sys.stdout.write(f'{kit.id}\n')
            sys.stdout.flush()

    await asyncio.gather(*(saver() for _ in range(CONCURRENT_SAVERS)))


def start_child(path: Path, stderr_path: Path) -> subprocess.Popen[str]:
    env = {key: value for key, value in os.environ.items() if key != 'PYTEST_CURRENT_TEST'}
    env['BRANDSMITH_PROVIDERS'] = 'offline'
    with stderr_path.open('w') as stderr:
        return subprocess.Popen(
            [sys.executable, '-m', 'tests.integration.test_store_durability', str(path)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )


def read_acknowledgements(child: subprocess.Popen[str], count: int, stderr_path: Path) -> list[str]:
    assert child.stdout is not None
    acknowledged: list[str] = []
    while len(acknowledged) < count:
        line = child.stdout.readline()
        if not line:
            child.wait()
            stopped = f'the child stopped after {len(acknowledged)} saves (exit {child.returncode})'
            pytest.fail(f'{stopped}:\n{stderr_path.read_text()}')
        acknowledged.append(line.strip())
    return acknowledged


def kill_mid_write(child: subprocess.Popen[str]) -> None:
    child.send_signal(signal.SIGKILL)  # the child never stops saving, so this lands during some write
    child.wait()
    assert child.stdout is not None
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL


def assert_database_holds(path: Path, acknowledged: list[str]) -> None:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute('PRAGMA integrity_check').fetchall() == [('ok',)]
    finally:
        connection.close()
    store = SqliteKitStore(path)
    try:
        stored = {kit_id: store.get_sync(kit_id) for kit_id in acknowledged}
    finally:
        store.close_sync()
    missing = [kit_id for kit_id, entry in stored.items() if entry is None]
    assert not missing, f'{len(missing)} acknowledged kits lost, e.g. {missing[:3]}'
    for kit_id, entry in stored.items():
        assert entry is not None
        assert isinstance(entry.kit, BrandKit)
        assert entry.kit.id == kit_id
        assert entry.kit.company_name == EXAMPLE_PROFILE.name
        assert entry.kit.logos
        assert entry.request.company_profile == EXAMPLE_PROFILE


@pytest.mark.skipif(sys.platform == 'win32', reason='SIGKILL is POSIX')
def test_acknowledged_kits_survive_kill_9(tmp_path: Path) -> None:
    path = tmp_path / 'kits.db'
    acknowledged: list[str] = []
    for round_number, count in enumerate(ACKS_PER_ROUND):
        stderr_path = tmp_path / f'child-{round_number}.err'
        child = start_child(path, stderr_path)
        guard = threading.Timer(HANG_GUARD_S, child.kill)
        guard.start()
        try:
            acknowledged += read_acknowledgements(child, count, stderr_path)
            kill_mid_write(child)
        finally:
            guard.cancel()
            if child.poll() is None:
                child.kill()
                child.wait()

        assert_database_holds(path, acknowledged)
    assert len(set(acknowledged)) == sum(ACKS_PER_ROUND)


if __name__ == '__main__':
    asyncio.run(save_forever(Path(sys.argv[1])))
