"""Kill the server while it is saving kits: every kit it acknowledged is in the database, which opens intact."""

from __future__ import annotations

import asyncio
import signal
import sqlite3

import httpx
import pytest

from branding.models import EXAMPLE_PROFILE, BrandKit
from tests.conftest import AppServer

pytestmark = pytest.mark.e2e


async def acknowledged_until_killed(server: AppServer, *, acknowledgements: int, workers: int) -> list[str]:
    acknowledged: list[str] = []
    enough = asyncio.Event()
    body = {'company_profile': EXAMPLE_PROFILE.model_dump(mode='json'), 'num_variations': 2, 'focus': 'tagline'}

    async def keep_generating(client: httpx.AsyncClient) -> None:
        while True:
            try:
                response = await client.post('/api/v1/generate-branding', json=body)
            except httpx.HTTPError:
                return  # the server is gone
            if response.status_code == 200:
                acknowledged.append(response.json()['id'])
                if len(acknowledged) >= acknowledgements:
                    enough.set()

    async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
        tasks = [asyncio.create_task(keep_generating(client)) for _ in range(workers)]
        await asyncio.wait_for(enough.wait(), timeout=120)
        server.process.send_signal(signal.SIGKILL)  # mid-write: the other workers' kits are being made and saved
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=30)
    return list(acknowledged)


@pytest.mark.parametrize('acknowledgements', [10, 40])
async def test_a_killed_server_loses_no_acknowledged_kit(acknowledgements: int) -> None:
    server = AppServer(extra_env={'BRANDSMITH_RATE_LIMIT': '0'})
    try:
        server.wait_until_healthy()
        acknowledged = await acknowledged_until_killed(server, acknowledgements=acknowledgements, workers=6)
        assert server.process.wait(timeout=10) == -signal.SIGKILL

        connection = sqlite3.connect(server.data_dir / 'kits.db')
        try:
            assert connection.execute('PRAGMA integrity_check').fetchone()[0] == 'ok'
            rows = dict(connection.execute('SELECT id, kit_json FROM kits').fetchall())
        finally:
            connection.close()
        missing = [kit_id for kit_id in acknowledged if kit_id not in rows]
        assert not missing, f'{len(missing)} of {len(acknowledged)} acknowledged kits lost'
        for kit_id in acknowledged:
            assert BrandKit.model_validate_json(rows[kit_id]).id == kit_id
    finally:
        server.close()
