"""Two app processes on one SQLite database: what one saves, the other serves, with the same owners."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Browser, expect

from branding.models import EXAMPLE_PROFILE
from branding.owners import CALLER_HEADER
from tests.conftest import AppServer

pytestmark = pytest.mark.e2e


@pytest.fixture(scope='module')
def instances() -> Iterator[tuple[AppServer, AppServer]]:
    shared = Path(tempfile.mkdtemp(prefix='brandsmith-shared-db-'))
    env = {'DATABASE_URL': f'sqlite:///{shared / "kits.db"}', 'BRANDSMITH_STORAGE_SECRET': 'shared-secret-for-tests'}
    servers = (AppServer(extra_env=env), AppServer(extra_env=env))
    try:
        for server in servers:
            server.wait_until_healthy()
        yield servers
    finally:
        for server in servers:
            server.close()
        shutil.rmtree(shared, ignore_errors=True)


def body(name: str) -> dict[str, object]:
    profile = EXAMPLE_PROFILE.model_dump(mode='json') | {'name': name}
    return {'company_profile': profile, 'num_variations': 1, 'focus': 'palette'}


async def test_a_kit_saved_on_one_instance_is_served_listed_and_deleted_on_the_other(
    instances: tuple[AppServer, AppServer],
) -> None:
    first, second = instances
    async with httpx.AsyncClient(timeout=60) as client:
        made = await client.post(f'{first.url}/api/v1/generate-branding', json=body('Shared Harbour'))
        caller = {CALLER_HEADER: made.headers[CALLER_HEADER]}
        kit = made.json()

        assert (await client.get(f'{second.url}/api/v1/kits/{kit["id"]}')).json() == kit
        listing = (await client.get(f'{second.url}/api/v1/kits', headers=caller)).json()
        assert [item['id'] for item in listing['items']] == [kit['id']]
        share = await client.get(f'{second.url}/kit/{kit["id"]}')
        assert share.status_code == 200 and 'Shared Harbour' in share.text

        other = {CALLER_HEADER: 'someone-else-entirely-0123456789'}
        assert (await client.delete(f'{second.url}/api/v1/kits/{kit["id"]}', headers=other)).status_code == 403
        assert (await client.delete(f'{second.url}/api/v1/kits/{kit["id"]}', headers=caller)).status_code == 204
        assert (await client.get(f'{first.url}/api/v1/kits/{kit["id"]}')).status_code == 404


async def test_both_instances_save_at_once_and_lose_nothing(instances: tuple[AppServer, AppServer]) -> None:
    caller = {CALLER_HEADER: 'busy-caller-0123456789abcdefghij'}
    async with httpx.AsyncClient(timeout=120) as client:
        made = await asyncio.gather(
            *(
                client.post(f'{instances[n % 2].url}/api/v1/generate-branding', json=body(f'Kit {n}'), headers=caller)
                for n in range(12)
            )
        )
        assert all(response.status_code == 200 for response in made)
        for server in instances:
            listing = (await client.get(f'{server.url}/api/v1/kits?limit=50', headers=caller)).json()
            assert sorted(item['company_name'] for item in listing['items']) == sorted(f'Kit {n}' for n in range(12))


async def test_a_browser_sees_its_kits_on_either_instance(
    instances: tuple[AppServer, AppServer], browser: Browser
) -> None:
    first, second = instances
    context = await browser.new_context()
    page = await context.new_page()
    await page.goto(first.url)
    await page.get_by_role('button', name='Try an example').click()
    await page.get_by_label('Company name').fill('Two Door Bakery')
    await page.get_by_role('button', name='Generate brand kit').click()
    await expect(page.get_by_text('Your brand kit is ready')).to_be_visible(timeout=30_000)

    # the same browser (cookies belong to the host, not the port; one storage secret) finds its kit on the other one
    other = await context.new_page()
    await other.goto(second.url)
    await other.get_by_text('Your recent kits').click()
    await expect(other.get_by_text('Two Door Bakery')).to_be_visible()
    stranger = await (await browser.new_context()).new_page()
    await stranger.goto(second.url)
    await stranger.get_by_text('Your recent kits').click()
    await expect(stranger.get_by_text('Kits you make appear here.')).to_be_visible()
    await expect(stranger.get_by_text('Two Door Bakery')).to_have_count(0)
